//! Evidence arithmetic: which days an answer's evidence log covers, how many whole months
//! of operating evidence that makes, whether an answer is *claimed, not evidenced*, and the
//! months-of-evidence answer the log suggests.
//!
//! Entries prove the days of their period (or the day they were collected). Overlapping or
//! touching periods join into one run; a gap of a day or more breaks it. Months of operating
//! evidence are those of the longest run (so adding an entry never lowers them), in whole
//! calendar months: from 31 January, one month is reached on 28 February (29 in leap years).

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::{Answer, AnswerRecord, Assessment, Evidence};
use crate::questionnaire::{Level, Questionnaire, Stage};

/// The attestation question that asks for months of operating evidence.
pub const EVIDENCE_MONTHS_QUESTION: &str = "ATT.evidence-months";

/// A continuous stretch of days proven by evidence, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The first day.
    pub from: Date,
    /// The last day.
    pub to: Date,
}

impl Run {
    /// Whole calendar months from `from` to the day after `to`.
    pub fn months(self) -> u32 {
        let Some(end) = self.to.tomorrow().ok() else {
            return 0;
        };
        let mut months = 0;
        while self
            .from
            .checked_add((months + 1).months())
            .is_ok_and(|reached| reached <= end)
        {
            months += 1;
        }
        u32::try_from(months).unwrap_or(0)
    }
}

/// The runs of days covered by `entries`, oldest first.
pub fn runs(entries: &[Evidence]) -> Vec<Run> {
    let mut spans: Vec<(Date, Date)> = entries.iter().map(Evidence::span).collect();
    spans.sort();
    let mut runs: Vec<Run> = Vec::new();
    for (from, to) in spans {
        match runs.last_mut() {
            Some(last) if last.to.tomorrow().is_ok_and(|next| from <= next) => {
                last.to = last.to.max(to);
            }
            _ => runs.push(Run { from, to }),
        }
    }
    runs
}

/// Whole months of operating evidence: those of the longest run (0 without evidence).
pub fn months(entries: &[Evidence]) -> u32 {
    runs(entries)
        .into_iter()
        .map(Run::months)
        .max()
        .unwrap_or(0)
}

/// Why an answer is *claimed, not evidenced*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Claim {
    /// "Evidenced" or "operating over time" with no evidence entry.
    NoEvidence,
    /// "Operating over time" whose evidence covers fewer months than the planned window.
    ShortOfWindow {
        /// Months of operating evidence (the longest run).
        months: u32,
        /// Months the planned observation window lasts.
        window: u8,
    },
}

impl Claim {
    /// The flag in words.
    pub fn describe(self) -> String {
        match self {
            Claim::NoEvidence => "claimed, not evidenced: no evidence entry".to_string(),
            Claim::ShortOfWindow { months, window } => format!(
                "claimed, not evidenced: {months} of the {window} months of the observation window"
            ),
        }
    }
}

/// Whether a record's answer is claimed rather than shown by its evidence log.
pub fn claim(record: &AnswerRecord, window_months: u8) -> Option<Claim> {
    match record.answer? {
        Answer::Level(Level::Evidenced | Level::Operating) if record.evidence.is_empty() => {
            Some(Claim::NoEvidence)
        }
        Answer::Level(Level::Operating) => {
            let months = months(&record.evidence);
            (months < u32::from(window_months)).then_some(Claim::ShortOfWindow {
                months,
                window: window_months,
            })
        }
        _ => None,
    }
}

/// A flagged answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimedAnswer {
    /// The question id.
    pub question: String,
    /// Why it is flagged.
    #[serde(flatten)]
    pub claim: Claim,
}

/// Every in-scope question whose answer is claimed, not evidenced, in questionnaire order.
pub fn claims(questionnaire: &Questionnaire, assessment: &Assessment) -> Vec<ClaimedAnswer> {
    questionnaire
        .questions()
        .iter()
        .filter(|question| question.stage == Stage::Compliance && assessment.in_scope(question))
        .filter_map(|question| {
            let record = assessment.record(&question.id)?;
            Some(ClaimedAnswer {
                question: question.id.clone(),
                claim: claim(record, assessment.audit.window_months)?,
            })
        })
        .collect()
}

/// What the log suggests for the months-of-evidence question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MonthsSuggestion {
    /// The suggested answer level (its labels: none, under 1, 1–2, 3–5, 6 or more months).
    pub level: Level,
    /// Controls in scope with at least one evidence entry.
    pub controls: usize,
    /// The median of their months of evidence.
    pub median_months: u32,
}

/// The months-of-evidence answer the log suggests: the median months over the controls
/// in scope that have evidence; `None` when no control has any.
pub fn suggest_months(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
) -> Option<MonthsSuggestion> {
    let mut per_control: Vec<u32> = questionnaire
        .questions()
        .iter()
        .filter(|question| question.stage == Stage::Compliance && assessment.in_scope(question))
        .filter_map(|question| assessment.record(&question.id))
        .filter(|record| !record.evidence.is_empty())
        .map(|record| months(&record.evidence))
        .collect();
    if per_control.is_empty() {
        return None;
    }
    per_control.sort_unstable();
    let median_months = per_control[(per_control.len() - 1) / 2];
    let level = match median_months {
        0 => Level::Planned,
        1..=2 => Level::InPlace,
        3..=5 => Level::Evidenced,
        _ => Level::Operating,
    };
    Some(MonthsSuggestion {
        level,
        controls: per_control.len(),
        median_months,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::constant(y, m, d)
    }

    fn entry(from: Date, to: Date) -> Evidence {
        Evidence {
            title: "e".into(),
            location: String::new(),
            collected: to,
            period: Some((from, to)),
            expires: None,
            files: Vec::new(),
        }
    }

    fn on(date: Date) -> Evidence {
        Evidence {
            title: "e".into(),
            location: String::new(),
            collected: date,
            period: None,
            expires: None,
            files: Vec::new(),
        }
    }

    #[test]
    fn months_are_whole_calendar_months_across_month_ends_and_leap_years() {
        let months = |from, to| Run { from, to }.months();
        assert_eq!(months(day(2026, 1, 1), day(2026, 3, 31)), 3);
        assert_eq!(months(day(2026, 1, 1), day(2026, 3, 30)), 2);
        // From 31 January one month is reached at the end of February.
        assert_eq!(months(day(2026, 1, 31), day(2026, 2, 27)), 1);
        assert_eq!(months(day(2026, 1, 31), day(2026, 2, 26)), 0);
        // Leap years: 29 February 2028 plus 12 months is 28 February 2029.
        assert_eq!(months(day(2028, 2, 29), day(2029, 2, 27)), 12);
        assert_eq!(months(day(2028, 2, 29), day(2029, 2, 26)), 11);
        assert_eq!(months(day(2028, 1, 30), day(2028, 2, 28)), 1);
        assert_eq!(months(day(2026, 5, 5), day(2026, 5, 5)), 0);
    }

    #[test]
    fn overlapping_and_touching_periods_join_and_gaps_break_the_run() {
        let entries = [
            entry(day(2026, 1, 1), day(2026, 2, 15)),
            entry(day(2026, 2, 1), day(2026, 3, 31)), // overlaps
            entry(day(2026, 4, 1), day(2026, 6, 30)), // touches
            on(day(2026, 5, 10)),                     // inside
            entry(day(2026, 8, 1), day(2026, 10, 31)), // after a gap in July
        ];
        assert_eq!(
            runs(&entries),
            [
                Run {
                    from: day(2026, 1, 1),
                    to: day(2026, 6, 30)
                },
                Run {
                    from: day(2026, 8, 1),
                    to: day(2026, 10, 31)
                },
            ]
        );
        assert_eq!(months(&entries), 6, "the longest run counts");
        assert_eq!(months(&entries[4..]), 3);
        assert_eq!(months(&[]), 0);
        // Entries in any order give the same runs.
        let mut reversed = entries.to_vec();
        reversed.reverse();
        assert_eq!(runs(&reversed), runs(&entries));
    }

    #[test]
    fn claims_need_evidence_and_operating_needs_the_whole_window() {
        let mut record = AnswerRecord {
            answer: Some(Answer::Level(Level::Operating)),
            ..AnswerRecord::default()
        };
        assert_eq!(claim(&record, 3), Some(Claim::NoEvidence));
        record
            .evidence
            .push(entry(day(2026, 9, 1), day(2026, 10, 31)));
        assert_eq!(
            claim(&record, 3),
            Some(Claim::ShortOfWindow {
                months: 2,
                window: 3
            })
        );
        record
            .evidence
            .push(entry(day(2026, 11, 1), day(2026, 11, 30)));
        assert_eq!(claim(&record, 3), None);
        assert_eq!(
            claim(&record, 6),
            Some(Claim::ShortOfWindow {
                months: 3,
                window: 6
            })
        );
        record.answer = Some(Answer::Level(Level::Evidenced));
        assert_eq!(
            claim(&record, 6),
            None,
            "evidenced needs an entry, not a window"
        );
        record.evidence.clear();
        assert_eq!(claim(&record, 6), Some(Claim::NoEvidence));
        for answer in [
            Answer::Level(Level::InPlace),
            Answer::Yes,
            Answer::NotApplicable,
        ] {
            record.answer = Some(answer);
            assert_eq!(claim(&record, 3), None);
        }
        assert_eq!(
            Claim::ShortOfWindow {
                months: 2,
                window: 3
            }
            .describe(),
            "claimed, not evidenced: 2 of the 3 months of the observation window"
        );
    }
}
