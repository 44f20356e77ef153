//! The mouse: a click on an answer answers, a click on a sidebar criterion, a Home entry or
//! a dashboard gap selects it, and the wheel scrolls the list or text under the pointer.
//! Matched against the same [layout](crate::tui::layout) the views draw with.

use ratatui::layout::{Position, Rect};

use crate::assessment::Answer;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, answer_options, criterion_row};
use crate::tui::layout;

/// The action a left click at (`column`, `row`) stands for, if any.
pub fn action_at(app: &App, column: u16, row: u16) -> Option<Action> {
    if app.help.is_some() || app.prompt.is_some() || layout::too_small(app.size) {
        return None;
    }
    let body = layout::chrome(app.size).body;
    match app.screen {
        Screen::Home if app.home.form.is_none() && !app.home.confirm_delete => {
            let [table, _] = layout::home(body);
            list_row(
                table,
                app.home.selected,
                app.home.entries.len(),
                column,
                row,
            )
        }
        Screen::Wizard => {
            let session = app.session.as_ref()?;
            let question = session.question(&app.questionnaire)?;
            let options = answer_options(question.kind);
            let areas = layout::wizard(body, options.len());
            if let Some(answer) = answer_at(areas.answers, options, column, row) {
                return Some(answer);
            }
            let rows = session.nav.sidebar(&app.questionnaire, &session.assessment);
            let selected = criterion_row(&rows, &question.criterion);
            let inner = layout::inner(areas.sidebar);
            let offset = layout::scroll_offset(selected, rows.len(), usize::from(inner.height));
            layout::row_at(inner, offset, column, row).map(Action::Select)
        }
        Screen::Workshop => {
            let question = app.session.as_ref()?.question(&app.questionnaire)?;
            let options = answer_options(question.kind);
            let areas = layout::workshop(body, options.len());
            answer_at(areas.answers, options, column, row)
        }
        Screen::Dashboard => {
            let gaps = app.session.as_ref()?.card.gaps.len();
            list_row(layout::dashboard(body).gaps, app.gap, gaps, column, row)
        }
        Screen::Home
        | Screen::Stages
        | Screen::Export
        | Screen::Certification
        | Screen::Registers => None,
    }
}

/// The action the mouse wheel stands for at (`column`, `row`): it scrolls the list or text
/// under the pointer (the help, the three stages, the "certification" and registers screens wherever it
/// is), or does nothing.
pub fn wheel_at(app: &App, column: u16, row: u16, down: bool) -> Option<Action> {
    if app.prompt.is_some() || layout::too_small(app.size) {
        return None;
    }
    let pick = |up: Action, down_action: Action| if down { down_action } else { up };
    if app.help.is_some() {
        return Some(pick(Action::Up, Action::Down));
    }
    let under = |area: Rect| area.contains(Position::new(column, row));
    let body = layout::chrome(app.size).body;
    match app.screen {
        Screen::Home if app.home.form.is_none() && !app.home.confirm_delete => {
            under(layout::home(body)[0]).then(|| pick(Action::Up, Action::Down))
        }
        Screen::Wizard => {
            let session = app.session.as_ref()?;
            let question = session.question(&app.questionnaire)?;
            let areas = layout::wizard(body, answer_options(question.kind).len());
            if under(areas.sidebar) {
                Some(pick(Action::PrevCriterion, Action::NextCriterion))
            } else if under(areas.question) {
                Some(pick(Action::PageUp, Action::PageDown))
            } else {
                None
            }
        }
        Screen::Workshop => {
            let question = app.session.as_ref()?.question(&app.questionnaire)?;
            let areas = layout::workshop(body, answer_options(question.kind).len());
            if under(areas.agenda) {
                Some(pick(Action::PrevCriterion, Action::NextCriterion))
            } else if under(areas.question) {
                Some(pick(Action::PageUp, Action::PageDown))
            } else {
                None
            }
        }
        Screen::Dashboard => {
            under(layout::dashboard(body).gaps).then(|| pick(Action::Up, Action::Down))
        }
        Screen::Stages | Screen::Certification | Screen::Registers => {
            Some(pick(Action::Up, Action::Down))
        }
        Screen::Home | Screen::Export => None,
    }
}

/// The row of a bordered table with a header that a click falls on.
fn list_row(
    table: ratatui::layout::Rect,
    selected: usize,
    len: usize,
    column: u16,
    row: u16,
) -> Option<Action> {
    let rows = layout::table_rows(table);
    let offset = layout::scroll_offset(selected, len, usize::from(rows.height));
    layout::row_at(rows, offset, column, row)
        .filter(|&at| at < len)
        .map(Action::Select)
}

/// The answer a click falls on in an answers list (a top border, then one row per option).
fn answer_at(answers: Rect, options: &[Answer], column: u16, row: u16) -> Option<Action> {
    let at = layout::row_at(layout::below_top_border(answers), 0, column, row)?;
    options.get(at).copied().map(Action::Answer)
}
