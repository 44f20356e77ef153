//! Comparing two points in time — two snapshots of one assessment, or two files: readiness
//! per stage, report type and category then → now, the questions that improved or
//! regressed, and the gaps closed and opened.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use serde::{Serialize, Serializer};

use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Category, Questionnaire, Stage, Target};
use crate::scoring::{Scorecard, Verdict};

/// One side of a comparison: what it is, and its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// A date (`2026-11-24`) or a file name.
    pub label: String,
    /// The report type aimed for.
    pub target: Target,
    /// Compliance, attestation and "certification".
    pub stages: Vec<Figure<Stage>>,
    /// Type 1 and Type 2.
    pub targets: Vec<Figure<Target>>,
    /// Categories in scope.
    pub categories: Vec<CategoryFigure>,
}

/// Readiness of one stage or report type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure<T> {
    /// Which stage or report type.
    pub name: T,
    /// Readiness in percent (`None` when nothing counts).
    pub percent: Option<u32>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Readiness of one category.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CategoryFigure {
    /// Which category.
    pub category: Category,
    /// Controls in place, in percent.
    pub compliance: Option<u32>,
    /// Controls evidenced now, in percent.
    pub type1: Option<u32>,
    /// Controls operating over time, in percent.
    pub type2: Option<u32>,
}

impl Side {
    /// The figures of `card`, labelled.
    pub fn of(label: &str, card: &Scorecard) -> Self {
        Self {
            label: label.to_string(),
            target: card.target,
            stages: card
                .stages
                .iter()
                .map(|stage| Figure {
                    name: stage.stage,
                    percent: stage.measure.readiness.percent(),
                    verdict: stage.measure.verdict,
                })
                .collect(),
            targets: card
                .targets
                .iter()
                .map(|target| Figure {
                    name: target.target,
                    percent: target.measure.readiness.percent(),
                    verdict: target.measure.verdict,
                })
                .collect(),
            categories: card
                .categories
                .iter()
                .map(|category| CategoryFigure {
                    category: category.category,
                    compliance: category.compliance.percent(),
                    type1: category.type1.percent(),
                    type2: category.type2.percent(),
                })
                .collect(),
        }
    }
}

/// A question whose answer moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The question id.
    pub question: String,
    /// Its title.
    pub title: String,
    /// The answer then (`None`: unanswered).
    #[serde(serialize_with = "answer_key")]
    pub then: Option<Answer>,
    /// The answer now.
    #[serde(serialize_with = "answer_key")]
    pub now: Option<Answer>,
}

fn answer_key<S: Serializer>(answer: &Option<Answer>, serializer: S) -> Result<S::Ok, S::Error> {
    match answer {
        Some(answer) => serializer.serialize_str(answer.key()),
        None => serializer.serialize_none(),
    }
}

/// What changed between two points in time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The earlier side.
    pub then: Side,
    /// The later side.
    pub now: Side,
    /// Questions whose answer rose on the scale, in questionnaire order.
    pub improved: Vec<Change>,
    /// Questions whose answer fell on the scale.
    pub regressed: Vec<Change>,
    /// Answered questions short of the target then that are not now.
    pub gaps_closed: Vec<String>,
    /// Answered questions short of the target now that were not then.
    pub gaps_opened: Vec<String>,
}

/// Where an answer stands on the scale for comparing; `None` for N/A, which is neither
/// better nor worse than a level.
fn rank(answer: Option<Answer>) -> Option<u8> {
    match answer {
        None => Some(0),
        Some(answer) => answer.effective_level().map(|level| level.number()),
    }
}

/// Whether going from `before` to `after` is an improvement (`Greater`), a regression
/// (`Less`) or neither (`Equal`, also for anything to or from N/A).
pub fn direction(before: Option<Answer>, after: Option<Answer>) -> Ordering {
    match (rank(before), rank(after)) {
        (Some(from), Some(to)) => to.cmp(&from),
        _ => Ordering::Equal,
    }
}

/// Compares `then` (scored as `then_card`) with `now` (scored as `now_card`).
pub fn compare(
    questionnaire: &Questionnaire,
    then: (&str, &Assessment, &Scorecard),
    now: (&str, &Assessment, &Scorecard),
) -> Comparison {
    let (then_label, then_assessment, then_card) = then;
    let (now_label, now_assessment, now_card) = now;
    let mut improved = Vec::new();
    let mut regressed = Vec::new();
    for question in questionnaire.questions() {
        let before = then_assessment.answer(&question.id);
        let after = now_assessment.answer(&question.id);
        let change = || Change {
            question: question.id.clone(),
            title: question.title.clone(),
            then: before,
            now: after,
        };
        match direction(before, after) {
            Ordering::Greater => improved.push(change()),
            Ordering::Less => regressed.push(change()),
            Ordering::Equal => {}
        }
    }
    // Scoring's gaps are answered questions only: nobody knows yet whether an unanswered
    // one is.
    let gap_ids = |card: &Scorecard| -> BTreeSet<String> {
        card.gaps.iter().map(|gap| gap.question.clone()).collect()
    };
    let (gaps_then, gaps_now) = (gap_ids(then_card), gap_ids(now_card));
    let in_order = |ids: BTreeSet<&String>| -> Vec<String> {
        questionnaire
            .questions()
            .iter()
            .filter(|question| ids.contains(&question.id))
            .map(|question| question.id.clone())
            .collect()
    };
    Comparison {
        then: Side::of(then_label, then_card),
        now: Side::of(now_label, now_card),
        improved,
        regressed,
        gaps_closed: in_order(gaps_then.difference(&gaps_now).collect()),
        gaps_opened: in_order(gaps_now.difference(&gaps_then).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Level, QuestionnaireSource, load};
    use crate::scoring::{Policy, score};
    use jiff::civil::Date;

    #[test]
    fn improvements_regressions_and_gaps_between_two_points() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut then = Assessment::new("A", "", Date::constant(2026, 1, 1), Target::Type1, []);
        then.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Planned)));
        then.set_answer(
            "CC8.1.change-approval",
            Some(Answer::Level(Level::Evidenced)),
        );
        then.set_answer(
            "CC6.4.office-access",
            Some(Answer::Level(Level::NotInPlace)),
        );
        let mut now = then.clone();
        now.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Evidenced)));
        now.set_answer("CC8.1.change-approval", Some(Answer::Level(Level::InPlace)));
        now.set_answer("CC6.4.office-access", Some(Answer::NotApplicable));
        now.set_answer(
            "CC7.2.central-logging",
            Some(Answer::Level(Level::NotInPlace)),
        );
        let policy = Policy::default();
        let (then_card, now_card) = (
            score(&questionnaire, &then, &policy),
            score(&questionnaire, &now, &policy),
        );
        let comparison = compare(
            &questionnaire,
            ("2026-01-01", &then, &then_card),
            ("2026-02-01", &now, &now_card),
        );
        let ids = |changes: &[Change]| -> Vec<String> {
            changes
                .iter()
                .map(|change| change.question.clone())
                .collect()
        };
        assert_eq!(ids(&comparison.improved), ["CC6.1.mfa"]);
        assert_eq!(ids(&comparison.regressed), ["CC8.1.change-approval"]);
        assert_eq!(comparison.gaps_closed, ["CC6.1.mfa", "CC6.4.office-access"]);
        assert_eq!(
            comparison.gaps_opened,
            ["CC7.2.central-logging", "CC8.1.change-approval"]
        );
        assert_eq!(comparison.then.label, "2026-01-01");
        assert_eq!(comparison.now.stages.len(), 3);
        let json = serde_json::to_value(&comparison.regressed[0]).unwrap();
        assert_eq!(json["then"], "evidenced");
        assert_eq!(json["now"], "in_place");
    }
}
