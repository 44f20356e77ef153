//! The minutes of a workshop as their own PDF document: a title block (organisation,
//! preparer, sessions), the attendees, the readiness table before and after, the changed
//! answers, the follow-ups and the decisions — the same facts as the Markdown minutes.

use super::blocks::{self, BODY, SMALL, SMALL_MUTED, TINY, TINY_BOLD, TINY_GREY};
use super::canvas::{Canvas, TextStyle};
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::minutes::Minutes;

/// The running title in every page header.
pub const RUNNING_TITLE: &str = "SOC 2 readiness workshop minutes";

/// Draws the whole document from the first page.
pub fn draw(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    title_block(canvas, minutes);
    attendees(canvas, minutes);
    readiness(canvas, minutes);
    changes(canvas, minutes);
    follow_ups(canvas, minutes);
    decisions(canvas, minutes);
    blocks::paragraph(
        canvas,
        "Minutes of a readiness self-assessment, not an auditor's opinion. A SOC 2 \
         examination ends in an attestation report from a licensed CPA firm; no certificate \
         is issued.",
        SMALL_MUTED,
    );
}

fn title_block(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    blocks::heading(canvas, RUNNING_TITLE, 80.0);
    let mut lines: Vec<(&str, String)> = vec![("Organisation", minutes.organization.clone())];
    if !minutes.assessor.is_empty() {
        lines.push(("Prepared by", minutes.assessor.clone()));
    }
    if minutes.sessions.is_empty() {
        lines.push((
            "Sessions",
            format!("no session was recorded on or after {}", minutes.since),
        ));
    }
    for session in &minutes.sessions {
        lines.push(("Session", format!("{}, {}", session.date, session.times())));
    }
    lines.push(("Compared with", minutes.compared_with()));
    lines.push(("Written", minutes.generated.to_string()));
    let rows: Vec<Row> = lines
        .into_iter()
        .map(|(label, value)| Row::new(vec![text(label, TINY_BOLD), text(&value, TINY)]))
        .collect();
    Table::new(&[0.2, 0.8], &[]).dense(3.0).draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn attendees(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    blocks::subheading(canvas, "Attendees", 30.0);
    if minutes.attendees.is_empty() {
        blocks::paragraph(canvas, "None recorded.", SMALL_MUTED);
    } else {
        blocks::paragraph(canvas, &minutes.attendees.join(", "), BODY);
    }
    canvas.advance(blocks::GAP / 2.0);
}

fn readiness(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    blocks::subheading(canvas, "Readiness before and after", 60.0);
    blocks::paragraph(
        canvas,
        &format!(
            "Attestation is measured toward a SOC 2 {} report.",
            minutes.target.label()
        ),
        SMALL,
    );
    let rows: Vec<Row> = minutes
        .readiness
        .iter()
        .map(|stage| {
            Row::new(vec![
                text(stage.label(), TINY_BOLD),
                text(&format!("{} %", stage.before), TINY),
                text(&format!("{} %", stage.after), TINY),
                text(&stage.arrow(), TINY),
            ])
        })
        .collect();
    Table::new(
        &[0.3, 0.2, 0.2, 0.3],
        &["Stage", "Before", "After", "Change"],
    )
    .dense(2.0)
    .draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn changes(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    blocks::subheading(canvas, "What was answered or changed", 60.0);
    if minutes.changes.is_empty() {
        blocks::paragraph(canvas, "No answer changed.", SMALL_MUTED);
        return;
    }
    let rows: Vec<Row> = minutes
        .changes
        .iter()
        .enumerate()
        .map(|(index, change)| {
            zebra(
                index,
                vec![
                    text(&change.criterion, TINY),
                    text(&change.question, TINY_BOLD),
                    text(&change.title, TINY),
                    text(&change.arrow(), TINY),
                ],
            )
        })
        .collect();
    Table::new(
        &[0.1, 0.28, 0.34, 0.28],
        &["Criterion", "Question", "Title", "Before → after"],
    )
    .dense(2.0)
    .draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn follow_ups(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    blocks::subheading(canvas, "Follow-ups", 60.0);
    if minutes.follow_ups.is_empty() {
        blocks::paragraph(canvas, "Nothing left to follow up.", SMALL_MUTED);
        return;
    }
    let rows: Vec<Row> = minutes
        .follow_ups
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let owner_style = if line.owner.trim().is_empty() {
                TINY_GREY
            } else {
                TINY
            };
            zebra(
                index,
                vec![
                    text(&line.question, TINY_BOLD),
                    text(&line.title, TINY),
                    text(line.owner_text(), owner_style),
                    text(&line.due_text(), TINY),
                    text(&line.note, TINY_GREY),
                ],
            )
        })
        .collect();
    Table::new(
        &[0.26, 0.24, 0.14, 0.11, 0.25],
        &["Question", "Title", "Owner", "Due", "Note"],
    )
    .dense(2.0)
    .draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn decisions(canvas: &mut Canvas<'_>, minutes: &Minutes) {
    blocks::subheading(canvas, "Decisions", 30.0);
    if minutes.decisions.is_empty() {
        blocks::paragraph(canvas, "None recorded.", SMALL_MUTED);
        return;
    }
    for decision in &minutes.decisions {
        let line = match &decision.question {
            Some(question) => format!("{question}: {}", decision.text),
            None => decision.text.clone(),
        };
        blocks::bullet(canvas, &line, BODY);
    }
    canvas.advance(blocks::GAP);
}

fn text(value: &str, style: TextStyle) -> Cell {
    Cell::new(vec![Para::new(value, style)])
}

fn zebra(index: usize, cells: Vec<Cell>) -> Row {
    let mut row = Row::new(cells);
    row.fill = (index % 2 == 1).then_some(theme::ZEBRA);
    row
}
