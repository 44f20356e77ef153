//! The earliest realistic report dates, with every assumption in words.
//!
//! The model (see docs/time.md), kept simple so it can be explained to an auditor:
//! - Each gap costs weeks of work: the question's `effort` (weeks from nothing to evidenced)
//!   scaled by the levels still missing, or else one week per missing level — two for key
//!   controls.
//! - Remediation takes the longer of the biggest single gap and the total work divided by
//!   the team's capacity ([`CAPACITY`] weeks of work per calendar week).
//! - Type 1: today + remediation of every answered gap toward "evidenced" (and the
//!   attestation questions' own levels) + [`LEAD_DAYS`] for fieldwork and the report.
//! - Type 2: the observation window starts once every gap is closed, because each control
//!   has to operate through the whole window (the gap register says the same: those gaps
//!   come "before the observation window starts") — earlier only when nothing is left to
//!   close and the evidence log proves every key control operating since an earlier day,
//!   later if the plan chose a later start — and lasts the planned months; the report
//!   follows the window's end (never before today) by the same lead time.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::{Answer, AnswerRecord, Assessment};
use crate::questionnaire::{Level, Question, Questionnaire, Stage, Target};
use crate::time::evidence;

/// Weeks of gap work a team gets through per calendar week.
pub const CAPACITY: u32 = 2;

/// Days from "ready" (or the window's end) to the report: fieldwork, drafting, issuing.
pub const LEAD_DAYS: i32 = 42;

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
}

/// One estimated report date with the assumptions behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// The earliest realistic date of the report.
    pub date: Date,
    /// Every assumption, in plain words.
    pub assumptions: Vec<String>,
}

/// The earliest realistic Type 1 and Type 2 report dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// A Type 1 report (design at a point in time).
    pub type1: Estimate,
    /// A Type 2 report (operation over the window).
    pub type2: Estimate,
    /// The first day of the Type 2 observation window.
    pub window_start: Date,
    /// The last day of the Type 2 observation window.
    pub window_end: Date,
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

/// The report dates for `gaps` (every gap toward Type 1) under `inputs`. Pure arithmetic.
pub fn plan(gaps: &[GapWork], inputs: Inputs) -> Timeline {
    let today = inputs.today;
    let lead = format!(
        "fieldwork and the report take about {} weeks after that",
        LEAD_DAYS / 7
    );
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
    let mut type1 = vec![
        format!("{words}, so controls are evidenced by {ready}"),
        lead.clone(),
    ];
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
    type2.push(lead);
    type2.extend(unanswered);
    let after_window = add_days(end.max(today), LEAD_DAYS);
    Timeline {
        type1: Estimate {
            date: add_days(ready, LEAD_DAYS),
            assumptions: type1,
        },
        type2: Estimate {
            date: after_window,
            assumptions: type2,
        },
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

/// The timeline of an assessment on `today`: its answered gaps toward Type 1, its plan and
/// what its evidence log proves.
pub fn timeline(questionnaire: &Questionnaire, assessment: &Assessment, today: Date) -> Timeline {
    let mut gaps = Vec::new();
    let mut unanswered = 0;
    let mut proven_since = Some(Date::MIN);
    for question in questionnaire.questions() {
        let counts = assessment.in_scope_for(question, Target::Type1)
            || assessment.in_scope_for(question, Target::Type2);
        if !counts {
            continue;
        }
        let record = assessment.record(&question.id);
        let Some(answer) = record.and_then(AnswerRecord::effective_answer) else {
            // Counted as the scorecard counts "open": in scope for the target, relevant yet.
            if assessment.counts_for(question, assessment.target) {
                unanswered += 1;
            }
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
    plan(
        &gaps,
        Inputs {
            today,
            window_months: assessment.audit.window_months,
            chosen_start: assessment.audit.start,
            proven_since: proven_since.filter(|since| *since > Date::MIN),
            unanswered,
        },
    )
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
