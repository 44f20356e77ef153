//! What every screen shares: the title bar (name, screens, progress gauge), the footer with
//! the keys that matter here, and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Tabs};

use super::key_hint;
use crate::text_safety::visible_line;
use crate::tui::app::{App, Screen, Tone};
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
        let answered = tally.questions - tally.unanswered;
        let ratio = if tally.questions == 0 {
            0.0
        } else {
            f64::from(answered) / f64::from(tally.questions)
        };
        let gauge = Gauge::default()
            .ratio(ratio)
            .label(format!("{answered} / {} answered", tally.questions))
            .gauge_style(theme.fill)
            .use_unicode(true);
        frame.render_widget(gauge, right);
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
    let [left_area, right_area] = ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(right_width),
    ])
    .areas(area);
    frame.render_widget(line(false, usize::from(left_area.width)), left_area);
    frame.render_widget(right, right_area);
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
