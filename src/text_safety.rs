//! Text from files is shown, never obeyed. An organisation name, a note, a custom question or
//! a file name may hold control characters (`ESC ] 0 ;` retitles a terminal, `ESC [2J`
//! clears it) or bidirectional overrides (`U+202E` shows text backwards). Before such text
//! reaches a terminal, a Markdown or CSV file or PDF metadata it goes through this module,
//! which turns each of those characters into a visible marker: C0 controls and DEL in caret
//! notation (`^[`, `^G`, `^?`), C1 controls and bidirectional formatting characters as
//! `<U+202E>`. Pure functions, no I/O.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal or a document as it is: a C0 or C1 control, DEL,
/// or a character that changes the direction text is shown in.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The invisible characters that reorder text: marks, embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// One line of text with every unsafe character visible, line breaks and tabs included.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    replace(text, |c, _| is_unsafe(c))
}

/// Text of several lines: line breaks (`\n`, `\r\n`) and tabs are kept, every other unsafe
/// character is made visible — a lone `\r` too, which would let a line overwrite itself.
pub fn visible_text(text: &str) -> Cow<'_, str> {
    replace(text, |c, next| match c {
        '\n' | '\t' => false,
        '\r' => next != Some('\n'),
        _ => is_unsafe(c),
    })
}

/// A JSON document with every unsafe character that JSON allows raw inside a string (DEL,
/// C1 controls, bidirectional formatting) written as a `\uXXXX` escape instead: the same
/// data for any JSON reader, harmless on a terminal. The serializer already escapes C0
/// controls, so raw line breaks and tabs left in `json` are layout and stay.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    let escaped = |c: char| is_unsafe(c) && !c.is_ascii_whitespace();
    if !json.chars().any(escaped) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escaped(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one escape each.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first unsafe character of a one-line text and its 1-based position in characters,
/// for validators that reject such text.
pub fn first_unsafe(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| is_unsafe(c))
        .map(|(index, c)| (index + 1, c))
}

/// How an unsafe character is written when it is made visible.
pub fn marker(c: char) -> String {
    match u32::from(c) {
        code @ 0..=0x1f => format!("^{}", char::from(b'@' + code as u8)),
        0x7f => "^?".to_string(),
        code => format!("<U+{code:04X}>"),
    }
}

/// `text` with each character for which `unsafe_here(character, next character)` holds
/// replaced by its [`marker`]; borrowed when there is none.
fn replace(text: &str, unsafe_here: impl Fn(char, Option<char>) -> bool) -> Cow<'_, str> {
    let flagged = |(at, c): (usize, char)| unsafe_here(c, text[at + c.len_utf8()..].chars().next());
    if !text.char_indices().any(flagged) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, c) in text.char_indices() {
        if flagged((at, c)) {
            out.push_str(&marker(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "Evil \u{1b}]0;pwned\u{7}\u{1b}[2J";

    #[test]
    fn a_hostile_name_becomes_harmless_visible_text() {
        let shown = visible_line(HOSTILE);
        assert_eq!(shown, "Evil ^[]0;pwned^G^[[2J");
        assert!(!shown.chars().any(is_unsafe));
    }

    #[test]
    fn c1_controls_del_and_bidi_overrides_are_named() {
        assert_eq!(
            visible_line("a\u{9b}b\u{7f}c\u{202e}d\u{2067}e\u{200f}"),
            "a<U+009B>b^?c<U+202E>d<U+2067>e<U+200F>"
        );
        assert_eq!(visible_line("\0\r"), "^@^M");
    }

    #[test]
    fn lines_and_tabs_stay_only_in_multi_line_text() {
        assert_eq!(visible_text("a\n\tb\r\nc"), "a\n\tb\r\nc");
        assert_eq!(visible_text("paid\rfree\r"), "paid^Mfree^M");
        assert_eq!(visible_line("a\n\tb\r\n"), "a^J^Ib^M^J");
    }

    #[test]
    fn safe_text_is_borrowed_unchanged() {
        for text in ["Acme Inc", "Société Générale", "שלום עולם", "東京 🚀", ""] {
            assert!(matches!(visible_line(text), Cow::Borrowed(t) if t == text));
            assert!(matches!(visible_text(text), Cow::Borrowed(_)));
            assert!(matches!(json_escaped(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn json_keeps_its_data_and_loses_its_raw_controls() {
        let json = serde_json::to_string_pretty(&serde_json::json!({
            "organization": format!("{HOSTILE}\u{202e}\u{85}\u{7f}")
        }))
        .unwrap();
        let escaped = json_escaped(&json);
        assert!(
            !escaped.chars().any(|c| is_unsafe(c) && c != '\n'),
            "{escaped}"
        );
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(
            back["organization"],
            format!("{HOSTILE}\u{202e}\u{85}\u{7f}")
        );
    }

    #[test]
    fn the_first_unsafe_character_is_located() {
        assert_eq!(first_unsafe("CC6.1.mfa"), None);
        assert_eq!(first_unsafe("CC6.1.m\u{1b}fa"), Some((8, '\u{1b}')));
        assert_eq!(first_unsafe("é\u{202e}"), Some((2, '\u{202e}')));
    }
}
