//! The control calendar as the report shows it: every periodic control in scope that is in
//! place or logged ([`calendar`]), with its owner and the evidence to keep each time it
//! runs. The XLSX "Calendar" sheet and the iCalendar file are both laid out from it.

use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;
use crate::time::calendar::{DEFAULT_WITHIN_DAYS, DueItem, calendar};

/// One periodic control on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduledControl {
    /// When it last ran, when it is next due and where it stands.
    #[serde(flatten)]
    pub item: DueItem,
    /// The criterion the question cites (`CC6.3`).
    pub criterion: String,
    /// Who runs it (may be empty).
    pub owner: String,
    /// What to keep as evidence each time it runs.
    pub evidence: Vec<String>,
}

/// The calendar of `assessment` on `today`, most urgent first (the order of [`calendar`]).
pub fn schedule(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    today: Date,
) -> Vec<ScheduledControl> {
    calendar(questionnaire, assessment, today, DEFAULT_WITHIN_DAYS)
        .into_iter()
        .filter_map(|item| {
            let question = questionnaire.question(&item.question)?;
            let owner = assessment
                .record(&question.id)
                .map(|record| record.owner.clone())
                .unwrap_or_default();
            Some(ScheduledControl {
                criterion: question.criterion.clone(),
                owner,
                evidence: question.evidence.clone(),
                item,
            })
        })
        .collect()
}
