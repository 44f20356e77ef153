//! Everything a report says about time, gathered once (pure): the stage readiness at every
//! history snapshot and today, the controls improved and regressed since the first
//! snapshot, the periodic controls due and the gaps past their due date, the earliest
//! report dates, the evidence coverage of the observation window, and the answers that are
//! claimed, not evidenced.

use jiff::civil::Date;
use serde::Serialize;

use super::calendar::{DEFAULT_WITHIN_DAYS, DueItem, DueState, calendar};
use super::compare::{Change, compare};
use super::coverage::{Coverage, CoverageReport, Status};
use super::evidence::{ClaimedAnswer, claims};
use super::history::{self, stage_percents};
use super::overdue::{LateGap, Overdue, late_gaps};
use super::registers;
use super::timeline::{Timeline, timeline};
use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Policy, Scorecard, score};

/// The three stage figures on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Point {
    /// The day.
    pub date: Date,
    /// Compliance readiness, percent.
    pub compliance: u8,
    /// Attestation readiness, percent.
    pub attestation: u8,
    /// "Certification" readiness, percent.
    pub certification: u8,
}

impl Point {
    fn new(date: Date, [compliance, attestation, certification]: [u8; 3]) -> Self {
        Self {
            date,
            compliance,
            attestation,
            certification,
        }
    }
}

/// The time facts of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Readiness at each snapshot, oldest first, ending with today.
    pub points: Vec<Point>,
    /// The first snapshot's day, when there is history to compare with.
    pub since: Option<Date>,
    /// Questions whose answer rose since then.
    pub improved: Vec<Change>,
    /// Questions whose answer fell since then.
    pub regressed: Vec<Change>,
    /// Periodic controls overdue, due within 30 days, or never logged.
    pub due: Vec<DueItem>,
    /// Gaps whose due date has passed.
    pub late_gaps: Vec<LateGap>,
    /// Both kinds of overdue, counted apart.
    pub overdue: Overdue,
    /// The earliest realistic report dates.
    pub timeline: Timeline,
    /// The evidence coverage of the observation window, per control.
    pub coverage: CoverageReport,
    /// Answers of "evidenced" or "operating" that the evidence log does not back.
    pub claimed_not_evidenced: Vec<ClaimedAnswer>,
}

impl Progress {
    /// The time facts of `assessment` (scored as `card`) on `today`.
    pub fn build(
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        card: &Scorecard,
        policy: &Policy,
        today: Date,
    ) -> Self {
        let states = history::replay(&assessment.history);
        let mut points: Vec<Point> = states
            .iter()
            .zip(&assessment.history)
            .filter(|((date, _), _)| *date < today)
            .map(|((date, answers), snapshot)| {
                let figures = snapshot.readiness.unwrap_or_else(|| {
                    let then = history::with_answers(assessment, answers);
                    stage_percents(&score(questionnaire, &then, policy))
                });
                Point::new(*date, figures)
            })
            .collect();
        points.push(Point::new(today, stage_percents(card)));
        let (since, improved, regressed) = match states.first() {
            Some((date, answers)) if *date < today => {
                let then = history::with_answers(assessment, answers);
                let then_card = score(questionnaire, &then, policy);
                let label = date.to_string();
                let comparison = compare(
                    questionnaire,
                    (&label, &then, &then_card),
                    ("now", assessment, card),
                );
                (Some(*date), comparison.improved, comparison.regressed)
            }
            _ => (None, Vec::new(), Vec::new()),
        };
        let due: Vec<DueItem> = calendar(questionnaire, assessment, today, DEFAULT_WITHIN_DAYS)
            .into_iter()
            .filter(|item| item.state != DueState::Upcoming)
            .collect();
        let late_gaps = late_gaps(questionnaire, assessment, &card.gaps, today);
        Self {
            points,
            since,
            improved,
            regressed,
            overdue: Overdue::of(&late_gaps, &due).with_registers(&registers::due(
                assessment,
                today,
                DEFAULT_WITHIN_DAYS,
            )),
            due,
            late_gaps,
            timeline: timeline(questionnaire, assessment, today),
            coverage: CoverageReport::of(questionnaire, assessment, today),
            claimed_not_evidenced: claims(questionnaire, assessment),
        }
    }
}

impl Progress {
    /// The controls a report gives a row under evidence coverage — those with evidence of
    /// any kind — each with the answer's claim in words when the log does not back it.
    pub fn coverage_rows(&self) -> Vec<(&Coverage, Option<String>)> {
        self.coverage
            .controls
            .iter()
            .filter(|control| control.status != Status::Missing)
            .map(|control| (control, self.claim_of(&control.question)))
            .collect()
    }

    /// The controls with no evidence at all whose answer still claims some ("evidenced" or
    /// "operating over time"): the ones an auditor will ask about first.
    pub fn claimed_without_evidence(&self) -> Vec<&str> {
        self.claimed_not_evidenced
            .iter()
            .map(|claimed| claimed.question.as_str())
            .filter(|question| {
                self.coverage
                    .control(question)
                    .is_none_or(|control| control.status == Status::Missing)
            })
            .collect()
    }

    /// How many periodic controls without evidence have an occurrence in the window that
    /// already ended.
    pub fn missed_without_evidence(&self) -> usize {
        self.coverage
            .controls
            .iter()
            .filter(|control| control.status == Status::Missing && control.missed > 0)
            .count()
    }

    /// The controls without evidence in one paragraph: how many periodic ones already
    /// missed an occurrence, and the ids of those whose answer claims evidence anyway.
    /// `None` when there are none of either.
    pub fn coverage_rest(&self) -> Option<String> {
        let missed = self.missed_without_evidence();
        let claimed = self.claimed_without_evidence();
        let mut words = Vec::new();
        if missed > 0 {
            words.push(format!(
                "{missed} periodic control{} without evidence already had an occurrence in the window end unrecorded.",
                if missed == 1 { "" } else { "s" }
            ));
        }
        if !claimed.is_empty() {
            words.push(format!(
                "{} answer{} claim evidence the log does not show (the scores take them at their word; an auditor will ask for it): {}.",
                claimed.len(),
                if claimed.len() == 1 { "" } else { "s" },
                claimed.join(", ")
            ));
        }
        (!words.is_empty()).then(|| words.join(" "))
    }

    fn claim_of(&self, question: &str) -> Option<String> {
        self.claimed_not_evidenced
            .iter()
            .find(|claimed| claimed.question == question)
            .map(|claimed| claimed.claim.describe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, Snapshot};
    use crate::questionnaire::{Level, QuestionnaireSource, Target, load};

    #[test]
    fn points_end_today_and_changes_count_from_the_first_snapshot() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut a = Assessment::new("A", "", Date::constant(2026, 1, 1), Target::Type1, []);
        a.history = vec![
            Snapshot {
                date: Date::constant(2026, 11, 1),
                changes: [("CC6.1.mfa".to_string(), Some(Answer::Level(Level::Planned)))].into(),
                readiness: Some([1, 2, 3]),
            },
            Snapshot {
                date: Date::constant(2026, 11, 10),
                changes: [(
                    "CC6.1.mfa".to_string(),
                    Some(Answer::Level(Level::Evidenced)),
                )]
                .into(),
                readiness: None,
            },
        ];
        a.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Evidenced)));
        let policy = Policy::default();
        let card = score(&questionnaire, &a, &policy);
        let today = Date::constant(2026, 11, 24);
        let progress = Progress::build(&questionnaire, &a, &card, &policy, today);
        let dates: Vec<Date> = progress.points.iter().map(|point| point.date).collect();
        assert_eq!(
            dates,
            [
                Date::constant(2026, 11, 1),
                Date::constant(2026, 11, 10),
                today
            ]
        );
        assert_eq!(
            progress.points[0].certification, 3,
            "stored figures are used"
        );
        assert_eq!(
            progress.points[1],
            Point::new(dates[1], stage_percents(&card)),
            "missing ones are scored"
        );
        assert_eq!(progress.since, Some(Date::constant(2026, 11, 1)));
        assert_eq!(progress.improved.len(), 1);
        assert_eq!(progress.improved[0].question, "CC6.1.mfa");
        assert!(progress.regressed.is_empty());
        assert_eq!(progress.claimed_not_evidenced.len(), 1);
    }
}
