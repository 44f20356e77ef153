//! Streaming SHA-256 of a file: read in large blocks, never whole, with a callback after
//! every block so a caller can show progress or cancel.

use std::fs;
use std::io::{self, Read, Write};
use std::ops::ControlFlow;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Bytes read per block: large enough that the hash, not the system calls, sets the pace.
const BLOCK: usize = 1 << 20;

/// Told the bytes done so far after every block; `Break` cancels the work.
pub type Progress<'a> = &'a mut dyn FnMut(u64) -> ControlFlow<()>;

/// A progress callback that never cancels and shows nothing.
pub fn quiet(_done: u64) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// The size and SHA-256 (lowercase hex) of everything `reader` yields, copied into `copy`
/// as it goes when one is given.
pub fn hash_stream(
    reader: &mut dyn Read,
    mut copy: Option<&mut dyn Write>,
    progress: Progress<'_>,
) -> io::Result<(u64, String)> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0_u8; BLOCK];
    let mut total = 0_u64;
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        hasher.update(&buffer[..read]);
        if let Some(copy) = copy.as_mut() {
            copy.write_all(&buffer[..read])?;
        }
        total += read as u64;
        if progress(total).is_break() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "cancelled"));
        }
    }
    Ok((total, hex(&hasher.finalize())))
}

/// The size and SHA-256 of the file at `path` (opened read-only).
pub fn hash_file(path: &Path, progress: Progress<'_>) -> io::Result<(u64, String)> {
    let mut file = fs::File::open(path)?;
    hash_stream(&mut file, None, progress)
}

/// The SHA-256 of `bytes`, as lowercase hex.
pub fn hash_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hexadecimal digits of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digests_and_sizes() {
        assert_eq!(
            hash_bytes(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let mut copy = Vec::new();
        let data = vec![b'a'; BLOCK * 2 + 3];
        let (size, digest) =
            hash_stream(&mut data.as_slice(), Some(&mut copy), &mut quiet).unwrap();
        assert_eq!(size, data.len() as u64);
        assert_eq!(digest, hash_bytes(&data));
        assert_eq!(copy, data, "the copy is byte for byte");
        assert_eq!(
            hash_bytes(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn progress_sees_every_block_and_can_cancel() {
        let data = vec![0_u8; BLOCK * 3];
        let mut seen = Vec::new();
        let mut record = |done| {
            seen.push(done);
            ControlFlow::Continue(())
        };
        hash_stream(&mut data.as_slice(), None, &mut record).unwrap();
        assert_eq!(seen.last(), Some(&(BLOCK as u64 * 3)));
        let mut cancel = |_| ControlFlow::Break(());
        let error = hash_stream(&mut data.as_slice(), None, &mut cancel).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::Interrupted);
    }
}
