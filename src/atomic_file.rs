//! Crash-safe file writes: write a temporary file beside the target (mode 0600), flush it
//! to disk, then rename it over the target, so a reader only ever sees the old or the new
//! file — never a truncated one.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

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
        .prefix(".soc2-ready-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    before_rename(temp.path())?;
    match replace {
        Replace::Allow => temp.persist(path).map_err(|error| error.error)?,
        Replace::Forbid => temp.persist_noclobber(path).map_err(|error| error.error)?,
    };
    sync_dir(dir);
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
