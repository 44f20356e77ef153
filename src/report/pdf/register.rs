//! The gap register: one line per gap — number, severity, control, criterion (or the stage,
//! for attestation and "certification" questions), current and needed level, owner, due
//! date and size — grouped by remediation phase, so 150 gaps
//! fit on a few pages. The full cards are in the appendix ([`super::cards`]).

use super::blocks::{self, SMALL_MUTED, TINY, TINY_BOLD, TINY_GREY};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::questionnaire::Stage;
use crate::report::model::{GapItem, PhasePlan, REGISTER_COLUMNS, ReportModel};

/// Column widths: #, severity, control, criterion or stage, current → needed, owner, due,
/// size.
const WIDTHS: [f32; 8] = [0.045, 0.085, 0.235, 0.095, 0.28, 0.095, 0.115, 0.05];
/// Cell padding of the register, tighter than other tables.
const PAD: f32 = 1.8;

/// Draws the register section from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::section(canvas, "Gap register", 120.0);
    if model.gaps.is_empty() {
        let text = if model.tally.assessed() + model.tally.unsure == 0 {
            "No gaps can be listed yet: no question has been answered. The open questions are \
             listed under \u{201c}Questions still open\u{201d}."
        } else {
            "No answered question is below the level the report needs."
        };
        blocks::paragraph(canvas, text, blocks::SMALL);
        canvas.advance(blocks::GAP);
        return;
    }
    let overdue = model.gaps.iter().filter(|gap| gap.overdue).count();
    let intro = format!(
        "{} answered questions are below the level a SOC 2 {} report needs, grouped by when to \
         close them and most urgent first within each group. Open questions are not gaps and \
         are listed separately. Due dates in red are past the report date ({overdue} overdue). \
         Criterion names the stage for attestation and \u{201c}certification\u{201d} questions. \
         Size: S one level short, M two, L three or more. {cards}",
        model.gaps.len(),
        model.target.label(),
        cards = if model.gap_cards {
            "Steps, evidence and ISO 27001 references for each gap are in the appendix, under \
             the same number."
        } else {
            "This short version leaves out each gap's steps, evidence and ISO 27001 references \
             (`--appendix cards` adds them)."
        }
    );
    blocks::paragraph(canvas, &intro, SMALL_MUTED);
    let table = Table::new(&WIDTHS, &REGISTER_COLUMNS).dense(PAD);
    let width = canvas.content_width();
    let mut rows = Vec::new();
    for plan in &model.roadmap {
        rows.push(phase_row(plan));
        for action in &plan.actions {
            rows.push(Row::new(vec![
                Cell::new(Vec::new()),
                Cell::spanning(7, vec![Para::new(action.as_str(), TINY_BOLD)]),
            ]));
        }
        let gaps = model.gaps_in(plan.phase);
        rows.extend(gaps.map(|gap| gap_row(canvas, gap, width)));
    }
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 2.0);
}

fn phase_row(plan: &PhasePlan) -> Row {
    let heading = TextStyle::new(Weight::Bold, theme::SMALL, theme::NAVY).tight();
    let count = match plan.gap_ids.len() {
        0 => "no gaps".to_string(),
        1 => "1 gap".to_string(),
        n => format!("{n} gaps"),
    };
    Row {
        fill: Some(theme::PANEL),
        keep_with_next: true,
        ..Row::new(vec![Cell::spanning(
            8,
            vec![
                Para::new(format!("{} — {count}", plan.label), heading),
                Para::new(plan.description.as_str(), TINY_GREY),
            ],
        )])
    }
}

/// `text` shortened with an ellipsis to fit column `index` of the register.
fn fitted(canvas: &Canvas<'_>, text: &str, index: usize, width: f32, style: TextStyle) -> Para {
    let room = WIDTHS[index] * width - 2.0 * PAD;
    Para::new(canvas.fit(text, room, style), style)
}

/// The criterion id of a control, or the stage of an attestation or "certification"
/// question (their criterion, `ATT` or `CERT`, says no more).
fn criterion_or_stage(gap: &GapItem) -> &str {
    match gap.stage {
        Stage::Compliance => &gap.question.criterion,
        stage => stage.label(),
    }
}

fn gap_row(canvas: &Canvas<'_>, gap: &GapItem, width: f32) -> Row {
    let severity = TextStyle::new(Weight::Bold, theme::TINY, theme::severity(gap.severity)).tight();
    let owner = if gap.owner.trim().is_empty() {
        Para::new("—", TINY_GREY)
    } else {
        fitted(canvas, &gap.owner, 5, width, TINY)
    };
    let due = match gap.due {
        Some(due) if gap.overdue => Para::new(
            due.to_string(),
            TextStyle::new(Weight::Bold, theme::TINY, theme::OVERDUE).tight(),
        ),
        Some(due) => Para::new(due.to_string(), TINY),
        None => Para::new("—", TINY_GREY),
    };
    let key = if gap.question.key { " (key)" } else { "" };
    Row::new(vec![
        Cell::new(vec![Para::new(gap.rank.to_string(), TINY_GREY)]),
        Cell::new(vec![Para::new(gap.severity.label(), severity)]),
        Cell::new(vec![fitted(
            canvas,
            &format!("{}{key}", gap.question.title),
            2,
            width,
            TINY_BOLD,
        )]),
        Cell::new(vec![Para::new(criterion_or_stage(gap), TINY)]),
        Cell::new(vec![Para::new(
            format!("{} → {}", gap.current, gap.needed),
            TINY,
        )]),
        Cell::new(vec![owner]),
        Cell::new(vec![due]),
        Cell::new(vec![Para::new(gap.size.label(), TINY)]),
    ])
}
