//! The one-line prompts of the wizard: what is being edited, the text so far, and the
//! reason the last attempt was refused.

use super::super::input::TextInput;
use super::RegisterTab;

/// What a prompt edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The current question's note.
    Note,
    /// The current question's owner.
    Owner,
    /// The current question's due date.
    Due,
    /// Why the current question does not apply (answering N/A).
    NaReason,
    /// A criterion or question id to jump to.
    GoTo,
    /// Text to search questions for.
    Search,
    /// The selected assessment's organisation.
    Rename,
    /// A new evidence entry of the current question.
    Evidence,
    /// A file or folder to keep as a new evidence entry of the current question.
    EvidenceFile,
    /// A tool's export to import on the evidence log, with its source.
    EvidenceImport,
    /// A folder or file for the claims checker.
    ClaimsPath,
    /// A new entry of a register.
    Register(RegisterTab),
    /// A change to the entry at this index of a register.
    RegisterEdit(RegisterTab, usize),
    /// The workshop's follow-up of the current question: owner, due date, note.
    FollowUp,
    /// A decision taken in the workshop, about the current question.
    WorkshopDecision,
    /// Who attends the workshop.
    Attendees,
}

impl PromptKind {
    /// The prompt's title.
    pub fn title(self) -> &'static str {
        match self {
            PromptKind::Note => "Note",
            PromptKind::Owner => "Owner",
            PromptKind::Due => "Due date",
            PromptKind::NaReason => "Why does this not apply?",
            PromptKind::GoTo => "Go to",
            PromptKind::Search => "Search",
            PromptKind::Rename => "Rename",
            PromptKind::Evidence => "New evidence, collected today",
            PromptKind::EvidenceFile => "Add a file as evidence, collected today",
            PromptKind::EvidenceImport => "Import a tool's export as evidence",
            PromptKind::ClaimsPath => "Check what you tell customers",
            PromptKind::Register(RegisterTab::Policies) => "New policy",
            PromptKind::Register(RegisterTab::Vendors) => "New vendor",
            PromptKind::Register(RegisterTab::Risks) => "New risk",
            PromptKind::RegisterEdit(RegisterTab::Policies, _) => "Change the policy",
            PromptKind::RegisterEdit(RegisterTab::Vendors, _) => "Change the vendor",
            PromptKind::RegisterEdit(RegisterTab::Risks, _) => "Change the risk",
            PromptKind::FollowUp => "Follow up after the workshop",
            PromptKind::WorkshopDecision => "A decision, in one line",
            PromptKind::Attendees => "Who attends",
        }
    }

    /// A line telling what to type.
    pub fn hint(self) -> &'static str {
        match self {
            PromptKind::Note => "What exists, what is missing, where the evidence lives.",
            PromptKind::Owner => "Who will close the gap.",
            PromptKind::Due => "YYYY-MM-DD; empty clears it.",
            PromptKind::NaReason => "One line for the auditor, e.g. \"no offices: fully remote\".",
            PromptKind::GoTo => "A criterion id (CC6.1) or a question id.",
            PromptKind::Search => "Words or an id; empty clears the search.",
            PromptKind::Rename => "The organisation's name (the file name stays).",
            PromptKind::Evidence => {
                "Title | where it is | FROM..TO covered, e.g. Q3 review | SEC-142 | 2026-07-01..2026-09-30"
            }
            PromptKind::EvidenceFile => {
                "PATH | title | FROM..TO (Tab completes the path; a folder adds its files), e.g. ~/q3-review.pdf | Q3 access review | 2026-07-01..2026-09-30"
            }
            PromptKind::EvidenceImport => {
                "PATH | SOURCE, e.g. ~/scan.csv | prowler (Enter without one lists them)"
            }
            PromptKind::ClaimsPath => {
                "A folder or file of website copy, decks or RFP answers (.txt, .md, .html)."
            }
            PromptKind::Register(RegisterTab::Policies)
            | PromptKind::RegisterEdit(RegisterTab::Policies, _) => {
                "Name | owner | version | approved, e.g. Access control | CTO | 1.0 | 2026-01-10"
            }
            PromptKind::Register(RegisterTab::Vendors)
            | PromptKind::RegisterEdit(RegisterTab::Vendors, _) => {
                "Name | high/medium/low | service | report (soc2-type2, soc2-type1, iso27001, none) | report period end"
            }
            PromptKind::Register(RegisterTab::Risks)
            | PromptKind::RegisterEdit(RegisterTab::Risks, _) => {
                "Title | likelihood 1-5 | impact 1-5 | mitigate/accept/transfer/avoid | owner | control ids"
            }
            PromptKind::FollowUp => {
                "OWNER | DUE | what to find out, e.g. Ana | 2026-12-18 | MFA report (empty: unpark)"
            }
            PromptKind::WorkshopDecision => {
                "What was decided, e.g. \"Remote only: no office, CC6.4 is N/A\"."
            }
            PromptKind::Attendees => "Names separated by commas, e.g. Ana (CTO), Ben (HR), Chloé.",
        }
    }
}

impl PromptKind {
    /// Whether the prompt starts with a path, so Tab completes it.
    pub fn takes_path(self) -> bool {
        matches!(
            self,
            PromptKind::EvidenceFile | PromptKind::EvidenceImport | PromptKind::ClaimsPath
        )
    }
}

/// An open prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it edits.
    pub kind: PromptKind,
    /// The text so far.
    pub input: TextInput,
    /// Why the last Enter was refused.
    pub error: Option<String>,
    /// The names the last Tab left to choose from.
    pub choices: Option<String>,
}

impl Prompt {
    /// A prompt of `kind` prefilled with `text`.
    pub fn new(kind: PromptKind, text: &str) -> Self {
        Self {
            kind,
            input: TextInput::new(text),
            error: None,
            choices: None,
        }
    }
}
