//! Register entries from text, as given on the command line, in a CSV row or in a form:
//! every value checked, and a refusal naming the field and the value. The caller says how a
//! field is named to the user (`--report-type`, or a CSV column).

use jiff::civil::Date;

use super::risks::rating;
use super::{Criticality, PolicyRecord, Refusal, ReportType, Risk, Treatment, Vendor};

/// Parses a strict `YYYY-MM-DD` date.
pub fn date(field: &str, text: &str) -> Result<Date, Refusal> {
    match text.trim().parse::<Date>() {
        Ok(date) if text.trim().len() == 10 => Ok(date),
        _ => Err(Refusal::new(
            field,
            text,
            "expected a date such as 2027-01-31",
        )),
    }
}

/// Parses an optional date: empty text is none.
pub fn optional_date(field: &str, text: Option<&str>) -> Result<Option<Date>, Refusal> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => date(field, text).map(Some),
    }
}

/// Text that must not be empty, trimmed.
pub fn required(field: &str, text: &str) -> Result<String, Refusal> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Refusal::new(field, text, "must not be empty"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Refusal::new(field, text, "must be one line of plain text"));
    }
    Ok(trimmed.to_string())
}

/// Parses one of a fixed set of names.
fn choice<T>(
    field: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
    expected: &str,
) -> Result<T, Refusal> {
    parse(text).ok_or_else(|| Refusal::new(field, text, format!("expected {expected}")))
}

/// A vendor as text: the values of `vendor add`'s options or of a CSV row.
#[derive(Debug, Clone, Default)]
pub struct VendorText<'a> {
    /// `name`.
    pub name: &'a str,
    /// `criticality`: high, medium or low.
    pub criticality: &'a str,
    /// `service`.
    pub service: &'a str,
    /// `data` (optional).
    pub data: Option<&'a str>,
    /// `report_type` (optional; none when absent).
    pub report_type: Option<&'a str>,
    /// `report_period_end` (optional).
    pub report_period_end: Option<&'a str>,
    /// `bridge_letter` (optional).
    pub bridge_letter: Option<&'a str>,
    /// `cuecs_reviewed` (optional).
    pub cuecs_reviewed: Option<&'a str>,
    /// `reviewed` (optional).
    pub reviewed: Option<&'a str>,
}

/// Checks a vendor given as text; `name` turns a field's key (`report_period_end`) into how
/// the user wrote it.
pub fn vendor(text: &VendorText<'_>, name: impl Fn(&str) -> String) -> Result<Vendor, Refusal> {
    let report = match text.report_type.map(str::trim) {
        None | Some("") => ReportType::None,
        Some(key) => choice(
            &name("report_type"),
            key,
            ReportType::from_key,
            "soc2-type2, soc2-type1, iso27001 or none",
        )?,
    };
    let vendor = Vendor {
        name: required(&name("name"), text.name)?,
        criticality: choice(
            &name("criticality"),
            text.criticality,
            Criticality::from_key,
            "high, medium or low",
        )?,
        service: required(&name("service"), text.service)?,
        data: text.data.unwrap_or_default().trim().to_string(),
        report,
        report_period_end: optional_date(&name("report_period_end"), text.report_period_end)?,
        bridge_letter: optional_date(&name("bridge_letter"), text.bridge_letter)?,
        cuecs_reviewed: optional_date(&name("cuecs_reviewed"), text.cuecs_reviewed)?,
        reviewed: optional_date(&name("reviewed"), text.reviewed)?,
    };
    vendor.check().map_err(|refusal| Refusal {
        field: name(&refusal.field.trim_start_matches("--").replace('-', "_")),
        ..refusal
    })?;
    Ok(vendor)
}

/// A risk as text: the values of `risk add`'s options or of a CSV row.
#[derive(Debug, Clone, Default)]
pub struct RiskText<'a> {
    /// `title`.
    pub title: &'a str,
    /// `likelihood`, 1–5.
    pub likelihood: &'a str,
    /// `impact`, 1–5.
    pub impact: &'a str,
    /// `treatment`: mitigate, accept, transfer or avoid.
    pub treatment: &'a str,
    /// `owner`.
    pub owner: &'a str,
    /// `controls`: question ids (already split).
    pub controls: Vec<&'a str>,
    /// `reviewed` (optional).
    pub reviewed: Option<&'a str>,
    /// `approver` (optional).
    pub approver: Option<&'a str>,
    /// `approved` (optional).
    pub approved: Option<&'a str>,
}

/// Checks a risk given as text; `known` says whether a control's question id exists.
pub fn risk(
    text: &RiskText<'_>,
    name: impl Fn(&str) -> String,
    known: impl Fn(&str) -> bool,
) -> Result<Risk, Refusal> {
    let mut controls = Vec::new();
    for id in text
        .controls
        .iter()
        .map(|id| id.trim())
        .filter(|id| !id.is_empty())
    {
        if !known(id) {
            return Err(Refusal::new(
                &name("controls"),
                id,
                "is not a question id (`soc2-ready questions` lists them)",
            ));
        }
        if !controls.iter().any(|known: &String| known == id) {
            controls.push(id.to_string());
        }
    }
    Ok(Risk {
        title: required(&name("title"), text.title)?,
        likelihood: rating(&name("likelihood"), text.likelihood)?,
        impact: rating(&name("impact"), text.impact)?,
        treatment: choice(
            &name("treatment"),
            text.treatment,
            Treatment::from_key,
            "mitigate, accept, transfer or avoid",
        )?,
        owner: required(&name("owner"), text.owner)?,
        controls,
        reviewed: optional_date(&name("reviewed"), text.reviewed)?,
        approver: text.approver.unwrap_or_default().trim().to_string(),
        approved: optional_date(&name("approved"), text.approved)?,
    })
}

/// A new policy from text (its first version, with no acknowledgements yet).
pub fn policy(
    [policy_name, owner, version, approved]: [&str; 4],
    file: Option<&str>,
    name: impl Fn(&str) -> String,
) -> Result<PolicyRecord, Refusal> {
    Ok(PolicyRecord {
        name: required(&name("name"), policy_name)?,
        owner: required(&name("owner"), owner)?,
        version: required(&name("version"), version)?,
        approved: date(&name("approved"), approved)?,
        file: file.unwrap_or_default().trim().to_string(),
        acceptances: Vec::new(),
    })
}

/// How a command-line option names a field: `report_period_end` → `--report-period-end`.
pub fn option_name(key: &str) -> String {
    format!("--{}", key.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host<'a>() -> VendorText<'a> {
        VendorText {
            name: "Cloudhost",
            criticality: "high",
            service: "hosting",
            report_type: Some("soc2-type2"),
            report_period_end: Some("2026-06-30"),
            ..VendorText::default()
        }
    }

    #[test]
    fn a_vendor_is_checked_field_by_field() {
        let vendor = vendor(&host(), option_name).unwrap();
        assert_eq!(vendor.report, ReportType::Soc2Type2);
        assert_eq!(vendor.report_period_end, Some(Date::constant(2026, 6, 30)));
        let refused =
            |text: VendorText<'_>| super::vendor(&text, option_name).unwrap_err().to_string();
        assert_eq!(
            refused(VendorText {
                criticality: "critical",
                ..host()
            }),
            "--criticality \"critical\": expected high, medium or low"
        );
        assert_eq!(
            refused(VendorText {
                report_type: Some("soc3"),
                ..host()
            }),
            "--report-type \"soc3\": expected soc2-type2, soc2-type1, iso27001 or none"
        );
        assert_eq!(
            refused(VendorText {
                reviewed: Some("last week"),
                ..host()
            }),
            "--reviewed \"last week\": expected a date such as 2027-01-31"
        );
        assert_eq!(
            refused(VendorText {
                report_type: None,
                ..host()
            }),
            "--report-period-end \"2026-06-30\": needs a report: give --report-type too"
        );
        assert!(
            refused(VendorText {
                name: " ",
                ..host()
            })
            .starts_with("--name")
        );
        let csv = |key: &str| format!("line 3, column {key}");
        assert_eq!(
            super::vendor(
                &VendorText {
                    bridge_letter: Some("2026-01-01"),
                    ..host()
                },
                csv
            )
            .unwrap_err()
            .field,
            "line 3, column bridge_letter"
        );
    }

    #[test]
    fn a_risk_names_existing_controls_and_valid_ratings() {
        let text = RiskText {
            title: "Laptop theft",
            likelihood: "3",
            impact: "4",
            treatment: "mitigate",
            owner: "IT",
            controls: vec!["CC6.1.mfa", " CC6.1.mfa", ""],
            ..RiskText::default()
        };
        let risk = risk(&text, option_name, |id| id == "CC6.1.mfa").unwrap();
        assert_eq!(risk.controls, ["CC6.1.mfa"]);
        assert_eq!(risk.score(), 12);
        let refused = |text: RiskText<'_>| {
            super::risk(&text, option_name, |id| id == "CC6.1.mfa")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            refused(RiskText {
                likelihood: "9",
                ..text.clone()
            }),
            "--likelihood \"9\": expected a whole number from 1 to 5"
        );
        assert_eq!(
            refused(RiskText {
                treatment: "ignore",
                ..text.clone()
            }),
            "--treatment \"ignore\": expected mitigate, accept, transfer or avoid"
        );
        assert!(
            refused(RiskText {
                controls: vec!["CC6.1.nope"],
                ..text.clone()
            })
            .starts_with("--controls \"CC6.1.nope\": is not a question id")
        );
        assert!(
            refused(RiskText {
                approved: Some("2026-13-01"),
                ..text
            })
            .starts_with("--approved")
        );
    }

    #[test]
    fn a_policy_needs_every_field_and_a_real_date() {
        let policy = policy(["Access", "CTO", "1.0", "2026-01-10"], None, option_name).unwrap();
        assert_eq!(policy.approved, Date::constant(2026, 1, 10));
        let refusal =
            super::policy(["Access", "CTO", "1.0", "10/01/2026"], None, option_name).unwrap_err();
        assert_eq!(refusal.field, "--approved");
        assert!(super::policy(["Access", "", "1.0", "2026-01-10"], None, option_name).is_err());
        assert_eq!(optional_date("--date", Some(" ")), Ok(None));
        assert!(required("--name", "a\u{1b}b").is_err());
    }
}
