//! Words shared by every renderer of the two "certification" sections — the ISO 27001
//! head start and what you tell customers — so the PDF and Markdown say the same thing.

use crate::claims_scan::ClaimsScan;
use crate::scoring::{COVERING_LEVEL, Coverage, HeadStart};

/// Heading of the ISO 27001 head start section.
pub const HEAD_START_TITLE: &str = "ISO 27001 head start";

/// Heading of the claims section.
pub const CLAIMS_TITLE: &str = "What you tell customers";

/// The paragraph that opens the ISO 27001 head start.
pub fn head_start_intro() -> String {
    format!(
        "SOC 2 ends in an attestation report, not a certificate. A customer who asks for a \
         certificate usually means ISO/IEC 27001, which an accredited certification body grants \
         after its own audit of an information security management system. Each compliance \
         question here is mapped to the ISO/IEC 27001:2022 Annex A controls and clauses it \
         corresponds to; a control counts as covered when every in-scope question mapped to it \
         is at least {}, partly covered when some are (unanswered questions count as not in \
         place). This is a planning aid for that \
         decision, not an ISO audit: ISO 27001 also needs a statement of applicability, \
         internal audits and management reviews that SOC 2 does not ask for.",
        COVERING_LEVEL.label().to_lowercase()
    )
}

/// The controls and clauses still to do, as `(coverage label, "A.5.7 Threat intelligence")`
/// pairs: partly covered first, then not covered, then those the SOC 2 work does not reach.
pub fn open_controls(head: &HeadStart) -> Vec<(&'static str, String)> {
    let mut open: Vec<_> = head
        .controls
        .iter()
        .filter(|control| control.coverage != Coverage::Covered)
        .collect();
    open.sort_by_key(|control| control.coverage);
    open.into_iter()
        .map(|control| {
            (
                control.coverage.label(),
                format!("{} {}", control.id, control.title),
            )
        })
        .collect()
}

/// The paragraph that opens the claims section.
pub fn claims_intro(scan: &ClaimsScan) -> String {
    let count = scan.finding_count();
    let files = scan.files.len();
    let found = match count {
        0 => "found no statement that misdescribes SOC 2".to_string(),
        1 => "found 1 statement that misdescribes SOC 2".to_string(),
        n => format!("found {n} statements that misdescribe SOC 2"),
    };
    let mut text = format!(
        "The claims checker read {files} customer-facing {} (website copy, decks, RFP \
         answers) and {found}. Each is listed with where it is, why it is inaccurate and \
         accurate wording to use instead.",
        if files == 1 { "file" } else { "files" }
    );
    if !scan.unreadable.is_empty() {
        text.push_str(&format!(
            " {} could not be read and were not checked.",
            scan.unreadable.len()
        ));
    }
    text
}
