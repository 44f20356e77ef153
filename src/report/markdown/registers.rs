//! The "Registers" section in Markdown: the policy, vendor and risk tables, the risk heat
//! map as a 5×5 table, and the findings as a list. Nothing when the registers are empty.

use std::fmt::Write;

use super::{cell, md, section, table};
use crate::report::model::ReportModel;

fn date_or(date: Option<jiff::civil::Date>, none: &str) -> String {
    date.map_or_else(|| none.to_string(), |date| date.to_string())
}

/// Writes the section.
pub fn write(out: &mut String, model: &ReportModel) {
    let registers = &model.registers;
    if registers.is_empty() {
        return;
    }
    section(out, "Registers", model);
    if !registers.policies.is_empty() {
        let _ = writeln!(
            out,
            "### Policies (CC1.1, CC2.2, CC5.3)\n\nAcknowledged: who of the {} people known to the register accepted the current version.\n",
            registers.staff
        );
        table(
            out,
            &[
                "Policy",
                "Version",
                "Approved",
                "Review by",
                "Owner",
                "Acknowledged",
            ],
            registers.policies.iter().map(|policy| {
                let review = if policy.review_overdue {
                    format!("**{} (overdue)**", policy.review_due)
                } else {
                    policy.review_due.to_string()
                };
                vec![
                    cell(&policy.name),
                    cell(&policy.version),
                    policy.approved.to_string(),
                    review,
                    cell(&policy.owner),
                    format!(
                        "{} of {} ({} %)",
                        policy.accepted, registers.staff, policy.accepted_percent
                    ),
                ]
            }),
        );
    }
    if !registers.vendors.is_empty() {
        out.push_str("### Vendors (CC9.2)\n\n");
        table(
            out,
            &[
                "Vendor",
                "Criticality",
                "Service",
                "Report",
                "Current until",
                "CUECs reviewed",
            ],
            registers.vendors.iter().map(|vendor| {
                let until = date_or(vendor.report_current_until, "—");
                vec![
                    cell(&vendor.name),
                    vendor.criticality.to_string(),
                    cell(&vendor.service),
                    vendor.report.to_string(),
                    if vendor.report_overdue {
                        format!("**{until} (out of date)**")
                    } else {
                        until
                    },
                    date_or(vendor.cuecs_reviewed, "never"),
                ]
            }),
        );
    }
    if !registers.risks.is_empty() {
        out.push_str("### Risks (CC3.1–CC3.4)\n\nInherent risk: likelihood down, impact across; each cell counts its risks.\n\n");
        table(
            out,
            &["Likelihood", "I1", "I2", "I3", "I4", "I5"],
            (1..=5usize).rev().map(|likelihood| {
                std::iter::once(format!("L{likelihood}"))
                    .chain(registers.risk_heat_map[likelihood - 1].iter().map(
                        |count| match count {
                            0 => "·".to_string(),
                            count => count.to_string(),
                        },
                    ))
                    .collect()
            }),
        );
        table(
            out,
            &["Risk", "L × I", "Treatment", "Owner", "Controls"],
            registers.risks.iter().map(|risk| {
                vec![
                    cell(&risk.title),
                    format!(
                        "{} × {} = {} {}",
                        risk.likelihood, risk.impact, risk.score, risk.band
                    ),
                    risk.treatment.to_string(),
                    cell(&risk.owner),
                    cell(&risk.controls.join(", ")),
                ]
            }),
        );
        let _ = match registers.risk_review_due {
            Some(due) => writeln!(out, "The risk register falls due for review on {due}.\n"),
            None => writeln!(
                out,
                "A risk was never reviewed: the register is due for review now.\n"
            ),
        };
    }
    if !registers.findings.is_empty() {
        out.push_str("### What an auditor would raise\n\n");
        for finding in &registers.findings {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                finding.criterion,
                md(&finding.subject),
                md(&finding.message)
            );
        }
        out.push('\n');
    }
}
