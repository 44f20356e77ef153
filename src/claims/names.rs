//! SOC report names in a sentence's words: `soc 2`, `soc ii`, `soc 1`…, and a bare `soc`
//! when the text is about SOC 2.

use super::rules::{Context, is};
use super::sentences::Word;

/// Numbers that follow "SOC" or "Type" in a report name.
pub(super) const NUMBERS: &[&str] = &["1", "2", "3", "i", "ii", "iii"];

/// Where the SOC report name (`soc 2`, `soc ii`, `soc 1`…, or a bare `soc` on a page about
/// SOC 2) that ends at word `at` starts.
pub(super) fn soc_name_ending(words: &[Word], at: usize, context: Context) -> Option<usize> {
    if at > 0 && words[at - 1].text == "soc" && is(&words[at], NUMBERS) {
        return Some(at - 1);
    }
    (words[at].text == "soc" && context.about_soc2 && !next_is_number(words, at)).then_some(at)
}

/// Where the SOC report name that starts at word `at` ends.
pub(super) fn soc_name_starting(words: &[Word], at: usize, context: Context) -> Option<usize> {
    if words[at].text != "soc" {
        return None;
    }
    if next_is_number(words, at) {
        Some(at + 1)
    } else {
        context.about_soc2.then_some(at)
    }
}

fn next_is_number(words: &[Word], at: usize) -> bool {
    words.get(at + 1).is_some_and(|next| is(next, NUMBERS))
}
