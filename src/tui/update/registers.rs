//! The registers screen: switch between the policy, vendor and risk registers, select,
//! add an entry through a one-line prompt (parts separated by `|`, checked by the same rules
//! as the command line: [`register_entry`]), edit the selected one in the same prompt, remove. Every change is saved like an answer.

use super::{persist, register_entry};
use crate::registers::Registers;
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
        Action::New | Action::Delete | Action::Edit if read_only.is_some() => {
            let reason = read_only.unwrap_or_default();
            app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        }
        Action::New => app.prompt = Some(Prompt::new(PromptKind::Register(view.tab), "")),
        Action::Delete if view.selected < entries => remove(app),
        Action::Edit if view.selected < entries => start_edit(app),
        _ => {}
    }
}

/// Adds the entry typed as `text` to the register `tab` and selects it, or says why not.
pub fn add(app: &mut App, tab: RegisterTab, text: &str) -> Result<(), String> {
    save_typed(app, tab, text, None)
}

/// Replaces the entry at `index` of the register `tab` with the one typed as `text`, or
/// says why not.
pub fn edit(app: &mut App, tab: RegisterTab, index: usize, text: &str) -> Result<(), String> {
    save_typed(app, tab, text, Some(index))
}

fn save_typed(
    app: &mut App,
    tab: RegisterTab,
    text: &str,
    replacing: Option<usize>,
) -> Result<(), String> {
    let Some(session) = app.session.as_mut() else {
        return Ok(());
    };
    let questionnaire = &app.questionnaire;
    let entry = register_entry::typed(tab, text, |id| questionnaire.question(id).is_some())?;
    let registers = &mut session.assessment.registers;
    let name = register_entry::place(registers, entry, replacing)?;
    app.registers.selected = replacing.unwrap_or(count(registers, tab).saturating_sub(1));
    persist(app);
    if app.status.tone != Tone::Error {
        let done = if replacing.is_some() {
            "Changed"
        } else {
            "Added"
        };
        app.status = Status::new(Tone::Info, format!("{done} \"{name}\" · saving…"));
    }
    Ok(())
}

/// Opens the prompt on the selected entry, typed as when it was added.
fn start_edit(app: &mut App) {
    let Some(session) = app.session.as_ref() else {
        return;
    };
    let view = app.registers;
    if let Some(text) =
        register_entry::typed_form(&session.assessment.registers, view.tab, view.selected)
    {
        let kind = PromptKind::RegisterEdit(view.tab, view.selected);
        app.prompt = Some(Prompt::new(kind, &text));
    }
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
