//! The coverage of a whole assessment on one day: its window, every tested control and
//! the counts per status — the one set of figures `score`, the report and the wizard show.

use jiff::civil::Date;
use serde::Serialize;

use super::{Coverage, Status, Window, coverage, planned_window};
use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;

/// How many controls have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    /// Every occurrence covered.
    pub provided: usize,
    /// Some occurrences covered.
    pub partly: usize,
    /// Current evidence, none in the window.
    pub out_of_period: usize,
    /// Only expired evidence.
    pub expired: usize,
    /// No evidence.
    pub missing: usize,
}

impl StatusCounts {
    /// The counts of `coverage`.
    pub fn of(coverage: &[Coverage]) -> Self {
        let mut counts = StatusCounts::default();
        for control in coverage {
            *match control.status {
                Status::Provided => &mut counts.provided,
                Status::Partly => &mut counts.partly,
                Status::OutOfPeriod => &mut counts.out_of_period,
                Status::Expired => &mut counts.expired,
                Status::Missing => &mut counts.missing,
            } += 1;
        }
        counts
    }

    /// "3 provided, 1 partly, 2 out of period, 0 expired, 170 missing".
    pub fn sentence(self) -> String {
        format!(
            "{} provided, {} partly, {} out of period, {} expired, {} missing",
            self.provided, self.partly, self.out_of_period, self.expired, self.missing
        )
    }
}

/// The coverage of an assessment on one day: its window, every tested control's coverage
/// and the counts — the one set of figures `score`, the report and the wizard show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageReport {
    /// The window measured.
    pub window: Window,
    /// Controls per status.
    pub counts: StatusCounts,
    /// Every tested control, in questionnaire order.
    pub controls: Vec<Coverage>,
}

impl CoverageReport {
    /// The coverage of `assessment` on `today`.
    pub fn of(questionnaire: &Questionnaire, assessment: &Assessment, today: Date) -> Self {
        let window = planned_window(questionnaire, assessment, today);
        let controls = coverage(questionnaire, assessment, window, today);
        Self {
            window,
            counts: StatusCounts::of(&controls),
            controls,
        }
    }

    /// The controls with evidence of any kind, or a periodic cadence with a missed
    /// occurrence: those worth a line of their own.
    pub fn notable(&self) -> impl Iterator<Item = &Coverage> {
        self.controls
            .iter()
            .filter(|control| control.status != Status::Missing || control.missed > 0)
    }

    /// The coverage of one question, if it is a tested control.
    pub fn control(&self, question: &str) -> Option<&Coverage> {
        self.controls
            .iter()
            .find(|control| control.question == question)
    }
}
