//! The embedded fonts (DejaVu Sans regular and bold, licence in `assets/fonts/LICENSE`) and
//! text measurement from their glyph advances. printpdf subsets them on save, so a report
//! only carries the glyphs it uses.

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFontHandle};

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// One font face: its id in the document and its metrics.
#[derive(Debug)]
struct Face {
    id: FontId,
    font: ParsedFont,
    units_per_em: f32,
}

impl Face {
    fn load(doc: &mut PdfDocument, bytes: &[u8]) -> Self {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .expect("the embedded DejaVu Sans font parses");
        let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
        Self {
            id: doc.add_font(&font),
            font,
            units_per_em,
        }
    }

    /// The advance of `c` at 1 pt; characters the font lacks measure as its missing glyph.
    fn advance(&self, c: char) -> f32 {
        let glyph = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        f32::from(self.font.get_horizontal_advance(glyph)) / self.units_per_em
    }
}

/// The report's two faces.
#[derive(Debug)]
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Adds both faces to `doc`.
    pub fn load(doc: &mut PdfDocument) -> Self {
        Self {
            regular: Face::load(doc, REGULAR),
            bold: Face::load(doc, BOLD),
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The handle that selects a face in a text section.
    pub fn handle(&self, weight: Weight) -> PdfFontHandle {
        PdfFontHandle::External(self.face(weight).id.clone())
    }

    /// The advance of `c` in points at `size`.
    pub fn advance(&self, weight: Weight, size: f32, c: char) -> f32 {
        self.face(weight).advance(c) * size
    }

    /// The width of `text` in points at `size` (no kerning is applied, so widths add up).
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        text.chars().map(|c| self.advance(weight, size, c)).sum()
    }
}
