//! The wizard's state, all in one [`App`]: which screen is shown, the Home list, the open
//! assessment, the open prompt or overlay, and the status line. Views only read it;
//! [`update`](mod@super::update) is the only thing that changes it.

mod certification;
mod decision;
mod export;
mod home;
mod navigate;
mod prompt;
mod registers;
mod session;
mod workshop;
mod writing;

pub use crate::portfolio::Summary;
pub use certification::{CertificationView, ClaimsRun};
pub use decision::{Decision, Leave};
pub use export::{Document, ExportForm, expand_home};
pub use home::{Entry, Field, Form, Home};
pub use navigate::{Filter, Navigator, Row, criterion_row, matches_search};
pub use prompt::{Prompt, PromptKind};
pub use registers::{RegisterTab, RegistersView};
pub use session::{LastImport, Session, answer_options};
pub use workshop::{WorkshopView, whole_second};
pub use writing::Writing;

use ratatui::layout::Rect;

use super::job::PackageJob;
use super::keymap::Context;
use super::layout;
use super::storage::{Clock, Storage};
use super::theme::Theme;
use crate::questionnaire::{AnswerKind, Questionnaire};
use crate::report::Paper;
use crate::report::prepared::Branding;
use crate::scoring::Policy;

/// The screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The assessments in the data directory.
    Home,
    /// One question at a time.
    Wizard,
    /// Readiness per stage, report type and category, and the top gaps.
    Dashboard,
    /// Compliance, attestation and "certification" explained.
    Stages,
    /// Writing the gap report.
    Export,
    /// "Certification": the ISO 27001 head start and the claims checker.
    Certification,
    /// The policy, vendor and risk registers.
    Registers,
    /// The presenter view of a workshop: one question large, the agenda and the clock.
    Workshop,
}

impl Screen {
    /// The screen's name in the title bar.
    pub fn label(self) -> &'static str {
        match self {
            Screen::Home => "Assessments",
            Screen::Wizard => "Wizard",
            Screen::Dashboard => "Dashboard",
            Screen::Stages => "The three stages",
            Screen::Export => "Export",
            Screen::Certification => "“Certification”",
            Screen::Registers => "Registers",
            Screen::Workshop => "Workshop",
        }
    }
}

/// The tone of the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information.
    Info,
    /// Something was saved or written.
    Done,
    /// Something failed; the message stays until the next success.
    Error,
}

/// The status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What it says.
    pub text: String,
    /// How it says it.
    pub tone: Tone,
}

impl Status {
    /// A status line in `tone`.
    pub fn new(tone: Tone, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone,
        }
    }
}

/// The three-stages screen: how far it is scrolled and where Back returns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StagesView {
    /// Lines scrolled.
    pub scroll: u16,
    /// The screen Back returns to.
    pub back: Screen,
}

/// Everything the wizard knows.
pub struct App {
    /// The questions.
    pub questionnaire: Questionnaire,
    /// The verdict thresholds.
    pub policy: Policy,
    /// The styles.
    pub theme: Theme,
    /// The screen shown.
    pub screen: Screen,
    /// The Home list and form.
    pub home: Home,
    /// The new-assessment form as it opens (prefilled from the config's defaults).
    pub form_template: Form,
    /// Who prepares exported reports (from the config), printed on the PDF.
    pub branding: Branding,
    /// The paper size the export screen starts with (the config's default, else A4).
    pub paper: Paper,
    /// The config's `evidence_folder` setting (`None`: beside each assessment).
    pub evidence_folder: Option<String>,
    /// The folder the export screen writes into by default: the config's `export_folder`,
    /// else the folder the wizard was started from (`None`: beside the assessment).
    pub export_folder: Option<std::path::PathBuf>,
    /// The assessment open in the wizard.
    pub session: Option<Session>,
    /// The selected gap on the dashboard.
    pub gap: usize,
    /// The export screen, once opened.
    pub export: Option<ExportForm>,
    /// The auditor's package being written off the UI thread; its gauge is
    /// [`ExportForm::writing`].
    pub package: Option<PackageJob>,
    /// The three-stages screen.
    pub stages: StagesView,
    /// The "certification" screen.
    pub certification: CertificationView,
    /// The registers screen.
    pub registers: RegistersView,
    /// The workshop view, while it is open.
    pub workshop: Option<WorkshopView>,
    /// The open prompt.
    pub prompt: Option<Prompt>,
    /// The evidence log of the current question, when open: the selected entry.
    pub evidence: Option<usize>,
    /// The state of each file of the open evidence log, by its recorded path, as found
    /// when the log was opened or last changed.
    pub evidence_files: std::collections::BTreeMap<String, crate::assessment::locker::FileState>,
    /// The open question about unsaved changes, which comes before anything else.
    pub decision: Option<Decision>,
    /// The help overlay's scroll position, when it is open.
    pub help: Option<u16>,
    /// The status line.
    pub status: Status,
    /// The terminal size.
    pub size: Rect,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Files.
    pub storage: Box<dyn Storage>,
    /// Time.
    pub clock: Clock,
}

impl App {
    /// A wizard on Home with an empty list; [`update::start`](super::update::start) fills it.
    pub fn new(
        questionnaire: Questionnaire,
        storage: Box<dyn Storage>,
        clock: Clock,
        theme: Theme,
    ) -> Self {
        Self {
            questionnaire,
            policy: Policy::default(),
            theme,
            screen: Screen::Home,
            home: Home::default(),
            form_template: Form::default(),
            branding: Branding::default(),
            paper: Paper::default(),
            evidence_folder: None,
            export_folder: None,
            session: None,
            gap: 0,
            export: None,
            package: None,
            stages: StagesView {
                scroll: 0,
                back: Screen::Home,
            },
            certification: CertificationView::default(),
            registers: RegistersView::default(),
            workshop: None,
            prompt: None,
            evidence: None,
            evidence_files: Default::default(),
            decision: None,
            help: None,
            status: Status::new(Tone::Info, "Press ? for every key."),
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            storage,
            clock,
        }
    }

    /// Where the keyboard focus is: nowhere but quitting while the terminal is too small
    /// to show the screen, then the help overlay, then the screen.
    pub fn context(&self) -> Context {
        if layout::too_small(self.size) {
            Context::TooSmall
        } else if self.help.is_some() && self.decision.is_none() {
            Context::Help
        } else {
            self.screen_context()
        }
    }

    /// Where the keyboard focus is, not counting the help overlay (which describes it).
    pub fn screen_context(&self) -> Context {
        match self.decision {
            Some(Decision::Unsaved { .. }) => return Context::Unsaved,
            Some(Decision::Conflict { .. }) => return Context::Conflict,
            None => {}
        }
        if self.prompt.is_some() {
            return Context::Prompt;
        }
        match self.screen {
            Screen::Home => match &self.home.form {
                Some(form) if form.field().is_text() => Context::FormText,
                Some(_) => Context::FormChoice,
                None if self.home.confirm_delete => Context::ConfirmDelete,
                None => Context::Home,
            },
            Screen::Wizard if self.evidence.is_some() => Context::Evidence,
            Screen::Wizard if self.current_is_yes_no() => Context::WizardYesNo,
            Screen::Wizard => Context::WizardScale,
            Screen::Workshop if self.current_is_yes_no() => Context::WorkshopYesNo,
            Screen::Workshop => Context::WorkshopScale,
            Screen::Dashboard => Context::Dashboard,
            Screen::Stages => Context::Stages,
            Screen::Export
                if self
                    .export
                    .as_ref()
                    .is_some_and(|form| form.writing.is_some()) =>
            {
                Context::Writing
            }
            Screen::Export => Context::Export,
            Screen::Certification => Context::Certification,
            Screen::Registers => Context::Registers,
        }
    }

    /// Whether the current question is answered yes/no (not on the 0–4 scale).
    fn current_is_yes_no(&self) -> bool {
        self.session
            .as_ref()
            .and_then(|session| session.question(&self.questionnaire))
            .is_some_and(|question| question.kind == AnswerKind::YesNo)
    }
}
