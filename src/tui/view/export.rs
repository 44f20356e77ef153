//! The export screen: the format as tabs, the path being typed, what the chosen format
//! holds, and where the report went or why it could not be written.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Wrap};

use super::{block, popup};
use crate::report::Format;
use crate::tui::app::App;

/// What each format is for.
fn purpose(format: Format) -> &'static str {
    match format {
        Format::Pdf => {
            "A printable report: the verdict of each stage, Type 1 against Type 2, and the gaps with the steps that close them."
        }
        Format::Markdown => "The same report as text, for a wiki or a ticket.",
        Format::Json => "Every fact of the report, for scripts.",
        Format::Csv => "The gap list, one row per gap, for a spreadsheet or a tracker.",
    }
}

/// Draws the export screen in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let theme = &app.theme;
    let Some(form) = &app.export else {
        return;
    };
    let outer = block(theme, "Export the gap report");
    let inner = outer.inner(body);
    frame.render_widget(outer, body);
    let [tabs_area, _, label, path, _, about, outcome] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(0),
    ])
    .areas(inner);
    let tabs = Tabs::new(Format::ALL.iter().map(|format| format.label()))
        .select(Format::ALL.iter().position(|&format| format == form.format))
        .style(theme.dim)
        .highlight_style(theme.selected);
    frame.render_widget(tabs, tabs_area);
    frame.render_widget(
        Line::styled("Save as (type to change the path)", theme.heading),
        label,
    );
    popup::field(frame, path, theme, &form.path, true);
    frame.render_widget(
        Paragraph::new(purpose(form.format))
            .style(theme.dim)
            .wrap(Wrap { trim: true }),
        about,
    );
    let result = match &form.outcome {
        None => Line::styled(
            "Enter writes the report; an existing file is replaced.",
            theme.dim,
        ),
        Some(Ok(path)) => Line::styled(format!("Written: {path}"), theme.good),
        Some(Err(error)) => Line::styled(error.as_str(), theme.bad),
    };
    frame.render_widget(Paragraph::new(result).wrap(Wrap { trim: false }), outcome);
}
