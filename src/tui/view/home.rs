//! Home: the portfolio — every assessment of the data directory side by side (organisation,
//! target, answered of total, readiness and verdict per stage, overall verdict, last
//! change, and on wide screens the earliest realistic report date), sortable — the details of the selected one — or the located reason a file could not
//! be read — and the dialogs opened from here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::{block, percent, popup};
use crate::scoring::Verdict;
use crate::text_safety::visible_line;
use crate::tui::app::{App, Entry, Summary};
use crate::tui::layout;

/// Draws Home in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let [list, details] = layout::home(body);
    render_list(frame, list, app);
    render_details(frame, details, app);
    if let Some(form) = &app.home.form {
        let questions = form.questions_in_scope(&app.questionnaire);
        popup::form(frame, body, &app.theme, form, questions);
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
    // Narrow terminals show the date of the last change without the time, and leave the
    // report date to the details below.
    let wide = area.width >= 100;
    let dated = area.width >= REPORT_COLUMN_FROM;
    let rows = app
        .home
        .entries
        .iter()
        .map(|entry| row(app, entry, wide, dated));
    let mut header = vec![
        "Organisation",
        "Target",
        "Answered",
        "Compl.",
        "Attest.",
        "Cert.",
        "Overall",
        if wide { "Last change" } else { "Changed" },
    ];
    let mut widths = vec![
        Constraint::Min(12),
        Constraint::Length(6),
        Constraint::Length(8),
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(14),
        Constraint::Length(if wide { 16 } else { 10 }),
    ];
    if dated {
        header.push("Report by");
        widths.push(Constraint::Length(10));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.heading))
        .block(block(theme, title).title_bottom(Line::from(vec![
            Span::styled(
                " ✓ ready  ~ getting there  ✗ not ready  ? not assessed · sorted by ",
                theme.dim,
            ),
            Span::raw(app.home.sort.label()),
            Span::styled(" (", theme.dim),
            Span::styled("s", theme.key),
            Span::styled(") ", theme.dim),
        ])))
        .row_highlight_style(theme.selected);
    let height = usize::from(layout::table_rows(area).height);
    let offset = layout::scroll_offset(app.home.selected, app.home.entries.len(), height);
    let mut state = TableState::default()
        .with_offset(offset)
        .with_selected(Some(app.home.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The width of the list from which the earliest report date gets a column of its own.
const REPORT_COLUMN_FROM: u16 = 110;

fn row<'a>(app: &App, entry: &'a Entry, wide: bool, dated: bool) -> Row<'a> {
    let theme = &app.theme;
    match &entry.loaded {
        Ok(summary) => {
            let mut cells = vec![
                Cell::from(visible_line(&summary.organization)),
                Cell::from(summary.target.label()),
                Cell::from(format!("{}/{}", summary.answered, summary.questions)),
            ];
            cells.extend(summary.stages.iter().map(|stage| {
                Cell::from(Span::styled(
                    format!("{} {}", percent(stage.readiness), mark(stage.verdict)),
                    theme.verdict(stage.verdict),
                ))
            }));
            cells.push(Cell::from(Span::styled(
                summary.verdict.short_label(),
                theme.verdict(summary.verdict),
            )));
            cells.push(Cell::from(last_change(app, summary, wide)));
            if dated {
                cells.push(Cell::from(summary.report_date.to_string()));
            }
            Row::new(cells)
        }
        Err(_) => {
            let mut cells = vec![Cell::from(visible_line(&entry.file_name()).into_owned())];
            cells.extend((0..5).map(|_| Cell::from("—")));
            cells.push(Cell::from(Span::styled("cannot be read", theme.bad)));
            Row::new(cells)
        }
    }
}

/// A verdict as one character for the narrow stage columns (the legend explains it).
fn mark(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "✓",
        Verdict::GettingThere => "~",
        Verdict::NotReady => "✗",
        Verdict::NotAssessed => "?",
    }
}

/// When the assessment last changed, in the clock's time zone.
fn last_change(app: &App, summary: &Summary, wide: bool) -> String {
    let format = if wide { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d" };
    summary.updated.map_or_else(
        || summary.created.to_string(),
        |updated| app.clock.local(updated).strftime(format).to_string(),
    )
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
            visible_line(&summary.organization),
            vec![
                Line::from(vec![Span::styled("File  ", theme.dim), Span::raw(path)]),
                Line::from(vec![
                    Span::styled("Started  ", theme.dim),
                    Span::raw(summary.created.to_string()),
                    Span::styled("   Aiming for  ", theme.dim),
                    Span::raw(format!("SOC 2 {}", summary.target.label())),
                    Span::styled("   Earliest realistic report  ", theme.dim),
                    Span::raw(summary.report_date.to_string()),
                ]),
                Line::from(vec![
                    Span::styled("Verdicts  ", theme.dim),
                    Span::raw(summary.policy.describe()),
                ]),
            ],
        ),
        Err(error) => (
            "Cannot be read — left untouched".into(),
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
