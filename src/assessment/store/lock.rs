//! The edit lock: an advisory lock on a hidden sidecar file (`.<name>.lock`) beside the
//! real assessment file (symbolic links resolved, so every alias shares one lock). The
//! sidecar is created 0600 without following links, must be a regular file owned by the
//! user, and is removed when the editor lets go; the operating system releases the lock
//! itself when a process dies, even on SIGKILL.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::read::real_path;
use super::{StoreError, io_error};

/// An advisory lock that marks an assessment as being edited by this process.
#[derive(Debug)]
pub struct EditLock {
    file: fs::File,
    path: PathBuf,
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // Removed while still held, so a window that opens the old file next finds it gone
        // (see `lock_for_editing`) rather than locking a file nobody else sees.
        if same_file(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Why an assessment could not be locked for editing.
#[derive(Debug)]
pub enum LockError {
    /// Another process (another soc2-ready window) is editing it.
    Held(PathBuf),
    /// The lock file is not one this user made (a link, another owner, not a file).
    Unsafe {
        /// The lock file.
        path: PathBuf,
        /// What is wrong with it.
        why: &'static str,
    },
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
            LockError::Unsafe { path, why } => write!(
                f,
                "the lock file {} {why}, so it is not used (remove it if no soc2-ready window is open)",
                path.display()
            ),
            LockError::Io(error) => error.fmt(f),
        }
    }
}

/// The sidecar lock file of the assessment at `real` (a resolved path).
fn lock_path(real: &Path) -> PathBuf {
    let name = real
        .file_name()
        .map_or_else(|| "assessment".into(), |name| name.to_string_lossy());
    real.with_file_name(format!(".{name}.lock"))
}

/// Whether the open `file` is still the one named `path`.
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Opens (creating 0600 if needed) the lock file without following a link, and checks it
/// is a regular file of this user's.
fn open_lock_file(lock_path: &Path) -> Result<fs::File, LockError> {
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(lock_path).map_err(|error| {
        #[cfg(unix)]
        if error.raw_os_error() == Some(libc::ELOOP) {
            return LockError::Unsafe {
                path: lock_path.to_path_buf(),
                why: "is a symbolic link",
            };
        }
        LockError::Io(io_error("create lock file", lock_path)(error))
    })?;
    let meta = file
        .metadata()
        .map_err(|error| LockError::Io(io_error("lock", lock_path)(error)))?;
    let unsafe_because = |why| LockError::Unsafe {
        path: lock_path.to_path_buf(),
        why,
    };
    if !meta.is_file() {
        return Err(unsafe_because("is not a regular file"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // SAFETY: geteuid has no preconditions and cannot fail.
        if meta.uid() != unsafe { libc::geteuid() } {
            return Err(unsafe_because("belongs to another user"));
        }
        if meta.mode() & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(0o600))
                .map_err(|error| LockError::Io(io_error("lock", lock_path)(error)))?;
        }
    }
    Ok(file)
}

/// Takes the edit lock of the assessment at `path` (or at the file it links to) without
/// waiting.
pub fn lock_for_editing(path: &Path) -> Result<EditLock, LockError> {
    let lock_path = lock_path(&real_path(path));
    // A few tries: the previous holder may remove the file between our open and our lock.
    for _ in 0..8 {
        let file = open_lock_file(&lock_path)?;
        match file.try_lock() {
            Ok(()) if same_file(&file, &lock_path) => {
                return Ok(EditLock {
                    file,
                    path: lock_path,
                });
            }
            Ok(()) => continue,
            Err(fs::TryLockError::WouldBlock) => return Err(LockError::Held(path.to_path_buf())),
            Err(fs::TryLockError::Error(error)) => {
                return Err(LockError::Io(io_error("lock", &lock_path)(error)));
            }
        }
    }
    Err(LockError::Io(io_error("lock", &lock_path)(
        io::Error::other("the lock file kept being replaced"),
    )))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    fn assessment(dir: &Path) -> PathBuf {
        let path = dir.join("acme.toml");
        fs::write(&path, "organization = \"Acme\"\n").unwrap();
        path
    }

    #[test]
    fn the_lock_is_private_even_under_umask_000_and_removed_on_release() {
        let dir = tempfile::tempdir().unwrap();
        let path = assessment(dir.path());
        // SAFETY: umask only changes the process's file creation mask.
        let old = unsafe { libc::umask(0) };
        let lock = lock_for_editing(&path);
        // SAFETY: as above, restoring the previous mask.
        unsafe { libc::umask(old) };
        let lock = lock.unwrap();
        let lock_file = dir.path().join(".acme.toml.lock");
        assert_eq!(
            fs::metadata(&lock_file).unwrap().permissions().mode() & 0o777,
            0o600
        );
        drop(lock);
        assert!(!lock_file.exists(), "removed when the editor lets go");
        assert!(lock_for_editing(&path).is_ok(), "and can be taken again");
    }

    #[test]
    fn a_planted_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = assessment(dir.path());
        let victim = dir.path().join("victim");
        std::os::unix::fs::symlink(&victim, dir.path().join(".acme.toml.lock")).unwrap();
        let error = lock_for_editing(&path).unwrap_err();
        assert!(matches!(error, LockError::Unsafe { .. }), "{error}");
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert!(!victim.exists(), "the link's target was not created");
    }

    #[test]
    fn a_lock_file_of_another_user_is_refused() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("notice: needs root to give a file to another user; skipping");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = assessment(dir.path());
        let lock_file = dir.path().join(".acme.toml.lock");
        fs::write(&lock_file, "").unwrap();
        std::os::unix::fs::chown(&lock_file, Some(65534), Some(65534)).unwrap();
        let error = lock_for_editing(&path).unwrap_err();
        assert!(error.to_string().contains("another user"), "{error}");
        assert_eq!(fs::metadata(&lock_file).unwrap().uid(), 65534);
    }

    #[test]
    fn aliases_share_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = assessment(dir.path());
        let alias = dir.path().join("alias.toml");
        std::os::unix::fs::symlink(&path, &alias).unwrap();
        let _first = lock_for_editing(&alias).unwrap();
        assert!(matches!(lock_for_editing(&path), Err(LockError::Held(_))));
    }
}
