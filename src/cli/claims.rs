//! `soc2-ready claims PATH...`: checks website copy, decks and RFP answers for statements
//! that misdescribe SOC 2. Exit 0 when clean, 1 when something is found, 2 when an input
//! cannot be read (the findings of the rest are still printed). Like every command's output,
//! what it prints passes through [`visible_text`]: a phrase quoted from a file cannot drive
//! the terminal.

use std::fmt::Write as _;
use std::process::ExitCode;

use soc2_ready::claims_scan::{ClaimsScan, scan};
use soc2_ready::text_safety::{json_escaped, visible_text};

use super::args::{ClaimsArgs, ClaimsFormat};
use super::print_stdout;

/// Checks the paths, prints the findings and unreadable inputs, and gives the exit code.
pub fn run(args: &ClaimsArgs) -> ExitCode {
    let result = scan(&args.paths);
    let stdout = match args.format {
        ClaimsFormat::Text => visible_text(&text(&result)).into_owned(),
        ClaimsFormat::Json => json_escaped(&json(&result)).into_owned(),
    };
    for unreadable in &result.unreadable {
        eprintln!(
            "error: cannot read {}: {}",
            visible_text(&unreadable.file),
            visible_text(&unreadable.reason)
        );
    }
    let printed = print_stdout(&stdout);
    if printed != ExitCode::SUCCESS {
        printed
    } else if !result.unreadable.is_empty() {
        ExitCode::from(2)
    } else if result.finding_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The whole result as pretty JSON (fields documented in docs/claims.md).
fn json(result: &ClaimsScan) -> String {
    let mut json = serde_json::to_string_pretty(result).expect("plain data always serialises");
    json.push('\n');
    json
}

/// One block per finding, then a one-line summary.
fn text(result: &ClaimsScan) -> String {
    let mut out = String::new();
    for (file, finding) in result.findings() {
        let _ = writeln!(
            out,
            "{file}:{}:{}: \"{}\"\n    why: {}\n    instead: {}",
            finding.line, finding.column, finding.phrase, finding.reason, finding.suggestion
        );
    }
    let count = result.finding_count();
    let files = result.files.len();
    let with = result
        .files
        .iter()
        .filter(|file| !file.findings.is_empty())
        .count();
    let _ = writeln!(
        out,
        "{count} inaccurate {} in {with} of {files} {} checked.",
        if count == 1 {
            "statement"
        } else {
            "statements"
        },
        if files == 1 { "file" } else { "files" },
    );
    out
}
