//! `soc2-ready minutes`: the minutes of the workshop sessions held since a date (the latest
//! session's day by default) as Markdown or PDF, written like a report — atomically, next
//! to the assessment by default, never over an assessment, `-` for Markdown on standard
//! output.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use soc2_ready::assessment::store;
use soc2_ready::atomic_file;
use soc2_ready::report::minutes::Minutes;
use soc2_ready::report::{self, ExportError};

use super::args::PaperArg;
use super::edit::date_arg;
use super::report::{is_stdout, output_path};
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire};

/// File format of `minutes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    /// Markdown, for a wiki, a ticket or an e-mail.
    Md,
    /// A printable PDF (see --paper).
    Pdf,
}

/// Arguments of `minutes`.
#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Cover the sessions held on or after this date (YYYY-MM-DD) and the answers changed
    /// since the day before it [default: the day of the latest session].
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MinutesFormat::Pdf)]
    pub format: MinutesFormat,
    /// Write the minutes here (default: next to the assessment, named
    /// <organisation>-soc2-workshop-minutes-<date>.<ext>); `-` writes Markdown to standard
    /// output.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Paper size of the PDF [default: the config's `paper`, else a4].
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
}

/// Writes the minutes of the assessment at `args.path` and prints where they went.
pub fn run(global: &GlobalArgs, args: &MinutesArgs) -> Result<Output, Failure> {
    let since = args
        .since
        .as_deref()
        .map(|text| date_arg("--since", text))
        .transpose()?;
    let config = load_config(global)?;
    let questionnaire = load_questionnaire(global)?;
    let (assessment, mut warnings) = load_assessment(&args.path, &questionnaire)?;
    let clock = clock()?;
    let minutes = Minutes::build(
        &questionnaire,
        &assessment,
        &config.policy(),
        since,
        clock.today(),
        clock.zone(),
    )
    .map_err(|error| Failure::Invalid(error.to_string()))?;
    let output = args.output.as_deref();
    if output.is_some_and(is_stdout) {
        if args.format == MinutesFormat::Pdf {
            return Err(Failure::Invalid(
                "PDF files cannot be written to standard output; pass --output FILE or \
                 --format md"
                    .into(),
            ));
        }
        return Ok(Output {
            stdout: minutes.markdown(),
            warnings,
        });
    }
    let (extension, bytes, undrawable) = match args.format {
        MinutesFormat::Md => ("md", minutes.markdown().into_bytes(), Vec::new()),
        MinutesFormat::Pdf => {
            let paper = PaperArg::or_config(args.paper, &config);
            let rendered = minutes.pdf(&config.branding, paper);
            ("pdf", rendered.bytes, rendered.undrawable)
        }
    };
    let out = output_path(&args.path, output, &minutes.file_name(extension));
    store::check_report_target(&out, &[&args.path])?;
    atomic_file::write_output(&out, &bytes).map_err(|error| {
        Failure::Runtime(
            ExportError {
                path: out.clone(),
                error,
            }
            .to_string(),
        )
    })?;
    warnings.extend(report::undrawable_warning(&undrawable));
    Ok(Output {
        stdout: format!("{}\n", out.display()),
        warnings,
    })
}
