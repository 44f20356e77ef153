//! `request-list.csv`: one row per control, for the auditor's tracking sheet. The same
//! spreadsheet safety as the gap CSV: a byte order mark for Excel, formula-like cells
//! neutralised, control characters made visible, multi-line cells one item per line.

use super::{RequestList, RequestRow, entry_text};
use crate::report::csv::spreadsheet_csv;

/// The header row.
pub const HEADER: [&str; 10] = [
    "Criterion",
    "Question ID",
    "Control",
    "Tested",
    "Status",
    "Coverage",
    "Auditor asks for",
    "Evidence entries",
    "Latest import findings",
    "Files (package path, SHA-256)",
];

/// The request list as CSV with a header row.
pub fn render(list: &RequestList) -> String {
    spreadsheet_csv(&HEADER, list.rows.iter().map(cells))
}

fn cells(row: &RequestRow) -> [String; 10] {
    let entries: Vec<String> = row.entries.iter().map(entry_text).collect();
    let files: Vec<String> = row
        .entries
        .iter()
        .flat_map(|entry| &entry.files)
        .map(|file| format!("{}  {}", file.member, file.sha256))
        .collect();
    [
        row.criterion.clone(),
        row.question.clone(),
        row.title.clone(),
        if row.tested { "yes" } else { "supporting" }.to_string(),
        row.status.label().to_string(),
        row.coverage.clone(),
        row.asks_for.join("\n"),
        entries.join("\n"),
        row.findings.join("\n"),
        files.join("\n"),
    ]
}
