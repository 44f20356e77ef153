//! The schema-2 records that give an assessment its time axis: evidence entries (kept in
//! each answer's record, so moving an answer to a new id carries them), history snapshots
//! and the planned audit. Plain data; the logic lives in [`crate::time`].

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::Answer;

/// One piece of evidence for a control: what it is, where it is, when it was collected,
/// optionally the period it covers and when it stops counting, and the files kept for it
/// in the evidence folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// What the evidence is ("Q3 access review sign-off").
    pub title: String,
    /// Where it is: a path, URL or ticket id — just text, never fetched.
    pub location: String,
    /// When it was collected.
    pub collected: Date,
    /// The period it covers (from, to), both days included.
    pub period: Option<(Date, Date)>,
    /// The day it stops counting (a pen-test report, a vendor's SOC 2 report), if it does.
    pub expires: Option<Date>,
    /// The files kept for it in the evidence folder, as recorded when they were added.
    pub files: Vec<EvidenceFile>,
}

/// A file kept in the evidence folder, as it was when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    /// Where it is inside the evidence folder, `/`-separated (`CC6.3.access-reviews/q3.pdf`).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, 64 lowercase hexadecimal digits.
    pub sha256: String,
}

impl Evidence {
    /// The days this entry proves operation on: its period, or the day it was collected.
    pub fn span(&self) -> (Date, Date) {
        self.period.unwrap_or((self.collected, self.collected))
    }

    /// A text-only entry: no period, no expiry, no files.
    pub fn note(title: impl Into<String>, location: impl Into<String>, collected: Date) -> Self {
        Self {
            title: title.into(),
            location: location.into(),
            collected,
            period: None,
            expires: None,
            files: Vec::new(),
        }
    }

    /// Whether it has stopped counting by `today` (it expires on its `expires` day).
    pub fn expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|expires| expires <= today)
    }
}

/// Whether `text` is a SHA-256 written as 64 lowercase hexadecimal digits.
pub fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
}

/// Checks that a recorded path stays inside the evidence folder: relative, `/`-separated
/// parts that are neither empty, `.` nor `..`, with no backslash or control character.
pub fn check_locker_path(path: &str) -> Result<(), String> {
    if path.starts_with('/') {
        return Err(format!(
            "\"{path}\" is absolute; paths are relative to the evidence folder"
        ));
    }
    if path.chars().any(|c| c.is_control() || c == '\\') {
        return Err("a path must not hold control characters or backslashes".into());
    }
    if path
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(format!(
            "\"{path}\" must name a file inside the evidence folder (no empty, `.` or `..` parts)"
        ));
    }
    Ok(())
}

/// A dated snapshot of answers, stored as the changes since the snapshot before it (the
/// first one holds every answer); `None` means the answer was cleared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The day the snapshot stands for (at most one per day).
    pub date: Date,
    /// Answer changes by question id since the previous snapshot.
    pub changes: BTreeMap<String, Option<Answer>>,
    /// Readiness of compliance, attestation and "certification" that day, in percent, as
    /// scored when the snapshot was taken (absent in hand-written snapshots).
    pub readiness: Option<[u8; 3]>,
}

/// Observation window lengths a Type 2 report may plan for, in months.
pub const WINDOW_MONTHS: [u8; 3] = [3, 6, 12];

/// The planned audit: the observation window of a Type 2 report and when it starts. The
/// report type itself is the assessment's `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditPlan {
    /// Length of the Type 2 observation window: 3, 6 or 12 months.
    pub window_months: u8,
    /// A chosen start of the window, if the company has picked one.
    pub start: Option<Date>,
}

impl Default for AuditPlan {
    /// A first Type 2 report usually covers three months.
    fn default() -> Self {
        Self {
            window_months: 3,
            start: None,
        }
    }
}
