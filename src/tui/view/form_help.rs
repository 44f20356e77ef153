//! What each choice of the new-assessment form means, shown beside it as the focus moves,
//! and how long the chosen scope takes to answer — so nobody picks categories or a report
//! type before anything explains them.

use crate::questionnaire::{Category, Target};
use crate::tui::app::Field;

/// Minutes one question takes on average: reading it and its guidance, deciding, and a
/// note on where the evidence is. Our estimate from workshops, not a measurement.
const MINUTES_PER_QUESTION: usize = 3;

/// The line for a founder who does not know yet.
pub const NOT_SURE: &str =
    "Not sure? Start with Security only and a Type 1; categories can be added later.";

/// One or two sentences on the focused field (`target` is the report type chosen now).
pub fn explain(field: Field, target: Target) -> &'static str {
    match field {
        Field::Organization => {
            "The company under examination: it names the file and heads every report."
        }
        Field::Assessor => {
            "Who answers or leads the workshop (you, or your consultant); printed as the report's author."
        }
        Field::Scope(Category::Security) => {
            "Security (the common criteria CC1 to CC9) is part of every SOC 2 report."
        }
        Field::Scope(Category::Availability) => {
            "Add it when customers rely on your uptime commitments: capacity, backups and recovery (A1)."
        }
        Field::Scope(Category::ProcessingIntegrity) => {
            "Add it when customers rely on your processing being complete and accurate, such as payments or billing (PI1)."
        }
        Field::Scope(Category::Confidentiality) => {
            "Add it when you hold customers' confidential data under contract: classification, retention, disposal (C1)."
        }
        Field::Scope(Category::Privacy) => {
            "Add it when you collect personal data and promise how it is handled (P1 to P8); most first reports leave it out."
        }
        Field::Target => match target {
            Target::Type1 => {
                "Type 1: the auditor checks that controls are designed and in place on one date. Quicker; a common first report."
            }
            Target::Type2 => {
                "Type 2: the auditor tests that controls operated over a window of 3 to 12 months. What most customers ask for."
            }
        },
    }
}

/// "130 questions in scope · about 6½ hours; answer in several sittings", with the
/// `follow_ups` that answers may open ("(5 more if answers open them)").
pub fn estimate(questions: usize, follow_ups: usize) -> String {
    let minutes = questions * MINUTES_PER_QUESTION;
    let half_hours = (minutes + 15) / 30;
    let time = match half_hours {
        0 | 1 => "about half an hour".to_string(),
        2 => "about an hour".to_string(),
        n if n % 2 == 0 => format!("about {} hours", n / 2),
        n => format!("about {}½ hours", n / 2),
    };
    let sittings = if minutes > 90 {
        "; answer in several sittings"
    } else {
        ""
    };
    let more = match follow_ups {
        0 => String::new(),
        n => format!(" ({n} more if answers open them)"),
    };
    format!("{questions} questions in scope{more} · {time}{sittings}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_read_as_hours_and_suggest_sittings() {
        assert_eq!(estimate(5, 0), "5 questions in scope · about half an hour");
        assert_eq!(estimate(20, 0), "20 questions in scope · about an hour");
        assert_eq!(
            estimate(130, 0),
            "130 questions in scope · about 6½ hours; answer in several sittings"
        );
        assert_eq!(
            estimate(160, 5),
            "160 questions in scope (5 more if answers open them) · about 8 hours; answer in several sittings"
        );
    }

    #[test]
    fn every_choice_is_explained_and_the_target_text_follows_the_choice() {
        for field in Field::ALL {
            assert!(explain(field, Target::Type2).len() > 40, "{field:?}");
        }
        assert!(explain(Field::Target, Target::Type1).starts_with("Type 1"));
        assert!(explain(Field::Target, Target::Type2).starts_with("Type 2"));
    }
}
