//! `soc2-ready evidence add|list|remove`: the dated evidence log of each control, with the
//! months of operating evidence it proves and the *claimed, not evidenced* flags.

use std::fmt::Write;

use soc2_ready::assessment::{AnswerRecord, Assessment, Evidence};
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::time::evidence::{self, EVIDENCE_MONTHS_QUESTION};

use super::answer::find_question;
use super::args::{EvidenceAddArgs, EvidenceCommand};
use super::edit::{date_arg, edit};
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_questionnaire};

/// Runs one `evidence` subcommand.
pub fn run(global: &GlobalArgs, command: &EvidenceCommand) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    match command {
        EvidenceCommand::Add(args) => add(&questionnaire, args),
        EvidenceCommand::List { path, question } => {
            let (assessment, warnings) = load_assessment(path, &questionnaire)?;
            if let Some(id) = question {
                find_question(&questionnaire, id)?;
            }
            Ok(Output {
                stdout: list(&questionnaire, &assessment, question.as_deref()),
                warnings,
            })
        }
        EvidenceCommand::Remove {
            path,
            question,
            number,
        } => {
            let question = find_question(&questionnaire, question)?;
            let clock = clock()?;
            edit(path, &clock, &questionnaire, |assessment| {
                let count = assessment
                    .record(&question.id)
                    .map_or(0, |record| record.evidence.len());
                if *number == 0 || *number > count {
                    return Err(Failure::Invalid(format!(
                        "{}: there is no evidence entry {number} ({count} entries; `soc2-ready evidence list` numbers them); nothing was changed",
                        question.id
                    )));
                }
                let mut removed = None;
                assessment.edit(&question.id, |record| {
                    removed = Some(record.evidence.remove(number - 1));
                });
                let title = removed.map(|entry| entry.title).unwrap_or_default();
                Ok(format!(
                    "{}: removed evidence {number} \"{title}\" ({} left)\n",
                    question.id,
                    count - 1
                ))
            })
        }
    }
}

/// Adds one entry, checked first: a title, real dates, a period that does not end before it
/// starts, nothing collected in the future.
fn add(questionnaire: &Questionnaire, args: &EvidenceAddArgs) -> Result<Output, Failure> {
    let question = find_question(questionnaire, &args.question)?;
    let clock = clock()?;
    let today = clock.today();
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Failure::Invalid("--title must not be empty".into()));
    }
    let collected = match &args.collected {
        Some(text) => date_arg("--collected", text)?,
        None => today,
    };
    if collected > today {
        return Err(Failure::Invalid(format!(
            "--collected: {collected} is in the future (today is {today})"
        )));
    }
    let period = match (&args.from, &args.to) {
        (Some(from), Some(to)) => {
            let (from, to) = (date_arg("--from", from)?, date_arg("--to", to)?);
            if from > to {
                return Err(Failure::Invalid(format!(
                    "--to: the period ends ({to}) before it starts ({from})"
                )));
            }
            Some((from, to))
        }
        _ => None,
    };
    let entry = Evidence {
        title: title.to_string(),
        location: args.location.trim().to_string(),
        collected,
        period,
    };
    edit(&args.path, &clock, questionnaire, |assessment| {
        let window = assessment.audit.window_months;
        let mut summary = String::new();
        assessment.edit(&question.id, |record| {
            let at = record
                .evidence
                .partition_point(|existing| existing.collected <= entry.collected);
            record.evidence.insert(at, entry);
            summary = format!(
                "{}: added evidence {} of {}; {}\n",
                question.id,
                at + 1,
                record.evidence.len(),
                state(record, window)
            );
        });
        Ok(summary)
    })
}

/// Months of evidence and the flag, in words.
fn state(record: &AnswerRecord, window: u8) -> String {
    let months = evidence::months(&record.evidence);
    let unit = if months == 1 { "month" } else { "months" };
    match evidence::claim(record, window) {
        Some(claim) => format!(
            "{months} {unit} of operating evidence; {}",
            claim.describe()
        ),
        None => format!("{months} {unit} of operating evidence"),
    }
}

/// The log of one question or of every question with evidence or a claim.
fn list(questionnaire: &Questionnaire, assessment: &Assessment, only: Option<&str>) -> String {
    let window = assessment.audit.window_months;
    let mut out = String::new();
    for (id, record) in &assessment.answers {
        if only.is_some_and(|only| only != id) {
            continue;
        }
        if only.is_none() && record.evidence.is_empty() && evidence::claim(record, window).is_none()
        {
            continue;
        }
        let title = questionnaire
            .question(id)
            .map_or("(not in this questionnaire)", |question| &question.title);
        let _ = writeln!(out, "{id} · {title}: {}", state(record, window));
        for (number, entry) in record.evidence.iter().enumerate() {
            let period = entry
                .period
                .map(|(from, to)| format!("  covers {from} to {to}"))
                .unwrap_or_default();
            let location = if entry.location.is_empty() {
                String::new()
            } else {
                format!("  at {}", entry.location)
            };
            let _ = writeln!(
                out,
                "  {}. {}  {}{period}{location}",
                number + 1,
                entry.collected,
                entry.title
            );
        }
    }
    if out.is_empty() {
        out.push_str(match only {
            Some(_) => "No evidence for this question yet.\n",
            None => "No evidence logged yet, and no answer claims any.\n",
        });
    }
    if only.is_none()
        && let Some(suggestion) = evidence::suggest_months(questionnaire, assessment)
        && let Some(question) = questionnaire.question(EVIDENCE_MONTHS_QUESTION)
    {
        let _ = writeln!(
            out,
            "\nSuggested for {EVIDENCE_MONTHS_QUESTION}: \"{}\" (the median of the {} controls with evidence is {} months)",
            question.level_label(suggestion.level),
            suggestion.controls,
            suggestion.median_months
        );
    }
    out
}
