//! Deterministic sample assessments: a complete one (every category in scope and every
//! question answered with a realistic mix of levels, notes, owners and due dates) and the
//! worst case for the report (every question a gap). Benchmarks and tests use them so that
//! every run measures the same work.

use jiff::civil::Date;

use super::{Answer, Assessment};
use crate::questionnaire::{AnswerKind, Category, Level, Questionnaire, Target};

/// The answer given to the `index`-th question: mostly operating, some gaps, a few N/A and
/// unsure — roughly what a company a few months before its first Type 2 looks like.
fn answer_for(index: usize, kind: AnswerKind) -> Answer {
    match (kind, index % 20) {
        (AnswerKind::YesNo, 7 | 14) => Answer::No,
        (AnswerKind::YesNo, _) => Answer::Yes,
        (_, 0..=10) => Answer::Level(Level::Operating),
        (_, 11..=14) => Answer::Level(Level::Evidenced),
        (_, 15 | 16) => Answer::Level(Level::InPlace),
        (_, 17) => Answer::Level(Level::Planned),
        (_, 18) => Answer::NotApplicable,
        _ => Answer::Unsure,
    }
}

const OWNERS: [&str; 4] = ["CTO", "Head of Engineering", "Office Manager", "Jane Doe"];

/// An unanswered Type 2 assessment of `organization` over every category, started on the
/// samples' fixed date and made with `questionnaire`.
fn empty_type2(organization: &str, questionnaire: &Questionnaire) -> Assessment {
    let mut assessment = Assessment::new(
        organization,
        "Jane Doe",
        Date::constant(2026, 11, 24),
        Target::Type2,
        Category::ALL,
    );
    assessment.questionnaire_version = questionnaire.version().to_string();
    assessment
}

/// A complete Type 2 assessment of "Sample Co" over every question of `questionnaire`.
pub fn complete(questionnaire: &Questionnaire) -> Assessment {
    let mut assessment = empty_type2("Sample Co", questionnaire);
    for (index, question) in questionnaire.questions().iter().enumerate() {
        let answer = answer_for(index, question.kind);
        assessment.edit(&question.id, |record| {
            record.answer = Some(answer);
            if answer == Answer::NotApplicable {
                record.na_reason = "Not part of the system in scope".to_string();
            }
            if index % 3 == 0 {
                record.note = format!(
                    "Reviewed in the workshop; evidence for {} is in the shared drive.",
                    question.title
                );
            }
            if answer.effective_level() < Some(Level::Operating) {
                record.owner = OWNERS[index % OWNERS.len()].to_string();
                let month = i8::try_from(index % 12).unwrap_or(0) + 1;
                record.due = Date::new(2027, month, 15).ok();
            }
        });
    }
    assessment
}

/// The worst case for the report: every category in scope and every question a gap (Not in
/// place, or No), each with an owner, a due date and a note — the most pages and text the
/// gap report can have.
pub fn every_question_a_gap(questionnaire: &Questionnaire) -> Assessment {
    let mut assessment = empty_type2("Worst Case Co", questionnaire);
    for (index, question) in questionnaire.questions().iter().enumerate() {
        let answer = match question.kind {
            AnswerKind::YesNo => Answer::No,
            AnswerKind::Scale => Answer::Level(Level::NotInPlace),
        };
        assessment.edit(&question.id, |record| {
            record.answer = Some(answer);
            record.owner = OWNERS[index % OWNERS.len()].to_string();
            let month = i8::try_from(index % 12).unwrap_or(0) + 1;
            record.due = Date::new(2027, month, 15).ok();
            record.note = format!("Nothing in place yet for {}.", question.title);
        });
    }
    assessment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{QuestionnaireSource, load};
    use crate::scoring::{Policy, Severity, score};

    #[test]
    fn the_sample_answers_everything_with_a_mix_of_levels() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let sample = complete(&questionnaire);
        assert_eq!(sample.answers.len(), questionnaire.questions().len());
        assert_eq!(sample.scope().len(), 5);
        assert!(sample.na_without_reason().next().is_none());
        let card = score(&questionnaire, &sample, &Policy::default());
        assert_eq!(card.tally.unanswered, 0);
        assert!(card.tally.unsure > 0 && card.tally.not_applicable > 0);
        assert!(
            card.gaps
                .iter()
                .any(|gap| gap.severity == Severity::Critical)
        );
        assert!(card.gaps.iter().any(|gap| gap.severity == Severity::Low));
    }

    #[test]
    fn the_worst_case_makes_every_question_in_scope_a_gap() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let worst = every_question_a_gap(&questionnaire);
        let card = score(&questionnaire, &worst, &Policy::default());
        assert_eq!(card.gaps.len() as u32, card.tally.questions);
        assert!(card.open.is_empty());
    }
}
