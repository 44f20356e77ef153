//! Tests of the registers' part of the assessment file: round trip and located errors.

use jiff::civil::Date;

use super::super::file::{from_toml, to_toml};
use super::*;
use crate::assessment::Assessment;
use crate::questionnaire::Target;

fn parse(text: &str) -> Result<Assessment, Vec<String>> {
    from_toml(SourceText::new("a.toml", text))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

const HEAD: &str = "schema = 4\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type2\"\n";

#[test]
fn the_registers_round_trip() {
    let mut assessment =
        Assessment::new("Acme", "", Date::constant(2026, 11, 24), Target::Type2, []);
    let day = Date::constant(2026, 2, 1);
    let mut policy = PolicyRecord {
        name: "Access control".into(),
        owner: "CTO".into(),
        version: "1.1".into(),
        approved: Date::constant(2026, 1, 10),
        file: "policies/access-control.md".into(),
        acceptances: Vec::new(),
    };
    policy.accept("Ana Díaz", "ana@acme.test", day).unwrap();
    assessment.registers.policies.push(policy);
    assessment.registers.vendors.push(Vendor {
        name: "Cloudhost".into(),
        criticality: Criticality::High,
        service: "hosting".into(),
        data: "customer data".into(),
        report: ReportType::Soc2Type2,
        report_period_end: Some(Date::constant(2025, 9, 30)),
        bridge_letter: Some(Date::constant(2026, 1, 15)),
        cuecs_reviewed: None,
        reviewed: Some(day),
    });
    assessment.registers.risks.push(Risk {
        title: "Laptop theft".into(),
        likelihood: 3,
        impact: 4,
        treatment: Treatment::Mitigate,
        owner: "IT".into(),
        controls: vec!["CC6.7.disk-encryption".into()],
        reviewed: Some(day),
        approver: String::new(),
        approved: None,
    });
    let text = to_toml(&assessment);
    assert!(text.contains("[[policies.acceptances]]"), "{text}");
    assert!(
        text.contains("[[vendors]]") && text.contains("[[risks]]"),
        "{text}"
    );
    assert_eq!(parse(&text), Ok(assessment));
    // An older file has empty registers.
    assert!(
        parse(&HEAD.replace("schema = 4", "schema = 3"))
            .unwrap()
            .registers
            .is_empty()
    );
}

#[test]
fn bad_register_entries_are_located() {
    let text = format!(
        "{HEAD}[[risks]]\ntitle = \"R\"\nlikelihood = 9\nimpact = 2\ntreatment = \"tolerate\"\nowner = \"O\"\ncolour = 1\n\
         [[risks]]\ntitle = \"r\"\nlikelihood = 1\nimpact = 1\ntreatment = \"avoid\"\nowner = \"O\"\n\
         [[vendors]]\nname = \"V\"\ncriticality = \"critical\"\nservice = \"s\"\nreport = \"none\"\nreviewed = \"soon\"\n\
         [[policies]]\nname = \"P\"\nowner = \"O\"\nversion = \"1\"\n[[policies.acceptances]]\nperson = \"Ana\"\nversion = \"1\"\n"
    );
    let problems = parse(&text).unwrap_err();
    let expected = [
        "a.toml:7:14: risks: field `likelihood`: must be from 1 to 5, found 9",
        "a.toml:9:13: risks: field `treatment`: unknown value \"tolerate\" (expected mitigate, accept, transfer or avoid)",
        "a.toml:11:1: risks: field `colour`: unknown field (a typo?)",
        "a.toml:13:9: risks: field `title`: \"r\" is already in the register",
        "a.toml:20:15: vendors: field `criticality`: unknown value \"critical\"",
        "a.toml:23:12: vendors: field `reviewed`: expected a date such as 2027-01-31, found \"soon\"",
        "field `approved`: missing required field",
        "P: field `date`: missing required field",
    ];
    for want in expected {
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "missing {want:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
}

#[test]
fn a_vendor_s_dates_must_fit_its_report() {
    let text = format!(
        "{HEAD}[[vendors]]\nname = \"V\"\ncriticality = \"low\"\nservice = \"s\"\nreport = \"soc2-type1\"\nreport_period_end = 2026-06-30\nbridge_letter = 2026-05-01\n"
    );
    let problems = parse(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains("vendors: field `bridge_letter`: a bridge letter covers the time after the report's period, which ends 2026-06-30"),
        "{problems:?}"
    );
}
