//! What an import does to an assessment and how it reads, shared by `soc2-ready import`
//! and the wizard's evidence log: one dated evidence entry per question the export bears
//! on (all pointing at the one kept file), the proposed answers set only when asked, and
//! the diff of answers in words. Pure: the callers read, hash and keep the file.

use std::fmt::Write;

use jiff::civil::Date;

use super::{Findings, Proposal, count, recorded};
use crate::assessment::{Answer, Assessment, Evidence, EvidenceFile};
use crate::questionnaire::Questionnaire;

/// The day a file with this SHA-256 was first recorded in `assessment`, if it was.
pub fn imported_on(assessment: &Assessment, sha256: &str) -> Option<Date> {
    assessment
        .answers
        .values()
        .flat_map(|record| &record.evidence)
        .filter(|entry| entry.files.iter().any(|file| file.sha256 == sha256))
        .map(|entry| entry.collected)
        .min()
}

/// Adds one entry per proposal, dated `dated`, located as an import of `name` from
/// `source` (`prowler`, `csv:laptops`), each holding `file`, in date order on its question.
pub fn record_entries(
    assessment: &mut Assessment,
    proposals: &[Proposal<'_>],
    findings: &Findings,
    (source, name): (&str, &str),
    dated: Date,
    file: &EvidenceFile,
) {
    for proposal in proposals {
        let entry = Evidence {
            title: format!("{}: {}", findings.title, sentences(proposal)),
            location: recorded::location(source, name),
            collected: dated,
            period: None,
            expires: None,
            files: vec![file.clone()],
        };
        assessment.edit(&proposal.question, |record| {
            let at = record
                .evidence
                .partition_point(|existing| existing.collected <= entry.collected);
            record.evidence.insert(at, entry);
        });
    }
}

/// Sets every proposed change of answer; returns how many were set.
pub fn apply_changes(assessment: &mut Assessment, changes: &[(String, Answer)]) -> usize {
    for (question, answer) in changes {
        assessment.edit(question, |record| {
            record.answer = Some(*answer);
            record.na_reason.clear();
        });
    }
    changes.len()
}

/// The changes of answer the proposals make.
pub fn changes(proposals: &[Proposal<'_>]) -> Vec<(String, Answer)> {
    proposals
        .iter()
        .filter_map(|proposal| Some((proposal.question.clone(), proposal.change?)))
        .collect()
}

/// The first lines: what the file is, its date and size in rows, and its notes.
pub fn header(name: &str, findings: &Findings, dated: Date) -> String {
    let source_date = if findings.dated.is_some() {
        "dated"
    } else {
        "taken"
    };
    let mut out = format!(
        "{name}: {}, {source_date} {dated}, {}\n",
        findings.title,
        count(findings.rows, "row", "rows")
    );
    for note in &findings.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    out
}

/// The findings of one proposal, one sentence after another.
fn sentences(proposal: &Proposal<'_>) -> String {
    proposal
        .findings
        .iter()
        .map(|finding| finding.sentence.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each question's findings and answer, as a diff of the answers; when not `applied`,
/// the last line says `how_to_apply` ("run again with --apply").
pub fn diff(
    questionnaire: &Questionnaire,
    proposals: &[Proposal<'_>],
    applied: bool,
    how_to_apply: &str,
) -> String {
    let mut out = String::new();
    let label = |id: &str, answer: Option<Answer>| match (questionnaire.question(id), answer) {
        (Some(question), Some(answer)) => answer.label(question).to_string(),
        _ => "unanswered".to_string(),
    };
    for proposal in proposals {
        let _ = writeln!(out, "\n{}", proposal.question);
        for finding in &proposal.findings {
            let _ = writeln!(out, "  {}", finding.sentence);
            if !finding.fix.is_empty() {
                let _ = writeln!(out, "  fix: {}", finding.fix);
            }
        }
        let current = label(&proposal.question, proposal.current);
        let _ = match proposal.change {
            Some(change) => writeln!(
                out,
                "- answer: {current}\n+ answer: {}",
                label(&proposal.question, Some(change))
            ),
            None if proposal.current == Some(Answer::NotApplicable) => writeln!(
                out,
                "  answer: {current} (kept; review it against this export)"
            ),
            None => writeln!(
                out,
                "  answer: {current} (kept: the export shows no more, no less)"
            ),
        };
    }
    let _ = match (changes(proposals).len(), applied) {
        (0, _) => writeln!(out, "\nNo answer to change."),
        (n, true) => writeln!(out, "\nSet {}.", count(n, "answer", "answers")),
        (n, false) => writeln!(
            out,
            "\n{} proposed; {how_to_apply} to set them.",
            count(n, "answer change", "answer changes")
        ),
    };
    out
}

/// What is said when nothing in the export bears on a question in scope.
pub fn nothing_in_scope(name: &str, findings: &Findings) -> String {
    format!(
        "{name}: {}, {}; nothing in it bears on a question in this assessment's scope, so nothing was recorded.",
        findings.title,
        count(findings.rows, "row", "rows")
    )
}
