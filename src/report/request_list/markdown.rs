//! `request-list.md`: the request list to read, one section per control with what is
//! asked, what is provided and where each file is in the package.

use std::fmt::Write;

use super::{RequestList, RequestRow, entry_text};
use crate::report::markdown::{cell, md, table};
use crate::text_safety::visible_text;

/// The request list as Markdown.
pub fn render(list: &RequestList) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Evidence request list: {}\n",
        cell(&list.organization)
    );
    let prepared_by = if list.assessor.trim().is_empty() {
        String::new()
    } else {
        format!(" by {}", cell(&list.assessor))
    };
    let _ = writeln!(
        out,
        "SOC 2 {} · observation window {} to {} · prepared {}{prepared_by}\n",
        list.target.label(),
        list.window.from,
        list.window.to,
        list.today,
    );
    let _ = writeln!(out, "{}\n", list.counts.sentence());
    table(
        &mut out,
        &["Criterion", "Question", "Control", "Status", "Coverage"],
        list.rows.iter().map(|row| {
            vec![
                cell(&row.criterion),
                format!("`{}`", row.question),
                format!(
                    "{}{}",
                    cell(&row.title),
                    if row.tested { "" } else { " (supporting)" }
                ),
                row.status.label().to_string(),
                cell(&row.coverage),
            ]
        }),
    );
    for row in &list.rows {
        section(&mut out, row);
    }
    visible_text(&out).into_owned()
}

fn section(out: &mut String, row: &RequestRow) {
    let _ = writeln!(
        out,
        "## {} · {} (`{}`)\n",
        cell(&row.criterion),
        cell(&row.title),
        row.question
    );
    let _ = writeln!(
        out,
        "**Status:** {} — {}\n",
        row.status.label(),
        cell(&row.coverage)
    );
    if !row.asks_for.is_empty() {
        let _ = writeln!(out, "An auditor asks for:\n");
        for item in &row.asks_for {
            let _ = writeln!(out, "- {}", md(item));
        }
        out.push('\n');
    }
    if !row.findings.is_empty() {
        let _ = writeln!(out, "The latest imports found:\n");
        for finding in &row.findings {
            let _ = writeln!(out, "- {}", cell(finding));
        }
        out.push('\n');
    }
    if row.entries.is_empty() {
        let _ = writeln!(out, "Provided: nothing yet.\n");
        return;
    }
    let _ = writeln!(out, "Provided:\n");
    for entry in &row.entries {
        let _ = writeln!(out, "- {}", cell(&entry_text(entry)));
        for file in &entry.files {
            let _ = writeln!(out, "  - {} (SHA-256 {})", md(&file.member), file.sha256);
        }
    }
    out.push('\n');
}
