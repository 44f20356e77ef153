//! Everything late on one day, counted one way on every surface (`due`, the dashboard, the
//! report): **gap due dates** — the date an owner set for closing a gap, now passed — and
//! **periodic controls** from the control calendar whose next run is past. The two are
//! kept apart in words, because fixing a gap and re-running a control are different work.

use jiff::civil::Date;
use serde::Serialize;

use super::calendar::{DueItem, DueState};
use super::registers::RegisterDue;
use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;
use crate::scoring::Gap;

/// A gap whose due date has passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LateGap {
    /// The question id.
    pub question: String,
    /// Its title.
    pub title: String,
    /// Who owns it (may be empty).
    pub owner: String,
    /// The due date that passed.
    pub due: Date,
    /// Days since the due date (at least 1).
    pub days_late: i32,
}

/// Whether a due date has passed on `today` (the day itself is still on time).
pub fn is_late(due: Date, today: Date) -> bool {
    due < today
}

/// The gaps among `gaps` whose due date has passed on `today`, longest late first.
pub fn late_gaps(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    gaps: &[Gap],
    today: Date,
) -> Vec<LateGap> {
    let mut late: Vec<LateGap> = gaps
        .iter()
        .filter_map(|gap| {
            let record = assessment.record(&gap.question)?;
            let due = record.due.filter(|due| is_late(*due, today))?;
            let title = questionnaire
                .question(&gap.question)
                .map_or_else(|| gap.question.clone(), |question| question.title.clone());
            Some(LateGap {
                question: gap.question.clone(),
                title,
                owner: record.owner.clone(),
                due,
                days_late: due
                    .until(today)
                    .map_or(i32::MAX, |span| span.get_days().max(1)),
            })
        })
        .collect();
    late.sort_by_key(|gap| (gap.due, gap.question.clone()));
    late
}

/// How many things are overdue, of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Overdue {
    /// Gaps past their due date.
    pub gap_due_dates: usize,
    /// Periodic controls past their next run.
    pub periodic_controls: usize,
    /// Register items past due or never done (policy, vendor and risk reviews, vendor
    /// reports); left out of JSON when none.
    #[serde(skip_serializing_if = "is_zero")]
    pub register_items: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl Overdue {
    /// The counts of `late` gaps and of the overdue items of a `calendar`.
    pub fn of(late: &[LateGap], calendar: &[DueItem]) -> Self {
        Self {
            gap_due_dates: late.len(),
            periodic_controls: calendar
                .iter()
                .filter(|item| item.state == DueState::Overdue)
                .count(),
            register_items: 0,
        }
    }

    /// The counts with the overdue items of the registers added.
    pub fn with_registers(self, items: &[RegisterDue]) -> Self {
        Self {
            register_items: items.iter().filter(|item| item.is_overdue()).count(),
            ..self
        }
    }

    /// Both kinds together.
    pub fn total(self) -> usize {
        self.gap_due_dates + self.periodic_controls + self.register_items
    }

    /// The counts in words, which is which: "2 overdue: 1 gap due date, 1 periodic
    /// control", or "Nothing overdue".
    pub fn sentence(self) -> String {
        if self.total() == 0 {
            return "Nothing overdue".to_string();
        }
        let registers = match self.register_items {
            0 => String::new(),
            count => format!(", {}", plural(count, "register item", "register items")),
        };
        format!(
            "{} overdue: {}, {}{registers}",
            self.total(),
            plural(self.gap_due_dates, "gap due date", "gap due dates"),
            plural(
                self.periodic_controls,
                "periodic control",
                "periodic controls"
            ),
        )
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Answer;
    use crate::questionnaire::{Level, QuestionnaireSource, Target, load};
    use crate::scoring::{Policy, score};

    fn day(d: i8) -> Date {
        Date::constant(2026, 11, d)
    }

    #[test]
    fn a_gap_is_late_the_day_after_its_due_date() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut a = Assessment::new("A", "", day(1), Target::Type2, []);
        a.edit("CC6.1.mfa", |record| {
            record.answer = Some(Answer::Level(Level::Planned));
            record.owner = "CTO".into();
            record.due = Some(day(20));
        });
        a.edit("CC1.1.code-of-conduct", |record| {
            record.answer = Some(Answer::Level(Level::InPlace));
            record.due = Some(day(24));
        });
        // Due long ago, but no gap: not late.
        a.edit("CC6.2.access-review", |record| {
            record.answer = Some(Answer::NotApplicable);
            record.na_reason = "none".into();
            record.due = Some(day(2));
        });
        let card = score(&questionnaire, &a, &Policy::default());
        let late = late_gaps(&questionnaire, &a, &card.gaps, day(24));
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].question, "CC6.1.mfa");
        assert_eq!(late[0].title, "Multi-factor authentication");
        assert_eq!((late[0].owner.as_str(), late[0].days_late), ("CTO", 4));
        assert_eq!(late_gaps(&questionnaire, &a, &card.gaps, day(25)).len(), 2);
    }

    #[test]
    fn the_sentence_says_which_is_which() {
        let none = Overdue::default();
        assert_eq!(none.sentence(), "Nothing overdue");
        let both = Overdue {
            gap_due_dates: 1,
            periodic_controls: 2,
            register_items: 0,
        };
        assert_eq!(both.total(), 3);
        assert_eq!(
            both.sentence(),
            "3 overdue: 1 gap due date, 2 periodic controls"
        );
        let item = |state| RegisterDue {
            what: "risk \"R\": yearly review".into(),
            criterion: "CC3.1",
            due: None,
            days_left: None,
            state,
        };
        let all = both.with_registers(&[
            item(DueState::NeverLogged),
            item(DueState::Overdue),
            item(DueState::DueSoon),
        ]);
        assert_eq!(all.total(), 5);
        assert_eq!(
            all.sentence(),
            "5 overdue: 1 gap due date, 2 periodic controls, 2 register items"
        );
    }
}
