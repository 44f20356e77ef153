//! The Markdown "Progress over time" section: report dates with their assumptions, the
//! readiness of each stage at each snapshot, the controls improved and regressed, the
//! gap due dates and periodic controls overdue or due, and the answers that are claimed, not evidenced.

use std::fmt::Write;

use super::{md, section, table};
use crate::report::due_text;
use crate::report::model::ReportModel;
use crate::time::compare::Change;

/// Rows of the readiness table at most (the latest snapshots).
const ROWS: usize = 24;

/// Writes the section.
pub fn write(out: &mut String, model: &ReportModel) {
    let progress = &model.progress;
    section(out, "Progress over time", model);
    for (name, estimate) in [
        ("Type 1", &progress.timeline.type1),
        ("Type 2", &progress.timeline.type2),
    ] {
        let _ = writeln!(
            out,
            "**Earliest realistic {name} report: {}**\n",
            estimate.date
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
    let _ = writeln!(out, "### {}\n", due_text::HEADING);
    let _ = writeln!(out, "{}", md(&due_text::lead(progress)));
    let bullets = due_text::bullets(progress);
    if !bullets.is_empty() {
        out.push('\n');
    }
    for line in bullets {
        let _ = writeln!(out, "- {}", md(&line));
    }
    out.push('\n');
    coverage(out, model);
}

/// The evidence coverage of the window: the counts, one row per control with evidence, then
/// the controls without any that matter (missed occurrences, claims the log does not back).
fn coverage(out: &mut String, model: &ReportModel) {
    let progress = &model.progress;
    let coverage = &progress.coverage;
    let _ = writeln!(
        out,
        "### Evidence coverage of the observation window\n\nWindow {} to {}. Evidence outside it shows the design (Type 1) but is out of period for Type 2; expired evidence counts for neither. Controls: {}.\n",
        coverage.window.from,
        coverage.window.to,
        coverage.counts.sentence()
    );
    let rows: Vec<Vec<String>> = progress
        .coverage_rows()
        .into_iter()
        .map(|(control, claimed)| {
            let mut words = vec![control.describe()];
            words.extend(control.type2_shortfall());
            words.extend(claimed);
            vec![
                md(&control.question),
                control.status.label().to_string(),
                md(&words.join("; ")),
            ]
        })
        .collect();
    if rows.is_empty() {
        let _ = writeln!(out, "No evidence is logged yet.\n");
    } else {
        table(out, &["Control", "Status", "Coverage"], rows);
        out.push('\n');
    }
    if let Some(rest) = progress.coverage_rest() {
        let _ = writeln!(out, "{}\n", md(&rest));
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
