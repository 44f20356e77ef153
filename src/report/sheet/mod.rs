//! Sheet files for `soc2-ready sheet`: the rows of [`crate::assessment::sheet`] written as
//! CSV or as an XLSX workbook to fill, and a filled file read back into cells with their
//! places. Bytes in, bytes out: the CLI reads and writes the files.

mod csv;
mod xlsx;
mod xlsx_read;

pub use csv::{read_csv, render_csv};
pub use xlsx::{About, render_xlsx};
pub use xlsx_read::read_xlsx;

use crate::assessment::sheet::ReadSheet;
use crate::diagnostics::Problem;

/// The name of the worksheet holding the questions.
pub const QUESTIONS_SHEET: &str = "Questions";

/// Reads a filled sheet: a workbook when the bytes are a ZIP or an OLE file (calamine
/// tells XLSX from XLS and ODS), else CSV.
pub fn read(name: &str, bytes: &[u8]) -> Result<ReadSheet, Vec<Problem>> {
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if zip || ole {
        read_xlsx(name, bytes)
    } else {
        read_csv(name, bytes)
    }
}
