//! Building blocks shared by the report's sections: headings with bookmarks, body text,
//! bullet lists, call-out boxes and verdict chips.

use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::theme::{self, Colour};

/// Body text.
pub const BODY: TextStyle = TextStyle::new(Weight::Regular, theme::BODY, theme::INK);
/// Bold body text.
pub const BODY_BOLD: TextStyle = TextStyle::new(Weight::Bold, theme::BODY, theme::INK);
/// Small text (tables, cards).
pub const SMALL: TextStyle = TextStyle::new(Weight::Regular, theme::SMALL, theme::INK);
/// Small bold text.
pub const SMALL_BOLD: TextStyle = TextStyle::new(Weight::Bold, theme::SMALL, theme::INK);
/// Small secondary text.
pub const SMALL_MUTED: TextStyle = TextStyle::new(Weight::Regular, theme::SMALL, theme::MUTED);
/// Captions and labels.
pub const TINY_MUTED: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::MUTED);
/// Dense table text (the register, the gap cards).
pub const TINY: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::INK).tight();
/// Dense bold table text.
pub const TINY_BOLD: TextStyle = TextStyle::new(Weight::Bold, theme::TINY, theme::INK).tight();
/// Dense secondary table text.
pub const TINY_GREY: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::MUTED).tight();

/// Space between blocks.
pub const GAP: f32 = 10.0;

/// A section heading numbered in order ("3  Gap register") that starts a bookmark; kept
/// with at least `keep` points of what follows it.
pub fn section(canvas: &mut Canvas<'_>, title: &str, keep: f32) {
    let number = canvas.next_number(false);
    heading(canvas, &format!("{number}  {title}"), keep);
}

/// An appendix heading lettered in order ("Appendix A  Gap details").
pub fn appendix(canvas: &mut Canvas<'_>, title: &str, keep: f32) {
    let number = canvas.next_number(true);
    heading(canvas, &format!("{number}  {title}"), keep);
}

/// An unnumbered heading that starts a bookmark; kept with at least `keep` points of what
/// follows it.
pub fn heading(canvas: &mut Canvas<'_>, title: &str, keep: f32) {
    let style = TextStyle::new(Weight::Bold, theme::H1, theme::NAVY);
    canvas.ensure(style.line_height() + 8.0 + keep);
    canvas.bookmark(title);
    let (x, y) = (canvas.left(), canvas.y());
    canvas.text(x, y, title, style);
    let rule = y + style.line_height() + 2.0;
    canvas.fill(x, rule, 36.0, 2.0, theme::NAVY);
    canvas.advance(style.line_height() + 12.0);
}

/// A sub-heading kept with at least `keep` points of what follows it.
pub fn subheading(canvas: &mut Canvas<'_>, title: &str, keep: f32) {
    let style = TextStyle::new(Weight::Bold, theme::H2, theme::NAVY);
    canvas.ensure(style.line_height() + 4.0 + keep);
    let (x, y) = (canvas.left(), canvas.y());
    canvas.text(x, y, title, style);
    canvas.advance(style.line_height() + 4.0);
}

/// A full-width paragraph followed by a gap.
pub fn paragraph(canvas: &mut Canvas<'_>, text: &str, style: TextStyle) {
    let (x, width) = (canvas.left(), canvas.content_width());
    canvas.paragraph(text, x, width, style);
    canvas.advance(GAP / 2.0);
}

/// A bulleted list item across the content width.
pub fn bullet(canvas: &mut Canvas<'_>, text: &str, style: TextStyle) {
    let indent = 12.0;
    let lines = canvas.wrap(text, canvas.content_width() - indent, style);
    canvas.ensure(style.line_height());
    let (x, y) = (canvas.left(), canvas.y());
    canvas.text(x + 2.0, y, "•", style);
    for line in lines {
        canvas.ensure(style.line_height());
        let y = canvas.y();
        canvas.text(x + indent, y, &line, style);
        canvas.advance(style.line_height());
    }
    canvas.advance(2.0);
}

const CALLOUT_PAD: f32 = 9.0;
const CALLOUT_TITLE: TextStyle = TextStyle::new(Weight::Bold, theme::BODY, theme::NAVY);

/// The wrapped lines of a call-out's text.
fn callout_lines(canvas: &Canvas<'_>, text: &str) -> Vec<String> {
    canvas.wrap(
        text,
        canvas.content_width() - 2.0 * CALLOUT_PAD - 4.0,
        SMALL,
    )
}

/// The height of a [`callout`] showing `text`.
pub fn callout_height(canvas: &Canvas<'_>, text: &str) -> f32 {
    let lines = callout_lines(canvas, text).len() as f32;
    2.0 * CALLOUT_PAD + CALLOUT_TITLE.line_height() + 2.0 + lines * SMALL.line_height()
}

/// A shaded box with an accent bar on the left, a bold title and wrapped text, kept whole.
pub fn callout(canvas: &mut Canvas<'_>, title: &str, text: &str, accent: Colour) {
    let pad = CALLOUT_PAD;
    let (x, width) = (canvas.left(), canvas.content_width());
    let lines = callout_lines(canvas, text);
    let title_style = TextStyle {
        colour: accent,
        ..CALLOUT_TITLE
    };
    let height = callout_height(canvas, text);
    canvas.ensure(height);
    let top = canvas.y();
    canvas.fill(x, top, width, height, theme::PANEL);
    canvas.fill(x, top, 3.0, height, accent);
    canvas.text(x + pad + 4.0, top + pad, title, title_style);
    let mut y = top + pad + title_style.line_height() + 2.0;
    for line in lines {
        canvas.text(x + pad + 4.0, y, &line, SMALL);
        y += SMALL.line_height();
    }
    canvas.advance(height + GAP);
}

/// The width of a chip showing `label` in `style`.
pub fn chip_width(canvas: &Canvas<'_>, label: &str, style: TextStyle) -> f32 {
    canvas.width_of(label, style) + 10.0
}

/// A filled label (verdict, severity) with its top-left corner at (`x`, `top`); returns its
/// width.
pub fn chip(
    canvas: &mut Canvas<'_>,
    x: f32,
    top: f32,
    label: &str,
    colour: Colour,
    size: f32,
) -> f32 {
    let style = TextStyle::new(Weight::Bold, size, theme::WHITE);
    let width = chip_width(canvas, label, style);
    canvas.fill(x, top, width, style.line_height() + 2.0, colour);
    canvas.text(x + 5.0, top + 1.0, label, style);
    width
}
