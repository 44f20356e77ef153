//! A register entry as the registers screen's prompt types it: `|`-separated parts checked
//! by the same rules as the command line, the typed form of an existing entry for editing,
//! and its placing in the register (added at the end, or replacing the entry edited with
//! the fields the prompt does not show kept). Pure: the screen saves afterwards.

use crate::registers::input::{self, RiskText, VendorText};
use crate::registers::{PolicyRecord, Refusal, Registers, Risk, Vendor, same_name};
use crate::tui::app::RegisterTab;

/// An entry typed in the prompt, checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    /// A policy.
    Policy(PolicyRecord),
    /// A vendor.
    Vendor(Vendor),
    /// A risk.
    Risk(Risk),
}

impl Typed {
    fn name(&self) -> &str {
        match self {
            Typed::Policy(policy) => &policy.name,
            Typed::Vendor(vendor) => &vendor.name,
            Typed::Risk(risk) => &risk.title,
        }
    }
}

/// The `|`-separated parts of a prompt's text, at least `required` and at most `most`.
fn parts(text: &str, required: usize, most: usize, usage: &str) -> Result<Vec<String>, String> {
    let parts: Vec<String> = text
        .split('|')
        .map(|part| part.trim().to_string())
        .collect();
    if parts.len() < required || parts.len() > most {
        return Err(format!("Type {usage}, separated by |."));
    }
    Ok(parts)
}

/// How a prompt part is named in a refusal: its field's name.
fn named(key: &str) -> String {
    key.replace('_', " ")
}

fn refused(refusal: Refusal) -> String {
    format!("{refusal}.")
}

/// Checks `text` typed for the register `tab`; `known` says which question ids exist.
pub fn typed(tab: RegisterTab, text: &str, known: impl Fn(&str) -> bool) -> Result<Typed, String> {
    match tab {
        RegisterTab::Policies => {
            let p = parts(text, 4, 4, "name | owner | version | approved date")?;
            let policy =
                input::policy([&p[0], &p[1], &p[2], &p[3]], None, named).map_err(refused)?;
            Ok(Typed::Policy(policy))
        }
        RegisterTab::Vendors => {
            let usage = "name | criticality | service (| report | report period end)";
            let p = parts(text, 3, 5, usage)?;
            let cell = |index: usize| p.get(index).map(String::as_str);
            let row = VendorText {
                name: &p[0],
                criticality: &p[1],
                service: &p[2],
                report_type: cell(3),
                report_period_end: cell(4),
                ..VendorText::default()
            };
            Ok(Typed::Vendor(input::vendor(&row, named).map_err(refused)?))
        }
        RegisterTab::Risks => {
            let usage = "title | likelihood | impact | treatment | owner (| control ids)";
            let p = parts(text, 5, 6, usage)?;
            let row = RiskText {
                title: &p[0],
                likelihood: &p[1],
                impact: &p[2],
                treatment: &p[3],
                owner: &p[4],
                controls: p.get(5).map_or_else(Vec::new, |ids| {
                    ids.split([' ', ',']).filter(|id| !id.is_empty()).collect()
                }),
                ..RiskText::default()
            };
            Ok(Typed::Risk(
                input::risk(&row, named, known).map_err(refused)?,
            ))
        }
    }
}

/// The entry at `index` of the register `tab` as the prompt types it, to edit it.
pub fn typed_form(registers: &Registers, tab: RegisterTab, index: usize) -> Option<String> {
    let parts: Vec<String> = match tab {
        RegisterTab::Policies => {
            let policy = registers.policies.get(index)?;
            vec![
                policy.name.clone(),
                policy.owner.clone(),
                policy.version.clone(),
                policy.approved.to_string(),
            ]
        }
        RegisterTab::Vendors => {
            let vendor = registers.vendors.get(index)?;
            let mut parts = vec![
                vendor.name.clone(),
                vendor.criticality.key().to_string(),
                vendor.service.clone(),
                vendor.report.key().to_string(),
            ];
            parts.extend(vendor.report_period_end.map(|date| date.to_string()));
            parts
        }
        RegisterTab::Risks => {
            let risk = registers.risks.get(index)?;
            let mut parts = vec![
                risk.title.clone(),
                risk.likelihood.to_string(),
                risk.impact.to_string(),
                risk.treatment.key().to_string(),
                risk.owner.clone(),
            ];
            if !risk.controls.is_empty() {
                parts.push(risk.controls.join(" "));
            }
            parts
        }
    };
    Some(parts.join(" | "))
}

/// Puts `entry` in `registers`: at the end, or in place of the entry at `replacing`, whose
/// fields the prompt does not show are kept (a policy's acknowledgements and file, a
/// vendor's data, bridge letter and reviews, a risk's review and approval). Returns the
/// entry's name, or why not (another entry has that name).
pub fn place(
    registers: &mut Registers,
    entry: Typed,
    replacing: Option<usize>,
) -> Result<String, String> {
    let name = entry.name().to_string();
    let other = |index: usize| replacing != Some(index);
    let taken = match &entry {
        Typed::Policy(_) => registers
            .policies
            .iter()
            .enumerate()
            .any(|(at, policy)| other(at) && same_name(&policy.name, &name)),
        Typed::Vendor(_) => registers
            .vendors
            .iter()
            .enumerate()
            .any(|(at, vendor)| other(at) && same_name(&vendor.name, &name)),
        Typed::Risk(_) => registers
            .risks
            .iter()
            .enumerate()
            .any(|(at, risk)| other(at) && same_name(&risk.title, &name)),
    };
    if taken {
        return Err(format!("\"{name}\" is already in the register."));
    }
    match (entry, replacing) {
        (Typed::Policy(policy), None) => registers.policies.push(policy),
        (Typed::Vendor(vendor), None) => registers.vendors.push(vendor),
        (Typed::Risk(risk), None) => registers.risks.push(risk),
        (Typed::Policy(policy), Some(at)) => {
            let old = &mut registers.policies[at];
            *old = PolicyRecord {
                file: std::mem::take(&mut old.file),
                acceptances: std::mem::take(&mut old.acceptances),
                ..policy
            };
        }
        (Typed::Vendor(vendor), Some(at)) => {
            let old = &mut registers.vendors[at];
            *old = Vendor {
                data: std::mem::take(&mut old.data),
                bridge_letter: old.bridge_letter,
                cuecs_reviewed: old.cuecs_reviewed,
                reviewed: old.reviewed,
                ..vendor
            };
        }
        (Typed::Risk(risk), Some(at)) => {
            let old = &mut registers.risks[at];
            *old = Risk {
                reviewed: old.reviewed,
                approver: std::mem::take(&mut old.approver),
                approved: old.approved,
                ..risk
            };
        }
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::*;

    fn add(registers: &mut Registers, tab: RegisterTab, text: &str) -> Result<String, String> {
        let known = |id: &str| id == "CC6.1.mfa";
        place(registers, typed(tab, text, known)?, None)
    }

    #[test]
    fn entries_are_typed_as_parts_and_checked_like_the_command_line() {
        let mut r = Registers::default();
        let risks = RegisterTab::Risks;
        assert_eq!(
            add(
                &mut r,
                risks,
                "Laptop theft | 3 | 4 | mitigate | IT | CC6.1.mfa"
            ),
            Ok("Laptop theft".into())
        );
        assert_eq!(r.risks[0].controls, ["CC6.1.mfa"]);
        assert_eq!(
            add(&mut r, risks, "Outage | 9 | 4 | avoid | IT"),
            Err("likelihood \"9\": expected a whole number from 1 to 5.".into())
        );
        assert_eq!(
            add(&mut r, risks, "laptop THEFT | 1 | 1 | avoid | IT"),
            Err("\"laptop THEFT\" is already in the register.".into())
        );
        let vendors = RegisterTab::Vendors;
        assert!(
            add(
                &mut r,
                vendors,
                "Cloudhost | high | hosting | soc2-type2 | 2026-06-30"
            )
            .is_ok()
        );
        assert_eq!(
            add(&mut r, vendors, "Mailco | urgent | email"),
            Err("criticality \"urgent\": expected high, medium or low.".into())
        );
        let policies = RegisterTab::Policies;
        assert!(add(&mut r, policies, "Access | CTO | 1.0 | 2026-01-10").is_ok());
        assert_eq!(
            add(&mut r, policies, "Access | CTO | 1.0"),
            Err("Type name | owner | version | approved date, separated by |.".into())
        );
        assert_eq!(r.vendors.len(), 1);
    }

    #[test]
    fn an_entry_edited_keeps_what_the_prompt_does_not_show_and_its_own_name_is_not_taken() {
        let mut r = Registers::default();
        let vendors = RegisterTab::Vendors;
        add(
            &mut r,
            vendors,
            "Cloudhost | high | hosting | soc2-type2 | 2026-06-30",
        )
        .unwrap();
        add(&mut r, vendors, "Mailco | low | email").unwrap();
        r.vendors[0].bridge_letter = Some(Date::constant(2026, 9, 1));
        r.vendors[0].data = "customer data".into();
        let form = typed_form(&r, vendors, 0).unwrap();
        assert_eq!(form, "Cloudhost | high | hosting | soc2-type2 | 2026-06-30");
        let edited = form
            .replace("high", "medium")
            .replace("2026-06-30", "2026-12-31");
        let entry = typed(vendors, &edited, |_| true).unwrap();
        assert_eq!(place(&mut r, entry, Some(0)), Ok("Cloudhost".into()));
        let vendor = &r.vendors[0];
        assert_eq!(vendor.criticality.key(), "medium");
        assert_eq!(vendor.report_period_end, Some(Date::constant(2026, 12, 31)));
        assert_eq!(vendor.bridge_letter, Some(Date::constant(2026, 9, 1)));
        assert_eq!(vendor.data, "customer data");
        let renamed = typed(vendors, "mailco | high | hosting", |_| true).unwrap();
        assert_eq!(
            place(&mut r, renamed, Some(0)),
            Err("\"mailco\" is already in the register.".into())
        );
        assert_eq!(
            r.vendors[0].name, "Cloudhost",
            "a refused edit changes nothing"
        );
    }

    #[test]
    fn a_policy_edited_keeps_its_acknowledgements_and_a_risk_its_approval() {
        let mut r = Registers::default();
        add(
            &mut r,
            RegisterTab::Policies,
            "Access | CTO | 1.0 | 2026-01-10",
        )
        .unwrap();
        r.policies[0]
            .acceptances
            .push(crate::registers::Acceptance {
                person: "Ana".into(),
                email: String::new(),
                version: "1.0".into(),
                date: Date::constant(2026, 1, 12),
            });
        let edited = typed(
            RegisterTab::Policies,
            "Access control | CTO | 1.1 | 2026-03-01",
            |_| true,
        )
        .unwrap();
        place(&mut r, edited, Some(0)).unwrap();
        assert_eq!(r.policies[0].name, "Access control");
        assert_eq!(r.policies[0].version, "1.1");
        assert_eq!(r.policies[0].acceptances.len(), 1);
        add(&mut r, RegisterTab::Risks, "Fraud | 5 | 5 | accept | CFO").unwrap();
        r.risks[0].approver = "CEO".into();
        r.risks[0].approved = Some(Date::constant(2026, 2, 1));
        assert_eq!(
            typed_form(&r, RegisterTab::Risks, 0).unwrap(),
            "Fraud | 5 | 5 | accept | CFO"
        );
        let edited = typed(
            RegisterTab::Risks,
            "Fraud | 4 | 5 | accept | CFO | ",
            |_| true,
        );
        place(&mut r, edited.unwrap(), Some(0)).unwrap();
        assert_eq!(r.risks[0].likelihood, 4);
        assert_eq!(r.risks[0].approver, "CEO");
        assert_eq!(typed_form(&r, RegisterTab::Risks, 5), None);
    }
}
