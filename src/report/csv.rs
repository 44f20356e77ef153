//! The CSV renderer: the prioritised gap list, one row per gap, for spreadsheets and issue
//! trackers. Multi-line fields (steps, evidence, notes) are quoted, one item per line.
//! Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
//! return first) get a leading apostrophe, so a typed note can never execute; control
//! characters in a cell are made visible ([`visible_text`]).

use std::borrow::Cow;

use super::model::{ReportModel, due_text};
use crate::text_safety::visible_text;

/// The header row.
pub const HEADER: [&str; 17] = [
    "rank",
    "severity",
    "phase",
    "criterion",
    "criterion_title",
    "question_id",
    "question",
    "stage",
    "key_control",
    "current",
    "needed",
    "owner",
    "due",
    "remediation",
    "evidence",
    "note",
    "iso27001",
];

/// Renders the gap list as CSV with a header row.
pub fn render(model: &ReportModel) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let write_failed = "writing CSV to memory cannot fail";
    writer.write_record(HEADER).expect(write_failed);
    for gap in &model.gaps {
        let numbered: Vec<String> = gap
            .remediation
            .iter()
            .enumerate()
            .map(|(index, step)| format!("{}. {step}", index + 1))
            .collect();
        let bulleted: Vec<String> = gap
            .evidence
            .iter()
            .map(|item| format!("• {item}"))
            .collect();
        let rank = gap.rank.to_string();
        let due = due_text(gap.due);
        let remediation = numbered.join("\n");
        let evidence = bulleted.join("\n");
        let iso27001 = gap.iso27001.join(" ");
        let cells = [
            rank.as_str(),
            gap.severity.label(),
            gap.phase.label(),
            &gap.question.criterion,
            &gap.criterion_title,
            &gap.question.id,
            &gap.question.title,
            gap.stage.key(),
            if gap.question.key { "yes" } else { "no" },
            &gap.current,
            &gap.needed,
            &gap.owner,
            &due,
            &remediation,
            &evidence,
            &gap.note,
            &iso27001,
        ];
        writer
            .write_record(
                cells
                    .iter()
                    .map(|cell| spreadsheet_safe(&visible_text(cell)).into_owned()),
            )
            .expect(write_failed);
    }
    let bytes = writer.into_inner().expect(write_failed);
    String::from_utf8(bytes).expect("every field is UTF-8")
}

/// The cell, with a leading apostrophe when a spreadsheet would read it as a formula.
fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised_and_others_kept() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+1"), "'+1");
        assert_eq!(spreadsheet_safe("-2"), "'-2");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("CTO"), "CTO");
        assert_eq!(spreadsheet_safe("• Evidence"), "• Evidence");
        assert!(matches!(spreadsheet_safe("plain"), Cow::Borrowed(_)));
    }
}
