//! The wizard's sidebar: stages → categories → criteria, each criterion with how many of
//! its questions have an answer ("3/3", coloured: all, some, none) and, apart from it, its
//! readiness toward the targeted report, which the bottom border names ("n/m · % toward
//! Type 2"). Under it, once per session, the note on why a fully answered criterion can
//! score lower toward Type 2 than toward Type 1.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    HighlightSpacing, List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Wrap,
};

use super::{block, percent};
use crate::questionnaire::{Question, criterion};
use crate::tui::app::{App, Filter, Row, Session, criterion_row};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Draws the sidebar with the current question's criterion selected.
pub fn render(frame: &mut Frame, area: Rect, app: &App, session: &Session, current: &Question) {
    let theme = &app.theme;
    let area = match &session.type2_note {
        Some(note) => {
            let width = area.width.saturating_sub(2).max(1);
            let lines = u16::try_from(note.chars().count()).unwrap_or(u16::MAX) / width + 3;
            let height = lines.min(area.height / 2);
            let [list, below] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(area);
            let paragraph = Paragraph::new(note.as_str())
                .style(theme.base)
                .wrap(Wrap { trim: true })
                .block(block(theme, "Why this figure".to_string()));
            frame.render_widget(paragraph, below);
            list
        }
        None => area,
    };
    let rows = session.nav.sidebar(&app.questionnaire, &session.assessment);
    let selected = criterion_row(&rows, &current.criterion);
    let items: Vec<ListItem<'_>> = rows.iter().map(|row| item(theme, session, *row)).collect();
    let title = match session.nav.filter {
        Filter::All => "Criteria".to_string(),
        filter => format!("Criteria · {}", filter.label()),
    };
    // The percentages are readiness toward the targeted report, which counts only the
    // levels that report needs: say so where they are shown.
    let list_block = block(theme, title).title_bottom(Line::styled(
        format!(" n/m · % toward {} ", session.assessment.target.label()),
        theme.dim,
    ));
    let inner = layout::inner(area);
    let offset = layout::scroll_offset(selected, rows.len(), usize::from(inner.height));
    let mut state = ListState::default()
        .with_offset(offset)
        .with_selected(Some(selected));
    let list = List::new(items)
        .block(list_block)
        .highlight_style(theme.selected)
        .highlight_spacing(HighlightSpacing::Never);
    frame.render_stateful_widget(list, area, &mut state);
    if rows.len() > usize::from(inner.height) {
        let mut bar = ScrollbarState::new(rows.len()).position(selected);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area,
            &mut bar,
        );
    }
}

/// One sidebar row.
fn item<'a>(theme: &Theme, session: &Session, row: Row<'a>) -> ListItem<'a> {
    match row {
        Row::Stage(stage) => ListItem::new(Line::styled(stage.label(), theme.heading)),
        Row::Category(category) => ListItem::new(Line::styled(
            format!(" {}", category.label()),
            theme.heading,
        )),
        Row::Criterion(id) => {
            let score = session.card.criterion(id);
            // Questions with an answer (N/A and Unsure included) of those here: a count,
            // never a tick, so a full count beside 0 % does not read as "done, worthless".
            let tally = score.map(|score| score.tally).unwrap_or_default();
            let given = tally.questions - tally.unanswered;
            let style = match tally.unanswered {
                0 if tally.questions > 0 => theme.good,
                open if open < tally.questions => theme.warn,
                _ => theme.dim,
            };
            let readiness = percent(score.and_then(|score| score.readiness.percent()));
            let title = criterion(id).map_or("", |criterion| criterion.title);
            ListItem::new(Line::from(vec![
                Span::raw(format!("  {id:<6}")),
                Span::styled(
                    format!("{:>5}", format!("{given}/{}", tally.questions)),
                    style,
                ),
                Span::styled(format!(" · {readiness:>4} "), theme.base),
                Span::styled(title, theme.dim),
            ]))
        }
    }
}
