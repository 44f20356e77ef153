//! The claims checker never panics and always points at the phrase it reports: on random
//! text, random markup and corpus sentences cut and glued at random places, every finding's
//! `line:column` starts the phrase in the file as the reader sees it.

use proptest::prelude::*;
use soc2_ready::claims::{Markup, check};

const MARKUPS: [Markup; 3] = [Markup::Text, Markup::Markdown, Markup::Html];

/// The first word of the finding, read at its line and column.
fn word_at(text: &str, line: usize, column: usize) -> String {
    let row = text.split('\n').nth(line - 1).expect("the line exists");
    row.chars()
        .skip(column - 1)
        .take_while(|c| c.is_alphanumeric())
        .collect()
}

fn findings_point_at_their_phrase(text: &str) {
    for markup in MARKUPS {
        for finding in check(text, markup) {
            let first_word: String = finding
                .phrase
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            assert!(!first_word.is_empty(), "{finding:?}");
            assert_eq!(
                word_at(text, finding.line, finding.column),
                first_word,
                "{markup:?} {finding:?} in {text:?}"
            );
        }
    }
}

/// Pieces that build claims and near-misses, with markup and line breaks.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "SOC",
        "SOC2",
        "SOC-2",
        " 2",
        " II",
        "Type",
        " Type II ",
        "certified",
        "certification",
        "certificate",
        "AICPA",
        "by the",
        "ISO 27001",
        "compliance",
        "report",
        "badge",
        "in progress",
        "not",
        "yet",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        "?",
        "\"",
        "“",
        "”",
        "'",
        "<p>",
        "</p>",
        "<b>",
        "&nbsp;",
        "&amp;",
        "<!--",
        "-->",
        "`",
        "[x](",
        ")",
        "- ",
        "# ",
        "é",
        "日本",
        "\u{2029}",
        "|",
        "<",
        ">",
        "&#x41;",
        "&#99999999;",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        findings_point_at_their_phrase(&text);
    }

    #[test]
    fn glued_pieces_never_panic_and_point_right(pieces in prop::collection::vec(piece(), 0..40)) {
        findings_point_at_their_phrase(&pieces.concat());
    }
}

#[test]
fn every_corpus_sentence_points_right_when_wrapped_in_markup() {
    let corpus = include_str!("fixtures/claims/inaccurate.txt");
    for sentence in corpus.lines().filter(|l| !l.starts_with('#')) {
        let wrapped = format!("<div>\n  <p>Intro.</p>\n  <p>{sentence}</p>\n</div>\n");
        findings_point_at_their_phrase(&wrapped);
        assert!(!check(&wrapped, Markup::Html).is_empty(), "{sentence}");
    }
}
