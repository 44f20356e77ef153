//! The wizard's sidebar: stages → categories → criteria, each criterion with a completion
//! mark (✓ all answered, ◐ some, ○ none) and its readiness toward the targeted report, which
//! the bottom border names ("% ready for Type 2").

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    HighlightSpacing, List, ListItem, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::{block, percent};
use crate::questionnaire::{Question, criterion};
use crate::tui::app::{App, Filter, Row, Session, criterion_row};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Draws the sidebar with the current question's criterion selected.
pub fn render(frame: &mut Frame, area: Rect, app: &App, session: &Session, current: &Question) {
    let theme = &app.theme;
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
        format!(" % ready for {} ", session.assessment.target.label()),
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
            let (mark, style) = match score.map(|score| score.tally) {
                Some(tally) if tally.unanswered == 0 => ("✓", theme.good),
                Some(tally) if tally.unanswered < tally.questions => ("◐", theme.warn),
                _ => ("○", theme.dim),
            };
            let readiness = percent(score.and_then(|score| score.readiness.percent()));
            let title = criterion(id).map_or("", |criterion| criterion.title);
            ListItem::new(Line::from(vec![
                Span::styled(format!("  {mark} "), style),
                Span::raw(format!("{id:<6}")),
                Span::styled(format!("{readiness:>5} "), style),
                Span::styled(title, theme.dim),
            ]))
        }
    }
}
