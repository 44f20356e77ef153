//! The export screen: the formats and the auditor's package in a row, the paper size and
//! the package's evidence choice, the path being typed (with what Tab left to choose from),
//! what the chosen document holds, and where it went or why it could not be written — or,
//! while the package is written, a gauge of its bytes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::{block, popup};
use crate::report::{Format, Paper, SoaFile};
use crate::text_safety::visible_line;
use crate::tui::app::{App, Document, Writing};
use crate::tui::theme::Theme;

/// What each document is for.
fn purpose(document: Document) -> &'static str {
    let Document::Report(format) = document else {
        return "The auditor's package, as `soc2-ready package` writes it: the request list, the gap report as PDF, the registers and every evidence file, with SHA256SUMS, in one ZIP.";
    };
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

/// The documents offered, the chosen one highlighted, on as many lines of `width` as they
/// need; a line breaks between two documents, never inside one.
fn format_lines(theme: &Theme, chosen: Document, width: u16) -> Vec<Line<'static>> {
    let formats = Document::all().map(|document| (document, document.label()));
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
fn paper_line(theme: &Theme, chosen: Paper, document: Document) -> Line<'static> {
    let mut spans = vec![Span::styled("Paper    ", theme.dim)];
    let papers = [(Paper::A4, "A4"), (Paper::Letter, "Letter")];
    spans.extend(choices(theme, papers, &chosen, " · "));
    let note = if document.uses_paper() {
        "  Ctrl-P changes it"
    } else {
        "  (only for PDF and the package)"
    };
    spans.push(Span::styled(note, theme.dim));
    Line::from(spans)
}

/// The package's evidence choice: every file, or the index only.
fn evidence_line(theme: &Theme, index_only: bool, document: Document) -> Line<'static> {
    let mut spans = vec![Span::styled("Evidence ", theme.dim)];
    let options = [(false, "every file"), (true, "index only")];
    spans.extend(choices(theme, options, &index_only, " · "));
    let note = if document == Document::Package {
        "  Ctrl-O changes it"
    } else {
        "  (only for the package)"
    };
    spans.push(Span::styled(note, theme.dim));
    Line::from(spans)
}

/// The package being written: the member, a gauge of the bytes, and how to stop.
fn writing(frame: &mut Frame, area: Rect, theme: &Theme, writing: &Writing) {
    let [member, gauge, _, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let doing = if writing.cancelling {
        "Cancelling: removing the partial package…".to_string()
    } else if writing.member.is_empty() {
        "Starting…".to_string()
    } else {
        format!("Writing {}", visible_line(&writing.member))
    };
    frame.render_widget(Paragraph::new(Line::styled(doing, theme.heading)), member);
    frame.render_widget(
        Gauge::default()
            .gauge_style(theme.good)
            .ratio(writing.ratio().clamp(0.0, 1.0))
            .label(writing.label()),
        gauge,
    );
    let text = format!(
        "{}. Esc cancels: the ZIP is built in a temporary file and appears only when complete.",
        writing.contents
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.dim)
            .wrap(Wrap { trim: true }),
        note,
    );
}

/// Draws the export screen in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let theme = &app.theme;
    let Some(form) = &app.export else {
        return;
    };
    let outer = block(theme, "Export the gap report or the auditor's package");
    let inner = outer.inner(body);
    frame.render_widget(outer, body);
    let formats = format_lines(theme, form.document, inner.width);
    let rows = u16::try_from(formats.len()).unwrap_or(u16::MAX);
    let [
        tabs_area,
        paper_area,
        evidence_area,
        _,
        label,
        path,
        choices_area,
        about,
        outcome,
    ] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
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
    frame.render_widget(paper_line(theme, form.paper, form.document), paper_area);
    frame.render_widget(
        evidence_line(theme, form.index_only, form.document),
        evidence_area,
    );
    frame.render_widget(
        Line::styled(
            "Save as (type to change the path; Tab completes it)",
            theme.heading,
        ),
        label,
    );
    popup::field(frame, path, theme, &form.path, form.writing.is_none());
    if let Some(choices) = &form.choices {
        frame.render_widget(
            Line::styled(visible_line(choices).into_owned(), theme.dim),
            choices_area,
        );
    }
    frame.render_widget(
        Paragraph::new(purpose(form.document))
            .style(theme.dim)
            .wrap(Wrap { trim: true }),
        about,
    );
    if let Some(state) = &form.writing {
        writing(frame, outcome, theme, state);
        return;
    }
    let result = match &form.outcome {
        None => Text::styled("Enter writes it; an existing file is replaced.", theme.dim),
        Some(Ok(path)) => Text::styled(format!("Written: {}", visible_line(path)), theme.good),
        Some(Err(error)) => Text::styled(error.as_str(), theme.bad),
    };
    frame.render_widget(Paragraph::new(result).wrap(Wrap { trim: false }), outcome);
}
