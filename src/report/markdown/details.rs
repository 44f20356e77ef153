//! The Markdown sections that list: the gap register by phase, owners, open questions, the
//! gap details (lists under each gap) and the other answers by criterion.

use std::fmt::Write;

use super::{cell, md, paragraph, section, table};
use crate::report::model::{GapItem, QuestionRef, REGISTER_COLUMNS, ReportModel, due_text};

/// The gap register: one short table row per gap, a table per phase.
pub fn register(out: &mut String, model: &ReportModel) {
    section(out, "Gap register", model);
    if model.gaps.is_empty() {
        let _ = writeln!(out, "No answered question is below the level it needs.\n");
        return;
    }
    let _ = writeln!(
        out,
        "Answered questions below the level a SOC 2 {} report needs, by phase, most urgent first. \
         Open questions are not gaps. {}\n",
        model.target.label(),
        if model.gap_cards {
            "Steps and evidence are under Gap details, by number."
        } else {
            "Short version: steps and evidence per gap are left out (`--appendix cards` adds them)."
        }
    );
    for plan in &model.roadmap {
        let _ = writeln!(out, "### {}\n\n{}\n", plan.label, plan.description);
        for action in &plan.actions {
            let _ = writeln!(out, "- {action}");
        }
        if !plan.actions.is_empty() {
            out.push('\n');
        }
        if plan.gap_ids.is_empty() {
            let _ = writeln!(out, "No gaps in this phase.\n");
            continue;
        }
        table(
            out,
            &REGISTER_COLUMNS,
            model.gaps_in(plan.phase).map(|gap| {
                let due = match gap.due {
                    Some(due) if gap.overdue => format!("**{due} overdue**"),
                    due => due_text(due),
                };
                vec![
                    gap.rank.to_string(),
                    gap.severity.label().into(),
                    format!("{} ({})", cell(&gap.question.title), gap.question.id),
                    gap.question.criterion.clone(),
                    format!("{} → {}", cell(&gap.current), cell(&gap.needed)),
                    cell(&gap.owner),
                    due,
                    gap.size.label().into(),
                ]
            }),
        );
    }
}

/// Gaps per owner.
pub fn owners(out: &mut String, model: &ReportModel) {
    if model.gaps.is_empty() {
        return;
    }
    section(out, "Owners", model);
    table(
        out,
        &["Owner", "Gaps", "Critical/high", "Overdue", "No due date"],
        model.owners.iter().map(|line| {
            let owner = if line.owner.is_empty() {
                "**No owner**".to_string()
            } else {
                cell(&line.owner)
            };
            vec![
                owner,
                line.gaps.to_string(),
                line.urgent.to_string(),
                line.overdue.to_string(),
                line.no_due_date.to_string(),
            ]
        }),
    );
}

fn question_list(out: &mut String, questions: &[QuestionRef], answer: &str) {
    table(
        out,
        &["Criterion", "Question", "Key control", "Answer"],
        questions.iter().map(|question| {
            vec![
                question.criterion.clone(),
                format!("{} ({})", cell(&question.title), question.id),
                if question.key { "yes" } else { "" }.to_string(),
                answer.to_string(),
            ]
        }),
    );
}

/// The questions answered Unsure and those still unanswered.
pub fn open_questions(out: &mut String, model: &ReportModel) {
    section(out, "Questions still open", model);
    if model.unanswered.is_empty() && model.unsure.is_empty() {
        let _ = writeln!(out, "Every question in scope has a definite answer.\n");
        return;
    }
    if !model.unsure.is_empty() {
        let _ = writeln!(
            out,
            "### Answered \u{201c}Unsure\u{201d}\n\nThese count as nothing in place until someone finds out what really exists.\n"
        );
        question_list(out, &model.unsure, "Unsure");
    }
    if !model.unanswered.is_empty() {
        let _ = writeln!(
            out,
            "### Unanswered\n\n{} of {} questions in scope, key controls first. They count as zero until answered.\n",
            model.unanswered.len(),
            model.tally.questions
        );
        question_list(out, &model.unanswered, "Unanswered");
    }
}

/// Every gap with its steps, evidence and note as lists.
pub fn gap_details(out: &mut String, model: &ReportModel) {
    if model.gaps.is_empty() || !model.gap_cards {
        return;
    }
    section(out, "Gap details", model);
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
    let _ = writeln!(
        out,
        "### {}. {} ({})\n\n{} severity{key}. Criterion {}: {}. Current: {}; needed: {}. Size {}.\n",
        gap.rank,
        md(&gap.question.title),
        gap.question.id,
        gap.severity.label(),
        gap.question.criterion,
        md(&gap.criterion_title),
        md(&gap.current),
        md(&gap.needed),
        gap.size.label()
    );
    if !gap.iso27001.is_empty() {
        let _ = writeln!(out, "ISO/IEC 27001:2022: {}.\n", gap.iso27001.join(", "));
    }
    let owner = if gap.owner.is_empty() {
        "no owner".to_string()
    } else {
        md(&gap.owner)
    };
    let due = match gap.due {
        Some(due) if gap.overdue => format!("due {due} (overdue)"),
        Some(due) => format!("due {due}"),
        None => "no due date".to_string(),
    };
    let _ = writeln!(out, "Owner: {owner}, {due}.\n\nRemediation steps:\n");
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

/// Every question that is not a gap, by criterion, as lists.
pub fn other_answers(out: &mut String, model: &ReportModel) {
    section(out, "Other answers by criterion", model);
    let is_gap = |id: &str| model.gaps.iter().any(|gap| gap.question.id == id);
    for group in &model.answers {
        let lines: Vec<_> = group.questions.iter().filter(|l| !is_gap(&l.id)).collect();
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}: {}\n", group.criterion, md(&group.title));
        for line in lines {
            let _ = writeln!(
                out,
                "- {} ({}): **{}**",
                md(&line.title),
                line.id,
                md(&line.answer)
            );
            let mut details = Vec::new();
            if !line.note.trim().is_empty() {
                details.push(paragraph(&line.note));
            }
            if !line.na_reason.trim().is_empty() {
                details.push(format!("N/A because: {}", md(line.na_reason.trim())));
            } else if line.answer_key == "na" {
                details.push("No justification recorded; auditors ask for one.".into());
            }
            if let Some(assignment) = line.assignment() {
                details.push(md(&assignment));
            }
            for detail in details {
                let _ = writeln!(out, "  - {}", detail.replace("  \n", "  \n    "));
            }
        }
        out.push('\n');
    }
    if !model.unscored_answers.is_empty() {
        let _ = writeln!(
            out,
            "Answers for questions this questionnaire does not know (kept, not scored): {}\n",
            md(&model.unscored_answers.join(", "))
        );
    }
}
