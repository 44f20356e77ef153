//! Mouse clicks: a click on an answer answers, a click on a sidebar criterion, a Home entry
//! or a dashboard gap selects it. Matched against the same [layout](crate::tui::layout) the
//! views draw with.

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
            let answers = layout::below_top_border(areas.answers);
            if let Some(at) = layout::row_at(answers, 0, column, row) {
                return options.get(at).copied().map(Action::Answer);
            }
            let rows = session.nav.sidebar(&app.questionnaire, &session.assessment);
            let selected = criterion_row(&rows, &question.criterion);
            let inner = layout::inner(areas.sidebar);
            let offset = layout::scroll_offset(selected, rows.len(), usize::from(inner.height));
            layout::row_at(inner, offset, column, row).map(Action::Select)
        }
        Screen::Dashboard => {
            let gaps = app.session.as_ref()?.card.gaps.len();
            list_row(layout::dashboard(body).gaps, app.gap, gaps, column, row)
        }
        Screen::Home | Screen::Stages | Screen::Export | Screen::Certification => None,
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
