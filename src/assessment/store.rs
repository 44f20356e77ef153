//! Assessments on disk: where they live (the user's data directory, via `directories`),
//! safe file names, atomic saves with private permissions, and listing a folder. The
//! submodules hold the careful parts: reading only regular files of sane size, the edit
//! lock, file names, and what a report may never overwrite.

mod locate;
mod lock;
mod names;
mod read;
#[cfg(test)]
mod save_tests;
mod target;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub use locate::{NotFound, candidates, locate};
pub use lock::{EditLock, Holder, LockError, lock_for_command, lock_for_editing};
pub use names::{MAX_STEM_BYTES, candidate_names, safe_file_stem};
pub use read::{FileStamp, MAX_FILE_BYTES, TextStyle, kind_of, read_regular, real_path, stamp};
pub use target::{check_report_target, holds_assessment};

use super::file::{from_toml, to_toml};
use super::{Assessment, backup};
use crate::atomic_file::{self, Replace};
use crate::diagnostics::{Problem, SourceText, io_reason, problem_lines};
use read::{BOM, read_stamped};

/// What can go wrong with assessment files, with the path it concerns.
#[derive(Debug)]
pub enum StoreError {
    /// A file or folder operation failed.
    Io {
        /// What was being done ("save", "read", "create folder", …).
        action: &'static str,
        /// The path it concerned.
        path: PathBuf,
        /// The system error.
        error: io::Error,
    },
    /// The file was read but is not a valid assessment.
    Invalid(Vec<Problem>),
    /// No home directory, so no default data directory.
    NoDataDir,
    /// The target file exists and is not overwritten.
    Exists(PathBuf),
    /// The path is not a regular file (a FIFO, a device, a folder).
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words.
        kind: &'static str,
    },
    /// The file is larger than any assessment ([`MAX_FILE_BYTES`]).
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size in bytes.
        bytes: u64,
    },
    /// A report would overwrite an assessment.
    Protected {
        /// Where the report was to go.
        path: PathBuf,
        /// Why that is refused.
        why: String,
    },
    /// The file changed on disk since this program read it.
    ChangedOnDisk(PathBuf),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io {
                action,
                path,
                error,
            } => {
                write!(
                    f,
                    "cannot {action} {}: {}",
                    path.display(),
                    io_reason(error)
                )
            }
            StoreError::Invalid(problems) => write!(f, "{}", problem_lines(problems, "")),
            StoreError::NoDataDir => write!(
                f,
                "no home directory, so no data directory; set HOME, or pass --data-dir DIR (or SOC2_READY_DATA_DIR)"
            ),
            StoreError::Exists(path) => write!(
                f,
                "{} already exists; it was left untouched",
                path.display()
            ),
            StoreError::NotRegular { path, kind } => write!(
                f,
                "{} is {kind}, not a regular file; it was left alone",
                path.display()
            ),
            StoreError::TooLarge { path, bytes } => write!(
                f,
                "{} is {:.1} MB; an assessment is at most {} MB, so this is not one (nothing was loaded)",
                path.display(),
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            StoreError::Protected { path, why } => write!(
                f,
                "will not write a report to {}: {why}, and a report never replaces an assessment; choose another path",
                path.display()
            ),
            StoreError::ChangedOnDisk(path) => write!(
                f,
                "{} was changed outside this window since it was read; nothing was overwritten",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |error| StoreError::Io {
        action,
        path,
        error,
    }
}

/// The default data directory (`$XDG_DATA_HOME/soc2-ready` on Linux).
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "soc2-ready")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Creates `dir` (and its parents) if missing; a new data directory is private (0700).
pub fn ensure_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io_error("create folder", dir))
}

/// Creates a new assessment in `dir` under the first free name of
/// [`candidate_names`]: `<stem>.toml`, else `<stem>-2.toml`, … — whatever already holds a
/// name (another assessment, a folder, a FIFO, a link) is skipped, never replaced or read.
pub fn create_in(dir: &Path, assessment: &Assessment) -> Result<PathBuf, StoreError> {
    for name in candidate_names(&assessment.organization).take(10_000) {
        let path = dir.join(name);
        match create(&path, assessment) {
            Err(StoreError::Exists(_)) => continue,
            other => return other.map(|()| path),
        }
    }
    Err(StoreError::Exists(dir.to_path_buf()))
}

/// Saves a new assessment without ever replacing an existing file.
pub fn create(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    atomic_file::create_new(path, to_toml(assessment).as_bytes()).map_err(|error| {
        if error.kind() == io::ErrorKind::AlreadyExists {
            StoreError::Exists(path.to_path_buf())
        } else {
            io_error("save", path)(error)
        }
    })
}

/// Saves an assessment atomically (temporary file, fsync, rename). A link is followed and
/// its target replaced (the link stays); an existing file keeps its owner, mode, byte-order
/// mark and line endings; a new one is created 0600. The first save of a file read from an
/// older schema first keeps a backup of it.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let real = real_path(path);
    if let Some(schema) = assessment.migrated_from {
        backup::keep_old_schema(&real, schema).map_err(io_error("back up", path))?;
    }
    let style = read_regular(&real)
        .map(|bytes| TextStyle::of(&bytes))
        .unwrap_or_default();
    let bytes = style.apply(&to_toml(assessment));
    atomic_file::write_with_hook(&real, &bytes, Replace::Keep, |_| Ok(()))
        .map_err(io_error("save", path))
}

/// Loads an assessment, with located problems when the file is not valid.
pub fn load(path: &Path) -> Result<Assessment, StoreError> {
    open(path).map(|(assessment, _)| assessment)
}

/// Loads an assessment and stamps what the file held, so a later save can tell whether
/// the file changed in between. Only regular files of at most 16 MB are read.
pub fn open(path: &Path) -> Result<(Assessment, FileStamp), StoreError> {
    let (bytes, stamp) = read_stamped(path)?;
    let name = path.display().to_string();
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        StoreError::Invalid(vec![
            SourceText::new(&name, "").problem("not valid UTF-8 text"),
        ])
    })?;
    let assessment = from_toml(SourceText::new(&name, text)).map_err(StoreError::Invalid)?;
    Ok((assessment, stamp))
}

/// One file found in a data directory.
#[derive(Debug)]
pub struct Listed {
    /// Where the file is.
    pub path: PathBuf,
    /// When the file was last written.
    pub modified: Option<SystemTime>,
    /// The assessment, or why it could not be loaded (the file is left untouched).
    pub assessment: Result<Assessment, StoreError>,
}

/// Every `*.toml` assessment in `dir`, newest first; a missing folder lists nothing.
pub fn list(dir: &Path) -> Result<Vec<Listed>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(io_error("read folder", dir)(error)),
    };
    let mut listed: Vec<Listed> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
        .map(|path| Listed {
            modified: fs::metadata(&path).and_then(|meta| meta.modified()).ok(),
            assessment: load(&path),
            path,
        })
        .collect();
    listed.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Category, Target};
    use jiff::civil::Date;

    fn acme(name: &str) -> Assessment {
        Assessment::new(
            name,
            "Jane",
            Date::constant(2026, 11, 24),
            Target::Type1,
            [Category::Availability],
        )
    }

    #[test]
    fn new_assessments_take_the_next_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = create_in(dir.path(), &acme("Acme Inc")).unwrap();
        assert_eq!(first.file_name().unwrap(), "acme-inc.toml");
        let second = create_in(dir.path(), &acme("Acme, Inc.")).unwrap();
        assert_eq!(second.file_name().unwrap(), "acme-inc-2.toml");
        let third = create_in(dir.path(), &acme("acme inc")).unwrap();
        assert_eq!(third.file_name().unwrap(), "acme-inc-3.toml");
        fs::create_dir(dir.path().join("globex.toml")).unwrap();
        let globex = create_in(dir.path(), &acme("Globex")).unwrap();
        assert_eq!(globex.file_name().unwrap(), "globex-2.toml");
        assert_eq!(load(&first).unwrap(), acme("Acme Inc"), "untouched");
    }

    #[test]
    fn save_load_and_list_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        ensure_dir(&data).unwrap();
        save(&data.join("a.toml"), &acme("A")).unwrap();
        fs::write(data.join("broken.toml"), "organization = ").unwrap();
        let listed = list(&data).unwrap();
        assert_eq!(listed.len(), 2);
        let broken = listed
            .iter()
            .find(|l| l.path.ends_with("broken.toml"))
            .unwrap();
        assert!(matches!(broken.assessment, Err(StoreError::Invalid(_))));
        assert_eq!(
            fs::read_to_string(data.join("broken.toml")).unwrap(),
            "organization = "
        );
        assert_eq!(load(&data.join("a.toml")).unwrap(), acme("A"));
        assert!(list(&dir.path().join("missing")).unwrap().is_empty());
    }

    #[test]
    fn io_errors_say_what_and_where_in_plain_words() {
        let full = StoreError::Io {
            action: "save",
            path: PathBuf::from("/data/acme.toml"),
            error: io::Error::from(io::ErrorKind::StorageFull),
        };
        assert_eq!(
            full.to_string(),
            "cannot save /data/acme.toml: the disk is full"
        );
        let read_only = io_error("save", Path::new("/ro/a.toml"))(io::Error::from(
            io::ErrorKind::ReadOnlyFilesystem,
        ));
        assert_eq!(
            read_only.to_string(),
            "cannot save /ro/a.toml: the file system is read-only"
        );
    }

    #[test]
    fn a_second_editor_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        save(&path, &acme("Acme")).unwrap();
        let first = lock_for_editing(&path).unwrap();
        let second = lock_for_editing(&path).unwrap_err();
        assert!(matches!(second, LockError::Held(_)));
        assert!(second.to_string().contains("another soc2-ready window"));
        // Saving while locked still works: the lock is on the sidecar, not the file.
        save(&path, &acme("Acme 2")).unwrap();
        assert_eq!(
            list(dir.path()).unwrap().len(),
            1,
            "the lock file is not listed"
        );
        drop(first);
        assert!(lock_for_editing(&path).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn new_data_directories_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("deep").join("data");
        ensure_dir(&data).unwrap();
        assert_eq!(
            fs::metadata(&data).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
}
