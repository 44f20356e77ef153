//! The Markdown "Progress over time" section: report dates with their assumptions, the
//! readiness of each stage at each snapshot, the controls improved and regressed, the
//! periodic controls due and the answers that are claimed, not evidenced.

use std::fmt::Write;

use super::{md, section, table};
use crate::questionnaire::Target;
use crate::report::model::ReportModel;
use crate::time::calendar::DueState;
use crate::time::compare::Change;

/// Rows of the readiness table at most (the latest snapshots).
const ROWS: usize = 24;

/// Writes the section.
pub fn write(out: &mut String, model: &ReportModel) {
    let progress = &model.progress;
    section(out, "Progress over time", model);
    for (target, estimate) in [
        (Target::Type1, &progress.timeline.type1),
        (Target::Type2, &progress.timeline.type2),
    ] {
        let _ = writeln!(
            out,
            "**Earliest realistic dates: {}**\n",
            progress.timeline.headline(target)
        );
        for assumption in &estimate.assumptions {
            let _ = writeln!(out, "- {assumption}");
        }
        out.push('\n');
    }
    let skipped = progress.points.len().saturating_sub(ROWS);
    table(
        out,
        &["Date", "Compliance", "Attestation", "“Certification”"],
        progress.points.iter().skip(skipped).map(|point| {
            vec![
                point.date.to_string(),
                format!("{} %", point.compliance),
                format!("{} %", point.attestation),
                format!("{} %", point.certification),
            ]
        }),
    );
    if let Some(since) = progress.since {
        changes(out, &format!("Improved since {since}"), &progress.improved);
        changes(
            out,
            &format!("Regressed since {since}"),
            &progress.regressed,
        );
    }
    let _ = writeln!(out, "### Periodic controls due\n");
    if progress.due.is_empty() {
        let _ = writeln!(out, "Nothing overdue or due in the next 30 days.");
    }
    for item in &progress.due {
        let when = match (item.state, item.due) {
            (DueState::Overdue, Some(date)) => format!("overdue since {date}"),
            (DueState::DueSoon, Some(date)) => format!("due {date}"),
            _ => "in place, but no evidence says when it last ran".to_string(),
        };
        let _ = writeln!(
            out,
            "- {} {} ({}): {when}",
            md(&item.question),
            md(&item.title),
            item.frequency.key()
        );
    }
    out.push('\n');
    if !progress.claimed_not_evidenced.is_empty() {
        let _ = writeln!(
            out,
            "### Claimed, not evidenced\n\nThe scores take these answers at their word; an auditor will ask for the evidence.\n"
        );
        for claimed in &progress.claimed_not_evidenced {
            let _ = writeln!(
                out,
                "- {}: {}",
                md(&claimed.question),
                claimed.claim.describe()
            );
        }
        out.push('\n');
    }
}

fn changes(out: &mut String, title: &str, changes: &[Change]) {
    let _ = writeln!(out, "### {title} ({})\n", changes.len());
    if changes.is_empty() {
        let _ = writeln!(out, "None.\n");
        return;
    }
    for change in changes {
        let key = |answer: Option<crate::assessment::Answer>| {
            answer.map_or("unanswered", |answer| answer.key())
        };
        let _ = writeln!(
            out,
            "- {} {}: {} → {}",
            md(&change.question),
            md(&change.title),
            key(change.then),
            key(change.now)
        );
    }
    out.push('\n');
}
