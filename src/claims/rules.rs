//! The rules that recognise a misdescription of SOC 2 in one sentence, and the guards that
//! keep accurate sentences quiet. Each rule anchors on a specific word ("certified",
//! "compliance", "badge"…) and looks only at its close neighbours, so a word about another
//! framework ("ISO 27001 certified") or a sentence that explains the difference is not flagged.

use super::Rule;
use super::sentences::{Sentence, Word};

/// One rule hit in a sentence: the words from `first` to `last` (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Which rule.
    pub rule: Rule,
    /// Index of the first word of the phrase.
    pub first: usize,
    /// Index of the last word of the phrase.
    pub last: usize,
    /// The report type named in the phrase (1 or 2), if any.
    pub report_type: Option<u8>,
}

const CERT_WORDS: &[&str] = &[
    "certified",
    "certification",
    "certifications",
    "certificate",
    "certificates",
    "cert",
    "certs",
    "recertification",
    "recertified",
    "certify",
    "certifies",
    "certifying",
    "accredited",
    "accreditation",
];
/// Words that only misdescribe when they are about the AICPA ("approved by the AICPA").
const AICPA_WORDS: &[&str] = &[
    "approved",
    "approval",
    "endorsed",
    "endorsement",
    "accredits",
];
/// Titles of people and things that are rightly called certified.
const CERTIFIED_TITLES: &[&str] = &["public", "information", "internal", "fraud", "ethical"];
const NUMBERS: &[&str] = &["1", "2", "3", "i", "ii", "iii"];
/// Other standards and frameworks, which do have certifications.
const FRAMEWORKS: &[&str] = &[
    "iso",
    "iec",
    "27001",
    "27701",
    "27017",
    "27018",
    "9001",
    "22301",
    "pci",
    "dss",
    "hipaa",
    "hitrust",
    "gdpr",
    "fedramp",
    "csa",
    "star",
    "nist",
    "cmmc",
    "tisax",
    "cyber",
    "essentials",
];
const CONJUNCTIONS: &[&str] = &["and", "or", "plus"];
/// Words that may stand between "certified" and the framework it is about.
const LINKS_AFTER: &[&str] = &[
    "for",
    "to",
    "under",
    "against",
    "as",
    "in",
    "of",
    "include",
    "includes",
    "including",
    "are",
    "is",
    "our",
    "the",
    "a",
    "an",
    "with",
    "by",
    "and",
    "or",
    "type",
    "being",
];
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't",
    "nor", "neither", "without", "rather", "instead", "cannot", "can't", "won't",
];
/// Words that mark a sentence explaining the terms rather than making a claim.
const EXPLAINING: &[&str] = &[
    "misnomer",
    "myth",
    "myths",
    "misconception",
    "misconceptions",
    "inaccurate",
    "incorrect",
    "incorrectly",
    "wrong",
    "wrongly",
    "mistaken",
    "mistakenly",
    "misleading",
    "avoid",
    "called",
    "say",
    "says",
    "saying",
    "term",
    "wording",
    "refer",
    "referred",
    "confuse",
    "confused",
    "confusion",
    "difference",
    "unlike",
];
const DOCUMENTS: &[&str] = &[
    "report",
    "reports",
    "letter",
    "document",
    "certificate",
    "certificates",
    "badge",
    "seal",
    "stamp",
    "attestation",
];
const GRANTING: &[&str] = &[
    "achieved",
    "achieve",
    "achieves",
    "achieving",
    "awarded",
    "obtained",
    "obtain",
    "received",
    "receive",
    "earned",
    "earn",
    "passed",
    "pass",
    "granted",
    "attained",
    "issued",
];
const BADGES: &[&str] = &["badge", "badges", "seal", "seals", "logo", "logos"];
/// Words saying the report does not exist yet.
const NOT_YET: &[&str] = &[
    "progress",
    "pending",
    "working",
    "work",
    "toward",
    "towards",
    "pursuing",
    "pursue",
    "upcoming",
    "soon",
    "preparing",
    "underway",
    "readiness",
    "planned",
    "before",
    "until",
];

/// Every hit in one sentence, before overlap is resolved.
pub fn hits(sentence: &Sentence) -> Vec<Hit> {
    let words = &sentence.words;
    if sentence.question || words.iter().any(|w| is(w, EXPLAINING)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (at, word) in words.iter().enumerate() {
        if word.quoted {
            continue;
        }
        if is(word, CERT_WORDS) || is(word, AICPA_WORDS) {
            found.extend(certification(words, at));
        }
        if matches!(word.text.as_str(), "compliance" | "compliant") {
            found.extend(compliance_as_report(words, at));
        }
        if is(word, BADGES) {
            found.extend(badge_without_report(words, at));
        }
    }
    found.retain(|hit| !negated(words, hit));
    found
}

fn is(word: &Word, list: &[&str]) -> bool {
    list.contains(&word.text.as_str())
}

/// Whether a SOC report name (`soc 2`, `soc ii`, `soc 1`…) ends at word `at`.
fn soc_ends_at(words: &[Word], at: usize) -> bool {
    at > 0 && words[at - 1].text == "soc" && is(&words[at], NUMBERS)
}

/// Whether a SOC report name starts at word `at`.
fn soc_starts_at(words: &[Word], at: usize) -> bool {
    words[at].text == "soc" && words.get(at + 1).is_some_and(|w| is(w, NUMBERS))
}

/// The report type named in words `first..=last` ("type 2", "type ii").
fn report_type(words: &[Word], first: usize, last: usize) -> Option<u8> {
    (first..last).find_map(
        |at| match (words[at].text.as_str(), words[at + 1].text.as_str()) {
            ("type", "1" | "i") => Some(1),
            ("type", "2" | "ii") => Some(2),
            _ => None,
        },
    )
}

fn hit(words: &[Word], rule: Rule, first: usize, last: usize) -> Hit {
    Hit {
        rule,
        first,
        last,
        report_type: report_type(words, first, last),
    }
}

/// "SOC 2 certified", "certified by the AICPA", "Type II certified", "certifications: SOC 2".
fn certification(words: &[Word], at: usize) -> Option<Hit> {
    if words
        .get(at + 1)
        .is_some_and(|next| is(next, CERTIFIED_TITLES))
    {
        return None;
    }
    let aicpa_only = is(&words[at], AICPA_WORDS);
    // Backwards over "Type 2", "and ISO 27001" to what the word is about.
    let mut other_framework = false;
    let mut type_start = None;
    let mut back = at;
    while back > 0 && !words[back].after_pause {
        let word = &words[back - 1];
        if word.text == "aicpa" {
            return Some(hit(words, Rule::AicpaCertification, back - 1, at));
        }
        if soc_ends_at(words, back - 1) {
            return (!aicpa_only).then(|| hit(words, Rule::Certification, back - 2, at));
        }
        if word.text == "type" {
            type_start = Some(back - 1);
        } else if is(word, FRAMEWORKS) {
            other_framework = true;
        } else if !is(word, NUMBERS) && !is(word, CONJUNCTIONS) {
            break;
        }
        back -= 1;
    }
    if other_framework {
        return None;
    }
    // Forwards: "certified for SOC 2", "certified by the AICPA", "certifications: SOC 2".
    let mut ahead = at + 1;
    while ahead < words.len() && ahead <= at + 8 && !words[ahead].after_pause {
        let word = &words[ahead];
        let first = type_start.unwrap_or(at);
        if word.text == "aicpa" {
            return Some(hit(words, Rule::AicpaCertification, first, ahead));
        }
        if soc_starts_at(words, ahead) && !aicpa_only {
            return Some(hit(words, Rule::Certification, first, ahead + 1));
        }
        if !is(word, LINKS_AFTER) && !is(word, FRAMEWORKS) && !is(word, NUMBERS) {
            break;
        }
        ahead += 1;
    }
    match type_start {
        Some(first) if !aicpa_only => Some(hit(words, Rule::TypeCertification, first, at)),
        _ => None,
    }
}

/// "SOC 2 compliance report", "achieved SOC 2 compliance".
fn compliance_as_report(words: &[Word], at: usize) -> Option<Hit> {
    // The SOC name right before, perhaps with its type: "SOC 2 Type II compliance".
    let mut soc = None;
    for back in 1..=4.min(at) {
        if soc_starts_at(words, at - back) {
            soc = Some(at - back);
            break;
        }
    }
    let soc = soc?;
    if let Some(next) = words.get(at + 1)
        && is(next, DOCUMENTS)
        && !next.after_pause
    {
        return Some(hit(words, Rule::ComplianceAsReport, soc, at + 1));
    }
    let fillers = [
        "our", "the", "a", "full", "fully", "its", "their", "been", "official",
    ];
    let mut back = soc;
    while back > 0 && soc - back < 3 && !words[back].after_pause {
        let word = &words[back - 1];
        if is(word, GRANTING) {
            return Some(hit(words, Rule::ComplianceAsReport, back - 1, at));
        }
        if !fillers.contains(&word.text.as_str()) {
            break;
        }
        back -= 1;
    }
    None
}

/// "the AICPA SOC 2 badge" in a sentence that says the report is still to come.
fn badge_without_report(words: &[Word], at: usize) -> Option<Hit> {
    if !words.iter().any(|w| is(w, NOT_YET)) {
        return None;
    }
    let first = (at.saturating_sub(4)..at)
        .find(|&back| words[back].text == "aicpa" || soc_starts_at(words, back))?;
    Some(hit(words, Rule::BadgeWithoutReport, first, at))
}

/// A hit preceded closely by a negation ("not a SOC 2 certification", "no SOC 2
/// certificate"), unless the negation is "not yet", which still promises a certificate.
fn negated(words: &[Word], hit: &Hit) -> bool {
    let from = hit.first.saturating_sub(5);
    (from..hit.last).any(|at| {
        is(&words[at], NEGATIONS) && words.get(at + 1).is_none_or(|next| next.text != "yet")
    })
}
