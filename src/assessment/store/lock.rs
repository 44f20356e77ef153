//! The edit lock: an advisory lock on a hidden sidecar file (`.<name>.lock`) beside the
//! real assessment file (symbolic links resolved, so every alias shares one lock). The
//! sidecar is created 0600 without following links, must be a regular file owned by the
//! user, and is removed when the editor lets go; the operating system releases the lock
//! itself when a process dies, even on SIGKILL.
//!
//! The holder writes who it is into the sidecar ("window" or "command" with its pid and
//! command line), so a command-line writer that finds the file locked can tell a wizard
//! window (it refuses at once: the window may stay open for hours) from another short
//! command (it waits a few seconds for it, then fails naming it).

use std::fmt;
use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

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

/// Who takes an edit lock: written into the lock file for anyone who finds it taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A wizard window, which holds the file for as long as it is open.
    Window,
    /// A command-line writer (`answer`, `evidence`…), which holds it for a moment; the text
    /// names it ("soc2-ready answer acme.toml CC6.1.mfa 3").
    Command(String),
}

impl Holder {
    /// The line written into the lock file.
    fn record(&self) -> String {
        let pid = std::process::id();
        match self {
            Holder::Window => format!("window pid {pid}\n"),
            Holder::Command(command) => format!("command pid {pid}: {command}\n"),
        }
    }

    /// Reads a lock file's line back; `None` when it is empty or unknown.
    fn parse(text: &str) -> Option<Holder> {
        let line = text.lines().next()?;
        if line.starts_with("window ") {
            return Some(Holder::Window);
        }
        line.strip_prefix("command ")
            .map(|rest| Holder::Command(rest.to_string()))
    }
}

/// How long a command watches a locked file say nothing before it takes the holder to be a
/// window (one of a version that wrote no line): a holder writes its line right after
/// locking, so only an older window leaves it empty for long.
const UNNAMED_GRACE: Duration = Duration::from_millis(500);
/// How often a waiting command tries the lock again.
const POLL: Duration = Duration::from_millis(15);

/// Why an assessment could not be locked for editing.
#[derive(Debug)]
pub enum LockError {
    /// A wizard window is editing it.
    Held(PathBuf),
    /// Another command-line writer held it for longer than this one would wait.
    Busy {
        /// The assessment file.
        path: PathBuf,
        /// The other command: its pid and command line.
        holder: String,
        /// How long this one waited.
        waited: Duration,
    },
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
            LockError::Busy { path, holder, .. } => write!(
                f,
                "{} is being changed by another soc2-ready command ({holder}); try again in a moment",
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

/// Takes the edit lock of the assessment at `path` (or at the file it links to) for a
/// wizard window, without waiting.
pub fn lock_for_editing(path: &Path) -> Result<EditLock, LockError> {
    take(path, &Holder::Window, Duration::ZERO)
}

/// Takes the edit lock for the command-line writer `command`: while another command holds
/// it, tries again for up to `wait` and then fails with [`LockError::Busy`] naming that
/// command; while a window holds it, fails at once with [`LockError::Held`].
pub fn lock_for_command(path: &Path, command: &str, wait: Duration) -> Result<EditLock, LockError> {
    take(path, &Holder::Command(command.to_string()), wait)
}

fn take(path: &Path, holder: &Holder, wait: Duration) -> Result<EditLock, LockError> {
    let lock_path = lock_path(&real_path(path));
    let started = Instant::now();
    // The previous holder may remove the file between our open and our lock: try again, a
    // few times at least, and for as long as we wait.
    let mut replaced = 0;
    // Since when the lock file has said nothing, seen without a break.
    let mut unnamed_since = None;
    loop {
        let file = open_lock_file(&lock_path)?;
        match file.try_lock() {
            Ok(()) if same_file(&file, &lock_path) => {
                write_holder(&file, holder)
                    .map_err(|error| LockError::Io(io_error("lock", &lock_path)(error)))?;
                return Ok(EditLock {
                    file,
                    path: lock_path,
                });
            }
            Ok(()) => {
                replaced += 1;
                if replaced >= 8 && started.elapsed() >= wait {
                    return Err(LockError::Io(io_error("lock", &lock_path)(
                        io::Error::other("the lock file kept being replaced"),
                    )));
                }
            }
            Err(fs::TryLockError::WouldBlock) => {
                let waited = started.elapsed();
                let current = read_holder(&file);
                let unnamed_for = match current {
                    None => unnamed_since.get_or_insert_with(Instant::now).elapsed(),
                    Some(_) => {
                        unnamed_since = None;
                        Duration::ZERO
                    }
                };
                match current {
                    Some(Holder::Window) => return Err(LockError::Held(path.to_path_buf())),
                    None if unnamed_for >= UNNAMED_GRACE.min(wait) => {
                        return Err(LockError::Held(path.to_path_buf()));
                    }
                    Some(Holder::Command(other)) if waited >= wait => {
                        return Err(LockError::Busy {
                            path: path.to_path_buf(),
                            holder: other,
                            waited,
                        });
                    }
                    _ => thread::sleep(POLL),
                }
            }
            Err(fs::TryLockError::Error(error)) => {
                return Err(LockError::Io(io_error("lock", &lock_path)(error)));
            }
        }
    }
}

/// Writes who holds the lock into the (locked) lock file.
fn write_holder(file: &fs::File, holder: &Holder) -> io::Result<()> {
    let mut file = file;
    let record = holder.record();
    // Written over the old line, then cut to length: the file is never empty in between.
    file.rewind()?;
    file.write_all(record.as_bytes())?;
    file.set_len(record.len() as u64)
}

/// Who holds the lock, from its lock file; `None` when it says nothing (yet).
fn read_holder(file: &fs::File) -> Option<Holder> {
    let mut file = file;
    file.rewind().ok()?;
    let mut text = String::new();
    file.take(1024).read_to_string(&mut text).ok()?;
    Holder::parse(&text)
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
    fn a_command_waits_for_another_command_but_not_for_a_window() {
        let dir = tempfile::tempdir().unwrap();
        let path = assessment(dir.path());
        let window = lock_for_editing(&path).unwrap();
        let started = Instant::now();
        let error = lock_for_command(&path, "soc2-ready answer", Duration::from_secs(5));
        assert!(matches!(error, Err(LockError::Held(_))), "{error:?}");
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "refused at once"
        );
        drop(window);

        let other = lock_for_command(&path, "soc2-ready evidence add", Duration::ZERO).unwrap();
        let error =
            lock_for_command(&path, "soc2-ready answer", Duration::from_millis(200)).unwrap_err();
        let LockError::Busy { holder, waited, .. } = &error else {
            panic!("{error:?}");
        };
        assert!(holder.ends_with(": soc2-ready evidence add"), "{holder}");
        assert!(
            holder.starts_with(&format!("pid {}", std::process::id())),
            "{holder}"
        );
        assert!(*waited >= Duration::from_millis(200));
        assert!(
            error.to_string().contains("another soc2-ready command"),
            "{error}"
        );
        // The wizard does not wait, and says who is changing the file.
        assert!(matches!(
            lock_for_editing(&path),
            Err(LockError::Busy { .. })
        ));
        // Released while the next one waits: it gets the lock.
        let waiter = std::thread::spawn(move || {
            lock_for_command(&path, "soc2-ready answer", Duration::from_secs(5)).map(drop)
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(other);
        assert!(waiter.join().unwrap().is_ok());
    }

    #[test]
    fn a_lock_file_without_a_holder_line_is_taken_for_a_window() {
        let dir = tempfile::tempdir().unwrap();
        let path = assessment(dir.path());
        // An older soc2-ready window: locked, but no line written.
        let old_window = fs::File::create(dir.path().join(".acme.toml.lock")).unwrap();
        old_window.lock().unwrap();
        let started = Instant::now();
        let error = lock_for_command(&path, "soc2-ready answer", Duration::from_secs(10));
        assert!(matches!(error, Err(LockError::Held(_))), "{error:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
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
