//! The export screen: the formats in a row, the paper size, the path being typed, what the
//! chosen format holds, and where the report went or why it could not be written.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{block, popup};
use crate::report::{Format, Paper, SoaFile};
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// What each format is for.
fn purpose(format: Format) -> &'static str {
    match format {
        Format::Pdf => {
            "A printable report: the verdict of each stage, Type 1 against Type 2, and the gaps with the steps that close them."
        }
        Format::Markdown => "The same report as text, for a wiki or a ticket.",
        Format::Json => "Every fact of the report, for scripts.",
        Format::Csv => "The gap list, one row per gap, for a spreadsheet or a tracker.",
        Format::Tickets(_) => {
            "One ticket per gap, as CSV with the columns this tracker's import maps on its own."
        }
        Format::Ics => {
            "The periodic controls as recurring events and the gap due dates, for any calendar."
        }
        Format::Soa(SoaFile::Pdf) => {
            "A draft ISO 27001 Statement of Applicability to print: the 93 Annex A controls by theme, from the SOC 2 answers."
        }
        Format::Soa(_) => {
            "A draft ISO 27001 Statement of Applicability: the 93 Annex A controls, from the SOC 2 answers."
        }
        Format::Xlsx => {
            "A workbook: summary, gaps, answers, owners and the control calendar, with filters and real dates."
        }
    }
}

/// One span per choice, `separator` between them, the chosen one highlighted.
fn choices<T: PartialEq>(
    theme: &Theme,
    items: impl IntoIterator<Item = (T, &'static str)>,
    chosen: &T,
    separator: &'static str,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (at, (item, label)) in items.into_iter().enumerate() {
        if at > 0 {
            spans.push(Span::styled(separator, theme.dim));
        }
        let style = if item == *chosen {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {label} "), style));
    }
    spans
}

/// The formats offered, the chosen one highlighted, on as many lines of `width` as they
/// need; a line breaks between two formats, never inside one.
fn format_lines(theme: &Theme, chosen: Format, width: u16) -> Vec<Line<'static>> {
    let formats = Format::ALL
        .into_iter()
        .map(|format| (format, format.label()));
    let mut spans = choices(theme, formats, &chosen, "│").into_iter();
    let mut lines = vec![Line::from(spans.next().into_iter().collect::<Vec<_>>())];
    while let (Some(separator), Some(item)) = (spans.next(), spans.next()) {
        let line = lines.last_mut().expect("one line at least");
        if line.width() + separator.width() + item.width() <= usize::from(width) {
            line.push_span(separator);
            line.push_span(item);
        } else {
            lines.push(Line::from(item));
        }
    }
    lines
}

/// The paper sizes offered, the chosen one highlighted.
fn paper_line(theme: &Theme, chosen: Paper, format: Format) -> Line<'static> {
    let mut spans = vec![Span::styled("Paper ", theme.dim)];
    let papers = [(Paper::A4, "A4"), (Paper::Letter, "Letter")];
    spans.extend(choices(theme, papers, &chosen, " · "));
    let note = if format.is_pdf() {
        "  ↑/↓ changes it"
    } else {
        "  (only for PDF)"
    };
    spans.push(Span::styled(note, theme.dim));
    Line::from(spans)
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
    let formats = format_lines(theme, form.format, inner.width);
    let rows = u16::try_from(formats.len()).unwrap_or(u16::MAX);
    let [tabs_area, paper_area, _, label, path, _, about, outcome] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(formats), tabs_area);
    frame.render_widget(paper_line(theme, form.paper, form.format), paper_area);
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
