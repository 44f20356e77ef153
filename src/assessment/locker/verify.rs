//! Checking the locker against what the assessment recorded: every file is re-hashed and
//! reported intact, changed, missing or unreadable. A recorded path that would leave the
//! folder (a `..`, or a link pointing outside) is never opened.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Progress, hash_stream, open_regular};
use crate::assessment::{Assessment, EvidenceFile, check_locker_path};
use crate::diagnostics::io_reason;

/// What re-hashing found for one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FileState {
    /// Same size and SHA-256 as recorded.
    Intact,
    /// Different content: what it is now.
    Changed {
        /// Its size now.
        size: u64,
        /// Its SHA-256 now.
        sha256: String,
    },
    /// Nothing is at the recorded path.
    Missing,
    /// It cannot be read (permissions, not a regular file, outside the folder).
    Unreadable {
        /// Why, in words.
        reason: String,
    },
}

impl FileState {
    /// Whether the file holds as recorded.
    pub fn holds(&self) -> bool {
        matches!(self, FileState::Intact)
    }

    /// The state in words.
    pub fn describe(&self) -> String {
        match self {
            FileState::Intact => "intact".into(),
            FileState::Changed { size, .. } => {
                format!("CHANGED since it was recorded (now {size} bytes, another SHA-256)")
            }
            FileState::Missing => "MISSING".into(),
            FileState::Unreadable { reason } => format!("UNREADABLE: {reason}"),
        }
    }
}

/// One recorded file and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    /// The question the evidence backs.
    pub question: String,
    /// The title of its evidence entry.
    pub entry: String,
    /// The file's path inside the evidence folder.
    pub path: String,
    /// What was recorded: its size.
    pub size: u64,
    /// What was recorded: its SHA-256.
    pub sha256: String,
    /// What re-hashing found.
    #[serde(flatten)]
    pub state: FileState,
}

/// Where a recorded file is on disk, when its path stays inside `folder` (after links).
pub fn resolve(folder: &Path, recorded: &str) -> Result<PathBuf, String> {
    check_locker_path(recorded)?;
    let path = folder.join(recorded);
    let real_folder = fs::canonicalize(folder).map_err(|error| {
        format!(
            "the evidence folder {} cannot be opened: {}",
            folder.display(),
            io_reason(&error)
        )
    })?;
    match fs::canonicalize(&path) {
        Ok(real) if real.starts_with(&real_folder) => Ok(path),
        Ok(real) => Err(format!(
            "it is a link to {}, outside the evidence folder, and was not followed",
            real.display()
        )),
        Err(error) => Err(io_reason(&error)),
    }
}

/// Re-hashes one recorded file.
pub fn check_file(folder: &Path, file: &EvidenceFile, progress: Progress<'_>) -> FileState {
    if let Err(reason) = check_locker_path(&file.path) {
        return FileState::Unreadable { reason };
    }
    let path = match resolve(folder, &file.path) {
        Ok(path) => path,
        Err(_) if fs::symlink_metadata(folder.join(&file.path)).is_err() => {
            return FileState::Missing;
        }
        Err(reason) => return FileState::Unreadable { reason },
    };
    let mut input = match open_regular(&path) {
        Ok(input) => input,
        Err(error) => {
            return FileState::Unreadable {
                reason: error.to_string(),
            };
        }
    };
    match hash_stream(&mut input, None, progress) {
        Ok((size, sha256)) if size == file.size && sha256 == file.sha256 => FileState::Intact,
        Ok((size, sha256)) => FileState::Changed { size, sha256 },
        Err(error) if error.kind() == io::ErrorKind::Interrupted => FileState::Unreadable {
            reason: "the check was cancelled".into(),
        },
        Err(error) => FileState::Unreadable {
            reason: io_reason(&error),
        },
    }
}

/// Every file recorded in `assessment`, re-hashed, in question order.
pub fn verify(folder: &Path, assessment: &Assessment, progress: Progress<'_>) -> Vec<FileCheck> {
    let mut checks = Vec::new();
    let mut done_before = 0_u64;
    for (question, record) in &assessment.answers {
        for entry in &record.evidence {
            for file in &entry.files {
                let mut offset = |done: u64| progress(done_before + done);
                let state = check_file(folder, file, &mut offset);
                done_before += file.size;
                checks.push(FileCheck {
                    question: question.clone(),
                    entry: entry.title.clone(),
                    path: file.path.clone(),
                    size: file.size,
                    sha256: file.sha256.clone(),
                    state,
                });
            }
        }
    }
    checks
}
