//! The owner summary: gaps per owner with how many are urgent, overdue or undated, the gaps
//! nobody owns last, and the register numbers to look them up.

use super::blocks::{self, SMALL, SMALL_BOLD, SMALL_MUTED};
use super::canvas::Canvas;
use super::table::{Cell, Para, Row, Table};
use crate::report::model::ReportModel;

/// Draws the owner summary from the cursor (nothing when there are no gaps).
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    if model.gaps.is_empty() {
        return;
    }
    blocks::section(canvas, "Owners", 80.0);
    let unowned = model
        .owners
        .iter()
        .find(|line| line.owner.is_empty())
        .map_or(0, |line| line.gaps);
    let overdue: usize = model.owners.iter().map(|line| line.overdue).sum();
    let intro = format!(
        "Who holds which gaps. {unowned} of {} gaps have no owner and {overdue} are overdue; \
         numbers refer to the gap register.",
        model.gaps.len()
    );
    blocks::paragraph(canvas, &intro, SMALL_MUTED);
    let table = Table::new(
        &[0.22, 0.08, 0.12, 0.09, 0.10, 0.39],
        &[
            "Owner",
            "Gaps",
            "Critical/high",
            "Overdue",
            "No due date",
            "Gap numbers",
        ],
    )
    .dense(3.0);
    let count = |value: usize| Cell::new(vec![Para::new(value.to_string(), SMALL)]);
    let rows: Vec<Row> = model
        .owners
        .iter()
        .map(|line| {
            let owner = if line.owner.is_empty() {
                Para::new("No owner", SMALL_BOLD)
            } else {
                Para::new(line.owner.as_str(), SMALL)
            };
            let ranks: Vec<String> = line.ranks.iter().map(usize::to_string).collect();
            Row::new(vec![
                Cell::new(vec![owner]),
                count(line.gaps),
                count(line.urgent),
                count(line.overdue),
                count(line.no_due_date),
                Cell::new(vec![Para::new(ranks.join(", "), SMALL_MUTED)]),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 2.0);
}
