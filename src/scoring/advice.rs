//! The next steps for a gap, following the distance between the answer and what the target
//! needs: a control that does not exist yet is built, one in place is evidenced, one
//! evidenced is kept running and logged for the months the observation window needs.
//! "Enforce MFA for every user" is no advice for a company whose MFA is already enforced.

use crate::questionnaire::{AnswerKind, Frequency, Level, Question, Stage};

/// How much of the evidence list a general "collect" sentence names.
const EVIDENCE_NAMED: usize = 2;

/// The steps that take `question` from `current` to `needed`, in order, for an observation
/// window of `window_months`. Stage questions and questions with their own level labels
/// keep their remediation as written: their levels are not the build/evidence/operate scale.
pub fn next_steps(
    question: &Question,
    current: Level,
    needed: Level,
    window_months: u8,
) -> Vec<String> {
    let on_the_scale = question.stage == Stage::Compliance
        && question.kind == AnswerKind::Scale
        && question.levels.is_none();
    if !on_the_scale || current < Level::InPlace {
        return question.remediation.clone();
    }
    let mut steps = Vec::new();
    if current == Level::InPlace && needed >= Level::Evidenced {
        steps.push(collect_step(question));
    }
    if current <= Level::Evidenced && needed == Level::Operating {
        steps.push(operate_step(question));
        steps.push(window_step(question.frequency, window_months));
    }
    if steps.is_empty() {
        // Nothing left between the levels (the gap is the answer itself): build as written.
        return question.remediation.clone();
    }
    steps
}

/// What to collect once the control works: the question's own sentence, or the first
/// things an auditor asks to see.
fn collect_step(question: &Question) -> String {
    if let Some(step) = &question.collect {
        return step.clone();
    }
    let named: Vec<String> = question
        .evidence
        .iter()
        .take(EVIDENCE_NAMED)
        .map(|item| lower_first(item.trim_end_matches('.')))
        .collect();
    let more = question.evidence.len().saturating_sub(EVIDENCE_NAMED);
    let tail = match more {
        0 => String::new(),
        1 => " (and one more item an auditor asks for)".to_string(),
        n => format!(" (and {n} more items an auditor asks for)"),
    };
    format!(
        "It is in place: collect the evidence an auditor will ask to see — {}{tail} — and record it with `soc2-ready evidence add`",
        named.join("; ")
    )
}

/// What to keep doing once evidence exists: the question's own sentence or the general one.
fn operate_step(question: &Question) -> String {
    question.operate.clone().unwrap_or_else(|| match question.frequency {
        Some(frequency) => format!(
            "Keep it running: do it every {} and keep the dated record of each time",
            period_word(frequency)
        ),
        None => "Keep it running, and keep dated evidence that it worked as the months pass (exports, tickets, logs), not only its setup".to_string(),
    })
}

/// How long the evidence must run: the window's months, and for a periodic control how many
/// occurrences those months hold.
fn window_step(frequency: Option<Frequency>, window_months: u8) -> String {
    let months = i32::from(window_months.max(1));
    match frequency {
        Some(frequency) => {
            let count = (months / frequency.months()).max(1);
            format!(
                "A Type 2 report needs it across the whole {months}-month observation window: {count} {} {} in the window, each logged with `soc2-ready evidence add --covers`",
                frequency.key(),
                if count == 1 {
                    "occurrence"
                } else {
                    "occurrences"
                }
            )
        }
        None => format!(
            "A Type 2 report needs it across the whole {months}-month observation window: log evidence at least monthly so every month of the window is covered"
        ),
    }
}

/// The period of a cadence in words ("month", "quarter", "six months", "year").
fn period_word(frequency: Frequency) -> &'static str {
    match frequency {
        Frequency::Monthly => "month",
        Frequency::Quarterly => "quarter",
        Frequency::HalfYearly => "six months",
        Frequency::Annual => "year",
    }
}

/// `text` with its first letter in lower case, unless it starts an acronym ("MFA", "SSO").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Questionnaire, QuestionnaireSource, load};

    fn built_in() -> Questionnaire {
        load(&QuestionnaireSource::BuiltIn).expect("built-in questionnaires load")
    }

    #[test]
    fn a_control_not_built_gets_its_remediation() {
        let questionnaire = built_in();
        let mfa = questionnaire.question("CC6.1.mfa").unwrap();
        for current in [Level::NotInPlace, Level::Planned] {
            assert_eq!(
                next_steps(mfa, current, Level::Operating, 6),
                mfa.remediation
            );
        }
    }

    #[test]
    fn a_control_in_place_is_evidenced_not_rebuilt() {
        let questionnaire = built_in();
        let mfa = questionnaire.question("CC6.1.mfa").unwrap();
        let steps = next_steps(mfa, Level::InPlace, Level::Evidenced, 3);
        assert_eq!(steps.len(), 1);
        assert!(!steps.contains(&mfa.remediation[0]));
        let expected = mfa.collect.clone().unwrap_or_else(|| collect_step(mfa));
        assert_eq!(steps[0], expected);
    }

    #[test]
    fn an_evidenced_control_is_kept_running_for_the_window() {
        let questionnaire = built_in();
        let review = questionnaire
            .questions()
            .iter()
            .find(|question| {
                question.frequency == Some(Frequency::Quarterly)
                    && question.stage == Stage::Compliance
            })
            .expect("a quarterly control");
        let steps = next_steps(review, Level::Evidenced, Level::Operating, 6);
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert!(
            steps[1].contains("6-month observation window"),
            "{}",
            steps[1]
        );
        assert!(steps[1].contains("2 quarterly occurrences"), "{}", steps[1]);
        // In place toward Type 2: collect first, then keep it running.
        let steps = next_steps(review, Level::InPlace, Level::Operating, 12);
        assert_eq!(steps.len(), 3, "{steps:?}");
        assert!(steps[2].contains("4 quarterly occurrences"), "{}", steps[2]);
    }

    #[test]
    fn an_annual_control_in_a_short_window_still_needs_one() {
        assert!(
            window_step(Some(Frequency::Annual), 3).contains("1 annual occurrence in the window")
        );
        assert!(window_step(None, 9).contains("9-month"));
    }

    #[test]
    fn the_general_collect_sentence_names_the_evidence() {
        let questionnaire = built_in();
        let question = questionnaire
            .questions()
            .iter()
            .find(|question| {
                question.stage == Stage::Compliance
                    && question.collect.is_none()
                    && question.evidence.len() > EVIDENCE_NAMED
            })
            .expect("a question with a long evidence list and no own sentence");
        let step = collect_step(question);
        assert!(step.contains(&lower_first(question.evidence[0].trim_end_matches('.'))));
        assert!(step.contains("more item"), "{step}");
    }

    #[test]
    fn stage_questions_keep_their_remediation() {
        let questionnaire = built_in();
        let stage = questionnaire
            .questions()
            .iter()
            .find(|question| question.stage != Stage::Compliance)
            .unwrap();
        assert_eq!(
            next_steps(stage, Level::InPlace, Level::Operating, 6),
            stage.remediation
        );
    }

    #[test]
    fn acronyms_keep_their_capitals() {
        assert_eq!(lower_first("MFA report"), "MFA report");
        assert_eq!(lower_first("Export of users"), "export of users");
        assert_eq!(lower_first("É"), "É");
    }
}
