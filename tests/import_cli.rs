//! `soc2-ready import` end to end on the real binary: each source into the sample
//! assessment, the evidence it records (hashed and kept like `evidence add --file`, dated
//! with the export's date), the proposed answers and `--apply`, re-imports that add
//! nothing, and bad files refused with their place (exit 2) while the assessment stays
//! byte for byte what it was.

use std::fs;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

mod import;

use import::{Sample, fixture, text};

const PROWLER: &str = "import/prowler-soc2_aws.csv";
const CREDENTIALS: &str = "import/aws-credential-report.csv";

fn prowler() -> String {
    fixture(PROWLER).display().to_string()
}

#[test]
fn prowler_records_hashed_dated_evidence_and_proposes_without_setting() {
    let sample = Sample::new();
    let before = sample.answer("CC6.1.mfa");
    let output = sample.import(&["prowler", &prowler()]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("Prowler SOC 2 compliance scan, dated 2026-11-30, 11 rows"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Evidence recorded on 4 questions"),
        "{stdout}"
    );
    assert!(
        stdout.contains("CC6.1.mfa\n  1 of 2 Prowler results fails (CC6.1, CC6.2): alice (iam_user_mfa_enabled_console_access)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("- answer: Evidenced\n+ answer: Planned"),
        "{stdout}"
    );
    assert!(stdout.contains("run again with --apply"), "{stdout}");
    assert_eq!(
        sample.answer("CC6.1.mfa"),
        before,
        "nothing set without --apply"
    );
    let entries = sample.imported("Prowler SOC 2 compliance scan");
    assert_eq!(entries.len(), 4);
    let sha = soc2_ready::assessment::locker::hash_bytes(&fs::read(fixture(PROWLER)).unwrap());
    for entry in &entries {
        assert_eq!(
            entry["collected"], "2026-11-30",
            "the export's date, not today's"
        );
        assert_eq!(entry["files"][0]["sha256"], sha.as_str());
    }
    let kept = sample
        .path
        .with_file_name("northwind.evidence")
        .join(entries[0]["files"][0]["path"].as_str().unwrap());
    assert_eq!(
        fs::read(kept).unwrap(),
        fs::read(fixture(PROWLER)).unwrap(),
        "a copy of the file is kept"
    );
}

#[test]
fn apply_sets_the_proposals_and_a_reimport_adds_no_evidence() {
    let sample = Sample::new();
    assert!(sample.import(&["prowler", &prowler()]).status.success());
    let output = sample.import(&["prowler", &prowler(), "--apply"]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("Already imported on 2026-11-30 (same SHA-256); no evidence added."),
        "{stdout}"
    );
    assert!(stdout.contains("Set 2 answers."), "{stdout}");
    assert_eq!(
        sample.answer("CC6.1.mfa"),
        "planned",
        "lowered to what the export shows"
    );
    assert_eq!(sample.answer("CC6.1.encryption-at-rest"), "planned");
    assert_eq!(
        sample.answer("CC7.2.cloud-audit-logs"),
        "operating",
        "a pass never lowers"
    );
    assert_eq!(
        sample.imported("Prowler").len(),
        4,
        "no second entry for the same file"
    );
    let again = sample.import(&["prowler", &prowler()]);
    assert!(
        text(&again.stdout).contains("No answer to change."),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn a_newer_export_adds_a_new_dated_entry() {
    let sample = Sample::new();
    assert!(sample.import(&["prowler", &prowler()]).status.success());
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("soc2_aws.csv");
    let text_of = fs::read_to_string(fixture(PROWLER)).unwrap();
    fs::write(
        &newer,
        text_of.replace("2026-11-30 09:14:03", "2026-12-01 06:00:00"),
    )
    .unwrap();
    let output = sample.import(&["prowler", &newer.display().to_string()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut dates: Vec<String> = sample
        .imported("Prowler")
        .iter()
        .filter(|entry| entry["question"] == "CC6.1.mfa")
        .map(|entry| entry["collected"].as_str().unwrap().to_string())
        .collect();
    dates.sort();
    assert_eq!(dates, ["2026-11-30", "2026-12-01"]);
}

#[test]
fn the_credential_report_names_users_and_counts_ages_from_the_day_taken() {
    let sample = Sample::new();
    let report = fixture(CREDENTIALS).display().to_string();
    let output = sample.import(&[
        "aws-credential-report",
        &report,
        "--taken",
        "2026-12-01",
        "--apply",
    ]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("AWS IAM credential report, taken 2026-12-01, 7 rows"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 of 5 IAM users with a console password have no MFA: alice, bob"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the root account signed in on 2026-11-20"),
        "{stdout}"
    );
    assert_eq!(sample.answer("CC6.1.mfa"), "planned");
    assert_eq!(
        sample.answer("CC6.3.privileged-access"),
        "not_in_place",
        "the one root account fails"
    );
    let entries = sample.imported("AWS IAM credential report");
    assert_eq!(entries.len(), 4);
    assert!(
        entries
            .iter()
            .all(|entry| entry["collected"] == "2026-12-01")
    );
}

#[test]
fn utf16_from_excel_with_tabs_imports_like_the_original() {
    let sample = Sample::new();
    let dir = tempfile::tempdir().unwrap();
    let excel = dir.path().join("report.txt");
    let original = fs::read_to_string(fixture(CREDENTIALS))
        .unwrap()
        .replace(',', "\t")
        .replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(original.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&excel, bytes).unwrap();
    let output = sample.import(&["aws-credential-report", &excel.display().to_string()]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("have no MFA: alice, bob"));
}

/// Runs an import of `bytes` as `source` and checks it is refused with `expected` in the
/// message, exit 2, the assessment unchanged and no evidence folder made.
fn refused(source: &str, bytes: &[u8], expected: &str) {
    let sample = Sample::new();
    let before = fs::read(&sample.path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    fs::write(&file, bytes).unwrap();
    let output = sample.import(&[source, &file.display().to_string(), "--apply"]);
    let stderr = text(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{source} {expected}: {stderr}"
    );
    assert!(
        stderr.contains(expected),
        "expected {expected:?} in {stderr}"
    );
    assert!(stderr.contains("nothing was recorded"), "{stderr}");
    assert_eq!(
        fs::read(&sample.path).unwrap(),
        before,
        "the assessment is untouched"
    );
    assert!(!sample.path.with_file_name("northwind.evidence").exists());
}

#[test]
fn bad_files_are_refused_with_their_place_and_nothing_recorded() {
    let prowler = fs::read_to_string(fixture(PROWLER)).unwrap();
    let credentials = fs::read(fixture(CREDENTIALS)).unwrap();
    refused(
        "prowler",
        &credentials,
        "export.csv:1:1: missing columns REQUIREMENTS_ID, STATUS, CHECKID",
    );
    refused(
        "aws-credential-report",
        prowler.as_bytes(),
        "this does not look like an AWS IAM credential report",
    );
    let cut = &prowler[..prowler.find("\r\n").unwrap() + 120];
    refused("prowler", cut.as_bytes(), "export.csv:2:");
    refused(
        "prowler",
        prowler.replacen(";FAIL;", ";BROKEN;", 1).as_bytes(),
        "field `STATUS`: \"BROKEN\" is not PASS, FAIL or MANUAL",
    );
    refused("prowler", b"", "the file is empty");
    refused("prowler", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file");
    refused(
        "prowler",
        b"STATUS;CHECKID\n\xe9t\xe9\n",
        "export.csv:2:1: the text is not UTF-8",
    );
    refused(
        "prowler",
        prowler.replacen("cc_6_1", "1.10", 1).as_bytes(),
        "another framework",
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let sample = Sample::new();
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.csv");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(300 << 20).unwrap();
    let output = sample.import(&["prowler", &huge.display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("300.0 MB; exports over 256.0 MB are not read"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_missing_file_or_a_folder_is_named() {
    let sample = Sample::new();
    let output = sample.import(&["prowler", "/nonexistent/soc2_aws.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("/nonexistent/soc2_aws.csv"));
    let dir = tempfile::tempdir().unwrap();
    let output = sample.import(&["prowler", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("not a regular file"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn findings_appear_in_score_and_on_the_report_cards() {
    let sample = Sample::new();
    assert!(
        sample
            .import(&["prowler", &prowler(), "--apply"])
            .status
            .success()
    );
    let run = |args: &[&str]| {
        Command::cargo_bin("soc2-ready")
            .unwrap()
            .env("SOC2_READY_TODAY", "2026-12-01")
            .args(args)
            .output()
            .unwrap()
    };
    let path = sample.path.display().to_string();
    let score = run(&["score", &path]);
    let stdout = text(&score.stdout);
    assert!(
        stdout.contains("      Imported 2026-11-30: Prowler SOC 2 compliance scan: 1 of 2 Prowler results fails (CC6.1, CC6.2): alice"),
        "{stdout}"
    );
    let markdown = sample.path.with_extension("md");
    let report = run(&[
        "report",
        &path,
        "--format",
        "md",
        "--output",
        &markdown.display().to_string(),
    ]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    let card = fs::read_to_string(&markdown).unwrap();
    assert!(
        card.contains("Imported 2026-11-30: Prowler SOC 2 compliance scan: 1 of 3 Prowler results fails (CC6.1): acme-logs"),
        "the encryption card carries the finding"
    );
}

#[test]
fn prowler_json_ocsf_is_read_by_its_content_and_recorded_like_the_csv() {
    let sample = Sample::new();
    let ocsf = fixture("import/prowler-output.ocsf.json")
        .display()
        .to_string();
    let output = sample.import(&["prowler", &ocsf]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("Prowler SOC 2 compliance scan, dated 2026-11-30, 11 rows"),
        "{stdout}"
    );
    assert!(
        stdout.contains("CC6.1.mfa\n  1 of 2 Prowler results fails (CC6.1, CC6.2): alice (iam_user_mfa_enabled_console_access)"),
        "{stdout}"
    );
    assert!(stdout.contains("note: 1 result is muted"), "{stdout}");
    let entries = sample.imported("Prowler SOC 2 compliance scan");
    assert_eq!(
        entries.len(),
        4,
        "the same questions as the CSV of the scan"
    );
    assert!(
        entries
            .iter()
            .all(|entry| entry["collected"] == "2026-11-30"),
        "the findings' own date"
    );
    let again = sample.import(&["prowler", &ocsf]);
    assert!(
        text(&again.stdout).contains("Already imported on 2026-11-30"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(sample.imported("Prowler SOC 2 compliance scan").len(), 4);
}
