//! `soc2-ready import` of the identity and code-hosting sources on the real binary:
//! GitHub branch protection, the Google Workspace user download and Okta's user list,
//! each into the sample assessment with its evidence, findings, proposals and `--apply`,
//! and each refusing the other's files.

use std::fs;

mod import;

use import::{Sample, fixture, text};

fn path(name: &str) -> String {
    fixture(&format!("import/{name}")).display().to_string()
}

#[test]
fn github_branch_protection_lowers_change_approval_and_branch_protection() {
    let sample = Sample::new();
    let output = sample.import(&[
        "github-branch-protection",
        &path("github-branch-protection.json"),
        "--apply",
    ]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("GitHub branch protection, taken 2026-12-01, 3 rows"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "acme/web (main) (admins exempt, no required status checks, force pushes allowed)"
        ),
        "{stdout}"
    );
    assert_eq!(sample.answer("CC8.1.change-approval"), "planned");
    assert_eq!(sample.answer("CC8.1.branch-protection"), "planned");
    let entries = sample.imported("GitHub branch protection");
    let questions: Vec<&str> = entries
        .iter()
        .filter_map(|entry| entry["question"].as_str())
        .collect();
    assert_eq!(
        questions,
        ["CC8.1.branch-protection", "CC8.1.change-approval"]
    );
}

#[test]
fn google_workspace_users_with_bom_and_crlf_bear_on_mfa_and_offboarding() {
    let sample = Sample::new();
    let output = sample.import(&[
        "google-workspace-users",
        &path("google-workspace-users.csv"),
        "--taken",
        "2026-11-30",
    ]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("note: 1 Google Workspace user is left out"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "carol@northwind.example (not enforced), dan@northwind.example (not enrolled)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("CC6.3.offboarding\n  1 of 4 active Google Workspace users has not signed in for 90 days"), "{stdout}");
    let entries = sample.imported("Google Workspace user download");
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|entry| entry["collected"] == "2026-11-30"),
        "--taken is the evidence date"
    );
}

#[test]
fn okta_users_with_factors_propose_and_apply() {
    let sample = Sample::new();
    let output = sample.import(&["okta-users", &path("okta-users.json"), "--apply"]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("kim@northwind.example (not enrolled)"),
        "{stdout}"
    );
    assert!(stdout.contains("Set 2 answers."), "{stdout}");
    assert_eq!(sample.answer("CC6.1.mfa"), "planned");
    assert_eq!(sample.answer("CC6.3.offboarding"), "planned");
}

#[test]
fn each_source_refuses_the_others_files() {
    let sample = Sample::new();
    let before = fs::read(&sample.path).unwrap();
    for (source, file, expected) in [
        (
            "okta-users",
            "google-workspace-users.csv",
            "not readable as JSON",
        ),
        (
            "github-branch-protection",
            "okta-users.json",
            "neither branch protection nor a ruleset",
        ),
        (
            "google-workspace-users",
            "aws-credential-report.csv",
            "this does not look like a Google Workspace user download",
        ),
        (
            "okta-users",
            "github-branch-protection.json",
            "field `profile.login`",
        ),
    ] {
        let output = sample.import(&[source, &path(file)]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{source} {file}: {stderr}");
        assert!(stderr.contains(expected), "{source} {file}: {stderr}");
        assert!(stderr.contains(file), "the file is named: {stderr}");
    }
    assert_eq!(fs::read(&sample.path).unwrap(), before);
}

#[test]
fn a_csv_mapping_from_the_config_reads_any_export() {
    let sample = Sample::new();
    let config = path("config.toml");
    let output = sample.import(&[
        "csv",
        &path("mdm-laptops.csv"),
        "--mapping",
        "laptops",
        "--config",
        &config,
        "--apply",
    ]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        stdout.contains("MDM laptop export, taken 2026-12-01, 3 rows"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 of 3 rows fails FileVault: mac-ben (FileVault \"Off\")"),
        "{stdout}"
    );
    assert_eq!(sample.answer("CC6.7.device-encryption"), "planned");
    assert_eq!(sample.imported("MDM laptop export").len(), 1);
    for (args, expected) in [
        (
            vec!["csv", "--mapping", "phones"],
            "no [[import.csv]] mapping named \"phones\" (it has laptops)",
        ),
        (vec!["csv"], "import csv needs --mapping NAME"),
        (
            vec!["prowler", "--mapping", "laptops"],
            "--mapping is for `import csv`",
        ),
    ] {
        let file = path("mdm-laptops.csv");
        let mut all = vec![args[0], file.as_str(), "--config", config.as_str()];
        all.extend(&args[1..]);
        let output = sample.import(&all);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).contains(expected),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
}
