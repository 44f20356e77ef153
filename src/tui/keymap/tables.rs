//! The key tables, one per context (see [`Context::tables`](super::Context)). A binding is
//! keys → action, the help text, and the footer hint (`None`: help only).

use super::{Binding, Key as K};
use crate::assessment::Answer;
use crate::questionnaire::Level;
use crate::tui::action::Action as A;

const fn bind(keys: &'static [K], action: A, help: &'static str, hint: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint: Some(hint),
    }
}

const fn more(keys: &'static [K], action: A, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint: None,
    }
}

const fn level(key: char, level: Level, help: &'static str) -> Binding {
    bind(
        char_key(key),
        A::Answer(Answer::Level(level)),
        help,
        "answer",
    )
}

const fn char_key(key: char) -> &'static [K] {
    match key {
        '0' => &[K::Char('0')],
        '1' => &[K::Char('1')],
        '2' => &[K::Char('2')],
        '3' => &[K::Char('3')],
        _ => &[K::Char('4')],
    }
}

const STAGES_HELP: &str = "compliance, attestation and \"certification\" explained";

/// Keys that work everywhere except while typing.
pub const GLOBAL: &[Binding] = &[
    bind(&[K::Char('?')], A::Help, "show or hide every key", "help"),
    bind(
        &[K::Char('q')],
        A::Quit,
        "quit (changes are saved as made; asks if a save failed)",
        "quit",
    ),
];

/// Keys that work everywhere, even while typing.
pub const ALWAYS: &[Binding] = &[
    more(&[K::Ctrl('c')], A::Quit, "quit, even while typing"),
    more(
        &[K::Ctrl('z')],
        A::Suspend,
        "suspend to the shell (fg comes back)",
    ),
];

/// Home: the list of assessments.
pub const HOME: &[Binding] = &[
    bind(&[K::Up], A::Up, "select the previous assessment", "select"),
    bind(&[K::Down], A::Down, "select the next assessment", "select"),
    bind(
        &[K::Enter],
        A::Confirm,
        "open the selected assessment",
        "open",
    ),
    bind(&[K::Char('n')], A::New, "create a new assessment", "new"),
    bind(
        &[K::Char('r')],
        A::Rename,
        "rename (changes the organisation)",
        "rename",
    ),
    bind(
        &[K::Char('d')],
        A::Delete,
        "delete the selected assessment (asks first)",
        "delete",
    ),
    bind(&[K::Char('i')], A::Stages, STAGES_HELP, "stages"),
    more(
        &[K::Char('s')],
        A::Sort,
        "sort by name, last change or readiness (each press the next)",
    ),
];

/// "Delete this assessment?"
pub const CONFIRM_DELETE: &[Binding] = &[
    bind(
        &[K::Char('y')],
        A::Confirm,
        "yes, delete the file",
        "delete",
    ),
    bind(&[K::Char('n'), K::Esc], A::Back, "no, keep it", "keep"),
];

/// "Changes not saved": leaving after a save failed.
pub const UNSAVED: &[Binding] = &[
    bind(&[K::Char('r')], A::Confirm, "try the save again", "retry"),
    bind(
        &[K::Char('q')],
        A::Quit,
        "quit anyway: the unsaved changes are lost",
        "quit anyway",
    ),
    bind(
        &[K::Esc],
        A::Back,
        "stay; the next change tries the save again",
        "stay",
    ),
];

/// "Changed outside this window": the file changed on disk since it was read.
pub const CONFLICT: &[Binding] = &[
    bind(
        &[K::Char('o')],
        A::Overwrite,
        "keep this window's answers: write them over the file",
        "overwrite",
    ),
    bind(
        &[K::Char('l')],
        A::Reload,
        "load the file as it is now: this window's unsaved changes are dropped",
        "load file",
    ),
    bind(
        &[K::Char('q')],
        A::Quit,
        "quit without saving this window's changes",
        "quit anyway",
    ),
    bind(
        &[K::Esc],
        A::Back,
        "decide later: nothing is saved until then",
        "later",
    ),
];

/// The new-assessment form.
pub const FORM: &[Binding] = &[
    bind(&[K::Tab, K::Down], A::NextField, "next field", "next field"),
    bind(
        &[K::BackTab, K::Up],
        A::PrevField,
        "previous field",
        "previous",
    ),
    bind(&[K::Enter], A::Confirm, "create the assessment", "create"),
    bind(&[K::Esc], A::Back, "cancel", "cancel"),
];

/// The form's choices (scope, target).
pub const FORM_CHOICE: &[Binding] = &[bind(
    &[K::Char(' ')],
    A::Toggle,
    "switch the focused choice",
    "switch",
)];

/// Answers on the 0–4 scale.
pub const SCALE_ANSWERS: &[Binding] = &[
    level('0', Level::NotInPlace, "answer 0: not in place"),
    level('1', Level::Planned, "answer 1: planned"),
    level('2', Level::InPlace, "answer 2: in place"),
    level('3', Level::Evidenced, "answer 3: evidenced"),
    level('4', Level::Operating, "answer 4: operating over time"),
];

/// Answers to yes/no questions.
pub const YES_NO_ANSWERS: &[Binding] = &[
    bind(
        &[K::Char('y')],
        A::Answer(Answer::Yes),
        "answer yes",
        "answer",
    ),
    bind(
        &[K::Char('n')],
        A::Answer(Answer::No),
        "answer no",
        "answer",
    ),
];

/// Answers any question takes.
pub const ANY_ANSWER: &[Binding] = &[
    bind(
        &[K::Char('x')],
        A::Answer(Answer::NotApplicable),
        "not applicable (asks why)",
        "N/A",
    ),
    bind(
        &[K::Char('u')],
        A::Answer(Answer::Unsure),
        "unsure (flagged for follow-up)",
        "unsure",
    ),
];

/// Moving, editing and searching in the wizard.
pub const WIZARD: &[Binding] = &[
    bind(&[K::Left], A::PrevQuestion, "previous question", "question"),
    bind(&[K::Right], A::NextQuestion, "next question", "question"),
    bind(
        &[K::Up],
        A::PrevCriterion,
        "previous criterion",
        "criterion",
    ),
    bind(&[K::Down], A::NextCriterion, "next criterion", "criterion"),
    bind(
        &[K::Enter],
        A::NextUnanswered,
        "jump to the next unanswered question",
        "unanswered",
    ),
    bind(&[K::Char('e')], A::EditNote, "edit the note", "note"),
    bind(&[K::Char('o')], A::EditOwner, "edit the owner", "owner"),
    bind(
        &[K::Char('d')],
        A::EditDue,
        "edit the due date (YYYY-MM-DD)",
        "due",
    ),
    bind(
        &[K::Char('g')],
        A::GoTo,
        "go to a criterion or question id",
        "go to",
    ),
    bind(
        &[K::Char('/')],
        A::Search,
        "search questions by text or id",
        "search",
    ),
    more(
        &[K::Char('s')],
        A::CycleStage,
        "filter by stage (again: the next one)",
    ),
    more(
        &[K::Char('c')],
        A::CycleCategory,
        "filter by category (again: the next one)",
    ),
    more(
        &[K::Char('f')],
        A::ClearFilters,
        "clear the search and the filters",
    ),
    more(
        &[K::Char('v')],
        A::OpenEvidence,
        "the question's evidence log: list, add, remove",
    ),
    more(&[K::Char('<')], A::TakeOurs, "merge conflict: keep ours"),
    more(
        &[K::Char('>')],
        A::TakeTheirs,
        "merge conflict: take theirs",
    ),
    more(&[K::PageUp], A::PageUp, "scroll the question text up"),
    more(&[K::PageDown], A::PageDown, "scroll the question text down"),
    more(
        &[K::Char('w')],
        A::Workshop,
        "the workshop view for a projector: agenda and clock",
    ),
    bind(
        &[K::Tab],
        A::ShowDashboard,
        "show the dashboard",
        "dashboard",
    ),
    bind(&[K::Esc], A::Back, "back to the assessments", "home"),
];

/// The dashboard.
pub const DASHBOARD: &[Binding] = &[
    bind(&[K::Up], A::Up, "select the previous gap", "select"),
    bind(&[K::Down], A::Down, "select the next gap", "select"),
    bind(
        &[K::Enter],
        A::Confirm,
        "answer the selected gap's question",
        "open gap",
    ),
    bind(&[K::Tab], A::ShowWizard, "show the wizard", "wizard"),
    bind(
        &[K::Char('e')],
        A::Export,
        "export the gap report",
        "export",
    ),
    more(&[K::Char('i')], A::Stages, STAGES_HELP),
    bind(
        &[K::Char('c')],
        A::Certification,
        "\"certification\": ISO 27001 head start and the claims checker",
        "certification",
    ),
    bind(
        &[K::Char('r')],
        A::Registers,
        "the policy, vendor and risk registers",
        "registers",
    ),
    bind(
        &[K::Char('w')],
        A::Workshop,
        "the workshop view for a projector: agenda and clock",
        "workshop",
    ),
    bind(&[K::Esc], A::Back, "back to the assessments", "home"),
];

/// The workshop view: moving through the agenda and recording the session.
pub const WORKSHOP: &[Binding] = &[
    bind(
        &[K::Left],
        A::PrevQuestion,
        "previous question on the agenda",
        "question",
    ),
    bind(
        &[K::Right],
        A::NextQuestion,
        "next question on the agenda",
        "question",
    ),
    bind(
        &[K::Up],
        A::PrevCriterion,
        "previous section of the agenda",
        "section",
    ),
    bind(
        &[K::Down],
        A::NextCriterion,
        "next section of the agenda",
        "section",
    ),
    bind(
        &[K::Enter],
        A::NextUnanswered,
        "jump to the next question still to discuss (open or unsure)",
        "to discuss",
    ),
    bind(
        &[K::Char('p')],
        A::FollowUp,
        "park the question: follow up with an owner and a due date",
        "follow up",
    ),
    bind(
        &[K::Char('d')],
        A::RecordDecision,
        "record a decision in one line",
        "decision",
    ),
    bind(
        &[K::Char('a')],
        A::EditAttendees,
        "list who attends",
        "attendees",
    ),
    bind(
        &[K::Char('b')],
        A::Regroup,
        "agenda by criterion group or by owner",
        "by group/owner",
    ),
    more(&[K::Char('e')], A::EditNote, "edit the question's note"),
    more(&[K::PageUp], A::PageUp, "scroll the question text up"),
    more(&[K::PageDown], A::PageDown, "scroll the question text down"),
    bind(
        &[K::Esc],
        A::Back,
        "end the session and go to the dashboard",
        "end",
    ),
];

/// The policy, vendor and risk registers.
pub const REGISTERS: &[Binding] = &[
    bind(&[K::Up], A::Up, "select the previous entry", "select"),
    bind(&[K::Down], A::Down, "select the next entry", "select"),
    bind(
        &[K::Tab, K::Right],
        A::NextField,
        "show the next register",
        "register",
    ),
    more(
        &[K::BackTab, K::Left],
        A::PrevField,
        "show the previous register",
    ),
    bind(
        &[K::Char('a')],
        A::New,
        "add an entry to the register shown, typed on one line",
        "add",
    ),
    bind(
        &[K::Char('e'), K::Enter],
        A::Edit,
        "change the selected entry, in the same line as when added",
        "edit",
    ),
    bind(
        &[K::Char('d'), K::Delete],
        A::Delete,
        "remove the selected entry",
        "remove",
    ),
    bind(&[K::Esc], A::Back, "back to the dashboard", "back"),
];

/// The evidence log of the current question.
pub const EVIDENCE: &[Binding] = &[
    bind(&[K::Up], A::Up, "select the previous entry", "select"),
    bind(&[K::Down], A::Down, "select the next entry", "select"),
    bind(
        &[K::Char('a')],
        A::New,
        "add an entry collected today: title, where, period",
        "add",
    ),
    bind(
        &[K::Char('f')],
        A::AddFile,
        "add a file or folder by path (copied into the evidence folder, hashed)",
        "add file",
    ),
    bind(
        &[K::Char('i')],
        A::Import,
        "import a tool's export by path: Prowler, AWS credential report, GitHub, Google Workspace, Okta",
        "import",
    ),
    bind(
        &[K::Char('A')],
        A::ApplyImport,
        "set the answers the last import proposed",
        "apply",
    ),
    bind(
        &[K::Char('d'), K::Delete],
        A::Delete,
        "remove the selected entry",
        "remove",
    ),
    bind(&[K::Esc], A::Back, "close the evidence log", "close"),
];

/// The "certification" screen.
pub const CERTIFICATION: &[Binding] = &[
    bind(&[K::Up], A::Up, "scroll up", "scroll"),
    bind(&[K::Down], A::Down, "scroll down", "scroll"),
    more(&[K::PageUp], A::PageUp, "scroll up a page"),
    more(&[K::PageDown], A::PageDown, "scroll down a page"),
    bind(
        &[K::Char('r')],
        A::CheckClaims,
        "check a folder of website copy, decks or RFP answers for SOC 2 misstatements",
        "check claims",
    ),
    bind(&[K::Esc], A::Back, "back to the dashboard", "back"),
];

/// The three stages explained.
pub const STAGES: &[Binding] = &[
    bind(&[K::Up], A::Up, "scroll up", "scroll"),
    bind(&[K::Down], A::Down, "scroll down", "scroll"),
    bind(&[K::Esc, K::Enter], A::Back, "back", "back"),
];

/// The export screen (the path is a text field).
pub const EXPORT: &[Binding] = &[
    bind(
        &[K::Tab],
        A::Complete,
        "complete the path typed so far",
        "complete",
    ),
    bind(&[K::Up], A::PrevFormat, "previous format", "format"),
    bind(
        &[K::Down],
        A::NextFormat,
        "next format (PDF, Markdown, JSON, CSV, XLSX, tickets for Jira, Linear, GitHub, iCalendar, ISO 27001 SoA, the auditor's package)",
        "format",
    ),
    bind(
        &[K::Ctrl('p')],
        A::NextPaper,
        "switch the PDF paper size (A4, Letter)",
        "paper",
    ),
    more(
        &[K::Ctrl('o')],
        A::IndexOnly,
        "auditor's package: every evidence file, or the index only",
    ),
    bind(
        &[K::Enter],
        A::Confirm,
        "write the report or the package",
        "write",
    ),
    bind(&[K::Esc], A::Back, "back to the dashboard", "back"),
];

/// While the auditor's package is being written.
pub const WRITING: &[Binding] = &[bind(
    &[K::Esc],
    A::Back,
    "stop writing the package: no file, not even part of one, is left",
    "cancel",
)];

/// A one-line prompt.
pub const PROMPT: &[Binding] = &[
    bind(&[K::Enter], A::Confirm, "save the field", "save"),
    bind(&[K::Esc], A::Back, "cancel the edit", "cancel"),
    more(
        &[K::Tab],
        A::Complete,
        "complete the path typed so far (path fields)",
    ),
];

/// Editing any text field.
pub const EDITING: &[Binding] = &[
    more(&[K::Left], A::Left, "move the cursor left"),
    more(&[K::Right], A::Right, "move the cursor right"),
    more(&[K::Home, K::Ctrl('a')], A::Start, "cursor to the start"),
    more(&[K::End, K::Ctrl('e')], A::End, "cursor to the end"),
    more(
        &[K::Ctrl('u')],
        A::DeleteToStart,
        "delete from the start to the cursor",
    ),
    more(
        &[K::Ctrl('k')],
        A::DeleteToEnd,
        "delete from the cursor to the end",
    ),
    more(
        &[K::Ctrl('w')],
        A::DeleteWord,
        "delete the word before the cursor",
    ),
    more(&[K::Backspace], A::Backspace, "delete before the cursor"),
    more(&[K::Delete], A::DeleteForward, "delete under the cursor"),
];

/// The help overlay.
pub const HELP: &[Binding] = &[
    bind(&[K::Up], A::Up, "scroll up", "scroll"),
    bind(&[K::Down], A::Down, "scroll down", "scroll"),
    bind(&[K::Esc], A::Back, "close the help", "close"),
];

/// While the terminal is too small to show the screen, nothing the user cannot see acts.
pub const TOO_SMALL: &[Binding] = &[more(
    &[K::Char('q')],
    A::Quit,
    "quit (the only key while the terminal is too small)",
)];

/// Every table of keys under a heading, for the help overlay.
pub const SECTIONS: &[(&str, &[&[Binding]])] = &[
    ("Everywhere", &[GLOBAL, ALWAYS]),
    ("Assessments (Home)", &[HOME]),
    ("Deleting", &[CONFIRM_DELETE]),
    ("A save failed", &[UNSAVED]),
    ("Changed outside this window", &[CONFLICT]),
    ("New assessment form", &[FORM, FORM_CHOICE]),
    (
        "Wizard: answering",
        &[SCALE_ANSWERS, YES_NO_ANSWERS, ANY_ANSWER],
    ),
    ("Wizard: moving, notes, search", &[WIZARD]),
    ("Workshop", &[WORKSHOP]),
    ("Evidence of a question", &[EVIDENCE]),
    ("Dashboard", &[DASHBOARD]),
    ("Registers", &[REGISTERS]),
    ("The three stages", &[STAGES]),
    ("“Certification”", &[CERTIFICATION]),
    ("Export", &[EXPORT]),
    ("Writing the auditor's package", &[WRITING]),
    ("Text fields", &[PROMPT, EDITING]),
    ("Help", &[HELP]),
];
