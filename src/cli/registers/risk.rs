//! `soc2-ready risk add|list|import|remove`: the risk register (CC3.1–CC3.4) with its 5×5
//! heat map and the findings on risks whose treatment does not hold.

use std::fmt::Write;

use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::registers::import::risks;
use soc2_ready::registers::input::{self, RiskText, option_name};
use soc2_ready::registers::risks::{find, findings, heat_map, register_review_due};
use soc2_ready::registers::{Finding, Refusal, Risk, same_name};
use soc2_ready::scoring::{Policy, score};
use soc2_ready::time::registers::weak_controls;

use super::super::args::ScoreFormat;
use super::super::edit::edit;
use super::super::{
    Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire,
};
use super::args::{RegisterListArgs, RiskAddArgs, RiskCommand};
use super::{FindingOut, duplicate, findings_text, json, read_csv, refused, refused_in, unknown};

/// Runs one `risk` subcommand.
pub fn run(global: &GlobalArgs, command: &RiskCommand) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let known = |id: &str| questionnaire.question(id).is_some();
    let clock = clock()?;
    match command {
        RiskCommand::Add(args) => {
            let risk = input::risk(&text(args), option_name, known).map_err(refused)?;
            edit(&args.path, &clock, &questionnaire, |assessment| {
                add_all(assessment, vec![risk], |title| duplicate("--title", title))
            })
        }
        RiskCommand::Import(args) => {
            let list = risks(&read_csv(&args.csv)?, known)
                .map_err(|refusal| refused_in(&args.csv, refusal))?;
            edit(&args.path, &clock, &questionnaire, |assessment| {
                add_all(assessment, list, |title| {
                    refused_in(
                        &args.csv,
                        Refusal::new(
                            "column title",
                            title,
                            "is already in the register (titles are unique, whatever their case)",
                        ),
                    )
                })
            })
        }
        RiskCommand::List(args) => {
            let policy = load_config(global)?.policy();
            let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
            let found = risk_findings(&questionnaire, &assessment, &policy);
            let stdout = render(&assessment, &found, args);
            Ok(Output { stdout, warnings })
        }
        RiskCommand::Remove(args) => edit(&args.path, &clock, &questionnaire, |assessment| {
            let register = &mut assessment.registers.risks;
            let index =
                find(register, &args.name).ok_or_else(|| unknown("risk", &args.name, "risk"))?;
            Ok(format!(
                "removed risk \"{}\"\n",
                register.remove(index).title
            ))
        }),
    }
}

/// The options of `risk add` as text to check.
fn text(args: &RiskAddArgs) -> RiskText<'_> {
    RiskText {
        title: &args.title,
        likelihood: &args.likelihood,
        impact: &args.impact,
        treatment: &args.treatment,
        owner: &args.owner,
        controls: args.controls.iter().map(String::as_str).collect(),
        reviewed: args.reviewed.as_deref(),
        approver: args.approver.as_deref(),
        approved: args.approved.as_deref(),
    }
}

/// Adds every risk, or none when one's title is taken (in the register or the list).
fn add_all(
    assessment: &mut Assessment,
    list: Vec<Risk>,
    taken: impl Fn(&str) -> Failure,
) -> Result<String, Failure> {
    let register = &mut assessment.registers.risks;
    let mut text = String::new();
    for risk in list {
        if register
            .iter()
            .any(|other| same_name(&other.title, &risk.title))
        {
            return Err(taken(&risk.title));
        }
        let _ = writeln!(
            text,
            "added risk \"{}\" (score {}, {})",
            risk.title,
            risk.score(),
            risk.band().label()
        );
        register.push(risk);
    }
    Ok(text)
}

/// The risk register's findings, with the answers saying which controls are gaps.
fn risk_findings(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    policy: &Policy,
) -> Vec<Finding> {
    let card = score(questionnaire, assessment, policy);
    findings(
        &assessment.registers.risks,
        weak_controls(questionnaire, assessment, &card),
    )
}

#[derive(Serialize)]
struct RiskOut<'a> {
    title: &'a str,
    likelihood: u8,
    impact: u8,
    score: u8,
    band: &'a str,
    treatment: &'a str,
    owner: &'a str,
    controls: &'a [String],
    reviewed: Option<String>,
    approver: &'a str,
    approved: Option<String>,
}

#[derive(Serialize)]
struct ListOut<'a> {
    risks: Vec<RiskOut<'a>>,
    /// `heat_map[likelihood - 1][impact - 1]`: the number of risks in each cell.
    heat_map: [[usize; 5]; 5],
    review_due: Option<String>,
    findings: Vec<FindingOut<'a>>,
}

fn render(assessment: &Assessment, found: &[Finding], args: &RegisterListArgs) -> String {
    let register = &assessment.registers.risks;
    let date = |date: Option<jiff::civil::Date>| date.map(|date| date.to_string());
    match args.format {
        ScoreFormat::Json => json(&ListOut {
            risks: register
                .iter()
                .map(|risk| RiskOut {
                    title: &risk.title,
                    likelihood: risk.likelihood,
                    impact: risk.impact,
                    score: risk.score(),
                    band: risk.band().label(),
                    treatment: risk.treatment.key(),
                    owner: &risk.owner,
                    controls: &risk.controls,
                    reviewed: date(risk.reviewed),
                    approver: &risk.approver,
                    approved: date(risk.approved),
                })
                .collect(),
            heat_map: heat_map(register),
            review_due: date(register_review_due(register)),
            findings: found.iter().map(FindingOut::from).collect(),
        }),
        ScoreFormat::Text if register.is_empty() => {
            "No risks in the register yet (`risk add`).\n".into()
        }
        ScoreFormat::Text => {
            let mut text = format!("Risks of {}:\n", assessment.organization);
            for risk in register {
                let _ = writeln!(
                    text,
                    "  {}  L{} x I{} = {} ({})  {}  owner {}",
                    risk.title,
                    risk.likelihood,
                    risk.impact,
                    risk.score(),
                    risk.band().label(),
                    risk.treatment.key(),
                    risk.owner
                );
            }
            text.push_str(&heat_map_text(&heat_map(register)));
            match register_review_due(register) {
                Some(due) => {
                    let _ = writeln!(text, "Register review due by {due}");
                }
                None => text.push_str("Register review due now: a risk was never reviewed\n"),
            }
            text.push_str(&findings_text(found));
            text
        }
    }
}

/// The heat map as a grid: likelihood 5 at the top, impact 1 to 5 left to right.
fn heat_map_text(map: &[[usize; 5]; 5]) -> String {
    let mut text =
        String::from("\nHeat map (likelihood down, impact across):\n      I1 I2 I3 I4 I5\n");
    for likelihood in (1..=5).rev() {
        let _ = write!(text, "  L{likelihood} ");
        for count in map[likelihood - 1] {
            if count == 0 {
                text.push_str("  .");
            } else {
                let _ = write!(text, "{count:>3}");
            }
        }
        text.push('\n');
    }
    text
}
