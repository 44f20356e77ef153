//! The words of the report's "Overdue and due soon" part, shared by the PDF and Markdown:
//! one line counting both kinds of overdue (gap due dates and periodic controls, said
//! apart), then one bullet per late gap and per periodic control due.

use crate::time::calendar::DueState;
use crate::time::progress::Progress;

/// The heading of the part.
pub const HEADING: &str = "Overdue and due soon";

/// The lead sentence: "2 overdue: 1 gap due date, 1 periodic control." or that nothing is
/// overdue or due in the next 30 days.
pub fn lead(progress: &Progress) -> String {
    if progress.overdue.total() == 0 && progress.due.is_empty() {
        return "Nothing overdue or due in the next 30 days.".to_string();
    }
    format!(
        "{} (a gap due date is when its owner meant to close it; a periodic control must \
         run again on a schedule).",
        progress.overdue.sentence()
    )
}

/// Late gaps listed by name at most; the rest are counted (the gap register shows every
/// due date, late ones in red).
pub const LATE_GAPS_SHOWN: usize = 3;

/// One bullet per late gap (the longest late first, at most [`LATE_GAPS_SHOWN`], then how
/// many more), then per periodic control overdue, due soon or never logged.
pub fn bullets(progress: &Progress) -> Vec<String> {
    let more = progress.late_gaps.len().saturating_sub(LATE_GAPS_SHOWN);
    let more = (more > 0).then(|| {
        format!("and {more} more gap due dates passed, marked overdue in the gap register")
    });
    let gaps = progress.late_gaps.iter().take(LATE_GAPS_SHOWN).map(|gap| {
        let owner = match gap.owner.trim() {
            "" => String::new(),
            owner => format!(", owner {owner}"),
        };
        format!(
            "Gap {} {}: due {}{owner}, {} late",
            gap.question,
            gap.title,
            gap.due,
            days(gap.days_late)
        )
    });
    let controls = progress.due.iter().map(|item| {
        let when = match (item.state, item.due) {
            (DueState::Overdue, Some(date)) => format!("overdue since {date}"),
            (DueState::DueSoon, Some(date)) => format!("due {date}"),
            _ => "in place, but no evidence says when it last ran".to_string(),
        };
        format!(
            "Periodic control {} {} ({}): {when}",
            item.question,
            item.title,
            item.frequency.key()
        )
    });
    gaps.chain(more).chain(controls).collect()
}

fn days(count: i32) -> String {
    if count == 1 {
        "1 day".to_string()
    } else {
        format!("{count} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, Assessment};
    use crate::questionnaire::{Level, QuestionnaireSource, Target, load};
    use crate::scoring::{Policy, score};
    use jiff::civil::Date;

    #[test]
    fn a_late_gap_is_counted_and_listed_as_a_gap_due_date() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut a = Assessment::new("A", "", Date::constant(2026, 11, 1), Target::Type1, []);
        a.edit("CC6.1.mfa", |record| {
            record.answer = Some(Answer::Level(Level::Planned));
            record.due = Some(Date::constant(2026, 11, 23));
        });
        let policy = Policy::default();
        let card = score(&questionnaire, &a, &policy);
        let today = Date::constant(2026, 11, 24);
        let progress = Progress::build(&questionnaire, &a, &card, &policy, today);
        assert!(
            lead(&progress)
                .starts_with("1 overdue: 1 gap due date, 0 periodic controls (a gap due date"),
            "{}",
            lead(&progress)
        );
        assert_eq!(
            bullets(&progress),
            ["Gap CC6.1.mfa Multi-factor authentication: due 2026-11-23, 1 day late"]
        );
        let empty = Assessment::new("B", "", today, Target::Type1, []);
        let card = score(&questionnaire, &empty, &policy);
        let progress = Progress::build(&questionnaire, &empty, &card, &policy, today);
        assert_eq!(
            lead(&progress),
            "Nothing overdue or due in the next 30 days."
        );
        assert!(bullets(&progress).is_empty());
    }
}
