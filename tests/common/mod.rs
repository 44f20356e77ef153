//! Helpers shared by the integration tests.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder nobody can write to — not even root — for as long as the guard lives.
pub struct ReadOnlyDir {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnlyDir {
    /// Makes `path` read-only: mode 0500, and the immutable attribute when running as root
    /// (who ignores modes). Returns `None` when the platform cannot do it; under CI
    /// (`CI` set) that is a failure instead, so the test never passes vacuously.
    pub fn new(path: &Path) -> Option<Self> {
        fs::set_permissions(path, fs::Permissions::from_mode(0o500)).ok()?;
        let mut guard = Self {
            path: path.to_path_buf(),
            immutable: false,
        };
        if !guard.writable() {
            return Some(guard);
        }
        guard.immutable = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|status| status.success());
        if guard.immutable && !guard.writable() {
            return Some(guard);
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to make {} read-only",
            path.display()
        );
        eprintln!("notice: cannot make a read-only folder here; skipping");
        None
    }

    fn writable(&self) -> bool {
        let probe = self.path.join(".probe");
        let written = fs::write(&probe, "x").is_ok();
        let _ = fs::remove_file(&probe);
        written
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        }
        let _ = fs::set_permissions(&self.path, fs::Permissions::from_mode(0o700));
    }
}
