//! The building blocks of a score: weighted readiness, answer tallies, key blockers and the
//! verdict that combines them.

use serde::Serialize;

use super::{Policy, whole_percent};
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Level, Question};

/// Weighted credit over weighted total; N/A is left out of both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// Sum of the weights of questions at or above the level they need.
    pub credit: u32,
    /// Sum of the weights of questions that are not N/A.
    pub total: u32,
}

impl Readiness {
    /// Readiness of `(question, level needed)` pairs.
    pub fn of<'q>(
        items: impl IntoIterator<Item = (&'q Question, Level)>,
        assessment: &Assessment,
    ) -> Self {
        let mut readiness = Readiness::default();
        for (question, needed) in items {
            let answer = assessment.answer(&question.id);
            if answer == Some(Answer::NotApplicable) {
                continue;
            }
            let weight = u32::from(question.weight);
            readiness.total += weight;
            if meets(answer, needed) {
                readiness.credit += weight;
            }
        }
        readiness
    }

    /// The ratio from 0 to 1, or `None` when nothing counts (all N/A or no questions).
    pub fn ratio(self) -> Option<f64> {
        (self.total > 0).then(|| f64::from(self.credit) / f64::from(self.total))
    }

    /// The ratio as a whole percentage, rounded down so 84.9 % never shows as "85 %".
    pub fn percent(self) -> Option<u32> {
        (self.total > 0).then(|| self.credit * 100 / self.total)
    }
}

/// Whether an answer meets the level a question needs (unanswered never does).
pub fn meets(answer: Option<Answer>, needed: Level) -> bool {
    answer
        .and_then(Answer::effective_level)
        .is_some_and(|level| level >= needed)
}

/// How many questions are answered, unanswered, unsure or N/A.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Questions counted.
    pub questions: u32,
    /// Questions with an answer other than Unsure (N/A included).
    pub answered: u32,
    /// Questions with no answer yet (count as zero).
    pub unanswered: u32,
    /// Questions answered Unsure (count as zero, flagged for follow-up).
    pub unsure: u32,
    /// Questions answered N/A (left out of readiness).
    pub not_applicable: u32,
}

impl Tally {
    /// Counts the answers to `questions`.
    pub fn of<'q>(
        questions: impl IntoIterator<Item = &'q Question>,
        assessment: &Assessment,
    ) -> Self {
        let mut tally = Tally::default();
        for question in questions {
            tally.questions += 1;
            match assessment.answer(&question.id) {
                None => tally.unanswered += 1,
                Some(Answer::Unsure) => tally.unsure += 1,
                Some(answer) => {
                    tally.answered += 1;
                    if answer == Answer::NotApplicable {
                        tally.not_applicable += 1;
                    }
                }
            }
        }
        tally
    }
}

/// Where a stage or report type stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Below the "getting there" threshold.
    NotReady,
    /// Above "getting there", but below the threshold or with key controls short.
    GettingThere,
    /// Above the threshold with no key control short.
    Ready,
}

impl Verdict {
    /// The verdict in words.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotReady => "Not ready",
            Verdict::GettingThere => "Getting there",
            Verdict::Ready => "Ready",
        }
    }
}

/// A key question below the level it needs: it alone keeps the verdict from "ready".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blocker {
    /// The question id.
    pub question: String,
    /// The current answer, if any.
    #[serde(serialize_with = "serialize_answer")]
    pub current: Option<Answer>,
    /// The level it needs.
    #[serde(serialize_with = "serialize_level")]
    pub needed: Level,
}

pub(crate) fn serialize_answer<S: serde::Serializer>(
    answer: &Option<Answer>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(answer.map_or("unanswered", Answer::key))
}

pub(crate) fn serialize_level<S: serde::Serializer>(
    level: &Level,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(level.key())
}

/// Readiness, counts, verdict and blockers of a set of questions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    /// Weighted readiness.
    pub readiness: Readiness,
    /// Answer counts.
    pub tally: Tally,
    /// The verdict.
    pub verdict: Verdict,
    /// Key questions below the level they need, in questionnaire order.
    pub blockers: Vec<Blocker>,
}

impl Measure {
    /// Measures `(question, level needed)` pairs under `policy`.
    pub fn of(items: &[(&Question, Level)], assessment: &Assessment, policy: &Policy) -> Self {
        let readiness = Readiness::of(items.iter().copied(), assessment);
        let tally = Tally::of(items.iter().map(|(question, _)| *question), assessment);
        let blockers: Vec<_> = items
            .iter()
            .filter(|(question, needed)| {
                let answer = assessment.answer(&question.id);
                question.key && answer != Some(Answer::NotApplicable) && !meets(answer, *needed)
            })
            .map(|(question, needed)| Blocker {
                question: question.id.clone(),
                current: assessment.answer(&question.id),
                needed: *needed,
            })
            .collect();
        let ratio = readiness.ratio().unwrap_or(0.0);
        let verdict = if ratio >= policy.ready && blockers.is_empty() && readiness.total > 0 {
            Verdict::Ready
        } else if ratio >= policy.getting_there {
            Verdict::GettingThere
        } else {
            Verdict::NotReady
        };
        Self {
            readiness,
            tally,
            verdict,
            blockers,
        }
    }

    /// One sentence saying why the verdict is what it is, naming the threshold that decided
    /// it and where that threshold came from.
    pub fn explanation(&self, policy: &Policy) -> String {
        let threshold = whole_percent(policy.ready);
        let Some(percent) = self.readiness.percent() else {
            return "Nothing to score: every question in scope is N/A or none is in scope."
                .to_string();
        };
        let keys = match self.blockers.len() {
            0 => String::new(),
            1 => "1 key control is below the level it needs".to_string(),
            n => format!("{n} key controls are below the level they need"),
        };
        let ready = format!(
            "the {threshold} % threshold ({})",
            policy.ready_from.label()
        );
        let getting_there = whole_percent(policy.getting_there);
        let below = match self.verdict {
            Verdict::NotReady if policy.ready_from == policy.getting_there_from => format!(
                "the {threshold} % threshold and the {getting_there} % needed for Getting there ({})",
                policy.ready_from.label()
            ),
            Verdict::NotReady => format!(
                "{ready} and the {getting_there} % needed for Getting there ({})",
                policy.getting_there_from.label()
            ),
            _ => ready.clone(),
        };
        match (self.verdict, keys.is_empty()) {
            (Verdict::Ready, _) => {
                format!("{percent} % meets {ready} and every key control is at the level it needs.")
            }
            (_, true) => format!("{percent} % is below {below}."),
            (_, false) if percent >= threshold => {
                format!("{percent} % meets {ready}, but {keys}.")
            }
            (_, false) => format!("{percent} % is below {below}, and {keys}."),
        }
    }
}
