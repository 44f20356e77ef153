//! The plan and the clock of a workshop: an [`Agenda`] of sections (by criterion family or by
//! owner) with planned minutes, and a [`SectionClock`] that counts the time spent in each
//! section as the presenter moves through the questions. Pure: the caller passes "now".

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Question, Questionnaire, Stage, family, family_topic};

/// Minutes planned for a question still to discuss (open or Unsure).
pub const MINUTES_PER_OPEN_QUESTION: u32 = 2;
/// Minutes planned for a question already answered (a quick confirmation).
pub const MINUTES_PER_ANSWERED_QUESTION: u32 = 1;
/// The section title of questions nobody owns yet, listed last in an agenda by owner.
pub const NO_OWNER: &str = "No owner yet";

/// How an agenda groups the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// By criterion family (CC1 … P8), then the attestation and "certification" questions.
    Group,
    /// By the owner recorded on each question, alphabetically, unowned ones last.
    Owner,
}

impl Grouping {
    /// The other grouping.
    pub fn toggled(self) -> Self {
        match self {
            Grouping::Group => Grouping::Owner,
            Grouping::Owner => Grouping::Group,
        }
    }

    /// "by criterion group" or "by owner".
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Group => "by criterion group",
            Grouping::Owner => "by owner",
        }
    }
}

/// One section of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// What the section is about: "CC6 · Access", "Attestation", an owner's name.
    pub title: String,
    /// The ids of its questions, in questionnaire order.
    pub questions: Vec<String>,
    /// How many of them are still to discuss (open or Unsure) when the agenda was built.
    pub to_discuss: usize,
    /// The minutes planned for it.
    pub planned_minutes: u32,
}

/// The sections of a workshop in the order they are taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    /// How the questions are grouped.
    pub grouping: Grouping,
    /// The sections, never empty ones.
    pub sections: Vec<Section>,
}

impl Agenda {
    /// The agenda of the questions that count for `assessment` (in scope and relevant yet),
    /// grouped by `grouping`. Each section is planned [`MINUTES_PER_OPEN_QUESTION`] per
    /// question to discuss and [`MINUTES_PER_ANSWERED_QUESTION`] per answered one; with a
    /// `length` in minutes, that length is shared out in the same proportions instead.
    pub fn build(
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        grouping: Grouping,
        length: Option<u32>,
    ) -> Agenda {
        let mut sections: Vec<Section> = Vec::new();
        let counted = questionnaire
            .questions()
            .iter()
            .filter(|question| assessment.in_scope(question) && assessment.is_relevant(question));
        for question in counted {
            let title = section_title(question, assessment, grouping);
            let index = match sections.iter().position(|section| section.title == title) {
                Some(index) => index,
                None => {
                    sections.push(Section {
                        title,
                        questions: Vec::new(),
                        to_discuss: 0,
                        planned_minutes: 0,
                    });
                    sections.len() - 1
                }
            };
            let section = &mut sections[index];
            section.questions.push(question.id.clone());
            section.to_discuss += usize::from(to_discuss(assessment.answer(&question.id)));
        }
        if grouping == Grouping::Owner {
            sections
                .sort_by_key(|section| (section.title == NO_OWNER, section.title.to_lowercase()));
        }
        let weights: Vec<u32> = sections.iter().map(weight).collect();
        let minutes = match length {
            Some(length) => share_out(length, &weights),
            None => weights,
        };
        for (section, minutes) in sections.iter_mut().zip(minutes) {
            section.planned_minutes = minutes;
        }
        Agenda { grouping, sections }
    }

    /// The index of the section holding question `id`.
    pub fn section_of(&self, id: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|section| section.questions.iter().any(|question| question == id))
    }

    /// Every question id in the order the agenda takes them.
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        self.sections
            .iter()
            .flat_map(|section| section.questions.iter().map(String::as_str))
    }

    /// The minutes planned for the whole agenda.
    pub fn planned_minutes(&self) -> u32 {
        self.sections
            .iter()
            .map(|section| section.planned_minutes)
            .sum()
    }
}

/// Whether a question still needs discussing: unanswered or answered Unsure.
pub fn to_discuss(answer: Option<Answer>) -> bool {
    matches!(answer, None | Some(Answer::Unsure))
}

fn section_title(question: &Question, assessment: &Assessment, grouping: Grouping) -> String {
    match grouping {
        Grouping::Group => match family(&question.criterion) {
            Some(family) => {
                let topic = family_topic(family).unwrap_or_default();
                format!("{family} · {topic}")
            }
            None => stage_title(question.stage).to_string(),
        },
        Grouping::Owner => assessment
            .record(&question.id)
            .map(|record| record.owner.trim())
            .filter(|owner| !owner.is_empty())
            .unwrap_or(NO_OWNER)
            .to_string(),
    }
}

fn stage_title(stage: Stage) -> &'static str {
    match stage {
        Stage::Compliance => "Other questions",
        Stage::Attestation | Stage::Certification => stage.label(),
    }
}

fn weight(section: &Section) -> u32 {
    let to_discuss = u32::try_from(section.to_discuss).unwrap_or(u32::MAX);
    let answered = u32::try_from(section.questions.len() - section.to_discuss).unwrap_or(u32::MAX);
    to_discuss
        .saturating_mul(MINUTES_PER_OPEN_QUESTION)
        .saturating_add(answered.saturating_mul(MINUTES_PER_ANSWERED_QUESTION))
}

/// Shares `total` minutes out in proportion to `weights` by the largest remainder, so the
/// parts add up to `total` exactly (ties go to the earlier section).
fn share_out(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|&weight| u64::from(weight)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<(u64, u64)> = weights
        .iter()
        .map(|&weight| {
            let scaled = u64::from(total) * u64::from(weight);
            (scaled / sum, scaled % sum)
        })
        .collect();
    let mut parts: Vec<u32> = exact
        .iter()
        .map(|&(whole, _)| u32::try_from(whole).unwrap_or(u32::MAX))
        .collect();
    let given: u32 = parts.iter().sum();
    let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
    by_remainder.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for &index in by_remainder.iter().take((total - given) as usize) {
        parts[index] += 1;
    }
    parts
}

/// The time spent in each section of an agenda, counted while the presenter is in it.
/// Sections are known by title, so an agenda rebuilt with another grouping starts afresh
/// for its new sections and keeps the time of those it shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionClock {
    spent: BTreeMap<String, i64>,
    current: Option<(String, Timestamp)>,
}

impl SectionClock {
    /// A clock with no time spent anywhere, entering section `title` at `now`.
    pub fn start(title: &str, now: Timestamp) -> Self {
        SectionClock {
            spent: BTreeMap::new(),
            current: Some((title.to_string(), now)),
        }
    }

    /// Moves to section `title` at `now`, banking the time spent in the one left. Entering
    /// the section already current changes nothing.
    pub fn enter(&mut self, title: &str, now: Timestamp) {
        if self.current_title() == Some(title) {
            return;
        }
        self.pause(now);
        self.current = Some((title.to_string(), now));
    }

    /// Stops counting at `now` (the workshop view was left).
    pub fn pause(&mut self, now: Timestamp) {
        if let Some((title, since)) = self.current.take() {
            *self.spent.entry(title).or_default() += seconds_between(since, now);
        }
    }

    /// The section being counted, if any.
    pub fn current_title(&self) -> Option<&str> {
        self.current.as_ref().map(|(title, _)| title.as_str())
    }

    /// The seconds spent in section `title` up to `now`.
    pub fn spent_seconds(&self, title: &str, now: Timestamp) -> i64 {
        let banked = self.spent.get(title).copied().unwrap_or_default();
        let running = match &self.current {
            Some((current, since)) if current == title => seconds_between(*since, now),
            _ => 0,
        };
        banked + running
    }

    /// Whether more time than planned has been spent in `section` by `now`.
    pub fn is_over_time(&self, section: &Section, now: Timestamp) -> bool {
        self.spent_seconds(&section.title, now) > i64::from(section.planned_minutes) * 60
    }
}

/// The whole seconds from `start` to `end`, never negative (a clock set back counts zero).
pub fn seconds_between(start: Timestamp, end: Timestamp) -> i64 {
    (end.as_second() - start.as_second()).max(0)
}

/// A duration as a presenter's clock shows it: "4:05", "12:00", "1:02:05".
pub fn clock_text(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
#[path = "workshop_tests.rs"]
mod tests;
