//! `soc2-ready package`: the auditor's package. The arguments, the progress bar and what
//! is printed; [`soc2_ready::report::auditor_package`] assembles it (the Export screen of
//! the wizard calls the same code) and the package writer streams it into one
//! deterministic ZIP, next to the assessment by default.

use std::path::PathBuf;

use clap::Args;
use soc2_ready::assessment::locker;
use soc2_ready::assessment::package::PackageError;
use soc2_ready::report::auditor_package::{self, AssembleError, Inputs};

use super::args::PaperArg;
use super::evidence_files::CopyProgress;
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire};

/// Arguments of `package`.
#[derive(Debug, Args)]
pub struct PackageArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Write the ZIP here (default: next to the assessment, named
    /// <organisation>-soc2-evidence-package-<date>.zip); a folder gets that name inside it.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Leave the evidence files out: the README, the request list (which names every file
    /// with its SHA-256) and the report only, for a first review.
    #[arg(long)]
    pub index_only: bool,
    /// Paper size of the gap report inside [default: the config's `paper`, else a4].
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
}

/// Writes the package of the assessment at `args.path` and prints where it went.
pub fn run(global: &GlobalArgs, args: &PackageArgs) -> Result<Output, Failure> {
    let config = load_config(global)?;
    let policy = config.policy();
    let questionnaire = load_questionnaire(global)?;
    let (assessment, mut warnings) = load_assessment(&args.path, &questionnaire)?;
    let folder = locker::folder_for(&args.path, config.defaults.evidence_folder.as_deref());
    let assembled = auditor_package::assemble(&Inputs {
        questionnaire: &questionnaire,
        assessment: &assessment,
        path: &args.path,
        policy: &policy,
        branding: &config.branding,
        paper: PaperArg::or_config(args.paper, &config),
        evidence_folder: &folder,
        output: args.output.as_deref(),
        index_only: args.index_only,
        today: clock()?.today(),
    })
    .map_err(assemble_failure)?;
    warnings.extend(assembled.warnings.iter().cloned());

    let mut progress = CopyProgress::new(assembled.total());
    let mut callback = progress.callback();
    let written = assembled.write(&mut |_, done| callback(done));
    drop(callback);
    progress.clear();
    let written = written.map_err(package_failure)?;
    Ok(Output {
        stdout: format!(
            "{}\n  {} members, {}; {}\n  {}\n  check it: unzip, then `sha256sum -c SHA256SUMS` (macOS: `shasum -a 256 -c SHA256SUMS`)\n",
            assembled.out.display(),
            written.members,
            locker::size_text(written.bytes),
            assembled.files_text(),
            assembled.counts,
        ),
        warnings,
    })
}

/// An assembly error as a command failure: evidence to fix and a refused target are the
/// user's (exit 2); a target error keeps the store's own mapping.
fn assemble_failure(error: AssembleError) -> Failure {
    match error {
        AssembleError::Target(error) => error.into(),
        AssembleError::Evidence { .. } | AssembleError::InsideEvidence { .. } => {
            Failure::Invalid(error.to_string())
        }
    }
}

/// A writer error as a command failure: a file that changed or went is the user's to fix
/// (exit 2), a failing disk the system's (exit 1).
fn package_failure(error: PackageError) -> Failure {
    match error {
        PackageError::Write { .. } => Failure::Runtime(error.to_string()),
        PackageError::BadName { .. }
        | PackageError::Changed { .. }
        | PackageError::Unreadable { .. }
        | PackageError::Cancelled => Failure::Invalid(error.to_string()),
    }
}
