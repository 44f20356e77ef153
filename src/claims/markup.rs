//! Turns HTML and Markdown into the words a reader sees, keeping every character in its
//! place: markup becomes spaces (newlines stay), so a position in the result is a position in
//! the file. Block-level HTML tags become a paragraph break, so sentences never run across
//! two paragraphs or list items.

/// How a document is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Markup {
    /// Plain text (also text exported from slides or PDFs).
    Text,
    /// Markdown.
    Markdown,
    /// HTML: tags, comments, scripts and styles are ignored.
    Html,
}

impl Markup {
    /// The markup a file name suggests (`.html`/`.htm`, `.md`/`.markdown`, else text).
    pub fn from_name(name: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        let extension = lower.rsplit_once('.').map_or("", |(_, ext)| ext);
        match extension {
            "html" | "htm" | "xhtml" => Markup::Html,
            "md" | "markdown" | "mdx" => Markup::Markdown,
            _ => Markup::Text,
        }
    }
}

/// Marks a paragraph break that has no character of its own (an HTML block tag).
pub const BREAK: char = '\u{2029}';

/// Tags that end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "li",
    "ul",
    "ol",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "blockquote",
    "title",
    "dt",
    "dd",
    "hr",
    "option",
    "button",
    "figcaption",
    "main",
    "aside",
];

/// The visible text of `text`, with exactly one character for each character of `text`.
pub fn visible_text(text: &str, markup: Markup) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    match markup {
        Markup::Text => chars,
        Markup::Markdown => markdown(chars),
        Markup::Html => html(chars),
    }
}

/// Replaces `chars[range]` by spaces, keeping newlines.
fn blank(chars: &mut [char], start: usize, end: usize) {
    let end = end.min(chars.len());
    for c in &mut chars[start..end] {
        if *c != '\n' {
            *c = ' ';
        }
    }
}

fn find(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len().saturating_sub(needle.len() - 1)).find(|&at| {
        chars[at..at + needle.len()]
            .iter()
            .zip(&needle)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
    })
}

fn html(mut chars: Vec<char>) -> Vec<char> {
    let mut at = 0;
    while at < chars.len() {
        match chars[at] {
            '<' if opens_tag(&chars, at) => {
                let (end, name) = tag_end(&chars, at);
                let end = match name.as_str() {
                    "!--" => find(&chars, at + 4, "-->").map_or(chars.len(), |e| e + 3),
                    "script" | "style" => {
                        find(&chars, end, &format!("</{name}")).map_or(chars.len(), |e| e)
                    }
                    _ => end,
                };
                let block = BLOCK_TAGS.contains(&name.trim_start_matches('/'));
                blank(&mut chars, at, end);
                if block {
                    chars[at] = BREAK;
                }
                at = end.max(at + 1);
            }
            '&' => at = entity(&mut chars, at),
            _ => at += 1,
        }
    }
    chars
}

/// Whether `<` at `at` starts a tag (`<p`, `</p`, `<!--`) rather than a less-than sign.
fn opens_tag(chars: &[char], at: usize) -> bool {
    chars[at] == '<'
        && chars
            .get(at + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '/' || *c == '!')
        && chars[at..].contains(&'>')
}

/// Where the tag opening at `at` ends (one past `>`), and its lower-case name.
fn tag_end(chars: &[char], at: usize) -> (usize, String) {
    let name: String = chars[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '/' || **c == '!' || **c == '-')
        .take(10)
        .collect::<String>()
        .to_ascii_lowercase();
    let name = if name.starts_with("!--") {
        "!--".to_string()
    } else {
        name
    };
    let end = chars[at..]
        .iter()
        .position(|&c| c == '>')
        .map_or(chars.len(), |p| at + p + 1);
    (end, name)
}

/// Decodes the entity at `at` into one character followed by spaces; returns where to go on.
fn entity(chars: &mut [char], at: usize) -> usize {
    let Some(length) = chars[at..].iter().take(10).position(|&c| c == ';') else {
        return at + 1;
    };
    let name: String = chars[at + 1..at + length].iter().collect();
    let decoded = match name.as_str() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
        "ndash" | "mdash" | "hyphen" => Some('-'),
        "rsquo" => Some('’'),
        "lsquo" => Some('‘'),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        _ => numeric_entity(&name),
    };
    match decoded {
        Some(c) => {
            blank(chars, at, at + length + 1);
            chars[at] = c;
            at + length + 1
        }
        None => at + 1,
    }
}

fn numeric_entity(name: &str) -> Option<char> {
    let number = name.strip_prefix('#')?;
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).filter(|c| !c.is_control())
}

/// Markdown: link targets, inline code and inline HTML are hidden; the rest is text.
fn markdown(mut chars: Vec<char>) -> Vec<char> {
    let mut at = 0;
    while at < chars.len() {
        if chars[at] == ']' && chars.get(at + 1) == Some(&'(') {
            let end = chars[at..]
                .iter()
                .position(|&c| c == ')' || c == '\n')
                .map_or(chars.len(), |p| at + p + 1);
            blank(&mut chars, at, end);
            at = end;
        } else if chars[at] == '`' {
            // Inline code is a literal (a command, a rule name), not a claim.
            let end = chars[at + 1..]
                .iter()
                .position(|&c| c == '`' || c == '\n')
                .map(|p| at + 1 + p);
            match end {
                Some(end) if chars[end] == '`' => {
                    blank(&mut chars, at, end + 1);
                    at = end + 1;
                }
                _ => at += 1,
            }
        } else if opens_tag(&chars, at) {
            // Inline HTML in Markdown is ignored like in an HTML file.
            let (end, _) = tag_end(&chars, at);
            if end <= chars.len() && chars[at + 1..end].iter().all(|c| *c != '\n') {
                blank(&mut chars, at, end);
            }
            at = end.max(at + 1);
        } else {
            at += 1;
        }
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str, markup: Markup) -> String {
        visible_text(text, markup).into_iter().collect()
    }

    #[test]
    fn markup_follows_the_file_name() {
        assert_eq!(Markup::from_name("site/Index.HTML"), Markup::Html);
        assert_eq!(Markup::from_name("README.md"), Markup::Markdown);
        assert_eq!(Markup::from_name("deck.txt"), Markup::Text);
        assert_eq!(Markup::from_name("notes"), Markup::Text);
    }

    #[test]
    fn html_tags_scripts_and_comments_vanish_but_keep_their_place() {
        let html = "<p>We are <b>SOC&nbsp;2</b>\ncertified</p><script>var soc2 = 'certified';</script><!-- SOC 2 certified -->";
        let text = seen(html, Markup::Html);
        assert_eq!(text.chars().count(), html.chars().count());
        assert!(text.contains("We are    SOC      2"), "{text:?}");
        assert!(text.starts_with(BREAK));
        assert!(!text.contains("var"), "{text:?}");
        assert_eq!(text.matches("certified").count(), 1, "{text:?}");
        let newline = |s: &str| s.chars().position(|c| c == '\n');
        assert_eq!(newline(&text), newline(html));
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            seen("A&amp;B &#8209;x &#x41; &bogus; &", Markup::Html),
            "A&    B ‑      x A      &bogus; &"
        );
    }

    #[test]
    fn markdown_hides_link_targets_and_inline_html() {
        let text = seen(
            "[our report](https://x.test/soc2-certified) <span>now</span>",
            Markup::Markdown,
        );
        assert!(!text.contains("certified"), "{text:?}");
        assert!(text.contains("our report"));
        assert!(text.contains("now"));
    }
}
