//! Drawing: one function per screen, each only reading the [`App`]. [`draw`] adds the
//! shared chrome (title bar, footer, status line), the open prompt or dialog and the help
//! overlay, and asks for a larger terminal when the window is too small to be useful.

mod certification;
mod chrome;
mod dashboard;
mod evidence;
mod export;
mod form_help;
mod help;
mod home;
mod popup;
mod progress;
mod registers;
mod sidebar;
mod stages;
mod wizard;
mod workshop;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use super::app::{App, PromptKind, Screen};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::theme::Theme;
use crate::text_safety::is_unsafe;

pub use certification::max_scroll as certification_max_scroll;
pub use help::max_scroll as help_max_scroll;
pub use stages::max_scroll as stages_max_scroll;
pub use wizard::max_scroll as question_max_scroll;
pub use workshop::max_scroll as workshop_max_scroll;

/// Draws the whole wizard for the current state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base), area);
    if layout::too_small(area) {
        too_small(frame, area, &app.theme);
        return;
    }
    let chrome = layout::chrome(area);
    chrome::title(frame, chrome.title, app);
    match app.screen {
        Screen::Home => home::render(frame, chrome.body, app),
        Screen::Wizard => wizard::render(frame, chrome.body, app),
        Screen::Dashboard => dashboard::render(frame, chrome.body, app),
        Screen::Stages => stages::render(frame, chrome.body, app),
        Screen::Export => export::render(frame, chrome.body, app),
        Screen::Certification => certification::render(frame, chrome.body, app),
        Screen::Registers => registers::render(frame, chrome.body, app),
        Screen::Workshop => workshop::render(frame, chrome.body, app),
    }
    if app.screen == Screen::Wizard && app.evidence.is_some() {
        evidence::render(frame, chrome.body, app);
    }
    chrome::footer(frame, chrome.footer, app);
    chrome::status(frame, chrome.status, app);
    if let Some(prompt) = &app.prompt {
        let area = match (app.screen, prompt.kind) {
            (
                Screen::Wizard,
                PromptKind::Note | PromptKind::Owner | PromptKind::Due | PromptKind::NaReason,
            ) => wizard::record_area(app, chrome.body),
            (Screen::Workshop, _) => workshop::prompt_area(app, chrome.body),
            _ => chrome.body,
        };
        popup::prompt(frame, area, &app.theme, prompt);
    }
    if let Some(scroll) = app.help {
        help::render(frame, area, app, scroll);
    }
    if let Some(decision) = &app.decision {
        popup::decision(frame, chrome.body, app, decision);
    }
    neutralise(frame.buffer_mut());
}

/// Takes out of every cell what a terminal would obey rather than show. ratatui already
/// drops control characters, but a zero-width direction override (`U+202E`) rides along
/// with the cell before it and would turn the rest of the line around. The texts users
/// type into files (names, notes) are drawn with
/// [`visible_line`](crate::text_safety::visible_line) first, so theirs show.
fn neutralise(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(is_unsafe) {
            let kept: String = cell.symbol().chars().filter(|&c| !is_unsafe(c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// The message shown instead of the wizard in a tiny terminal.
fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = vec![
        Line::styled("Make the terminal larger", theme.heading),
        Line::from(format!(
            "The wizard needs {MIN_WIDTH} × {MIN_HEIGHT}; this one is {} × {}.",
            area.width, area.height
        )),
        Line::styled("q or Ctrl-C quits; nothing is lost.", theme.dim),
    ];
    let height = u16::try_from(text.len()).unwrap_or(u16::MAX);
    let [middle] = ratatui::layout::Layout::vertical([ratatui::layout::Constraint::Length(height)])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        middle,
    );
}

/// A bordered block in the theme's style with a title.
fn block<'a>(theme: &Theme, title: impl std::fmt::Display) -> Block<'a> {
    Block::bordered()
        .border_type(theme.border_type)
        .border_style(theme.border)
        .title(Line::styled(format!(" {title} "), theme.heading))
}

/// How many lines of `paragraph` (without a block) do not fit inside the bordered `area`.
fn overflow(paragraph: &Paragraph<'_>, area: Rect) -> u16 {
    let inner = layout::inner(area);
    let lines = paragraph
        .line_count(inner.width)
        .saturating_sub(usize::from(inner.height));
    u16::try_from(lines).unwrap_or(u16::MAX)
}

/// Draws `paragraph` inside `frame_block` in `area`, scrolled by `scroll` (clamped to the
/// text), with a scrollbar when the text does not fit.
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    paragraph: Paragraph<'_>,
    frame_block: Block<'_>,
    scroll: u16,
) {
    let most = overflow(&paragraph, area);
    let scroll = scroll.min(most);
    frame.render_widget(paragraph.block(frame_block).scroll((scroll, 0)), area);
    if most > 0 {
        let mut bar = ScrollbarState::new(usize::from(most) + 1).position(usize::from(scroll));
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area,
            &mut bar,
        );
    }
}

/// `text` cut to `width` characters, ending in "…" when it had to be cut.
fn elide(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        kept.push('…');
    }
    kept
}

/// A readiness percentage, or a dash when nothing counts.
fn percent(value: Option<u32>) -> String {
    value.map_or_else(|| "—".to_string(), |value| format!("{value} %"))
}

/// "key text" as styled spans.
fn key_hint<'a>(theme: &Theme, key: &'a str, text: &'a str) -> [Span<'a>; 2] {
    [
        Span::styled(key, theme.key),
        Span::styled(format!(" {text}  "), theme.dim),
    ]
}

#[cfg(test)]
mod tests {
    use super::elide;

    #[test]
    fn elide_keeps_what_fits_and_marks_what_was_cut() {
        assert_eq!(elide("Not in place", 12), "Not in place");
        assert_eq!(elide("Not in place", 10), "Not in pl…");
        assert_eq!(elide("Not in place", 1), "…");
        assert_eq!(elide("Not in place", 0), "");
    }
}
