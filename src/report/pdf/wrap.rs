//! Line wrapping by glyph advances: greedy, word by word, breaking inside a word only when
//! the word alone is wider than the line — then after a hyphen, slash or similar break
//! point if one fits, and between characters only as a last resort. Pure, so it is tested
//! without a PDF.

/// Splits `text` into lines no wider than `width`, measuring characters with `advance`.
///
/// Line breaks in the text are kept (blank lines too), runs of spaces and tabs collapse to
/// one space, control characters are dropped, and leading and trailing blank space goes.
/// Empty text gives no lines.
pub fn wrap(text: &str, width: f32, advance: impl Fn(char) -> f32) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let space = advance(' ');
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word: String = word.chars().filter(|c| !c.is_control()).collect();
            let word_width: f32 = word.chars().map(&advance).sum();
            let gap = if line.is_empty() { 0.0 } else { space };
            if line_width + gap + word_width <= width + f32::EPSILON * width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                line_width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word.as_str();
            while rest.chars().map(&advance).sum::<f32>() > width {
                let (head, tail) = split_word(rest, width, &advance);
                lines.push(head.to_string());
                rest = tail;
            }
            line.push_str(rest);
            line_width = rest.chars().map(&advance).sum();
        }
        lines.push(line);
    }
    lines
}

/// Splits a word wider than `width`: after the last break point (`-`, `/`, `_`, `.`, `@`)
/// that fits, else after as many characters as fit (at least one).
fn split_word(word: &str, width: f32, advance: impl Fn(char) -> f32) -> (&str, &str) {
    let mut used = 0.0;
    let mut fits = 0;
    let mut break_after = None;
    for (at, c) in word.char_indices() {
        used += advance(c);
        if used > width && fits > 0 {
            break;
        }
        fits = at + c.len_utf8();
        if matches!(c, '-' | '/' | '_' | '.' | '@' | '\u{2010}' | '\u{2013}') && fits < word.len() {
            break_after = Some(fits);
        }
    }
    word.split_at(break_after.unwrap_or(fits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A monospace font: every character is one unit wide.
    fn mono(text: &str, width: f32) -> Vec<String> {
        wrap(text, width, |_| 1.0)
    }

    #[test]
    fn words_fill_lines_up_to_the_width() {
        assert_eq!(
            mono("the quick brown fox jumps", 10.0),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(mono("exactly ten", 11.0), ["exactly ten"]);
    }

    #[test]
    fn breaks_spaces_and_long_words() {
        assert_eq!(mono("a\n\nb  \t c", 10.0), ["a", "", "b c"]);
        assert_eq!(mono("abcdefghijkl xy", 5.0), ["abcde", "fghij", "kl xy"]);
        // Long words break after a hyphen or slash when one fits, not mid-word.
        assert_eq!(
            mono("see CC6.1.access-reviews now", 13.0),
            ["see", "CC6.1.access-", "reviews now"]
        );
        assert_eq!(mono("a/very/long/path", 8.0), ["a/very/", "long/", "path"]);
        assert_eq!(mono("  \n ", 5.0), Vec::<String>::new());
        assert_eq!(mono("bell\u{7}s", 10.0), ["bells"]);
    }

    #[test]
    fn proportional_advances_are_respected() {
        // "i" is narrow, "W" is wide: eight i's fit where two W's do.
        let advance = |c: char| if c == 'W' { 4.0 } else { 1.0 };
        assert_eq!(wrap("iiii iii WW W", 8.0, advance), ["iiii iii", "WW", "W"]);
    }

    proptest! {
        #[test]
        fn no_line_is_too_wide_and_no_word_is_lost(
            words in proptest::collection::vec("[a-zé“”—]{1,14}", 0..40),
            width in 4.0f32..40.0,
        ) {
            let text = words.join(" ");
            let lines = mono(&text, width);
            for line in &lines {
                prop_assert!(line.chars().count() as f32 <= width, "{line:?} wider than {width}");
            }
            let rejoined: String = lines.concat();
            let original: String = words.concat();
            prop_assert_eq!(rejoined.replace(' ', ""), original);
        }
    }
}
