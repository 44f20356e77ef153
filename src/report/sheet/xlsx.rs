//! A sheet as an XLSX workbook: a Questions sheet with the header frozen, text wrapped, a
//! drop-down of the answers each question takes (levels or yes/no, with na and unsure), a
//! date check on `due`, and sheet protection that locks the id and the question text but
//! leaves the columns to fill editable; the values at export sit in hidden columns. An
//! About sheet says where the sheet came from and how to bring it back.

use jiff::civil::Date;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use super::QUESTIONS_SHEET;
use crate::assessment::sheet::{ExportRow, Field, header, rows::column};
use crate::report::xlsx::grid::{Grid, Styles, excel_date};

/// The background of the cells to fill.
const INPUT_FILL: &str = "FFF2CC";
/// Widths (in characters) of the columns whose text wraps.
const WIDTHS: [(&str, f64); 9] = [
    ("control", 24.0),
    ("question", 48.0),
    ("why_it_matters", 40.0),
    ("auditor_asks_for", 40.0),
    ("answer", 16.0),
    ("na_reason", 28.0),
    ("note", 40.0),
    ("owner", 18.0),
    ("due", 12.0),
];

/// What the About sheet says about the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    /// The organisation assessed.
    pub organization: String,
    /// The assessment file the sheet came from.
    pub assessment: String,
    /// When the sheet was exported (shown as written).
    pub exported: String,
    /// The day of the export (the workbook's creation date).
    pub date: Date,
    /// Which questions the sheet holds, in words.
    pub selection: String,
}

/// The sheet of `rows` as an XLSX workbook.
pub fn render_xlsx(rows: &[ExportRow], about: &About) -> Vec<u8> {
    build(rows, about).expect("the sheet holds only cells within Excel's limits")
}

fn build(rows: &[ExportRow], about: &About) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!("SOC 2 readiness questions: {}", about.organization))
        .set_company(&about.organization);
    workbook.set_properties(&match excel_date(about.date) {
        Some(created) => properties.set_creation_datetime(&created),
        None => properties,
    });
    let styles = Styles::default();
    questions(
        workbook.add_worksheet().set_name(QUESTIONS_SHEET)?,
        &styles,
        rows,
    )?;
    about_sheet(
        workbook.add_worksheet().set_name("About")?,
        &styles,
        about,
        rows.len(),
    )?;
    workbook.save_to_buffer()
}

/// The Questions sheet.
fn questions(sheet: &mut Worksheet, styles: &Styles, rows: &[ExportRow]) -> Result<(), XlsxError> {
    let names = header();
    let input_text = styles
        .text
        .clone()
        .set_unlocked()
        .set_background_color(INPUT_FILL);
    let input_date = styles
        .date
        .clone()
        .set_unlocked()
        .set_background_color(INPUT_FILL);
    for field in Field::ALL {
        let format = if field == Field::Due {
            &input_date
        } else {
            &input_text
        };
        sheet.set_column_format(col(field.key()), format)?;
    }
    let mut grid = Grid::new(sheet, styles);
    grid.header(0, &names)?;
    for (row, export) in (1u32..).zip(rows) {
        let cells = export.cells();
        for (index, text) in cells.iter().enumerate() {
            let at = u16::try_from(index).expect("a sheet has few columns");
            let name = names[index];
            if name == Field::Due.key() {
                grid.date_as(row, at, export.record.due, &input_date)?;
            } else if Field::ALL.iter().any(|field| field.key() == name) {
                grid.text_as(row, at, text, &input_text)?;
            } else {
                grid.text(row, at, text)?;
            }
        }
    }
    let last = u32::try_from(rows.len()).expect("a sheet has fewer rows than Excel's limit");
    let columns = u16::try_from(names.len()).expect("a sheet has few columns");
    grid.finish_table(columns, last)?;
    for (name, width) in WIDTHS {
        grid.sheet().set_column_width(col(name), width)?;
    }
    let sheet = grid.sheet();
    for field in Field::ALL {
        sheet.set_column_hidden(col(field.exported_key()))?;
    }
    validate(sheet, rows)?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

/// The drop-downs of the answer column (one per run of questions answered alike) and the
/// date check of the due column.
fn validate(sheet: &mut Worksheet, rows: &[ExportRow]) -> Result<(), XlsxError> {
    let answer = col(Field::Answer.key());
    let mut first = 0;
    while first < rows.len() {
        let choices = rows[first].choices();
        let run = rows[first..]
            .iter()
            .take_while(|row| row.choices() == choices)
            .count();
        let list = DataValidation::new()
            .allow_list_strings(&choices)?
            .set_input_title("Answer")?
            .set_input_message(format!("One of: {}", choices.join(", ")))?
            .set_error_title("Not an answer")?
            .set_error_message(format!(
                "This question takes one of: {}. An na answer needs a reason in na_reason.",
                choices.join(", ")
            ))?;
        let top = row_number(first + 1);
        sheet.add_data_validation(top, answer, row_number(first + run), answer, &list)?;
        first += run;
    }
    if !rows.is_empty() {
        let day_one = ExcelDateTime::from_ymd(1900, 1, 1)?;
        let due = DataValidation::new()
            .allow_date(DataValidationRule::GreaterThan(day_one))
            .set_error_title("Not a date")?
            .set_error_message("Type the due date as YYYY-MM-DD, e.g. 2027-01-31.")?;
        let column = col(Field::Due.key());
        sheet.add_data_validation(1, column, row_number(rows.len()), column, &due)?;
    }
    Ok(())
}

/// The About sheet: where the sheet came from and how to bring it back.
fn about_sheet(
    sheet: &mut Worksheet,
    styles: &Styles,
    about: &About,
    questions: usize,
) -> Result<(), XlsxError> {
    let mut grid = Grid::new(sheet, styles);
    grid.title(0, 0, "SOC 2 readiness questions to fill")?;
    let lines = [
        ("Organisation", about.organization.clone()),
        ("Assessment", about.assessment.clone()),
        ("Exported", about.exported.clone()),
        ("Questions", format!("{questions} ({})", about.selection)),
        (
            "How to fill",
            "Fill the yellow columns of the Questions sheet: answer (pick from the list), \
             na_reason (required with na), note, owner, due (YYYY-MM-DD). Leave the id and \
             the hidden exported_ columns as they are."
                .to_string(),
        ),
        (
            "How to bring it back",
            format!(
                "soc2-ready sheet import {} THIS-FILE.xlsx (add --dry-run to see the changes first)",
                about.assessment
            ),
        ),
    ];
    for (row, (name, value)) in (2u32..).zip(lines) {
        grid.text(row, 0, name)?;
        grid.text(row, 1, &value)?;
    }
    grid.set_widths()?;
    grid.sheet().set_column_width(1, 90.0)?;
    Ok(())
}

/// The index of column `name`.
fn col(name: &str) -> u16 {
    u16::try_from(column(name)).expect("a sheet has few columns")
}

/// A row index as a worksheet row number.
fn row_number(index: usize) -> u32 {
    u32::try_from(index).expect("a sheet has fewer rows than Excel's limit")
}
