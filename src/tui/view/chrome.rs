//! What every screen shares: the title bar (name, screens, progress gauge), the footer with
//! the wizard's filter and search and the keys that matter here, and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Tabs};

use super::key_hint;
use crate::text_safety::visible_line;
use crate::tui::app::{App, Filter, Screen, Tone};
use crate::tui::keymap;
use crate::tui::layout;

/// The screens named in the title bar.
const TABS: [Screen; 4] = [
    Screen::Home,
    Screen::Wizard,
    Screen::Dashboard,
    Screen::Export,
];

/// The title bar: program, organisation, screens, and answered / total in scope.
pub fn title(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let [left, right] = layout::title_bar(area);
    let name = app.session.as_ref().map_or_else(
        || " soc2-ready ".to_string(),
        |session| match session.read_only {
            Some(_) => format!(
                " {} · READ-ONLY ",
                visible_line(&session.assessment.organization)
            ),
            None => format!(" {} ", visible_line(&session.assessment.organization)),
        },
    );
    let name_style = match app
        .session
        .as_ref()
        .and_then(|session| session.read_only.as_ref())
    {
        Some(_) => theme.bad,
        None => theme.heading,
    };
    let width = u16::try_from(name.chars().count())
        .unwrap_or(u16::MAX)
        .min(left.width / 2);
    let [name_area, tabs_area] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Length(width),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(left);
    frame.render_widget(Span::styled(name, name_style), name_area);
    let tabs = Tabs::new(TABS.iter().map(|screen| screen.label()))
        .select(TABS.iter().position(|&screen| screen == app.screen))
        .style(theme.dim)
        .highlight_style(theme.selected)
        .divider("·");
    frame.render_widget(tabs, tabs_area);
    if let Some(session) = &app.session {
        let tally = session.card.tally;
        // The bar and its label count "answered" as every other screen does: a level, Yes or
        // No; N/A and Unsure are neither answered nor open.
        let ratio = if tally.questions == 0 {
            0.0
        } else {
            f64::from(tally.answered) / f64::from(tally.questions)
        };
        // The count sits beside the bar, never under it, so the bar cannot cover it.
        // Narrow bars keep the answered count and drop "· N open".
        let mut label = format!(" {}", tally.brief());
        if label.chars().count() + 3 > usize::from(right.width) {
            label = format!(" {}/{} answered", tally.answered, tally.questions);
        }
        let label_width = u16::try_from(label.chars().count())
            .unwrap_or(u16::MAX)
            .min(right.width);
        let [bar_area, label_area] = ratatui::layout::Layout::horizontal([
            ratatui::layout::Constraint::Min(0),
            ratatui::layout::Constraint::Length(label_width),
        ])
        .areas(right);
        let gauge = LineGauge::default()
            .ratio(ratio)
            .label("")
            .filled_symbol(symbols::line::THICK_HORIZONTAL)
            .unfilled_symbol(symbols::line::HORIZONTAL)
            .filled_style(theme.fill)
            .unfilled_style(theme.dim);
        frame.render_widget(gauge, bar_area);
        frame.render_widget(Span::styled(label, theme.base), label_area);
    }
}

/// The keys that matter on this screen, as many whole hints as fit; help and quit stay
/// visible at the right.
pub fn footer(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let hints = keymap::hints(app.context());
    let line = |global: bool, room: usize| -> Line<'_> {
        let mut spans = Vec::new();
        let mut used = 0;
        for hint in hints.iter().filter(|hint| hint.global == global) {
            let [key, text] = key_hint(theme, &hint.keys, hint.text);
            let width = key.width() + text.width();
            if used + width > room {
                break;
            }
            used += width;
            spans.extend([key, text]);
        }
        Line::from(spans)
    };
    let right = line(true, usize::from(area.width));
    let right_width = u16::try_from(right.width()).unwrap_or(u16::MAX);
    let shown = showing(app).map(|text| Span::styled(format!("{text}  "), theme.warn));
    let shown_width = shown.as_ref().map_or(0, |span| {
        u16::try_from(span.width())
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(right_width))
    });
    let [shown_area, left_area, right_area] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Length(shown_width),
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(right_width),
    ])
    .areas(area);
    if let Some(shown) = shown {
        frame.render_widget(shown, shown_area);
    }
    frame.render_widget(line(false, usize::from(left_area.width)), left_area);
    frame.render_widget(right, right_area);
}

/// What the wizard is limited to, when it is: the stage or category filter and the search.
fn showing(app: &App) -> Option<String> {
    let session = app
        .session
        .as_ref()
        .filter(|_| app.screen == Screen::Wizard)?;
    let nav = &session.nav;
    let mut parts = Vec::new();
    if nav.filter != Filter::All {
        parts.push(nav.filter.label().to_string());
    }
    if !nav.search.is_empty() {
        parts.push(format!("/{}", visible_line(&nav.search)));
    }
    (!parts.is_empty()).then(|| format!("[{}]", parts.join(" · ")))
}

/// The status line: "Saved 14:02:11", or the last error in the error style.
pub fn status(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let style = match app.status.tone {
        Tone::Info => theme.dim,
        Tone::Done => theme.good,
        Tone::Error => theme.bad,
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", app.status.text), style)),
        area,
    );
}
