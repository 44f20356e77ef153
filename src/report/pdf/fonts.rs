//! The embedded fonts and text measurement from their glyph advances.
//!
//! DejaVu Sans (regular and bold, licence in `assets/fonts/LICENSE`) draws Latin, Greek,
//! Cyrillic and Hebrew. Three Noto subsets (`assets/fonts/noto/`, SIL OFL) draw what
//! DejaVu lacks: Arabic (shaped with `rustybuzz`, so letters join), Chinese, Japanese and
//! Korean, and emoji. A fallback is parsed only when a report needs it and embedded only
//! then; each face records the glyphs the pages use ([`GlyphCodes`]), so a report carries
//! just those. The fallbacks have no bold: bold text in them is drawn filled and outlined.
//!
//! Faces are read in place from the bytes built into the program (`ttf-parser`): nothing
//! is copied, and outlines are only read when the subset is made.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;

use printpdf::{Codepoint, FontId, PdfFontHandle};
use rustybuzz::ttf_parser;

use super::embed::{self, GlyphCodes};
use super::script;
pub use super::script::FaceKey;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");
static ARABIC: &[u8] = include_bytes!("../../../assets/fonts/noto/NotoSansArabic-Subset.ttf");
static CJK: &[u8] = include_bytes!("../../../assets/fonts/noto/NotoSansCJKjp-Subset.ttf");
static EMOJI: &[u8] = include_bytes!("../../../assets/fonts/noto/NotoEmoji-Subset.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

impl Weight {
    /// The DejaVu face of this weight.
    pub fn face(self) -> FaceKey {
        match self {
            Weight::Regular => FaceKey::Regular,
            Weight::Bold => FaceKey::Bold,
        }
    }
}

/// Whether face `key` lacks the `weight` asked for: the fallbacks have no bold, so bold
/// text in them is drawn filled and outlined instead.
pub fn lacks_weight(key: FaceKey, weight: Weight) -> bool {
    weight == Weight::Bold && key != FaceKey::Bold
}

/// One font face: its bytes, its tables read in place, and the glyphs drawn with it.
struct Face {
    bytes: &'static [u8],
    font: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advances of the ASCII characters at 1 pt, looked up once: most text is ASCII.
    ascii: [f32; 128],
    /// The glyphs the pages use, numbered in the order they were first drawn.
    codes: RefCell<GlyphCodes>,
}

impl Face {
    fn parse(bytes: &'static [u8]) -> Self {
        let font =
            ttf_parser::Face::parse(bytes, 0).expect("the fonts built into the program parse");
        let units_per_em = f32::from(font.units_per_em().max(1));
        let mut face = Self {
            bytes,
            font,
            units_per_em,
            ascii: [0.0; 128],
            codes: RefCell::new(GlyphCodes::default()),
        };
        for (code, advance) in (0u8..128).zip(0..) {
            face.ascii[advance] = face.lookup_advance(char::from(code));
        }
        face
    }

    /// The glyph that draws `c`, or 0 (the empty box) when the face lacks it.
    fn glyph(&self, c: char) -> u16 {
        self.font.glyph_index(c).map_or(0, |glyph| glyph.0)
    }

    fn has(&self, c: char) -> bool {
        self.glyph(c) != 0
    }

    fn lookup_advance(&self, c: char) -> f32 {
        self.glyph_advance(self.glyph(c))
    }

    /// The advance of glyph `glyph` in font units.
    fn glyph_units(&self, glyph: u16) -> f32 {
        f32::from(
            self.font
                .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                .unwrap_or(0),
        )
    }

    fn glyph_advance(&self, glyph: u16) -> f32 {
        self.glyph_units(glyph) / self.units_per_em
    }

    /// The advance of `c` at 1 pt; characters the font lacks measure as its missing glyph.
    fn advance(&self, c: char) -> f32 {
        match self.ascii.get(c as usize) {
            Some(&advance) => advance,
            None => self.lookup_advance(c),
        }
    }
}

/// A fallback face: its bytes, parsed on first use.
struct Fallback {
    bytes: &'static [u8],
    face: OnceCell<Face>,
}

impl Fallback {
    const fn new(bytes: &'static [u8]) -> Self {
        Self {
            bytes,
            face: OnceCell::new(),
        }
    }

    fn get(&self) -> &Face {
        self.face.get_or_init(|| Face::parse(self.bytes))
    }
}

/// A run of text laid out by the shaper, ready for a `ShowText` operation.
pub struct Shaped {
    /// The glyphs with the spacing adjustments that put them where the shaper said.
    pub items: Vec<printpdf::TextItem>,
    /// The width of the run in points.
    pub width: f32,
}

/// The report's faces: DejaVu Sans in two weights, and the fallbacks once needed.
pub struct Fonts {
    regular: Face,
    bold: Face,
    arabic: Fallback,
    cjk: Fallback,
    emoji: Fallback,
    /// The Arabic face as the shaper reads it, made on first use.
    shaper: OnceCell<rustybuzz::Face<'static>>,
    /// Characters no face has, drawn as an empty box.
    missing: RefCell<BTreeSet<char>>,
}

/// Arabic script: letters, marks and presentation forms.
fn is_arabic(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
    )
}

/// Symbols that emoji fonts draw better than CJK fonts (checked against the emoji face
/// first).
fn is_emoji_like(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..)
}

impl Fonts {
    /// Parses the two DejaVu faces; fallbacks wait until a character needs them.
    pub fn load() -> Self {
        Self {
            regular: Face::parse(REGULAR),
            bold: Face::parse(BOLD),
            arabic: Fallback::new(ARABIC),
            cjk: Fallback::new(CJK),
            emoji: Fallback::new(EMOJI),
            shaper: OnceCell::new(),
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    fn face(&self, key: FaceKey) -> &Face {
        match key {
            FaceKey::Regular => &self.regular,
            FaceKey::Bold => &self.bold,
            FaceKey::Arabic => self.arabic.get(),
            FaceKey::Cjk => self.cjk.get(),
            FaceKey::Emoji => self.emoji.get(),
        }
    }

    /// The face that draws `c` in text of `weight`: DejaVu when it has the character (but
    /// Arabic always from the Arabic face, so words join), else the first fallback that
    /// has it. A character no face has is noted (see [`Fonts::missing`]) and measured as
    /// DejaVu's empty box.
    pub fn face_for(&self, weight: Weight, c: char) -> FaceKey {
        let text = weight.face();
        if c < '\u{0590}' {
            return text;
        }
        if is_arabic(c) && self.arabic.get().has(c) {
            return FaceKey::Arabic;
        }
        if self.face(text).has(c) {
            return text;
        }
        let order = if is_emoji_like(c) {
            [FaceKey::Emoji, FaceKey::Cjk]
        } else {
            [FaceKey::Cjk, FaceKey::Emoji]
        };
        if let Some(key) = order.into_iter().find(|&key| self.face(key).has(c)) {
            return key;
        }
        self.missing.borrow_mut().insert(c);
        text
    }

    /// The characters drawn so far that no embedded face has.
    pub fn missing(&self) -> Vec<char> {
        self.missing.borrow().iter().copied().collect()
    }

    /// The handle that selects a face in a text section.
    pub fn handle(&self, key: FaceKey) -> PdfFontHandle {
        PdfFontHandle::External(FontId(key.resource().to_string()))
    }

    /// The code that shows glyph `glyph` of face `key` in a content stream, noting that
    /// the glyph is used and that it stands for `text` (what copying it out gives).
    pub fn glyph_code(&self, key: FaceKey, glyph: u16, text: &str) -> u16 {
        self.face(key).codes.borrow_mut().code(glyph, text)
    }

    /// The codes that show `text` in face `key`, one glyph per character (see
    /// [`Fonts::glyph_code`]).
    pub fn text_codes(&self, key: FaceKey, text: &str) -> Vec<u16> {
        let face = self.face(key);
        let mut codes = face.codes.borrow_mut();
        let mut buffer = [0; 4];
        text.chars()
            .map(|c| codes.code(face.glyph(c), c.encode_utf8(&mut buffer)))
            .collect()
    }

    /// The advance of `c` in points at `size`, in the face that draws it; characters that
    /// are never drawn (joiners, variation selectors, direction marks) take no room.
    pub fn advance(&self, weight: Weight, size: f32, c: char) -> f32 {
        if !c.is_ascii() && script::is_invisible(c) {
            return 0.0;
        }
        let key = self.face_for(weight, c);
        self.face(key).advance(c) * size
    }

    /// The width of `text` in points at `size` (no kerning is applied, so widths add up).
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        text.chars().map(|c| self.advance(weight, size, c)).sum()
    }

    /// The width of a run drawn glyph by glyph in face `key`.
    pub fn run_width(&self, key: FaceKey, size: f32, text: &str) -> f32 {
        let face = self.face(key);
        text.chars().map(|c| face.advance(c)).sum::<f32>() * size
    }

    /// Shapes a run of Arabic (given in reading order): joining forms, ligatures and marks,
    /// laid out right to left or left to right. Each glyph carries the text it stands for,
    /// so the PDF's text can be copied and searched.
    pub fn shape(&self, text: &str, rtl: bool, size: f32) -> Shaped {
        let face = self.arabic.get();
        let shaper = self.shaper.get_or_init(|| {
            rustybuzz::Face::from_slice(ARABIC, 0).expect("the built-in Arabic font parses")
        });
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let glyphs = rustybuzz::shape(shaper, &[], buffer);
        let clusters = cluster_texts(text, glyphs.glyph_infos().iter().map(|g| g.cluster));
        let per_mille = 1000.0 / face.units_per_em;
        // Where the previous glyph was drawn relative to its pen position, in font units:
        // the PDF places each glyph at the end of the one before, so offsets are undone.
        let mut previous_offset = 0.0;
        let mut codepoints = Vec::new();
        let mut lead = 0.0;
        let mut units = 0.0;
        for ((info, position), cluster) in glyphs
            .glyph_infos()
            .iter()
            .zip(glyphs.glyph_positions())
            .zip(clusters)
        {
            let glyph = u16::try_from(info.glyph_id).unwrap_or(0);
            let offset = position.x_offset as f32;
            if codepoints.is_empty() {
                lead = offset;
            } else if let Some(last) = codepoints.last_mut() {
                let last: &mut Codepoint = last;
                last.offset -= (offset - previous_offset) * per_mille;
            }
            let drawn = face.glyph_units(glyph);
            let wanted = position.x_advance as f32;
            codepoints.push(Codepoint::with_cid(
                glyph,
                (drawn - wanted) * per_mille,
                cluster,
            ));
            previous_offset = offset;
            units += wanted;
        }
        let mut items = Vec::new();
        if lead != 0.0 {
            items.push(printpdf::TextItem::Offset(-lead * per_mille));
        }
        items.push(printpdf::TextItem::GlyphIds(codepoints));
        Shaped {
            items,
            width: units / face.units_per_em * size,
        }
    }

    /// Adds the subset of every face a page drew with to `doc`, and returns the font
    /// resources that name them.
    pub fn embed(&self, doc: &mut lopdf::Document) -> lopdf::Dictionary {
        let parsed = |key| match key {
            FaceKey::Regular => Some(&self.regular),
            FaceKey::Bold => Some(&self.bold),
            FaceKey::Arabic => self.arabic.face.get(),
            FaceKey::Cjk => self.cjk.face.get(),
            FaceKey::Emoji => self.emoji.face.get(),
        };
        let mut resources = lopdf::Dictionary::new();
        for key in FaceKey::ALL {
            let Some(face) = parsed(key) else { continue };
            let codes = face.codes.borrow();
            if codes.is_empty() {
                continue;
            }
            let font = embed::Embedded {
                bytes: face.bytes,
                face: &face.font,
                codes: &codes,
            };
            resources.set(key.resource(), lopdf::Object::Reference(font.add_to(doc)));
        }
        resources
    }
}

/// The text each shaped glyph stands for: the characters from its cluster's start to the
/// next cluster's start in reading order (empty for the second and later glyphs of a
/// cluster).
fn cluster_texts(text: &str, clusters: impl Iterator<Item = u32>) -> Vec<String> {
    let clusters: Vec<usize> = clusters.map(|c| c as usize).collect();
    let mut starts: Vec<usize> = clusters.clone();
    starts.sort_unstable();
    starts.dedup();
    let mut seen = BTreeSet::new();
    clusters
        .iter()
        .map(|&start| {
            if !seen.insert(start) {
                return String::new();
            }
            let end = starts
                .iter()
                .find(|&&next| next > start)
                .copied()
                .unwrap_or(text.len());
            text.get(start..end).unwrap_or_default().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_script_gets_a_face_that_has_it() {
        let fonts = Fonts::load();
        let pick = |c| fonts.face_for(Weight::Regular, c);
        assert_eq!(pick('A'), FaceKey::Regular);
        assert_eq!(fonts.face_for(Weight::Bold, 'é'), FaceKey::Bold);
        assert_eq!(pick('ש'), FaceKey::Regular, "DejaVu draws Hebrew");
        assert_eq!(pick('ش'), FaceKey::Arabic);
        for c in ['日', '本', 'か', 'ナ', '中', '国', '한', '글', '。'] {
            assert_eq!(pick(c), FaceKey::Cjk, "{c}");
        }
        for c in ['🚀', '🔒', '🙂'] {
            assert_eq!(pick(c), FaceKey::Emoji, "{c}");
        }
        assert!(fonts.missing().is_empty());
        // A private-use character is nowhere: noted, and measured as the empty box.
        assert_eq!(pick('\u{E000}'), FaceKey::Regular);
        assert_eq!(fonts.missing(), ['\u{E000}']);
    }

    #[test]
    fn invisible_characters_take_no_room_and_are_not_missing() {
        let fonts = Fonts::load();
        let width = fonts.width(Weight::Regular, 10.0, "\u{FE0F}\u{200D}\u{202E}\u{00AD}");
        assert_eq!(width, 0.0);
        assert_eq!(
            fonts.width(Weight::Regular, 10.0, "👍\u{FE0F}"),
            fonts.width(Weight::Regular, 10.0, "👍")
        );
        assert!(fonts.missing().is_empty(), "{:?}", fonts.missing());
    }

    #[test]
    fn fallbacks_are_parsed_and_embedded_only_when_used() {
        let fonts = Fonts::load();
        fonts.width(
            Weight::Regular,
            10.0,
            "Plain text, Ελληνικά, Кириллица, עברית",
        );
        assert!(fonts.cjk.face.get().is_none());
        assert!(fonts.emoji.face.get().is_none());
        fonts.width(Weight::Regular, 10.0, "東京");
        assert!(fonts.cjk.face.get().is_some());
        // Only faces that drew a glyph are embedded: measuring bold drew nothing.
        fonts.text_codes(FaceKey::Regular, "Plain text");
        fonts.text_codes(FaceKey::Cjk, "東京");
        let mut doc = lopdf::Document::with_version("1.5");
        let resources = fonts.embed(&mut doc);
        let names: Vec<&[u8]> = resources.iter().map(|(name, _)| name.as_slice()).collect();
        assert_eq!(names, [&b"F0"[..], b"F3"]);
    }

    #[test]
    fn ascii_advances_match_the_font() {
        let fonts = Fonts::load();
        for c in ['a', 'W', ' ', '~'] {
            assert_eq!(fonts.regular.advance(c), fonts.regular.lookup_advance(c));
        }
        assert!(fonts.width(Weight::Bold, 10.0, "W") > fonts.width(Weight::Regular, 10.0, "i"));
    }

    #[test]
    fn arabic_is_shaped_into_joined_glyphs_that_keep_their_text() {
        let fonts = Fonts::load();
        // "سلام" (salaam): four letters, joined; each glyph carries its letter.
        let shaped = fonts.shape("سلام", true, 10.0);
        let printpdf::TextItem::GlyphIds(glyphs) = shaped.items.last().unwrap() else {
            panic!("glyphs expected");
        };
        // Right to left: the glyphs come in visual order, so their texts read backwards
        // (lam and alef form one ligature glyph, whose text stays "لا").
        let text: String = glyphs.iter().rev().filter_map(|g| g.cid.clone()).collect();
        assert_eq!(text, "سلام");
        assert_eq!(glyphs.len(), 3, "lam-alef is one glyph");
        // Joined forms differ from the isolated ones the character map gives.
        let arabic = fonts.arabic.get();
        let isolated = arabic.glyph('س');
        assert!(
            glyphs.iter().all(|g| g.gid != isolated),
            "initial form used"
        );
        assert!(
            shaped.width > 0.0 && shaped.width < fonts.width(Weight::Regular, 10.0, "سلام") * 1.5
        );
    }

    #[test]
    fn cluster_texts_cover_the_text_once() {
        assert_eq!(cluster_texts("abc", [2, 1, 0].into_iter()), ["c", "b", "a"]);
        // A ligature (one glyph for two characters) and a mark glyph in one cluster.
        assert_eq!(cluster_texts("lam", [0, 0, 2].into_iter()), ["la", "", "m"]);
    }

    proptest::proptest! {
        #[test]
        fn any_arabic_text_shapes_without_panicking_and_keeps_its_letters(
            text in "[\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0660}-\u{0669}\u{200C}\u{200D} ]{0,40}",
            rtl: bool,
        ) {
            let fonts = Fonts::load();
            let shaped = fonts.shape(&text, rtl, 9.0);
            let Some(printpdf::TextItem::GlyphIds(glyphs)) = shaped.items.last() else {
                panic!("glyphs expected");
            };
            // Joiners steer the shaper and may leave no glyph; every letter, mark and digit
            // stays.
            let visible = |c: &char| !matches!(c, '\u{200C}' | '\u{200D}');
            let mut kept: Vec<char> = glyphs
                .iter()
                .filter_map(|g| g.cid.clone())
                .flat_map(|text| text.chars().collect::<Vec<_>>())
                .filter(visible)
                .collect();
            let mut given: Vec<char> = text.chars().filter(visible).collect();
            kept.sort_unstable();
            given.sort_unstable();
            proptest::prop_assert_eq!(kept, given);
            proptest::prop_assert!(shaped.width.is_finite() && shaped.width >= 0.0);
        }
    }
}
