//! `SOC2_READY_TODAY` fixes today everywhere; a bad value is bad input (exit 2).

use std::fs;

use super::support::{arg, bin, code, run_on, stderr};

#[test]
fn new_assessments_are_created_on_the_fixed_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    let output = run_on(
        "2028-02-29",
        &["new", "--org", "Acme", "--output", arg(&path)],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("created = \"2028-02-29\""), "{text}");
}

#[test]
fn the_report_is_dated_and_named_by_the_fixed_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    assert_eq!(
        code(&run_on(
            "2027-01-05",
            &["new", "--org", "Acme", "--output", arg(&path)]
        )),
        0
    );
    let output = bin()
        .env("SOC2_READY_TODAY", "2027-03-01")
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .args(["report", arg(&path), "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        dir.path()
            .join("acme-soc2-gap-report-2027-03-01.md")
            .exists()
    );
}

#[test]
fn a_bad_date_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    for bad in ["31/12/2026", "2026-02-30", "soon"] {
        let output = run_on(bad, &["new", "--org", "Acme", "--output", arg(&path)]);
        assert_eq!(code(&output), 2);
        assert!(
            stderr(&output).contains(&format!(
                "SOC2_READY_TODAY must be a date such as 2026-11-24 (YYYY-MM-DD), found \"{bad}\""
            )),
            "{}",
            stderr(&output)
        );
        assert!(!path.exists());
    }
}
