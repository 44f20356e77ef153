//! "Evidence coverage", inside "Progress over time": for every control with evidence — in
//! or out of the observation window, current or expired — one row with its status and its
//! coverage in words; then one paragraph for the controls without any (periodic ones that
//! missed an occurrence, answers that claim evidence anyway).

use super::blocks::{self, SMALL, SMALL_MUTED, TINY, TINY_BOLD, TINY_MUTED};
use super::canvas::{Canvas, TextStyle};
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::model::ReportModel;
use crate::time::coverage::{Coverage, Status};

/// The colour of a status: red for what an auditor will write up, amber for half-way.
fn status_colour(status: Status) -> theme::Colour {
    match status {
        Status::Missing | Status::Expired => theme::severity(crate::scoring::Severity::Critical),
        Status::OutOfPeriod | Status::Partly => theme::severity(crate::scoring::Severity::Medium),
        Status::Provided => theme::verdict(crate::scoring::Verdict::Ready),
    }
}

/// Draws the coverage table.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let progress = &model.progress;
    let coverage = &progress.coverage;
    blocks::subheading(canvas, "Evidence coverage of the observation window", 40.0);
    blocks::paragraph(
        canvas,
        &format!(
            "For the window {} to {}, each control's evidence is checked occurrence by occurrence (two quarterly reviews in a six-month window, six monthly scans). Evidence outside the window shows the design for Type 1 but is out of period for Type 2; expired evidence counts for neither. Controls: {}.",
            coverage.window.from,
            coverage.window.to,
            coverage.counts.sentence()
        ),
        SMALL,
    );
    let rows: Vec<Row> = progress
        .coverage_rows()
        .into_iter()
        .map(|(control, claim)| row(model, control, claim))
        .collect();
    if rows.is_empty() {
        blocks::paragraph(
            canvas,
            "No evidence is logged yet: `soc2-ready evidence add` keeps the files an auditor will ask for.",
            SMALL_MUTED,
        );
    } else {
        let table = Table::new(&[0.42, 0.14, 0.44], &["Control", "Status", "Coverage"]).dense(2.5);
        table.draw(canvas, &rows);
    }
    if let Some(rest) = progress.coverage_rest() {
        blocks::paragraph(canvas, &rest, TINY_MUTED);
    }
    canvas.advance(blocks::GAP);
}

/// One control's row: its title and id, status, and what the evidence shows.
fn row(model: &ReportModel, control: &Coverage, claim: Option<String>) -> Row {
    let title = model
        .answer_line(&control.question)
        .map_or(control.question.as_str(), |line| line.title.as_str());
    let mut coverage = vec![Para::new(control.describe(), TINY)];
    if let Some(shortfall) = control.type2_shortfall() {
        coverage.push(Para::new(shortfall, TINY));
    }
    if let Some(claim) = claim {
        coverage.push(Para::new(claim, TINY));
    }
    Row::new(vec![
        Cell::new(vec![
            Para::new(title, TINY_BOLD),
            Para::new(control.question.as_str(), blocks::TINY_GREY),
        ]),
        Cell::new(vec![Para::new(
            control.status.label(),
            TextStyle {
                colour: status_colour(control.status),
                ..TINY_BOLD
            },
        )]),
        Cell::new(coverage),
    ])
}
