//! Sections 6 and 7: the ISO 27001 head start (a table by Annex A theme, then the controls
//! and clauses still to do) and, when the claims checker ran, what the company tells
//! customers that misdescribes SOC 2.

use super::blocks::{self, SMALL, SMALL_BOLD, SMALL_MUTED, TINY};
use super::canvas::Canvas;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::questionnaire::IsoTheme;
use crate::report::certification_text::{
    CLAIMS_TITLE, HEAD_START_TITLE, claims_intro, head_start_intro, open_controls,
};
use crate::report::model::ReportModel;

fn cell(text: impl Into<String>, style: super::canvas::TextStyle) -> Cell {
    Cell::new(vec![Para::new(text, style)])
}

/// Draws the ISO 27001 head start section from the cursor.
pub fn draw_head_start(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let head = &model.iso27001_head_start;
    blocks::section(canvas, HEAD_START_TITLE, 120.0);
    blocks::paragraph(canvas, &head_start_intro(), TINY);
    let table = Table::new(
        &[0.34, 0.12, 0.12, 0.12, 0.18, 0.12],
        &[
            "Theme",
            "Covered",
            "Partly",
            "Not yet",
            "Outside SOC 2",
            "Of",
        ],
    )
    .dense(1.8);
    let rows: Vec<Row> = IsoTheme::ALL
        .iter()
        .map(|&theme_name| {
            let counts = head.theme(theme_name);
            Row::new(vec![
                cell(theme_name.label(), SMALL_BOLD),
                cell(counts.covered.to_string(), SMALL),
                cell(counts.partly.to_string(), SMALL),
                cell(counts.not_covered.to_string(), SMALL),
                cell(counts.not_addressed.to_string(), SMALL),
                cell(counts.total().to_string(), SMALL_MUTED),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP);
    // One compact paragraph of ids per status, so the list stays short beside a long gap
    // register.
    let open = open_controls(head);
    let mut start = 0;
    while start < open.len() {
        let label = open[start].0;
        let end = open[start..]
            .iter()
            .position(|(status, _)| *status != label)
            .map_or(open.len(), |offset| start + offset);
        // Ids only here; the Markdown and JSON carry the titles.
        let controls: Vec<&str> = open[start..end]
            .iter()
            .map(|(_, control)| control.split(' ').next().unwrap_or(control))
            .collect();
        blocks::paragraph(
            canvas,
            &format!("Still to do ({label}): {}", controls.join("  ·  ")),
            TINY,
        );
        start = end;
    }
    canvas.advance(blocks::GAP);
}

/// Draws section 7 from the cursor, when the claims checker ran.
pub fn draw_claims(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let Some(scan) = &model.claims else {
        return;
    };
    blocks::section(canvas, CLAIMS_TITLE, 80.0);
    blocks::paragraph(canvas, &claims_intro(scan), SMALL);
    if scan.finding_count() > 0 {
        let table = Table::new(
            &[0.22, 0.2, 0.33, 0.25],
            &["Where", "As written", "Why it is inaccurate", "Say instead"],
        );
        let rows: Vec<Row> = scan
            .findings()
            .enumerate()
            .map(|(index, (file, finding))| Row {
                fill: (index % 2 == 1).then_some(theme::ZEBRA),
                ..Row::new(vec![
                    cell(
                        format!("{file}:{}:{}", finding.line, finding.column),
                        SMALL_MUTED,
                    ),
                    cell(format!("\u{201c}{}\u{201d}", finding.phrase), SMALL_BOLD),
                    cell(finding.reason, SMALL),
                    cell(finding.suggestion.as_str(), SMALL),
                ])
            })
            .collect();
        table.draw(canvas, &rows);
    }
    for unreadable in &scan.unreadable {
        let text = format!("Not read: {} ({})", unreadable.file, unreadable.reason);
        blocks::bullet(canvas, &text, SMALL_MUTED);
    }
    canvas.advance(blocks::GAP * 2.0);
}
