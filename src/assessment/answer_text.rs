//! Answers as people type them: the name used in files (`evidenced`, `in_place`, also
//! written `in-place` or `in place`), the label the wizard shows (`Operating over time`,
//! `Not applicable`), or the wizard's key (`3`, `x`, `u`, `y`, `n`), in any case. `soc2-ready answer` and `sheet import` read
//! answers through here, so both take the same spellings.

use super::Answer;
use crate::questionnaire::{AnswerKind, Level, Question};

impl Answer {
    /// Parses `text` as an answer to `question`; the error quotes the text and says which
    /// answers the question takes.
    pub fn parse_for(text: &str, question: &Question) -> Result<Answer, String> {
        let typed = normalized(text);
        let answer = match typed.as_str() {
            "x" => Some(Answer::NotApplicable),
            "u" => Some(Answer::Unsure),
            "y" => Some(Answer::Yes),
            "n" => Some(Answer::No),
            digit if digit.len() == 1 => digit
                .parse::<u8>()
                .ok()
                .and_then(Level::from_number)
                .map(Answer::Level),
            name => Answer::from_key(name).or_else(|| by_label(name, question)),
        };
        match answer {
            Some(answer) if answer.fits(question) => Ok(answer),
            _ => Err(format!(
                "\"{text}\" is not an answer to this question; expected {}",
                expected(question.kind)
            )),
        }
    }

    /// The answer names `question` takes, in the order a drop-down list offers them.
    pub fn choices(question: &Question) -> Vec<&'static str> {
        let own: Vec<&'static str> = match question.kind {
            AnswerKind::Scale => Level::ALL.iter().map(|level| level.key()).collect(),
            AnswerKind::YesNo => vec![Answer::Yes.key(), Answer::No.key()],
        };
        own.into_iter()
            .chain([Answer::NotApplicable.key(), Answer::Unsure.key()])
            .collect()
    }
}

/// `text` trimmed, in lower case, with runs of spaces and hyphens as one underscore.
fn normalized(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split([' ', '-', '_'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// The answer of `question` whose shown label reads `typed` (already normalized).
fn by_label(typed: &str, question: &Question) -> Option<Answer> {
    Level::ALL
        .into_iter()
        .map(Answer::Level)
        .chain([
            Answer::Yes,
            Answer::No,
            Answer::NotApplicable,
            Answer::Unsure,
        ])
        .find(|answer| normalized(answer.label(question)) == typed)
}

/// The spellings a question of `kind` takes, for messages and help.
fn expected(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Scale => {
            "not_in_place, planned, in_place, evidenced, operating (or 0-4), na (x), unsure (u)"
        }
        AnswerKind::YesNo => "yes (y), no (n), na (x), unsure (u)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{QuestionnaireSource, load};

    #[test]
    fn names_keys_and_any_case_are_answers_that_fit() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let scale = questionnaire.question("CC6.1.mfa").unwrap();
        for (text, answer) in [
            ("evidenced", Answer::Level(Level::Evidenced)),
            (" Evidenced ", Answer::Level(Level::Evidenced)),
            ("3", Answer::Level(Level::Evidenced)),
            ("X", Answer::NotApplicable),
            ("unsure", Answer::Unsure),
            ("in-place", Answer::Level(Level::InPlace)),
            ("In  Place", Answer::Level(Level::InPlace)),
            ("operating over time", Answer::Level(Level::Operating)),
            ("Not applicable", Answer::NotApplicable),
        ] {
            assert_eq!(Answer::parse_for(text, scale), Ok(answer), "{text}");
        }
        let refused = Answer::parse_for("yes", scale).unwrap_err();
        assert!(refused.starts_with("\"yes\" is not an answer"), "{refused}");
        assert!(Answer::parse_for("7", scale).is_err());
        assert_eq!(
            Answer::choices(scale),
            [
                "not_in_place",
                "planned",
                "in_place",
                "evidenced",
                "operating",
                "na",
                "unsure"
            ]
        );
        let yes_no = questionnaire
            .questions()
            .iter()
            .find(|question| question.kind == AnswerKind::YesNo)
            .unwrap();
        assert_eq!(Answer::parse_for("Y", yes_no), Ok(Answer::Yes));
        assert!(Answer::parse_for("3", yes_no).is_err());
        assert_eq!(Answer::choices(yes_no), ["yes", "no", "na", "unsure"]);
    }
}
