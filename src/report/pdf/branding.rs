//! The preparer's branding on the PDF: a strip above the cover band with the logo, "Prepared
//! by" the firm and the contact line; the logo again, small, in every later page's header;
//! and the firm in every footer. Nothing is drawn when the config sets no branding.

use printpdf::{PdfDocument, RawImage, XObjectId};

use super::blocks::{BODY_BOLD, SMALL_MUTED};
use super::canvas::{Canvas, TextStyle};
use crate::report::prepared::Branding;

/// The largest logo on the cover, in points.
const COVER_LOGO: (f32, f32) = (150.0, 44.0);
/// The largest logo in a page header, in points.
const HEADER_LOGO: (f32, f32) = (80.0, 13.0);
/// Where header logos start, from the top edge (above the header rule).
const HEADER_TOP: f32 = 26.0;

/// A logo added to the document, ready to be placed.
pub struct LogoImage {
    id: XObjectId,
    width: f32,
    height: f32,
}

/// Where the cover logo goes: left, top, width and height in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    x: f32,
    top: f32,
    width: f32,
    height: f32,
}

/// Decodes a PNG or JPEG logo, or says why it cannot be drawn.
pub fn decode(bytes: &[u8]) -> Result<RawImage, String> {
    let mut warnings = Vec::new();
    let image = RawImage::decode_from_bytes(bytes, &mut warnings)
        .map_err(|error| format!("the image cannot be decoded ({error})"))?;
    if image.width == 0 || image.height == 0 {
        return Err("the image has no pixels".into());
    }
    Ok(image)
}

/// Adds the logo to the document once (every page then refers to it).
pub fn add_logo(doc: &mut PdfDocument, branding: &Branding) -> Option<LogoImage> {
    let image = decode(&branding.logo.as_ref()?.bytes).ok()?;
    let (width, height) = (image.width as f32, image.height as f32);
    Some(LogoImage {
        id: doc.add_image(&image),
        width,
        height,
    })
}

/// The largest size with the logo's proportions inside `bounds`.
fn fit(logo: &LogoImage, (max_width, max_height): (f32, f32)) -> (f32, f32) {
    let scale = (max_width / logo.width).min(max_height / logo.height);
    (logo.width * scale, logo.height * scale)
}

/// Draws the strip above the cover band at the cursor and returns where the logo goes.
pub fn cover(
    canvas: &mut Canvas<'_>,
    branding: &Branding,
    logo: Option<&LogoImage>,
) -> Option<Placed> {
    let lines: Vec<(String, TextStyle)> = [
        branding.prepared_by().map(|line| (line, BODY_BOLD)),
        branding.contact.clone().map(|line| (line, SMALL_MUTED)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if lines.is_empty() && logo.is_none() {
        return None;
    }
    let (x, width, top) = (canvas.left(), canvas.content_width(), canvas.y());
    let size = logo.map(|logo| fit(logo, COVER_LOGO));
    let text_height: f32 = lines.iter().map(|(_, style)| style.line_height()).sum();
    let height = size.map_or(0.0, |(_, h)| h).max(text_height);
    let mut y = top + (height - text_height) / 2.0;
    for (line, style) in &lines {
        let text = canvas.fit(line, width * 0.6, *style);
        canvas.text_right(x + width, y, &text, *style);
        y += style.line_height();
    }
    canvas.advance(height + 12.0);
    size.map(|(w, h)| Placed {
        x,
        top: top + (height - h) / 2.0,
        width: w,
        height: h,
    })
}

/// The footer note with the preparer in front, when a firm is set.
pub fn footnote(branding: &Branding, note: &str) -> String {
    match branding.prepared_by() {
        Some(prepared_by) => format!("{prepared_by}  ·  {note}"),
        None => note.to_string(),
    }
}

/// Places the logo on every page, before the canvas is finished: on the cover where
/// [`cover`] put its box, and centred in the header of every later page.
pub fn stamp(canvas: &mut Canvas<'_>, logo: &LogoImage, cover: Option<Placed>) {
    let (page_width, _) = canvas.size();
    for index in 0..canvas.page_count() {
        let placed = if index == 0 {
            match cover {
                Some(placed) => placed,
                None => continue,
            }
        } else {
            let (width, height) = fit(logo, HEADER_LOGO);
            Placed {
                x: (page_width - width) / 2.0,
                top: HEADER_TOP - height / 2.0 + 3.0,
                width,
                height,
            }
        };
        canvas.image(
            index,
            &logo.id,
            (placed.x, placed.top),
            (placed.width, placed.height),
        );
    }
}
