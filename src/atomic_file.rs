//! Crash-safe file writes: write a temporary file beside the target (mode 0600), flush it
//! to disk, then rename it over the target, so a reader only ever sees the old or the new
//! file — never a truncated one. Temporary files carry the writer's process id, so ones
//! left by a killed process can be swept ([`sweep_stale`]); report outputs that are not
//! regular files (devices, pipes) are written through instead ([`write_output`]).

mod output;
mod sweep;

pub use output::write_output;
pub use sweep::sweep_stale;

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// The start of every temporary file's name; the writer's process id follows.
pub const TEMP_PREFIX: &str = ".soc2-ready-";
/// The end of every temporary file's name.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Writes `bytes` to `path` atomically with mode 0600; replaces an existing file.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with_hook(path, bytes, Replace::Allow, |_| Ok(()))
}

/// Writes `bytes` to a new file at `path` atomically; fails if `path` already exists.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with_hook(path, bytes, Replace::Forbid, |_| Ok(()))
}

/// Whether an existing file at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace it.
    Allow,
    /// Fail with `AlreadyExists`.
    Forbid,
    /// Replace it, giving the new file the old one's owner and mode (a new file is 0600).
    Keep,
}

/// The atomic write, with `before_rename` called once the temporary file is complete and
/// synced (tests use it to inject a fault at the most delicate moment).
pub fn write_with_hook(
    path: &Path,
    bytes: &[u8],
    replace: Replace,
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    if replace == Replace::Keep {
        keep_owner_and_mode(path, temp.as_file())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    before_rename(temp.path())?;
    match replace {
        Replace::Allow | Replace::Keep => temp.persist(path).map_err(|error| error.error)?,
        Replace::Forbid => temp.persist_noclobber(path).map_err(|error| error.error)?,
    };
    sync_dir(dir);
    Ok(())
}

/// Gives `temp` the owner and mode of the file at `path`, if there is one. The owner is
/// kept where the system allows it (root, or a group the user belongs to); the mode always.
fn keep_owner_and_mode(path: &Path, temp: &fs::File) -> io::Result<()> {
    #[cfg(unix)]
    if let Ok(old) = fs::metadata(path) {
        use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
        let new = temp.metadata()?;
        if (old.uid(), old.gid()) != (new.uid(), new.gid()) {
            let _ = fchown(temp, Some(old.uid()), Some(old.gid()));
        }
        temp.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))?;
    }
    #[cfg(not(unix))]
    let _ = (path, temp);
    Ok(())
}

/// Flushes the directory entry of a rename to disk (best effort: not every platform can).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write(&path, b"one").unwrap();
        write(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write(&path, b"x").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_fault_before_the_rename_keeps_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write(&path, b"old and complete").unwrap();
        let result = write_with_hook(&path, b"new", Replace::Allow, |temp| {
            assert!(temp.exists());
            Err(io::Error::other("injected fault"))
        });
        assert_eq!(result.unwrap_err().to_string(), "injected fault");
        assert_eq!(fs::read(&path).unwrap(), b"old and complete");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary file cleaned up"
        );
    }

    #[cfg(unix)]
    #[test]
    fn keep_preserves_the_mode_and_owner_of_the_replaced_file() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        write(&path, b"one").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        // SAFETY: geteuid has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        if root {
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        }
        write_with_hook(&path, b"two", Replace::Keep, |temp| {
            assert!(
                temp.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("{TEMP_PREFIX}{}-", std::process::id())),
                "temporary files name their writer"
            );
            Ok(())
        })
        .unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(meta.permissions().mode() & 0o777, 0o640);
        if root {
            assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        }
        let fresh = dir.path().join("b.toml");
        write_with_hook(&fresh, b"x", Replace::Keep, |_| Ok(())).unwrap();
        assert_eq!(
            fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn create_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        create_new(&path, b"first").unwrap();
        let error = create_new(&path, b"second").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("a.toml");
        assert!(write(&path, b"x").is_err());
    }
}
