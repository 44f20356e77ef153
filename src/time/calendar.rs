//! The control calendar: for each periodic control (a question with a `frequency`), when
//! it last ran — the latest `collected` date in its evidence log — and when it is next due.
//! A control is *overdue* the day after its due date, *due soon* within a chosen number of
//! days of it. A control answered "in place" or better with no evidence at all is listed as
//! *never logged*: the calendar cannot know when it last ran. Controls not yet in place are
//! gaps, not calendar items.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::{Answer, AnswerRecord, Assessment};
use crate::questionnaire::{Frequency, Level, Questionnaire};

/// Days ahead that count as "due soon" unless the caller says otherwise.
pub const DEFAULT_WITHIN_DAYS: i32 = 30;

/// Where a periodic control stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    /// Its due date has passed.
    Overdue,
    /// Due within the chosen number of days (today included).
    DueSoon,
    /// In place, but no evidence says when it last ran.
    NeverLogged,
    /// Due later.
    Upcoming,
}

impl DueState {
    /// The state in words.
    pub fn label(self) -> &'static str {
        match self {
            DueState::Overdue => "overdue",
            DueState::DueSoon => "due soon",
            DueState::NeverLogged => "never logged",
            DueState::Upcoming => "upcoming",
        }
    }
}

/// One periodic control on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    /// The question id.
    pub question: String,
    /// Its title.
    pub title: String,
    /// How often it must run.
    pub frequency: Frequency,
    /// When it last ran (latest evidence collected), if logged.
    pub last: Option<Date>,
    /// When it is next due, if it was ever logged.
    pub due: Option<Date>,
    /// Days from today to the due date (negative when overdue).
    pub days_left: Option<i32>,
    /// Where it stands.
    pub state: DueState,
}

/// The next due date after a run on `last`: the same day `frequency` months later (the
/// month's last day when that day does not exist: 31 May + 1 month is 30 June).
pub fn next_due(last: Date, frequency: Frequency) -> Date {
    last.checked_add(frequency.months().months())
        .unwrap_or(Date::MAX)
}

/// Every periodic control in scope that is in place or logged, most urgent first
/// (overdue, due soon, never logged, upcoming; by due date within each).
pub fn calendar(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    today: Date,
    within_days: i32,
) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = questionnaire
        .questions()
        .iter()
        .filter(|question| assessment.in_scope(question))
        .filter_map(|question| {
            let frequency = question.frequency?;
            let record = assessment.record(&question.id);
            let answer = record.and_then(AnswerRecord::effective_answer);
            let last =
                record.and_then(|record| record.evidence.iter().map(|entry| entry.collected).max());
            let in_place = answer
                .filter(|answer| *answer != Answer::NotApplicable)
                .and_then(Answer::effective_level)
                .is_some_and(|level| level >= Level::InPlace);
            if answer == Some(Answer::NotApplicable) || (!in_place && last.is_none()) {
                return None;
            }
            let due = last.map(|last| next_due(last, frequency));
            let days_left = due.and_then(|due| today.until(due).ok().map(|span| span.get_days()));
            let state = match days_left {
                None => DueState::NeverLogged,
                Some(days) if days < 0 => DueState::Overdue,
                Some(days) if days <= within_days => DueState::DueSoon,
                Some(_) => DueState::Upcoming,
            };
            Some(DueItem {
                question: question.id.clone(),
                title: question.title.clone(),
                frequency,
                last,
                due,
                days_left,
                state,
            })
        })
        .collect();
    items.sort_by_key(|item| (item.state, item.due));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Evidence;
    use crate::questionnaire::{QuestionnaireSource, Target, load};

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::constant(y, m, d)
    }

    #[test]
    fn next_due_dates_across_month_ends_and_leap_years() {
        assert_eq!(
            next_due(day(2026, 10, 2), Frequency::Quarterly),
            day(2027, 1, 2)
        );
        assert_eq!(
            next_due(day(2026, 5, 31), Frequency::Monthly),
            day(2026, 6, 30)
        );
        assert_eq!(
            next_due(day(2027, 11, 30), Frequency::Quarterly),
            day(2028, 2, 29)
        );
        assert_eq!(
            next_due(day(2028, 2, 29), Frequency::Annual),
            day(2029, 2, 28)
        );
        assert_eq!(
            next_due(day(2026, 8, 31), Frequency::HalfYearly),
            day(2027, 2, 28)
        );
    }

    #[test]
    fn overdue_due_soon_never_logged_and_upcoming() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut a = Assessment::new("A", "", day(2026, 1, 1), Target::Type2, []);
        let log = |a: &mut Assessment, id: &str, collected: Date| {
            a.edit(id, |record| {
                record.answer = Some(Answer::Level(Level::Operating));
                record.evidence.push(Evidence {
                    title: "run".into(),
                    location: String::new(),
                    collected,
                    period: None,
                    expires: None,
                    files: Vec::new(),
                });
            });
        };
        let today = day(2026, 11, 24);
        log(&mut a, "CC6.3.access-reviews", day(2026, 8, 23)); // due 2026-11-23: 1 day late
        log(&mut a, "CC7.1.vulnerability-scanning", day(2026, 10, 24)); // due today
        log(&mut a, "CC3.2.annual-risk-assessment", day(2026, 3, 1)); // due 2027-03-01
        log(&mut a, "CC5.3.policy-review", day(2025, 12, 24)); // due in 30 days
        a.set_answer(
            "CC2.2.awareness-training",
            Some(Answer::Level(Level::InPlace)),
        );
        a.set_answer(
            "CC7.4.tabletop-exercise",
            Some(Answer::Level(Level::Planned)),
        );
        a.set_answer("CC4.1.penetration-test", Some(Answer::NotApplicable));
        let items = calendar(&questionnaire, &a, today, 30);
        let summary: Vec<(&str, DueState, Option<i32>)> = items
            .iter()
            .map(|item| (item.question.as_str(), item.state, item.days_left))
            .collect();
        assert_eq!(
            summary,
            [
                ("CC6.3.access-reviews", DueState::Overdue, Some(-1)),
                ("CC7.1.vulnerability-scanning", DueState::DueSoon, Some(0)),
                ("CC5.3.policy-review", DueState::DueSoon, Some(30)),
                ("CC2.2.awareness-training", DueState::NeverLogged, None),
                ("CC3.2.annual-risk-assessment", DueState::Upcoming, Some(97)),
            ]
        );
        assert_eq!(items[0].due, Some(day(2026, 11, 23)));
        assert_eq!(
            calendar(&questionnaire, &a, today, 29)[2].state,
            DueState::NeverLogged
        );
    }
}
