//! The earliest realistic report dates, with every assumption in words.
//!
//! The model (see docs/time.md), kept simple so it can be explained to an auditor:
//! - Each gap costs weeks of work: the question's `effort` (weeks from nothing to evidenced)
//!   scaled by the levels still missing, or else one week per missing level — two for key
//!   controls. Only compliance and attestation questions that apply yet count: what a company
//!   tells customers after a report ("certification") cannot hold the report back.
//! - Remediation takes the longer of the biggest single gap and the total work divided by
//!   the team's capacity ([`CAPACITY`] weeks of work per calendar week).
//! - Without a signed engagement letter, fieldwork cannot start before the audit firm can be
//!   booked: [`BOOKING_DAYS`] from today (firms book four to twelve weeks out).
//! - Type 1: the report describes the design *as of* one date — the day every gap toward
//!   "evidenced" is closed (or the booking floor) — and follows it by [`LAG_DAYS`] (a range).
//! - Type 2: the observation window starts once every gap is closed, because each control
//!   has to operate through the whole window (the gap register says the same: those gaps
//!   come "before the observation window starts") — earlier only when nothing is left to
//!   close and the evidence log proves every key control operating since an earlier day,
//!   later if the plan chose a later start — and lasts the planned months; the report
//!   follows the window's end (never before today or the booking floor) by the same lag.
//!   Periodic controls that cannot recur inside the window are warned about
//!   ([`super::timeline_window`]).

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::{Answer, AnswerRecord, Assessment};
use crate::questionnaire::{Level, Question, Questionnaire, Stage, Target};
use crate::time::evidence;
use crate::time::timeline_window;

/// Weeks of gap work a team gets through per calendar week.
pub const CAPACITY: u32 = 2;

/// Days from the as-of date (or the window's end) to the report: fieldwork, drafting and
/// issuing take four to ten weeks; a first report tends to the longer end.
pub const LAG_DAYS: (i32, i32) = (28, 70);

/// Days from today before fieldwork can start when no engagement letter is signed: audit
/// firms book four to twelve weeks out, and the model takes the middle.
pub const BOOKING_DAYS: i32 = 56;

/// The attestation question whose top level ("Engagement letter signed") means the
/// fieldwork dates are booked.
pub const ENGAGEMENT_QUESTION: &str = "ATT.auditor";

/// How recent a key control's evidence must reach to prove it is still operating.
pub const CURRENT_EVIDENCE_DAYS: i32 = 31;

/// The work one gap needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GapWork {
    /// Weeks of work.
    pub weeks: u32,
}

/// What the model starts from besides the gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inputs {
    /// Today.
    pub today: Date,
    /// The planned window length in months.
    pub window_months: u8,
    /// A chosen window start, if any.
    pub chosen_start: Option<Date>,
    /// The day since which the evidence log proves every key control operating, if it does.
    pub proven_since: Option<Date>,
    /// Open questions: in scope for the target, relevant, no answer yet (the scorecard's
    /// "open"; assumed to need no work, said so).
    pub unanswered: usize,
    /// Whether an engagement letter with the audit firm is signed (fieldwork booked).
    pub engaged: bool,
}

/// One estimated report with the assumptions behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// The date the report speaks of: a Type 1 report's "as-of" date, the last day of a
    /// Type 2 report's observation window.
    pub as_of: Date,
    /// The earliest realistic date the report is issued.
    pub date: Date,
    /// The latest the report should take at the usual pace (a first report tends there).
    pub latest: Date,
    /// Every assumption, in plain words.
    pub assumptions: Vec<String>,
}

impl Estimate {
    /// When the report is issued, as a range: "2027-01-29 to 2027-03-12".
    pub fn range(&self) -> String {
        format!("{} to {}", self.date, self.latest)
    }
}

/// The earliest realistic Type 1 and Type 2 report dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// A Type 1 report (design as of one date).
    pub type1: Estimate,
    /// A Type 2 report (operation over the window).
    pub type2: Estimate,
    /// The first day of the Type 2 observation window.
    pub window_start: Date,
    /// The last day of the Type 2 observation window.
    pub window_end: Date,
}

impl Timeline {
    /// One line per report type, the same on every surface: "Type 1 as of 2027-01-01,
    /// report 2027-01-29 to 2027-03-12".
    pub fn headline(&self, target: Target) -> String {
        match target {
            Target::Type1 => format!(
                "Type 1 as of {}, report {}",
                self.type1.as_of,
                self.type1.range()
            ),
            Target::Type2 => format!(
                "Type 2 for {} to {}, report {}",
                self.window_start,
                self.window_end,
                self.type2.range()
            ),
        }
    }
}

/// Calendar days of remediation for `gaps`, and the assumption in words.
fn remediation(gaps: &[GapWork]) -> (i32, String) {
    let total: u32 = gaps.iter().map(|gap| gap.weeks).sum();
    let longest = gaps.iter().map(|gap| gap.weeks).max().unwrap_or(0);
    let weeks = longest.max(total.div_ceil(CAPACITY));
    let days = i32::try_from(weeks * 7).unwrap_or(i32::MAX);
    let words = match gaps.len() {
        0 => "no gaps to close".to_string(),
        1 => format!("1 gap takes about {total} weeks of work"),
        n => format!(
            "{n} gaps take about {total} weeks of work; at {CAPACITY} weeks of work a week, and no faster than the biggest single gap ({longest} weeks), that is {weeks} weeks"
        ),
    };
    (days, words)
}

fn add_days(date: Date, days: i32) -> Date {
    date.checked_add(days.days()).unwrap_or(Date::MAX)
}

/// The estimate of a report about `as_of` whose fieldwork starts on `fieldwork`.
fn estimate(as_of: Date, fieldwork: Date, assumptions: Vec<String>) -> Estimate {
    Estimate {
        as_of,
        date: add_days(fieldwork, LAG_DAYS.0),
        latest: add_days(fieldwork, LAG_DAYS.1),
        assumptions,
    }
}

/// The report dates for `gaps` (every gap toward Type 1) under `inputs`. Pure arithmetic.
pub fn plan(gaps: &[GapWork], inputs: Inputs) -> Timeline {
    let today = inputs.today;
    let lag = format!(
        "fieldwork, drafting and issuing the report take {} to {} weeks after that; a first report tends to the longer end",
        LAG_DAYS.0 / 7,
        LAG_DAYS.1 / 7
    );
    let booked = add_days(today, BOOKING_DAYS);
    let booking = (!inputs.engaged).then(|| {
        format!(
            "no engagement letter is signed yet, and audit firms book four to twelve weeks out, so fieldwork is assumed to start no sooner than {booked} ({} weeks from today); sign one to firm this up",
            BOOKING_DAYS / 7
        )
    });
    let floor = if inputs.engaged { today } else { booked };
    let unanswered = match inputs.unanswered {
        0 => None,
        1 => Some(
            "1 open question (no answer yet) is assumed to need no work; answer it for a firmer date"
                .to_string(),
        ),
        n => Some(format!(
            "{n} open questions (no answer yet) are assumed to need no work; answer them for a firmer date"
        )),
    };

    let (days, words) = remediation(gaps);
    let ready = add_days(today, days);
    let as_of = ready.max(floor);
    let mut type1 = vec![format!("{words}, so controls are evidenced by {ready}")];
    type1.extend(booking.clone().filter(|_| floor > ready));
    type1.push(format!(
        "a Type 1 report describes the design as of one date, here {as_of}; {lag}"
    ));
    type1.extend(unanswered.clone());

    // Every control has to operate through the whole window, so it opens once the last
    // gap is closed.
    let mut start = ready;
    let mut type2 = vec![if gaps.is_empty() {
        format!("no gaps to close, so the window can start on {ready}")
    } else {
        format!(
            "every gap is closed by {ready} (the same work as for Type 1), and every control must operate through the whole window, so it starts then"
        )
    }];
    if let Some(proven) = inputs
        .proven_since
        .filter(|proven| gaps.is_empty() && *proven < start)
    {
        start = proven;
        type2.push(format!(
            "the evidence log shows every key control operating since {proven}, so the window can count from then"
        ));
    }
    match inputs.chosen_start {
        Some(chosen) if chosen >= start => {
            start = chosen;
            type2.push(format!("the planned window starts on {chosen}"));
        }
        Some(chosen) => {
            let why = if gaps.is_empty() {
                "the evidence log does not show every key control operating since then"
            } else {
                "gaps are still open then"
            };
            type2.push(format!(
                "the planned start {chosen} is too early: {why}, so the window starts on {start}"
            ));
        }
        None => {}
    }
    let end = start
        .checked_add(i32::from(inputs.window_months).months())
        .and_then(|end| end.yesterday())
        .unwrap_or(Date::MAX);
    type2.push(format!(
        "the observation window lasts {} months, {start} to {end}, and has to be lived through before the audit can test it",
        inputs.window_months
    ));
    let fieldwork = end.max(today);
    type2.extend(booking.filter(|_| floor > fieldwork));
    type2.push(lag);
    type2.extend(unanswered);
    Timeline {
        type1: estimate(as_of, as_of, type1),
        type2: estimate(end, fieldwork.max(floor), type2),
        window_start: start,
        window_end: end,
    }
}

/// Weeks of work to bring `question` from `current` up to `needed`.
pub fn gap_weeks(question: &Question, current: Level, needed: Level) -> u32 {
    let short = u32::from(needed.number().saturating_sub(current.number()));
    if short == 0 {
        return 0;
    }
    match question.effort {
        Some(effort) => (u32::from(effort) * short).div_ceil(3).max(1),
        None => short * if question.key { 2 } else { 1 },
    }
}

/// Whether the question can hold a report back: in scope for either report type, and
/// neither a "certification" question (what is said after a report) nor one that does not
/// apply yet.
fn gates_the_report(assessment: &Assessment, question: &Question) -> bool {
    (assessment.in_scope_for(question, Target::Type1)
        || assessment.in_scope_for(question, Target::Type2))
        && question.stage != Stage::Certification
        && assessment.is_relevant(question)
}

/// The timeline of an assessment on `today`: its answered gaps toward Type 1, its plan, what
/// its evidence log proves and the periodic controls that cannot recur inside the window.
pub fn timeline(questionnaire: &Questionnaire, assessment: &Assessment, today: Date) -> Timeline {
    let mut gaps = Vec::new();
    let mut unanswered = 0;
    let mut proven_since = Some(Date::MIN);
    for question in questionnaire.questions() {
        let record = assessment.record(&question.id);
        let answer = record.and_then(AnswerRecord::effective_answer);
        // Counted as the scorecard counts "open" (in scope for the target, relevant yet), so
        // every surface gives one number; a "certification" question still never gates.
        if answer.is_none() && assessment.counts_for(question, assessment.target) {
            unanswered += 1;
        }
        if !gates_the_report(assessment, question) {
            continue;
        }
        let Some(answer) = answer else {
            if question.key && question.stage == Stage::Compliance {
                proven_since = None;
            }
            continue;
        };
        let Some(current) = answer.effective_level() else {
            continue;
        };
        let key_control = question.key && question.stage == Stage::Compliance;
        if key_control {
            let run = record
                .map(|record| evidence::runs(&record.evidence))
                .and_then(|mut runs| runs.pop())
                .filter(|run| add_days(run.to, CURRENT_EVIDENCE_DAYS) >= today);
            proven_since = match (proven_since, run) {
                (Some(since), Some(run)) => Some(since.max(run.from)),
                _ => None,
            };
        }
        if !assessment.in_scope_for(question, Target::Type1) || answer == Answer::NotApplicable {
            continue;
        }
        let weeks = gap_weeks(question, current, question.required_for(Target::Type1));
        if weeks > 0 {
            gaps.push(GapWork { weeks });
        }
    }
    let engaged = questionnaire.question(ENGAGEMENT_QUESTION).is_some()
        && assessment
            .answer(ENGAGEMENT_QUESTION)
            .and_then(Answer::effective_level)
            .is_some_and(|level| level >= Level::Operating);
    let mut timeline = plan(
        &gaps,
        Inputs {
            today,
            window_months: assessment.audit.window_months,
            chosen_start: assessment.audit.start,
            proven_since: proven_since.filter(|since| *since > Date::MIN),
            unanswered,
            engaged,
        },
    );
    let warnings = timeline_window::warnings(
        questionnaire,
        assessment,
        (timeline.window_start, timeline.window_end),
    );
    timeline.type2.assumptions.extend(warnings);
    timeline
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
