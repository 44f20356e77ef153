//! A page's drawing operations as the bytes of a PDF content stream. The layout code
//! speaks printpdf's [`Op`] vocabulary; this module writes the operators the report uses,
//! turning text into the glyph codes of [`Fonts`] (which notes every glyph a page uses, for
//! the font subsets). Link annotations are not content: the caller takes them out first.

use std::fmt::{self, Write as _};

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
                let _ = writeln!(out, "/{} {} Tf", face.resource(), Number(size.0));
            }
            Op::SetFillColor { col } => colour(&mut out, col, ["rg", "g", "k"]),
            Op::SetOutlineColor { col } => colour(&mut out, col, ["RG", "G", "K"]),
            Op::SetOutlineThickness { pt } => {
                let _ = writeln!(out, "{} w", Number(pt.0));
            }
            Op::SetLineDashPattern { dash } => {
                out.push('[');
                for (index, &length) in dash.pattern.iter().enumerate() {
                    let gap = if index == 0 { "" } else { " " };
                    let _ = write!(out, "{gap}{}", Number(length));
                }
                let _ = writeln!(out, "] {} d", Number(dash.offset));
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
                    Number(rectangle.x.0),
                    Number(rectangle.y.0),
                    Number(rectangle.width.0),
                    Number(rectangle.height.0)
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
                        Number(point.p.x.0),
                        Number(point.p.y.0)
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
        let _ = write!(out, "{} ", Number(component));
    }
    out.push_str(operator);
    out.push('\n');
}

/// A six-number matrix operator (`Tm`, `cm`).
fn matrix_op(out: &mut String, matrix: [f32; 6], operator: &str) {
    for value in matrix {
        let _ = write!(out, "{} ", Number(value));
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
                let _ = write!(out, " {} ", Number(*offset));
            }
            TextItem::GlyphIds(glyphs) => {
                for glyph in glyphs {
                    let text = glyph.cid.as_deref().unwrap_or_default();
                    hex_codes(out, &[fonts.glyph_code(face, glyph.gid, text)]);
                    if glyph.offset != 0.0 {
                        let _ = write!(out, " {} ", Number(glyph.offset));
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

/// A number as PDF writes it: at most three decimals, no trailing zeros. Written straight
/// into the stream (no string per number: a long report has tens of thousands).
struct Number(f32);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let thousandths = (f64::from(self.0) * 1000.0).round() as i64;
        if thousandths < 0 {
            f.write_str("-")?;
        }
        let magnitude = thousandths.unsigned_abs();
        write!(f, "{}", magnitude / 1000)?;
        let (mut fraction, mut digits) = (magnitude % 1000, 3);
        if fraction == 0 {
            return Ok(());
        }
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        write!(f, ".{fraction:0digits$}")
    }
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
        assert_eq!(Number(51.0).to_string(), "51");
        assert_eq!(Number(0.13).to_string(), "0.13");
        assert_eq!(Number(-2.00049).to_string(), "-2");
        assert_eq!(Number(595.2756).to_string(), "595.276");
        assert_eq!(Number(-0.0004).to_string(), "0", "no negative zero");
        assert_eq!(Number(-0.5).to_string(), "-0.5");
        assert_eq!(Number(0.05).to_string(), "0.05");
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
