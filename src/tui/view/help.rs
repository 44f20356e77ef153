//! The help overlay: the keys of the current screen first, then every key of every screen,
//! all from the keymap tables (so help cannot drift from what the keys do).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph};

use super::{block, overflow, scrolled};
use crate::tui::app::App;
use crate::tui::keymap::{self, Binding, SECTIONS};
use crate::tui::layout;
use crate::tui::theme::Theme;

const KEYS_WIDTH: usize = 14;

fn binding_line<'a>(theme: &Theme, binding: &'a Binding) -> Line<'a> {
    Line::from(vec![
        Span::styled(
            format!("{:>KEYS_WIDTH$}  ", keymap::key_labels(binding)),
            theme.key,
        ),
        Span::raw(binding.help),
    ])
}

fn paragraph(app: &App) -> Paragraph<'static> {
    let theme = &app.theme;
    let context = app.screen_context();
    let mut lines = vec![Line::styled(
        format!("On this screen: {}", context.title()),
        theme.heading,
    )];
    lines.extend(
        context
            .bindings()
            .map(|binding| binding_line(theme, binding)),
    );
    if context.takes_text() {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>KEYS_WIDTH$}  ", "letters"), theme.key),
            Span::raw("typed into the field"),
        ]));
    }
    for (title, tables) in SECTIONS {
        lines.push(Line::default());
        lines.push(Line::styled(*title, theme.heading));
        lines.extend(
            tables
                .iter()
                .flat_map(|table| table.iter())
                .map(|binding| binding_line(theme, binding)),
        );
    }
    Paragraph::new(Text::from(lines))
}

/// Where the overlay goes in `area`.
fn area_in(area: Rect) -> Rect {
    layout::centered(area, 78, area.height.saturating_sub(2))
}

/// How far the help can scroll in the current terminal size.
pub fn max_scroll(app: &App) -> u16 {
    overflow(&paragraph(app), area_in(app.size))
}

/// Draws the overlay over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let theme = &app.theme;
    let box_area = area_in(area);
    frame.render_widget(Clear, box_area);
    let frame_block = block(theme, "Keys — Esc or ? closes").style(theme.base);
    scrolled(frame, box_area, paragraph(app), frame_block, scroll);
}
