//! The ISO/IEC 27001:2022 Statement of Applicability, drafted from the SOC 2 answers: all
//! 93 Annex A controls (A.5.1–A.8.34) with our short titles, whether each applies, why,
//! whether it is implemented and the SOC 2 questions linked to it through the crosswalk.
//!
//! Every figure comes from the report model: implementation from the ISO 27001 head start
//! ([`HeadStart`](crate::scoring::HeadStart), the crosswalk applied to the answers), the
//! exclusions from N/A answers with their reasons. A control no SOC 2 question in scope
//! reaches is listed as not assessed by the SOC 2 questions, never as implemented: the
//! organisation decides its applicability and assesses it separately.

mod csv;
mod xlsx;

use serde::Serialize;

use super::model::{AnswerLine, ReportModel, answer_key};
use crate::assessment::Answer;
use crate::scoring::{ControlCoverage, Coverage};

pub use csv::render as render_csv;
pub use xlsx::render as render_xlsx;

/// What the SoA says about a control that no SOC 2 question in scope reaches.
pub const NOT_ASSESSED: &str = "Not assessed by the SOC 2 questions";

/// The columns of the SoA, in every format.
pub const COLUMNS: [&str; 7] = [
    "Control",
    "Theme",
    "Title",
    "Applicable",
    "Justification",
    "Implemented",
    "Linked SOC 2 questions",
];

/// One Annex A control in the SoA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SoaRow {
    /// The control number, e.g. `A.8.5`.
    pub id: &'static str,
    /// Its Annex A theme ("A.8 Technological").
    pub theme: &'static str,
    /// Its short title, in our own words.
    pub title: &'static str,
    /// "Yes", "No" or [`NOT_ASSESSED`].
    pub applicable: &'static str,
    /// Why, in words.
    pub justification: String,
    /// "Yes", "Partly", "No", "Not answered yet", "Not applicable" or [`NOT_ASSESSED`].
    pub implemented: &'static str,
    /// The SOC 2 questions linked to it (the N/A ones for an excluded control).
    pub questions: Vec<String>,
}

/// The SoA of `model`: one row per Annex A control, in ISO order.
pub fn rows(model: &ReportModel) -> Vec<SoaRow> {
    let lines: Vec<&AnswerLine> = model
        .answers
        .iter()
        .flat_map(|group| &group.questions)
        .collect();
    model
        .iso27001_head_start
        .controls
        .iter()
        .filter(|control| control.id.starts_with("A."))
        .map(|control| row(control, &lines))
        .collect()
}

fn row(control: &ControlCoverage, lines: &[&AnswerLine]) -> SoaRow {
    let linked = |line: &&&AnswerLine| line.iso27001.contains(&control.id);
    let not_applicable: Vec<&AnswerLine> = lines
        .iter()
        .filter(linked)
        .filter(|line| line.answer_key == answer_key(Some(Answer::NotApplicable)))
        .copied()
        .collect();
    let total = control.questions.len();
    let linked_questions = linked_count(total);
    let unanswered = lines
        .iter()
        .filter(linked)
        .filter(|line| {
            [answer_key(None), answer_key(Some(Answer::Unsure))].contains(&line.answer_key)
        })
        .count();
    let (applicable, implemented, justification) = match control.coverage {
        Coverage::Covered => (
            "Yes",
            "Yes",
            format!("Every one of the {linked_questions} is at least in place."),
        ),
        Coverage::Partly => (
            "Yes",
            "Partly",
            format!(
                "{} of the {linked_questions} are at least in place.",
                control.in_place
            ),
        ),
        Coverage::NotCovered if unanswered >= total => (
            "Yes",
            "Not answered yet",
            format!("The {linked_questions}: not answered yet, or unsure."),
        ),
        Coverage::NotCovered => (
            "Yes",
            "No",
            format!("The {linked_questions}: none in place yet."),
        ),
        Coverage::NotAddressed if !not_applicable.is_empty() => {
            let reasons: Vec<String> = not_applicable
                .iter()
                .map(|line| {
                    let reason = line.na_reason.trim();
                    let reason = if reason.is_empty() { "no reason given" } else { reason };
                    format!("{}: {reason}", line.id)
                })
                .collect();
            (
                "No",
                "Not applicable",
                format!("Answered N/A in the SOC 2 assessment. {}", reasons.join("; ")),
            )
        }
        Coverage::NotAddressed => (
            NOT_ASSESSED,
            NOT_ASSESSED,
            "No SOC 2 question in scope reaches this control: decide whether it applies and assess it separately."
                .to_string(),
        ),
    };
    let questions = if control.coverage == Coverage::NotAddressed {
        not_applicable.iter().map(|line| line.id.clone()).collect()
    } else {
        control.questions.clone()
    };
    SoaRow {
        id: control.id,
        theme: control.theme.label(),
        title: control.title,
        applicable,
        justification,
        implemented,
        questions,
    }
}

/// "1 linked SOC 2 question" or "3 linked SOC 2 questions".
fn linked_count(count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} linked SOC 2 question{plural}")
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
