//! The registers screen: switch between the policy, vendor and risk registers, select,
//! add an entry through a one-line prompt (parts separated by `|`, checked by the same rules
//! as the command line), remove. Every change is saved like an answer.

use super::persist;
use crate::assessment::Assessment;
use crate::registers::input::{self, RiskText, VendorText};
use crate::registers::{Refusal, Registers, same_name};
use crate::tui::action::Action;
use crate::tui::app::{App, Prompt, PromptKind, RegisterTab, Screen, Status, Tone};

/// The number of entries of the register `tab`.
pub fn count(registers: &Registers, tab: RegisterTab) -> usize {
    match tab {
        RegisterTab::Policies => registers.policies.len(),
        RegisterTab::Vendors => registers.vendors.len(),
        RegisterTab::Risks => registers.risks.len(),
    }
}

/// Handles an action on the registers screen.
pub fn update(app: &mut App, action: Action) {
    let Some(session) = app.session.as_ref() else {
        return;
    };
    let view = &mut app.registers;
    let entries = count(&session.assessment.registers, view.tab);
    let read_only = session.read_only.clone();
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(entries.saturating_sub(1)),
        Action::NextField | Action::PrevField => {
            view.tab = view.tab.step(action == Action::PrevField);
            view.selected = 0;
        }
        Action::Back => app.screen = Screen::Dashboard,
        Action::New | Action::Delete if read_only.is_some() => {
            let reason = read_only.unwrap_or_default();
            app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        }
        Action::New => app.prompt = Some(Prompt::new(PromptKind::Register(view.tab), "")),
        Action::Delete if view.selected < entries => remove(app),
        _ => {}
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

/// Adds the entry typed as `text` to the register `tab` and selects it, or says why not.
pub fn add(app: &mut App, tab: RegisterTab, text: &str) -> Result<(), String> {
    let Some(session) = app.session.as_mut() else {
        return Ok(());
    };
    let questionnaire = &app.questionnaire;
    let known = |id: &str| questionnaire.question(id).is_some();
    let name = add_entry(&mut session.assessment, tab, text, known)?;
    app.registers.selected = count(&session.assessment.registers, tab).saturating_sub(1);
    persist(app);
    if app.status.tone != Tone::Error {
        app.status = Status::new(Tone::Info, format!("Added \"{name}\" · saving…"));
    }
    Ok(())
}

/// Checks `text` and adds it to the register `tab` of `assessment`; returns the name.
fn add_entry(
    assessment: &mut Assessment,
    tab: RegisterTab,
    text: &str,
    known: impl Fn(&str) -> bool,
) -> Result<String, String> {
    let registers = &mut assessment.registers;
    let taken = |name: &str| format!("\"{name}\" is already in the register.");
    match tab {
        RegisterTab::Policies => {
            let p = parts(text, 4, 4, "name | owner | version | approved date")?;
            let policy =
                input::policy([&p[0], &p[1], &p[2], &p[3]], None, named).map_err(refused)?;
            if registers
                .policies
                .iter()
                .any(|other| same_name(&other.name, &policy.name))
            {
                return Err(taken(&policy.name));
            }
            registers.policies.push(policy);
        }
        RegisterTab::Vendors => {
            let p = parts(
                text,
                3,
                5,
                "name | criticality | service (| report | report period end)",
            )?;
            let cell = |index: usize| p.get(index).map(String::as_str);
            let row = VendorText {
                name: &p[0],
                criticality: &p[1],
                service: &p[2],
                report_type: cell(3),
                report_period_end: cell(4),
                ..VendorText::default()
            };
            let vendor = input::vendor(&row, named).map_err(refused)?;
            if registers
                .vendors
                .iter()
                .any(|other| same_name(&other.name, &vendor.name))
            {
                return Err(taken(&vendor.name));
            }
            registers.vendors.push(vendor);
        }
        RegisterTab::Risks => {
            let p = parts(
                text,
                5,
                6,
                "title | likelihood | impact | treatment | owner (| control ids)",
            )?;
            let row = RiskText {
                title: &p[0],
                likelihood: &p[1],
                impact: &p[2],
                treatment: &p[3],
                owner: &p[4],
                controls: p
                    .get(5)
                    .map_or_else(Vec::new, |ids| ids.split([' ', ',']).collect()),
                ..RiskText::default()
            };
            let risk = input::risk(&row, named, known).map_err(refused)?;
            if registers
                .risks
                .iter()
                .any(|other| same_name(&other.title, &risk.title))
            {
                return Err(taken(&risk.title));
            }
            registers.risks.push(risk);
        }
    }
    Ok(match tab {
        RegisterTab::Policies => registers.policies.last().map(|p| p.name.clone()),
        RegisterTab::Vendors => registers.vendors.last().map(|v| v.name.clone()),
        RegisterTab::Risks => registers.risks.last().map(|r| r.title.clone()),
    }
    .unwrap_or_default())
}

/// Removes the selected entry of the register shown.
fn remove(app: &mut App) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let view = &mut app.registers;
    let registers = &mut session.assessment.registers;
    let index = view.selected;
    let name = match view.tab {
        RegisterTab::Policies => registers.policies.remove(index).name,
        RegisterTab::Vendors => registers.vendors.remove(index).name,
        RegisterTab::Risks => registers.risks.remove(index).title,
    };
    view.selected = index.min(count(registers, view.tab).saturating_sub(1));
    persist(app);
    if app.status.tone != Tone::Error {
        app.status = Status::new(Tone::Info, format!("Removed \"{name}\" · saving…"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Target;
    use jiff::civil::Date;

    fn assessment() -> Assessment {
        Assessment::new("Acme", "", Date::constant(2026, 1, 1), Target::Type2, [])
    }

    #[test]
    fn entries_are_typed_as_parts_and_checked_like_the_command_line() {
        let mut a = assessment();
        let known = |id: &str| id == "CC6.1.mfa";
        assert_eq!(
            add_entry(
                &mut a,
                RegisterTab::Risks,
                "Laptop theft | 3 | 4 | mitigate | IT | CC6.1.mfa",
                known
            ),
            Ok("Laptop theft".into())
        );
        assert_eq!(a.registers.risks[0].controls, ["CC6.1.mfa"]);
        assert_eq!(
            add_entry(
                &mut a,
                RegisterTab::Risks,
                "Outage | 9 | 4 | avoid | IT",
                known
            ),
            Err("likelihood \"9\": expected a whole number from 1 to 5.".into())
        );
        assert_eq!(
            add_entry(
                &mut a,
                RegisterTab::Risks,
                "laptop THEFT | 1 | 1 | avoid | IT",
                known
            ),
            Err("\"laptop THEFT\" is already in the register.".into())
        );
        assert!(
            add_entry(
                &mut a,
                RegisterTab::Vendors,
                "Cloudhost | high | hosting | soc2-type2 | 2026-06-30",
                known
            )
            .is_ok()
        );
        assert_eq!(
            add_entry(
                &mut a,
                RegisterTab::Vendors,
                "Mailco | urgent | email",
                known
            ),
            Err("criticality \"urgent\": expected high, medium or low.".into())
        );
        assert!(
            add_entry(
                &mut a,
                RegisterTab::Policies,
                "Access | CTO | 1.0 | 2026-01-10",
                known
            )
            .is_ok()
        );
        assert_eq!(
            add_entry(&mut a, RegisterTab::Policies, "Access | CTO | 1.0", known),
            Err("Type name | owner | version | approved date, separated by |.".into())
        );
        assert_eq!(count(&a.registers, RegisterTab::Vendors), 1);
    }
}
