//! Evidence files: recorded with size and SHA-256, copied in without touching the
//! original, listed as JSON, and re-checked by `evidence verify`.

use std::fs;

use sha2::{Digest, Sha256};

use super::support::{arg, code, run, stderr, stdout};
use super::{add, assessment, make_file};

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[test]
fn files_added_to_three_controls_are_listed_with_their_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let path = assessment(dir.path());
    let q1 = make_file(
        dir.path(),
        "exports/q1-review.pdf",
        b"Q1 access review, signed",
    );
    let logs = make_file(
        dir.path(),
        "exports/siem/alerts.csv",
        b"date,alert\n2026-02-01,x\n",
    );
    make_file(dir.path(), "exports/siem/triage.txt", b"triaged");
    let mfa = make_file(
        dir.path(),
        "exports/mfa.png",
        &[0x89, b'P', b'N', b'G', 0, 1, 2],
    );
    add(
        &path,
        "CC6.3.access-reviews",
        "Q1 review",
        "2026-01-01..2026-03-31",
        &[&q1],
    );
    add(
        &path,
        "CC7.2.central-logging",
        "SIEM",
        "2026-02-01..2026-02-28",
        &[logs.parent().unwrap()],
    );
    add(
        &path,
        "CC6.1.mfa",
        "MFA policy",
        "2026-03-01..2026-03-01",
        &[&mfa],
    );
    assert_eq!(
        fs::read(&q1).unwrap(),
        b"Q1 access review, signed",
        "the original is untouched"
    );

    let listed = stdout(&run(&["evidence", "list", arg(&path), "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let files: Vec<&serde_json::Value> = entries
        .iter()
        .flat_map(|entry| entry["files"].as_array().unwrap())
        .collect();
    assert_eq!(files.len(), 4, "the folder added both of its files");
    let review = entries
        .iter()
        .find(|entry| entry["question"] == "CC6.3.access-reviews")
        .unwrap();
    assert_eq!(review["covers"]["from"], "2026-01-01");
    assert_eq!(review["files"][0]["size"], 24);
    assert_eq!(
        review["files"][0]["sha256"],
        sha256_hex(b"Q1 access review, signed")
    );
    let kept = dir
        .path()
        .join("acme.evidence")
        .join(review["files"][0]["path"].as_str().unwrap());
    assert_eq!(
        fs::read(kept).unwrap(),
        b"Q1 access review, signed",
        "a copy is kept"
    );
    let verified = run(&["evidence", "verify", arg(&path)]);
    assert_eq!(code(&verified), 0, "{}", stderr(&verified));
    assert!(
        stdout(&verified).contains("4 of 4 files intact"),
        "{}",
        stdout(&verified)
    );
}

#[test]
fn verify_names_a_tampered_and_a_missing_file_with_the_question_they_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = assessment(dir.path());
    let q1 = make_file(dir.path(), "q1.pdf", b"first quarter");
    let q2 = make_file(dir.path(), "q2.pdf", b"second quarter");
    let mfa = make_file(dir.path(), "mfa.txt", b"mfa on");
    add(
        &path,
        "CC6.3.access-reviews",
        "Q1",
        "2026-01-01..2026-03-31",
        &[&q1],
    );
    add(
        &path,
        "CC6.3.access-reviews",
        "Q2",
        "2026-04-01..2026-06-30",
        &[&q2],
    );
    add(&path, "CC6.1.mfa", "MFA", "2026-03-01..2026-03-01", &[&mfa]);
    let locker = dir.path().join("acme.evidence");
    let kept = |name: &str| {
        walkdir::WalkDir::new(&locker)
            .into_iter()
            .map(Result::unwrap)
            .find(|entry| entry.file_name() == name)
            .unwrap()
            .into_path()
    };
    fs::write(kept("q2.pdf"), b"second quarter, edited").unwrap();
    fs::remove_file(kept("mfa.txt")).unwrap();
    let output = run(&["evidence", "verify", arg(&path)]);
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    let line = |needle: &str| {
        out.lines()
            .find(|line| line.contains(needle))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("q2.pdf").contains("CC6.3.access-reviews"), "{out}");
    assert!(line("mfa.txt").contains("CC6.1.mfa"), "{out}");
    assert!(
        !out.contains("q1.pdf"),
        "an intact file is only counted:\n{out}"
    );
    assert!(out.contains("1 of 3 files intact"), "{out}");
    assert!(
        stderr(&output).contains("2 evidence files do not match"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_named_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let path = assessment(dir.path());
    let before = fs::read(&path).unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let output = run(&[
        "evidence",
        "add",
        arg(&path),
        "CC6.1.mfa",
        "--title",
        "t",
        "--file",
        arg(&fifo),
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("pipe"), "{}", stderr(&output));
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the assessment is untouched"
    );
}

#[test]
fn the_config_can_put_the_evidence_folder_elsewhere_and_every_command_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = assessment(dir.path());
    let config = dir.path().join("config.toml");
    fs::write(
        &config,
        "[defaults]\nevidence_folder = \"vault/{name}-files\"\n",
    )
    .unwrap();
    let file = make_file(dir.path(), "q1.pdf", b"first quarter");
    let with_config = |args: &[&str]| {
        let mut all = vec!["--config", arg(&config)];
        all.extend(args);
        run(&all)
    };
    let added = with_config(&[
        "evidence",
        "add",
        arg(&path),
        "CC6.3.access-reviews",
        "--title",
        "Q1",
        "--file",
        arg(&file),
    ]);
    assert_eq!(code(&added), 0, "{}", stderr(&added));
    let vault = dir.path().join("vault/acme-files");
    assert!(vault.join("CC6.3.access-reviews/q1.pdf").is_file());
    assert!(!dir.path().join("acme.evidence").exists());
    let listed = stdout(&with_config(&[
        "evidence",
        "list",
        arg(&path),
        "--format",
        "json",
    ]));
    assert!(listed.contains("vault/acme-files"), "{listed}");
    assert_eq!(code(&with_config(&["evidence", "verify", arg(&path)])), 0);
    let zip = dir.path().join("p.zip");
    let packaged = with_config(&["package", arg(&path), "--output", arg(&zip)]);
    assert_eq!(code(&packaged), 0, "{}", stderr(&packaged));
    let without = run(&["evidence", "verify", arg(&path)]);
    assert_eq!(
        code(&without),
        1,
        "without the config the files are not where it looks"
    );
    let shown = stdout(&with_config(&["config"]));
    assert!(shown.contains("vault/{name}-files"), "{shown}");
}
