//! Dialogs drawn over a screen: the one-line prompt, the new-assessment form, the delete
//! question and the questions about unsaved changes. Each clears its box first and shows
//! the cursor where typing goes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{block, form_help};
use crate::questionnaire::{Category, Target};
use crate::text_safety::visible_line;
use crate::tui::app::{App, Decision, Entry, Field, Form, Prompt};
use crate::tui::input::TextInput;
use crate::tui::keymap;
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Clears a centred box of `width` × `height` in `area`, draws its border and returns the
/// inside.
pub fn open(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: &str,
    width: u16,
    height: u16,
) -> Rect {
    let outer = layout::centered(area, width, height);
    frame.render_widget(Clear, outer);
    let frame_block = block(theme, title).style(theme.base);
    let inner = frame_block.inner(outer);
    frame.render_widget(frame_block, outer);
    inner
}

/// Draws a text field at `area`'s first line; shows the cursor there when `focused`.
pub fn field(frame: &mut Frame, area: Rect, theme: &Theme, input: &TextInput, focused: bool) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (shown, cursor) = input.window(usize::from(area.width.saturating_sub(1)));
    let style = if focused { theme.selected } else { theme.base };
    let line = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(Span::styled(shown, style)).style(style),
        line,
    );
    if focused {
        let x = area.x + u16::try_from(cursor).unwrap_or(0).min(area.width - 1);
        frame.set_cursor_position(Position::new(x, area.y));
    }
}

/// The one-line prompt: its title, the text, and the hint or the reason it was refused.
pub fn prompt(frame: &mut Frame, area: Rect, theme: &Theme, prompt: &Prompt) {
    let inner = open(frame, area, theme, prompt.kind.title(), 72, 5);
    field(frame, inner, theme, &prompt.input, true);
    let (text, style) = match (&prompt.error, &prompt.choices) {
        (Some(error), _) => (error.as_str(), theme.bad),
        (None, Some(choices)) => (choices.as_str(), theme.dim),
        (None, None) => (prompt.kind.hint(), theme.dim),
    };
    let below = Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Line::styled(text, style)).wrap(Wrap { trim: true }),
        below,
    );
}

/// The new-assessment form, with the focused choice explained below it and the time the
/// chosen scope takes (`questions` in scope: asked from the start, and follow-ups).
pub fn form(frame: &mut Frame, area: Rect, theme: &Theme, form: &Form, questions: (usize, usize)) {
    let inner = open(frame, area, theme, "New assessment", 72, 19);
    let label_width = 14;
    let focused = form.field();
    let label = |text: &'static str, field: Field| {
        let style = if field == focused {
            theme.key
        } else {
            theme.dim
        };
        Span::styled(format!("{text:<label_width$}"), style)
    };
    let check = |on: bool| if on { "[x] " } else { "[ ] " };
    let mut lines = vec![
        Line::from(label("Organisation", Field::Organization)),
        Line::from(label("Assessor", Field::Assessor)),
        Line::from(vec![
            Span::styled(format!("{:<label_width$}", "Scope"), theme.dim),
            Span::styled("[x] Security (always in scope)", theme.dim),
        ]),
    ];
    for category in &Category::ALL[1..] {
        let field = Field::Scope(*category);
        let style = if field == focused {
            theme.selected
        } else {
            theme.base
        };
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(label_width)),
            Span::styled(
                format!(
                    "{}{}",
                    check(form.scope.contains(category)),
                    category.label()
                ),
                style,
            ),
        ]));
    }
    let target_style = if focused == Field::Target {
        theme.selected
    } else {
        theme.base
    };
    let target_text = match form.target {
        Target::Type1 => "Type 1 — controls designed, at a point in time",
        Target::Type2 => "Type 2 — controls operating over a period",
    };
    lines.push(Line::from(vec![
        label("Target", Field::Target),
        Span::styled(target_text, target_style),
    ]));
    lines.push(Line::default());
    lines.push(Line::styled(
        form_help::explain(focused, form.target),
        theme.base,
    ));
    lines.push(Line::default());
    lines.push(Line::styled(
        form_help::estimate(questions.0, questions.1),
        theme.dim,
    ));
    lines.push(Line::styled(form_help::NOT_SURE, theme.dim));
    lines.push(Line::default());
    lines.push(match &form.error {
        Some(error) => Line::styled(error.as_str(), theme.bad),
        None => Line::styled(
            "Space switches a choice · Enter creates · Esc cancels",
            theme.dim,
        ),
    });
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    for (row, input, field_kind) in [
        (0, &form.organization, Field::Organization),
        (1, &form.assessor, Field::Assessor),
    ] {
        let at = Rect {
            x: inner.x.saturating_add(label_width as u16),
            y: inner.y.saturating_add(row),
            width: inner.width.saturating_sub(label_width as u16),
            height: u16::from(inner.height > row),
        };
        field(frame, at, theme, input, field_kind == focused);
    }
}

/// "Delete this assessment?"
pub fn confirm_delete(frame: &mut Frame, area: Rect, theme: &Theme, entry: &Entry) {
    let inner = open(frame, area, theme, "Delete?", 60, 7);
    let name = entry
        .loaded
        .as_ref()
        .map_or("this assessment".into(), |summary| {
            visible_line(&summary.organization)
        });
    let lines = vec![
        Line::from(format!("Delete the assessment of {name}?")),
        Line::styled(entry.path.display().to_string(), theme.dim),
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::raw(" delete for good   "),
            Span::styled("n", theme.key),
            Span::raw(" keep it"),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The question about unsaved changes: what happened, and the keys (from the keymap).
pub fn decision(frame: &mut Frame, area: Rect, app: &App, decision: &Decision) {
    let theme = &app.theme;
    let (file, changes) = app.session.as_ref().map_or((String::new(), 0), |session| {
        (session.path.display().to_string(), session.changes)
    });
    let (title, mut lines) = match decision {
        Decision::Unsaved { reason, .. } => (
            "Changes not saved",
            vec![
                Line::from(format!("{changes} change(s) to {file} are not saved.")),
                Line::styled(reason.clone(), theme.bad),
            ],
        ),
        Decision::Conflict { .. } => (
            "Changed outside this window",
            vec![
                Line::from(format!(
                    "{file} was changed on disk after this window read it."
                )),
                Line::styled(
                    format!("This window has {changes} change(s) not saved yet."),
                    theme.bad,
                ),
            ],
        ),
    };
    lines.push(Line::default());
    for binding in app.context().bindings().filter(|b| b.hint.is_some()) {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<4}", keymap::key_labels(binding)), theme.key),
            Span::raw(binding.help),
        ]));
    }
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let inner = open(frame, area, theme, title, 72, height);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
