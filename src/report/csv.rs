//! The CSV renderer: the prioritised gap list, one row per gap, for spreadsheets and issue
//! trackers. Multi-line fields (steps, evidence, notes) are quoted, one item per line.

use super::model::{ReportModel, due_text};

/// The header row.
pub const HEADER: [&str; 16] = [
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
            .map(|item| format!("- {item}"))
            .collect();
        writer
            .write_record([
                gap.rank.to_string().as_str(),
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
                &due_text(gap.due),
                &numbered.join("\n"),
                &bulleted.join("\n"),
                &gap.note,
            ])
            .expect(write_failed);
    }
    let bytes = writer.into_inner().expect(write_failed);
    String::from_utf8(bytes).expect("every field is UTF-8")
}
