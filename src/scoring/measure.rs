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

/// How many questions are answered, N/A, unsure or open: four disjoint counts that add up
/// to `questions`. This is the one definition every screen and report uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Questions counted: `answered + not_applicable + unsure + unanswered`.
    pub questions: u32,
    /// Questions with a definite answer: a level of the scale, Yes or No (not N/A, not Unsure).
    pub answered: u32,
    /// Open questions: no answer yet (count as zero, never listed as gaps).
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
                Some(Answer::NotApplicable) => tally.not_applicable += 1,
                Some(_) => tally.answered += 1,
            }
        }
        tally
    }

    /// Questions whose state is known: a definite answer or N/A.
    pub fn assessed(self) -> u32 {
        self.answered + self.not_applicable
    }

    /// Whether enough questions have a known state for a verdict to mean something: at least
    /// [`MIN_ASSESSED_PERCENT`] of them (and at least one).
    pub fn enough_assessed(self) -> bool {
        self.assessed() > 0 && self.assessed() * 100 >= self.questions * MIN_ASSESSED_PERCENT
    }

    /// The short form of [`Tally::sentence`] for a header: "96/172 answered · 69 open" (the
    /// rest are N/A or Unsure). The same words, so the header never disagrees with a report.
    pub fn brief(self) -> String {
        format!(
            "{}/{} answered · {} open",
            self.answered, self.questions, self.unanswered
        )
    }

    /// The counts in words, the same on every screen and in every report:
    /// "172 questions in scope: 96 answered, 1 N/A, 6 unsure, 69 open".
    pub fn sentence(self) -> String {
        format!(
            "{} questions in scope: {} answered, {} N/A, {} unsure, {} open",
            self.questions, self.answered, self.not_applicable, self.unsure, self.unanswered
        )
    }
}

/// The share of questions (in percent) that must have a known state — a definite answer or
/// N/A — before a set of questions gets a verdict other than "Not assessed yet".
pub const MIN_ASSESSED_PERCENT: u32 = 25;

/// Where a stage or report type stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Too few questions answered for a verdict (see [`MIN_ASSESSED_PERCENT`]).
    NotAssessed,
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
            Verdict::NotAssessed => "Not assessed yet",
            Verdict::NotReady => "Not ready",
            Verdict::GettingThere => "Getting there",
            Verdict::Ready => "Ready",
        }
    }

    /// The verdict in at most 13 characters, for narrow table columns.
    pub fn short_label(self) -> &'static str {
        match self {
            Verdict::NotAssessed => "Not assessed",
            other => other.label(),
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

pub(crate) fn serialize_given_answer<S: serde::Serializer>(
    answer: &Answer,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(answer.key())
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
    /// Answered key questions below the level they need, in questionnaire order.
    pub blockers: Vec<Blocker>,
    /// Key questions with no answer yet: until answered they also keep the verdict from
    /// "ready", but nobody has looked at them, so they are not called blockers.
    pub open_keys: u32,
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
                question.key
                    && answer.is_some_and(|given| given != Answer::NotApplicable)
                    && !meets(answer, *needed)
            })
            .map(|(question, needed)| Blocker {
                question: question.id.clone(),
                current: assessment.answer(&question.id),
                needed: *needed,
            })
            .collect();
        let open_keys = items
            .iter()
            .filter(|(question, _)| question.key && assessment.answer(&question.id).is_none())
            .count() as u32;
        let ratio = readiness.ratio().unwrap_or(0.0);
        let verdict = if !tally.enough_assessed() && readiness.total > 0 {
            Verdict::NotAssessed
        } else if ratio >= policy.ready
            && blockers.is_empty()
            && open_keys == 0
            && readiness.total > 0
        {
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
            open_keys,
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
        if self.verdict == Verdict::NotAssessed {
            let tally = self.tally;
            let needed = (tally.questions * MIN_ASSESSED_PERCENT).div_ceil(100);
            return format!(
                "Only {} of {} questions have an answer; answer at least {needed} for a verdict.",
                tally.assessed(),
                tally.questions
            );
        }
        let below = match self.blockers.len() {
            0 => None,
            1 => Some("1 key control is below the level it needs".to_string()),
            n => Some(format!("{n} key controls are below the level they need")),
        };
        let open = match self.open_keys {
            0 => None,
            1 => Some("1 key control is still unanswered".to_string()),
            n => Some(format!("{n} key controls are still unanswered")),
        };
        let keys = match (below, open) {
            (Some(below), Some(open)) => format!("{below} and {open}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
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
