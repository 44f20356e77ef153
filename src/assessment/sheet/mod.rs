//! Spreadsheets out and back: the questions for one owner or some criteria go out as a
//! sheet to fill (`soc2-ready sheet export`), and the filled sheet comes back as a checked
//! set of changes (`soc2-ready sheet import`). Pure: [`rows`] picks the questions and
//! lays out their cells, [`diff`] turns the cells read back into changes and conflicts or
//! refuses the whole sheet with every bad cell located. Reading and writing the files is
//! done by `report::sheet`.
//!
//! Each row carries, in `exported_*` columns, what the record held when the sheet was
//! written, so an answer changed in the assessment since then is a conflict, not silently
//! overwritten (a three-way comparison per field, as `soc2-ready merge` does).

pub mod diff;
pub mod rows;

pub use diff::{Change, Conflict, Plan, plan};
pub use rows::{ExportRow, Filter, export_rows, unknown_criteria};

use std::collections::BTreeMap;

use super::AnswerRecord;
use super::conflicts::record_field;
use crate::diagnostics::Problem;

/// The column holding the question id.
pub const ID: &str = "id";

/// The columns that say what the question is: shown for context, ignored on import.
pub const CONTEXT: [&str; 5] = [
    "criterion",
    "control",
    "question",
    "why_it_matters",
    "auditor_asks_for",
];

/// A field of an answer record that a sheet fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The answer (a level, yes/no, na or unsure).
    Answer,
    /// Why the question does not apply (required with na).
    NaReason,
    /// Free text.
    Note,
    /// Who closes the gap.
    Owner,
    /// When the gap is due (YYYY-MM-DD).
    Due,
}

impl Field {
    /// Every field, in column order.
    pub const ALL: [Field; 5] = [
        Field::Answer,
        Field::NaReason,
        Field::Note,
        Field::Owner,
        Field::Due,
    ];

    /// The column name, which is also the field's name in the assessment file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Answer => "answer",
            Field::NaReason => "na_reason",
            Field::Note => "note",
            Field::Owner => "owner",
            Field::Due => "due",
        }
    }

    /// The column holding the field's value when the sheet was exported.
    pub fn exported_key(self) -> &'static str {
        match self {
            Field::Answer => "exported_answer",
            Field::NaReason => "exported_na_reason",
            Field::Note => "exported_note",
            Field::Owner => "exported_owner",
            Field::Due => "exported_due",
        }
    }

    /// The field's value in `record`, as the assessment file writes it ("" for none).
    pub fn text(self, record: &AnswerRecord) -> String {
        record_field(record, self.key())
    }
}

/// Every column of a sheet, in order: the id, the context, the fields to fill, then the
/// values at export.
pub fn header() -> Vec<&'static str> {
    std::iter::once(ID)
        .chain(CONTEXT)
        .chain(Field::ALL.map(Field::key))
        .chain(Field::ALL.map(Field::exported_key))
        .collect()
}

/// Where a cell read back is, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A line and column of a text file (CSV), both from 1.
    Text {
        /// The line.
        line: usize,
        /// The column, in characters.
        column: usize,
    },
    /// A workbook cell, e.g. `H5`.
    Cell(String),
}

/// One cell read back: its text and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, trimmed.
    pub text: String,
    /// Where it is.
    pub place: Place,
}

/// One data row read back from a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadRow {
    /// The question id cell.
    pub id: Cell,
    /// The cells to fill, by field; a field whose column the sheet lacks is left out (and
    /// left as it is in the assessment).
    pub fields: BTreeMap<Field, Cell>,
    /// The values at export, by field; left out when the sheet has no such column.
    pub exported: BTreeMap<Field, String>,
}

/// A sheet read back: its name for messages and its data rows (blank rows dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSheet {
    /// The file name as shown to the user.
    pub file: String,
    /// The data rows, in sheet order.
    pub rows: Vec<ReadRow>,
}

impl ReadSheet {
    /// A problem located at `place` of this sheet, about `field` of question `id`.
    pub fn problem(&self, place: &Place, id: &str, field: &str, message: String) -> Problem {
        let (file, line, column) = match place {
            Place::Text { line, column } => (self.file.clone(), Some(*line), Some(*column)),
            Place::Cell(cell) => (format!("{}, cell {cell}", self.file), None, None),
        };
        Problem {
            file,
            line,
            column,
            item: (!id.is_empty()).then(|| id.to_string()),
            field: Some(field.to_string()),
            message,
        }
    }
}
