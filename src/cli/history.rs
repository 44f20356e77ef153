//! `soc2-ready history`: the dated snapshots of an assessment — date, answers given and
//! the three stage readiness figures — as text or JSON.

use std::fmt::Write;

use jiff::civil::Date;
use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::scoring::{Policy, score};
use soc2_ready::time::history;

use super::args::{HistoryArgs, ScoreFormat};
use super::{Failure, GlobalArgs, Output, load_assessment, load_questionnaire};

/// One line of the history.
#[derive(Debug, Serialize)]
struct Point {
    date: Date,
    answered: usize,
    compliance: u8,
    attestation: u8,
    certification: u8,
}

/// Lists the snapshots of the assessment at `args.path`.
pub fn run(global: &GlobalArgs, args: &HistoryArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
    let points = points(&questionnaire, &assessment);
    let stdout = match args.format {
        ScoreFormat::Json => {
            let mut text = serde_json::to_string_pretty(&points).expect("points serialize");
            text.push('\n');
            text
        }
        ScoreFormat::Text if points.is_empty() => {
            "No history yet: a snapshot is taken on the first change of each day.\n".into()
        }
        ScoreFormat::Text => {
            let mut out = format!(
                "{} — {} snapshots\nDate        Answered  Compliance  Attestation  Certification\n",
                assessment.organization,
                points.len()
            );
            for point in &points {
                let _ = writeln!(
                    out,
                    "{}  {:>8}  {:>8} %  {:>9} %  {:>11} %",
                    point.date,
                    point.answered,
                    point.compliance,
                    point.attestation,
                    point.certification
                );
            }
            out
        }
    };
    Ok(Output { stdout, warnings })
}

/// Every snapshot with its figures (scored now when the snapshot has none stored).
fn points(questionnaire: &Questionnaire, assessment: &Assessment) -> Vec<Point> {
    let policy = Policy::default();
    history::replay(&assessment.history)
        .into_iter()
        .zip(&assessment.history)
        .map(|((date, answers), snapshot)| {
            let [compliance, attestation, certification] =
                snapshot.readiness.unwrap_or_else(|| {
                    let then = history::with_answers(assessment, &answers);
                    history::stage_percents(&score(questionnaire, &then, &policy))
                });
            Point {
                date,
                answered: answers.len(),
                compliance,
                attestation,
                certification,
            }
        })
        .collect()
}
