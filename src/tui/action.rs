//! Everything a user can ask the wizard to do, as plain data. Keys (through the
//! [keymap](super::keymap)), mouse clicks and the mouse wheel become [`Action`]s;
//! [`update`](mod@super::update) turns them into state changes.

use super::keymap::Key;
use crate::assessment::Answer;

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A key with no meaning where it was pressed: the status line says so.
    Unbound(Key),
    /// Leave the program. Every change is saved as it is made; a change that could not be
    /// saved is tried again first, and the user is asked if it still fails.
    Quit,
    /// Hand the terminal back to the shell and stop, as Ctrl-Z does outside raw mode; the
    /// run loop does it (SIGTSTP), and `fg` resumes.
    Suspend,
    /// Show or hide the list of keys.
    Help,
    /// Close the dialog, cancel the edit or go back one screen.
    Back,
    /// Open, submit, create or write — whatever the screen's main action is.
    Confirm,
    /// Move the selection up (or scroll up).
    Up,
    /// Move the selection down (or scroll down).
    Down,
    /// Select row `n` of the screen's list (Home entries, sidebar rows, gaps): a click.
    Select(usize),
    /// Scroll up by a page.
    PageUp,
    /// Scroll down by a page.
    PageDown,
    /// Start the "new assessment" form (in the evidence log: a new entry).
    New,
    /// Rename the selected assessment.
    Rename,
    /// Delete the selected assessment (asks first; in the evidence log: the selected entry).
    Delete,
    /// Sort the assessments by the next order (name, last change, readiness).
    Sort,
    /// Show the three stages explained.
    Stages,
    /// Focus the next form field.
    NextField,
    /// Focus the previous form field.
    PrevField,
    /// Toggle the focused form choice.
    Toggle,
    /// Answer the current question and move on.
    Answer(Answer),
    /// Go to the next question.
    NextQuestion,
    /// Go to the previous question.
    PrevQuestion,
    /// Go to the first question of the next criterion.
    NextCriterion,
    /// Go to the first question of the previous criterion.
    PrevCriterion,
    /// Go to the next question without an answer.
    NextUnanswered,
    /// Edit the selected entry (of a register).
    Edit,
    /// Edit the note of the current question.
    EditNote,
    /// Edit the owner of the current question.
    EditOwner,
    /// Edit the due date of the current question.
    EditDue,
    /// Open the evidence log of the current question.
    OpenEvidence,
    /// Settle the current question's merge conflict by keeping this side's values.
    TakeOurs,
    /// Settle the current question's merge conflict by taking the other side's values.
    TakeTheirs,
    /// Jump to a criterion or question id.
    GoTo,
    /// Search questions by text or id.
    Search,
    /// Filter by the next stage (cycles through all of them and back to none).
    CycleStage,
    /// Filter by the next category in scope (cycles back to none).
    CycleCategory,
    /// Remove the search and the filters.
    ClearFilters,
    /// Show the dashboard.
    ShowDashboard,
    /// Show the wizard.
    ShowWizard,
    /// Open the export screen.
    Export,
    /// In the evidence log: add a file or folder by path, kept in the evidence folder.
    AddFile,
    /// In the evidence log: import a tool's export by path (findings and proposed answers).
    Import,
    /// In the evidence log: set the answers the last import proposed.
    ApplyImport,
    /// Complete the path typed so far (Tab in a path prompt).
    Complete,
    /// Show the "certification" screen: ISO 27001 head start and claims checker.
    Certification,
    /// Show the policy, vendor and risk registers.
    Registers,
    /// Open the workshop view (presenter mode) on the current assessment.
    Workshop,
    /// In the workshop: park the current question for follow-up (owner, due date).
    FollowUp,
    /// In the workshop: record a decision in one line.
    RecordDecision,
    /// In the workshop: list who attends.
    EditAttendees,
    /// In the workshop: group the agenda the other way (by criterion group, by owner).
    Regroup,
    /// Run the claims checker on a folder (asks for it).
    CheckClaims,
    /// Select the next export format (the auditor's package after the report formats).
    NextFormat,
    /// Select the previous export format.
    PrevFormat,
    /// Switch the auditor's package between every evidence file and the index only.
    IndexOnly,
    /// Switch the paper size of a PDF export (A4, Letter).
    NextPaper,
    /// Type a character into the focused text field.
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Move the cursor left.
    Left,
    /// Move the cursor right.
    Right,
    /// Move the cursor to the start of the field.
    Start,
    /// Move the cursor to the end of the field.
    End,
    /// Delete from the start of the field to the cursor (Ctrl-U).
    DeleteToStart,
    /// Delete from the cursor to the end of the field (Ctrl-K).
    DeleteToEnd,
    /// Delete the word or path part before the cursor, with the spaces or slash after it
    /// (Ctrl-W).
    DeleteWord,
    /// Write this window's answers over a file that was changed outside it.
    Overwrite,
    /// Load the file as it is on disk now, dropping this window's unsaved changes.
    Reload,
    /// A mouse click at a terminal cell.
    Click {
        /// Column of the cell.
        column: u16,
        /// Row of the cell.
        row: u16,
    },
    /// The mouse wheel turned over a terminal cell.
    Wheel {
        /// Column of the cell under the pointer.
        column: u16,
        /// Row of the cell under the pointer.
        row: u16,
        /// Toward the end of the list or text (wheel down).
        down: bool,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}
