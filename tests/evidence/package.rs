//! The auditor's package: byte-identical rebuilds, every member checked against
//! SHA256SUMS with the `zip` crate, the request list's statuses, `--index-only`, and
//! refusals that write nothing.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::support::{arg, code, run, stderr, stdout};
use super::{add, assessment, make_file};

/// An assessment with evidence on three controls (both quarters of the access review).
fn evidenced(dir: &Path) -> PathBuf {
    let path = assessment(dir);
    let q1 = make_file(dir, "in/q1.pdf", b"%PDF-1.4 first quarter");
    let q2 = make_file(dir, "in/Q1.PDF", b"%PDF-1.4 second quarter");
    let logs = make_file(dir, "in/alerts.csv", b"date,alert\n");
    let mfa = make_file(dir, "in/mfa.txt", b"mfa enforced for all");
    add(
        &path,
        "CC6.3.access-reviews",
        "Q1 review",
        "2026-01-01..2026-03-31",
        &[&q1],
    );
    add(
        &path,
        "CC6.3.access-reviews",
        "Q2 review",
        "2026-04-01..2026-06-30",
        &[&q2],
    );
    add(
        &path,
        "CC7.2.central-logging",
        "Alerts",
        "2026-01-01..2026-06-30",
        &[&logs],
    );
    add(&path, "CC6.1.mfa", "MFA", "2026-02-01..2026-02-01", &[&mfa]);
    path
}

fn package(path: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["package", arg(path)];
    args.extend(extra);
    run(&args)
}

/// Every member of the ZIP at `path`, by name, in the order stored.
fn members(path: &Path) -> (Vec<String>, BTreeMap<String, Vec<u8>>) {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut order = Vec::new();
    let mut bytes = BTreeMap::new();
    for index in 0..zip.len() {
        let mut member = zip.by_index(index).unwrap();
        let name = member.name().unwrap().into_owned();
        let mut content = Vec::new();
        member.read_to_end(&mut content).unwrap();
        order.push(name.clone());
        bytes.insert(name, content);
    }
    (order, bytes)
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_package_holds_every_file_under_its_criterion_and_every_hash_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let output = package(&path, &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let zip_path = dir
        .path()
        .join("acme-inc-soc2-evidence-package-2026-11-24.zip");
    assert_eq!(stdout(&output).lines().next().unwrap(), arg(&zip_path));
    let (order, bytes) = members(&zip_path);
    assert_eq!(
        order.last().unwrap(),
        "SHA256SUMS",
        "the checksums come last"
    );
    let mut sorted = order[..order.len() - 1].to_vec();
    sorted.sort();
    assert_eq!(sorted, order[..order.len() - 1], "members are sorted");
    for name in [
        "README.txt",
        "request-list.csv",
        "request-list.md",
        "acme-inc-soc2-gap-report-2026-11-24.pdf",
        "evidence/CC6.3/CC6.3.access-reviews/q1.pdf",
        "evidence/CC6.3/CC6.3.access-reviews/Q1-2.PDF",
        "evidence/CC7.2/CC7.2.central-logging/alerts.csv",
        "evidence/CC6.1/CC6.1.mfa/mfa.txt",
    ] {
        assert!(bytes.contains_key(name), "{name} missing from {order:?}");
    }
    assert_eq!(
        bytes["evidence/CC6.3/CC6.3.access-reviews/Q1-2.PDF"],
        b"%PDF-1.4 second quarter"
    );
    let sums = String::from_utf8(bytes["SHA256SUMS"].clone()).unwrap();
    assert_eq!(
        sums.lines().count(),
        bytes.len() - 1,
        "every other member is covered"
    );
    for line in sums.lines() {
        let (digest, name) = line.split_once("  ").unwrap();
        assert_eq!(digest, hex(&bytes[name]), "{name}");
    }
    let pdf = &bytes["acme-inc-soc2-gap-report-2026-11-24.pdf"];
    assert!(pdf.starts_with(b"%PDF-"), "the gap report is a PDF");
    let csv = String::from_utf8(bytes["request-list.csv"].clone()).unwrap();
    let status = |question: &str| {
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        reader
            .records()
            .map(Result::unwrap)
            .find(|record| &record[1] == question)
            .map(|record| record[4].to_string())
            .unwrap()
    };
    assert_eq!(
        status("CC6.3.access-reviews"),
        "provided",
        "both quarters of the window"
    );
    assert_eq!(status("CC6.1.mfa"), "provided");
    assert_eq!(status("CC6.2.access-approval"), "missing");
    let readme = String::from_utf8(bytes["README.txt"].clone()).unwrap();
    assert!(
        readme.contains("Observation window: 2026-01-01 to 2026-06-30"),
        "{readme}"
    );
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let first = dir.path().join("first.zip");
    let second = dir.path().join("second.zip");
    assert_eq!(code(&package(&path, &["--output", arg(&first)])), 0);
    assert_eq!(code(&package(&path, &["--output", arg(&second)])), 0);
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
    let again = package(&path, &["--output", arg(&first)]);
    assert_eq!(
        code(&again),
        0,
        "an earlier package is replaced: {}",
        stderr(&again)
    );
    assert_eq!(fs::read(&first).unwrap(), fs::read(&second).unwrap());
}

#[test]
fn index_only_leaves_the_files_out_but_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let zip_path = dir.path().join("index.zip");
    let output = package(&path, &["--index-only", "--output", arg(&zip_path)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let (order, bytes) = members(&zip_path);
    assert!(
        !order.iter().any(|name| name.starts_with("evidence/")),
        "{order:?}"
    );
    let list = String::from_utf8(bytes["request-list.md"].clone()).unwrap();
    assert!(
        list.contains("evidence/CC6.3/CC6.3.access-reviews/q1.pdf (SHA-256 "),
        "{list}"
    );
    assert!(String::from_utf8_lossy(&bytes["README.txt"]).contains("index-only"));
}

/// No ZIP and no temporary file is left in `dir` besides the inputs.
fn assert_no_package(dir: &Path) {
    let left: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("acme.") && name != "in")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_tampered_file_stops_the_package_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let kept = walkdir::WalkDir::new(dir.path().join("acme.evidence"))
        .into_iter()
        .map(Result::unwrap)
        .find(|entry| entry.file_name() == "mfa.txt")
        .unwrap()
        .into_path();
    fs::write(&kept, b"mfa enforced for most").unwrap();
    let output = package(&path, &[]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("mfa.txt"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("evidence verify"),
        "{}",
        stderr(&output)
    );
    assert_no_package(dir.path());
    fs::write(&kept, b"mfa enforced for ALL").unwrap();
    let output = package(&path, &[]);
    assert_eq!(code(&output), 2, "same size, other bytes");
    assert!(
        stderr(&output).contains("changed since it was recorded"),
        "{}",
        stderr(&output)
    );
    assert_no_package(dir.path());
}

#[test]
fn missing_files_are_all_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let locker = dir.path().join("acme.evidence");
    fs::remove_dir_all(locker.join("CC6.1.mfa")).unwrap();
    fs::remove_dir_all(locker.join("CC7.2.central-logging")).unwrap();
    let output = package(&path, &[]);
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(message.contains("2 evidence file(s)"), "{message}");
    assert!(
        message.contains("CC6.1.mfa") && message.contains("CC7.2.central-logging"),
        "{message}"
    );
    assert_no_package(dir.path());
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_evidence_folder_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let kept = dir.path().join("acme.evidence/CC6.1.mfa/mfa.txt");
    assert!(kept.exists(), "the locker keeps a folder per question");
    fs::remove_file(&kept).unwrap();
    std::os::unix::fs::symlink(dir.path().join("in/mfa.txt"), &kept).unwrap();
    let output = package(&path, &[]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("outside the evidence folder"),
        "{}",
        stderr(&output)
    );
    assert_no_package(dir.path());
}

#[test]
fn the_package_never_goes_over_the_assessment_or_into_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    let before = fs::read(&path).unwrap();
    let over = package(&path, &["--output", arg(&path)]);
    assert_eq!(code(&over), 2, "{}", stderr(&over));
    assert_eq!(fs::read(&path).unwrap(), before);
    let inside = dir.path().join("acme.evidence/p.zip");
    let output = package(&path, &["--output", arg(&inside)]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("inside the evidence folder"),
        "{}",
        stderr(&output)
    );
    assert!(!inside.exists());
}

#[test]
fn the_registers_go_into_the_package_as_populations_to_sample() {
    let dir = tempfile::tempdir().unwrap();
    let path = evidenced(dir.path());
    for args in [
        &[
            "vendor",
            "add",
            arg(&path),
            "--name",
            "Cloudy Hosting",
            "--criticality",
            "high",
            "--service",
            "hosting",
            "--report-type",
            "soc2-type2",
            "--report-period-end",
            "2026-09-30",
        ][..],
        &[
            "policy",
            "add",
            arg(&path),
            "--name",
            "Access control",
            "--owner",
            "CTO",
            "--version",
            "1.0",
            "--approved",
            "2026-01-10",
        ][..],
        &[
            "policy",
            "accept",
            arg(&path),
            "--policy",
            "Access control",
            "--person",
            "Ann",
            "--date",
            "2026-01-12",
        ][..],
    ] {
        let output = run(args);
        assert_eq!(code(&output), 0, "{:?}: {}", args, stderr(&output));
    }
    let output = package(&path, &[]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let zip = stdout(&output).lines().next().unwrap().trim().to_string();
    let (order, bytes) = members(Path::new(&zip));
    for name in [
        "registers/policies.csv",
        "registers/policy-acknowledgements.csv",
        "registers/vendors.csv",
    ] {
        assert!(
            order.iter().any(|member| member == name),
            "{name} in {order:?}"
        );
        let sums = String::from_utf8(bytes["SHA256SUMS"].clone()).unwrap();
        assert!(
            sums.contains(&format!("{}  {name}\n", hex(&bytes[name]))),
            "{name} is checked by SHA256SUMS"
        );
    }
    assert!(
        !order.iter().any(|member| member == "registers/risks.csv"),
        "no risks, no file"
    );
    let vendors = String::from_utf8_lossy(&bytes["registers/vendors.csv"]).into_owned();
    assert!(
        vendors.contains("Cloudy Hosting,high,hosting,SOC 2 Type 2"),
        "{vendors}"
    );
    let readme = String::from_utf8_lossy(&bytes["README.txt"]).into_owned();
    assert!(readme.contains("registers/vendors.csv"), "{readme}");
}
