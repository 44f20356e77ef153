//! Writing a report wherever the user points it, without replacing what is there by
//! mistake: a regular file (or a link to one) is replaced atomically — the link stays —,
//! a new name is created, and a device or a pipe (`/dev/null`, `/dev/full`, a terminal,
//! `>(gzip > r.gz)`) is written through, never replaced by a regular file; a full device is
//! an error.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::write;

/// Writes `bytes` to `path`: atomically (mode 0600) when `path` is a regular file, a link
/// to one, or missing; straight through when it is a device or a pipe. A folder and a link
/// to nothing are refused.
pub fn write_output(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => write(&fs::canonicalize(path)?, bytes),
        Ok(meta) if meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )),
        Ok(_) => write_through(path, bytes),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    "it is a symbolic link to a file that does not exist",
                ))
            } else {
                write(path, bytes)
            }
        }
        Err(error) => Err(error),
    }
}

/// Writes into an existing device or pipe. Opened without waiting, so a named pipe nobody
/// reads from is an error rather than a hang; every write error (a full device) is
/// returned.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let mut file = options.open(path).map_err(|error| {
        #[cfg(unix)]
        if error.raw_os_error() == Some(libc::ENXIO) {
            return io::Error::other("no program is reading from it");
        }
        error
    })?;
    #[cfg(unix)]
    blocking(&file)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Clears `O_NONBLOCK` again, so writing to a pipe waits for its reader instead of failing.
#[cfg(unix)]
fn blocking(file: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is an open descriptor owned by `file` for the duration of both calls.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above; only the O_NONBLOCK bit is changed.
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::ffi::CString;
    use std::io::Read;

    fn mkfifo(path: &Path) {
        let name = CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn a_pipe_is_written_through_and_stays_a_pipe() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.md");
        mkfifo(&fifo);
        let error = write_output(&fifo, b"nobody reads").unwrap_err();
        assert_eq!(error.to_string(), "no program is reading from it");
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(reader_path)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        });
        // The reader may not have opened its end yet: retry until it has.
        let mut tries = 0;
        while let Err(error) = write_output(&fifo, b"# report\n") {
            tries += 1;
            assert!(tries < 500, "{error}");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(reader.join().unwrap(), "# report\n");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn links_are_kept_and_their_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_output(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");

        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("missing"), &dangling).unwrap();
        assert!(write_output(&dangling, b"x").is_err());
        assert!(!dir.path().join("missing").exists());
        assert!(write_output(dir.path(), b"x").is_err(), "a folder");
    }
}
