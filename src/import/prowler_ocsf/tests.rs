use jiff::civil::date;

use super::*;
use crate::import::prowler;

const GOOD: &str = include_str!("../../../tests/fixtures/import/prowler-output.ocsf.json");
const CSV: &str = include_str!("../../../tests/fixtures/import/prowler-soc2_aws.csv");

#[test]
fn the_same_scan_reads_the_same_in_ocsf_as_in_the_compliance_csv() {
    let ocsf = read("scan.ocsf.json", GOOD).unwrap();
    let csv = prowler::read("scan.csv", CSV).unwrap();
    assert_eq!(ocsf.findings, csv.findings);
    assert_eq!(ocsf.dated, Some(date(2026, 11, 30)));
    assert_eq!(
        ocsf.rows, 11,
        "every finding of the file, filed under SOC 2 or not"
    );
    let mfa = ocsf
        .findings
        .iter()
        .find(|finding| finding.question == "CC6.1.mfa")
        .unwrap();
    assert!(
        mfa.sentence
            .starts_with("1 of 2 Prowler results fails (CC6.1, CC6.2): alice"),
        "{}",
        mfa.sentence
    );
    assert!(
        ocsf.notes
            .iter()
            .any(|note| note.starts_with("1 result is muted")),
        "{:?}",
        ocsf.notes
    );
    assert!(
        ocsf.notes
            .iter()
            .any(|note| note.contains("manual check") && note.contains("CC1.1")),
        "{:?}",
        ocsf.notes
    );
}

#[test]
fn older_files_list_requirements_as_text() {
    let text = r#"[{"status_code": "FAIL", "status_detail": "User carol has no MFA.",
        "metadata": {"event_code": "iam_user_mfa_enabled_console_access"},
        "resources": [{"name": "carol", "uid": "arn:aws:iam::1:user/carol"}],
        "compliance": {"requirements": ["CISA: ['your-data-2']", "SOC2: ['cc_6_1', 'cc_6_2']"]},
        "time": "2023-06-30 10:28:55.297615"}]"#;
    let findings = read("old.json", text).unwrap();
    assert_eq!(findings.dated, Some(date(2023, 6, 30)));
    assert_eq!(findings.findings.len(), 1);
    assert_eq!(
        findings.findings[0].failing,
        ["carol (iam_user_mfa_enabled_console_access)"]
    );
    assert!(findings.findings[0].sentence.contains("(CC6.1, CC6.2)"));
}

#[test]
fn bad_files_are_named_with_their_place() {
    let problem = |text: &str| read("scan.json", text).unwrap_err().to_string();
    let truncated = &GOOD[..GOOD.len() / 2];
    let cut = problem(truncated);
    assert!(
        cut.starts_with("scan.json:") && cut.contains("not readable as JSON"),
        "{cut}"
    );
    assert!(problem("{\"a\": 1}").contains("expected the JSON array of findings"));
    assert!(problem("[]").contains("holds no findings"));
    let no_status =
        r#"[{"metadata": {"event_code": "x"}, "unmapped": {"compliance": {"SOC2": ["cc_6_1"]}}}]"#;
    let missing = problem(no_status);
    assert!(
        missing.contains("item 1")
            && missing.contains("status_code")
            && missing.contains("missing"),
        "{missing}"
    );
    let odd = no_status.replace(r#""metadata""#, r#""status_code": "INFO", "metadata""#);
    assert!(problem(&odd).contains("\"INFO\" is not PASS, FAIL or MANUAL"));
    let other_framework = r#"[{"status_code": "PASS", "metadata": {"event_code": "x"}, "unmapped": {"compliance": {"CIS-2.0": ["1.1"]}}}]"#;
    assert!(
        problem(other_framework)
            .contains("none of the 1 findings is filed under a SOC 2 requirement")
    );
    let bad_id = no_status
        .replace(r#""metadata""#, r#""status_code": "PASS", "metadata""#)
        .replace("cc_6_1", "cc_six");
    assert!(problem(&bad_id).contains("\"cc_six\" is not a SOC 2 requirement id"));
}
