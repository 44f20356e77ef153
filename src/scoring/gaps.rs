//! Gaps and open questions, defined once for every screen and report. A gap is an in-scope
//! question whose answer (Unsure included, which counts as nothing in place) is below the
//! level the targeted report needs; it has a severity from its key flag, weight and
//! shortfall, most severe first. An open question has no answer yet: nobody knows whether
//! it is a gap, so it is never counted as one. N/A is neither.

use serde::Serialize;

use super::measure::{meets, serialize_given_answer, serialize_level};
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Level, Question, Stage, Target};

/// How urgent a gap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// In place, but not yet evidenced to the report type's level.
    Low,
    /// Not yet in place.
    Medium,
    /// A key control short of its level, or a heavy control not in place.
    High,
    /// A key control not even in place.
    Critical,
}

impl Severity {
    /// The severity in words.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
        }
    }
}

/// One question below the level it needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The question id.
    pub question: String,
    /// The criterion it cites.
    pub criterion: String,
    /// The stage it belongs to.
    pub stage: Stage,
    /// The current answer (Unsure counts as nothing in place).
    #[serde(serialize_with = "serialize_given_answer")]
    pub current: Answer,
    /// The level the targeted report needs.
    #[serde(serialize_with = "serialize_level")]
    pub needed: Level,
    /// How urgent it is.
    pub severity: Severity,
    /// Sort key within a severity: weight × levels short, doubled for key controls.
    pub priority: u32,
}

/// The gaps among `in_scope` questions toward `target`, most severe first.
pub fn find(in_scope: &[&Question], assessment: &Assessment, target: Target) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = in_scope
        .iter()
        .filter_map(|question| {
            let current = assessment.answer(&question.id)?;
            let needed = question.required_for(target);
            if current == Answer::NotApplicable || meets(Some(current), needed) {
                return None;
            }
            let level = current.effective_level().unwrap_or(Level::NotInPlace);
            let short = u32::from(needed.number().saturating_sub(level.number()).max(1));
            let severity = match (question.key, level < Level::InPlace) {
                (true, true) => Severity::Critical,
                (true, false) => Severity::High,
                (false, true) if question.weight >= 3 => Severity::High,
                (false, true) => Severity::Medium,
                (false, false) => Severity::Low,
            };
            Some(Gap {
                question: question.id.clone(),
                criterion: question.criterion.clone(),
                stage: question.stage,
                current,
                needed,
                severity,
                priority: u32::from(question.weight) * short * if question.key { 2 } else { 1 },
            })
        })
        .collect();
    // Stable sort: equal gaps keep questionnaire order.
    gaps.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.priority.cmp(&a.priority))
    });
    gaps
}

/// The ids of the `in_scope` questions with no answer yet, key controls first (then in
/// questionnaire order).
pub fn open(in_scope: &[&Question], assessment: &Assessment) -> Vec<String> {
    let mut open: Vec<&Question> = in_scope
        .iter()
        .copied()
        .filter(|question| assessment.answer(&question.id).is_none())
        .collect();
    open.sort_by_key(|question| !question.key);
    open.into_iter()
        .map(|question| question.id.clone())
        .collect()
}
