use super::*;
use crate::import::Finding;

const GOOD: &str = include_str!("../../../tests/fixtures/import/prowler-soc2_aws.csv");

fn finding<'a>(findings: &'a Findings, question: &str) -> &'a Finding {
    findings
        .findings
        .iter()
        .find(|finding| finding.question == question)
        .unwrap_or_else(|| panic!("no finding on {question}: {:?}", findings.findings))
}

#[test]
fn results_become_one_finding_per_question() {
    let findings = read("soc2_aws.csv", GOOD).unwrap();
    assert_eq!(findings.rows, 11);
    assert_eq!(findings.dated, Some(jiff::civil::date(2026, 11, 30)));
    let mfa = finding(&findings, "CC6.1.mfa");
    assert_eq!(
        mfa.checked, 2,
        "alice filed under cc_6_1 and cc_6_2 counts once"
    );
    assert_eq!(
        mfa.sentence,
        "1 of 2 Prowler results fails (CC6.1, CC6.2): alice (iam_user_mfa_enabled_console_access)"
    );
    assert!(mfa.fix.contains("MFA disabled"), "{}", mfa.fix);
    let encryption = finding(&findings, "CC6.1.encryption-at-rest");
    assert_eq!((encryption.checked, encryption.failing.len()), (3, 1));
    assert_eq!(
        finding(&findings, "CC7.2.cloud-audit-logs").sentence,
        "the 1 Prowler result passes (CC7.2)"
    );
    assert!(finding(&findings, "CC7.2.cloud-audit-logs").passes());
}

#[test]
fn muted_manual_and_unmapped_results_are_counted_apart() {
    let findings = read("soc2_aws.csv", GOOD).unwrap();
    let firewall = finding(&findings, "CC6.6.firewall-rules");
    assert!(
        firewall.passes(),
        "the muted failure is not counted: {firewall:?}"
    );
    assert_eq!(
        findings.notes,
        [
            "1 result is muted in Prowler, counted neither as passing nor failing",
            "1 requirement needs a manual check Prowler cannot make: CC1.1",
            "1 check bears on no question of the questionnaire and was not counted: organizations_account_part_of_organizations (CC7.2)",
        ]
    );
}

#[test]
fn requirement_ids_become_criteria() {
    assert_eq!(criterion("cc_6_1").as_deref(), Some("CC6.1"));
    assert_eq!(criterion("a_1_2").as_deref(), Some("A1.2"));
    assert_eq!(criterion("pi_1_3").as_deref(), Some("PI1.3"));
    assert_eq!(criterion("CC6.1").as_deref(), Some("CC6.1"));
    for bad in ["1.10", "cc_6", "xx_1_1", "cc_a_1", ""] {
        assert_eq!(criterion(bad), None, "{bad}");
    }
}

#[test]
fn assessment_dates_in_every_written_form() {
    let day = Some(jiff::civil::date(2026, 11, 30));
    assert_eq!(day_of("2026-11-30 09:14:03.512204"), day);
    assert_eq!(day_of("2026-11-30T09:14:03+00:00"), day);
    assert_eq!(day_of("1796029200"), Some(jiff::civil::date(2026, 11, 30)));
    assert_eq!(day_of("yesterday"), None);
}

#[test]
fn another_framework_is_named_at_its_first_row() {
    let cis = GOOD.replacen(";cc_6_1;", ";1.10;", 1);
    let problem = read("cis_2.0_aws.csv", &cis).unwrap_err();
    assert_eq!(
        (problem.line, problem.field.as_deref()),
        (Some(2), Some("REQUIREMENTS_ID"))
    );
    assert!(problem.message.contains("another framework"), "{problem}");
}

#[test]
fn the_wrong_source_and_broken_rows_are_refused_with_their_place() {
    let credential = "user,arn,mfa_active\r\n<root_account>,arn:aws:iam::1:root,true\r\n";
    let problem = read("report.csv", credential).unwrap_err();
    assert!(
        problem
            .message
            .starts_with("missing columns REQUIREMENTS_ID, STATUS, CHECKID"),
        "{problem}"
    );
    let unknown = GOOD.replacen(";FAIL;", ";MAYBE;", 1);
    let problem = read("soc2_aws.csv", &unknown).unwrap_err();
    assert_eq!(
        (problem.line, problem.field.as_deref()),
        (Some(2), Some("STATUS"))
    );
    let bad_date = GOOD.replacen("2026-11-30 09:14:03.512204", "last tuesday", 1);
    assert_eq!(
        read("soc2_aws.csv", &bad_date)
            .unwrap_err()
            .field
            .as_deref(),
        Some("ASSESSMENTDATE")
    );
    let cut = &GOOD[..GOOD.find("\r\n").unwrap() + 200];
    let problem = read("soc2_aws.csv", cut).unwrap_err();
    assert_eq!(problem.line, Some(2));
    assert!(problem.message.starts_with("truncated row"), "{problem}");
    let header_only = &GOOD[..GOOD.find("\r\n").unwrap() + 2];
    assert!(
        read("soc2_aws.csv", header_only)
            .unwrap_err()
            .message
            .contains("no data rows")
    );
}
