//! Coverage of the Type 2 observation window: does the evidence show each occurrence of a
//! control inside the window ([`planned_window`]: the one chosen, else the timeline's)?
//!
//! A periodic control (a question with a `frequency`) must run once in every stretch of
//! its cadence inside the window: a six-month window holds two quarterly occurrences and
//! six monthly ones; a window shorter than the cadence still holds one. Each occurrence is
//! *covered* when a current (not expired) evidence entry touches it — its period, or the
//! day it was collected — *missed* when it ended uncovered, and *open* while it lasts.
//! A control without a cadence has one occurrence: the whole window. Evidence wholly
//! outside the window still shows the design (Type 1) but is *out of period* for Type 2;
//! expired evidence counts for neither.
//!
//! Type 2 credit follows coverage: an "operating over time" answer on a periodic control
//! with a missed occurrence is scored as "evidenced" ([`capped`]), and said so.

mod summary;

pub use summary::{CoverageReport, StatusCounts};

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::{Answer, Assessment, Evidence};
use crate::questionnaire::{Frequency, Level, Question, Questionnaire, Stage};
use crate::scoring::{Policy, Scorecard, score};
use crate::time::timeline::timeline;

/// The observation window, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    /// Its first day.
    pub from: Date,
    /// Its last day.
    pub to: Date,
}

/// Where one occurrence stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotState {
    /// Current evidence touches it.
    Covered,
    /// It ended with no current evidence.
    Missed,
    /// It has not ended yet and has no evidence so far.
    Open,
}

/// One occurrence of a control inside the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Slot {
    /// Its first day.
    pub from: Date,
    /// Its last day.
    pub to: Date,
    /// Where it stands.
    pub state: SlotState,
}

/// What the request list says of a control's evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No evidence entry at all.
    Missing,
    /// Every entry has expired.
    Expired,
    /// Current evidence exists, none of it inside the window.
    OutOfPeriod,
    /// Some occurrences are covered, not all.
    Partly,
    /// Every occurrence is covered.
    Provided,
}

impl Status {
    /// The status in words, as the request list writes it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::Expired => "expired",
            Status::OutOfPeriod => "out of period",
            Status::Partly => "partly",
            Status::Provided => "provided",
        }
    }
}

/// The coverage of one control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The question id.
    pub question: String,
    /// Its cadence, when it is a periodic control.
    pub frequency: Option<Frequency>,
    /// Its occurrences inside the window, in order.
    pub slots: Vec<Slot>,
    /// Occurrences covered.
    pub covered: usize,
    /// Occurrences that ended uncovered.
    pub missed: usize,
    /// Current entries that touch the window.
    pub in_period: usize,
    /// Current entries wholly outside the window (they show the design, Type 1).
    pub out_of_period: usize,
    /// Entries that have expired.
    pub expired: usize,
    /// The request-list status.
    pub status: Status,
    /// Whether the control is answered "operating over time" (what Type 2 coverage checks).
    pub claims_operating: bool,
}

impl Coverage {
    /// Whether current evidence shows the design (Type 1): any entry not expired.
    pub fn shows_design(&self) -> bool {
        self.in_period + self.out_of_period > 0
    }

    /// The coverage in plain words: "2 of 4 quarterly occurrences covered (1 missed, 1
    /// still to come)", "evidence in the window", "1 entry, out of period".
    pub fn describe(&self) -> String {
        let total = self.slots.len();
        let open = total - self.covered - self.missed;
        let mut text = match self.frequency {
            Some(frequency) => format!(
                "{} of {total} {} occurrences covered",
                self.covered,
                frequency.key()
            ),
            None if self.covered > 0 => "evidence in the window".to_string(),
            None => "no evidence in the window".to_string(),
        };
        let mut notes = Vec::new();
        if self.frequency.is_some() && self.missed > 0 {
            notes.push(format!("{} missed", self.missed));
        }
        if self.frequency.is_some() && open > 0 {
            notes.push(format!("{open} still to come"));
        }
        if self.out_of_period > 0 {
            notes.push(plural(self.out_of_period, "entry", "entries") + " out of period");
        }
        if self.expired > 0 {
            notes.push(plural(self.expired, "entry", "entries") + " expired");
        }
        if !notes.is_empty() {
            text = format!("{text} ({})", notes.join(", "));
        }
        text
    }

    /// Why an "operating over time" answer does not get Type 2 credit, if it does not.
    pub fn type2_shortfall(&self) -> Option<String> {
        (self.claims_operating && self.frequency.is_some() && self.missed > 0).then(|| {
            format!(
                "answered operating over time, but the evidence shows {} of {} {} occurrences in the observation window ({} missed), so it counts as evidenced until the missing occurrences are shown",
                self.covered,
                self.slots.len(),
                self.frequency.map_or("", Frequency::key),
                self.missed
            )
        })
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The occurrences of a control with `frequency` inside `window`: consecutive stretches of
/// its cadence from the window's first day (month ends clamp: from 31 January a monthly
/// cadence runs to 27 February, then from 28 February), the last one cut at the window's end.
pub fn occurrences(window: Window, frequency: Option<Frequency>) -> Vec<(Date, Date)> {
    let Some(frequency) = frequency else {
        return vec![(window.from, window.to)];
    };
    let mut slots = Vec::new();
    let mut index = 0_i32;
    loop {
        let start = step(window.from, frequency, index);
        if start > window.to {
            break;
        }
        let next = step(window.from, frequency, index + 1);
        let end = next.yesterday().unwrap_or(next).min(window.to);
        slots.push((start, end));
        index += 1;
    }
    slots
}

fn step(from: Date, frequency: Frequency, times: i32) -> Date {
    from.checked_add((frequency.months() * times).months())
        .unwrap_or(Date::MAX)
}

/// The coverage of `entries` for a control with `frequency`, over `window`, on `today`.
pub fn coverage_of(
    question: &str,
    frequency: Option<Frequency>,
    entries: &[Evidence],
    window: Window,
    today: Date,
) -> Coverage {
    let current: Vec<&Evidence> = entries
        .iter()
        .filter(|entry| !entry.expired(today))
        .collect();
    let touches = |entry: &Evidence, from: Date, to: Date| {
        let (start, end) = entry.span();
        start <= to && end >= from
    };
    let slots: Vec<Slot> = occurrences(window, frequency)
        .into_iter()
        .map(|(from, to)| Slot {
            from,
            to,
            state: if current.iter().any(|entry| touches(entry, from, to)) {
                SlotState::Covered
            } else if to < today {
                SlotState::Missed
            } else {
                SlotState::Open
            },
        })
        .collect();
    let count = |state| slots.iter().filter(|slot| slot.state == state).count();
    let (covered, missed) = (count(SlotState::Covered), count(SlotState::Missed));
    let in_period = current
        .iter()
        .filter(|entry| touches(entry, window.from, window.to))
        .count();
    let out_of_period = current.len() - in_period;
    let expired = entries.len() - current.len();
    let status = if entries.is_empty() {
        Status::Missing
    } else if current.is_empty() {
        Status::Expired
    } else if covered == slots.len() {
        Status::Provided
    } else if covered > 0 {
        Status::Partly
    } else {
        // Current evidence that touched the window would cover an occurrence.
        Status::OutOfPeriod
    };
    Coverage {
        question: question.to_string(),
        frequency,
        slots,
        covered,
        missed,
        in_period,
        out_of_period,
        expired,
        status,
        claims_operating: false,
    }
}

/// The window coverage is measured over: the one the company chose (`[audit] start`, the
/// period its auditor will test, even where the timeline thinks it too early), else the
/// earliest one the timeline plans on `today`.
pub fn planned_window(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    today: Date,
) -> Window {
    if let Some(from) = assessment.audit.start {
        let to = from
            .checked_add(i32::from(assessment.audit.window_months).months())
            .and_then(|end| end.yesterday())
            .unwrap_or(Date::MAX);
        return Window { from, to };
    }
    let plan = timeline(questionnaire, assessment, today);
    Window {
        from: plan.window_start,
        to: plan.window_end,
    }
}

/// Whether a question's evidence is tested by an auditor: an in-scope control of the
/// compliance stage.
fn tested(question: &Question, assessment: &Assessment) -> bool {
    question.stage == Stage::Compliance && assessment.in_scope(question)
}

/// The coverage of every in-scope control (not N/A) over `window`, in questionnaire order.
pub fn coverage(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    window: Window,
    today: Date,
) -> Vec<Coverage> {
    questionnaire
        .questions()
        .iter()
        .filter(|question| tested(question, assessment))
        .filter(|question| assessment.answer(&question.id) != Some(Answer::NotApplicable))
        .map(|question| {
            let entries = assessment
                .record(&question.id)
                .map_or(&[][..], |record| &record.evidence);
            Coverage {
                claims_operating: assessment.answer(&question.id)
                    == Some(Answer::Level(Level::Operating)),
                ..coverage_of(&question.id, question.frequency, entries, window, today)
            }
        })
        .collect()
}

/// The assessment as Type 2 credit sees it: every "operating over time" answer of a
/// periodic control with a missed occurrence in the window counts as "evidenced". Borrowed
/// unchanged when nothing is capped.
pub fn capped<'a>(
    questionnaire: &Questionnaire,
    assessment: &'a Assessment,
    today: Date,
) -> Cow<'a, Assessment> {
    let window = planned_window(questionnaire, assessment, today);
    let short: Vec<String> = coverage(questionnaire, assessment, window, today)
        .into_iter()
        .filter(|coverage| coverage.type2_shortfall().is_some())
        .map(|coverage| coverage.question)
        .collect();
    if short.is_empty() {
        return Cow::Borrowed(assessment);
    }
    let mut capped = assessment.clone();
    for id in short {
        capped.edit(&id, |record| {
            record.answer = Some(Answer::Level(Level::Evidenced))
        });
    }
    Cow::Owned(capped)
}

/// The scorecard with Type 2 credit following coverage: [`score`] of [`capped`].
pub fn scorecard(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    policy: &Policy,
    today: Date,
) -> Scorecard {
    score(
        questionnaire,
        &capped(questionnaire, assessment, today),
        policy,
    )
}

#[cfg(test)]
mod tests;
