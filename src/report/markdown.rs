//! The Markdown renderer: the same sections as the PDF, as headings, short tables and lists
//! that paste well into a wiki, a ticket or a chat. Tables hold one short line per row (no
//! `<br>`); anything long — blockers, steps, evidence, notes — is a list under a heading, and
//! every `##` section stands on its own, so sections can be pasted one at a time.

mod details;
mod progress;
mod registers;

use std::fmt::Write;

use super::model::{ReportModel, percent_text};

/// Renders the report as Markdown.
pub fn render(model: &ReportModel) -> String {
    let mut out = String::new();
    cover(&mut out, model);
    summary(&mut out, model);
    readiness(&mut out, model);
    progress::write(&mut out, model);
    details::register(&mut out, model);
    details::owners(&mut out, model);
    registers::write(&mut out, model);
    details::open_questions(&mut out, model);
    super::certification_md::render(&mut out, model);
    details::gap_details(&mut out, model);
    details::other_answers(&mut out, model);
    method(&mut out, model);
    out
}

/// Escapes Markdown syntax in user text so it shows as typed.
pub(super) fn md(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// User text inside a table cell: escaped, on one line.
pub(super) fn cell(text: &str) -> String {
    md(text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .as_str())
}

/// User text as a paragraph: escaped, line breaks kept as hard breaks.
fn paragraph(text: &str) -> String {
    md(text.trim()).replace("\r\n", "\n").replace('\n', "  \n")
}

fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

pub(super) fn table(
    out: &mut String,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    row(
        out,
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    );
    row(out, &vec!["---".to_string(); header.len()]);
    for cells in rows {
        row(out, &cells);
    }
    out.push('\n');
}

/// A `##` heading naming the organisation, so a pasted section says whose it is.
pub(super) fn section(out: &mut String, title: &str, model: &ReportModel) {
    let _ = writeln!(out, "## {title} — {}\n", md(&model.organization));
}

fn cover(out: &mut String, model: &ReportModel) {
    let _ = writeln!(
        out,
        "# SOC 2 readiness gap report: {}\n",
        md(&model.organization)
    );
    let or_not_recorded = |text: &str| {
        if text.is_empty() {
            "not recorded".to_string()
        } else {
            cell(text)
        }
    };
    table(
        out,
        &["Field", "Value"],
        [
            vec!["Organisation".into(), cell(&model.organization)],
            vec!["Assessor".into(), or_not_recorded(&model.assessor)],
            vec![
                "Assessment started".into(),
                model.assessment_created.to_string(),
            ],
            vec!["Report date".into(), model.generated.to_string()],
            vec!["Scope".into(), model.scope_label()],
            vec![
                "Target".into(),
                format!("SOC 2 {} report", model.target.label()),
            ],
            vec!["Counts".into(), model.counts.clone()],
            vec!["Overall verdict".into(), model.overall.label().into()],
        ],
    );
    let _ = writeln!(
        out,
        "> Confidential — prepared for {}. {}\n",
        md(&model.organization),
        model.disclaimer
    );
}

fn summary(out: &mut String, model: &ReportModel) {
    section(out, "Executive summary", model);
    let _ = writeln!(out, "{}\n", md(&model.summary));
    table(
        out,
        &["Stage", "Readiness", "Verdict", "Why"],
        model.stages.iter().map(|stage| {
            vec![
                format!("**{}**", stage.label),
                percent_text(stage.readiness_percent),
                stage.verdict.label().into(),
                stage.explanation.clone(),
            ]
        }),
    );
    for stage in &model.stages {
        if stage.blockers.is_empty() && stage.open_keys == 0 {
            continue;
        }
        let _ = writeln!(out, "Key blockers, {}:\n", stage.label);
        for blocker in &stage.blockers {
            let _ = writeln!(
                out,
                "- {} ({}): {} → {}",
                md(&blocker.question.title),
                blocker.question.id,
                blocker.current,
                blocker.needed
            );
        }
        match stage.open_keys {
            0 => {}
            1 => out.push_str("- 1 key control not answered yet\n"),
            n => {
                let _ = writeln!(out, "- {n} key controls not answered yet");
            }
        }
        out.push('\n');
    }
    if !model.actions.is_empty() {
        let _ = writeln!(out, "### What to do first\n");
        for (index, action) in model.actions.iter().enumerate() {
            let _ = writeln!(out, "{}. **{}**", index + 1, md(&action.title));
            if !action.detail.is_empty() {
                let _ = writeln!(out, "   {}", md(&action.detail));
            }
        }
        out.push('\n');
    }
    na_issues(out, model);
    let sign_off = &model.sign_off;
    let _ = writeln!(out, "### Sign-off\n");
    table(
        out,
        &["Prepared by", "Reviewed by", "Date", "Version"],
        [vec![
            cell(&sign_off.prepared_by),
            cell(&sign_off.reviewed_by),
            sign_off.date.clone(),
            cell(&sign_off.version),
        ]],
    );
    if !model.observations.is_empty() {
        let _ = writeln!(
            out,
            "### Key observations\n\n{}\n",
            paragraph(&model.observations)
        );
    }
}

fn na_issues(out: &mut String, model: &ReportModel) {
    let issues = &model.na_issues;
    if issues.key_controls.is_empty() && issues.unjustified.is_empty() {
        return;
    }
    let _ = writeln!(out, "### N/A answers to check\n");
    for question in &issues.key_controls {
        let _ = writeln!(
            out,
            "- {} ({}): a key control answered N/A; an auditor rarely accepts that.",
            md(&question.title),
            question.id
        );
    }
    for question in &issues.unjustified {
        let _ = writeln!(
            out,
            "- {} ({}): N/A without a justification, counted as open until one is given; auditors ask for one.",
            md(&question.title),
            question.id
        );
    }
    out.push('\n');
}

fn readiness(out: &mut String, model: &ReportModel) {
    section(out, "Readiness", model);
    if !model.heat_map.is_empty() {
        let _ = writeln!(
            out,
            "### Readiness by criterion\n\nToward a {} report, per group of Trust Services Criteria.\n",
            model.target.label()
        );
        table(
            out,
            &["Criteria", "Topic", "Readiness", "Questions", "Open"],
            model.heat_map.iter().map(|cell| {
                vec![
                    cell.family.clone(),
                    cell.topic.into(),
                    percent_text(cell.readiness_percent),
                    cell.questions.to_string(),
                    cell.open.to_string(),
                ]
            }),
        );
    }
    let _ = writeln!(out, "### Readiness by category\n");
    table(
        out,
        &[
            "Category",
            "In place",
            "Evidenced (Type 1)",
            "Operating over time (Type 2)",
            "Questions",
            "Open",
        ],
        model.categories.iter().map(|bar| {
            vec![
                bar.label.into(),
                percent_text(bar.in_place_percent),
                percent_text(bar.type1_percent),
                percent_text(bar.type2_percent),
                bar.tally.questions.to_string(),
                bar.tally.unanswered.to_string(),
            ]
        }),
    );
    let _ = writeln!(out, "### Type 1 and Type 2 readiness\n");
    table(
        out,
        &["Report", "Readiness", "Verdict", "Why"],
        model.targets.iter().map(|target| {
            vec![
                target.target.label().into(),
                percent_text(target.readiness_percent),
                target.verdict.label().into(),
                target.explanation.clone(),
            ]
        }),
    );
}

fn method(out: &mut String, model: &ReportModel) {
    section(out, "Method", model);
    let _ = writeln!(
        out,
        "> **A report, not a certificate.** {}\n",
        model.attestation_note
    );
    table(
        out,
        &["Key", "Answer", "Meaning", "Credits"],
        model.method.scale.iter().map(|step| {
            vec![
                format!("`{}`", step.key),
                step.label.into(),
                step.meaning.into(),
                step.credits.into(),
            ]
        }),
    );
    for note in &model.method.notes {
        let _ = writeln!(out, "- {note}");
    }
    let _ = writeln!(out, "\n## Disclaimer\n\n{}", model.disclaimer);
}
