//! A page's drawing operations as the bytes of a PDF content stream. The layout code
//! speaks printpdf's [`Op`] vocabulary; this module writes the operators the report uses,
//! turning text into the glyph codes of [`Fonts`] (which notes every glyph a page uses, for
//! the font subsets). Link annotations are not content: the caller takes them out first.

use std::fmt::Write as _;

use printpdf::{Color, Op, PaintMode, PdfFontHandle, TextItem, WindingOrder};

use super::fonts::{FaceKey, Fonts};

/// The content stream that draws `ops`.
pub fn encode(ops: &[Op], fonts: &Fonts) -> Vec<u8> {
    let mut out = String::with_capacity(ops.len() * 24);
    let mut face = FaceKey::Regular;
    for op in ops {
        match op {
            Op::SaveGraphicsState => out.push_str("q\n"),
            Op::RestoreGraphicsState => out.push_str("Q\n"),
            Op::StartTextSection => out.push_str("BT\n"),
            Op::EndTextSection => out.push_str("ET\n"),
            Op::AddLineBreak => out.push_str("T*\n"),
            Op::SetFont { font, size } => {
                face = match font {
                    PdfFontHandle::External(id) => FaceKey::from_resource(&id.0),
                    PdfFontHandle::Builtin(_) => None,
                }
                .expect("text is set in the report's own faces");
                let _ = writeln!(out, "/{} {} Tf", face.resource(), number(size.0));
            }
            Op::SetFillColor { col } => colour(&mut out, col, ["rg", "g", "k"]),
            Op::SetOutlineColor { col } => colour(&mut out, col, ["RG", "G", "K"]),
            Op::SetOutlineThickness { pt } => {
                let _ = writeln!(out, "{} w", number(pt.0));
            }
            Op::SetLineDashPattern { dash } => {
                out.push('[');
                let pattern: Vec<String> = dash.pattern.iter().map(|&n| number(n)).collect();
                out.push_str(&pattern.join(" "));
                let _ = writeln!(out, "] {} d", number(dash.offset));
            }
            Op::SetTextRenderingMode { mode } => {
                let _ = writeln!(out, "{} Tr", mode.id());
            }
            Op::SetTextMatrix { matrix } => matrix_op(&mut out, matrix.as_array(), "Tm"),
            Op::SetTransformationMatrix { matrix } => {
                matrix_op(&mut out, matrix.as_array(), "cm");
            }
            Op::ShowText { items } => show(&mut out, items, face, fonts),
            Op::DrawRectangle { rectangle } => {
                let _ = write!(
                    out,
                    "{} {} {} {} re ",
                    number(rectangle.x.0),
                    number(rectangle.y.0),
                    number(rectangle.width.0),
                    number(rectangle.height.0)
                );
                let winding = rectangle.winding_order.unwrap_or(WindingOrder::NonZero);
                out.push_str(match rectangle.mode {
                    Some(PaintMode::Fill) => winding.get_fill_op(),
                    Some(PaintMode::Stroke) => "S",
                    Some(PaintMode::FillStroke) => "B",
                    Some(PaintMode::Clip) | None => "n",
                });
                out.push('\n');
            }
            Op::DrawLine { line } => {
                for (index, point) in line.points.iter().enumerate() {
                    let verb = if index == 0 { "m" } else { "l" };
                    let _ = writeln!(
                        out,
                        "{} {} {verb}",
                        number(point.p.x.0),
                        number(point.p.y.0)
                    );
                }
                out.push_str(if line.is_closed { "s\n" } else { "S\n" });
            }
            Op::UseXobject { id, .. } => {
                let _ = writeln!(out, "/{} Do", id.0);
            }
            other => unreachable!("the report does not draw {other:?}"),
        }
    }
    out.into_bytes()
}

/// Sets a colour with the operator for its colour space: RGB, grey or CMYK.
fn colour(out: &mut String, col: &Color, [rgb, grey, cmyk]: [&str; 3]) {
    let operator = match col {
        Color::Rgb(_) => rgb,
        Color::Greyscale(_) => grey,
        Color::Cmyk(_) | Color::SpotColor(_) => cmyk,
    };
    for component in col.into_vec() {
        out.push_str(&number(component));
        out.push(' ');
    }
    out.push_str(operator);
    out.push('\n');
}

/// A six-number matrix operator (`Tm`, `cm`).
fn matrix_op(out: &mut String, matrix: [f32; 6], operator: &str) {
    for value in matrix {
        out.push_str(&number(value));
        out.push(' ');
    }
    out.push_str(operator);
    out.push('\n');
}

/// Shows text in `face`: one glyph per character for plain text (`Tj`), glyphs with the
/// shaper's spacing adjustments for shaped runs (`TJ`).
fn show(out: &mut String, items: &[TextItem], face: FaceKey, fonts: &Fonts) {
    if let [TextItem::Text(text)] = items {
        hex_codes(out, &fonts.text_codes(face, text));
        out.push_str(" Tj\n");
        return;
    }
    out.push('[');
    for item in items {
        match item {
            TextItem::Text(text) => hex_codes(out, &fonts.text_codes(face, text)),
            TextItem::Offset(offset) => {
                let _ = write!(out, " {} ", number(*offset));
            }
            TextItem::GlyphIds(glyphs) => {
                for glyph in glyphs {
                    let text = glyph.cid.as_deref().unwrap_or_default();
                    hex_codes(out, &[fonts.glyph_code(face, glyph.gid, text)]);
                    if glyph.offset != 0.0 {
                        let _ = write!(out, " {} ", number(glyph.offset));
                    }
                }
            }
        }
    }
    out.push_str("] TJ\n");
}

/// Two-byte codes as a hex string.
fn hex_codes(out: &mut String, codes: &[u16]) {
    out.push('<');
    for code in codes {
        let _ = write!(out, "{code:04X}");
    }
    out.push('>');
}

/// A number as PDF writes it: at most three decimals, no trailing zeros.
fn number(value: f32) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded == rounded.trunc() {
        return format!("{}", rounded as i64);
    }
    let text = format!("{rounded:.3}");
    text.trim_end_matches('0').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;
    use printpdf::{Codepoint, Line, LinePoint, Point, Pt, Rect, TextMatrix, TextRenderingMode};

    fn operators(bytes: &[u8]) -> Vec<(String, Vec<lopdf::Object>)> {
        Content::decode(bytes)
            .unwrap()
            .operations
            .into_iter()
            .map(|op| (op.operator, op.operands))
            .collect()
    }

    #[test]
    fn numbers_have_at_most_three_decimals() {
        assert_eq!(number(51.0), "51");
        assert_eq!(number(0.13), "0.13");
        assert_eq!(number(-2.00049), "-2");
        assert_eq!(number(595.2756), "595.276");
    }

    #[test]
    fn text_becomes_glyph_codes_of_the_face_set() {
        let fonts = Fonts::load();
        let ops = [
            Op::StartTextSection,
            Op::SetFont {
                font: fonts.handle(FaceKey::Bold),
                size: Pt(9.5),
            },
            Op::SetFillColor {
                col: crate::report::pdf::theme::NAVY.pdf(),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(51.0), Pt(700.25)),
            },
            Op::ShowText {
                items: vec![TextItem::Text("aba".into())],
            },
            Op::AddLineBreak,
            Op::EndTextSection,
        ];
        let decoded = operators(&encode(&ops, &fonts));
        let names: Vec<&str> = decoded.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "rg", "Tm", "Tj", "T*", "ET"]);
        assert_eq!(decoded[1].1[0], lopdf::Object::Name(b"F1".to_vec()));
        assert_eq!(decoded[3].1[5].as_float().unwrap(), 700.25);
        // "a" and "b" are the bold face's first two glyphs: codes 1 and 2, "a" again 1.
        assert_eq!(decoded[4].1[0].as_str().unwrap(), [0, 1, 0, 2, 0, 1]);
        assert_eq!(
            fonts.text_codes(FaceKey::Regular, "b"),
            [1],
            "faces count apart"
        );
        assert!(fonts.missing().is_empty());
    }

    #[test]
    fn shaped_glyphs_keep_their_spacing_and_shapes_and_lines_are_painted() {
        let fonts = Fonts::load();
        let ops = [
            Op::StartTextSection,
            Op::SetFont {
                font: fonts.handle(FaceKey::Arabic),
                size: Pt(9.0),
            },
            Op::SetTextRenderingMode {
                mode: TextRenderingMode::FillStroke,
            },
            Op::ShowText {
                items: vec![
                    TextItem::Offset(-12.0),
                    TextItem::GlyphIds(vec![
                        Codepoint::with_cid(30, 40.5, "ل".into()),
                        Codepoint::with_cid(31, 0.0, "ا".into()),
                    ]),
                ],
            },
            Op::EndTextSection,
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(Pt(1.0), Pt(2.0), Pt(3.0), Pt(4.0))
                },
            },
            Op::DrawLine {
                line: Line {
                    points: [(0.0, 0.0), (10.0, 0.0)]
                        .map(|(x, y)| LinePoint {
                            p: Point { x: Pt(x), y: Pt(y) },
                            bezier: false,
                        })
                        .to_vec(),
                    is_closed: false,
                },
            },
        ];
        let decoded = operators(&encode(&ops, &fonts));
        let names: Vec<&str> = decoded.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["BT", "Tf", "Tr", "TJ", "ET", "re", "f", "m", "l", "S"]
        );
        let shown = decoded[3].1[0].as_array().unwrap();
        assert_eq!(shown[0].as_float().unwrap(), -12.0);
        assert_eq!(shown[1].as_str().unwrap(), [0, 1]);
        assert_eq!(shown[2].as_float().unwrap(), 40.5);
        assert_eq!(shown[3].as_str().unwrap(), [0, 2]);
        assert_eq!(
            shown.len(),
            4,
            "no adjustment after a glyph drawn where it lands"
        );
    }
}
