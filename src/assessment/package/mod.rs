//! The package writer: a ZIP an auditor can open on any machine and check with tools we
//! did not write (`unzip -t`, `sha256sum -c SHA256SUMS`).
//!
//! - Deterministic: members sorted by name, every timestamp the given day at midnight,
//!   fixed permissions, no extra fields, so the same inputs give the same bytes.
//! - Safe names: a member name is `/`-separated parts, none empty, `.` or `..`, with no
//!   control characters, backslashes or drive colons, and no two names equal ignoring case
//!   (so unpacking never escapes its folder or replaces another member).
//! - Streamed: a file member is read in blocks while it is hashed; its size and SHA-256
//!   must still match what was recorded, or nothing is written.
//! - Atomic: the ZIP is built in a temporary file beside the target and renamed over it
//!   only when complete and synced; a failure, a cancel or a kill leaves no half package.
//! - `SHA256SUMS` comes last and covers every other member.

mod names;
#[cfg(test)]
mod tests;

pub use names::check_member_name;

use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Seek, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::locker::{hash_bytes, hash_stream, open_regular};
use crate::atomic_file::{TEMP_PREFIX, TEMP_SUFFIX};
use crate::diagnostics::io_reason;

/// The name of the checksum member.
pub const SUMS: &str = "SHA256SUMS";

/// Files from this size on are written with ZIP64 headers (the classic limit is 4 GiB).
const ZIP64_FROM: u64 = 0xFFFF_0000;

/// Told the member being written and the bytes of all members done so far — as a member
/// starts and after every block of it; `Break` cancels the package (nothing is written).
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64) -> ControlFlow<()>;

/// What a member holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Bytes made in memory (the README, the request list, the report).
    Bytes(Vec<u8>),
    /// A file on disk with the size and SHA-256 recorded for it.
    File {
        /// Where it is.
        path: PathBuf,
        /// Its recorded size.
        size: u64,
        /// Its recorded SHA-256 (lowercase hex).
        sha256: String,
    },
}

/// One member of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its path inside the ZIP, `/`-separated.
    pub name: String,
    /// What it holds.
    pub content: Content,
}

impl Member {
    /// The bytes this member adds before compression.
    pub fn size(&self) -> u64 {
        match &self.content {
            Content::Bytes(bytes) => bytes.len() as u64,
            Content::File { size, .. } => *size,
        }
    }
}

/// What a finished package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Members, `SHA256SUMS` included.
    pub members: usize,
    /// Bytes of the ZIP file.
    pub bytes: u64,
}

/// Why a package was not written. Nothing is left at the target in any case.
#[derive(Debug)]
pub enum PackageError {
    /// A member name would be unsafe to unpack.
    BadName {
        /// The name.
        name: String,
        /// What is wrong with it.
        why: String,
    },
    /// A file is no longer what was recorded.
    Changed {
        /// The member it was to become.
        member: String,
        /// Where it is.
        path: PathBuf,
    },
    /// A file could not be read.
    Unreadable {
        /// The member it was to become.
        member: String,
        /// Why, in words.
        reason: String,
    },
    /// The ZIP could not be written.
    Write {
        /// The target.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
    /// The user stopped it.
    Cancelled,
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::BadName { name, why } => {
                write!(f, "the package member name {name:?} is unsafe: {why}")
            }
            PackageError::Changed { member, path } => write!(
                f,
                "{} changed since it was recorded (it would be {member}); run `soc2-ready evidence verify` and record it again",
                path.display()
            ),
            PackageError::Unreadable { member, reason } => {
                write!(f, "cannot read the file for {member}: {reason}")
            }
            PackageError::Write { path, reason } => {
                write!(f, "cannot write {}: {reason}", path.display())
            }
            PackageError::Cancelled => write!(f, "cancelled; no package was written"),
        }
    }
}

impl std::error::Error for PackageError {}

/// Writes `members` (and `SHA256SUMS` over them) as a ZIP at `out`, replacing an earlier
/// file there, with every timestamp on `day`. `progress` hears each member and the bytes of
/// members done, and can cancel.
pub fn write(
    out: &Path,
    members: &[Member],
    day: Date,
    progress: Progress<'_>,
) -> Result<Written, PackageError> {
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    names::check_all(sorted.iter().map(|member| member.name.as_str()))?;
    let write_error = |error: &dyn fmt::Display| PackageError::Write {
        path: out.to_path_buf(),
        reason: error.to_string(),
    };
    let dir = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|error| write_error(&io_reason(&error)))?;
    let mut zip = ZipWriter::new(BufWriter::new(temp.as_file_mut()));
    let mut sums = String::new();
    let mut done = 0_u64;
    for member in sorted {
        let sha256 = add(&mut zip, member, day, done, progress)?;
        done += member.size();
        sums.push_str(&format!("{sha256}  {}\n", member.name));
    }
    add_bytes(&mut zip, SUMS, sums.as_bytes(), day).map_err(|error| write_error(&error))?;
    let count = members.len() + 1;
    let mut buffered = zip.finish().map_err(|error| write_error(&error))?;
    buffered
        .flush()
        .map_err(|error| write_error(&io_reason(&error)))?;
    drop(buffered);
    let file = temp.as_file_mut();
    let bytes = file
        .stream_position()
        .map_err(|error| write_error(&io_reason(&error)))?;
    file.sync_all()
        .map_err(|error| write_error(&io_reason(&error)))?;
    temp.persist(out)
        .map_err(|error| write_error(&io_reason(&error.error)))?;
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(Written {
        members: count,
        bytes,
    })
}

/// The options every member shares: the day at midnight, mode 0644, and the method.
fn options(day: Date, method: CompressionMethod, size: u64) -> SimpleFileOptions {
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(day.year()).unwrap_or(1980),
        u8::try_from(day.month()).unwrap_or(1),
        u8::try_from(day.day()).unwrap_or(1),
        0,
        0,
        0,
    )
    .unwrap_or_default();
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(stamp)
        .unix_permissions(0o644)
        .large_file(size >= ZIP64_FROM)
}

/// Adds one member and returns its SHA-256.
fn add<W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    member: &Member,
    day: Date,
    done_before: u64,
    progress: Progress<'_>,
) -> Result<String, PackageError> {
    let write_error = |error: &dyn fmt::Display| PackageError::Unreadable {
        member: member.name.clone(),
        reason: error.to_string(),
    };
    if progress(&member.name, done_before).is_break() {
        return Err(PackageError::Cancelled);
    }
    match &member.content {
        Content::Bytes(bytes) => {
            add_bytes(zip, &member.name, bytes, day).map_err(|error| write_error(&error))?;
            if progress(&member.name, done_before + bytes.len() as u64).is_break() {
                return Err(PackageError::Cancelled);
            }
            Ok(hash_bytes(bytes))
        }
        Content::File { path, size, sha256 } => {
            let mut input = open_regular(path).map_err(|error| write_error(&error))?;
            // Files are often compressed already (PDF, PNG, ZIP): stored, they stream at
            // disk speed and unpack anywhere.
            zip.start_file(
                member.name.as_str(),
                options(day, CompressionMethod::Stored, *size),
            )
            .map_err(|error| write_error(&error))?;
            let mut offset = |bytes: u64| progress(&member.name, done_before + bytes);
            let (read, hash) = match hash_stream(&mut input, Some(zip), &mut offset) {
                Ok(found) => found,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {
                    return Err(PackageError::Cancelled);
                }
                Err(error) => return Err(write_error(&io_reason(&error))),
            };
            if read != *size || hash != *sha256 {
                return Err(PackageError::Changed {
                    member: member.name.clone(),
                    path: path.clone(),
                });
            }
            Ok(hash)
        }
    }
}

/// Adds a member made in memory, deflated (text shrinks well; the result is the same
/// bytes for the same input).
fn add_bytes<W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    name: &str,
    bytes: &[u8],
    day: Date,
) -> Result<(), String> {
    let method = if name.ends_with(".pdf") {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    };
    zip.start_file(name, options(day, method, bytes.len() as u64))
        .map_err(|error| error.to_string())?;
    zip.write_all(bytes).map_err(|error| io_reason(&error))
}
