//! Lines of text as PDF operations. A line is split into runs of one face and direction
//! ([`script::runs`]) placed left to right; consecutive lines share one text section, and
//! the font and colour are set only when they change, so a page of table rows is a few
//! operations per line instead of six. That keeps long reports quick to write and small
//! in memory.

use printpdf::{Op, Pt, TextItem, TextMatrix, TextRenderingMode};

use super::fonts::{FaceKey, Fonts, Weight, lacks_weight};
use super::script;
use super::theme::Colour;

/// What an open text section has set so far.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Section {
    font: Option<(FaceKey, f32)>,
    colour: Option<Colour>,
}

/// How a line of text looks, for [`draw_line`].
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// Regular or bold.
    pub weight: Weight,
    /// Size in points.
    pub size: f32,
    /// Fill colour.
    pub colour: Colour,
}

/// Ends the text section `open`, if one is open.
pub fn close(ops: &mut Vec<Op>, open: &mut Option<Section>) {
    if open.take().is_some() {
        ops.push(Op::EndTextSection);
    }
}

/// Appends the operations that draw `line` with its left end at `x` on `baseline` (PDF
/// coordinates) to `ops`, continuing the text section `open` or starting one. The section
/// is left open for the next line: [`close`] it before drawing anything else.
pub fn draw_line(
    fonts: &Fonts,
    ops: &mut Vec<Op>,
    open: &mut Option<Section>,
    (x, baseline): (f32, f32),
    line: &str,
    look: Look,
) {
    let mut pen = x;
    if open.is_some() {
        // The next matrix places the line; the break only tells text extractors that read
        // operators, not positions, that a new line starts here.
        ops.push(Op::AddLineBreak);
    }
    for (face, items, width) in laid_runs(fonts, line, look) {
        let at = (pen, baseline);
        if lacks_weight(face, look.weight) {
            draw_outlined(fonts, ops, open, at, face, items, look);
        } else {
            let section = open.get_or_insert_with(|| {
                ops.push(Op::StartTextSection);
                Section::default()
            });
            set_font(fonts, ops, section, face, look);
            show(ops, at, items);
        }
        pen += width;
    }
}

/// The width `line` takes when drawn by [`draw_line`]: shaped runs at their shaped width
/// (joined Arabic is narrower than its letters one by one).
pub fn line_width(fonts: &Fonts, line: &str, look: Look) -> f32 {
    laid_runs(fonts, line, look)
        .map(|(_, _, width)| width)
        .sum()
}

/// The runs of `line` in visual order, each with its face, what `ShowText` shows and its
/// width in points: shaped runs as the shaper placed them, others glyph by glyph.
fn laid_runs(
    fonts: &Fonts,
    line: &str,
    look: Look,
) -> impl Iterator<Item = (FaceKey, Vec<TextItem>, f32)> {
    script::runs(line, |c| fonts.face_for(look.weight, c), look.weight.face())
        .into_iter()
        .map(move |run| {
            if run.face.is_shaped() {
                let shaped = fonts.shape(&run.text, run.rtl, look.size);
                (run.face, shaped.items, shaped.width)
            } else {
                let width = fonts.run_width(run.face, look.size, &run.text);
                (run.face, vec![TextItem::Text(run.text)], width)
            }
        })
}

/// Selects `face` at the look's size and its colour, where the section has not already.
fn set_font(fonts: &Fonts, ops: &mut Vec<Op>, section: &mut Section, face: FaceKey, look: Look) {
    if section.font != Some((face, look.size)) {
        ops.push(Op::SetFont {
            font: fonts.handle(face),
            size: Pt(look.size),
        });
        section.font = Some((face, look.size));
    }
    if section.colour != Some(look.colour) {
        ops.push(Op::SetFillColor {
            col: look.colour.pdf(),
        });
        section.colour = Some(look.colour);
    }
}

/// Places the text cursor and shows `items`.
fn show(ops: &mut Vec<Op>, (x, y): (f32, f32), items: Vec<TextItem>) {
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(x), Pt(y)),
    });
    ops.push(Op::ShowText { items });
}

/// Draws a run in a face without the wanted weight (a fallback asked for bold) filled and
/// outlined, in a section and graphics state of its own so the outline ends with it.
fn draw_outlined(
    fonts: &Fonts,
    ops: &mut Vec<Op>,
    open: &mut Option<Section>,
    at: (f32, f32),
    face: FaceKey,
    items: Vec<TextItem>,
    look: Look,
) {
    close(ops, open);
    ops.extend([
        Op::SaveGraphicsState,
        Op::StartTextSection,
        Op::SetTextRenderingMode {
            mode: TextRenderingMode::FillStroke,
        },
        Op::SetOutlineColor {
            col: look.colour.pdf(),
        },
        Op::SetOutlineThickness {
            pt: Pt(look.size * 0.035),
        },
    ]);
    set_font(fonts, ops, &mut Section::default(), face, look);
    show(ops, at, items);
    ops.extend([Op::EndTextSection, Op::RestoreGraphicsState]);
}

/// The text cursor positions set in `ops` (for tests of layout).
#[cfg(test)]
pub fn cursor_positions(ops: &[Op]) -> Vec<printpdf::Point> {
    ops.iter()
        .filter_map(|op| match op {
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(x, y),
            } => Some(printpdf::Point { x: *x, y: *y }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::pdf::theme;

    fn look(weight: Weight, colour: Colour) -> Look {
        Look {
            weight,
            size: 9.0,
            colour,
        }
    }

    fn names(ops: &[Op]) -> Vec<&'static str> {
        ops.iter()
            .map(|op| match op {
                Op::StartTextSection => "BT",
                Op::EndTextSection => "ET",
                Op::SetFont { .. } => "Tf",
                Op::SetFillColor { .. } => "rg",
                Op::SetTextMatrix { .. } => "Tm",
                Op::ShowText { .. } => "Tj",
                Op::AddLineBreak => "T*",
                Op::SaveGraphicsState => "q",
                Op::RestoreGraphicsState => "Q",
                Op::SetTextRenderingMode { .. } => "Tr",
                Op::SetOutlineColor { .. } => "RG",
                Op::SetOutlineThickness { .. } => "w",
                _ => "?",
            })
            .collect()
    }

    #[test]
    fn lines_share_a_section_and_set_font_and_colour_only_on_change() {
        let fonts = Fonts::load();
        let mut ops = Vec::new();
        let mut open = None;
        let ink = look(Weight::Regular, theme::INK);
        draw_line(&fonts, &mut ops, &mut open, (50.0, 700.0), "first", ink);
        draw_line(&fonts, &mut ops, &mut open, (50.0, 688.0), "second", ink);
        draw_line(
            &fonts,
            &mut ops,
            &mut open,
            (50.0, 676.0),
            "muted",
            look(Weight::Regular, theme::MUTED),
        );
        draw_line(
            &fonts,
            &mut ops,
            &mut open,
            (50.0, 664.0),
            "bold",
            look(Weight::Bold, theme::MUTED),
        );
        close(&mut ops, &mut open);
        assert_eq!(
            names(&ops),
            [
                "BT", "Tf", "rg", "Tm", "Tj", // first
                "T*", "Tm", "Tj", // second
                "T*", "rg", "Tm", "Tj", // muted
                "T*", "Tf", "Tm", "Tj", "ET", // bold
            ]
        );
        assert_eq!(
            cursor_positions(&ops)[1],
            printpdf::Point {
                x: Pt(50.0),
                y: Pt(688.0)
            }
        );
        // Closing twice ends the section once.
        close(&mut ops, &mut open);
        assert_eq!(names(&ops).iter().filter(|&&n| n == "ET").count(), 1);
    }

    #[test]
    fn runs_of_a_line_are_placed_one_after_another() {
        let fonts = Fonts::load();
        let mut ops = Vec::new();
        let mut open = None;
        let ink = look(Weight::Regular, theme::INK);
        draw_line(
            &fonts,
            &mut ops,
            &mut open,
            (50.0, 700.0),
            "Owner 東京",
            ink,
        );
        let positions = cursor_positions(&ops);
        assert_eq!(positions.len(), 2);
        let expected = 50.0 + fonts.width(Weight::Regular, 9.0, "Owner ");
        assert!((positions[1].x.0 - expected).abs() < 0.01);
    }

    #[test]
    fn bold_in_a_face_without_bold_is_outlined_in_its_own_state() {
        let fonts = Fonts::load();
        let mut ops = Vec::new();
        let mut open = None;
        let bold = look(Weight::Bold, theme::INK);
        draw_line(&fonts, &mut ops, &mut open, (50.0, 700.0), "Key 鍵", bold);
        close(&mut ops, &mut open);
        assert_eq!(
            names(&ops),
            [
                "BT", "Tf", "rg", "Tm", "Tj", "ET", // "Key " in DejaVu Bold
                "q", "BT", "Tr", "RG", "w", "Tf", "rg", "Tm", "Tj", "ET", "Q" // 鍵 outlined
            ]
        );
    }
}
