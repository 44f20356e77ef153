//! The ISO/IEC 27001:2022 Statement of Applicability as its own PDF document: a title
//! block that says what the draft is and is not, the counts of applicable and implemented
//! controls, then one table per Annex A theme with every control (A.5.1–A.8.34). The rows
//! are the SoA's ([`crate::report::soa::rows`]), the same as the CSV and the workbook.

use super::blocks::{self, BODY, SMALL_MUTED, TINY, TINY_BOLD, TINY_GREY};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::model::ReportModel;
use crate::report::soa::{COLUMNS, NOT_ASSESSED, SoaRow, rows};

/// The running title in every page header.
pub const RUNNING_TITLE: &str = "ISO/IEC 27001:2022 Statement of Applicability (draft)";

/// The column widths of a theme's table: control, title, applicable, implemented,
/// justification, linked questions.
const WIDTHS: [f32; 6] = [0.07, 0.21, 0.11, 0.125, 0.265, 0.22];

/// Bold red text for a control that applies and is not implemented.
const TINY_GAP: TextStyle = TextStyle::new(Weight::Bold, theme::TINY, theme::OVERDUE).tight();

/// Draws the whole document from the first page.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let rows = rows(model);
    title_block(canvas, model);
    summary(canvas, &rows);
    let mut themes: Vec<&str> = rows.iter().map(|row| row.theme).collect();
    themes.dedup();
    for theme_label in themes {
        let in_theme: Vec<&SoaRow> = rows.iter().filter(|row| row.theme == theme_label).collect();
        theme_table(canvas, theme_label, &in_theme);
    }
}

fn title_block(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::heading(canvas, RUNNING_TITLE, 80.0);
    let prepared = format!(
        "{}  ·  drafted {} from the SOC 2 {} readiness self-assessment",
        model.organization,
        model.generated,
        model.target.label()
    );
    blocks::paragraph(canvas, &prepared, BODY);
    blocks::paragraph(
        canvas,
        "A starting point for the Statement of Applicability an ISO 27001 certification body \
         asks for, not the statement itself: the organisation decides which Annex A controls \
         apply and why, from its own risk treatment. \"Implemented\" is derived from the linked \
         SOC 2 answers through the crosswalk (a control is implemented when every linked \
         question is at least in place). A control no SOC 2 question reaches is listed as \
         not assessed by the SOC 2 questions, never as implemented. (SOC 2 itself is an \
         attestation, not a certification.)",
        SMALL_MUTED,
    );
}

fn summary(canvas: &mut Canvas<'_>, rows: &[SoaRow]) {
    let count = |test: &dyn Fn(&SoaRow) -> bool| rows.iter().filter(|row| test(row)).count();
    let assessed = count(&|row| row.applicable != NOT_ASSESSED);
    let lines = [
        (
            "Controls",
            format!(
                "{} Annex A controls; {assessed} reached by the SOC 2 questions, {} not assessed by them",
                rows.len(),
                rows.len() - assessed
            ),
        ),
        (
            "Applicable",
            format!(
                "{} yes, {} no (answered N/A in the SOC 2 assessment, with the reason)",
                count(&|row| row.applicable == "Yes"),
                count(&|row| row.applicable == "No")
            ),
        ),
        (
            "Implemented",
            format!(
                "{} yes, {} partly, {} no, {} not answered yet",
                count(&|row| row.implemented == "Yes"),
                count(&|row| row.implemented == "Partly"),
                count(&|row| row.implemented == "No"),
                count(&|row| row.implemented == "Not answered yet")
            ),
        ),
    ];
    let table = Table::new(&[0.2, 0.8], &[]).dense(3.0);
    let rows: Vec<Row> = lines
        .into_iter()
        .map(|(label, value)| {
            Row::new(vec![
                Cell::new(vec![Para::new(label, TINY_BOLD)]),
                Cell::new(vec![Para::new(value, TINY)]),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn theme_table(canvas: &mut Canvas<'_>, theme_label: &str, rows: &[&SoaRow]) {
    blocks::subheading(canvas, theme_label, 60.0);
    // COLUMNS holds the theme too; each table is one theme, so its header leaves it out.
    let header: Vec<&str> = [0, 2, 3, 5, 4, 6].map(|index| COLUMNS[index]).to_vec();
    let table = Table::new(&WIDTHS, &header).dense(2.0);
    let drawn: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let mut drawn = Row::new(vec![
                text(row.id, TINY_BOLD),
                text(row.title, TINY),
                text(row.applicable, muted_if_not_assessed(row.applicable, TINY)),
                text(row.implemented, implemented_style(row)),
                text(&row.justification, TINY_GREY),
                text(&row.questions.join(", "), TINY),
            ]);
            drawn.fill = (index % 2 == 1).then_some(theme::ZEBRA);
            drawn
        })
        .collect();
    table.draw(canvas, &drawn);
    canvas.advance(blocks::GAP);
}

fn text(value: &str, style: TextStyle) -> Cell {
    Cell::new(vec![Para::new(value, style)])
}

fn muted_if_not_assessed(value: &str, style: TextStyle) -> TextStyle {
    if value == NOT_ASSESSED {
        TINY_GREY
    } else {
        style
    }
}

/// Implemented controls in bold, applicable ones not implemented in red, the rest grey.
fn implemented_style(row: &SoaRow) -> TextStyle {
    match row.implemented {
        "Yes" | "Partly" => TINY_BOLD,
        "No" => TINY_GAP,
        _ => TINY_GREY,
    }
}
