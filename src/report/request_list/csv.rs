//! `request-list.csv`: one row per control, for the auditor's tracking sheet. The same
//! spreadsheet safety as the gap CSV: a byte order mark for Excel, formula-like cells
//! neutralised, control characters made visible, multi-line cells one item per line.

use super::{RequestList, RequestRow, entry_text};
use crate::report::csv::{BOM, spreadsheet_safe};
use crate::text_safety::visible_text;

/// The header row.
pub const HEADER: [&str; 9] = [
    "Criterion",
    "Question ID",
    "Control",
    "Tested",
    "Status",
    "Coverage",
    "Auditor asks for",
    "Evidence entries",
    "Files (package path, SHA-256)",
];

/// The request list as CSV with a header row.
pub fn render(list: &RequestList) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let write_failed = "writing CSV to memory cannot fail";
    writer.write_record(HEADER).expect(write_failed);
    for row in &list.rows {
        writer
            .write_record(
                cells(row)
                    .iter()
                    .map(|cell| spreadsheet_safe(&visible_text(cell)).into_owned()),
            )
            .expect(write_failed);
    }
    let bytes = writer.into_inner().expect(write_failed);
    format!(
        "{BOM}{}",
        String::from_utf8(bytes).expect("every field is UTF-8")
    )
}

fn cells(row: &RequestRow) -> [String; 9] {
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
        files.join("\n"),
    ]
}
