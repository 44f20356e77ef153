//! Home: the assessments of the data directory (organisation, target, readiness, verdict,
//! last change), the details of the selected one — or the located reason a file could not
//! be read — and the dialogs opened from here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{block, percent, popup};
use crate::tui::app::{App, Entry, Summary};
use crate::tui::layout;

/// Draws Home in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let [list, details] = layout::home(body);
    render_list(frame, list, app);
    render_details(frame, details, app);
    if let Some(form) = &app.home.form {
        popup::form(frame, body, &app.theme, form);
    } else if app.home.confirm_delete
        && let Some(entry) = app.home.entry()
    {
        popup::confirm_delete(frame, body, &app.theme, entry);
    }
}

fn render_list(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let title = format!("Assessments in {}", app.storage.data_dir().display());
    if app.home.entries.is_empty() {
        let text = vec![
            Line::from("No assessments yet."),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled("n", theme.key),
                Span::raw(" to create one, or "),
                Span::styled("i", theme.key),
                Span::raw(" to read how SOC 2's three stages differ."),
            ]),
        ];
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(block(theme, title)),
            area,
        );
        return;
    }
    let rows = app.home.entries.iter().map(|entry| row(app, entry));
    let header = Row::new([
        "Organisation",
        "Target",
        "Readiness",
        "Verdict",
        "Last change",
    ])
    .style(theme.heading);
    let table = Table::new(
        rows,
        [
            Constraint::Min(16),
            Constraint::Length(7),
            Constraint::Length(10),
            Constraint::Length(16),
            Constraint::Length(17),
        ],
    )
    .header(header)
    .block(block(theme, title))
    .row_highlight_style(theme.selected);
    let height = usize::from(layout::table_rows(area).height);
    let offset = layout::scroll_offset(app.home.selected, app.home.entries.len(), height);
    let mut state = TableState::default()
        .with_offset(offset)
        .with_selected(Some(app.home.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

fn row<'a>(app: &App, entry: &'a Entry) -> Row<'a> {
    let theme = &app.theme;
    match &entry.loaded {
        Ok(summary) => Row::new([
            Cell::from(summary.organization.as_str()),
            Cell::from(summary.target.label()),
            Cell::from(percent(summary.readiness)),
            Cell::from(Span::styled(
                summary.verdict.label(),
                theme.verdict(summary.verdict),
            )),
            Cell::from(last_change(app, summary)),
        ]),
        Err(_) => Row::new([
            Cell::from(file_name(entry)),
            Cell::from("—"),
            Cell::from("—"),
            Cell::from(Span::styled("cannot be read", theme.bad)),
            Cell::from(""),
        ]),
    }
}

/// When the assessment last changed, in the clock's time zone.
fn last_change(app: &App, summary: &Summary) -> String {
    summary.updated.map_or_else(
        || summary.created.to_string(),
        |updated| {
            app.clock
                .local(updated)
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

fn file_name(entry: &Entry) -> String {
    entry
        .path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

fn render_details(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let Some(entry) = app.home.entry() else {
        let text = "Your answers stay on this computer. Every change is saved at once.";
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.dim)
                .wrap(Wrap { trim: true })
                .block(block(theme, "About")),
            area,
        );
        return;
    };
    let path = entry.path.display().to_string();
    let (title, lines) = match &entry.loaded {
        Ok(summary) => (
            summary.organization.as_str(),
            vec![
                Line::from(vec![Span::styled("File  ", theme.dim), Span::raw(path)]),
                Line::from(vec![
                    Span::styled("Started  ", theme.dim),
                    Span::raw(summary.created.to_string()),
                    Span::styled("   Aiming for  ", theme.dim),
                    Span::raw(format!("SOC 2 {}", summary.target.label())),
                ]),
            ],
        ),
        Err(error) => (
            "Cannot be read — left untouched",
            Text::styled(error.as_str(), theme.bad).lines,
        ),
    };
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(theme, title)),
        area,
    );
}
