//! `soc2-ready report` as a user runs it: where the file goes, its permissions, and the
//! errors for unwritable paths, a PDF to standard output and a bad report date.

mod common;
mod report_support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::ReadOnlyDir;
use report_support::{fixture, report, soc2_ready};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder holding a copy of the partial fixture as `acme.toml`.
fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let assessment = dir.path().join("acme.toml");
    fs::copy(fixture("partial"), &assessment).unwrap();
    (dir, assessment)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_default_report_is_a_private_pdf_next_to_the_assessment() {
    let (dir, assessment) = workspace();
    let output = report(&[assessment.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = dir.path().join("acme-inc-soc2-gap-report-2026-11-24.pdf");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        expected.to_str().unwrap()
    );
    let bytes = fs::read(&expected).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let mode = fs::metadata(&expected).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        entries(dir.path()),
        ["acme-inc-soc2-gap-report-2026-11-24.pdf", "acme.toml"]
    );
}

#[test]
fn output_may_name_a_file_or_a_folder() {
    let (dir, assessment) = workspace();
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    let output = report(&[
        assessment.to_str().unwrap(),
        "--format",
        "markdown",
        "--output",
        reports.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        entries(&reports),
        ["acme-inc-soc2-gap-report-2026-11-24.md"]
    );
    let named = dir.path().join("gaps.csv");
    let output = report(&[
        assessment.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        named.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        fs::read_to_string(&named)
            .unwrap()
            .starts_with("\u{feff}Summary,Description,Priority,Status,")
    );
}

#[test]
fn an_unwritable_folder_is_a_clear_error_and_leaves_nothing_behind() {
    let (dir, assessment) = workspace();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let Some(_guard) = ReadOnlyDir::new(&locked) else {
        return;
    };
    let out = locked.join("report.pdf");
    let output = report(&[
        assessment.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).trim(),
        format!("error: cannot write {}: permission denied", out.display())
    );
    assert!(output.stdout.is_empty());
    assert!(
        entries(&locked).is_empty(),
        "no report and no temporary file"
    );
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let (dir, assessment) = workspace();
    let out = dir.path().join("no/such/folder/report.json");
    let output = report(&[
        assessment.to_str().unwrap(),
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).trim(),
        format!(
            "error: cannot write {}: no such file or folder",
            out.display()
        )
    );
}

#[test]
fn a_pdf_never_goes_to_standard_output() {
    let output = report(&[fixture("empty").to_str().unwrap(), "--output", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("PDF files cannot be written to standard output"));
    assert!(output.stdout.is_empty());
}

#[test]
fn a_bad_report_date_or_assessment_is_refused() {
    let output = soc2_ready()
        .env("SOURCE_DATE_EPOCH", "tomorrow")
        .args([
            "report",
            fixture("empty").to_str().unwrap(),
            "--format",
            "json",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("SOURCE_DATE_EPOCH must be whole seconds"));
    let missing = report(&["/nonexistent/assessment.toml"]);
    assert_ne!(missing.status.code(), Some(0));
    assert!(stderr(&missing).contains("/nonexistent/assessment.toml"));
}

#[test]
fn reports_hold_no_paths_or_user_names() {
    let dir = tempfile::Builder::new()
        .prefix("private-folder-")
        .tempdir()
        .unwrap();
    let assessment = dir.path().join("acme.toml");
    fs::copy(fixture("unicode"), &assessment).unwrap();
    for format in ["md", "json", "csv"] {
        let output = soc2_ready()
            .env("USER", "zz-local-user")
            .env("HOME", dir.path())
            .args([
                "report",
                assessment.to_str().unwrap(),
                "--format",
                format,
                "-o",
                "-",
            ])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            !text.contains("private-folder-"),
            "{format} leaks the folder"
        );
        assert!(
            !text.contains("zz-local-user"),
            "{format} leaks the user name"
        );
        assert!(!text.contains("acme.toml"), "{format} leaks the file name");
    }
}
