//! One line of text as the runs a PDF draws it in: each run is drawn by one font face in
//! one direction, and the runs come in visual order, left to right. Right-to-left text
//! (Hebrew, Arabic) is reordered with the Unicode bidirectional algorithm (the
//! `unicode-bidi` crate), so a Hebrew name inside an English sentence reads correctly and
//! digits inside Hebrew stay left to right. Pure: which face draws a character is a
//! function the caller passes in.
//!
//! Invisible characters are never drawn (they would show as empty boxes): variation
//! selectors, zero-width spaces, soft hyphens, tags. Bidirectional controls (`U+202E` and
//! friends) are dropped before reordering, so text from a file can never reorder itself —
//! the PDF shows text, it does not obey it. Joiners stay inside Arabic runs, where the
//! shaper needs them.

use unicode_bidi::BidiInfo;

/// The faces a run can be drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceKey {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// Noto Sans Arabic (shaped).
    Arabic,
    /// Noto Sans CJK (Japanese face).
    Cjk,
    /// Noto Emoji (monochrome).
    Emoji,
}

impl FaceKey {
    /// Every face, in the order of their resource names.
    pub const ALL: [FaceKey; 5] = [
        FaceKey::Regular,
        FaceKey::Bold,
        FaceKey::Arabic,
        FaceKey::Cjk,
        FaceKey::Emoji,
    ];

    /// The name that selects this face in a page's content (`/F0 9 Tf`).
    pub fn resource(self) -> &'static str {
        match self {
            FaceKey::Regular => "F0",
            FaceKey::Bold => "F1",
            FaceKey::Arabic => "F2",
            FaceKey::Cjk => "F3",
            FaceKey::Emoji => "F4",
        }
    }

    /// The face a resource name from [`FaceKey::resource`] selects.
    pub fn from_resource(name: &str) -> Option<FaceKey> {
        FaceKey::ALL.into_iter().find(|key| key.resource() == name)
    }

    /// Whether runs of this face go through the shaper (joining forms, marks) instead of
    /// being drawn one glyph per character.
    pub fn is_shaped(self) -> bool {
        self == FaceKey::Arabic
    }
}

/// A stretch of a line drawn by one face in one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The face that draws it.
    pub face: FaceKey,
    /// The characters in the order they are drawn, left to right — except for a shaped
    /// run, which stays in reading order for the shaper (see [`Run::rtl`]).
    pub text: String,
    /// Whether the run reads right to left. Unshaped runs are already reversed (with
    /// brackets mirrored); a shaped run is reversed by the shaper.
    pub rtl: bool,
}

/// Characters that are drawn as nothing at all (and measure nothing).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    ) || c.is_control()
}

/// The zero-width joiner and non-joiner, which steer Arabic joining.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// The first code point that may need reordering or another face (Hebrew starts here):
/// a line below it is one left-to-right run of the text face.
const FIRST_COMPLEX: char = '\u{0590}';

/// The runs of `line` in visual order, left to right. `face_of` picks the face for each
/// visible character; joiners follow the character before them.
pub fn runs(line: &str, face_of: impl Fn(char) -> FaceKey, text_face: FaceKey) -> Vec<Run> {
    if line.chars().all(|c| c < FIRST_COMPLEX && !is_invisible(c)) {
        if line.is_empty() {
            return Vec::new();
        }
        return vec![Run {
            face: text_face,
            text: line.to_string(),
            rtl: false,
        }];
    }
    let kept: String = line
        .chars()
        .filter(|&c| is_joiner(c) || !is_invisible(c))
        .collect();
    let info = BidiInfo::new(&kept, None);
    let mut out = Vec::new();
    for paragraph in &info.paragraphs {
        let (levels, visual) = info.visual_runs(paragraph, paragraph.range.clone());
        for range in visual {
            let rtl = levels[range.start].is_rtl();
            let pieces = split_by_face(&kept[range], &face_of, text_face);
            let ordered: Box<dyn Iterator<Item = (FaceKey, &str)>> = if rtl {
                Box::new(pieces.into_iter().rev())
            } else {
                Box::new(pieces.into_iter())
            };
            for (face, text) in ordered {
                push_run(&mut out, face, text, rtl);
            }
        }
    }
    out
}

/// Splits `text` (reading order) into maximal pieces drawn by one face.
fn split_by_face(
    text: &str,
    face_of: impl Fn(char) -> FaceKey,
    text_face: FaceKey,
) -> Vec<(FaceKey, &str)> {
    let mut pieces: Vec<(FaceKey, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<FaceKey> = None;
    for (at, c) in text.char_indices() {
        let face = if is_joiner(c) {
            current.unwrap_or(text_face)
        } else {
            face_of(c)
        };
        if current.is_some_and(|current| current != face) {
            pieces.push((current.unwrap_or(text_face), &text[start..at]));
            start = at;
        }
        current = Some(face);
    }
    if let Some(face) = current {
        pieces.push((face, &text[start..]));
    }
    pieces
}

/// Adds one piece as a run: joiners are dropped outside shaped runs, and an unshaped
/// right-to-left piece is reversed with its brackets mirrored.
fn push_run(out: &mut Vec<Run>, face: FaceKey, text: &str, rtl: bool) {
    let text: String = if face.is_shaped() {
        text.to_string()
    } else if rtl {
        text.chars()
            .rev()
            .filter(|&c| !is_joiner(c))
            .map(mirrored)
            .collect()
    } else {
        text.chars().filter(|&c| !is_joiner(c)).collect()
    };
    if !text.is_empty() {
        out.push(Run { face, text, rtl });
    }
}

/// Whether a paragraph reads right to left: its first letter with a direction is Hebrew or
/// Arabic (the rule of the bidirectional algorithm). Such paragraphs are set flush right.
pub fn is_right_to_left(paragraph: &str) -> bool {
    paragraph.chars().any(|c| c >= FIRST_COMPLEX)
        && unicode_bidi::get_base_direction(paragraph) == unicode_bidi::Direction::Rtl
}

/// The mirror image of a bracket, as a right-to-left run shows it.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Hebrew and Latin in the text face, Arabic letters in the Arabic face, kana and
    /// ideographs in the CJK face, emoji in the emoji face.
    fn face_of(c: char) -> FaceKey {
        match c {
            '\u{0600}'..='\u{06FF}' => FaceKey::Arabic,
            '\u{3000}'..='\u{9FFF}' => FaceKey::Cjk,
            '\u{1F000}'.. => FaceKey::Emoji,
            _ => FaceKey::Regular,
        }
    }

    fn show(line: &str) -> Vec<(FaceKey, String, bool)> {
        runs(line, face_of, FaceKey::Regular)
            .into_iter()
            .map(|run| (run.face, run.text, run.rtl))
            .collect()
    }

    fn run(face: FaceKey, text: &str, rtl: bool) -> (FaceKey, String, bool) {
        (face, text.to_string(), rtl)
    }

    #[test]
    fn plain_text_is_one_run_and_empty_text_none() {
        assert_eq!(
            show("Acme — 3 gaps"),
            [run(FaceKey::Regular, "Acme — 3 gaps", false)]
        );
        assert!(show("").is_empty());
        // The bold face is kept for a plain line.
        assert_eq!(runs("Owner", face_of, FaceKey::Bold)[0].face, FaceKey::Bold);
    }

    #[test]
    fn hebrew_is_reversed_and_its_brackets_mirrored() {
        // שלום (shalom) reads right to left: drawn left to right it is reversed.
        assert_eq!(show("שלום"), [run(FaceKey::Regular, "םולש", true)]);
        // "(א)" in a right-to-left line keeps its brackets around the letter on screen.
        assert_eq!(show("(א)"), [run(FaceKey::Regular, "(א)", true)]);
    }

    #[test]
    fn a_hebrew_name_inside_english_stays_in_place() {
        assert_eq!(
            show("Owner: דנה כהן, CISO"),
            [
                run(FaceKey::Regular, "Owner: ", false),
                run(FaceKey::Regular, "ןהכ הנד", true),
                run(FaceKey::Regular, ", CISO", false),
            ]
        );
    }

    #[test]
    fn digits_inside_hebrew_stay_left_to_right() {
        // "שלב 12" (step 12): in a right-to-left paragraph the number is drawn first
        // (leftmost) yet still reads 12.
        assert_eq!(
            show("שלב 12"),
            [
                run(FaceKey::Regular, "12", false),
                run(FaceKey::Regular, " בלש", true),
            ]
        );
    }

    #[test]
    fn arabic_stays_in_reading_order_for_the_shaper() {
        assert_eq!(show("شركة"), [run(FaceKey::Arabic, "شركة", true)]);
        // A joiner stays inside the Arabic run.
        assert_eq!(show("ل\u{200D}"), [run(FaceKey::Arabic, "ل\u{200D}", true)]);
    }

    #[test]
    fn paragraphs_take_the_direction_of_their_first_letter() {
        assert!(is_right_to_left("שלום, Acme"));
        assert!(
            is_right_to_left("12 سارة"),
            "digits have no direction of their own"
        );
        assert!(!is_right_to_left("Owner: דנה"));
        assert!(!is_right_to_left("東京 שלום"));
        assert!(!is_right_to_left("12 — 3"));
    }

    #[test]
    fn faces_split_a_line_and_keep_its_order() {
        assert_eq!(
            show("株式会社 Acme 🚀"),
            [
                run(FaceKey::Cjk, "株式会社", false),
                run(FaceKey::Regular, " Acme ", false),
                run(FaceKey::Emoji, "🚀", false),
            ]
        );
    }

    #[test]
    fn invisible_and_bidi_control_characters_are_not_drawn_or_obeyed() {
        // A variation selector and a zero-width joiner between emoji draw nothing.
        assert_eq!(
            show("👍\u{FE0F}\u{200D}🚀"),
            [run(FaceKey::Emoji, "👍🚀", false)]
        );
        // A right-to-left override cannot turn Latin text around.
        assert_eq!(
            show("\u{202E}evil.exe"),
            [run(FaceKey::Regular, "evil.exe", false)]
        );
        assert!(show("\u{200B}\u{FEFF}").is_empty());
    }

    /// Text mixing every kind of character the report may meet: Latin, Hebrew, Arabic,
    /// CJK, emoji, digits, brackets, spaces, joiners, selectors and direction controls.
    fn mixed_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'z'),
                proptest::char::range('0', '9'),
                proptest::char::range('\u{05D0}', '\u{05EA}'),
                proptest::char::range('\u{0621}', '\u{064A}'),
                proptest::char::range('\u{3041}', '\u{3096}'),
                proptest::char::range('\u{4E00}', '\u{4E80}'),
                proptest::char::range('\u{1F600}', '\u{1F64F}'),
                prop::sample::select(vec![
                    ' ', '(', ')', '[', '.', ',', '-', '\u{200D}', '\u{200C}', '\u{FE0F}',
                    '\u{202E}', '\u{202B}', '\u{2067}', '\u{2069}', '\u{200F}',
                ]),
            ],
            0..60,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    /// The characters that must be drawn, with brackets folded so mirroring compares equal.
    fn drawn_multiset(chars: impl Iterator<Item = char>) -> Vec<char> {
        let mut drawn: Vec<char> = chars
            .filter(|&c| !is_invisible(c))
            .map(|c| match mirrored(c) {
                ')' | ']' | '}' | '>' | '»' | '›' => mirrored(c),
                _ => c,
            })
            .collect();
        drawn.sort_unstable();
        drawn
    }

    proptest! {
        #[test]
        fn every_visible_character_is_drawn_once_and_no_control_survives(line in mixed_text()) {
            let runs = runs(&line, face_of, FaceKey::Regular);
            let drawn: String = runs.iter().map(|run| run.text.as_str()).collect();
            prop_assert_eq!(drawn_multiset(drawn.chars()), drawn_multiset(line.chars()));
            for run in &runs {
                prop_assert!(!run.text.is_empty());
                prop_assert!(!run.text.chars().any(|c| is_invisible(c) && !is_joiner(c)));
                if !run.face.is_shaped() {
                    prop_assert!(!run.text.chars().any(is_joiner));
                }
            }
        }
    }
}
