//! `README.txt`: what the package is, for whom, the window, what is inside and how to
//! check it with tools that come with every system (`sha256sum`, `shasum`, `Get-FileHash`).

use std::fmt::Write;

use super::{EVIDENCE_FOLDER, RequestList};
use crate::assessment::locker::size_text;
use crate::assessment::package::SUMS;
use crate::questionnaire::Target;
use crate::text_safety::visible_text;

/// The package members besides the evidence files, as the README lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    /// The gap report's member name, if the package has one.
    pub report: Option<String>,
    /// How many evidence files are inside.
    pub files: usize,
    /// Their bytes in all.
    pub bytes: u64,
    /// Whether the files were left out on purpose (`--index-only`).
    pub index_only: bool,
    /// The register files inside: member name and what each holds.
    pub registers: Vec<(String, String)>,
}

/// The README of a package holding `contents` for `list`.
pub fn render(list: &RequestList, contents: &Contents) -> String {
    let mut out = String::new();
    let title = format!("Evidence package: {}", list.organization.trim());
    let _ = writeln!(out, "{title}\n{}\n", "=".repeat(title.chars().count()));
    let _ = writeln!(
        out,
        "SOC 2 {} readiness evidence, prepared {}{} with soc2-ready {}.\n",
        list.target.label(),
        list.today,
        if list.assessor.trim().is_empty() {
            String::new()
        } else {
            format!(" by {}", list.assessor.trim())
        },
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "WHAT THIS IS\n");
    let _ = writeln!(
        out,
        "The evidence {} has collected for its SOC 2 examination, arranged by the Trust\n\
         Services Criteria, with the request list an auditor works from. It is for the\n\
         service auditor (the CPA firm that will examine the controls) and for the people\n\
         preparing the examination. It is readiness material, not an audit: SOC 2 is not a\n\
         \u{201c}certification\u{201d}, and only the CPA firm's attestation report gives an opinion.\n",
        list.organization.trim()
    );
    let _ = writeln!(out, "{}\n", window_text(list));
    let _ = writeln!(
        out,
        "Status of the tested controls: {}\n",
        list.counts.sentence()
    );
    let _ = writeln!(out, "WHAT IS INSIDE\n");
    let mut inside = vec![
        ("README.txt", "this file".to_string()),
        (
            "request-list.csv",
            "per control: what is asked, what is provided, coverage, status".into(),
        ),
        ("request-list.md", "the same list to read".into()),
    ];
    if let Some(report) = &contents.report {
        inside.push((report.as_str(), "the readiness gap report".into()));
    }
    let files_line = if contents.index_only {
        "left out (index-only package); the request list names each file and its SHA-256"
            .to_string()
    } else {
        format!(
            "the evidence files as collected ({} {}, {})",
            contents.files,
            if contents.files == 1 { "file" } else { "files" },
            size_text(contents.bytes)
        )
    };
    for (name, what) in &contents.registers {
        inside.push((name.as_str(), what.clone()));
    }
    let evidence = format!("{EVIDENCE_FOLDER}/CRITERION/QUESTION-ID/FILE");
    inside.push((evidence.as_str(), files_line));
    inside.push((SUMS, "the SHA-256 of every other file".into()));
    let width = inside.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, what) in &inside {
        let _ = writeln!(out, "  {name:<width$}  {what}");
    }
    let _ = writeln!(out, "\nHOW TO CHECK IT\n");
    let _ = writeln!(
        out,
        "Unpack the ZIP, then run in the unpacked folder:\n\n  \
         Linux:    sha256sum -c {SUMS}\n  \
         macOS:    shasum -a 256 -c {SUMS}\n  \
         Windows:  Get-FileHash -Algorithm SHA256 FILE   (PowerShell; compare with {SUMS})\n\n\
         Every line should end in OK. Each file's SHA-256 was recorded when it was collected,\n\
         and the request list repeats it: the same value in {SUMS} shows the file has not\n\
         changed since."
    );
    visible_text(&out).into_owned()
}

/// The window in words, with what it means for the report aimed at.
fn window_text(list: &RequestList) -> String {
    let window = format!("{} to {}", list.window.from, list.window.to);
    match list.target {
        Target::Type2 => format!(
            "Observation window: {window}. A Type 2 report tests that each control operated\n\
             through this whole period, so periodic controls show one piece of evidence per\n\
             occurrence."
        ),
        Target::Type1 => format!(
            "A Type 1 report tests the design of the controls at one date. Coverage is shown\n\
             over the window planned for a later Type 2: {window}."
        ),
    }
}
