//! The export files people work from elsewhere: the tracker a `report --format tickets`
//! file is shaped for, `soc2-ready calendar` (the control calendar as iCalendar) and
//! `soc2-ready soa` (the ISO/IEC 27001:2022 Statement of Applicability), built from the same
//! report model as `report` and written the same way (atomically, next to the assessment by
//! default, never over an assessment, `-` for standard output where the file is text).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use soc2_ready::report::{Format, Paper, SoaFile, Tracker};

use super::args::PaperArg;
use super::report::{deliver, model_of};
use super::{Failure, GlobalArgs, Output};

/// The trackers `report --format tickets` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrackerArg {
    /// Jira's CSV import (Summary, Issue Type, Priority, Labels, Assignee, Due Date).
    Jira,
    /// Linear's CSV import (Title, Priority, Status, Labels, Assignee, Due Date).
    Linear,
    /// GitHub issues (title, body, labels, assignees) for CSV-to-issue importers.
    Github,
}

impl From<TrackerArg> for Tracker {
    fn from(arg: TrackerArg) -> Self {
        match arg {
            TrackerArg::Jira => Tracker::Jira,
            TrackerArg::Linear => Tracker::Linear,
            TrackerArg::Github => Tracker::GitHub,
        }
    }
}

/// File format of `calendar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// iCalendar (RFC 5545), for Google Calendar, Outlook and Apple Calendar.
    Ics,
}

/// Arguments of `calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CalendarFormat::Ics)]
    pub format: CalendarFormat,
    /// Write it here (default: next to the assessment, named
    /// <organisation>-soc2-control-calendar-<date>.ics); `-` writes to standard output.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// File format of `soa`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SoaFormat {
    /// CSV with a header row.
    Csv,
    /// An XLSX workbook.
    Xlsx,
    /// A printable PDF (see --paper).
    Pdf,
}

/// Arguments of `soa`.
#[derive(Debug, Args)]
pub struct SoaArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SoaFormat::Xlsx)]
    pub format: SoaFormat,
    /// Write it here (default: next to the assessment, named
    /// <organisation>-iso27001-soa-<date>.<ext>); `-` writes CSV to standard output.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Paper size of the PDF [default: the config's `paper`, else a4].
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
}

/// Writes the control calendar of the assessment at `args.path`.
pub fn calendar(global: &GlobalArgs, args: &CalendarArgs) -> Result<Output, Failure> {
    let format = match args.format {
        CalendarFormat::Ics => Format::Ics,
    };
    write(global, &args.path, args.output.as_deref(), format)
}

/// Writes the Statement of Applicability of the assessment at `args.path`.
pub fn soa(global: &GlobalArgs, args: &SoaArgs) -> Result<Output, Failure> {
    let format = match args.format {
        SoaFormat::Csv => Format::Soa(SoaFile::Csv),
        SoaFormat::Xlsx => Format::Soa(SoaFile::Xlsx),
        SoaFormat::Pdf => Format::Soa(SoaFile::Pdf),
    };
    let (model, warnings, config) = model_of(global, &args.path)?;
    let paper = PaperArg::or_config(args.paper, &config);
    deliver(
        &model,
        format,
        paper,
        &args.path,
        args.output.as_deref(),
        warnings,
    )
}

/// Builds the report model of the assessment at `path` and writes it in `format`.
fn write(
    global: &GlobalArgs,
    path: &Path,
    output: Option<&Path>,
    format: Format,
) -> Result<Output, Failure> {
    let (model, warnings, _) = model_of(global, path)?;
    deliver(&model, format, Paper::default(), path, output, warnings)
}
