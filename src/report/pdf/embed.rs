//! Embedding a font face in the PDF: only the glyphs the pages drew, as a TrueType subset
//! (`allsorts`), with the objects a viewer needs to draw them (a Type 0 font with
//! `Identity-H` codes, the widths) and a text extractor needs to read them (`ToUnicode`).
//!
//! Glyphs are numbered in the order pages first draw them ([`GlyphCodes`]), and the subset
//! keeps that order, so a page's content stream can be written — and its memory given
//! back — as soon as the page is finished, long before the document knows every glyph it
//! will use.

use std::collections::{BTreeMap, HashMap};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use printpdf::cmap::ToUnicodeCMap;
use rustybuzz::ttf_parser;

/// The glyphs of one face that pages use, each with the code that shows it: code `n` is
/// the `n`-th glyph first drawn, and code 0 the missing-glyph box.
#[derive(Debug, Default)]
pub struct GlyphCodes {
    /// The face's glyph id of each code.
    glyphs: Vec<u16>,
    /// The text each code stands for.
    texts: Vec<String>,
    /// The code of each glyph id seen.
    codes: HashMap<u16, u16>,
}

impl GlyphCodes {
    /// The code of glyph `glyph`, numbering it if it is new; `text` is what the glyph
    /// stands for (the first non-empty text given for a glyph is kept).
    pub fn code(&mut self, glyph: u16, text: &str) -> u16 {
        if self.glyphs.is_empty() {
            self.glyphs.push(0);
            self.texts.push(String::new());
        }
        if glyph == 0 {
            return 0;
        }
        let next = self.glyphs.len();
        let code = *self.codes.entry(glyph).or_insert_with(|| {
            self.glyphs.push(glyph);
            self.texts.push(String::new());
            u16::try_from(next).expect("a face has at most 65 535 glyphs")
        });
        let known = &mut self.texts[usize::from(code)];
        if known.is_empty() {
            known.push_str(text);
        }
        code
    }

    /// Whether no page drew with this face.
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }
}

/// A face to embed: its bytes, its parsed tables and the glyphs used.
pub struct Embedded<'a> {
    /// The whole font file.
    pub bytes: &'a [u8],
    /// Its tables.
    pub face: &'a ttf_parser::Face<'a>,
    /// The glyphs the pages drew.
    pub codes: &'a GlyphCodes,
}

impl Embedded<'_> {
    /// Adds the subset font and its dictionaries to `doc`; returns the font's object id.
    pub fn add_to(&self, doc: &mut Document) -> ObjectId {
        let data = ReadScope::new(self.bytes)
            .read::<FontData<'_>>()
            .expect("the fonts built into the program are valid");
        let program = subset(
            &data
                .table_provider(0)
                .expect("the fonts built into the program are valid"),
            &self.codes.glyphs,
            &SubsetProfile::Pdf,
            CmapTarget::Unicode,
        )
        .expect("the fonts built into the program can be subset");
        let name = format!("{}+{}", self.tag(), self.postscript_name());
        let mut file = Dictionary::new();
        file.set("Length1", program.len() as i64);
        let file = doc.add_object(Stream::new(file, program));
        let descriptor = doc.add_object(self.descriptor(&name, file));
        let descendant = Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
            ("BaseFont", Object::Name(name.clone().into_bytes())),
            (
                "CIDSystemInfo",
                Object::Dictionary(Dictionary::from_iter([
                    ("Registry", Object::string_literal("Adobe")),
                    ("Ordering", Object::string_literal("Identity")),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("FontDescriptor", Object::Reference(descriptor)),
            (
                "W",
                Object::Array(vec![0.into(), Object::Array(self.widths())]),
            ),
            ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
        ]);
        let to_unicode = doc.add_object(Stream::new(
            Dictionary::new(),
            self.to_unicode(&name).into_bytes(),
        ));
        doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type0".to_vec())),
            ("BaseFont", Object::Name(name.into_bytes())),
            ("Encoding", Object::Name(b"Identity-H".to_vec())),
            ("DescendantFonts", Object::Array(vec![descendant.into()])),
            ("ToUnicode", Object::Reference(to_unicode)),
        ]))
    }

    /// The face's PostScript name, without characters a PDF name would have to escape.
    fn postscript_name(&self) -> String {
        self.face
            .names()
            .into_iter()
            .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|name| name.to_string())
            .unwrap_or_else(|| "Font".to_string())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect()
    }

    /// The six capital letters that mark a subset (ISO 32000-1, 9.6.4): derived from the
    /// glyphs kept, so the same report gives the same file.
    fn tag(&self) -> String {
        let mut hash: u32 = 0x811C_9DC5;
        for glyph in &self.codes.glyphs {
            for byte in glyph.to_be_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
            .collect()
    }

    /// Scales font units to the thousandths of an em PDF measures glyphs in.
    fn per_mille(&self, units: f32) -> i64 {
        (units * 1000.0 / f32::from(self.face.units_per_em().max(1))).round() as i64
    }

    /// The advance of every code, in code order.
    fn widths(&self) -> Vec<Object> {
        self.codes
            .glyphs
            .iter()
            .map(|&glyph| {
                let units = self
                    .face
                    .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                    .unwrap_or(0);
                Object::Integer(self.per_mille(f32::from(units)))
            })
            .collect()
    }

    /// The font descriptor: the metrics viewers use to substitute or place the face.
    fn descriptor(&self, name: &str, file: ObjectId) -> Dictionary {
        let face = self.face;
        let units = |value: i16| Object::Integer(self.per_mille(f32::from(value)));
        let bbox = face.global_bounding_box();
        let weight = f32::from(face.weight().to_number());
        /// Flags: the face uses characters outside the standard Latin set ("symbolic").
        const SYMBOLIC: i64 = 1 << 2;
        Dictionary::from_iter([
            ("Type", Object::Name(b"FontDescriptor".to_vec())),
            ("FontName", Object::Name(name.as_bytes().to_vec())),
            ("Flags", Object::Integer(SYMBOLIC)),
            (
                "FontBBox",
                Object::Array(vec![
                    units(bbox.x_min),
                    units(bbox.y_min),
                    units(bbox.x_max),
                    units(bbox.y_max),
                ]),
            ),
            ("ItalicAngle", Object::Real(face.italic_angle())),
            ("Ascent", units(face.ascender())),
            ("Descent", units(face.descender())),
            (
                "CapHeight",
                units(face.capital_height().unwrap_or(face.ascender())),
            ),
            // No table records stem widths; this is the usual estimate from the weight.
            (
                "StemV",
                Object::Integer(50 + (weight / 65.0).powi(2).round() as i64),
            ),
            ("FontFile2", Object::Reference(file)),
        ])
    }

    /// The `ToUnicode` map: the text each code stands for.
    fn to_unicode(&self, name: &str) -> String {
        let mappings: BTreeMap<u32, Vec<u32>> = self
            .codes
            .texts
            .iter()
            .zip(0u32..)
            .filter(|(text, _)| !text.is_empty())
            .map(|(text, code)| (code, text.chars().map(u32::from).collect()))
            .collect();
        ToUnicodeCMap { mappings }.to_cmap_string(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_are_numbered_in_the_order_first_drawn_and_keep_their_first_text() {
        let mut codes = GlyphCodes::default();
        assert!(codes.is_empty());
        assert_eq!(codes.code(40, "a"), 1);
        assert_eq!(codes.code(7, ""), 2);
        assert_eq!(codes.code(40, "b"), 1, "a glyph keeps its code");
        assert_eq!(codes.code(7, "x"), 2);
        assert_eq!(codes.code(0, "?"), 0, "the missing box is code 0");
        assert_eq!(codes.glyphs, [0, 40, 7]);
        assert_eq!(codes.texts, ["", "a", "x"]);
    }

    #[test]
    fn a_subset_keeps_the_codes_as_its_glyph_ids() {
        let bytes: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
        let face = ttf_parser::Face::parse(bytes, 0).unwrap();
        let mut codes = GlyphCodes::default();
        let glyph = |c| face.glyph_index(c).unwrap().0;
        // Drawn out of glyph-id order: "z" before "a".
        assert_eq!(codes.code(glyph('z'), "z"), 1);
        assert_eq!(codes.code(glyph('a'), "a"), 2);
        let mut doc = Document::with_version("1.5");
        let font = Embedded {
            bytes,
            face: &face,
            codes: &codes,
        }
        .add_to(&mut doc);
        let font = doc.get_dictionary(font).unwrap();
        let descendants = font.get(b"DescendantFonts").unwrap().as_array().unwrap();
        let descendant = descendants[0].as_dict().unwrap();
        let descriptor = doc
            .get_dictionary(
                descendant
                    .get(b"FontDescriptor")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap();
        let file = doc
            .get_object(
                descriptor
                    .get(b"FontFile2")
                    .unwrap()
                    .as_reference()
                    .unwrap(),
            )
            .unwrap()
            .as_stream()
            .unwrap();
        let subset = ttf_parser::Face::parse(&file.content, 0).unwrap();
        let advance = |glyph| subset.glyph_hor_advance(ttf_parser::GlyphId(glyph));
        assert_eq!(
            advance(1),
            face.glyph_hor_advance(ttf_parser::GlyphId(glyph('z')))
        );
        assert_eq!(
            advance(2),
            face.glyph_hor_advance(ttf_parser::GlyphId(glyph('a')))
        );
        let name = font.get(b"BaseFont").unwrap().as_name().unwrap();
        assert!(
            name.ends_with(b"+DejaVuSans") && name[6] == b'+',
            "{name:?}"
        );
        let widths = descendant.get(b"W").unwrap().as_array().unwrap();
        assert_eq!(widths[1].as_array().unwrap().len(), 3);
    }
}
