//! The SoA as an XLSX workbook: one sheet, the header frozen and filtered, the
//! "Implemented" column coloured, with the organisation and date in the document
//! properties.

use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, Workbook, XlsxError,
};

use super::csv::cells;
use super::{COLUMNS, NOT_ASSESSED, rows};
use crate::report::model::ReportModel;
use crate::report::xlsx::grid::{Grid, Styles};
use crate::report::xlsx::properties;

/// The sheet's name.
pub const SHEET: &str = "Statement of Applicability";

/// Renders the SoA of `model` as a workbook.
pub fn render(model: &ReportModel) -> Vec<u8> {
    build(model).expect("the workbook holds only cells within Excel's limits")
}

fn build(model: &ReportModel) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let title = format!(
        "ISO/IEC 27001:2022 Statement of Applicability (draft): {}",
        model.organization
    );
    workbook.set_properties(&properties(model, &title));
    let styles = Styles::default();
    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    let mut grid = Grid::new(sheet, &styles);
    grid.header(0, &COLUMNS)?;
    let mut last = 0;
    for (row, soa) in (1u32..).zip(rows(model)) {
        for (col, cell) in (0u16..).zip(cells(&soa)) {
            grid.text(row, col, &cell)?;
        }
        last = row;
    }
    for (value, fill) in [
        // The first rule that matches wins, so the "Not …" answers come before "No".
        (NOT_ASSESSED, "EDEDED"),
        ("Not ", "EDEDED"),
        ("Yes", "E2EFDA"),
        ("Partly", "FFF2CC"),
        ("No", "FCE4D6"),
    ] {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(value.to_string()))
            .set_format(Format::new().set_background_color(fill));
        grid.sheet().add_conditional_format(1, 5, last, 5, &rule)?;
    }
    grid.finish_table(COLUMNS.len() as u16, last)?;
    workbook.save_to_buffer()
}
