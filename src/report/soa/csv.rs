//! The SoA as CSV: a byte order mark, the header row, one row per Annex A control; cells a
//! spreadsheet could run as a formula get a leading apostrophe, as in the gap CSV.

use super::{COLUMNS, SoaRow, rows};
use crate::report::csv::spreadsheet_csv;
use crate::report::model::ReportModel;

/// The cells of one row, in [`COLUMNS`] order.
pub(super) fn cells(row: &SoaRow) -> [String; 7] {
    [
        row.id.to_string(),
        row.theme.to_string(),
        row.title.to_string(),
        row.applicable.to_string(),
        row.justification.clone(),
        row.implemented.to_string(),
        row.questions.join(" "),
    ]
}

/// Renders the SoA of `model` as CSV.
pub fn render(model: &ReportModel) -> String {
    spreadsheet_csv(&COLUMNS, rows(model).iter().map(cells))
}
