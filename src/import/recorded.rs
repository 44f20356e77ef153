//! Imports as they stay in the assessment: each is an evidence entry whose location says
//! which import made it (`soc2-ready import prowler soc2_aws.csv`) and whose title carries
//! the findings. The latest entry of each source on a question is what `score` and the
//! report's gap cards show beside the answer.

use crate::assessment::{AnswerRecord, Evidence};

/// How the location of an imported entry starts.
const PREFIX: &str = "soc2-ready import ";

/// The location recorded for an import of `file` from `source` (one word, e.g.
/// `prowler` or `csv:laptops`).
pub fn location(source: &str, file: &str) -> String {
    format!("{PREFIX}{source} {file}")
}

/// The source word of an imported entry; `None` for evidence added by hand.
fn source_of(entry: &Evidence) -> Option<&str> {
    entry.location.strip_prefix(PREFIX)?.split(' ').next()
}

/// The latest imported entry of each source on `record`, in source order.
pub fn latest(record: &AnswerRecord) -> Vec<&Evidence> {
    let mut found: Vec<&Evidence> = Vec::new();
    for entry in &record.evidence {
        let Some(source) = source_of(entry) else {
            continue;
        };
        match found
            .iter_mut()
            .find(|kept| source_of(kept) == Some(source))
        {
            Some(kept) if kept.collected <= entry.collected => *kept = entry,
            Some(_) => {}
            None => found.push(entry),
        }
    }
    found.sort_by_key(|entry| source_of(entry));
    found
}

/// One line per latest import: `Imported 2026-11-30: Prowler SOC 2 compliance scan: …`.
pub fn finding_lines(record: &AnswerRecord) -> Vec<String> {
    latest(record)
        .into_iter()
        .map(|entry| format!("Imported {}: {}", entry.collected, entry.title))
        .collect()
}

/// The note of a gap card: the assessor's note, then the latest imports' findings.
pub fn card_note(record: &AnswerRecord) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !record.note.trim().is_empty() {
        parts.push(record.note.clone());
    }
    parts.extend(finding_lines(record));
    parts.join("\n")
}

#[cfg(test)]
mod tests {
    use jiff::civil::{Date, date};

    use super::*;

    fn entry(title: &str, location: &str, collected: Date) -> Evidence {
        Evidence {
            title: title.into(),
            location: location.into(),
            collected,
            period: None,
            expires: None,
            files: Vec::new(),
        }
    }

    #[test]
    fn the_latest_import_of_each_source_is_shown_after_the_note() {
        let record = AnswerRecord {
            note: "Rolling out passkeys".into(),
            evidence: vec![
                entry(
                    "Prowler: 2 of 7 fail",
                    &location("prowler", "a.csv"),
                    date(2026, 10, 1),
                ),
                entry("Q3 review", "wiki/q3", date(2026, 10, 5)),
                entry(
                    "Okta: all pass",
                    &location("okta-users", "u.json"),
                    date(2026, 11, 1),
                ),
                entry(
                    "Prowler: 1 of 7 fails",
                    &location("prowler", "b.csv"),
                    date(2026, 11, 30),
                ),
            ],
            ..AnswerRecord::default()
        };
        assert_eq!(
            card_note(&record),
            "Rolling out passkeys\nImported 2026-11-01: Okta: all pass\nImported 2026-11-30: Prowler: 1 of 7 fails"
        );
        assert_eq!(card_note(&AnswerRecord::default()), "");
    }
}
