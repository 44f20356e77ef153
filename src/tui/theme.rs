//! Colours and emphasis: a dark theme (the default), a light one, and a high-contrast
//! projector theme with bolder emphasis and thick borders. With `NO_COLOR` every colour is
//! dropped and only bold and reverse remain.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::scoring::Verdict;

/// The themes a user can pick with `--theme`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// Light text on the terminal's dark background.
    #[default]
    Dark,
    /// Dark text on a white background.
    Light,
    /// High contrast and bold, for a projector in a bright room.
    Projector,
}

/// The styles every view draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text and the background.
    pub base: Style,
    /// Secondary text.
    pub dim: Style,
    /// Headings and titles.
    pub heading: Style,
    /// Borders.
    pub border: Style,
    /// The border shape.
    pub border_type: BorderType,
    /// The selected row or the current answer.
    pub selected: Style,
    /// Key names in the footer and the help.
    pub key: Style,
    /// "Ready", done, saved.
    pub good: Style,
    /// "Getting there", partly done.
    pub warn: Style,
    /// "Not ready", errors.
    pub bad: Style,
    /// The filled part of gauges and bars.
    pub fill: Style,
}

impl Theme {
    /// The theme `name`, with colours or (for `NO_COLOR`) without.
    pub fn new(name: ThemeName, color: bool) -> Self {
        let theme = match name {
            ThemeName::Dark => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::Projector => Self::projector(),
        };
        if color { theme } else { theme.without_color() }
    }

    /// The style of a verdict.
    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::NotAssessed => self.dim,
            Verdict::NotReady => self.bad,
            Verdict::GettingThere => self.warn,
            Verdict::Ready => self.good,
        }
    }

    fn dark() -> Self {
        Self {
            base: Style::new(),
            dim: Style::new().fg(Color::Gray),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_type: BorderType::Rounded,
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            bad: Style::new().fg(Color::LightRed),
            fill: Style::new().fg(Color::Cyan),
        }
    }

    fn light() -> Self {
        Self {
            base: Style::new().fg(Color::Black).bg(Color::White),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            border_type: BorderType::Rounded,
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Rgb(160, 100, 0)),
            bad: Style::new().fg(Color::Red),
            fill: Style::new().fg(Color::Blue),
        }
    }

    fn projector() -> Self {
        let bold = Modifier::BOLD;
        Self {
            base: Style::new()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(bold),
            dim: Style::new().fg(Color::White),
            heading: Style::new().fg(Color::LightYellow).add_modifier(bold),
            border: Style::new().fg(Color::White),
            border_type: BorderType::Thick,
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold),
            key: Style::new().fg(Color::LightYellow).add_modifier(bold),
            good: Style::new().fg(Color::LightGreen).add_modifier(bold),
            warn: Style::new().fg(Color::LightYellow).add_modifier(bold),
            bad: Style::new().fg(Color::LightRed).add_modifier(bold),
            fill: Style::new().fg(Color::LightCyan),
        }
    }

    /// The same emphasis with every colour removed.
    fn without_color(self) -> Self {
        let strip = |style: Style| Style {
            fg: None,
            bg: None,
            ..style
        };
        Self {
            base: strip(self.base),
            dim: strip(self.dim),
            heading: strip(self.heading),
            border: strip(self.border),
            border_type: self.border_type,
            selected: strip(self.selected).add_modifier(Modifier::REVERSED),
            key: strip(self.key),
            good: strip(self.good),
            warn: strip(self.warn),
            bad: strip(self.bad).add_modifier(Modifier::BOLD),
            fill: strip(self.fill),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_emphasis_and_drops_colours() {
        for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Projector] {
            let theme = Theme::new(name, false);
            for style in [theme.base, theme.selected, theme.bad, theme.heading] {
                assert_eq!((style.fg, style.bg), (None, None));
            }
            assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
            assert!(theme.heading.add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn the_projector_theme_is_bolder() {
        let theme = Theme::new(ThemeName::Projector, true);
        assert!(theme.base.add_modifier.contains(Modifier::BOLD));
        assert_eq!(theme.border_type, BorderType::Thick);
    }
}
