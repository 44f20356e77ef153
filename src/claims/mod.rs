//! The claims checker: finds sentences in website copy, sales decks and RFP answers that
//! misdescribe SOC 2 — calling it a certification, saying the AICPA certifies, presenting
//! "SOC 2 compliance" as a document, a "Type 2 certification", a SOC badge before a report —
//! and says why each is wrong and what to write instead. Pure: it reads text, never files.
//!
//! How false positives are kept down: a rule fires only on a specific anchor word and the
//! words right next to it (a comma ends the search), so "ISO 27001 certified" and "CISSP
//! certifications" stay quiet; "certified public accountant" and similar titles are skipped;
//! a negation just before the phrase ("not", "no", "rather than"), quotation marks around it,
//! a question, or a word that marks an explanation ("misnomer", "called", "avoid",
//! "difference"…) silences the sentence. Wider shapes (SOC 2 in a list of certifications,
//! "SOC 2, the leading certification", "the report certifies", "the certification" right
//! after a SOC 2 sentence, a bare "SOC" on a page about SOC 2) live in `described` and
//! `names` and keep to sentences that name no other framework.

mod described;
mod markup;
mod names;
mod rules;
mod sentences;

pub use markup::Markup;

use serde::Serialize;

/// What kind of misdescription a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// SOC 2 called a certification or certificate.
    Certification,
    /// The AICPA said to certify, approve or accredit a company.
    AicpaCertification,
    /// A "Type 1 / Type 2 certification".
    TypeCertification,
    /// "SOC 2 compliance" presented as a document or something awarded.
    ComplianceAsReport,
    /// An AICPA or SOC badge shown before there is a report.
    BadgeWithoutReport,
}

impl Rule {
    /// Why the phrase is inaccurate, in one plain sentence.
    pub fn reason(self) -> &'static str {
        match self {
            Rule::Certification => {
                "SOC 2 is not a certification: an independent CPA firm examines your controls and issues an attestation report with its opinion, and no certificate exists."
            }
            Rule::AicpaCertification => {
                "The AICPA does not certify, approve or accredit companies; it sets the standards under which an independent CPA firm examines you and issues the SOC 2 report."
            }
            Rule::TypeCertification => {
                "Type 1 and Type 2 are kinds of SOC 2 report (design at a date, or operation over a period), not levels of a certification."
            }
            Rule::ComplianceAsReport => {
                "Nobody awards or issues \"SOC 2 compliance\": what a customer can receive is the SOC 2 report in which a CPA firm gives its opinion on your controls."
            }
            Rule::BadgeWithoutReport => {
                "The AICPA SOC logo is for companies whose SOC examination is complete; showing it while the report is still to come tells customers you have one."
            }
        }
    }

    /// Accurate wording to use instead, naming the report type when the phrase did.
    pub fn suggestion(self, report_type: Option<u8>) -> String {
        let report = match report_type {
            Some(number) => format!("SOC 2 Type {number} report"),
            None => "SOC 2 report".to_string(),
        };
        match self {
            Rule::Certification | Rule::TypeCertification | Rule::ComplianceAsReport => {
                format!("our {report}, issued by an independent CPA firm, is available under NDA")
            }
            Rule::AicpaCertification => format!(
                "examined by an independent CPA firm under the AICPA's attestation standards ({report} available under NDA)"
            ),
            Rule::BadgeWithoutReport => {
                "our SOC 2 examination is under way; we expect the report by <date>".to_string()
            }
        }
    }
}

/// One inaccurate statement found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// 1-based line of the phrase's first character.
    pub line: usize,
    /// 1-based column (in characters) of the phrase's first character.
    pub column: usize,
    /// The phrase as written (markup removed, line breaks and runs of spaces as one space).
    pub phrase: String,
    /// Which rule it broke.
    pub rule: Rule,
    /// Why it is inaccurate.
    pub reason: &'static str,
    /// What to write instead.
    pub suggestion: String,
}

/// Every inaccurate statement about SOC 2 in `text`, in reading order.
pub fn check(text: &str, markup: Markup) -> Vec<Finding> {
    let visible = markup::visible_text(text, markup);
    let sentences = sentences::sentences(&visible);
    let about_soc2 = sentences.iter().any(|sentence| {
        sentence
            .words
            .windows(2)
            .any(|pair| pair[0].text == "soc" && matches!(pair[1].text.as_str(), "2" | "ii"))
    });
    let mut findings = Vec::new();
    for (at, sentence) in sentences.iter().enumerate() {
        let context = rules::Context {
            about_soc2,
            previous: at.checked_sub(1).map(|before| &sentences[before]),
        };
        let mut hits = rules::hits(sentence, context);
        hits.sort_by_key(|hit| (hit.first, std::cmp::Reverse(hit.last)));
        let mut covered_to = None;
        for hit in hits {
            if covered_to.is_some_and(|last| hit.first <= last) {
                continue;
            }
            covered_to = Some(hit.last);
            let start = sentence.words[hit.first].start;
            let end = sentence.words[hit.last].end;
            findings.push((start, end, hit));
        }
    }
    let places = Places::new(&visible);
    findings
        .into_iter()
        .map(|(start, end, hit)| {
            let (line, column) = places.line_column(start);
            Finding {
                line,
                column,
                phrase: phrase(&visible[start..end]),
                rule: hit.rule,
                reason: hit.rule.reason(),
                suggestion: hit.rule.suggestion(hit.report_type),
            }
        })
        .collect()
}

/// The characters as one line: every run of white space (and block breaks) becomes a space.
fn phrase(chars: &[char]) -> String {
    let text: String = chars.iter().collect();
    text.split(|c: char| c.is_whitespace() || c == markup::BREAK)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Turns character indices into 1-based lines and columns.
struct Places {
    line_starts: Vec<usize>,
}

impl Places {
    fn new(chars: &[char]) -> Self {
        let line_starts = std::iter::once(0)
            .chain(
                chars
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c == '\n')
                    .map(|(at, _)| at + 1),
            )
            .collect();
        Self { line_starts }
    }

    fn line_column(&self, at: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= at);
        (line, at - self.line_starts[line - 1] + 1)
    }
}

#[cfg(test)]
mod tests;
