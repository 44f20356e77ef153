//! A sheet as CSV: the shared spreadsheet-safe writer out (byte order mark, formula-like
//! cells neutralised), the shared export reader back (byte order mark, UTF-16, CRLF,
//! `,` `;` or tab as Excel's locale saves it), columns found by name in any order.

use crate::assessment::sheet::{Cell, ExportRow, Field, ID, Place, ReadRow, ReadSheet, header};
use crate::diagnostics::Problem;
use crate::import::{Table, decode};
use crate::report::csv::{spreadsheet_csv, unguarded};

/// The sheet of `rows` as CSV text.
pub fn render_csv(rows: &[ExportRow]) -> String {
    spreadsheet_csv(&header(), rows.iter().map(ExportRow::cells))
}

/// Reads a filled CSV sheet named `name`.
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<ReadSheet, Vec<Problem>> {
    let text = decode(name, bytes).map_err(|problem| vec![*problem])?;
    let table = Table::new(name, &text, b",;\t").map_err(|problem| vec![*problem])?;
    let [id] = table
        .columns([ID], "a soc2-ready sheet")
        .map_err(|problem| vec![*problem])?;
    let fields: Vec<(Field, usize)> = Field::ALL
        .into_iter()
        .filter_map(|field| table.find(field.key()).map(|index| (field, index)))
        .collect();
    let exported: Vec<(Field, usize)> = Field::ALL
        .into_iter()
        .filter_map(|field| table.find(field.exported_key()).map(|index| (field, index)))
        .collect();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for row in table.rows() {
        let row = match row {
            Ok(row) => row,
            Err(problem) => {
                problems.push(*problem);
                continue;
            }
        };
        let cell = |index: usize| {
            let (line, column) = table.place(&row, index);
            Cell {
                text: unguarded(row.get(index)).trim().to_string(),
                place: Place::Text { line, column },
            }
        };
        let read = ReadRow {
            id: cell(id),
            fields: fields
                .iter()
                .map(|&(field, index)| (field, cell(index)))
                .collect(),
            exported: exported
                .iter()
                .map(|&(field, index)| (field, unguarded(row.get(index)).to_string()))
                .collect(),
        };
        if !is_blank(&read) {
            rows.push(read);
        }
    }
    if problems.is_empty() {
        Ok(ReadSheet {
            file: name.to_string(),
            rows,
        })
    } else {
        Err(problems)
    }
}

/// Whether a row holds nothing at all (spreadsheets save empty formatted rows).
pub(super) fn is_blank(row: &ReadRow) -> bool {
    row.id.text.is_empty()
        && row.fields.values().all(|cell| cell.text.is_empty())
        && row.exported.values().all(String::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_and_cells_keep_their_place() {
        let text = "\u{feff}answer;ID;note;exported_answer\r\n3;CC6.1.mfa;'=1+1;planned\r\n;;;\r\n";
        let sheet = read_csv("a.csv", text.as_bytes()).unwrap();
        assert_eq!(sheet.rows.len(), 1, "the blank row is dropped");
        let row = &sheet.rows[0];
        assert_eq!(row.id.text, "CC6.1.mfa");
        assert_eq!(row.id.place, Place::Text { line: 2, column: 3 });
        assert_eq!(row.fields[&Field::Answer].text, "3");
        assert_eq!(row.fields[&Field::Note].text, "=1+1", "the guard comes off");
        assert_eq!(row.exported[&Field::Answer], "planned");
        assert!(!row.fields.contains_key(&Field::Due));
    }

    #[test]
    fn excel_unicode_text_reads_too() {
        let text = "id\tanswer\r\nCC6.1.mfa\tÉvidence\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let sheet = read_csv("a.txt", &bytes).unwrap();
        assert_eq!(sheet.rows[0].fields[&Field::Answer].text, "Évidence");
        assert_eq!(
            sheet.rows[0].fields[&Field::Answer].place,
            Place::Text {
                line: 2,
                column: 11
            }
        );
    }

    #[test]
    fn a_file_without_an_id_column_is_not_a_sheet() {
        let problems = read_csv("a.csv", b"name,answer\nx,3\n").unwrap_err();
        assert!(
            problems[0].to_string().contains("missing column id"),
            "{problems:?}"
        );
    }
}
