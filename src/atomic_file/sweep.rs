//! Sweeping temporary files left by a save that never finished (`kill -9`, a power cut):
//! each is a full copy of an assessment, so they are removed rather than left to pile up.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::{TEMP_PREFIX, TEMP_SUFFIX};

/// No save takes this long: a temporary file older than this is stale whoever wrote it.
const OLD: Duration = Duration::from_secs(3600);

/// Removes stale temporary files in `dir` and returns how many: those whose writer (the
/// process id in the name) has ended, and any older than an hour. Only regular files of
/// this user's are touched; links and everything else are left alone.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                return false;
            };
            let Some(middle) = name
                .strip_prefix(TEMP_PREFIX)
                .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            else {
                return false;
            };
            let Ok(meta) = entry.path().symlink_metadata() else {
                return false;
            };
            if !meta.is_file() || !owned_by_me(&meta) {
                return false;
            }
            let old = meta
                .modified()
                .ok()
                .and_then(|at| now.duration_since(at).ok())
                .is_some_and(|age| age > OLD);
            old || writer(middle).is_some_and(|pid| !alive(pid))
        })
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

/// The writer's process id, from `<pid>-<random>`.
fn writer(middle: &str) -> Option<u32> {
    middle.split_once('-')?.0.parse().ok()
}

#[cfg(unix)]
fn owned_by_me(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_me(_: &fs::Metadata) -> bool {
    true
}

/// Whether a process with this id exists (a signal-0 probe: nothing is sent).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 only checks that the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn alive(_: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_of_ended_writers_and_old_ones_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str| {
            let path = dir.path().join(name);
            fs::write(&path, "organization = \"Acme\"\n").unwrap();
            path
        };
        let dead = write(".soc2-ready-999999999-a1b2c3.tmp");
        let mine = write(&format!(".soc2-ready-{}-d4e5f6.tmp", std::process::id()));
        let old = write(".soc2-ready-x7y8z9.tmp");
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(7200))
            .unwrap();
        let fresh_unnamed = write(".soc2-ready-q1w2e3.tmp");
        let other = write("acme.toml");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&other, dir.path().join(".soc2-ready-1-link.tmp")).unwrap();

        assert_eq!(sweep_stale(dir.path()), 2);
        assert!(!dead.exists(), "its writer has ended");
        assert!(!old.exists(), "older than any save");
        assert!(mine.exists(), "a running writer's file stays");
        assert!(fresh_unnamed.exists());
        assert!(other.exists());
        #[cfg(unix)]
        assert!(
            dir.path()
                .join(".soc2-ready-1-link.tmp")
                .symlink_metadata()
                .is_ok()
        );
        assert_eq!(sweep_stale(&dir.path().join("missing")), 0);
    }
}
