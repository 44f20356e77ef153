//! The wizard's outside world, behind small seams: [`Storage`] for every file it reads or
//! writes, [`Clock`] for the time. The real ones work on the data directory and the system
//! clock; tests inject their own to check saved files and keep snapshots stable.

use std::fs;
use std::path::{Path, PathBuf};

use crate::assessment::locker::{self, FileState, Kept, LockerError};
use crate::assessment::store::{self, EditLock, FileStamp, Listed, LockError, StoreError};
use crate::assessment::{Assessment, EvidenceFile};
use crate::atomic_file;
use crate::claims_scan::{self, ClaimsScan};
use crate::report::auditor_package::{self, AssembleError, Assembled, Inputs};
use crate::report::{self, ExportError, Format, Paper, ReportModel};
use crate::tui::path_completion::DirEntry;

pub use crate::clock::Clock;

/// The file that remembers the three-stages screen was shown once.
pub const SEEN_STAGES: &str = ".seen-stages";

/// Everything the wizard does with files.
pub trait Storage {
    /// The folder assessments live in.
    fn data_dir(&self) -> &Path;
    /// The assessments in the data directory, newest first.
    fn list(&self) -> Result<Vec<Listed>, StoreError>;
    /// Loads one assessment.
    fn load(&self, path: &Path) -> Result<Assessment, StoreError>;
    /// Creates a new assessment file in the data directory and returns its path.
    fn create(&self, assessment: &Assessment) -> Result<PathBuf, StoreError>;
    /// Takes the edit lock of an assessment, so a second window cannot overwrite it.
    fn lock(&self, path: &Path) -> Result<EditLock, LockError>;
    /// Saves an assessment atomically.
    fn save(&self, path: &Path, assessment: &Assessment) -> Result<(), StoreError>;
    /// Deletes an assessment file.
    fn delete(&self, path: &Path) -> Result<(), StoreError>;
    /// Whether the three-stages screen was already shown.
    fn stages_seen(&self) -> bool;
    /// Remembers that the three-stages screen was shown.
    fn mark_stages_seen(&self) -> Result<(), StoreError>;
    /// Writes a gap report (`paper` sizes a PDF); returns the characters the PDF shows as
    /// empty boxes because no built-in font has them.
    fn export(
        &self,
        model: &ReportModel,
        format: Format,
        paper: Paper,
        path: &Path,
    ) -> Result<Vec<char>, ExportError>;

    /// What the file at `path` holds now, to notice changes made outside the wizard.
    fn stamp(&self, path: &Path) -> Result<FileStamp, StoreError> {
        store::stamp(path)
    }

    /// Loads one assessment together with the stamp of what was read.
    fn open(&self, path: &Path) -> Result<(Assessment, FileStamp), StoreError> {
        let assessment = self.load(path)?;
        Ok((assessment, self.stamp(path)?))
    }

    /// Checks that a report may be written to `path` while `open` is the assessment being
    /// edited: never over an assessment, and only to a regular file (or a new name), so a
    /// device such as the terminal itself is never written to.
    fn check_export(&self, path: &Path, open: &Path) -> Result<(), StoreError> {
        store::check_report_target(path, &[open])?;
        match fs::metadata(path) {
            Ok(meta) if !meta.is_file() => Err(StoreError::NotRegular {
                path: path.to_path_buf(),
                kind: if meta.is_dir() {
                    "a folder"
                } else {
                    "a device or a pipe"
                },
            }),
            _ => Ok(()),
        }
    }

    /// Assembles the auditor's package (the evidence files checked, the report rendered),
    /// ready to be written; nothing is written yet.
    fn assemble_package(&self, inputs: &Inputs<'_>) -> Result<Assembled, AssembleError> {
        auditor_package::assemble(inputs)
    }

    /// Runs the claims checker on a folder or file.
    fn check_claims(&self, path: &Path) -> ClaimsScan {
        claims_scan::scan(&[path.to_path_buf()])
    }

    /// The names in the folder of a typed path (`~/` is the home folder), for Tab
    /// completion; a folder that cannot be read lists nothing.
    fn list_dir(&self, typed_folder: &str) -> Vec<DirEntry> {
        let dir = typed_path(if typed_folder.is_empty() {
            "."
        } else {
            typed_folder
        });
        let Ok(entries) = fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .map(|entry| DirEntry {
                name: entry.file_name().to_string_lossy().into_owned(),
                is_dir: entry.path().is_dir(),
            })
            .collect()
    }

    /// The whole content of the export at the typed `path`, refused unread when it is
    /// not a regular file or larger than the importers read.
    fn read_export(&self, path: &str) -> Result<Vec<u8>, LockerError> {
        locker::read_capped(&typed_path(path), crate::import::MAX_BYTES)
    }

    /// Copies the file, or every file of the folder, at the typed `path` into `folder`
    /// for `question`, hashing each; nothing is kept when one fails. Links and special
    /// files inside a folder are skipped, as `evidence add` skips them.
    fn keep_evidence(
        &self,
        folder: &Path,
        question: &str,
        path: &str,
    ) -> Result<Vec<Kept>, LockerError> {
        let (sources, _skipped) = locker::sources(&[typed_path(path)])?;
        let mut kept = Vec::new();
        for source in &sources {
            match locker::keep(folder, question, source, &mut locker::quiet) {
                Ok(file) => kept.push(file),
                Err(error) => {
                    locker::discard(folder, &kept);
                    return Err(error);
                }
            }
        }
        Ok(kept)
    }

    /// Re-hashes recorded evidence files: intact, changed, missing or unreadable.
    fn check_evidence(&self, folder: &Path, files: &[EvidenceFile]) -> Vec<FileState> {
        files
            .iter()
            .map(|file| locker::check_file(folder, file, &mut locker::quiet))
            .collect()
    }
}

/// A path as typed: `~/…` below the home folder, anything else as it is.
fn typed_path(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => PathBuf::from(typed),
    }
}

/// The real storage: assessment files in a data directory, written atomically.
#[derive(Debug, Clone)]
pub struct Disk {
    dir: PathBuf,
}

impl Disk {
    /// Storage in `dir` (created on the first write).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }
}

impl Storage for Disk {
    fn data_dir(&self) -> &Path {
        &self.dir
    }

    fn list(&self) -> Result<Vec<Listed>, StoreError> {
        store::list(&self.dir)
    }

    fn load(&self, path: &Path) -> Result<Assessment, StoreError> {
        store::load(path)
    }

    fn open(&self, path: &Path) -> Result<(Assessment, FileStamp), StoreError> {
        store::open(path)
    }

    fn create(&self, assessment: &Assessment) -> Result<PathBuf, StoreError> {
        store::ensure_dir(&self.dir)?;
        store::create_in(&self.dir, assessment)
    }

    fn lock(&self, path: &Path) -> Result<EditLock, LockError> {
        store::lock_for_editing(path)
    }

    fn save(&self, path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
        store::save(path, assessment)
    }

    fn delete(&self, path: &Path) -> Result<(), StoreError> {
        fs::remove_file(path).map_err(|error| StoreError::Io {
            action: "delete",
            path: path.to_path_buf(),
            error,
        })
    }

    fn stages_seen(&self) -> bool {
        self.dir.join(SEEN_STAGES).exists()
    }

    fn mark_stages_seen(&self) -> Result<(), StoreError> {
        store::ensure_dir(&self.dir)?;
        let path = self.dir.join(SEEN_STAGES);
        atomic_file::write(&path, b"The three stages were explained once.\n").map_err(|error| {
            StoreError::Io {
                action: "save",
                path,
                error,
            }
        })
    }

    fn export(
        &self,
        model: &ReportModel,
        format: Format,
        paper: Paper,
        path: &Path,
    ) -> Result<Vec<char>, ExportError> {
        report::export(model, format, paper, path)
    }
}
