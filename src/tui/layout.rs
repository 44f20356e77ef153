//! Where things go on screen, as pure functions of the terminal size. Views draw into these
//! areas and mouse clicks are matched against the same areas, so they always agree.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// The smallest terminal the wizard draws in; below it asks for a larger one.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the wizard draws in.
pub const MIN_HEIGHT: u16 = 16;

/// Whether `area` is too small to draw the wizard in.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame every screen shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    /// The title bar: name, screens, progress.
    pub title: Rect,
    /// The screen's own content.
    pub body: Rect,
    /// The keys that matter here.
    pub footer: Rect,
    /// "Saved 14:02:11" or the last error.
    pub status: Rect,
}

/// Splits the terminal into title bar, body, footer and status line.
pub fn chrome(area: Rect) -> Chrome {
    let [title, body, footer, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Chrome {
        title,
        body,
        footer,
        status,
    }
}

/// The title bar: the name and screens on the left, a progress gauge on the right.
pub fn title_bar(title: Rect) -> [Rect; 2] {
    let gauge = (title.width / 3).clamp(20, 40).min(title.width);
    Layout::horizontal([Constraint::Min(0), Constraint::Length(gauge)]).areas(title)
}

/// The wizard's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WizardAreas {
    /// The stages, categories and criteria.
    pub sidebar: Rect,
    /// The question, why it matters and the evidence.
    pub question: Rect,
    /// The answer scale.
    pub answers: Rect,
    /// Note, owner and due date.
    pub record: Rect,
}

/// Lays the wizard out in `body`, with room for `options` answers.
pub fn wizard(body: Rect, options: usize) -> WizardAreas {
    let sidebar_width = (body.width / 3).clamp(22, 38);
    let [sidebar, main] =
        Layout::horizontal([Constraint::Length(sidebar_width), Constraint::Min(0)]).areas(body);
    let answers_height = u16::try_from(options).unwrap_or(u16::MAX).saturating_add(1);
    let [question, answers, record] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(answers_height),
        Constraint::Length(3),
    ])
    .areas(main);
    WizardAreas {
        sidebar,
        question,
        answers,
        record,
    }
}

/// The workshop view's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkshopAreas {
    /// The question large, and why it matters.
    pub question: Rect,
    /// The answer keys.
    pub answers: Rect,
    /// The question's follow-up and the session: attendees, decisions, parking lot.
    pub session: Rect,
    /// The agenda with planned minutes and the clock.
    pub agenda: Rect,
}

/// Lays the workshop view out in `body`, with room for `options` answers: the question on
/// the left, the agenda on the right (a third of the width, 30 to 46 columns).
pub fn workshop(body: Rect, options: usize) -> WorkshopAreas {
    let agenda_width = (body.width / 3).clamp(30, 46);
    let [main, agenda] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(agenda_width)]).areas(body);
    let answers_height = u16::try_from(options).unwrap_or(u16::MAX).saturating_add(1);
    let [question, answers, session] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(answers_height),
        Constraint::Length(4),
    ])
    .areas(main);
    WorkshopAreas {
        question,
        answers,
        session,
        agenda,
    }
}

/// The dashboard's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DashboardAreas {
    /// Readiness per stage.
    pub stages: Rect,
    /// Type 1 and Type 2 gauges.
    pub targets: Rect,
    /// Readiness per category.
    pub categories: Rect,
    /// Progress over time: trend, since last time, report dates, due controls.
    pub progress: Rect,
    /// The top gaps.
    pub gaps: Rect,
}

/// Lays the dashboard out in `body`.
pub fn dashboard(body: Rect) -> DashboardAreas {
    let [stages, targets, rest] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Length(3),
        Constraint::Min(0),
    ])
    .areas(body);
    let [categories, right] =
        Layout::horizontal([Constraint::Percentage(38), Constraint::Min(0)]).areas(rest);
    // The progress panel needs 8 rows; it gives way to the gaps on short terminals.
    let progress_height = if right.height >= 16 { 8 } else { 0 };
    let [progress, gaps] =
        Layout::vertical([Constraint::Length(progress_height), Constraint::Min(0)]).areas(right);
    DashboardAreas {
        stages,
        targets,
        categories,
        progress,
        gaps,
    }
}

/// Home: the list of assessments above the details of the selected one.
pub fn home(body: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Min(0), Constraint::Length(5)]).areas(body)
}

/// A box of at most `width` × `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(1, 1))
}

/// The rows of a bordered table with a one-line header.
pub fn table_rows(area: Rect) -> Rect {
    let inner = inner(area);
    Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// The rows of a list under a one-line top border (the answer scale).
pub fn below_top_border(area: Rect) -> Rect {
    Rect {
        y: area.y.saturating_add(1),
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// The first row to show so that row `selected` of `len` rows is visible in `height` rows,
/// keeping the selection a little away from the edges when it can.
pub fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let margin = (height / 4).min(3);
    let wanted = selected.saturating_sub(height - 1 - margin);
    wanted.min(len - height)
}

/// The row of a list that `row` (a terminal line) falls on, given the list's inner area
/// and its first shown row.
pub fn row_at(inner: Rect, offset: usize, column: u16, row: u16) -> Option<usize> {
    let inside = column >= inner.x
        && column < inner.x.saturating_add(inner.width)
        && row >= inner.y
        && row < inner.y.saturating_add(inner.height);
    inside.then(|| offset + usize::from(row - inner.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_visible() {
        for len in 0..40 {
            for height in 1..12 {
                for selected in 0..len {
                    let offset = scroll_offset(selected, len, height);
                    assert!(offset <= selected && selected < offset + height);
                }
            }
        }
    }

    #[test]
    fn layouts_fit_inside_tiny_areas() {
        for (width, height) in [(0, 0), (1, 1), (10, 5), (60, 16), (300, 100)] {
            let area = Rect::new(0, 0, width, height);
            let chrome = chrome(area);
            let wizard = wizard(chrome.body, 7);
            for part in [
                wizard.sidebar,
                wizard.question,
                wizard.answers,
                wizard.record,
            ] {
                assert!(area.contains(part.as_position()) || part.area() == 0);
            }
            let popup = centered(area, 70, 9);
            assert!(popup.width <= width && popup.height <= height);
        }
    }

    #[test]
    fn clicks_map_to_rows() {
        let inner = Rect::new(2, 3, 10, 4);
        assert_eq!(row_at(inner, 5, 2, 3), Some(5));
        assert_eq!(row_at(inner, 5, 11, 6), Some(8));
        assert_eq!(row_at(inner, 5, 12, 6), None);
        assert_eq!(row_at(inner, 5, 2, 7), None);
    }
}
