//! Reads the files and folders the claims checker is pointed at — the only I/O of the
//! checker: folders are walked for text, Markdown and HTML files; a file named explicitly is
//! read whatever its extension; anything that cannot be read is listed with the reason,
//! never skipped silently. Shared by `soc2-ready claims`, `report --claims` and the wizard.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::claims::{Finding, Markup, check};
use crate::diagnostics::io_reason;

/// Files larger than this are not read (website copy and decks are far smaller).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Extensions read when walking a folder.
const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdx", "html", "htm", "xhtml",
];

/// The findings of one file that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScannedFile {
    /// The path as given or found under a given folder.
    pub file: String,
    /// Its findings, in reading order.
    pub findings: Vec<Finding>,
}

/// A file or folder that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// The path.
    pub file: String,
    /// Why, in plain words.
    pub reason: String,
}

/// The outcome of checking some paths.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ClaimsScan {
    /// Every file read, in path order, with or without findings.
    pub files: Vec<ScannedFile>,
    /// Everything that could not be read.
    pub unreadable: Vec<Unreadable>,
}

impl ClaimsScan {
    /// How many findings in all.
    pub fn finding_count(&self) -> usize {
        self.files.iter().map(|file| file.findings.len()).sum()
    }

    /// Every finding with its file, in file and reading order.
    pub fn findings(&self) -> impl Iterator<Item = (&str, &Finding)> {
        self.files.iter().flat_map(|file| {
            file.findings
                .iter()
                .map(move |finding| (file.file.as_str(), finding))
        })
    }
}

/// Checks every path: files directly, folders by walking them.
pub fn scan(paths: &[PathBuf]) -> ClaimsScan {
    let mut result = ClaimsScan::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut result),
            Ok(_) => read_into(path, &mut result),
            Err(error) => result.unreadable.push(unreadable(path, io_reason(&error))),
        }
    }
    result
}

fn walk(dir: &Path, result: &mut ClaimsScan) {
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && wanted(entry.path()) => {
                read_into(entry.path(), result);
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(dir).to_path_buf();
                let reason = error
                    .io_error()
                    .map_or_else(|| error.to_string(), io_reason);
                result.unreadable.push(unreadable(&path, reason));
            }
        }
    }
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

fn read_into(path: &Path, result: &mut ClaimsScan) {
    match read_text(path) {
        Ok(text) => {
            let name = path.display().to_string();
            let findings = check(&text, Markup::from_name(&name));
            result.files.push(ScannedFile {
                file: name,
                findings,
            });
        }
        Err(reason) => result.unreadable.push(unreadable(path, reason)),
    }
}

/// The UTF-8 text of a regular file no larger than [`MAX_FILE_BYTES`].
fn read_text(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    let file = fs::File::open(path).map_err(|e| io_reason(&e))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("larger than {} MB", MAX_FILE_BYTES / 1024 / 1024));
    }
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())
}

fn unreadable(path: &Path, reason: String) -> Unreadable {
    Unreadable {
        file: path.display().to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_for_text_files_and_problems_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        fs::create_dir(&site).unwrap();
        fs::write(site.join("index.html"), "<p>We are SOC 2 certified.</p>").unwrap();
        fs::write(site.join("about.md"), "Our SOC 2 report is available.").unwrap();
        fs::write(site.join("logo.png"), [0x89, b'P', b'N', b'G', 0xff]).unwrap();
        fs::write(site.join("latin1.txt"), [b'S', b'O', b'C', 0xe9]).unwrap();
        let missing = dir.path().join("missing.txt");
        let found = scan(&[site.clone(), missing]);
        let files: Vec<&str> = found.files.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files[0].ends_with("about.md") && files[1].ends_with("index.html"));
        assert_eq!(found.finding_count(), 1);
        let (file, finding) = found.findings().next().unwrap();
        assert!(file.ends_with("index.html"));
        assert_eq!((finding.line, finding.column), (1, 11));
        let reasons: Vec<&str> = found.unreadable.iter().map(|u| u.reason.as_str()).collect();
        assert_eq!(reasons, ["not UTF-8 text", "no such file or folder"]);
    }

    #[test]
    fn a_file_named_explicitly_is_read_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let deck = dir.path().join("deck-export");
        fs::write(&deck, "Slide 3: SOC2 Type II certified").unwrap();
        assert_eq!(scan(&[deck]).finding_count(), 1);
    }
}
