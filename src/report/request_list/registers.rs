//! The registers as package members: an auditor tests the policy set (CC1.1, CC2.2, CC5.3),
//! the vendor register (CC9.2) and the risk register (CC3.1–CC3.4) from the populations
//! themselves, so each register that holds anything goes into `registers/` as a CSV —
//! with the acknowledgements as their own population to sample from.

use crate::registers::Registers;
use crate::report::csv::spreadsheet_csv;
use crate::report::{PolicyRow, RegistersSection, RiskRow, VendorRow};

/// Where the registers sit inside the package.
pub const REGISTERS_FOLDER: &str = "registers";

/// One register file of the package: its member name, what it holds, its CSV text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterFile {
    /// The member name (`registers/vendors.csv`).
    pub name: String,
    /// What it holds, for the README.
    pub what: String,
    /// The CSV text.
    pub text: String,
}

/// The register files of `registers` as `section` presents them; none for an empty register.
pub fn register_files(registers: &Registers, section: &RegistersSection) -> Vec<RegisterFile> {
    let mut files = Vec::new();
    let mut add = |file: &str, what: String, text: String| {
        files.push(RegisterFile {
            name: format!("{REGISTERS_FOLDER}/{file}"),
            what,
            text,
        });
    };
    if !section.policies.is_empty() {
        add(
            "policies.csv",
            format!(
                "the policy register ({}): version, approval, review, acknowledgement",
                count(section.policies.len(), "policy", "policies")
            ),
            spreadsheet_csv(&POLICY_HEADER, section.policies.iter().map(policy_cells)),
        );
        let acceptances: Vec<[String; 5]> = registers
            .policies
            .iter()
            .flat_map(|policy| {
                policy.acceptances.iter().map(|acceptance| {
                    [
                        policy.name.clone(),
                        acceptance.version.clone(),
                        acceptance.person.clone(),
                        acceptance.email.clone(),
                        acceptance.date.to_string(),
                    ]
                })
            })
            .collect();
        if !acceptances.is_empty() {
            add(
                "policy-acknowledgements.csv",
                format!(
                    "every acknowledgement of a policy version ({}), the population to sample",
                    acceptances.len()
                ),
                spreadsheet_csv(&ACCEPTANCE_HEADER, acceptances),
            );
        }
    }
    if !section.vendors.is_empty() {
        add(
            "vendors.csv",
            format!(
                "the vendor register ({}): criticality, report, CUEC review",
                count(section.vendors.len(), "vendor", "vendors")
            ),
            spreadsheet_csv(&VENDOR_HEADER, section.vendors.iter().map(vendor_cells)),
        );
    }
    if !section.risks.is_empty() {
        add(
            "risks.csv",
            format!(
                "the risk register ({}): rating, treatment, owner, controls",
                count(section.risks.len(), "risk", "risks")
            ),
            spreadsheet_csv(&RISK_HEADER, section.risks.iter().map(risk_cells)),
        );
    }
    files
}

const POLICY_HEADER: [&str; 7] = [
    "Policy",
    "Owner",
    "Version",
    "Approved",
    "Review due",
    "Acknowledged by",
    "Acknowledged (% of staff)",
];

const ACCEPTANCE_HEADER: [&str; 5] = ["Policy", "Version", "Person", "Email", "Date"];

const VENDOR_HEADER: [&str; 6] = [
    "Vendor",
    "Criticality",
    "Service",
    "Report",
    "Report current until",
    "CUECs reviewed",
];

const RISK_HEADER: [&str; 8] = [
    "Risk",
    "Likelihood",
    "Impact",
    "Score",
    "Band",
    "Treatment",
    "Owner",
    "Controls",
];

fn policy_cells(row: &PolicyRow) -> [String; 7] {
    [
        row.name.clone(),
        row.owner.clone(),
        row.version.clone(),
        row.approved.to_string(),
        format!(
            "{}{}",
            row.review_due,
            if row.review_overdue { " (overdue)" } else { "" }
        ),
        row.accepted.to_string(),
        row.accepted_percent.to_string(),
    ]
}

fn vendor_cells(row: &VendorRow) -> [String; 6] {
    [
        row.name.clone(),
        row.criticality.to_string(),
        row.service.clone(),
        row.report.to_string(),
        row.report_current_until.map_or_else(String::new, |until| {
            format!(
                "{until}{}",
                if row.report_overdue { " (overdue)" } else { "" }
            )
        }),
        row.cuecs_reviewed
            .map_or_else(|| "never".to_string(), |date| date.to_string()),
    ]
}

fn risk_cells(row: &RiskRow) -> [String; 8] {
    [
        row.title.clone(),
        row.likelihood.to_string(),
        row.impact.to_string(),
        row.score.to_string(),
        row.band.to_string(),
        row.treatment.to_string(),
        row.owner.clone(),
        row.controls.join("\n"),
    ]
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
