//! One sentence per criterion saying what the registers show, for the questions they bear
//! on: the vendor register on CC9.2, the risk register on CC3.1–CC3.4, the policy register
//! on CC1.1, CC2.2 and CC5.3 ("from the vendor register: 2 critical vendors without a
//! current report"). Nothing when the register is empty.

use jiff::civil::Date;

use crate::assessment::Assessment;
use crate::registers::policies::{share, staff};
use crate::registers::risks::register_review_due;
use crate::registers::{Criticality, Finding, PolicyRecord, ReportType, Risk, RiskBand, Vendor};

/// The criteria the policy register bears on.
pub const POLICY_CRITERIA: [&str; 3] = ["CC1.1", "CC2.2", "CC5.3"];
/// The criteria the risk register bears on.
pub const RISK_CRITERIA: [&str; 4] = ["CC3.1", "CC3.2", "CC3.3", "CC3.4"];
/// The criterion the vendor register bears on.
pub const VENDOR_CRITERION: &str = "CC9.2";

/// What the registers say about `criterion` on `today`, given their `findings`.
pub fn note(
    assessment: &Assessment,
    findings: &[Finding],
    criterion: &str,
    today: Date,
) -> Option<String> {
    let registers = &assessment.registers;
    if criterion == VENDOR_CRITERION && !registers.vendors.is_empty() {
        return Some(vendor_note(&registers.vendors, today));
    }
    if RISK_CRITERIA.contains(&criterion) && !registers.risks.is_empty() {
        return Some(risk_note(&registers.risks, findings, today));
    }
    if POLICY_CRITERIA.contains(&criterion) && !registers.policies.is_empty() {
        return Some(policy_note(&registers.policies, today));
    }
    None
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn vendor_note(vendors: &[Vendor], today: Date) -> String {
    let critical: Vec<&Vendor> = vendors
        .iter()
        .filter(|vendor| vendor.criticality == Criticality::High)
        .collect();
    let without_report = critical
        .iter()
        .filter(|vendor| {
            vendor
                .report_current_until()
                .is_none_or(|until| until < today)
        })
        .count();
    let unreviewed = critical
        .iter()
        .filter(|vendor| vendor.report != ReportType::None && vendor.cuecs_reviewed.is_none())
        .count();
    let mut text = format!(
        "From the vendor register: {}, {} critical",
        plural(vendors.len(), "vendor", "vendors"),
        critical.len()
    );
    match (without_report, unreviewed) {
        (0, 0) if !critical.is_empty() => text.push_str(
            "; every critical vendor has a current report with its user-entity controls reviewed",
        ),
        (0, 0) => {}
        _ => {
            if without_report > 0 {
                text.push_str(&format!(
                    "; {} without a current report",
                    plural(without_report, "critical vendor", "critical vendors")
                ));
            }
            if unreviewed > 0 {
                text.push_str(&format!(
                    "; {} whose user-entity controls (CUECs) were never reviewed",
                    unreviewed
                ));
            }
        }
    }
    text.push('.');
    text
}

fn risk_note(risks: &[Risk], findings: &[Finding], today: Date) -> String {
    let high = risks
        .iter()
        .filter(|risk| risk.band() == RiskBand::High)
        .count();
    let flagged = findings
        .iter()
        .filter(|finding| finding.criterion.starts_with("CC3."))
        .count();
    let review = match register_review_due(risks) {
        Some(due) if due < today => format!("review overdue since {due}"),
        Some(due) => format!("next review by {due}"),
        None => "review due now (a risk was never reviewed)".to_string(),
    };
    format!(
        "From the risk register: {} ({high} high), {}; {review}.",
        plural(risks.len(), "risk", "risks"),
        plural(flagged, "treatment flagged", "treatments flagged")
    )
}

fn policy_note(policies: &[PolicyRecord], today: Date) -> String {
    let people = staff(policies);
    let lowest = policies
        .iter()
        .map(|policy| (share(policy, &people).percent(), policy.name.as_str()))
        .min();
    let overdue = policies
        .iter()
        .filter(|policy| policy.review_due() < today)
        .count();
    let mut text = format!(
        "From the policy register: {}",
        plural(policies.len(), "policy", "policies")
    );
    match lowest {
        Some((percent, name)) if !people.is_empty() => text.push_str(&format!(
            "; lowest acknowledgement {percent} % of {} ({name})",
            plural(people.len(), "person", "staff")
        )),
        _ => text.push_str("; no acknowledgements recorded yet"),
    }
    if overdue > 0 {
        text.push_str(&format!("; {} past their yearly review", overdue));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Target;
    use crate::registers::{Acceptance, Treatment};

    const TODAY: Date = Date::constant(2026, 12, 4);

    fn assessment() -> Assessment {
        Assessment::new("Acme", "", Date::constant(2026, 1, 1), Target::Type2, [])
    }

    fn vendor(name: &str, criticality: Criticality, report: ReportType) -> Vendor {
        Vendor {
            name: name.into(),
            criticality,
            service: "s".into(),
            data: String::new(),
            report,
            report_period_end: Some(Date::constant(2026, 6, 30)),
            bridge_letter: None,
            cuecs_reviewed: Some(Date::constant(2026, 8, 1)),
            reviewed: None,
        }
    }

    #[test]
    fn empty_registers_say_nothing() {
        assert_eq!(note(&assessment(), &[], "CC9.2", TODAY), None);
        assert_eq!(note(&assessment(), &[], "CC3.2", TODAY), None);
        assert_eq!(note(&assessment(), &[], "CC6.1", TODAY), None);
    }

    #[test]
    fn the_vendor_register_counts_critical_vendors_without_a_current_report() {
        let mut a = assessment();
        let mut stale = vendor("Old", Criticality::High, ReportType::Soc2Type2);
        stale.report_period_end = Some(Date::constant(2025, 6, 30));
        let mut unreviewed = vendor("New", Criticality::High, ReportType::Iso27001);
        unreviewed.cuecs_reviewed = None;
        a.registers.vendors = vec![
            stale,
            vendor("None", Criticality::High, ReportType::None),
            unreviewed,
            vendor("Low", Criticality::Low, ReportType::None),
        ];
        assert_eq!(
            note(&a, &[], "CC9.2", TODAY).unwrap(),
            "From the vendor register: 4 vendors, 3 critical; 2 critical vendors without a current report; 1 whose user-entity controls (CUECs) were never reviewed."
        );
        a.registers.vendors = vec![vendor("Fine", Criticality::High, ReportType::Soc2Type2)];
        assert!(note(&a, &[], "CC9.2", TODAY).unwrap().ends_with(
            "every critical vendor has a current report with its user-entity controls reviewed."
        ));
    }

    #[test]
    fn the_risk_and_policy_registers_speak_on_their_criteria() {
        let mut a = assessment();
        a.registers.risks.push(Risk {
            title: "R".into(),
            likelihood: 5,
            impact: 4,
            treatment: Treatment::Mitigate,
            owner: "O".into(),
            controls: Vec::new(),
            reviewed: Some(Date::constant(2025, 11, 1)),
            approver: String::new(),
            approved: None,
        });
        let found = a.registers.findings(TODAY, |_| true);
        assert_eq!(
            note(&a, &found, "CC3.4", TODAY).unwrap(),
            "From the risk register: 1 risk (1 high), 1 treatment flagged; review overdue since 2026-11-01."
        );
        a.registers.policies.push(PolicyRecord {
            name: "Access".into(),
            owner: "CTO".into(),
            version: "1".into(),
            approved: Date::constant(2025, 10, 1),
            file: String::new(),
            acceptances: vec![Acceptance {
                person: "Ana".into(),
                email: String::new(),
                version: "1".into(),
                date: Date::constant(2025, 10, 2),
            }],
        });
        assert_eq!(
            note(&a, &found, "CC2.2", TODAY).unwrap(),
            "From the policy register: 1 policy; lowest acknowledgement 100 % of 1 person (Access); 1 past their yearly review."
        );
    }
}
