//! The evidence locker: the files behind evidence entries, kept in a folder beside the
//! assessment (`acme.toml` → `acme.evidence/`, one subfolder per question). A file from
//! elsewhere is copied in — opened read-only, never moved or changed — while its SHA-256
//! is computed; the entry records its path inside the folder, size and hash, so
//! [`verify`] can later tell whether anything changed. Special files (FIFOs, devices)
//! are refused before anything is copied, and names never escape the folder.

mod hash;
mod names;
mod size;
mod verify;

pub use hash::{Progress, hash_bytes, hash_file, hash_stream, quiet};
pub use names::{numbered, safe_part};
pub use size::size_text;
pub use verify::{FileCheck, FileState, check_file, resolve, verify};

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::EvidenceFile;
use super::store::{kind_of, real_path};
use crate::atomic_file::{TEMP_PREFIX, TEMP_SUFFIX};
use crate::diagnostics::io_reason;

/// Where evidence folders go unless the config says otherwise: beside the assessment.
pub const DEFAULT_FOLDER: &str = "{name}.evidence";

/// The placeholder of a folder setting that becomes the assessment's file stem.
pub const NAME_PLACEHOLDER: &str = "{name}";

/// The evidence folder of the assessment at `assessment`: `setting` (the config's
/// `evidence_folder`, else [`DEFAULT_FOLDER`]) with `{name}` replaced by the file's stem,
/// relative to the folder of the file it really is (after links) unless absolute.
pub fn folder_for(assessment: &Path, setting: Option<&str>) -> PathBuf {
    let real = real_path(assessment);
    let stem = real
        .file_stem()
        .map_or_else(|| "assessment".into(), |stem| stem.to_string_lossy());
    let folder = setting
        .unwrap_or(DEFAULT_FOLDER)
        .replace(NAME_PLACEHOLDER, &safe_part(&stem));
    real.parent().unwrap_or(Path::new(".")).join(folder)
}

/// What went wrong with an evidence file, naming it.
#[derive(Debug)]
pub enum LockerError {
    /// A file or folder operation failed.
    Io {
        /// What was being done ("read", "copy", "create folder").
        action: &'static str,
        /// The path it concerned.
        path: PathBuf,
        /// The system error.
        error: io::Error,
    },
    /// The path is not a regular file (a FIFO, a device, a socket).
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words.
        kind: &'static str,
    },
    /// The user stopped the copy.
    Cancelled(PathBuf),
    /// A file read whole is larger than the limit.
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The most that is read.
        limit: u64,
    },
}

impl fmt::Display for LockerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockerError::Io {
                action,
                path,
                error,
            } => write!(
                f,
                "cannot {action} {}: {}",
                path.display(),
                io_reason(error)
            ),
            LockerError::NotRegular { path, kind } => write!(
                f,
                "{} is {kind}, not a regular file; only regular files can be evidence",
                path.display()
            ),
            LockerError::Cancelled(path) => {
                write!(f, "cancelled while copying {}", path.display())
            }
            LockerError::TooLarge { path, size, limit } => write!(
                f,
                "{} is {}; exports over {} are not read (split it, or export one account at a time)",
                path.display(),
                size_text(*size),
                size_text(*limit)
            ),
        }
    }
}

impl std::error::Error for LockerError {}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> LockerError {
    let path = path.to_path_buf();
    move |error| {
        if error.kind() == io::ErrorKind::Interrupted && error.to_string() == "cancelled" {
            LockerError::Cancelled(path)
        } else {
            LockerError::Io {
                action,
                path,
                error,
            }
        }
    }
}

/// A file to add, and the name it gets in the question's subfolder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where the file is.
    pub path: PathBuf,
    /// The name it is kept under (inside a folder given with `--file`, its path below
    /// that folder, flattened).
    pub name: String,
    /// Its size when it was found.
    pub size: u64,
}

/// The regular files named by `paths`: a file as itself, a folder as every regular file
/// below it in name order (links and special files inside a folder are skipped and
/// returned as notes). A missing path or a special file named directly is an error, found
/// before anything is copied.
pub fn sources(paths: &[PathBuf]) -> Result<(Vec<Source>, Vec<String>), LockerError> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(io_error("read", path))?;
        if meta.is_dir() {
            for entry in WalkDir::new(path).follow_links(false).sort_by_file_name() {
                let entry = entry.map_err(|error| LockerError::Io {
                    action: "read folder",
                    path: error.path().unwrap_or(path).to_path_buf(),
                    error: error.into(),
                })?;
                let kind = entry.file_type();
                if kind.is_dir() {
                    continue;
                }
                let relative = entry.path().strip_prefix(path).unwrap_or(entry.path());
                if !kind.is_file() {
                    skipped.push(format!(
                        "skipped {}: {}",
                        entry.path().display(),
                        if kind.is_symlink() {
                            "a symbolic link (links are not followed)"
                        } else {
                            kind_of(kind)
                        }
                    ));
                    continue;
                }
                let size = entry
                    .metadata()
                    .map_err(|error| LockerError::Io {
                        action: "read",
                        path: entry.path().to_path_buf(),
                        error: error.into(),
                    })?
                    .len();
                found.push(Source {
                    path: entry.path().to_path_buf(),
                    name: safe_part(&relative.to_string_lossy()),
                    size,
                });
            }
        } else if meta.is_file() {
            let name = path
                .file_name()
                .map_or_else(|| "file".into(), |name| name.to_string_lossy());
            found.push(Source {
                path: path.clone(),
                name: safe_part(&name),
                size: meta.len(),
            });
        } else {
            return Err(LockerError::NotRegular {
                path: path.clone(),
                kind: kind_of(meta.file_type()),
            });
        }
    }
    Ok((found, skipped))
}

/// A file now held by the locker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// What the entry records.
    pub file: EvidenceFile,
    /// Whether this call created it (false: the same content was already there under
    /// that name, or the source was already inside the folder).
    pub created: bool,
}

/// Copies `source` into `folder/QUESTION/` (or records it in place when it already is
/// inside `folder`), hashing it as it streams. An existing file of the same name is never
/// replaced: the same content is reused, other content gets a numbered name.
pub fn keep(
    folder: &Path,
    question: &str,
    source: &Source,
    progress: Progress<'_>,
) -> Result<Kept, LockerError> {
    let mut input = open_regular(&source.path)?;
    if let Some(relative) = inside(folder, &source.path) {
        let (size, sha256) =
            hash_stream(&mut input, None, progress).map_err(io_error("read", &source.path))?;
        return Ok(Kept {
            file: EvidenceFile {
                path: relative,
                size,
                sha256,
            },
            created: false,
        });
    }
    let part = safe_part(question);
    let dir = folder.join(&part);
    create_private_dir(folder)?;
    create_private_dir(&dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(io_error("write in", &dir))?;
    let (size, sha256) = hash_stream(&mut input, Some(temp.as_file_mut()), progress)
        .map_err(io_error("copy", &source.path))?;
    temp.as_file()
        .sync_all()
        .map_err(io_error("write in", &dir))?;
    let mut attempt = 1;
    loop {
        let name = if attempt == 1 {
            source.name.clone()
        } else {
            names::numbered(&source.name, attempt)
        };
        let target = dir.join(&name);
        let recorded = EvidenceFile {
            path: format!("{part}/{name}"),
            size,
            sha256: sha256.clone(),
        };
        if let Ok(meta) = fs::symlink_metadata(&target) {
            let same = meta.is_file()
                && meta.len() == size
                && hash_file(&target, &mut quiet).is_ok_and(|(_, existing)| existing == sha256);
            if same {
                return Ok(Kept {
                    file: recorded,
                    created: false,
                });
            }
            attempt += 1;
            continue;
        }
        match temp.persist_noclobber(&target) {
            Ok(_) => {
                return Ok(Kept {
                    file: recorded,
                    created: true,
                });
            }
            Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists => {
                temp = error.file;
                attempt += 1;
            }
            Err(error) => return Err(io_error("write", &target)(error.error)),
        }
    }
}

/// Removes files this run created, after a later file failed (best effort).
pub fn discard(folder: &Path, kept: &[Kept]) {
    for kept in kept.iter().filter(|kept| kept.created) {
        let _ = fs::remove_file(folder.join(&kept.file.path));
    }
}

/// Reads the regular file at `path` whole, refusing it unread when it is larger than
/// `limit` bytes (and reading no more than that if it grows meanwhile).
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, LockerError> {
    let file = open_regular(path)?;
    let size = file.metadata().map_err(io_error("read", path))?.len();
    if size > limit {
        return Err(LockerError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(io_error("read", path))?;
    Ok(bytes)
}

/// Opens a file read-only without waiting on a FIFO, and checks that it is regular.
pub fn open_regular(path: &Path) -> Result<fs::File, LockerError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(io_error("read", path))?;
    let meta = file.metadata().map_err(io_error("read", path))?;
    if !meta.is_file() {
        return Err(LockerError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    Ok(file)
}

/// The `/`-separated path of `file` inside `folder`, when it really is inside it.
fn inside(folder: &Path, file: &Path) -> Option<String> {
    let folder = fs::canonicalize(folder).ok()?;
    let file = fs::canonicalize(file).ok()?;
    let relative = file.strip_prefix(&folder).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    let path = parts.join("/");
    super::check_locker_path(&path).ok().map(|()| path)
}

/// Creates a folder (and any missing parents) readable by its owner only, if it is not
/// there yet.
fn create_private_dir(dir: &Path) -> Result<(), LockerError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(error) => Err(io_error("create folder", dir)(error)),
    }
}

#[cfg(test)]
mod tests;
