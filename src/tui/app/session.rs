//! The open assessment: its file, its answers, its scorecard (kept in step with every
//! change) and where the wizard is in it.

use std::path::PathBuf;
use std::sync::Arc;

use super::navigate::Navigator;
use crate::assessment::store::{EditLock, FileStamp};
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{AnswerKind, Level, Question, Questionnaire};
use crate::scoring::{Policy, Scorecard};
use crate::time::coverage;
use jiff::civil::Date;

/// An assessment open in the wizard.
#[derive(Debug, Clone)]
pub struct Session {
    /// The file it is saved to.
    pub path: PathBuf,
    /// The answers.
    pub assessment: Assessment,
    /// The scores of the answers.
    pub card: Scorecard,
    /// Where the wizard is.
    pub nav: Navigator,
    /// Held while this window may change the file; released when the session ends.
    pub lock: Option<Arc<EditLock>>,
    /// Why the file is open read-only (another window edits it), if it is.
    pub read_only: Option<String>,
    /// Changed since the last successful save; [`save_pending`](crate::tui::update::save_pending)
    /// writes it, and it stays set until a save succeeds.
    pub unsaved: bool,
    /// How many changes the last successful save does not hold.
    pub changes: usize,
    /// What the file held when this window last read or wrote it; `None` when unknown.
    pub stamp: Option<FileStamp>,
    /// The file changed on disk while this window had changes: nothing is saved until the
    /// user chooses (overwrite or load).
    pub conflict: bool,
    /// Why the last attempt to save a change failed ("cannot save acme.toml: the disk is
    /// full"); `None` once a save succeeds.
    pub not_saved: Option<String>,
    /// Shown under the sidebar once per session, the first time a criterion is fully
    /// answered yet scores lower toward Type 2 than it would toward Type 1; cleared by the
    /// next answer.
    pub type2_note: Option<String>,
    /// Whether that note was already shown in this session.
    pub type2_explained: bool,
    /// What the last import from the evidence log did, shown in the log.
    pub last_import: Option<LastImport>,
}

/// What the last import from the evidence log did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastImport {
    /// One line: the file, what it is, and where its evidence went.
    pub summary: String,
    /// The answers it proposed that are not set yet (question id, answer); `A` sets them.
    pub proposed: Vec<(String, Answer)>,
}

impl Session {
    /// Opens `assessment`, starting at its first unanswered question; scored on `today`
    /// (Type 2 credit follows the evidence coverage of the window).
    pub fn new(
        path: PathBuf,
        assessment: Assessment,
        questionnaire: &Questionnaire,
        policy: &Policy,
        today: Date,
    ) -> Self {
        let card = coverage::scorecard(questionnaire, &assessment, policy, today);
        let nav = Navigator::start(questionnaire, &assessment);
        Self {
            path,
            assessment,
            card,
            nav,
            lock: None,
            read_only: None,
            unsaved: false,
            changes: 0,
            stamp: None,
            conflict: false,
            not_saved: None,
            type2_note: None,
            type2_explained: false,
            last_import: None,
        }
    }

    /// Scores the answers again after a change.
    pub fn rescore(&mut self, questionnaire: &Questionnaire, policy: &Policy, today: Date) {
        self.card = coverage::scorecard(questionnaire, &self.assessment, policy, today);
    }

    /// The current question.
    pub fn question<'q>(&self, questionnaire: &'q Questionnaire) -> Option<&'q Question> {
        self.nav
            .current
            .and_then(|index| questionnaire.questions().get(index))
    }

    /// The questions the wizard walks through now.
    pub fn visible(&self, questionnaire: &Questionnaire) -> Vec<usize> {
        self.nav.visible(questionnaire, &self.assessment)
    }
}

/// The answers offered for a question, in the order shown (and clicked).
pub fn answer_options(kind: AnswerKind) -> &'static [Answer] {
    match kind {
        AnswerKind::Scale => &[
            Answer::Level(Level::NotInPlace),
            Answer::Level(Level::Planned),
            Answer::Level(Level::InPlace),
            Answer::Level(Level::Evidenced),
            Answer::Level(Level::Operating),
            Answer::NotApplicable,
            Answer::Unsure,
        ],
        AnswerKind::YesNo => &[
            Answer::Yes,
            Answer::No,
            Answer::NotApplicable,
            Answer::Unsure,
        ],
    }
}
