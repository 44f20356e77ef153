//! The dashboard: select a gap and jump to its question, or go on to the wizard, the
//! three stages, the export screen, the registers or back Home.

use super::{certification, export, go_home, show_stages};
use crate::time::workshop::Grouping;
use crate::tui::action::Action;
use crate::tui::app::{App, Filter, Screen};

/// Handles the dashboard's actions.
pub fn update(app: &mut App, action: Action) {
    let gaps = app
        .session
        .as_ref()
        .map_or(0, |session| session.card.gaps.len());
    match action {
        Action::Up => app.gap = app.gap.saturating_sub(1),
        Action::Down => app.gap = (app.gap + 1).min(gaps.saturating_sub(1)),
        Action::Select(index) if index < gaps => app.gap = index,
        Action::Confirm => open_gap(app),
        Action::ShowWizard => app.screen = Screen::Wizard,
        Action::Stages => show_stages(app),
        Action::Export => export::open(app),
        Action::Certification => certification::open(app),
        Action::Registers => app.screen = Screen::Registers,
        Action::Workshop => super::workshop::open(app, Grouping::Group, None),
        Action::Back => go_home(app),
        _ => {}
    }
}

/// Shows the selected gap's question in the wizard, clearing filters that would hide it.
fn open_gap(app: &mut App) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let Some(gap) = session.card.gaps.get(app.gap) else {
        return;
    };
    let Some(index) = app
        .questionnaire
        .questions()
        .iter()
        .position(|question| question.id == gap.question)
    else {
        return;
    };
    if !session.visible(&app.questionnaire).contains(&index) {
        session.nav.filter = Filter::All;
        session.nav.search.clear();
    }
    session.nav.go(index);
    app.screen = Screen::Wizard;
}
