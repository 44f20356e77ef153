//! The gap report: a [`ReportModel`] built once from the scorecard, rendered as PDF,
//! Markdown, JSON or CSV by pure functions, and written to disk atomically by [`export`].
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

mod build;
mod certification_md;
mod certification_text;
mod csv;
mod due_text;
mod insights;
mod json;
mod markdown;
mod model;
mod pdf;
pub mod prepared;
mod registers;
pub mod request_list;
mod text;

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
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Markdown, Format::Json, Format::Csv];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The format's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV (gap list)",
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
/// files are made visible in Markdown and CSV and written as escapes in JSON.
pub fn render(format: Format, model: &ReportModel, paper: Paper) -> Rendered {
    let text = |bytes: Vec<u8>| Rendered {
        bytes,
        undrawable: Vec::new(),
    };
    match format {
        Format::Pdf => pdf::render(model, paper),
        Format::Markdown => text(
            visible_text(&markdown::render(model))
                .into_owned()
                .into_bytes(),
        ),
        Format::Json => text(json_escaped(&json::render(model)).into_owned().into_bytes()),
        Format::Csv => text(csv::render(model).into_bytes()),
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

/// The default report file name: `<org-stem>-soc2-gap-report-<YYYY-MM-DD>.<ext>`.
pub fn default_file_name(organization: &str, format: Format, today: Date) -> String {
    format!(
        "{}-soc2-gap-report-{today}.{}",
        safe_file_stem(organization),
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
