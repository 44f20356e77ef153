//! The evidence log of the current question, over the wizard: months of operating evidence,
//! the *claimed, not evidenced* flag, and the entries with the selected one highlighted,
//! each file under its entry with its size and state (intact, changed, missing), and what
//! the last import did, with the answers it proposes until `A` sets them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use crate::assessment::locker::{FileState, size_text};
use crate::text_safety::visible_text;
use crate::time::evidence::{claim, months};
use crate::tui::app::App;

/// Draws the log in the middle of `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let Some(session) = &app.session else {
        return;
    };
    let Some(question) = session.question(&app.questionnaire) else {
        return;
    };
    let theme = &app.theme;
    let record = session
        .assessment
        .record(&question.id)
        .cloned()
        .unwrap_or_default();
    let window = session.assessment.audit.window_months;
    let months = months(&record.evidence);
    let mut lines = vec![Line::from(match claim(&record, window) {
        Some(claim) => Span::styled(
            format!(
                "{months} months of operating evidence · {}",
                claim.describe()
            ),
            theme.warn,
        ),
        None => Span::raw(format!("{months} months of operating evidence")),
    })];
    if record.evidence.is_empty() {
        lines.push(Line::styled(
            "No evidence yet: a adds an entry, f adds a file, i imports a tool's export.",
            theme.dim,
        ));
    }
    if let Some(last) = &session.last_import {
        let style = if last.proposed.is_empty() {
            theme.dim
        } else {
            theme.warn
        };
        lines.push(Line::styled(
            visible_text(&format!("Last import: {}", last.summary)).into_owned(),
            style,
        ));
    }
    let selected = app.evidence.unwrap_or(0);
    for (index, entry) in record.evidence.iter().enumerate() {
        let period = entry
            .period
            .map(|(from, to)| format!(" · covers {from} to {to}"))
            .unwrap_or_default();
        let location = if entry.location.is_empty() {
            String::new()
        } else {
            format!(" · {}", entry.location)
        };
        let text = format!(
            "{}. {} {}{period}{location}",
            index + 1,
            entry.collected,
            entry.title
        );
        let style = if index == selected {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::styled(visible_text(&text).into_owned(), style));
        for file in &entry.files {
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            let (state, state_style) = match app.evidence_files.get(&file.path) {
                Some(FileState::Intact) => ("intact".to_string(), theme.good),
                Some(other) => (other.describe(), theme.bad),
                None => ("not checked".to_string(), theme.dim),
            };
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "     {} · {} · {}… · ",
                        visible_text(name),
                        size_text(file.size),
                        &file.sha256[..file.sha256.len().min(12)]
                    ),
                    theme.dim,
                ),
                Span::styled(state, state_style),
            ]));
        }
    }
    let width = area.width.saturating_sub(8).min(100);
    let inner_width = usize::from(width.saturating_sub(2).max(1));
    // Long lines wrap: each takes as many rows as its width needs, plus one for word breaks.
    let rows: usize = lines
        .iter()
        .map(|line| match line.width() {
            0 => 1,
            used if used <= inner_width => 1,
            used => used.div_ceil(inner_width) + 1,
        })
        .sum();
    let height = u16::try_from(rows + 2)
        .unwrap_or(u16::MAX)
        .clamp(5, area.height);
    let inner = popup::open(
        frame,
        area,
        theme,
        &format!("Evidence · {} {}", question.id, question.title),
        width,
        height,
    );
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base)
            .wrap(Wrap { trim: false }),
        inner,
    );
}
