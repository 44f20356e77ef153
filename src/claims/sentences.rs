//! Splits visible text into sentences of lower-case words, each word knowing where it stands
//! in the text. Line breaks inside a sentence are just spaces, so a claim split over two lines
//! is still found; blank lines, list items, headings and block tags end a sentence.
//! `SOC2` is read as `SOC 2` and `Type2` as `Type 2`.

use super::markup::BREAK;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower-case letters and digits (an inner apostrophe is kept: `isn't`).
    pub text: String,
    /// Index of its first character in the text.
    pub start: usize,
    /// Index one past its last character.
    pub end: usize,
    /// Inside quotation marks: the sentence mentions the words rather than uses them.
    pub quoted: bool,
    /// A comma, semicolon, dash, bracket or table bar stands between this word and the one
    /// before.
    pub after_pause: bool,
    /// A colon stands between this word and the one before ("Certifications: SOC 2").
    pub after_colon: bool,
}

/// One sentence: its words, whether it asks a question and whether it continues a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// The words in order.
    pub words: Vec<Word>,
    /// The sentence ends with a question mark.
    pub question: bool,
    /// The sentence before it is in the same paragraph (no blank line, list item, heading or
    /// block tag between them), so "the certification" may refer back to it.
    pub follows_on: bool,
}

/// Splits `chars` into sentences.
pub fn sentences(chars: &[char]) -> Vec<Sentence> {
    let mut splitter = Splitter::default();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if is_word_char(c) {
            let end = word_end(chars, at);
            splitter.word(chars, at, end);
            at = end;
            continue;
        }
        match c {
            '.' | '!' | '?' if ends_sentence(chars, at) => splitter.end(c == '?', false),
            BREAK => splitter.end(false, true),
            '\n' if starts_block(chars, at + 1) => splitter.end(false, true),
            // A straight apostrophe after a letter is a possessive (`customers'`), not a quote.
            '\'' if splitter.quote.is_none() && at > 0 && chars[at - 1].is_alphanumeric() => {}
            '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' => splitter.quote(c),
            ',' | ';' | '—' | '–' | '(' | ')' | '|' => splitter.pause = true,
            ':' => splitter.colon = true,
            _ => {}
        }
        at += 1;
    }
    splitter.end(false, true);
    splitter.done
}

#[derive(Default)]
struct Splitter {
    current: Sentence,
    done: Vec<Sentence>,
    quote: Option<char>,
    pause: bool,
    colon: bool,
    /// The last sentence ended with punctuation rather than a block break.
    in_paragraph: bool,
}

impl Splitter {
    fn word(&mut self, chars: &[char], start: usize, end: usize) {
        let text: String = chars[start..end]
            .iter()
            .map(|c| if *c == '’' { '\'' } else { *c })
            .collect::<String>()
            .to_lowercase();
        let quoted = self.quote.is_some();
        let after_pause = std::mem::take(&mut self.pause);
        let after_colon = std::mem::take(&mut self.colon);
        let mut push = |text: &str, start: usize, end: usize, first: bool| {
            self.current.words.push(Word {
                text: text.to_string(),
                start,
                end,
                quoted,
                after_pause: first && after_pause,
                after_colon: first && after_colon,
            });
        };
        // `soc2`, `socii`, `type2`, `typeii`: two words, as if written with a space.
        for prefix in ["soc", "type"] {
            if let Some(number) = text.strip_prefix(prefix)
                && matches!(number, "1" | "2" | "i" | "ii")
            {
                let split = start + prefix.len();
                push(prefix, start, split, true);
                push(number, split, end, false);
                return;
            }
        }
        push(&text, start, end, true);
    }

    fn quote(&mut self, c: char) {
        self.quote = match (self.quote, c) {
            (None, '”' | '’' | '»') => None,
            (None, _) => Some(c),
            (Some(open), _) if closes(open, c) => None,
            (open, _) => open,
        };
    }

    /// Ends the current sentence; `block` when a block break rather than punctuation ends it.
    fn end(&mut self, question: bool, block: bool) {
        self.quote = None;
        self.pause = false;
        self.colon = false;
        if !self.current.words.is_empty() {
            let mut sentence = std::mem::take(&mut self.current);
            sentence.question = question;
            sentence.follows_on = self.in_paragraph;
            self.done.push(sentence);
            self.in_paragraph = true;
        }
        if block {
            self.in_paragraph = false;
        }
    }
}

fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('"', '"') | ('“', '”') | ('‘', '’') | ('\'', '\'') | ('«', '»') | ('"', '”') | ('“', '"')
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One past the end of the word starting at `start`; an apostrophe between letters stays in.
fn word_end(chars: &[char], start: usize) -> usize {
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        let inner_apostrophe = matches!(c, '\'' | '’')
            && end > start
            && chars.get(end + 1).is_some_and(|n| n.is_alphabetic());
        if is_word_char(c) || inner_apostrophe {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// A full stop ends a sentence when followed by space or the end (not in `A.5.15`, `e.g`).
fn ends_sentence(chars: &[char], at: usize) -> bool {
    chars
        .get(at + 1)
        .is_none_or(|c| c.is_whitespace() || *c == BREAK || matches!(c, '"' | '”' | '’' | ')'))
}

/// Whether the line starting at `at` begins a new block: blank, heading, list item, quote.
fn starts_block(chars: &[char], at: usize) -> bool {
    let line: String = chars[at..]
        .iter()
        .take_while(|c| **c != '\n')
        .take(4)
        .collect();
    let trimmed = line.trim_start();
    trimmed.is_empty()
        || trimmed.starts_with(['#', '>', '|', '•'])
        || trimmed.starts_with("- ")
        || trimmed.starts_with("* ")
        || trimmed.starts_with("+ ")
        || trimmed.chars().next().is_some_and(|c| c.is_ascii_digit()) && trimmed.contains(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Vec<String>> {
        let chars: Vec<char> = text.chars().collect();
        sentences(&chars)
            .into_iter()
            .map(|s| s.words.into_iter().map(|w| w.text).collect())
            .collect()
    }

    #[test]
    fn line_breaks_join_but_blank_lines_and_bullets_split() {
        assert_eq!(
            split("We are SOC\n2 certified. Next one!\n\nNew para\n- item one\n- item two"),
            [
                vec!["we", "are", "soc", "2", "certified"],
                vec!["next", "one"],
                vec!["new", "para"],
                vec!["item", "one"],
                vec!["item", "two"],
            ]
        );
    }

    #[test]
    fn soc2_and_type2_become_two_words_with_their_places() {
        let chars: Vec<char> = "SOC2 TypeII isn’t".chars().collect();
        let words = &sentences(&chars)[0].words;
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["soc", "2", "type", "ii", "isn't"]);
        assert_eq!((words[1].start, words[1].end), (3, 4));
    }

    #[test]
    fn quotes_questions_and_pauses_are_marked() {
        let chars: Vec<char> = "Say “SOC 2 report”, not x? Done.".chars().collect();
        let found = sentences(&chars);
        assert!(found[0].question);
        assert!(!found[1].question);
        let words = &found[0].words;
        assert!(!words[0].quoted && words[1].quoted && words[3].quoted);
        assert!(!words[4].quoted && words[4].after_pause);
        assert!(!split("Control A.5.15 applies.")[0].is_empty());
        assert_eq!(split("Control A.5.15 applies.").len(), 1);
    }
}
