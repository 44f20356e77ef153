//! The next steps for a gap, following the distance between the answer and what the target
//! needs: a control that does not exist yet is built, one in place is evidenced, one
//! evidenced is kept running and logged for the months the observation window needs.
//! "Enforce MFA for every user" is no advice for a company whose MFA is already enforced.

use crate::questionnaire::{AnswerKind, Frequency, Level, Question, Stage};

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
        steps.push(operate_step(question, window_months));
    }
    if steps.is_empty() {
        // Nothing left between the levels (the gap is the answer itself): build as written.
        return question.remediation.clone();
    }
    steps
}

/// What to collect once the control works: the question's own sentence, or the first
/// thing an auditor asks to see (the report lists the rest beside the steps).
fn collect_step(question: &Question) -> String {
    if let Some(step) = &question.collect {
        return step.clone();
    }
    match question.evidence.first() {
        Some(first) => format!(
            "It is in place: collect and record (`soc2-ready evidence add`) what an auditor asks to see, starting with: {}",
            lower_first(first.trim_end_matches('.'))
        ),
        None => {
            "It is in place: collect and record (`soc2-ready evidence add`) what shows it works"
                .to_string()
        }
    }
}

/// What to keep doing once evidence exists, for how long: the question's own sentence or
/// the general one, with the window's months and, for a periodic control, its occurrences.
fn operate_step(question: &Question, window_months: u8) -> String {
    let months = i32::from(window_months.max(1));
    let occurrences = question.frequency.map(|frequency| {
        let count = (months / frequency.months()).max(1);
        format!(
            "{count} {} {}",
            frequency.key(),
            if count == 1 {
                "occurrence"
            } else {
                "occurrences"
            }
        )
    });
    match (&question.operate, question.frequency, occurrences) {
        (Some(own), _, Some(occurrences)) => format!(
            "{} — across the whole {months}-month window: {occurrences}",
            own.trim_end_matches('.')
        ),
        (Some(own), _, None) => format!(
            "{} — across the whole {months}-month window",
            own.trim_end_matches('.')
        ),
        (None, Some(frequency), Some(occurrences)) => format!(
            "Do it every {} and keep each dated record: {occurrences} in the {months}-month window",
            period_word(frequency)
        ),
        _ => format!(
            "Keep it running and keep dated evidence (exports, tickets, logs) for every month of the {months}-month window"
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

    fn periodic(questionnaire: &Questionnaire, frequency: Frequency) -> Question {
        questionnaire
            .questions()
            .iter()
            .find(|question| {
                question.frequency == Some(frequency) && question.stage == Stage::Compliance
            })
            .expect("a periodic control")
            .clone()
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
        let mut mfa = questionnaire.question("CC6.1.mfa").unwrap().clone();
        let steps = next_steps(&mfa, Level::InPlace, Level::Evidenced, 3);
        assert_eq!(steps, [collect_step(&mfa)]);
        assert!(!steps.contains(&mfa.remediation[0]));
        mfa.collect = None;
        assert!(
            collect_step(&mfa).ends_with(&lower_first(mfa.evidence[0].trim_end_matches('.'))),
            "{}",
            collect_step(&mfa)
        );
        mfa.collect = Some("Export the MFA status of every user".into());
        assert_eq!(
            next_steps(&mfa, Level::InPlace, Level::Evidenced, 3),
            ["Export the MFA status of every user"]
        );
    }

    #[test]
    fn an_evidenced_control_is_kept_running_for_the_window() {
        let questionnaire = built_in();
        let mut review = periodic(&questionnaire, Frequency::Quarterly);
        review.operate = None;
        let steps = next_steps(&review, Level::Evidenced, Level::Operating, 6);
        assert_eq!(
            steps,
            [
                "Do it every quarter and keep each dated record: 2 quarterly occurrences in the 6-month window"
            ]
        );
        // In place toward Type 2: collect first, then keep it running.
        review.operate = Some("Sign off each review and keep the list of changes.".into());
        let steps = next_steps(&review, Level::InPlace, Level::Operating, 12);
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert_eq!(
            steps[1],
            "Sign off each review and keep the list of changes — across the whole 12-month window: 4 quarterly occurrences"
        );
    }

    #[test]
    fn an_annual_control_in_a_short_window_still_needs_one() {
        let questionnaire = built_in();
        let mut annual = periodic(&questionnaire, Frequency::Annual);
        annual.operate = None;
        assert!(operate_step(&annual, 3).contains("1 annual occurrence in the 3-month window"));
        annual.frequency = None;
        assert!(operate_step(&annual, 9).contains("every month of the 9-month window"));
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
