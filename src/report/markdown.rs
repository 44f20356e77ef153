//! The Markdown renderer: the same sections as the PDF, as headings, tables and lists that
//! read well in a wiki, a ticket or a plain text editor.

use std::fmt::Write;

use super::model::{GapItem, QuestionRef, ReportModel, due_text, percent_text};
use crate::questionnaire::Stage;

/// Renders the report as Markdown.
pub fn render(model: &ReportModel) -> String {
    let mut out = String::new();
    cover(&mut out, model);
    summary(&mut out, model);
    categories(&mut out, model);
    gaps(&mut out, model);
    roadmap(&mut out, model);
    open_questions(&mut out, model);
    appendix(&mut out, model);
    out
}

/// Escapes Markdown syntax in user text so it shows as typed.
fn md(text: &str) -> String {
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

/// User text inside a table cell: escaped, line breaks kept as `<br>`.
fn cell(text: &str) -> String {
    md(text.trim()).replace("\r\n", "\n").replace('\n', "<br>")
}

/// User text as a paragraph: escaped, line breaks kept as hard breaks.
fn paragraph(text: &str) -> String {
    md(text.trim()).replace("\r\n", "\n").replace('\n', "  \n")
}

fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

fn table(out: &mut String, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
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

fn cover(out: &mut String, model: &ReportModel) {
    let _ = writeln!(
        out,
        "# SOC 2 readiness gap report: {}\n",
        md(&model.organization)
    );
    let assessor = if model.assessor.is_empty() {
        "not recorded".to_string()
    } else {
        cell(&model.assessor)
    };
    table(
        out,
        &["Field", "Value"],
        [
            vec!["Organisation".into(), cell(&model.organization)],
            vec!["Assessor".into(), assessor],
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
    let _ = writeln!(out, "> {}\n", model.disclaimer);
}

fn summary(out: &mut String, model: &ReportModel) {
    let _ = writeln!(out, "## Executive summary\n\n{}\n", md(&model.summary));
    table(
        out,
        &["Stage", "Readiness", "Verdict", "Why", "Key blockers"],
        model.stages.iter().map(|stage| {
            let blockers: Vec<String> = stage
                .blockers
                .iter()
                .map(|b| format!("{} ({})", cell(&b.question.title), b.question.id))
                .collect();
            vec![
                format!("**{}**<br>{}", stage.label, stage.about),
                percent_text(stage.readiness_percent),
                stage.verdict.label().into(),
                stage.explanation.clone(),
                if blockers.is_empty() {
                    "none".into()
                } else {
                    blockers.join("<br>")
                },
            ]
        }),
    );
    let _ = writeln!(
        out,
        "> **A report, not a certificate.** {}\n",
        model.attestation_note
    );
}

fn categories(out: &mut String, model: &ReportModel) {
    let _ = writeln!(out, "## Readiness by category\n");
    table(
        out,
        &[
            "Category",
            "In place",
            "Evidenced (Type 1)",
            "Operating over time (Type 2)",
            "Questions",
            "Unanswered",
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

fn gaps(out: &mut String, model: &ReportModel) {
    let _ = writeln!(
        out,
        "## Prioritised gaps\n\nAnswered questions below the level a SOC 2 {} report needs, most urgent first.\n",
        model.target.label()
    );
    if model.gaps.is_empty() {
        let _ = writeln!(out, "No answered question is below the level it needs.\n");
        return;
    }
    table(
        out,
        &[
            "#",
            "Severity",
            "Criterion",
            "Question",
            "Current",
            "Needed",
            "Owner",
            "Due",
        ],
        model.gaps.iter().map(|gap| {
            vec![
                gap.rank.to_string(),
                gap.severity.label().into(),
                gap.question.criterion.clone(),
                format!("{} ({})", cell(&gap.question.title), gap.question.id),
                cell(&gap.current),
                cell(&gap.needed),
                cell(&gap.owner),
                due_text(gap.due),
            ]
        }),
    );
    for gap in &model.gaps {
        gap_detail(out, gap);
    }
}

fn gap_detail(out: &mut String, gap: &GapItem) {
    let key = if gap.question.key {
        ", key control"
    } else {
        ""
    };
    // Stage questions cite ATT or CERT, whose title already names the stage.
    let cites = if gap.stage == Stage::Compliance {
        format!(
            "Criterion {}: {}",
            gap.question.criterion,
            md(&gap.criterion_title)
        )
    } else {
        format!("{} ({})", md(&gap.criterion_title), gap.question.criterion)
    };
    let _ = writeln!(
        out,
        "### {}. {} ({})\n\n{} severity{key}. {cites}. Current: {}; needed: {}.\n",
        gap.rank,
        md(&gap.question.title),
        gap.question.id,
        gap.severity.label(),
        md(&gap.current),
        md(&gap.needed)
    );
    if !gap.owner.is_empty() || gap.due.is_some() {
        let owner = if gap.owner.is_empty() {
            "no owner".to_string()
        } else {
            md(&gap.owner)
        };
        let due = gap
            .due
            .map_or("no due date".to_string(), |d| format!("due {d}"));
        let _ = writeln!(out, "Owner: {owner}, {due}.\n");
    }
    let _ = writeln!(out, "Remediation steps:\n");
    for (index, step) in gap.remediation.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", index + 1, md(step));
    }
    let _ = writeln!(out, "\nEvidence to collect:\n");
    for item in &gap.evidence {
        let _ = writeln!(out, "- {}", md(item));
    }
    out.push('\n');
    if !gap.note.trim().is_empty() {
        let _ = writeln!(out, "Note: {}\n", paragraph(&gap.note));
    }
}

fn roadmap(out: &mut String, model: &ReportModel) {
    let _ = writeln!(out, "## Remediation roadmap\n");
    for plan in &model.roadmap {
        let _ = writeln!(out, "### {}\n\n{}\n", plan.label, plan.description);
        for action in &plan.actions {
            let _ = writeln!(out, "- {action}");
        }
        for gap in model.gaps_in(plan.phase) {
            let owner = if gap.owner.is_empty() {
                String::new()
            } else {
                format!(", owner {}", md(&gap.owner))
            };
            let due = gap.due.map_or(String::new(), |d| format!(", due {d}"));
            let _ = writeln!(
                out,
                "- {} ({}, {}){owner}{due}",
                md(&gap.question.title),
                gap.question.id,
                gap.severity.label().to_lowercase()
            );
        }
        if plan.actions.is_empty() && plan.gap_ids.is_empty() {
            let _ = writeln!(out, "Nothing to do in this phase.");
        }
        out.push('\n');
    }
}

fn question_list(out: &mut String, questions: &[QuestionRef]) {
    table(
        out,
        &["Criterion", "Question", "Key control"],
        questions.iter().map(|question| {
            vec![
                question.criterion.clone(),
                format!("{} ({})", cell(&question.title), question.id),
                if question.key { "yes" } else { "" }.to_string(),
            ]
        }),
    );
}

fn open_questions(out: &mut String, model: &ReportModel) {
    let _ = writeln!(out, "## Questions still open\n");
    if model.unanswered.is_empty() && model.unsure.is_empty() {
        let _ = writeln!(out, "Every question in scope has a definite answer.\n");
        return;
    }
    if !model.unsure.is_empty() {
        let _ = writeln!(
            out,
            "### Answered \u{201c}Unsure\u{201d}\n\nThese count as nothing in place until someone finds out what really exists.\n"
        );
        question_list(out, &model.unsure);
    }
    if !model.unanswered.is_empty() {
        let _ = writeln!(
            out,
            "### Unanswered\n\n{} of {} questions in scope, key controls first. They count as zero until answered.\n",
            model.unanswered.len(),
            model.tally.questions
        );
        question_list(out, &model.unanswered);
    }
}

fn appendix(out: &mut String, model: &ReportModel) {
    let _ = writeln!(out, "## Appendix A: answers by criterion\n");
    for group in &model.answers {
        let _ = writeln!(out, "### {}: {}\n", group.criterion, md(&group.title));
        table(
            out,
            &["Question", "Answer", "Note"],
            group.questions.iter().map(|line| {
                let mut note = cell(&line.note);
                if !line.na_reason.is_empty() {
                    note = join_cell(note, format!("N/A because: {}", cell(&line.na_reason)));
                }
                if let Some(assignment) = line.assignment() {
                    note = join_cell(note, cell(&assignment));
                }
                vec![
                    format!("{} ({})", cell(&line.title), line.id),
                    cell(&line.answer),
                    note,
                ]
            }),
        );
    }
    if !model.unscored_answers.is_empty() {
        let _ = writeln!(
            out,
            "Answers for questions this questionnaire does not know (kept, not scored): {}\n",
            md(&model.unscored_answers.join(", "))
        );
    }
    let _ = writeln!(out, "## Appendix B: method\n");
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

fn join_cell(first: String, second: String) -> String {
    if first.is_empty() {
        second
    } else {
        format!("{first}<br>{second}")
    }
}
