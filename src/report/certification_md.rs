//! The Markdown of the two "certification" sections: the ISO 27001 head start by Annex A
//! theme with the controls still open, and — when the claims checker ran — what the company
//! tells customers that misdescribes SOC 2.

use std::fmt::Write;

use super::certification_text::{
    CLAIMS_TITLE, HEAD_START_TITLE, claims_intro, head_start_intro, open_controls,
};
use super::markdown::{cell, md, section, table};
use super::model::ReportModel;
use crate::questionnaire::IsoTheme;

/// Appends both sections (the second only when the claims checker ran).
pub fn render(out: &mut String, model: &ReportModel) {
    head_start(out, model);
    if let Some(scan) = &model.claims {
        section(out, CLAIMS_TITLE, model);
        let _ = writeln!(out, "{}\n", md(&claims_intro(scan)));
        if scan.finding_count() > 0 {
            table(
                out,
                &["Where", "As written", "Why it is inaccurate", "Say instead"],
                scan.findings().map(|(file, finding)| {
                    vec![
                        format!("{}:{}:{}", cell(file), finding.line, finding.column),
                        cell(&finding.phrase),
                        cell(finding.reason),
                        cell(&finding.suggestion),
                    ]
                }),
            );
        }
        for unreadable in &scan.unreadable {
            let _ = writeln!(
                out,
                "- Not read: {} ({})",
                md(&unreadable.file),
                md(&unreadable.reason)
            );
        }
        if !scan.unreadable.is_empty() {
            out.push('\n');
        }
    }
}

fn head_start(out: &mut String, model: &ReportModel) {
    let head = &model.iso27001_head_start;
    section(out, HEAD_START_TITLE, model);
    let _ = writeln!(out, "{}\n", head_start_intro());
    table(
        out,
        &[
            "Theme",
            "Covered",
            "Partly",
            "Not yet",
            "Outside SOC 2 scope",
            "Of",
        ],
        IsoTheme::ALL.iter().map(|&theme| {
            let counts = head.theme(theme);
            vec![
                theme.label().to_string(),
                counts.covered.to_string(),
                counts.partly.to_string(),
                counts.not_covered.to_string(),
                counts.not_addressed.to_string(),
                counts.total().to_string(),
            ]
        }),
    );
    let open = open_controls(head);
    if !open.is_empty() {
        let _ = writeln!(out, "### Still to do for ISO 27001\n");
        table(
            out,
            &["Control or clause", "Status"],
            open.into_iter()
                .map(|(status, control)| vec![cell(&control), status.to_string()]),
        );
    }
}
