//! A filled workbook read back with calamine: the Questions sheet (or the first one), its
//! header row found wherever the used range starts, columns found by name, every cell as
//! text with its name (`H5`) for messages. Numbers a spreadsheet made of typed answers
//! ("3") read as whole numbers, and real dates as `YYYY-MM-DD`.

use std::io::Cursor;

use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};

use super::QUESTIONS_SHEET;
use super::csv::is_blank;
use crate::assessment::sheet::{Cell, Field, ID, Place, ReadRow, ReadSheet};
use crate::diagnostics::Problem;

/// Reads a filled workbook named `name`.
pub fn read_xlsx(name: &str, bytes: &[u8]) -> Result<ReadSheet, Vec<Problem>> {
    let whole = |message: String| {
        vec![Problem {
            file: name.to_string(),
            line: None,
            column: None,
            item: None,
            field: None,
            message,
        }]
    };
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|error| whole(format!("not a readable workbook: {error}")))?;
    let names = workbook.sheet_names();
    let Some(sheet) = names
        .iter()
        .find(|sheet| sheet.eq_ignore_ascii_case(QUESTIONS_SHEET))
        .or(names.first())
        .cloned()
    else {
        return Err(whole("the workbook has no sheets".into()));
    };
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|error| whole(format!("cannot read sheet {sheet}: {error}")))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let header: Vec<String> = range
        .rows()
        .next()
        .map(|cells| {
            cells
                .iter()
                .map(|cell| text(cell).trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    let find = |wanted: &str| {
        header
            .iter()
            .position(|column| column.eq_ignore_ascii_case(wanted))
    };
    let Some(id) = find(ID) else {
        return Err(whole(format!(
            "sheet {sheet} has no id column in its first row: this does not look like a soc2-ready sheet"
        )));
    };
    let fields: Vec<(Field, usize)> = Field::ALL
        .into_iter()
        .filter_map(|field| find(field.key()).map(|index| (field, index)))
        .collect();
    let exported: Vec<(Field, usize)> = Field::ALL
        .into_iter()
        .filter_map(|field| find(field.exported_key()).map(|index| (field, index)))
        .collect();
    let rows = (1..range.height())
        .map(|row| {
            let cell = |index: usize| Cell {
                text: cell_text(&range, row, index).trim().to_string(),
                place: Place::Cell(cell_name(top as usize + row, left as usize + index)),
            };
            ReadRow {
                id: cell(id),
                fields: fields
                    .iter()
                    .map(|&(field, index)| (field, cell(index)))
                    .collect(),
                exported: exported
                    .iter()
                    .map(|&(field, index)| (field, cell_text(&range, row, index)))
                    .collect(),
            }
        })
        .filter(|row| !is_blank(row))
        .collect();
    Ok(ReadSheet {
        file: name.to_string(),
        rows,
    })
}

/// The text of the cell at `row`, `col` of the range ("" past its end).
fn cell_text(range: &Range<Data>, row: usize, col: usize) -> String {
    range.get((row, col)).map(text).unwrap_or_default()
}

/// A cell as text: whole numbers without `.0`, dates as `YYYY-MM-DD`.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DurationIso(text) => text.clone(),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{number:.0}")
        }
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(stamp) if stamp.is_datetime() => {
            let (year, month, day, ..) = stamp.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(stamp) => stamp.as_f64().to_string(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// The A1 name of the 0-based `row` and `col`.
fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = col + 1;
    while rest > 0 {
        let digit = u8::try_from((rest - 1) % 26).expect("below 26");
        letters.push(char::from(b'A' + digit));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(4, 7), "H5");
        assert_eq!(cell_name(9, 26), "AA10");
        assert_eq!(text(&Data::Float(3.0)), "3");
        assert_eq!(text(&Data::Float(2.5)), "2.5");
    }
}
