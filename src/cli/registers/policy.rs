//! `soc2-ready policy add|accept|list|remove|templates`: the policy register with the
//! share of staff who acknowledged each current version.

use std::fmt::Write;

use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::registers::import::{AcceptanceRow, acceptances};
use soc2_ready::registers::input::{self, option_name};
use soc2_ready::registers::policies::{self, Share, find, share, staff};
use soc2_ready::registers::{PolicyRecord, Refusal};

use super::super::args::ScoreFormat;
use super::super::edit::{date_arg, edit};
use super::super::{Failure, GlobalArgs, Output, clock, load_assessment, load_questionnaire};
use super::args::{PolicyAcceptArgs, PolicyAddArgs, PolicyCommand, RegisterListArgs};
use super::{FindingOut, findings_text, json, read_csv, refused, refused_in, unknown};

/// Runs one `policy` subcommand.
pub fn run(global: &GlobalArgs, command: &PolicyCommand) -> Result<Output, Failure> {
    match command {
        PolicyCommand::Add(args) => add(global, args),
        PolicyCommand::Accept(args) => accept(global, args),
        PolicyCommand::List(args) => list(global, args),
        PolicyCommand::Remove(args) => {
            let questionnaire = load_questionnaire(global)?;
            edit(&args.path, &clock()?, &questionnaire, |assessment| {
                let policies = &mut assessment.registers.policies;
                let index = find(policies, &args.name)
                    .ok_or_else(|| unknown("policy", &args.name, "policy"))?;
                let removed = policies.remove(index);
                Ok(format!("removed policy \"{}\"\n", removed.name))
            })
        }
        PolicyCommand::Templates(args) => super::templates::run(global, args),
    }
}

fn add(global: &GlobalArgs, args: &PolicyAddArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let new = input::policy(
        [&args.name, &args.owner, &args.version, &args.approved],
        args.file.as_deref(),
        option_name,
    )
    .map_err(refused)?;
    edit(&args.path, &clock()?, &questionnaire, |assessment| {
        let policies = &mut assessment.registers.policies;
        let Some(index) = find(policies, &new.name) else {
            let line = format!("added policy \"{}\" version {}\n", new.name, new.version);
            policies.push(new);
            return Ok(line);
        };
        let policy = &mut policies[index];
        if policy.version == new.version {
            return Err(refused(Refusal::new(
                "--name",
                &args.name,
                format!(
                    "is already in the register at version {}; give another --version to record a new one",
                    policy.version
                ),
            )));
        }
        let was = policy.version.clone();
        policy
            .new_version(&new.version, new.approved)
            .map_err(refused)?;
        policy.owner = new.owner;
        if args.file.is_some() {
            policy.file = new.file;
        }
        Ok(format!(
            "policy \"{}\": version {} (was {was}); acknowledgements start again\n",
            policy.name, policy.version
        ))
    })
}

fn accept(global: &GlobalArgs, args: &PolicyAcceptArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let clock = clock()?;
    let date = match &args.date {
        Some(text) => date_arg("--date", text)?,
        None => clock.today(),
    };
    let rows = match &args.csv {
        Some(path) => acceptances(&read_csv(path)?).map_err(|refusal| refused_in(path, refusal))?,
        // clap requires --person without --csv; an empty one is refused by `accept`.
        None => vec![AcceptanceRow {
            line: 0,
            person: args.person.clone().unwrap_or_default(),
            email: args.email.clone().unwrap_or_default(),
            date: None,
        }],
    };
    edit(&args.path, &clock, &questionnaire, |assessment| {
        let policies = &mut assessment.registers.policies;
        let index = find(policies, &args.policy)
            .ok_or_else(|| unknown("--policy", &args.policy, "policy"))?;
        let policy = &mut policies[index];
        for row in &rows {
            policy
                .accept(&row.person, &row.email, row.date.unwrap_or(date))
                .map_err(|refusal| match &args.csv {
                    Some(path) => refused_in(
                        path,
                        Refusal {
                            field: format!(
                                "line {}, column {}",
                                row.line,
                                csv_column(&refusal.field)
                            ),
                            ..refusal
                        },
                    ),
                    None => refused(refusal),
                })?;
        }
        Ok(format!(
            "policy \"{}\" version {}: {} acknowledgement(s) recorded\n",
            policy.name,
            policy.version,
            rows.len()
        ))
    })
}

/// The CSV column that an acknowledgement option stands for.
fn csv_column(option: &str) -> &str {
    match option {
        "--date" => "date",
        _ => "name",
    }
}

#[derive(Serialize)]
struct PolicyOut<'a> {
    name: &'a str,
    owner: &'a str,
    version: &'a str,
    approved: String,
    review_due: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    file: &'a str,
    accepted: usize,
    staff: usize,
    accepted_percent: u8,
    not_accepted: Vec<&'a str>,
}

#[derive(Serialize)]
struct ListOut<'a> {
    staff: &'a [String],
    policies: Vec<PolicyOut<'a>>,
    findings: Vec<FindingOut<'a>>,
}

fn list(global: &GlobalArgs, args: &RegisterListArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
    let stdout = render(&assessment, args.format);
    Ok(Output { stdout, warnings })
}

/// The register as text or JSON.
fn render(assessment: &Assessment, format: ScoreFormat) -> String {
    let register = &assessment.registers.policies;
    let people = staff(register);
    let findings = policies::findings(register);
    let share_of = |policy: &PolicyRecord| share(policy, &people);
    match format {
        ScoreFormat::Json => json(&ListOut {
            staff: &people,
            policies: register
                .iter()
                .map(|policy| {
                    let Share { accepted, staff } = share_of(policy);
                    PolicyOut {
                        name: &policy.name,
                        owner: &policy.owner,
                        version: &policy.version,
                        approved: policy.approved.to_string(),
                        review_due: policy.review_due().to_string(),
                        file: &policy.file,
                        accepted,
                        staff,
                        accepted_percent: share_of(policy).percent(),
                        not_accepted: people
                            .iter()
                            .filter(|person| !policy.accepted_by(person))
                            .map(String::as_str)
                            .collect(),
                    }
                })
                .collect(),
            findings: findings.iter().map(FindingOut::from).collect(),
        }),
        ScoreFormat::Text if register.is_empty() => {
            "No policies in the register yet (`policy add`, or `policy templates` for a starter set).\n".into()
        }
        ScoreFormat::Text => {
            let mut text = format!("Policies of {} ({} staff known):\n", assessment.organization, people.len());
            for policy in register {
                let share = share_of(policy);
                let _ = writeln!(
                    text,
                    "  {}  v{}  approved {}  review by {}  owner {}  acknowledged {}/{} ({}%)",
                    policy.name,
                    policy.version,
                    policy.approved,
                    policy.review_due(),
                    policy.owner,
                    share.accepted,
                    share.staff,
                    share.percent()
                );
            }
            text.push_str(&findings_text(&findings));
            text
        }
    }
}
