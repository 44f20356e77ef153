//! The file side of `soc2-ready evidence`: the JSON listing with every file's SHA-256,
//! `evidence verify`, and the progress bar (and Ctrl-C cancel) while large files are
//! copied or hashed.

use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};
use jiff::civil::Date;
use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::assessment::locker::{self, FileCheck, LockerError};

use super::args::ScoreFormat;
use super::{Failure, Output};

/// Below this many bytes in all, no progress bar is shown: it would only flicker.
const BAR_FROM_BYTES: u64 = 32 << 20;

/// A locker error as a command failure: a bad path is the user's input (exit 2), a
/// failing disk the system's (exit 1).
pub fn failure(error: LockerError, consequence: &str) -> Failure {
    match error {
        LockerError::NotRegular { .. }
        | LockerError::Cancelled(_)
        | LockerError::TooLarge { .. } => Failure::Invalid(format!("{error}; {consequence}")),
        LockerError::Io {
            error: ref io_error,
            ..
        } if io_error.kind() == std::io::ErrorKind::NotFound => {
            Failure::Invalid(format!("{error}; {consequence}"))
        }
        LockerError::Io { .. } => Failure::Runtime(format!("{error}; {consequence}")),
    }
}

/// Progress over many files: a bar on standard error when it is a terminal and the work is
/// large, nothing otherwise; Ctrl-C asks the work to stop instead of killing the program
/// half-way through a copy.
pub struct CopyProgress {
    bar: Option<ProgressBar>,
    done: u64,
    stop: Arc<AtomicBool>,
    signal: Option<signal_hook::SigId>,
}

impl CopyProgress {
    /// Progress over `total` bytes.
    pub fn new(total: u64) -> Self {
        let bar = (total >= BAR_FROM_BYTES && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(total);
            if let Ok(style) = ProgressStyle::with_template(
                "{bytes:>10} of {total_bytes} {wide_bar} {binary_bytes_per_sec} · Ctrl-C stops",
            ) {
                bar.set_style(style);
            }
            bar
        });
        let stop = Arc::new(AtomicBool::new(false));
        let signal = signal_hook::flag::register(signal_hook::consts::SIGINT, stop.clone()).ok();
        Self {
            bar,
            done: 0,
            stop,
            signal,
        }
    }

    /// The callback for one file: moves the bar, and stops on Ctrl-C.
    pub fn callback(&self) -> impl FnMut(u64) -> ControlFlow<()> + '_ {
        let done = self.done;
        move |bytes| {
            if let Some(bar) = &self.bar {
                bar.set_position(done + bytes);
            }
            if self.stop.load(Ordering::Relaxed) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        }
    }

    /// Counts a finished file of `size` bytes.
    pub fn finish_file(&mut self, size: u64) {
        self.done += size;
    }

    /// Removes the bar and gives Ctrl-C back its usual meaning.
    pub fn clear(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if let Some(signal) = self.signal.take() {
            signal_hook::low_level::unregister(signal);
        }
    }
}

impl Drop for CopyProgress {
    fn drop(&mut self) {
        self.clear();
    }
}

/// One entry as `evidence list --format json` gives it.
#[derive(Serialize)]
struct EntryJson<'a> {
    question: &'a str,
    number: usize,
    title: &'a str,
    location: &'a str,
    collected: Date,
    covers: Option<PeriodJson>,
    expires: Option<Date>,
    expired: bool,
    files: Vec<FileJson<'a>>,
}

#[derive(Serialize)]
struct PeriodJson {
    from: Date,
    to: Date,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    size: u64,
    sha256: &'a str,
}

/// Every evidence entry (of one question, or all) with its files, as JSON; `folder` is
/// the assessment's evidence folder.
pub fn list_json(
    folder: &Path,
    assessment: &Assessment,
    only: Option<&str>,
    today: Date,
) -> String {
    let entries: Vec<EntryJson<'_>> = assessment
        .answers
        .iter()
        .filter(|(id, _)| only.is_none_or(|only| only == id.as_str()))
        .flat_map(|(id, record)| {
            record
                .evidence
                .iter()
                .enumerate()
                .map(move |(index, entry)| EntryJson {
                    question: id,
                    number: index + 1,
                    title: &entry.title,
                    location: &entry.location,
                    collected: entry.collected,
                    covers: entry.period.map(|(from, to)| PeriodJson { from, to }),
                    expires: entry.expires,
                    expired: entry.expired(today),
                    files: entry
                        .files
                        .iter()
                        .map(|file| FileJson {
                            path: &file.path,
                            size: file.size,
                            sha256: &file.sha256,
                        })
                        .collect(),
                })
        })
        .collect();
    let document = serde_json::json!({
        "evidence_folder": folder,
        "entries": entries,
    });
    let mut text = serde_json::to_string_pretty(&document).expect("evidence serializes");
    text.push('\n');
    text
}

/// `evidence verify`: re-hashes every file of the evidence `folder`; a finding (exit 1)
/// when any does not hold.
pub fn verify(
    folder: &Path,
    assessment: &Assessment,
    format: ScoreFormat,
    warnings: Vec<String>,
) -> Result<Output, Failure> {
    let total = assessment
        .answers
        .values()
        .flat_map(|record| &record.evidence)
        .flat_map(|entry| &entry.files)
        .map(|file| file.size)
        .sum();
    let mut progress = CopyProgress::new(total);
    let checks = locker::verify(folder, assessment, &mut progress.callback());
    progress.clear();
    let failing = checks.iter().filter(|check| !check.state.holds()).count();
    let stdout = match format {
        ScoreFormat::Text => verify_text(folder, &checks),
        ScoreFormat::Json => {
            let mut text = serde_json::to_string_pretty(&serde_json::json!({
                "evidence_folder": folder,
                "files": checks,
                "failing": failing,
            }))
            .expect("checks serialize");
            text.push('\n');
            text
        }
    };
    if failing > 0 {
        let (noun, them) = if failing == 1 {
            ("file does", "it")
        } else {
            ("files do", "them")
        };
        return Err(Failure::Finding {
            stdout,
            message: format!(
                "{failing} evidence {noun} not match what was recorded; restore {them} from a copy, or add the file again as new evidence"
            ),
        });
    }
    Ok(Output { stdout, warnings })
}

/// The verify report for people: problems first, then a count of the files that hold.
fn verify_text(folder: &Path, checks: &[FileCheck]) -> String {
    use std::fmt::Write;
    if checks.is_empty() {
        return "No evidence files are recorded yet (`soc2-ready evidence add PATH QUESTION --title T --file F`).\n".into();
    }
    let mut out = String::new();
    let _ = writeln!(out, "Evidence folder: {}", folder.display());
    for check in checks.iter().filter(|check| !check.state.holds()) {
        let _ = writeln!(
            out,
            "  {}  {} (\"{}\"): {}",
            check.question,
            check.path,
            check.entry,
            check.state.describe()
        );
    }
    let intact = checks.iter().filter(|check| check.state.holds()).count();
    let _ = writeln!(
        out,
        "{intact} of {} files intact (same size and SHA-256 as recorded)",
        checks.len()
    );
    out
}
