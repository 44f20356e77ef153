use jiff::civil::date;

use super::*;

const GOOD: &str = include_str!("../../../tests/fixtures/import/aws-credential-report.csv");

fn read_good() -> Findings {
    read("report.csv", GOOD, date(2026, 12, 1)).unwrap()
}

fn sentence(findings: &Findings, question: &str) -> String {
    findings
        .findings
        .iter()
        .find(|finding| finding.question == question)
        .map(|finding| finding.sentence.clone())
        .unwrap_or_else(|| panic!("no finding on {question}"))
}

#[test]
fn console_users_without_mfa_are_named_and_others_need_none() {
    let findings = read_good();
    assert_eq!(findings.rows, 7);
    assert_eq!(
        findings.dated, None,
        "the report carries no date of its own"
    );
    assert_eq!(
        sentence(&findings, "CC6.1.mfa"),
        "2 of 5 IAM users with a console password have no MFA: alice, bob"
    );
}

#[test]
fn root_use_stale_and_unrotated_credentials_are_found() {
    let findings = read_good();
    assert_eq!(
        sentence(&findings, "CC6.3.privileged-access"),
        "the root account signed in on 2026-11-20"
    );
    assert_eq!(
        sentence(&findings, "CC6.1.secrets-management"),
        "2 of 3 active access keys are older than 90 days: ci-deploy (access key 1 last rotated 2025-12-01), old-service (access key 1 last rotated 2026-01-10)"
    );
    assert_eq!(
        sentence(&findings, "CC6.3.access-reviews"),
        "2 of 6 IAM users hold credentials unused for 90 days: carol (password unused since 2026-06-01), old-service (access key 1 never used)"
    );
    let questions: Vec<&str> = findings
        .findings
        .iter()
        .map(|f| f.question.as_str())
        .collect();
    assert_eq!(
        questions,
        [
            "CC6.1.mfa",
            "CC6.1.secrets-management",
            "CC6.3.access-reviews",
            "CC6.3.privileged-access"
        ]
    );
}

#[test]
fn ages_count_from_the_day_given() {
    let findings = read("report.csv", GOOD, date(2026, 12, 25)).unwrap();
    assert_eq!(
        sentence(&findings, "CC6.3.privileged-access"),
        "the root account signed in on 2026-11-20",
        "35 days later the sign-in is still within 90 days"
    );
    let early = read("report.csv", GOOD, date(2026, 2, 1)).unwrap();
    assert!(sentence(&early, "CC6.1.secrets-management").starts_with("all 3 active access keys"));
}

#[test]
fn a_clean_report_passes_everything() {
    let clean: String = GOOD
        .lines()
        .filter(|line| {
            !["alice", "bob", "carol", "ci-deploy", "old-service", "<root"]
                .iter()
                .any(|name| line.starts_with(name))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let findings = read("report.csv", &clean, date(2026, 12, 1)).unwrap();
    assert!(
        findings.findings.iter().all(Finding::passes),
        "{:?}",
        findings.findings
    );
    assert_eq!(
        sentence(&findings, "CC6.1.mfa"),
        "the 1 IAM user with a console password has MFA"
    );
}

#[test]
fn bad_values_are_named_with_line_and_column() {
    let bad = GOOD.replacen(",false,true,2026-10-01", ",maybe,true,2026-10-01", 1);
    let problem = read("report.csv", &bad, date(2026, 12, 1)).unwrap_err();
    assert_eq!(
        (problem.line, problem.field.as_deref()),
        (Some(3), Some("mfa_active"))
    );
    assert!(
        problem.message.contains("\"maybe\" is not true or false"),
        "{problem}"
    );
    let bad_time = GOOD.replacen("2026-11-28T10:15:00+00:00", "last week", 1);
    let problem = read("report.csv", &bad_time, date(2026, 12, 1)).unwrap_err();
    assert_eq!(problem.field.as_deref(), Some("password_last_used"));
}

#[test]
fn another_export_is_refused_as_the_wrong_source() {
    let prowler = include_str!("../../../tests/fixtures/import/prowler-soc2_aws.csv");
    let problem = read("soc2_aws.csv", prowler, date(2026, 12, 1)).unwrap_err();
    assert!(
        problem
            .message
            .starts_with("missing columns user, arn, password_enabled"),
        "{problem}"
    );
    assert_eq!(problem.line, Some(1));
}
