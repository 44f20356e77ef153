//! The benchmark's exports read correctly at full size: a 50,000-row Prowler CSV and a
//! 10,000-user credential report give the findings their generator implies.

#[path = "../benches/support/import_exports.rs"]
mod import_exports;

use jiff::civil::date;
use soc2_ready::import::Source;

#[test]
fn a_50000_row_prowler_csv_counts_each_result_once() {
    let text = import_exports::prowler_csv(50_000);
    let findings = Source::Prowler
        .read("soc2_aws.csv", text.as_bytes(), date(2026, 12, 1))
        .expect("valid");
    assert_eq!(findings.rows, 50_000);
    let mfa = findings
        .findings
        .iter()
        .find(|finding| finding.question == "CC6.1.mfa")
        .expect("mfa");
    // Rows 0, 8, 16, … are MFA checks; those divisible by 50 are muted, by 7 fail.
    let rows: Vec<usize> = (0..50_000).step_by(8).filter(|row| row % 50 != 0).collect();
    assert_eq!(mfa.checked, rows.len());
    assert_eq!(
        mfa.failing.len(),
        rows.iter().filter(|row| *row % 7 == 0).count()
    );
    assert!(findings.notes.iter().any(|note| note.contains("muted")));
}

#[test]
fn a_10000_user_credential_report_names_the_users_without_mfa() {
    let text = import_exports::credential_report(10_000);
    let findings = Source::AwsCredentialReport
        .read("report.csv", text.as_bytes(), date(2026, 12, 1))
        .expect("valid");
    assert_eq!(findings.rows, 10_001);
    let mfa = &findings.findings[0];
    assert_eq!(mfa.question, "CC6.1.mfa");
    let console: Vec<usize> = (0..10_000).filter(|user| user % 4 != 0).collect();
    assert_eq!(mfa.checked, console.len() + 1, "and the root account");
    assert_eq!(
        mfa.failing.len(),
        console.iter().filter(|user| *user % 9 == 0).count()
    );
}
