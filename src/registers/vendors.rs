//! The vendor register (CC9.2): who the company depends on, how critical each vendor is,
//! and what assurance it holds — a SOC 2 or ISO 27001 report, the bridge letter that covers
//! the months since the report's period, and whether the complementary user-entity
//! controls (CUECs) the report expects the company to run were reviewed.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{DueItem, Finding, Refusal, same_name, year_after};

/// How long a bridge letter keeps a report current after its own date.
pub const BRIDGE_MONTHS: i32 = 3;

/// How much the company depends on a vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Criticality {
    /// An outage or breach at the vendor would hurt the company's own service or data.
    High,
    /// Matters, with a workaround.
    Medium,
    /// Easily replaced, no sensitive data.
    Low,
}

impl Criticality {
    /// Every value, most critical first.
    pub const ALL: [Criticality; 3] = [Criticality::High, Criticality::Medium, Criticality::Low];

    /// The name used in files and options.
    pub fn key(self) -> &'static str {
        match self {
            Criticality::High => "high",
            Criticality::Medium => "medium",
            Criticality::Low => "low",
        }
    }

    /// Parses a name as written in files and options.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|value| value.key() == key.trim())
    }
}

/// The assurance report a vendor gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportType {
    /// A SOC 2 Type 2 report: controls operating over a period.
    Soc2Type2,
    /// A SOC 2 Type 1 report: design at a point in time.
    Soc2Type1,
    /// An ISO/IEC 27001 certificate (ask for the statement of applicability with it).
    Iso27001,
    /// No report.
    None,
}

impl ReportType {
    /// Every value.
    pub const ALL: [ReportType; 4] = [
        ReportType::Soc2Type2,
        ReportType::Soc2Type1,
        ReportType::Iso27001,
        ReportType::None,
    ];

    /// The name used in files and options.
    pub fn key(self) -> &'static str {
        match self {
            ReportType::Soc2Type2 => "soc2-type2",
            ReportType::Soc2Type1 => "soc2-type1",
            ReportType::Iso27001 => "iso27001",
            ReportType::None => "none",
        }
    }

    /// Parses a name as written in files and options.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|value| value.key() == key.trim())
    }

    /// How the report is named for people.
    pub fn label(self) -> &'static str {
        match self {
            ReportType::Soc2Type2 => "SOC 2 Type 2",
            ReportType::Soc2Type1 => "SOC 2 Type 1",
            ReportType::Iso27001 => "ISO 27001",
            ReportType::None => "none",
        }
    }
}

/// One vendor of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vendor {
    /// Its name, unique in the register (case-insensitive).
    pub name: String,
    /// How critical it is.
    pub criticality: Criticality,
    /// What it does for the company.
    pub service: String,
    /// What data it holds or sees (empty when none was said).
    pub data: String,
    /// The report it gave.
    pub report: ReportType,
    /// The last day of the period the report covers.
    pub report_period_end: Option<Date>,
    /// The date of its latest bridge letter.
    pub bridge_letter: Option<Date>,
    /// When the company last reviewed the report's CUECs against its own controls.
    pub cuecs_reviewed: Option<Date>,
    /// When the company last reviewed the vendor.
    pub reviewed: Option<Date>,
}

impl Vendor {
    /// The last day the vendor's report counts as current: twelve months after its period
    /// ends, or three months after a bridge letter dated later than that period; `None`
    /// without a report or its period end.
    pub fn report_current_until(&self) -> Option<Date> {
        if self.report == ReportType::None {
            return None;
        }
        let end = self.report_period_end?;
        let bridged = self
            .bridge_letter
            .filter(|&letter| letter > end)
            .and_then(|letter| letter.checked_add(BRIDGE_MONTHS.months()).ok());
        Some(year_after(end).max(bridged.unwrap_or(Date::MIN)))
    }

    /// Checks the dates against each other: a bridge letter or a CUEC review needs a report.
    pub fn check(&self) -> Result<(), Refusal> {
        if self.report == ReportType::None {
            for (field, date) in [
                ("--report-period-end", self.report_period_end),
                ("--bridge-letter", self.bridge_letter),
                ("--cuecs-reviewed", self.cuecs_reviewed),
            ] {
                if let Some(date) = date {
                    return Err(Refusal::new(
                        field,
                        &date.to_string(),
                        "needs a report: give --report-type too",
                    ));
                }
            }
        }
        if let (Some(end), Some(letter)) = (self.report_period_end, self.bridge_letter)
            && letter <= end
        {
            return Err(Refusal::new(
                "--bridge-letter",
                &letter.to_string(),
                format!(
                    "a bridge letter covers the time after the report's period, which ends {end}"
                ),
            ));
        }
        Ok(())
    }
}

/// The index of the vendor named `name`, if any.
pub fn find(vendors: &[Vendor], name: &str) -> Option<usize> {
    vendors
        .iter()
        .position(|vendor| same_name(&vendor.name, name))
}

/// High-criticality vendors with no report, no period end, or CUECs never reviewed, and
/// any vendor whose report is out of date: findings on CC9.2 saying what to ask for.
pub fn findings(vendors: &[Vendor], today: Date) -> Vec<Finding> {
    let mut found = Vec::new();
    for vendor in vendors {
        let finding = |message: String| Finding {
            criterion: "CC9.2",
            subject: vendor.name.clone(),
            message,
        };
        let high = vendor.criticality == Criticality::High;
        if high && vendor.report == ReportType::None {
            found.push(finding(
                "critical vendor without an assurance report: ask it for its SOC 2 Type 2 report (or an ISO 27001 certificate with its statement of applicability), or document the review you did instead".into(),
            ));
            continue;
        }
        match vendor.report_current_until() {
            None if high => found.push(finding(format!(
                "the {} report has no period end recorded: ask the vendor for the report itself and note the last day it covers",
                vendor.report.label()
            ))),
            Some(until) if until < today => found.push(finding(format!(
                "the {} report went out of date on {until}: ask the vendor for its latest report or a bridge letter covering the months since",
                vendor.report.label()
            ))),
            _ => {}
        }
        if high && vendor.cuecs_reviewed.is_none() {
            found.push(finding(format!(
                "the complementary user-entity controls in its {} report were never reviewed: list them and name the control of yours that meets each",
                vendor.report.label()
            )));
        }
    }
    found
}

/// Each vendor's next report and yearly review.
pub fn due_items(vendors: &[Vendor]) -> Vec<DueItem> {
    let mut items = Vec::new();
    for vendor in vendors {
        if let Some(until) = vendor.report_current_until() {
            items.push(DueItem {
                what: format!("vendor \"{}\": new report or bridge letter", vendor.name),
                criterion: "CC9.2",
                due: Some(until),
            });
        }
        items.push(DueItem {
            what: format!("vendor \"{}\": yearly review", vendor.name),
            criterion: "CC9.2",
            due: vendor.reviewed.map(year_after),
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vendor(criticality: Criticality, report: ReportType) -> Vendor {
        Vendor {
            name: "Cloudhost".into(),
            criticality,
            service: "hosting".into(),
            data: "customer data".into(),
            report,
            report_period_end: Some(Date::constant(2025, 9, 30)),
            bridge_letter: None,
            cuecs_reviewed: Some(Date::constant(2025, 11, 1)),
            reviewed: Some(Date::constant(2026, 1, 5)),
        }
    }

    #[test]
    fn a_report_is_current_for_a_year_or_three_months_after_a_later_bridge_letter() {
        let mut host = vendor(Criticality::High, ReportType::Soc2Type2);
        assert_eq!(
            host.report_current_until(),
            Some(Date::constant(2026, 9, 30))
        );
        host.bridge_letter = Some(Date::constant(2026, 10, 15));
        assert_eq!(
            host.report_current_until(),
            Some(Date::constant(2027, 1, 15))
        );
        // An early bridge letter never shortens the year.
        host.bridge_letter = Some(Date::constant(2025, 12, 1));
        assert_eq!(
            host.report_current_until(),
            Some(Date::constant(2026, 9, 30))
        );
        assert_eq!(
            vendor(Criticality::Low, ReportType::None).report_current_until(),
            None
        );
    }

    #[test]
    fn an_out_of_date_report_is_overdue_unless_bridged() {
        let today = Date::constant(2026, 12, 4);
        let mut host = vendor(Criticality::Medium, ReportType::Soc2Type2);
        let found = findings(std::slice::from_ref(&host), today);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("went out of date on 2026-09-30"));
        let due = due_items(std::slice::from_ref(&host));
        assert!(due[0].is_overdue(today));
        host.bridge_letter = Some(Date::constant(2026, 11, 1));
        assert!(findings(std::slice::from_ref(&host), today).is_empty());
        assert!(!due_items(&[host])[0].is_overdue(today));
    }

    #[test]
    fn a_critical_vendor_needs_a_report_and_reviewed_cuecs() {
        let today = Date::constant(2026, 6, 1);
        let mut none = vendor(Criticality::High, ReportType::None);
        none.report_period_end = None;
        none.cuecs_reviewed = None;
        let found = findings(&[none.clone()], today);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].criterion, "CC9.2");
        assert!(
            found[0]
                .message
                .contains("ask it for its SOC 2 Type 2 report")
        );
        let mut unreviewed = vendor(Criticality::High, ReportType::Soc2Type2);
        unreviewed.cuecs_reviewed = None;
        let found = findings(&[unreviewed.clone()], today);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("complementary user-entity controls")
        );
        // The same gaps at a low-criticality vendor are no finding.
        none.criticality = Criticality::Low;
        unreviewed.criticality = Criticality::Low;
        assert!(findings(&[none, unreviewed], today).is_empty());
    }

    #[test]
    fn dates_must_fit_the_report() {
        let mut none = vendor(Criticality::Low, ReportType::None);
        assert_eq!(none.check().unwrap_err().field, "--report-period-end");
        none.report_period_end = None;
        none.cuecs_reviewed = None;
        assert!(none.check().is_ok());
        let mut early = vendor(Criticality::Low, ReportType::Iso27001);
        early.bridge_letter = Some(Date::constant(2025, 9, 1));
        let refusal = early.check().unwrap_err();
        assert_eq!(refusal.field, "--bridge-letter");
        assert!(refusal.why.contains("ends 2025-09-30"));
    }

    #[test]
    fn never_reviewed_is_due_now_and_keys_round_trip() {
        let mut host = vendor(Criticality::Low, ReportType::None);
        host.reviewed = None;
        host.report_period_end = None;
        let due = due_items(&[host]);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].due, None);
        for report in ReportType::ALL {
            assert_eq!(ReportType::from_key(report.key()), Some(report));
        }
        for level in Criticality::ALL {
            assert_eq!(Criticality::from_key(level.key()), Some(level));
        }
        assert_eq!(Criticality::from_key("critical"), None);
        assert_eq!(
            find(&[vendor(Criticality::Low, ReportType::None)], "CLOUDHOST"),
            Some(0)
        );
    }
}
