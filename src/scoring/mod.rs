//! Scoring: readiness per criterion, category, stage and report type; verdicts that explain
//! themselves; and the prioritised gap list. Pure functions of a questionnaire and an
//! assessment — no I/O.

pub mod advice;
mod gaps;
mod iso_head_start;
mod measure;
mod policy;

pub use gaps::{Gap, Severity};
pub use iso_head_start::{
    COVERING_LEVEL, ControlCoverage, Coverage, HeadStart, ThemeCoverage, head_start,
};
pub use measure::{Blocker, MIN_ASSESSED_PERCENT, Measure, Readiness, Tally, Verdict};
pub use policy::{Policy, ThresholdSource, whole_percent};

use serde::Serialize;

use crate::assessment::Assessment;
use crate::questionnaire::{
    CRITERIA, Category, Level, Question, Questionnaire, Stage, Target, criterion,
};

/// Readiness of one stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageScore {
    /// Which stage.
    pub stage: Stage,
    /// Its readiness, verdict and blockers.
    #[serde(flatten)]
    pub measure: Measure,
}

/// Readiness toward one report type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetScore {
    /// Type 1 or Type 2.
    pub target: Target,
    /// Its readiness, verdict and blockers.
    #[serde(flatten)]
    pub measure: Measure,
}

/// Readiness of one category: controls in place, and evidenced for each report type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryScore {
    /// Which category.
    pub category: Category,
    /// Answer counts.
    pub tally: Tally,
    /// Controls at least in place.
    pub compliance: Readiness,
    /// Controls evidenced now (Type 1).
    pub type1: Readiness,
    /// Controls operating over time (Type 2).
    pub type2: Readiness,
}

/// Readiness of one criterion (or of the `ATT` / `CERT` stage questions).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    /// The criterion id.
    pub criterion: String,
    /// Answer counts.
    pub tally: Tally,
    /// Readiness toward the assessment's report type.
    pub readiness: Readiness,
}

/// Everything scoring says about an assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The report type the assessment aims for.
    pub target: Target,
    /// Answer counts over every question in scope.
    pub tally: Tally,
    /// The weakest of the three stage verdicts.
    pub overall: Verdict,
    /// Compliance, attestation and "certification", in that order.
    pub stages: Vec<StageScore>,
    /// Type 1 and Type 2 readiness, in that order.
    pub targets: Vec<TargetScore>,
    /// Categories in scope, in order.
    pub categories: Vec<CategoryScore>,
    /// Criteria with questions in scope, in questionnaire order.
    pub criteria: Vec<CriterionScore>,
    /// Every answered in-scope question below the level the target needs, most severe first.
    pub gaps: Vec<Gap>,
    /// The ids of the in-scope questions with no answer yet, key controls first.
    pub open: Vec<String>,
    /// In-scope questions that do not apply yet (their condition is not met): shown as
    /// "not yet relevant", left out of every score and gap. Question ids, in order.
    pub not_yet_relevant: Vec<String>,
    /// The thresholds the verdicts were decided with (the assessment's own win).
    pub policy: Policy,
}

impl Scorecard {
    /// The score of one stage.
    pub fn stage(&self, stage: Stage) -> &StageScore {
        &self.stages[stage as usize]
    }

    /// The score toward one report type.
    pub fn target_score(&self, target: Target) -> &TargetScore {
        &self.targets[target as usize]
    }

    /// The counts every screen and report prints, word for word: "172 questions in scope:
    /// 96 answered, 1 N/A, 6 unsure, 69 open; 58 gaps".
    pub fn counts(&self) -> String {
        let noun = if self.gaps.len() == 1 { "gap" } else { "gaps" };
        let mut line = format!("{}; {} {noun}", self.tally.sentence(), self.gaps.len());
        if !self.not_yet_relevant.is_empty() {
            line.push_str(&format!(
                "; {} not yet relevant",
                self.not_yet_relevant.len()
            ));
        }
        line
    }

    /// The score of a criterion id, if it has questions in scope.
    pub fn criterion(&self, id: &str) -> Option<&CriterionScore> {
        self.criteria.iter().find(|score| score.criterion == id)
    }
}

/// The questions (and the level each needs) that make up a stage for `target`.
fn stage_items<'q>(
    questionnaire: &'q Questionnaire,
    assessment: &Assessment,
    stage: Stage,
    target: Target,
) -> Vec<(&'q Question, Level)> {
    let in_stage = |question: &Question| match stage {
        // Controls in place, whatever the report type.
        Stage::Compliance => question.stage == Stage::Compliance,
        // Controls evidenced to the report type's level, plus the audit logistics.
        Stage::Attestation => question.stage != Stage::Certification,
        Stage::Certification => question.stage == Stage::Certification,
    };
    questionnaire
        .questions()
        .iter()
        .filter(|question| in_stage(question) && assessment.counts_for(question, target))
        .map(|question| {
            let needed = if stage == Stage::Compliance {
                Level::InPlace
            } else {
                question.required_for(target)
            };
            (question, needed)
        })
        .collect()
}

/// Scores an assessment against a questionnaire under `policy`, or under the thresholds
/// the assessment itself agrees, where it has them.
pub fn score(questionnaire: &Questionnaire, assessment: &Assessment, policy: &Policy) -> Scorecard {
    let policy = &policy.for_assessment(assessment);
    let target = assessment.target;
    let targets: Vec<_> = Target::ALL
        .into_iter()
        .map(|report| TargetScore {
            target: report,
            measure: Measure::of(
                &stage_items(questionnaire, assessment, Stage::Attestation, report),
                assessment,
                policy,
            ),
        })
        .collect();
    // The attestation stage is readiness toward the targeted report: already measured.
    let stages: Vec<_> = Stage::ALL
        .into_iter()
        .map(|stage| StageScore {
            stage,
            measure: match stage {
                Stage::Attestation => targets[target as usize].measure.clone(),
                _ => Measure::of(
                    &stage_items(questionnaire, assessment, stage, target),
                    assessment,
                    policy,
                ),
            },
        })
        .collect();
    let (in_scope, not_yet_relevant): (Vec<_>, Vec<_>) = questionnaire
        .questions()
        .iter()
        .filter(|question| assessment.in_scope(question))
        .partition(|question| assessment.is_relevant(question));
    let overall = stages
        .iter()
        .map(|stage| stage.measure.verdict)
        .min()
        .unwrap_or(Verdict::NotAssessed);
    Scorecard {
        target,
        tally: Tally::of(in_scope.iter().copied(), assessment),
        overall,
        stages,
        targets,
        categories: category_scores(&in_scope, assessment),
        criteria: criterion_scores(&in_scope, assessment, target),
        gaps: gaps::find(&in_scope, assessment, target),
        open: gaps::open(&in_scope, assessment),
        not_yet_relevant: not_yet_relevant
            .iter()
            .map(|question| question.id.clone())
            .collect(),
        policy: *policy,
    }
}

/// The categories a question counts toward: its own, and those of the criteria it also
/// supports.
fn supports_category(question: &Question, category: Category) -> bool {
    question.category == Some(category)
        || question
            .also_supports
            .iter()
            .filter_map(|id| criterion(id))
            .any(|found| found.category == category)
}

fn category_scores(in_scope: &[&Question], assessment: &Assessment) -> Vec<CategoryScore> {
    assessment
        .scope()
        .iter()
        .map(|&category| {
            let questions: Vec<_> = in_scope
                .iter()
                .copied()
                .filter(|q| supports_category(q, category))
                .collect();
            let at =
                |level: Level| Readiness::of(questions.iter().map(|&q| (q, level)), assessment);
            CategoryScore {
                category,
                tally: Tally::of(questions.iter().copied(), assessment),
                compliance: at(Level::InPlace),
                type1: at(Target::Type1.required_level()),
                type2: at(Target::Type2.required_level()),
            }
        })
        .collect()
}

/// Readiness of one criterion toward `target`, whatever report the assessment aims for:
/// its in-scope, relevant questions at the level `target` needs (the wizard uses it to say
/// what Type 1 readiness would be beside a Type 2 figure).
pub fn criterion_readiness(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    criterion: &str,
    target: Target,
) -> Readiness {
    let in_scope: Vec<&Question> = questionnaire
        .questions()
        .iter()
        .filter(|question| assessment.in_scope(question) && assessment.is_relevant(question))
        .collect();
    readiness_toward(&supporting(&in_scope, criterion), assessment, target)
}

/// The questions among `in_scope` that support `criterion`.
fn supporting<'q>(in_scope: &[&'q Question], criterion: &str) -> Vec<&'q Question> {
    in_scope
        .iter()
        .copied()
        .filter(|question| question.supports(criterion))
        .collect()
}

/// Readiness of `questions`, each at the level `target` needs.
fn readiness_toward(questions: &[&Question], assessment: &Assessment, target: Target) -> Readiness {
    Readiness::of(
        questions.iter().map(|&q| (q, q.required_for(target))),
        assessment,
    )
}

fn criterion_scores(
    in_scope: &[&Question],
    assessment: &Assessment,
    target: Target,
) -> Vec<CriterionScore> {
    // A question counts toward each criterion it supports whose category is in scope.
    let counted =
        |id: &str| criterion(id).is_none_or(|found| assessment.scope().contains(&found.category));
    let mut seen: Vec<&str> = Vec::new();
    for question in in_scope {
        for id in question.criteria().filter(|&id| counted(id)) {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
    }
    // Criteria in published order, then `ATT` and `CERT` in the order met.
    let order = CRITERIA
        .iter()
        .map(|known| known.id)
        .filter(|id| seen.contains(id))
        .chain(seen.iter().copied().filter(|&id| criterion(id).is_none()));
    order
        .map(|criterion| {
            let questions = supporting(in_scope, criterion);
            CriterionScore {
                criterion: criterion.to_string(),
                tally: Tally::of(questions.iter().copied(), assessment),
                readiness: readiness_toward(&questions, assessment, target),
            }
        })
        .collect()
}

#[cfg(test)]
mod links_tests;
#[cfg(test)]
mod tests;
