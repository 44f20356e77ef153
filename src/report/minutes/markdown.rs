//! The minutes as Markdown: a short header table, then one `##` section each for the
//! attendees, readiness before and after, the changed answers, the follow-ups and the
//! decisions. User text is escaped as in the gap report's Markdown.

use std::fmt::Write;

use super::Minutes;
use crate::report::markdown::{cell, md, table};

/// Renders `minutes` as Markdown (control characters still raw; see [`Minutes::markdown`]).
pub fn render(minutes: &Minutes) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Workshop minutes: {}\n", md(&minutes.organization));
    table(&mut out, &["", ""], header_rows(minutes));
    attendees(&mut out, minutes);
    readiness(&mut out, minutes);
    changes(&mut out, minutes);
    follow_ups(&mut out, minutes);
    decisions(&mut out, minutes);
    let _ = writeln!(
        out,
        "_Minutes of a readiness self-assessment, not an auditor's opinion. A SOC 2 \
         examination ends in an attestation report from a licensed CPA firm; no certificate \
         is issued._"
    );
    out
}

fn header_rows(minutes: &Minutes) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        "Organisation".to_string(),
        cell(&minutes.organization),
    ]];
    if !minutes.assessor.is_empty() {
        rows.push(vec!["Prepared by".into(), cell(&minutes.assessor)]);
    }
    if minutes.sessions.is_empty() {
        rows.push(vec![
            "Sessions".into(),
            format!("no session was recorded on or after {}", minutes.since),
        ]);
    }
    for session in &minutes.sessions {
        rows.push(vec![
            "Session".into(),
            format!("{}, {}", session.date, session.times()),
        ]);
    }
    rows.push(vec!["Compared with".into(), minutes.compared_with()]);
    rows.push(vec!["Written".into(), minutes.generated.to_string()]);
    rows
}

fn attendees(out: &mut String, minutes: &Minutes) {
    let _ = writeln!(out, "## Attendees\n");
    if minutes.attendees.is_empty() {
        let _ = writeln!(out, "None recorded.\n");
        return;
    }
    for name in &minutes.attendees {
        let _ = writeln!(out, "- {}", cell(name));
    }
    out.push('\n');
}

fn readiness(out: &mut String, minutes: &Minutes) {
    let _ = writeln!(
        out,
        "## Readiness before and after\n\nAttestation is measured toward a SOC 2 {} report.\n",
        minutes.target.label()
    );
    for stage in &minutes.readiness {
        let _ = writeln!(out, "- {} {}", stage.label(), stage.arrow());
    }
    out.push('\n');
}

fn changes(out: &mut String, minutes: &Minutes) {
    let _ = writeln!(out, "## What was answered or changed\n");
    if minutes.changes.is_empty() {
        let _ = writeln!(out, "No answer changed.\n");
        return;
    }
    table(
        out,
        &["Criterion", "Question", "Title", "Before → after"],
        minutes.changes.iter().map(|change| {
            vec![
                cell(&change.criterion),
                cell(&change.question),
                cell(&change.title),
                change.arrow(),
            ]
        }),
    );
}

fn follow_ups(out: &mut String, minutes: &Minutes) {
    let _ = writeln!(out, "## Follow-ups\n");
    if minutes.follow_ups.is_empty() {
        let _ = writeln!(out, "Nothing left to follow up.\n");
        return;
    }
    table(
        out,
        &["Question", "Title", "Owner", "Due", "Note"],
        minutes.follow_ups.iter().map(|line| {
            vec![
                cell(&line.question),
                cell(&line.title),
                cell(line.owner_text()),
                line.due_text(),
                cell(&line.note),
            ]
        }),
    );
}

fn decisions(out: &mut String, minutes: &Minutes) {
    let _ = writeln!(out, "## Decisions\n");
    if minutes.decisions.is_empty() {
        let _ = writeln!(out, "None recorded.\n");
        return;
    }
    for decision in &minutes.decisions {
        match &decision.question {
            Some(question) => {
                let _ = writeln!(out, "- {}: {}", cell(question), cell(&decision.text));
            }
            None => {
                let _ = writeln!(out, "- {}", cell(&decision.text));
            }
        }
    }
    out.push('\n');
}
