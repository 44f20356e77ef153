//! The appendix of gap cards: for each gap, under its register number, the remediation
//! steps, the evidence an auditor will ask for, owner, due date and the assessor's note —
//! set as running text across the page, so 150 cards fit on about ten pages.

use super::blocks::{self, SMALL_MUTED, TINY, TINY_BOLD, TINY_GREY};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::model::{GapItem, ReportModel};

/// The cards' line height: a little closer than the register's, so the early-stage report
/// (every gap a card) fits 25 pages.
const CARD_LEADING: f32 = 1.14;
const TITLE: TextStyle = TextStyle {
    leading: CARD_LEADING,
    ..TINY_BOLD
};
const FACTS: TextStyle = TextStyle {
    leading: CARD_LEADING,
    ..TINY_GREY
};
const TEXT: TextStyle = TextStyle {
    leading: CARD_LEADING,
    ..TINY
};
const LABEL_TEXT: TextStyle = TextStyle {
    leading: CARD_LEADING,
    ..TextStyle::new(Weight::Regular, theme::TINY, theme::NAVY)
};

/// Draws the gap cards as an appendix from the cursor (nothing when there are no gaps).
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    if model.gaps.is_empty() || !model.gap_cards {
        return;
    }
    blocks::appendix(canvas, "Gap details", 120.0);
    blocks::paragraph(
        canvas,
        "Every gap of the register, under the same number: what to do, what an auditor will \
         ask to see, and what was noted.",
        SMALL_MUTED,
    );
    let table = Table::new(&[1.0], &[]).dense(1.0);
    let rows: Vec<Row> = model
        .gaps
        .iter()
        .enumerate()
        .map(|(index, gap)| card(gap, index % 2 == 1))
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 2.0);
}

/// "Critical · key control · Planned → Evidenced · CTO, due 2027-01-31 · size M ·
/// ISO 27001: A.5.17 A.8.5".
fn facts(gap: &GapItem) -> String {
    let mut facts = vec![gap.severity.label().to_string()];
    if gap.question.key {
        facts.push("key control".into());
    }
    // The id in the title starts with the criterion (CC6.3.offboarding); name it only
    // when it does not.
    if !gap.question.id.starts_with(&gap.question.criterion) {
        facts.push(gap.question.criterion.clone());
    }
    facts.push(format!("{} → {}", gap.current, gap.needed));
    let owner = if gap.owner.trim().is_empty() {
        "no owner".to_string()
    } else {
        gap.owner.trim().to_string()
    };
    let due = match gap.due {
        Some(due) if gap.overdue => format!("due {due} (overdue)"),
        Some(due) => format!("due {due}"),
        None => "no due date".to_string(),
    };
    facts.push(format!("{owner}, {due}"));
    facts.push(format!("size {}", gap.size.label()));
    if !gap.iso27001.is_empty() {
        facts.push(format!("ISO 27001: {}", gap.iso27001.join(" ")));
    }
    facts.join("  ·  ")
}

fn card(gap: &GapItem, shaded: bool) -> Row {
    let title = format!("{}. {} ({})", gap.rank, gap.question.title, gap.question.id);
    let steps = gap.numbered_steps();
    let evidence: Vec<String> = gap
        .evidence
        .iter()
        .map(|item| format!("• {item}"))
        .collect();
    let mut paras = vec![
        Para::new(title, TITLE),
        Para::new(facts(gap), FACTS),
        Para::item("Steps", steps.join("   "), TEXT),
        Para::item("Evidence", evidence.join("   "), TEXT),
    ];
    if !gap.note.trim().is_empty() {
        paras.push(Para::item("Note", gap.note.trim(), LABEL_TEXT));
    }
    Row {
        fill: shaded.then_some(theme::ZEBRA),
        ..Row::new(vec![Cell::new(paras)])
    }
}
