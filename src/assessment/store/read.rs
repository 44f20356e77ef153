//! Reading files that may not be what they claim: opened without blocking (a FIFO named
//! `acme.toml` must not hang the program), required to be regular files, capped in size,
//! and fingerprinted so a later save can tell whether someone else changed the file.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{StoreError, io_error};

/// The largest assessment read: far above any real one (the complete sample is ~60 KB),
/// far below what would exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What kind of thing a path is, in words, when it is not a regular file.
pub fn kind_of(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading without waiting for a writer (FIFOs), and checks it is a
/// regular file of at most [`MAX_FILE_BYTES`].
fn open_regular(path: &Path) -> Result<(fs::File, fs::Metadata), StoreError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(io_error("read", path))?;
    let meta = file.metadata().map_err(io_error("read", path))?;
    if !meta.is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    Ok((file, meta))
}

/// Reads a whole regular file of at most [`MAX_FILE_BYTES`]; anything else is refused
/// with a message saying what the path is.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, StoreError> {
    read_with_meta(path).map(|(bytes, _)| bytes)
}

fn read_with_meta(path: &Path) -> Result<(Vec<u8>, fs::Metadata), StoreError> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error("read", path))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    Ok((bytes, meta))
}

/// The path a save must write to: the target of a symbolic link (followed all the way),
/// or `path` itself when it does not exist yet.
pub fn real_path(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// How a file writes its text: a byte-order mark, Windows line endings. A save keeps both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// The file starts with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Lines end with CR LF.
    pub crlf: bool,
}

impl TextStyle {
    /// The style of `bytes` (judged by the first line ending).
    pub fn of(bytes: &[u8]) -> Self {
        let bom = bytes.starts_with(BOM);
        let crlf = bytes
            .iter()
            .position(|&byte| byte == b'\n')
            .is_some_and(|at| at > 0 && bytes[at - 1] == b'\r');
        Self { bom, crlf }
    }

    /// `text` (written with `\n` line endings) in this style.
    pub fn apply(self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 64);
        if self.bom {
            out.extend_from_slice(BOM);
        }
        if self.crlf {
            out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        out
    }
}

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a file held when it was read: enough to notice any later change to its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    hash: u64,
    links: u64,
}

impl FileStamp {
    fn of(bytes: &[u8], meta: &fs::Metadata) -> Self {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        #[cfg(unix)]
        let links = std::os::unix::fs::MetadataExt::nlink(meta);
        #[cfg(not(unix))]
        let links = {
            let _ = meta;
            1
        };
        Self {
            len: bytes.len() as u64,
            hash: hasher.finish(),
            links,
        }
    }

    /// Whether the file held the same bytes both times (a `touch` is not a change).
    pub fn same_content(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// How many names (hard links) the file has.
    pub fn links(&self) -> u64 {
        self.links
    }
}

/// Reads `path` (as [`read_regular`]) and stamps what it held.
pub fn read_stamped(path: &Path) -> Result<(Vec<u8>, FileStamp), StoreError> {
    let (bytes, meta) = read_with_meta(path)?;
    let stamp = FileStamp::of(&bytes, &meta);
    Ok((bytes, stamp))
}

/// The stamp of the file at `path` now.
pub fn stamp(path: &Path) -> Result<FileStamp, StoreError> {
    read_stamped(path).map(|(_, stamp)| stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.toml");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: mkfifo reads a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = read_regular(&fifo).unwrap_err();
        assert!(
            error.to_string().contains("is a named pipe (FIFO)"),
            "{error}"
        );
        let error = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert!(error.to_string().contains("a character device"), "{error}");
        let error = read_regular(dir.path()).unwrap_err();
        assert!(error.to_string().contains("a folder"), "{error}");
    }

    #[test]
    fn huge_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.toml");
        let file = fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let error = read_regular(&path).unwrap_err();
        assert!(matches!(error, StoreError::TooLarge { .. }));
        assert!(error.to_string().contains("16 MB"), "{error}");
        file.set_len(10).unwrap();
        assert_eq!(read_regular(&path).unwrap().len(), 10);
    }

    #[test]
    fn stamps_see_content_changes_not_touches() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        fs::write(&path, "a = 1\n").unwrap();
        let first = stamp(&path).unwrap();
        fs::write(&path, "a = 1\n").unwrap();
        assert!(first.same_content(&stamp(&path).unwrap()));
        fs::write(&path, "a = 2\n").unwrap();
        assert!(!first.same_content(&stamp(&path).unwrap()));
        assert_eq!(first.links(), 1);
    }

    #[test]
    fn text_style_keeps_bom_and_crlf() {
        let style = TextStyle::of(b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n");
        assert_eq!(
            style,
            TextStyle {
                bom: true,
                crlf: true
            }
        );
        assert_eq!(style.apply("x\ny\n"), b"\xEF\xBB\xBFx\r\ny\r\n");
        let plain = TextStyle::of(b"a = 1\n");
        assert_eq!(plain, TextStyle::default());
        assert_eq!(plain.apply("x\n"), b"x\n");
    }
}
