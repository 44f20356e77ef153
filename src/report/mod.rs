//! The gap report: a [`ReportModel`] built once from the scorecard, rendered as PDF,
//! Markdown, JSON, CSV, an XLSX workbook, tracker tickets, an iCalendar of the controls or
//! an ISO 27001 Statement of Applicability by pure functions, and written to disk
//! atomically by [`export`].
//!
//! The CLI (`soc2-ready report`) and the wizard's Export screen both go through this module:
//!
//! ```no_run
//! # use soc2_ready::{assessment::Assessment, questionnaire::Questionnaire, scoring};
//! # fn demo(questionnaire: &Questionnaire, assessment: &Assessment) {
//! use soc2_ready::report::{self, Format, Paper, ReportModel};
//! let today = soc2_ready::clock::Clock::from_env().unwrap().today(); // SOC2_READY_TODAY aware
//! let policy = scoring::Policy::default();
//! let card = scoring::score(questionnaire, assessment, &policy);
//! let model = ReportModel::build(questionnaire, assessment, &card, &policy, today);
//! let name = report::default_file_name(&assessment.organization, Format::Pdf, today);
//! report::export(&model, Format::Pdf, Paper::A4, std::path::Path::new(&name)).unwrap();
//! # }
//! ```

pub mod auditor_package;
mod build;
mod certification_md;
mod certification_text;
mod csv;
mod due_text;
mod ics;
mod insights;
mod json;
mod markdown;
pub mod minutes;
mod model;
mod pdf;
pub mod prepared;
mod registers;
pub mod request_list;
mod schedule;
pub mod sheet;
pub mod soa;
mod text;
mod tickets;
mod xlsx;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use insights::{Action, HeatCell, NaIssues, OwnerLine, SignOff};
pub use model::{
    AnswerLine, BlockerItem, CategoryBar, CriterionAnswers, GapItem, Method, Phase, PhasePlan,
    QuestionRef, REPORT_SCHEMA, ReportModel, ScaleStep, Size, StageCard, TargetCard,
};
pub use registers::{FindingRow, PolicyRow, RegistersSection, RiskRow, VendorRow};
pub use schedule::ScheduledControl;
pub use tickets::{Tracker, external_id};

use crate::assessment::store::safe_file_stem;
use crate::atomic_file;
use crate::diagnostics::io_reason;
use crate::text_safety::{json_escaped, visible_text};

/// The file formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A paginated, printable document.
    Pdf,
    /// Markdown text, for wikis and tickets.
    Markdown,
    /// Every fact, with the field names documented in `docs/report-json.md`.
    Json,
    /// The gap list, one row per gap, for spreadsheets and trackers.
    Csv,
    /// A workbook: summary, gaps, answers, owners, calendar.
    Xlsx,
    /// One ticket per gap, as CSV for the tracker's import.
    Tickets(Tracker),
    /// The periodic controls and gap due dates as an iCalendar file.
    Ics,
    /// The ISO/IEC 27001:2022 Statement of Applicability.
    Soa(SoaFile),
}

/// The file types of the Statement of Applicability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SoaFile {
    /// CSV with a header row.
    Csv,
    /// An XLSX workbook.
    Xlsx,
    /// A printable PDF document.
    Pdf,
}

impl Format {
    /// All formats, in the order the Export screen offers them.
    pub const ALL: [Format; 12] = [
        Format::Pdf,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Tickets(Tracker::Jira),
        Format::Tickets(Tracker::Linear),
        Format::Tickets(Tracker::GitHub),
        Format::Ics,
        Format::Soa(SoaFile::Csv),
        Format::Soa(SoaFile::Xlsx),
        Format::Soa(SoaFile::Pdf),
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf | Format::Soa(SoaFile::Pdf) => "pdf",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv | Format::Tickets(_) | Format::Soa(SoaFile::Csv) => "csv",
            Format::Xlsx | Format::Soa(SoaFile::Xlsx) => "xlsx",
            Format::Ics => "ics",
        }
    }

    /// The format's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV (gap list)",
            Format::Xlsx => "XLSX",
            Format::Tickets(Tracker::Jira) => "Jira tickets",
            Format::Tickets(Tracker::Linear) => "Linear tickets",
            Format::Tickets(Tracker::GitHub) => "GitHub issues",
            Format::Ics => "iCalendar",
            Format::Soa(SoaFile::Csv) => "SoA CSV",
            Format::Soa(SoaFile::Xlsx) => "SoA XLSX",
            Format::Soa(SoaFile::Pdf) => "SoA PDF",
        }
    }

    /// Whether the file is a PDF (the one kind a paper size matters for).
    pub fn is_pdf(self) -> bool {
        matches!(self, Format::Pdf | Format::Soa(SoaFile::Pdf))
    }

    /// Whether the file is text (UTF-8) that can go to standard output.
    pub fn is_text(self) -> bool {
        !matches!(
            self,
            Format::Pdf | Format::Xlsx | Format::Soa(SoaFile::Xlsx | SoaFile::Pdf)
        )
    }

    /// What the default file name calls the document.
    fn document(self) -> String {
        match self {
            Format::Tickets(tracker) => format!("soc2-tickets-{}", tracker.key()),
            Format::Ics => "soc2-control-calendar".to_string(),
            Format::Soa(_) => "iso27001-soa".to_string(),
            _ => "soc2-gap-report".to_string(),
        }
    }
}

/// The paper size of a PDF report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 inches.
    Letter,
}

/// Why a logo cannot be printed in the PDF (it does not decode as an image), if it cannot.
pub fn logo_problem(bytes: &[u8]) -> Option<String> {
    pdf::decode_logo(bytes).err()
}

/// A rendered report.
#[derive(Debug)]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Characters the PDF draws as an empty box because no embedded font has them (always
    /// empty for the text formats).
    pub undrawable: Vec<char>,
}

/// Renders `model` in `format`; `paper` only matters for PDF. Control characters from the
/// files are made visible in Markdown, CSV, XLSX and iCalendar and written as escapes in
/// JSON.
pub fn render(format: Format, model: &ReportModel, paper: Paper) -> Rendered {
    let file = |bytes: Vec<u8>| Rendered {
        bytes,
        undrawable: Vec::new(),
    };
    match format {
        Format::Pdf => pdf::render(model, paper),
        Format::Markdown => file(
            visible_text(&markdown::render(model))
                .into_owned()
                .into_bytes(),
        ),
        Format::Json => file(json_escaped(&json::render(model)).into_owned().into_bytes()),
        Format::Csv => file(csv::render(model).into_bytes()),
        Format::Xlsx => file(xlsx::render(model)),
        Format::Tickets(tracker) => file(tickets::render(model, tracker).into_bytes()),
        Format::Ics => file(ics::render(model).into_bytes()),
        Format::Soa(SoaFile::Csv) => file(soa::render_csv(model).into_bytes()),
        Format::Soa(SoaFile::Xlsx) => file(soa::render_xlsx(model)),
        Format::Soa(SoaFile::Pdf) => pdf::render_soa(model, paper),
    }
}

/// How a report with characters no font has is warned about: the count and the first few,
/// as code points.
pub fn undrawable_warning(undrawable: &[char]) -> Option<String> {
    const SHOWN: usize = 8;
    if undrawable.is_empty() {
        return None;
    }
    let mut listed: Vec<String> = undrawable
        .iter()
        .take(SHOWN)
        .map(|&c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if undrawable.len() > SHOWN {
        listed.push(format!("and {} more", undrawable.len() - SHOWN));
    }
    Some(format!(
        "the PDF shows {} character(s) as empty boxes, no built-in font has them: {}",
        undrawable.len(),
        listed.join(", ")
    ))
}

/// The report file could not be written.
#[derive(Debug)]
pub struct ExportError {
    /// Where the report was to go.
    pub path: PathBuf,
    /// The system error.
    pub error: io::Error,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = io_reason(&self.error);
        write!(f, "cannot write {}: {reason}", self.path.display())
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Renders `model` and writes it to `out` atomically (mode 0600), replacing a regular file
/// there; a device or a pipe is written through (see [`atomic_file::write_output`]).
/// Returns the characters the PDF could not draw (see [`Rendered::undrawable`]).
pub fn export(
    model: &ReportModel,
    format: Format,
    paper: Paper,
    out: &Path,
) -> Result<Vec<char>, ExportError> {
    let rendered = render(format, model, paper);
    atomic_file::write_output(out, &rendered.bytes).map_err(|error| ExportError {
        path: out.to_path_buf(),
        error,
    })?;
    Ok(rendered.undrawable)
}

/// The default report file name: `<org-stem>-soc2-gap-report-<YYYY-MM-DD>.<ext>`, with
/// `soc2-tickets-<tracker>`, `soc2-control-calendar` or `iso27001-soa` in the middle for
/// those files.
pub fn default_file_name(organization: &str, format: Format, today: Date) -> String {
    format!(
        "{}-{}-{today}.{}",
        safe_file_stem(organization),
        format.document(),
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_are_safe_and_dated() {
        let today = Date::constant(2026, 11, 24);
        assert_eq!(
            default_file_name("Müller & Søn GmbH", Format::Pdf, today),
            "müller-søn-gmbh-soc2-gap-report-2026-11-24.pdf"
        );
        assert_eq!(
            default_file_name("../etc", Format::Csv, today),
            "etc-soc2-gap-report-2026-11-24.csv"
        );
        assert_eq!(
            default_file_name("Acme", Format::Tickets(Tracker::Linear), today),
            "acme-soc2-tickets-linear-2026-11-24.csv"
        );
        assert_eq!(
            default_file_name("Acme", Format::Ics, today),
            "acme-soc2-control-calendar-2026-11-24.ics"
        );
        assert_eq!(
            default_file_name("Acme", Format::Soa(SoaFile::Xlsx), today),
            "acme-iso27001-soa-2026-11-24.xlsx"
        );
    }

    #[test]
    fn write_errors_name_the_path_and_the_reason() {
        let error = ExportError {
            path: PathBuf::from("/root/r.pdf"),
            error: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            error.to_string(),
            "cannot write /root/r.pdf: permission denied"
        );
    }
}
