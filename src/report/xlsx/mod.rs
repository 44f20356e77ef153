//! The XLSX renderer: the gap report as a workbook a consultant hands over, laid out from
//! the one [`ReportModel`] with `rust_xlsxwriter`. Sheets: Summary (stages, report types,
//! verdicts, earliest report dates, counts), Gaps (the register in rank order, as `score`
//! and the PDF list it), Answers (every question in scope), Owners, Calendar (the periodic
//! controls) and, when any evidence is logged, Coverage (how it covers the Type 2
//! observation window). The Statement of Applicability workbook reuses the same [`grid`].

pub(super) mod grid;
mod sheets;

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::model::ReportModel;
use grid::Styles;

/// A function that fills one sheet from the report model.
type Fill = fn(&mut Worksheet, &Styles, &ReportModel) -> Result<(), XlsxError>;

/// The sheets every workbook has, in order, each with the function that fills it.
const SHEETS: [(&str, Fill); 5] = [
    ("Summary", sheets::summary),
    ("Gaps", sheets::gaps),
    ("Answers", sheets::answers),
    ("Owners", sheets::owners),
    ("Calendar", sheets::calendar),
];

/// Renders the workbook of `model`.
pub fn render(model: &ReportModel) -> Vec<u8> {
    build(model).expect("the workbook holds only cells within Excel's limits")
}

fn build(model: &ReportModel) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(
        model,
        &format!("SOC 2 readiness workbook: {}", model.organization),
    ));
    let styles = Styles::default();
    for (name, fill) in SHEETS {
        fill(workbook.add_worksheet().set_name(name)?, &styles, model)?;
    }
    if !model.progress.coverage_rows().is_empty() {
        let sheet = workbook.add_worksheet().set_name("Coverage")?;
        sheets::coverage(sheet, &styles, model)?;
    }
    workbook.save_to_buffer()
}

/// The document properties: title, author, and the report date as the creation date, so
/// the same report on the same day gives the same file.
pub(super) fn properties(model: &ReportModel, title: &str) -> DocProperties {
    let properties = DocProperties::new()
        .set_title(grid::cell_text(title))
        .set_author(grid::cell_text(&model.assessor))
        .set_company(grid::cell_text(&model.organization))
        .set_comment("A self-assessment of SOC 2 readiness, not an auditor's opinion.");
    match grid::excel_date(model.generated) {
        Some(created) => properties.set_creation_datetime(&created),
        None => properties,
    }
}
