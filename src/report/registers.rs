//! The report's "Registers" section as data: the policy table with acknowledgement, the
//! vendor table with each report's state, the risk register with its 5×5 heat map, and
//! every register finding. Built once here; the PDF, Markdown and JSON only lay it out.

use jiff::civil::Date;
use serde::Serialize;

use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;
use crate::registers::policies::{share, staff};
use crate::registers::risks::{heat_map, register_review_due};
use crate::scoring::Scorecard;
use crate::time::registers::findings;

/// The three registers as the report shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RegistersSection {
    /// How many people acknowledged any policy (the staff the shares count against).
    pub staff: usize,
    /// The policy register.
    pub policies: Vec<PolicyRow>,
    /// The vendor register.
    pub vendors: Vec<VendorRow>,
    /// The risk register.
    pub risks: Vec<RiskRow>,
    /// `risk_heat_map[likelihood - 1][impact - 1]`: risks per cell of inherent risk.
    pub risk_heat_map: [[usize; 5]; 5],
    /// The day the risk register falls due for review (`null`: now, or no risks).
    pub risk_review_due: Option<Date>,
    /// What an auditor would raise, with the criterion.
    pub findings: Vec<FindingRow>,
}

/// One policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyRow {
    /// Its name.
    pub name: String,
    /// Its owner.
    pub owner: String,
    /// The current version.
    pub version: String,
    /// When that version was approved.
    pub approved: Date,
    /// When its yearly review falls due.
    pub review_due: Date,
    /// Whether that day has passed.
    pub review_overdue: bool,
    /// People who acknowledged the current version.
    pub accepted: usize,
    /// The share of the staff, in whole percent.
    pub accepted_percent: u8,
}

/// One vendor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VendorRow {
    /// Its name.
    pub name: String,
    /// high, medium or low.
    pub criticality: &'static str,
    /// What it does.
    pub service: String,
    /// Its report, in words ("SOC 2 Type 2", "none").
    pub report: &'static str,
    /// The last day the report counts as current.
    pub report_current_until: Option<Date>,
    /// Whether that day has passed.
    pub report_overdue: bool,
    /// When its user-entity controls were reviewed.
    pub cuecs_reviewed: Option<Date>,
}

/// One risk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskRow {
    /// Its title.
    pub title: String,
    /// 1–5.
    pub likelihood: u8,
    /// 1–5.
    pub impact: u8,
    /// Likelihood × impact.
    pub score: u8,
    /// low, medium or high.
    pub band: &'static str,
    /// mitigate, accept, transfer or avoid.
    pub treatment: &'static str,
    /// Who owns it.
    pub owner: String,
    /// The question ids of its controls.
    pub controls: Vec<String>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingRow {
    /// The criterion, e.g. "CC9.2".
    pub criterion: &'static str,
    /// The policy, vendor or risk.
    pub subject: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl RegistersSection {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.policies.is_empty() && self.vendors.is_empty() && self.risks.is_empty()
    }

    /// The section of `assessment`'s registers on `today`.
    pub fn build(
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        card: &Scorecard,
        today: Date,
    ) -> Self {
        let registers = &assessment.registers;
        let people = staff(&registers.policies);
        Self {
            staff: people.len(),
            policies: registers
                .policies
                .iter()
                .map(|policy| {
                    let share = share(policy, &people);
                    PolicyRow {
                        name: policy.name.clone(),
                        owner: policy.owner.clone(),
                        version: policy.version.clone(),
                        approved: policy.approved,
                        review_due: policy.review_due(),
                        review_overdue: policy.review_due() < today,
                        accepted: share.accepted,
                        accepted_percent: share.percent(),
                    }
                })
                .collect(),
            vendors: registers
                .vendors
                .iter()
                .map(|vendor| {
                    let until = vendor.report_current_until();
                    VendorRow {
                        name: vendor.name.clone(),
                        criticality: vendor.criticality.key(),
                        service: vendor.service.clone(),
                        report: vendor.report.label(),
                        report_current_until: until,
                        report_overdue: until.is_some_and(|until| until < today),
                        cuecs_reviewed: vendor.cuecs_reviewed,
                    }
                })
                .collect(),
            risks: registers
                .risks
                .iter()
                .map(|risk| RiskRow {
                    title: risk.title.clone(),
                    likelihood: risk.likelihood,
                    impact: risk.impact,
                    score: risk.score(),
                    band: risk.band().label(),
                    treatment: risk.treatment.key(),
                    owner: risk.owner.clone(),
                    controls: risk.controls.clone(),
                })
                .collect(),
            risk_heat_map: heat_map(&registers.risks),
            risk_review_due: register_review_due(&registers.risks),
            findings: findings(questionnaire, assessment, card, today)
                .into_iter()
                .map(|finding| FindingRow {
                    criterion: finding.criterion,
                    subject: finding.subject,
                    message: finding.message,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{QuestionnaireSource, Target, load};
    use crate::registers::{Criticality, PolicyRecord, ReportType, Risk, Treatment, Vendor};
    use crate::scoring::{Policy, score};

    #[test]
    fn the_section_carries_every_register_with_its_state() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment =
            Assessment::new("Acme", "", Date::constant(2026, 1, 1), Target::Type2, []);
        let today = Date::constant(2026, 12, 4);
        let card = score(&questionnaire, &assessment, &Policy::default());
        assert!(RegistersSection::build(&questionnaire, &assessment, &card, today).is_empty());
        let registers = &mut assessment.registers;
        registers.policies.push(PolicyRecord {
            name: "Access control".into(),
            owner: "CTO".into(),
            version: "1".into(),
            approved: Date::constant(2025, 11, 1),
            file: String::new(),
            acceptances: Vec::new(),
        });
        registers.vendors.push(Vendor {
            name: "Mailco".into(),
            criticality: Criticality::High,
            service: "email".into(),
            data: String::new(),
            report: ReportType::None,
            report_period_end: None,
            bridge_letter: None,
            cuecs_reviewed: None,
            reviewed: None,
        });
        registers.risks.push(Risk {
            title: "Outage".into(),
            likelihood: 2,
            impact: 5,
            treatment: Treatment::Avoid,
            owner: "CTO".into(),
            controls: Vec::new(),
            reviewed: Some(Date::constant(2026, 2, 1)),
            approver: String::new(),
            approved: None,
        });
        let section = RegistersSection::build(&questionnaire, &assessment, &card, today);
        assert!(section.policies[0].review_overdue);
        assert_eq!(section.policies[0].accepted_percent, 0);
        assert_eq!(section.vendors[0].report, "none");
        assert_eq!(section.risks[0].band, "high");
        assert_eq!(section.risk_heat_map[1][4], 1);
        assert_eq!(section.risk_review_due, Some(Date::constant(2027, 2, 1)));
        assert_eq!(section.findings.len(), 1);
        assert_eq!(section.findings[0].criterion, "CC9.2");
    }
}
