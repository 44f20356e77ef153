//! Rules for sentences that make SOC 2 a certification without putting the two words side by
//! side: "SOC 2, the leading security certification", "a Type 2 is the certification that…",
//! "the SOC 2 report certifies our controls", and "the certification" in the sentence after
//! one about a SOC 2 audit. Each rule still anchors on the certification word and reads a
//! fixed shape around it; a sentence that names another framework is left to the list rules.

use super::Rule;
use super::names::{NUMBERS, soc_name_ending};
use super::rules::{CONJUNCTIONS, Context, DOCUMENTS, FRAMEWORKS, Hit, NEGATIONS, hit, is};
use super::sentences::{Sentence, Word};

/// Nouns that name a certification.
const CERT_NOUNS: &[&str] = &[
    "certification",
    "certifications",
    "certificate",
    "certificates",
    "cert",
    "certs",
];
const ARTICLES: &[&str] = &["the", "a", "an"];
/// Words that may come before the article: "one of the most respected certifications".
const ARTICLE_LEAD: &[&str] = &["one", "of", "among", "the", "a", "an"];
const COPULAS: &[&str] = &["is", "was", "remains", "becomes", "being", "'s"];
/// Forms of "certify" that make a claim when a report, audit or auditor is the subject.
const CERTIFY_VERBS: &[&str] = &["certifies", "certify", "certified", "certifying"];
/// Subjects that, in copy about SOC 2, mean the examination or its report.
const SUBJECTS: &[&str] = &[
    "report",
    "reports",
    "audit",
    "audits",
    "auditor",
    "auditors",
    "examination",
    "attestation",
    "firm",
    "cpa",
    "aicpa",
];
/// Words that may stand between the subject and the verb: "the report that certifies".
const VERB_LEAD: &[&str] = &["that", "which", "who", "has", "have", "had", "also", "will"];
/// What a claim certifies: "certifies our controls", "certifies that…".
const OBJECTS: &[&str] = &[
    "our", "that", "the", "its", "their", "us", "we", "all", "every", "this", "these",
];
/// Words pointing back to something already named: "the certification", "these certifications".
const POINTERS: &[&str] = &["the", "this", "these", "that", "those", "both"];
/// Plural pointers, which may cover a list of several frameworks.
const PLURAL_POINTERS: &[&str] = &["these", "those", "both"];
/// Words that may stand between the pointer and the noun: "the new certification".
const POINTER_MODIFIERS: &[&str] = &["new", "latest", "current", "annual", "same", "first"];
/// Nouns a pointer may make refer back to a SOC 2 sentence (not "certificate", which is as
/// often a TLS or training certificate).
const REFERRING_NOUNS: &[&str] = &["certification", "certifications", "recertification"];

/// Every hit anchored on the certification word at `at`.
pub fn hits(sentence: &Sentence, at: usize, context: Context) -> Vec<Hit> {
    let words = &sentence.words;
    if words.iter().any(|w| is(w, FRAMEWORKS)) {
        return Vec::new();
    }
    [
        named_as_certification(words, at, context),
        certifies(words, at, context),
        refers_back(sentence, at, context),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// "SOC 2 is the leading security certification", "SOC 2, a rigorous certification",
/// "a Type 2 is the certification that…".
fn named_as_certification(words: &[Word], at: usize, context: Context) -> Option<Hit> {
    if !is(&words[at], CERT_NOUNS) {
        return None;
    }
    // Back over a few describing words to the article.
    let mut back = at;
    while back > 0 && !is(&words[back - 1], ARTICLES) {
        let word = &words[back - 1];
        let stops = [DOCUMENTS, NEGATIONS, CONJUNCTIONS, NUMBERS, COPULAS];
        if at - back >= 5 || words[back].after_pause || stops.iter().any(|list| is(word, list)) {
            return None;
        }
        back -= 1;
    }
    while back > 0 && is(&words[back - 1], ARTICLE_LEAD) && !words[back].after_pause {
        back -= 1;
    }
    // Then "is" (or a comma, for "SOC 2, the leading…") right after the SOC 2 name.
    let end = if words[back].after_pause {
        back.checked_sub(1)?
    } else {
        let copula = back.checked_sub(1)?;
        (is(&words[copula], COPULAS) && !words[copula].after_pause).then_some(copula)?;
        copula.checked_sub(1)?
    };
    let end = if words[end].text == "report" && end > 0 {
        end - 1
    } else {
        end
    };
    let first = type_name_ending(words, end).or_else(|| soc_name_ending(words, end, context))?;
    Some(hit(words, Rule::Certification, first, at))
}

/// Where "type 2" (or "soc 2 type 2") ending at `at` starts.
fn type_name_ending(words: &[Word], at: usize) -> Option<usize> {
    if at == 0 || words[at - 1].text != "type" || !is(&words[at], NUMBERS) {
        return None;
    }
    let start = at - 1;
    Some(
        if start >= 2 && words[start - 2].text == "soc" && is(&words[start - 1], NUMBERS) {
            start - 2
        } else {
            start
        },
    )
}

/// "the SOC 2 report certifies our controls", "our SOC 2 auditor certified our controls",
/// "the AICPA has certified our controls", on a page about SOC 2 (or naming the AICPA).
fn certifies(words: &[Word], at: usize, context: Context) -> Option<Hit> {
    if !is(&words[at], CERTIFY_VERBS) || !words.get(at + 1).is_some_and(|w| is(w, OBJECTS)) {
        return None;
    }
    let mut back = at;
    while back > 0 && at - back < 3 && !words[back].after_pause {
        let word = &words[back - 1];
        if is(word, SUBJECTS) {
            let aicpa = word.text == "aicpa";
            if !aicpa && !context.about_soc2 {
                return None;
            }
            let rule = if aicpa {
                Rule::AicpaCertification
            } else {
                Rule::Certification
            };
            let first = back
                .checked_sub(2)
                .and_then(|end| soc_name_ending(words, end, context))
                .unwrap_or(back - 1);
            return Some(hit(words, rule, first, at));
        }
        if !is(word, VERB_LEAD) {
            return None;
        }
        back -= 1;
    }
    None
}

/// "We completed our SOC 2 Type 2 audit. The certification confirms…": a pointer and a
/// certification noun in the sentence right after one that names SOC 2. A singular noun
/// refers back only when that sentence names no other framework; a plural one ("these
/// certifications") may cover a list that includes SOC 2.
fn refers_back(sentence: &Sentence, at: usize, context: Context) -> Option<Hit> {
    let words = &sentence.words;
    let previous = context.previous.filter(|_| sentence.follows_on)?;
    if !is(&words[at], REFERRING_NOUNS) || at == 0 || words[at].after_pause {
        return None;
    }
    let mut pointer = at - 1;
    if is(&words[pointer], POINTER_MODIFIERS) && pointer > 0 && !words[pointer].after_pause {
        pointer -= 1;
    }
    if !is(&words[pointer], POINTERS) {
        return None;
    }
    let plural = is(&words[pointer], PLURAL_POINTERS) || words[at].text.ends_with('s');
    let before = &previous.words;
    let names_soc = (0..before.len()).any(|end| soc_name_ending(before, end, context).is_some());
    let names_other = before.iter().any(|w| is(w, FRAMEWORKS));
    (names_soc && (plural || !names_other)).then(|| hit(words, Rule::Certification, pointer, at))
}
