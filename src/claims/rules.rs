//! The rules that recognise a misdescription of SOC 2 in one sentence, and the guards that
//! keep accurate sentences quiet. Each rule anchors on a specific word ("certified",
//! "compliance", "badge"…) and looks only at its close neighbours, so a word about another
//! framework ("ISO 27001 certified") or a sentence that explains the difference is not flagged.

use super::Rule;
use super::described;
use super::names::{NUMBERS, soc_name_ending, soc_name_starting};
use super::sentences::{Sentence, Word};

/// What the rules know beyond the sentence itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The text names SOC 2 somewhere, so a bare "SOC" ("SOC-certified") is read as SOC 2;
    /// a text that names only SOC 1 or SOC 3, or no SOC report, keeps "SOC" as it is (it
    /// may be a security operations centre).
    pub about_soc2: bool,
    /// The sentence before, when it is in the same paragraph.
    pub previous: Option<&'a Sentence>,
}

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

pub(super) const CERT_WORDS: &[&str] = &[
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
pub(super) const CERTIFIED_TITLES: &[&str] =
    &["public", "information", "internal", "fraud", "ethical"];
/// Other standards and frameworks, which do have certifications.
pub(super) const FRAMEWORKS: &[&str] = &[
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
pub(super) const CONJUNCTIONS: &[&str] = &["and", "or", "plus"];
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
    "such",
    "like",
];
pub(super) const NEGATIONS: &[&str] = &[
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
pub(super) const DOCUMENTS: &[&str] = &[
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
pub fn hits(sentence: &Sentence, context: Context) -> Vec<Hit> {
    let words = &sentence.words;
    if sentence.question || words.iter().any(|w| is(w, EXPLAINING)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (at, word) in words.iter().enumerate() {
        if word.quoted {
            continue;
        }
        let title = words
            .get(at + 1)
            .is_some_and(|next| is(next, CERTIFIED_TITLES));
        if (is(word, CERT_WORDS) || is(word, AICPA_WORDS)) && !title {
            found.extend(certification(words, at, context));
            found.extend(described::hits(sentence, at, context));
        }
        if matches!(word.text.as_str(), "compliance" | "compliant") {
            found.extend(compliance_as_report(words, at, context));
        }
        if is(word, BADGES) {
            found.extend(badge_without_report(words, at, context));
        }
    }
    found.retain(|hit| !negated(words, hit));
    found
}

/// Whether `word` is one of `list`.
pub(super) fn is(word: &Word, list: &[&str]) -> bool {
    list.contains(&word.text.as_str())
}

/// Whether a SOC report name or another framework starts at word `at` (a list item).
fn list_item_at(words: &[Word], at: usize, context: Context) -> bool {
    let item = |at: usize| {
        at < words.len()
            && (is(&words[at], FRAMEWORKS) || soc_name_starting(words, at, context).is_some())
    };
    item(at) || is(&words[at], CONJUNCTIONS) && item(at + 1)
}

/// "Certifications held by Acme: SOC 2": the first word after a colon close behind `at`.
fn after_colon(words: &[Word], at: usize) -> Option<usize> {
    (at + 1..words.len().min(at + 5))
        .take_while(|&ahead| !words[ahead].after_pause || words[ahead].after_colon)
        .find(|&ahead| words[ahead].after_colon)
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

/// A hit of `rule` on words `first..=last`, with the report type they name.
pub(super) fn hit(words: &[Word], rule: Rule, first: usize, last: usize) -> Hit {
    Hit {
        rule,
        first,
        last,
        report_type: report_type(words, first, last),
    }
}

/// "SOC 2 certified", "certified by the AICPA", "Type II certified", "certifications: SOC 2",
/// "SOC 2, ISO 27001 and HIPAA certifications", "certifications such as SOC 2, HIPAA".
fn certification(words: &[Word], at: usize, context: Context) -> Option<Hit> {
    let aicpa_only = is(&words[at], AICPA_WORDS);
    // Backwards over "Type 2", "and ISO 27001", "ISO 27001, " to what the word is about.
    let mut other_framework = false;
    let mut type_start = None;
    let mut back = at;
    while back > 0
        && (!words[back].after_pause
            || back < at && (is(&words[back - 1], FRAMEWORKS) || is(&words[back - 1], NUMBERS)))
    {
        let word = &words[back - 1];
        if word.text == "aicpa" {
            return Some(hit(words, Rule::AicpaCertification, back - 1, at));
        }
        if let Some(first) = soc_name_ending(words, back - 1, context) {
            return (!aicpa_only).then(|| hit(words, Rule::Certification, first, at));
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
    // Forwards: "certified for SOC 2", "certified by the AICPA", "certifications: SOC 2",
    // and on through a list once it has started ("ISO 27001, SOC 2 and HIPAA").
    let colon = after_colon(words, at);
    let plural = words[at].text.ends_with('s');
    let mut in_list = colon.is_some();
    let mut ahead = colon.unwrap_or(at + 1);
    while ahead < words.len() && ahead <= at + 12 {
        let word = &words[ahead];
        let item = list_item_at(words, ahead, context);
        let opens_list = ahead == at + 1 && plural || colon == Some(ahead);
        if word.after_pause && !(item && (in_list || opens_list)) {
            break;
        }
        let first = type_start.unwrap_or(at);
        if word.text == "aicpa" {
            return Some(hit(words, Rule::AicpaCertification, first, ahead));
        }
        if let Some(last) = soc_name_starting(words, ahead, context)
            && !aicpa_only
        {
            return Some(hit(words, Rule::Certification, first, last));
        }
        if is(word, FRAMEWORKS) || is(word, NUMBERS) {
            in_list = true;
        } else if in_list && !is(word, CONJUNCTIONS) || !in_list && !is(word, LINKS_AFTER) {
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
fn compliance_as_report(words: &[Word], at: usize, context: Context) -> Option<Hit> {
    // The SOC name right before, perhaps with its type: "SOC 2 Type II compliance".
    let mut soc = None;
    for back in 1..=4.min(at) {
        if soc_name_starting(words, at - back, context).is_some() {
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
fn badge_without_report(words: &[Word], at: usize, context: Context) -> Option<Hit> {
    if !words.iter().any(|w| is(w, NOT_YET)) {
        return None;
    }
    let first = (at.saturating_sub(4)..at).find(|&back| {
        words[back].text == "aicpa" || soc_name_starting(words, back, context).is_some()
    })?;
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
