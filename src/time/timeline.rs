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
//! - Type 2: the observation window starts once every key control is remediated — earlier
//!   if the evidence log proves every key control has been operating since an earlier day,
//!   later if the plan chose a later start, or if the other gaps would still be open at its
//!   end — and lasts the planned months; the report follows the window's end (never before
//!   today) by the same lead time.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::{Answer, Assessment};
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
    /// Whether it is a key control of the compliance stage (these gate a Type 2 window).
    pub key_control: bool,
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
    /// Questions in scope still unanswered (assumed to need no work, said so).
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
fn remediation(gaps: &[GapWork], (one, many): (&str, &str)) -> (i32, String) {
    let total: u32 = gaps.iter().map(|gap| gap.weeks).sum();
    let longest = gaps.iter().map(|gap| gap.weeks).max().unwrap_or(0);
    let weeks = longest.max(total.div_ceil(CAPACITY));
    let days = i32::try_from(weeks * 7).unwrap_or(i32::MAX);
    let words = match gaps.len() {
        0 => format!("no {many} to close"),
        1 => format!("1 {one} takes about {total} weeks of work"),
        n => format!(
            "{n} {many} take about {total} weeks of work; at {CAPACITY} weeks of work a week, and no faster than the biggest single gap ({longest} weeks), that is {weeks} weeks"
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
            "1 unanswered question is assumed to need no work; answer it for a firmer date"
                .to_string(),
        ),
        n => Some(format!(
            "{n} unanswered questions are assumed to need no work; answer them for a firmer date"
        )),
    };

    let (days, words) = remediation(gaps, ("gap", "gaps"));
    let ready = add_days(today, days);
    let mut type1 = vec![
        format!("{words}, so controls are evidenced by {ready}"),
        lead.clone(),
    ];
    type1.extend(unanswered.clone());

    let key: Vec<GapWork> = gaps.iter().copied().filter(|gap| gap.key_control).collect();
    let (key_days, key_words) = remediation(&key, ("key-control gap", "key-control gaps"));
    let key_ready = add_days(today, key_days);
    let mut type2 = vec![format!(
        "{key_words}, so every key control can be operating by {key_ready}"
    )];
    let mut start = key_ready;
    if let Some(proven) = inputs
        .proven_since
        .filter(|proven| key.is_empty() && *proven < start)
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
        Some(chosen) => type2.push(format!(
            "the planned start {chosen} is too early: key controls are not yet operating then, so the window starts on {start}"
        )),
        None => {}
    }
    let window_end = |start: Date| {
        start
            .checked_add(i32::from(inputs.window_months).months())
            .and_then(|end| end.yesterday())
            .unwrap_or(Date::MAX)
    };
    let mut end = window_end(start);
    if end < ready {
        // Every control has to work through the window's end, so it cannot end before the
        // last gap is closed: move it later.
        end = ready;
        start = end
            .checked_sub(i32::from(inputs.window_months).months())
            .and_then(|start| start.tomorrow())
            .unwrap_or(start)
            .max(start);
        type2.push(format!(
            "every other gap is closed by {ready} at the earliest, and the window cannot end before that, so it starts on {start}"
        ));
    } else {
        type2.push(format!(
            "every other gap is closed by {ready}, within the window; each control is tested only from the day it runs, so close them early"
        ));
    }
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
        let Some(answer) = record.and_then(|record| record.answer) else {
            unanswered += 1;
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
            gaps.push(GapWork { weeks, key_control });
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
mod tests {
    use super::*;

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::constant(y, m, d)
    }

    fn inputs(today: Date) -> Inputs {
        Inputs {
            today,
            window_months: 3,
            chosen_start: None,
            proven_since: None,
            unanswered: 0,
        }
    }

    fn gap(weeks: u32, key_control: bool) -> GapWork {
        GapWork { weeks, key_control }
    }

    #[test]
    fn capacity_or_the_biggest_gap_sets_the_pace() {
        // 2 + 3 + 6 + 1 = 12 weeks of work at 2 a week = 6 weeks; the biggest gap is 6 weeks.
        // Type 1: 2026-11-24 + 42 days = 2027-01-05 ready, + 42 days = 2027-02-16.
        // Key gaps: 6 + 2 = 8 weeks at 2 a week = 4, but the 6-week gap wins: 2027-01-05.
        // Window 2027-01-05 .. 2027-04-04; report 2027-04-04 + 42 days = 2027-05-16.
        let gaps = [
            gap(2, false),
            gap(3, false),
            gap(6, true),
            gap(1, false),
            gap(2, true),
        ];
        let timeline = plan(&gaps[..4], inputs(day(2026, 11, 24)));
        assert_eq!(timeline.type1.date, day(2027, 2, 16));
        assert_eq!(timeline.window_start, day(2027, 1, 5));
        assert_eq!(timeline.window_end, day(2027, 4, 4));
        assert_eq!(timeline.type2.date, day(2027, 5, 16));
        // 14 weeks of work at 2 a week = 7 weeks: 2027-01-12 + 42 days = 2027-02-23.
        let timeline = plan(&gaps, inputs(day(2026, 11, 24)));
        assert_eq!(timeline.type1.date, day(2027, 2, 23));
        assert!(
            timeline.type1.assumptions[0].starts_with("5 gaps take about 14 weeks of work"),
            "{:?}",
            timeline.type1.assumptions
        );
    }

    #[test]
    fn nothing_to_do_still_needs_the_lead_time_and_a_lived_window() {
        let timeline = plan(&[], inputs(day(2028, 2, 29)));
        assert_eq!(timeline.type1.date, day(2028, 4, 11));
        // 29 Feb + 3 months = 29 May, minus a day: the window is 29 Feb to 28 May.
        assert_eq!(timeline.window_end, day(2028, 5, 28));
        assert_eq!(timeline.type2.date, day(2028, 7, 9));
        assert_eq!(
            timeline.type1.assumptions[0],
            "no gaps to close, so controls are evidenced by 2028-02-29"
        );
    }

    #[test]
    fn the_log_can_move_the_window_back_but_never_into_an_unlived_report() {
        let mut with_proof = inputs(day(2026, 11, 24));
        with_proof.proven_since = Some(day(2026, 6, 1));
        with_proof.window_months = 6;
        let timeline = plan(&[], with_proof);
        // Window 2026-06-01 .. 2026-11-30 (not yet over), so the report is 2026-11-30 + 42 days.
        assert_eq!(timeline.window_start, day(2026, 6, 1));
        assert_eq!(timeline.window_end, day(2026, 11, 30));
        assert_eq!(timeline.type2.date, day(2027, 1, 11));
        // A window proven long ago is over: the report is today + the lead time, never earlier.
        with_proof.proven_since = Some(day(2025, 1, 1));
        assert_eq!(plan(&[], with_proof).type2.date, day(2027, 1, 5));
        // Open key gaps make the proof irrelevant.
        let timeline = plan(&[gap(4, true)], with_proof);
        assert_eq!(timeline.window_start, day(2026, 12, 22));
    }

    #[test]
    fn a_chosen_start_is_kept_when_feasible_and_explained_when_not() {
        let mut chosen = inputs(day(2026, 11, 24));
        chosen.chosen_start = Some(day(2027, 3, 1));
        chosen.window_months = 12;
        let timeline = plan(&[gap(2, true)], chosen);
        assert_eq!(timeline.window_start, day(2027, 3, 1));
        assert_eq!(timeline.window_end, day(2028, 2, 29));
        assert_eq!(timeline.type2.date, day(2028, 4, 11));
        chosen.chosen_start = Some(day(2026, 12, 1));
        let timeline = plan(&[gap(2, true)], chosen);
        assert_eq!(timeline.window_start, day(2026, 12, 8));
        assert!(
            timeline
                .type2
                .assumptions
                .iter()
                .any(|line| line.starts_with("the planned start 2026-12-01 is too early"))
        );
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn the_window_never_ends_before_every_gap_is_closed() {
        // Key gap 2 weeks: operating by 2026-12-08. All gaps: 2 + 5 × 4 = 22 weeks of work
        // at 2 a week = 11 weeks = 77 days: 2027-02-09. The 3-month window ends on
        // 2027-03-07, after that: kept. With ten more 4-week gaps (62 weeks at 2 a week =
        // 31 weeks = 217 days): ready 2027-06-29, so the window ends then and starts
        // 2027-03-30 (29 June − 3 months + 1 day); the report follows 42 days later.
        let today = Date::constant(2026, 11, 24);
        let inputs = Inputs {
            today,
            window_months: 3,
            chosen_start: None,
            proven_since: None,
            unanswered: 0,
        };
        let four = GapWork {
            weeks: 4,
            key_control: false,
        };
        let mut gaps = vec![GapWork {
            weeks: 2,
            key_control: true,
        }];
        gaps.extend([four; 5]);
        let timeline = plan(&gaps, inputs);
        assert_eq!(timeline.window_start, Date::constant(2026, 12, 8));
        assert_eq!(timeline.window_end, Date::constant(2027, 3, 7));
        let mut more = gaps.clone();
        more.extend([four; 10]);
        let timeline = plan(&more, inputs);
        assert_eq!(timeline.window_end, Date::constant(2027, 6, 29));
        assert_eq!(timeline.window_start, Date::constant(2027, 3, 30));
        assert_eq!(timeline.type2.date, Date::constant(2027, 8, 10));
        assert!(timeline.type2.date >= timeline.type1.date);
    }
}
