//! The workshop view's state: the agenda being presented, the clock of its sections, when
//! the session began and which of the assessment's workshop sessions it records into.

use jiff::Timestamp;

use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;
use crate::time::workshop::{Agenda, Grouping, SectionClock};

/// The presenter view of a workshop. The current question is the wizard's
/// ([`Navigator::current`](super::Navigator)), so notes and N/A reasons are edited the
/// same way on both screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopView {
    /// The sections with their questions and planned minutes.
    pub agenda: Agenda,
    /// The length asked for (`--length`), shared out over the sections; `None`: planned
    /// per question.
    pub length: Option<u32>,
    /// The time spent per section.
    pub clock: SectionClock,
    /// When the session began (today's earlier session, resumed, keeps its start).
    pub started: Timestamp,
    /// The index of this session in [`Assessment::workshops`] once anything was recorded
    /// in it; a session left with nothing recorded leaves nothing in the file.
    pub session: Option<usize>,
}

impl WorkshopView {
    /// The view of `assessment` at `now`, resuming today's session when there is one.
    pub fn open(
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        grouping: Grouping,
        length: Option<u32>,
        now: Timestamp,
        today: jiff::civil::Date,
    ) -> Self {
        let agenda = Agenda::build(questionnaire, assessment, grouping, length);
        let resumed = assessment
            .workshops
            .iter()
            .rposition(|session| session.date == today);
        let started = resumed.map_or_else(
            || whole_second(now),
            |index| assessment.workshops[index].started,
        );
        let first = agenda
            .sections
            .first()
            .map_or("", |section| section.title.as_str());
        Self {
            clock: SectionClock::start(first, now),
            agenda,
            length,
            started,
            session: resumed,
        }
    }

    /// The agenda built again with `grouping` (keeping the length asked for).
    pub fn regroup(
        &mut self,
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        grouping: Grouping,
    ) {
        self.agenda = Agenda::build(questionnaire, assessment, grouping, self.length);
    }

    /// The title of the section holding question `id`, if it is on the agenda.
    pub fn section_title(&self, id: &str) -> Option<&str> {
        self.agenda
            .section_of(id)
            .map(|index| self.agenda.sections[index].title.as_str())
    }
}

/// `at` without its fraction of a second: a session's times are kept to the second.
pub fn whole_second(at: Timestamp) -> Timestamp {
    Timestamp::from_second(at.as_second()).unwrap_or(at)
}
