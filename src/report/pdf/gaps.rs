//! Sections 3 and 4: the prioritised gap table (criterion, question, current and needed
//! level, severity, owner and due date, then remediation steps, evidence and the note) and
//! the remediation roadmap by phase.

use super::blocks::{self, SMALL, SMALL_BOLD, SMALL_MUTED};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::model::{GapItem, PhasePlan, ReportModel};

const LABEL: TextStyle = TextStyle::new(Weight::Bold, theme::SMALL, theme::NAVY);

fn text(value: &str, style: TextStyle) -> Para {
    Para::new(value, style)
}

/// The owner and due date lines, or "No owner" in grey.
fn owner_and_due(gap: &GapItem) -> Vec<Para> {
    let mut paras = Vec::new();
    if gap.owner.trim().is_empty() {
        paras.push(text("No owner", SMALL_MUTED));
    } else {
        paras.push(text(&gap.owner, SMALL));
    }
    match gap.due {
        Some(due) => paras.push(text(&format!("due {due}"), SMALL)),
        None => paras.push(text("no due date", SMALL_MUTED)),
    }
    paras
}

fn severity(gap: &GapItem) -> Vec<Para> {
    let style = TextStyle::new(Weight::Bold, theme::SMALL, theme::severity(gap.severity));
    let mut paras = vec![text(gap.severity.label(), style)];
    if gap.question.key {
        paras.push(text("key control", SMALL_MUTED));
    }
    paras
}

fn gap_row(gap: &GapItem, shaded: bool) -> Row {
    let main = vec![
        Cell::new(vec![text(&gap.rank.to_string(), SMALL_MUTED)]),
        Cell::new(severity(gap)),
        Cell::new(vec![text(&gap.question.criterion, SMALL_BOLD)]),
        Cell::new(vec![
            text(&gap.question.title, SMALL_BOLD),
            text(&gap.question.id, SMALL_MUTED),
            text(&gap.criterion_title, SMALL_MUTED),
        ]),
        Cell::new(vec![text(&gap.current, SMALL)]),
        Cell::new(vec![text(&gap.needed, SMALL)]),
        Cell::new(owner_and_due(gap)),
    ];
    let mut steps = vec![text("Remediation steps", LABEL)];
    steps.extend(
        gap.remediation
            .iter()
            .enumerate()
            .map(|(index, step)| Para::item(format!("{}.", index + 1), step.as_str(), SMALL)),
    );
    let mut evidence = vec![text("Evidence to collect", LABEL)];
    evidence.extend(
        gap.evidence
            .iter()
            .map(|item| Para::item("•", item.as_str(), SMALL)),
    );
    let mut bands = vec![
        main,
        vec![
            Cell::new(Vec::new()),
            Cell::spanning(3, steps),
            Cell::spanning(3, evidence),
        ],
    ];
    if !gap.note.trim().is_empty() {
        bands.push(vec![
            Cell::new(Vec::new()),
            Cell::spanning(6, vec![text("Note", LABEL), text(&gap.note, SMALL)]),
        ]);
    }
    Row {
        bands,
        fill: shaded.then_some(theme::ZEBRA),
        keep_with_next: false,
    }
}

/// Draws section 3 from the cursor.
pub fn draw_gaps(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::heading(canvas, "3  Prioritised gaps", 120.0);
    if model.gaps.is_empty() {
        let text = if model.tally.assessed() + model.tally.unsure == 0 {
            "No gaps can be listed yet: no question has been answered. The questions still open \
             are listed in section 5."
        } else {
            "No answered question is below the level the report needs."
        };
        blocks::paragraph(canvas, text, SMALL);
        canvas.advance(blocks::GAP);
        return;
    }
    let unanswered = if model.unanswered.is_empty() {
        String::new()
    } else {
        format!(
            " The {} unanswered questions are not listed: nobody knows yet whether they are gaps \
             (see section 5).",
            model.unanswered.len()
        )
    };
    let intro = format!(
        "{} answered questions are below the level a SOC 2 {} report needs, most urgent first.{unanswered}",
        model.gaps.len(),
        model.target.label()
    );
    blocks::paragraph(canvas, &intro, SMALL);
    let table = Table {
        widths: vec![0.045, 0.105, 0.10, 0.29, 0.14, 0.14, 0.18],
        header: [
            "#",
            "Severity",
            "Criterion",
            "Question",
            "Current",
            "Needed",
            "Owner, due",
        ]
        .map(String::from)
        .to_vec(),
    };
    let rows: Vec<Row> = model
        .gaps
        .iter()
        .enumerate()
        .map(|(index, gap)| gap_row(gap, index % 2 == 1))
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 2.0);
}

/// Draws section 4 from the cursor.
pub fn draw_roadmap(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::heading(canvas, "4  Remediation roadmap", 80.0);
    for (number, plan) in model.roadmap.iter().enumerate() {
        phase(canvas, model, number + 1, plan);
    }
}

fn phase(canvas: &mut Canvas<'_>, model: &ReportModel, number: usize, plan: &PhasePlan) {
    blocks::subheading(canvas, &format!("Phase {number}: {}", plan.label), 50.0);
    blocks::paragraph(canvas, &plan.description, SMALL_MUTED);
    for action in &plan.actions {
        blocks::bullet(canvas, action, SMALL_BOLD);
    }
    if plan.gap_ids.is_empty() {
        if plan.actions.is_empty() {
            blocks::paragraph(canvas, "No gaps in this phase.", SMALL);
        }
        canvas.advance(blocks::GAP);
        return;
    }
    let table = Table {
        widths: vec![0.05, 0.43, 0.10, 0.11, 0.18, 0.13],
        header: ["#", "Question", "Criterion", "Severity", "Owner", "Due"]
            .map(String::from)
            .to_vec(),
    };
    let rows: Vec<Row> = model
        .gaps_in(plan.phase)
        .map(|gap| {
            let owner = if gap.owner.trim().is_empty() {
                text("No owner", SMALL_MUTED)
            } else {
                text(&gap.owner, SMALL)
            };
            Row::new(vec![
                Cell::new(vec![text(&gap.rank.to_string(), SMALL_MUTED)]),
                Cell::new(vec![text(
                    &format!("{} ({})", gap.question.title, gap.question.id),
                    SMALL,
                )]),
                Cell::new(vec![text(&gap.question.criterion, SMALL)]),
                Cell::new(vec![severity(gap).swap_remove(0)]),
                Cell::new(vec![owner]),
                Cell::new(vec![text(
                    &gap.due.map_or(String::new(), |due| due.to_string()),
                    SMALL,
                )]),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 1.5);
}
