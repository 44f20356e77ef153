//! Assessments on disk: where they live (the user's data directory, via `directories`),
//! safe file names, atomic saves with private permissions, and listing a folder.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::file::{from_toml, to_toml};
use super::{Assessment, backup};
use crate::atomic_file;
use crate::diagnostics::{Problem, SourceText, io_reason, problem_lines};

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

/// Turns an organisation name into a safe file stem: letters and digits kept (any script),
/// everything else folded into single dashes, no leading dots, never a reserved name.
pub fn safe_file_stem(organization: &str) -> String {
    let mut stem = String::new();
    for c in organization.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let mut stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    stem.truncate(stem.trim_end_matches('-').len());
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if stem.is_empty() {
        "assessment".to_string()
    } else if RESERVED.contains(&stem.as_str()) {
        format!("{stem}-assessment")
    } else {
        stem
    }
}

/// The path for a new assessment of `organization` in `dir`: `<stem>.toml`, or
/// `<stem>-2.toml`, `<stem>-3.toml`, … when another organisation's file has the name.
pub fn path_for_new(dir: &Path, organization: &str) -> Result<PathBuf, StoreError> {
    let stem = safe_file_stem(organization);
    for n in 1.. {
        let name = if n == 1 {
            format!("{stem}.toml")
        } else {
            format!("{stem}-{n}.toml")
        };
        let path = dir.join(name);
        if !path.exists() {
            return Ok(path);
        }
        if let Ok(existing) = load(&path)
            && existing
                .organization
                .trim()
                .eq_ignore_ascii_case(organization.trim())
        {
            return Err(StoreError::Exists(path));
        }
    }
    unreachable!("an unbounded range always yields a free name")
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

/// Saves an assessment atomically (temporary file, fsync, rename), mode 0600; the first
/// save of a file read from an older schema first keeps a backup of it.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    if let Some(schema) = assessment.migrated_from {
        backup::keep_old_schema(path, schema).map_err(io_error("back up", path))?;
    }
    atomic_file::write(path, to_toml(assessment).as_bytes()).map_err(io_error("save", path))
}

/// Loads an assessment, with located problems when the file is not valid.
pub fn load(path: &Path) -> Result<Assessment, StoreError> {
    let bytes = fs::read(path).map_err(io_error("read", path))?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|_| {
        StoreError::Invalid(vec![
            SourceText::new(&name, "").problem("not valid UTF-8 text"),
        ])
    })?;
    from_toml(SourceText::new(&name, &text)).map_err(StoreError::Invalid)
}

/// An advisory lock that marks an assessment as being edited by this process. It lives on
/// a hidden sidecar file (`.<name>.lock`), because saving replaces the assessment file
/// itself; the operating system releases it when the process ends, even on SIGKILL.
#[derive(Debug)]
pub struct EditLock {
    _file: fs::File,
}

/// Why an assessment could not be locked for editing.
#[derive(Debug)]
pub enum LockError {
    /// Another process (another soc2-ready window) is editing it.
    Held(PathBuf),
    /// The lock file could not be created or locked.
    Io(StoreError),
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::Held(path) => write!(
                f,
                "{} is open in another soc2-ready window; opened read-only so neither overwrites the other",
                path.display()
            ),
            LockError::Io(error) => error.fmt(f),
        }
    }
}

/// The sidecar lock file of an assessment.
fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "assessment".into(), |name| name.to_string_lossy());
    path.with_file_name(format!(".{name}.lock"))
}

/// Takes the edit lock of the assessment at `path` without waiting.
pub fn lock_for_editing(path: &Path) -> Result<EditLock, LockError> {
    let lock_path = lock_path(path);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|error| LockError::Io(io_error("create lock file", &lock_path)(error)))?;
    match file.try_lock() {
        Ok(()) => Ok(EditLock { _file: file }),
        Err(fs::TryLockError::WouldBlock) => Err(LockError::Held(path.to_path_buf())),
        Err(fs::TryLockError::Error(error)) => {
            Err(LockError::Io(io_error("lock", &lock_path)(error)))
        }
    }
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
    fn file_stems_are_safe() {
        assert_eq!(safe_file_stem("Acme Inc."), "acme-inc");
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_stem("Müller & Søn GmbH"), "müller-søn-gmbh");
        assert_eq!(safe_file_stem("شركة النور"), "شركة-النور");
        assert_eq!(safe_file_stem("CON"), "con-assessment");
        assert_eq!(safe_file_stem("...."), "assessment");
        assert_eq!(safe_file_stem(&"x".repeat(500)).chars().count(), 60);
    }

    #[test]
    fn new_paths_never_collide() {
        let dir = tempfile::tempdir().unwrap();
        let first = path_for_new(dir.path(), "Acme, Inc").unwrap();
        create(&first, &acme("Acme, Inc")).unwrap();
        let second = path_for_new(dir.path(), "Acme Inc").unwrap();
        assert_eq!(second.file_name().unwrap(), "acme-inc-2.toml");
        assert!(matches!(
            path_for_new(dir.path(), "acme, inc"),
            Err(StoreError::Exists(_))
        ));
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
        drop(first);
        assert!(lock_for_editing(&path).is_ok());
        assert_eq!(
            list(dir.path()).unwrap().len(),
            1,
            "the lock file is not listed"
        );
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
