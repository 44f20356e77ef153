//! The CSV renderer: one row per gap in rank order, then one row per open (unanswered)
//! question, for spreadsheets and issue trackers.
//!
//! - The file starts with a UTF-8 byte order mark, so Excel shows accents and other scripts.
//! - The first columns use the names Jira's CSV import matches on its own (`Summary`,
//!   `Description`, `Priority`, `Status`, `Labels`, `Due Date`); Linear imports the same
//!   columns through its Jira CSV path, and GitLab takes the first two as title and
//!   description.
//! - Multi-line fields (steps, evidence, notes) are quoted, one item per line.
//! - A cell a spreadsheet would run as a formula gets a leading apostrophe; other cells are
//!   written as they are, so ordinary text never shows a stray apostrophe.
//! - Control characters in a cell are made visible ([`visible_text`]).

use std::borrow::Cow;

use super::model::{GapItem, QuestionRef, ReportModel, due_text};
use crate::questionnaire::Target;
use crate::scoring::Severity;
use crate::text_safety::visible_text;

/// The byte order mark at the start of the file.
pub const BOM: &str = "\u{feff}";

/// The header row.
pub const HEADER: [&str; 21] = [
    "Summary",
    "Description",
    "Priority",
    "Status",
    "Labels",
    "Owner",
    "Due Date",
    "Rank",
    "Severity",
    "Size",
    "Phase",
    "Criterion",
    "Criterion title",
    "Question ID",
    "Stage",
    "Key control",
    "Current",
    "Needed",
    "Remediation",
    "Evidence",
    "ISO 27001",
];

/// Renders the gaps and the open questions as CSV with a header row.
pub fn render(model: &ReportModel) -> String {
    let rows = model
        .gaps
        .iter()
        .map(|gap| gap_row(gap, model.target))
        .chain(model.unanswered.iter().map(open_row));
    spreadsheet_csv(&HEADER, rows)
}

/// A CSV file a spreadsheet opens safely: a byte order mark, the `header` row, then every
/// row with control characters made visible and formula-like cells neutralised
/// ([`spreadsheet_safe`]).
pub(crate) fn spreadsheet_csv<Row, Cell>(
    header: &[&str],
    rows: impl IntoIterator<Item = Row>,
) -> String
where
    Row: IntoIterator<Item = Cell>,
    Cell: AsRef<str>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    let write_failed = "writing CSV to memory cannot fail";
    writer.write_record(header).expect(write_failed);
    for cells in rows {
        let cells = cells
            .into_iter()
            .map(|cell| spreadsheet_safe(&visible_text(cell.as_ref())).into_owned());
        writer.write_record(cells).expect(write_failed);
    }
    let bytes = writer.into_inner().expect(write_failed);
    let text = String::from_utf8(bytes).expect("every field is UTF-8");
    format!("{BOM}{text}")
}

/// The tracker priority of a severity (Jira's default names).
pub(super) fn priority(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "Highest",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    }
}

/// Space-separated labels: `soc2`, the criterion and, for key controls, `key-control`.
fn labels(question: &QuestionRef) -> String {
    let mut labels = format!("soc2 {}", question.criterion);
    if question.key {
        labels.push_str(" key-control");
    }
    labels
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

fn gap_row(gap: &GapItem, target: Target) -> Vec<String> {
    let steps = gap.numbered_steps();
    let evidence: Vec<String> = gap
        .evidence
        .iter()
        .map(|item| format!("- {item}"))
        .collect();
    let mut description = format!(
        "Current: {}; needed: {}.\n\nRemediation steps:\n{}\n\nEvidence to collect:\n{}",
        gap.current,
        gap.needed,
        steps.join("\n"),
        evidence.join("\n")
    );
    if !gap.note.trim().is_empty() {
        description.push_str(&format!("\n\nNote: {}", gap.note.trim()));
    }
    vec![
        format!("[{}] {}", gap.question.criterion, gap.question.title),
        description,
        priority(gap.severity).to_string(),
        "gap".to_string(),
        labels(&gap.question),
        gap.owner.clone(),
        due_text(gap.due),
        gap.rank.to_string(),
        gap.severity.label().to_string(),
        gap.size.label().to_string(),
        gap.phase.label(target).to_string(),
        gap.question.criterion.clone(),
        gap.criterion_title.clone(),
        gap.question.id.clone(),
        gap.stage.key().to_string(),
        yes_no(gap.question.key),
        gap.current.clone(),
        gap.needed.clone(),
        steps.join("\n"),
        evidence.join("\n"),
        gap.iso27001.join(" "),
    ]
}

fn open_row(question: &QuestionRef) -> Vec<String> {
    let key = if question.key {
        " It is a key control: an auditor will not let it pass unless it is in place."
    } else {
        ""
    };
    let description = format!(
        "Not answered yet in the readiness assessment (question {}). Until it is answered it \
         counts as zero and nobody knows whether it is a gap.{key}",
        question.id
    );
    let mut row = vec![String::new(); HEADER.len()];
    row[0] = format!("[{}] Answer: {}", question.criterion, question.title);
    row[1] = description;
    row[2] = if question.key { "High" } else { "Medium" }.to_string();
    row[3] = "open".to_string();
    row[4] = labels(question);
    row[11].clone_from(&question.criterion);
    row[13].clone_from(&question.id);
    row[15] = yes_no(question.key);
    row[16] = "Unanswered".to_string();
    row
}

/// The cell, with a leading apostrophe when a spreadsheet could run it as a formula: it
/// starts with `=`, a tab or a carriage return, or it starts with `+`, `-` or `@` and is
/// neither a plain number ("-2", "+1.5") nor a sign followed by a space ("- see the wiki",
/// "@ the office") — unless it holds a function call, a link to another program or another
/// sheet (`(`, `|`, `!`), which is always quoted.
pub(super) fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let dangerous = match cell.chars().next() {
        Some('=' | '\t' | '\r') => true,
        Some(sign @ ('+' | '-' | '@')) => {
            let rest = &cell[sign.len_utf8()..];
            let harmless = rest.is_empty()
                || rest.starts_with(' ')
                || (sign != '@' && rest.parse::<f64>().is_ok_and(f64::is_finite));
            !harmless || cell.contains(['(', '|', '!'])
        }
        _ => false,
    };
    if dangerous {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`spreadsheet_safe`]: the apostrophe it adds is taken off
/// again (a leading apostrophe on text that needs none is the user's own and stays).
pub(crate) fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if spreadsheet_safe(rest) != rest => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(
            spreadsheet_safe("- HYPERLINK(\"x\")"),
            "'- HYPERLINK(\"x\")"
        );
        assert_eq!(
            spreadsheet_safe("-2+3+cmd|' /C calc'!A0"),
            "'-2+3+cmd|' /C calc'!A0"
        );
        assert_eq!(spreadsheet_safe("+Sheet2!A1"), "'+Sheet2!A1");
        assert_eq!(spreadsheet_safe("\tx"), "'\tx");
        assert_eq!(spreadsheet_safe("=1"), "'=1");
        assert_eq!(spreadsheet_safe("-1+1"), "'-1+1");
        assert_eq!(spreadsheet_safe("@A1"), "'@A1");
        assert_eq!(spreadsheet_safe("+cmd"), "'+cmd");
        assert_eq!(spreadsheet_safe("-inf"), "'-inf");
    }

    #[test]
    fn the_apostrophe_comes_off_again_only_where_it_was_added() {
        for cell in [
            "=SUM(A1)",
            "+cmd|x",
            "@risk",
            "'quoted'",
            "- see the wiki",
            "plain",
        ] {
            assert_eq!(unguarded(&spreadsheet_safe(cell)), cell);
        }
        assert_eq!(unguarded("'plain"), "'plain");
    }

    #[test]
    fn harmless_cells_keep_no_apostrophe() {
        for cell in [
            "CTO",
            "• Evidence",
            "- a list item",
            "- see the wiki",
            "-",
            "@ the office",
            "-2",
            "+1.5",
            "plain",
            "",
        ] {
            assert!(
                matches!(spreadsheet_safe(cell), Cow::Borrowed(kept) if kept == cell),
                "{cell:?}"
            );
        }
    }
}
