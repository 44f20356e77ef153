//! From findings to answers. An export that shows a failure proposes a level below "in
//! place" (planned when some pass, not in place when all fail) and lowers a higher answer
//! to it; an export where everything passes shows the control working with evidence, and
//! proposes "evidenced" for an answer below that. Nothing is ever raised above what the
//! export shows, an answer already at or beyond it is kept, and N/A answers are left to
//! the user.

use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{AnswerKind, Level, Questionnaire};

use super::{Finding, Findings};

/// What one question's findings propose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal<'f> {
    /// The question id.
    pub question: String,
    /// The answer now (`None`: unanswered).
    pub current: Option<Answer>,
    /// The answer the export shows.
    pub shown: Answer,
    /// The answer to set, when it differs from the current one.
    pub change: Option<Answer>,
    /// The findings on the question.
    pub findings: Vec<&'f Finding>,
}

/// The proposals of `findings` for the questions of `questionnaire` in the scope of
/// `assessment`, and notes on findings about questions it does not have.
pub fn propose<'f>(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    findings: &'f Findings,
) -> (Vec<Proposal<'f>>, Vec<String>) {
    let mut proposals: Vec<Proposal<'f>> = Vec::new();
    let mut notes = Vec::new();
    for finding in &findings.findings {
        if let Some(proposal) = proposals
            .iter_mut()
            .find(|p| p.question == finding.question)
        {
            proposal.findings.push(finding);
            continue;
        }
        let Some(question) = questionnaire.question(&finding.question) else {
            notes.push(format!(
                "{} is not a question of this questionnaire: {}",
                finding.question, finding.sentence
            ));
            continue;
        };
        if !assessment.in_scope(question) {
            notes.push(format!(
                "{} is out of this assessment's scope: {}",
                finding.question, finding.sentence
            ));
            continue;
        }
        proposals.push(Proposal {
            question: question.id.clone(),
            current: assessment.answer(&question.id),
            shown: Answer::Yes,
            change: None,
            findings: vec![finding],
        });
    }
    for proposal in &mut proposals {
        let kind = questionnaire
            .question(&proposal.question)
            .map_or(AnswerKind::Scale, |question| question.kind);
        proposal.shown = shown(kind, &proposal.findings);
        proposal.change = change(proposal.current, proposal.shown);
    }
    (proposals, notes)
}

/// The answer the findings show, for a question answered on `kind`.
fn shown(kind: AnswerKind, findings: &[&Finding]) -> Answer {
    let checked: usize = findings.iter().map(|finding| finding.checked).sum();
    let failing: usize = findings.iter().map(|finding| finding.failing.len()).sum();
    match (kind, failing) {
        (AnswerKind::YesNo, 0) => Answer::Yes,
        (AnswerKind::YesNo, _) => Answer::No,
        (AnswerKind::Scale, 0) => Answer::Level(Level::Evidenced),
        (AnswerKind::Scale, _) if failing >= checked => Answer::Level(Level::NotInPlace),
        (AnswerKind::Scale, _) => Answer::Level(Level::Planned),
    }
}

/// The answer to set when `current` meets what the export shows, if any.
fn change(current: Option<Answer>, shown: Answer) -> Option<Answer> {
    let passes = matches!(shown, Answer::Yes | Answer::Level(Level::Evidenced));
    match current {
        Some(Answer::NotApplicable) => None,
        None | Some(Answer::Unsure) => Some(shown),
        Some(answer) => {
            let level = answer.effective_level()?;
            let target = shown.effective_level()?;
            let differs = if passes {
                level < target
            } else {
                level > target
            };
            differs.then_some(shown)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOT: Answer = Answer::Level(Level::NotInPlace);
    const PLANNED: Answer = Answer::Level(Level::Planned);
    const IN_PLACE: Answer = Answer::Level(Level::InPlace);
    const EVIDENCED: Answer = Answer::Level(Level::Evidenced);
    const OPERATING: Answer = Answer::Level(Level::Operating);

    fn finding(checked: usize, failing: usize) -> Finding {
        Finding {
            question: "CC6.1.mfa".into(),
            checked,
            failing: (0..failing).map(|n| format!("user{n}")).collect(),
            sentence: String::new(),
            fix: String::new(),
        }
    }

    #[test]
    fn a_failure_shows_less_than_in_place() {
        assert_eq!(shown(AnswerKind::Scale, &[&finding(41, 3)]), PLANNED);
        assert_eq!(shown(AnswerKind::Scale, &[&finding(2, 2)]), NOT);
        assert_eq!(
            shown(AnswerKind::Scale, &[&finding(5, 0), &finding(1, 1)]),
            PLANNED
        );
        assert_eq!(shown(AnswerKind::Scale, &[&finding(5, 0)]), EVIDENCED);
        assert_eq!(shown(AnswerKind::YesNo, &[&finding(5, 1)]), Answer::No);
        assert_eq!(shown(AnswerKind::YesNo, &[&finding(5, 0)]), Answer::Yes);
    }

    #[test]
    fn failures_lower_higher_answers_and_never_raise_lower_ones() {
        assert_eq!(change(Some(OPERATING), PLANNED), Some(PLANNED));
        assert_eq!(change(Some(IN_PLACE), PLANNED), Some(PLANNED));
        assert_eq!(change(Some(PLANNED), PLANNED), None);
        assert_eq!(change(Some(NOT), PLANNED), None, "never raised to planned");
        assert_eq!(change(None, NOT), Some(NOT));
        assert_eq!(change(Some(Answer::Unsure), PLANNED), Some(PLANNED));
        assert_eq!(change(Some(Answer::Yes), Answer::No), Some(Answer::No));
    }

    #[test]
    fn passes_raise_to_evidenced_at_most_and_keep_what_is_beyond() {
        assert_eq!(change(None, EVIDENCED), Some(EVIDENCED));
        assert_eq!(change(Some(PLANNED), EVIDENCED), Some(EVIDENCED));
        assert_eq!(change(Some(EVIDENCED), EVIDENCED), None);
        assert_eq!(
            change(Some(OPERATING), EVIDENCED),
            None,
            "never lowered by a pass"
        );
        assert_eq!(change(Some(Answer::No), Answer::Yes), Some(Answer::Yes));
    }

    #[test]
    fn not_applicable_is_left_to_the_user() {
        assert_eq!(change(Some(Answer::NotApplicable), NOT), None);
        assert_eq!(change(Some(Answer::NotApplicable), EVIDENCED), None);
    }
}
