//! `soc2-ready list` over a data directory holding good files, an unreadable one and one
//! written by a newer version: every file is listed — the unreadable ones with their
//! reason — as text, TSV and JSON, sorted as asked, with the config's thresholds applied.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// A data directory with two readable assessments, a broken file and a newer-schema file.
fn portfolio() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("assessments/cli-partial.toml"),
        dir.path().join("acme.toml"),
    )
    .unwrap();
    let globex = fs::read_to_string(fixture("assessments/report-partial.toml"))
        .unwrap()
        .replace("organization = \"Acme Inc\"", "organization = \"Globex\"");
    fs::write(dir.path().join("globex.toml"), globex).unwrap();
    fs::write(dir.path().join("broken.toml"), "organization = [\n").unwrap();
    fs::write(
        dir.path().join("future.toml"),
        "schema = 9\norganization = \"Future\"\ncreated = 2026-11-24\ntarget = \"type1\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("notes.txt"), "not an assessment").unwrap();
    dir
}

fn list(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env_remove("SOC2_READY_CONFIG")
        .env("SOC2_READY_TODAY", "2026-11-24")
        .env("HOME", dir)
        .arg("--data-dir")
        .arg(dir)
        .arg("list")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn text_lists_every_file_and_says_why_some_cannot_be_read() {
    let dir = portfolio();
    let output = list(dir.path(), &["--sort", "name"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().take_while(|line| !line.is_empty()).collect();
    assert_eq!(lines.len(), 5, "header + 4 .toml files:\n{text}");
    for header in [
        "Organisation",
        "Answered",
        "Compliance",
        "Attestation",
        "Certification",
        "Overall",
        "Last change",
    ] {
        assert!(lines[0].contains(header), "{}", lines[0]);
    }
    assert!(
        lines[1].starts_with("Acme Inc") && lines[1].contains("2/159"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("1 % Not assessed yet"), "{}", lines[1]);
    assert!(
        lines[2].starts_with("Globex") && lines[2].contains("92/173"),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("broken.toml") && lines[3].contains("cannot be read"));
    assert!(lines[3].contains("broken.toml:1:"), "{}", lines[3]);
    assert!(lines[4].starts_with("future.toml"), "{}", lines[4]);
    assert!(
        lines[4].contains("written by a newer soc2-ready (schema 9)"),
        "{}",
        lines[4]
    );
    let warning = String::from_utf8_lossy(&output.stderr);
    assert!(
        warning.contains("2 file(s)") && warning.contains("cannot be read"),
        "{warning}"
    );
}

#[test]
fn tsv_has_one_row_per_file_with_stable_columns() {
    let dir = portfolio();
    let text = stdout(&list(
        dir.path(),
        &["--format", "tsv", "--sort", "readiness"],
    ));
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|line| line.split('\t').collect())
        .collect();
    assert_eq!(
        rows[0][..5],
        ["file", "organization", "target", "answered", "questions"]
    );
    assert!(rows.iter().all(|row| row.len() == rows[0].len()), "{text}");
    let column = |name: &str| rows[0].iter().position(|header| *header == name).unwrap();
    // The most ready first: Globex (45 % compliance) before Acme (1 %).
    assert_eq!(rows[1][column("organization")], "Globex");
    assert_eq!(rows[1][column("compliance_percent")], "45");
    assert_eq!(rows[2][column("compliance_verdict")], "not_assessed");
    assert_eq!(rows[2][column("last_change")], "2026-11-24");
    assert_eq!(rows[2][column("ready_threshold")], "0.85");
    // The earliest realistic report date (time::timeline) for readable files only.
    assert!(
        rows[1][column("earliest_report")].starts_with("20"),
        "{rows:?}"
    );
    assert_eq!(rows[3][column("earliest_report")], "");
    for row in &rows[3..] {
        assert_eq!(row[column("organization")], "");
        assert!(!row[column("error")].is_empty(), "{row:?}");
    }
}

#[test]
fn json_carries_every_stage_and_the_error_of_unreadable_files() {
    let dir = portfolio();
    let output = list(dir.path(), &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), 4);
    let globex = items
        .iter()
        .find(|item| item["organization"] == "Globex")
        .unwrap();
    assert_eq!(globex["stages"].as_array().unwrap().len(), 3);
    assert_eq!(globex["stages"][1]["stage"], "attestation");
    assert_eq!(globex["policy"]["ready_from"], "built_in");
    let future = items
        .iter()
        .find(|item| item["file"] == "future.toml")
        .unwrap();
    assert!(
        future["error"]
            .as_str()
            .unwrap()
            .contains("newer soc2-ready")
    );
    assert!(future.get("organization").is_none());
}

#[test]
fn config_thresholds_change_the_verdicts_listed() {
    let dir = portfolio();
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env("SOC2_READY_CONFIG", fixture("config/full.toml"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["list", "--format", "tsv", "--sort", "name"])
        .output()
        .unwrap();
    let text = stdout(&output);
    let acme: Vec<&str> = text.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(acme[1], "Acme Inc");
    assert_eq!(
        acme[6], "not_assessed",
        "4 answers are too few under any bar: {acme:?}"
    );
    assert_eq!(acme[13], "0.9");
    let globex: Vec<&str> = text
        .lines()
        .find(|line| line.contains("\tGlobex\t"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!(
        globex[6], "getting_there",
        "45 % passes a 1 % bar: {globex:?}"
    );
}

#[test]
fn an_empty_data_directory_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let output = list(dir.path(), &[]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("No assessments in"));
    let json = stdout(&list(dir.path(), &["--format", "json"]));
    assert_eq!(json.trim(), "[]");
}

#[test]
fn text_says_which_thresholds_decided_the_verdicts() {
    let dir = portfolio();
    let text = stdout(&list(dir.path(), &[]));
    assert!(
        text.ends_with("\nVerdicts: Ready from 85 %, Getting there from 50 % (built-in default)\n"),
        "{text}"
    );
    let acme = fs::read_to_string(dir.path().join("acme.toml")).unwrap();
    let (head, answers) = acme.split_once("\n[answers").unwrap();
    let agreed = format!(
        "{}\n[thresholds]\nready = 0.95\ngetting_there = 0.6\n\n[answers{answers}",
        head.replace("Acme Inc", "Initech")
    );
    fs::write(dir.path().join("initech.toml"), agreed).unwrap();
    let text = stdout(&list(dir.path(), &["--sort", "name"]));
    assert!(
        text.contains("Verdicts of Initech: Ready from 95 %, Getting there from 60 % (agreed in this assessment)"),
        "{text}"
    );
    assert!(
        text.contains("Verdicts of Acme Inc, Globex: Ready from 85 %"),
        "{text}"
    );
}

#[test]
fn the_last_change_is_shown_in_the_one_clocks_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let acme = fs::read_to_string(fixture("assessments/cli-partial.toml"))
        .unwrap()
        .replacen(
            "\ncreated = ",
            "\nupdated = \"2026-11-20T09:30:00Z\"\ncreated = ",
            1,
        );
    fs::write(dir.path().join("acme.toml"), acme).unwrap();
    // SOURCE_DATE_EPOCH fixes the clock in UTC, whatever the machine's own zone says.
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env_remove("SOC2_READY_CONFIG")
        .env("SOURCE_DATE_EPOCH", "1795564800")
        .env("TZ", "Asia/Tokyo")
        .env("HOME", dir.path())
        .arg("--data-dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("the binary runs");
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("2026-11-20 09:30"), "{text}");
}
