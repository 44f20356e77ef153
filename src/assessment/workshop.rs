//! Workshop sessions (schema 5): a meeting where the consultant walks the team through the
//! questions on a projector. Each session keeps who attended, the decisions taken and the
//! parking lot of follow-ups (a question, an owner, a due date). Pure data; the file form is
//! in `workshop_file`, the agenda and the minutes in [`crate::time::workshop`] and
//! [`crate::report::minutes`].

use jiff::Timestamp;
use jiff::civil::Date;

/// One workshop session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    /// The day it was held.
    pub date: Date,
    /// When it started.
    pub started: Timestamp,
    /// When it ended (left the workshop view); `None` while it runs or if never left.
    pub ended: Option<Timestamp>,
    /// Who attended, in the order typed.
    pub attendees: Vec<String>,
    /// Decisions taken, in the order recorded.
    pub decisions: Vec<Decision>,
    /// The parking lot: questions to follow up after the session.
    pub follow_ups: Vec<FollowUp>,
}

impl Workshop {
    /// A session starting at `started` on `date`, with nothing recorded yet.
    pub fn new(date: Date, started: Timestamp) -> Self {
        Self {
            date,
            started,
            ended: None,
            attendees: Vec::new(),
            decisions: Vec::new(),
            follow_ups: Vec::new(),
        }
    }

    /// Marks `question` for follow-up by `owner` by `due`, replacing an earlier follow-up
    /// of the same question in this session.
    pub fn follow_up(&mut self, follow_up: FollowUp) {
        self.follow_ups
            .retain(|other| other.question != follow_up.question);
        self.follow_ups.push(follow_up);
    }

    /// The follow-up of `question` in this session, if any.
    pub fn follow_up_of(&self, question: &str) -> Option<&FollowUp> {
        self.follow_ups
            .iter()
            .find(|follow_up| follow_up.question == question)
    }
}

/// A decision recorded in one line, optionally about one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// What was decided.
    pub text: String,
    /// The question it was taken on, if any.
    pub question: Option<String>,
}

/// A question parked for after the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The question id.
    pub question: String,
    /// Who follows it up.
    pub owner: String,
    /// By when.
    pub due: Option<Date>,
    /// What is to be found out (may be empty).
    pub note: String,
}

/// Splits a comma-separated list of names, trimmed, empty ones and repeats dropped.
pub fn attendee_list(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in text
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
    {
        if !names.iter().any(|other| other.eq_ignore_ascii_case(name)) {
            names.push(name.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendees_are_split_trimmed_and_deduplicated() {
        assert_eq!(
            attendee_list(" Ana, Ben ,,ana, Chloé "),
            ["Ana", "Ben", "Chloé"]
        );
        assert!(attendee_list(" , ").is_empty());
    }

    #[test]
    fn a_second_follow_up_of_a_question_replaces_the_first() {
        let mut session = Workshop::new(
            Date::constant(2026, 12, 5),
            "2026-12-05T13:00:00Z".parse().unwrap(),
        );
        let follow_up = |owner: &str| FollowUp {
            question: "CC6.1.mfa".into(),
            owner: owner.into(),
            due: None,
            note: String::new(),
        };
        session.follow_up(follow_up("Ana"));
        session.follow_up(follow_up("Ben"));
        assert_eq!(session.follow_ups.len(), 1);
        assert_eq!(session.follow_up_of("CC6.1.mfa").unwrap().owner, "Ben");
    }
}
