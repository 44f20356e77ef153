//! `soc2-ready import SOURCE FILE --into PATH [--apply]`: reads an export, records it as
//! evidence on every question it bears on (hashed and copied into the evidence folder, as
//! `evidence add --file` does, dated with the export's own date) and shows the answers it
//! proposes as a diff; `--apply` also sets them, under the same lock and atomic save as
//! `answer`. The same file imported again (same SHA-256) adds no evidence. A file that
//! cannot be read as its source is refused with its place, and nothing is recorded.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jiff::civil::Date;
use soc2_ready::assessment::Assessment;
use soc2_ready::assessment::locker::{self, Kept};
use soc2_ready::import::{self, Findings, MAX_BYTES, Source, outcome};
use soc2_ready::questionnaire::Questionnaire;

use super::edit::{date_arg, edit};
use super::evidence_files::{self, CopyProgress};
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire};

/// How the diff says to set the proposed answers.
const APPLY_HINT: &str = "run again with --apply";

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What produced the file.
    #[arg(value_enum)]
    pub source: SourceArg,
    /// The export to import.
    pub file: PathBuf,
    /// The assessment file to record it in.
    #[arg(long, value_name = "PATH")]
    pub into: PathBuf,
    /// Also set the proposed answers (same rules, lock and atomic save as `answer`).
    #[arg(long)]
    pub apply: bool,
    /// The day the export was taken, for files that do not say (default: today).
    #[arg(long, value_name = "DATE")]
    pub taken: Option<String>,
    /// With `csv`: the name of the config's `[[import.csv]]` mapping to read the file with.
    #[arg(long, value_name = "NAME")]
    pub mapping: Option<String>,
}

/// The sources on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    /// Prowler's SOC 2 compliance CSV (output/compliance/…_soc2_aws.csv, azure, gcp) or its
    /// JSON-OCSF findings (…ocsf.json), told apart by content.
    Prowler,
    /// The AWS IAM credential report CSV (aws iam get-credential-report, decoded).
    AwsCredentialReport,
    /// GitHub branch protection or ruleset JSON (one object or an array).
    GithubBranchProtection,
    /// The Google Workspace admin console's user download (CSV).
    GoogleWorkspaceUsers,
    /// Okta's /api/v1/users JSON with each user's factors.
    OktaUsers,
    /// Any CSV, read with a mapping from the config (--mapping NAME).
    Csv,
}

impl SourceArg {
    /// The built-in source; `None` for `csv`.
    fn source(self) -> Option<Source> {
        match self {
            SourceArg::Prowler => Some(Source::Prowler),
            SourceArg::AwsCredentialReport => Some(Source::AwsCredentialReport),
            SourceArg::GithubBranchProtection => Some(Source::GithubBranchProtection),
            SourceArg::GoogleWorkspaceUsers => Some(Source::GoogleWorkspaceUsers),
            SourceArg::OktaUsers => Some(Source::OktaUsers),
            SourceArg::Csv => None,
        }
    }
}

/// Runs `import`.
pub fn run(global: &GlobalArgs, args: &ImportArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let clock = clock()?;
    let today = clock.today();
    let taken = match &args.taken {
        Some(text) => date_arg("--taken", text)?,
        None => today,
    };
    if taken > today {
        return Err(Failure::Invalid(format!(
            "--taken: {taken} is in the future (today is {today})"
        )));
    }
    let bytes = read_export(&args.file, "nothing was recorded")?;
    let name = args.file.display().to_string();
    // Hashing a large export takes as long as reading it: both at once, on two cores.
    let (findings, sha256) = std::thread::scope(|scope| {
        let hash = scope.spawn(|| locker::hash_bytes(&bytes));
        let findings = read_findings(global, &questionnaire, args, &name, &bytes, taken);
        (findings, hash.join().expect("hashing never panics"))
    });
    let findings = findings?;
    let dated = findings.dated.unwrap_or(taken);
    if dated > today {
        return Err(Failure::Invalid(format!(
            "{name}: the export is dated {dated}, after today ({today}); nothing was recorded"
        )));
    }
    let (assessment, _) = load_assessment(&args.into, &questionnaire)?;
    let (proposals, _) = import::propose(&questionnaire, &assessment, &findings);
    let Some(first) = proposals.first() else {
        return Ok(Output::text(format!(
            "{}\n",
            outcome::nothing_in_scope(&name, &findings)
        )));
    };
    let earlier = outcome::imported_on(&assessment, &sha256);
    if earlier.is_some() && !args.apply {
        let mut out = outcome::header(&name, &findings, dated);
        let _ = writeln!(
            out,
            "Already imported on {} (same SHA-256); no evidence added.",
            earlier.unwrap_or(dated)
        );
        out.push_str(&outcome::diff(
            &questionnaire,
            &proposals,
            false,
            APPLY_HINT,
        ));
        return Ok(Output::text(out));
    }
    let setting = load_config(global)?.defaults.evidence_folder;
    let folder = locker::folder_for(&args.into, setting.as_deref());
    let kept = match earlier {
        Some(_) => None,
        None => Some(keep(&folder, &first.question, &args.file, &sha256)?),
    };
    let outcome = edit(&args.into, &clock, &questionnaire, |assessment| {
        record(
            &questionnaire,
            assessment,
            &findings,
            kept.as_ref(),
            args.apply,
            Recorded {
                source: &source_word(args),
                name: &name,
                dated,
                earlier,
                sha256: &sha256,
                folder: &folder,
            },
        )
    });
    if outcome.is_err()
        && let Some(kept) = &kept
    {
        locker::discard(&folder, std::slice::from_ref(kept));
    }
    outcome
}

/// The findings of the export, read as its source (or with its `--mapping`).
fn read_findings(
    global: &GlobalArgs,
    questionnaire: &Questionnaire,
    args: &ImportArgs,
    name: &str,
    bytes: &[u8],
    taken: Date,
) -> Result<Findings, Failure> {
    let refused = |problem: Box<soc2_ready::diagnostics::Problem>| {
        Failure::Invalid(format!("{problem}; nothing was recorded"))
    };
    match (args.source.source(), &args.mapping) {
        (Some(source), None) => source.read(name, bytes, taken).map_err(refused),
        (Some(source), Some(_)) => Err(Failure::Invalid(format!(
            "--mapping is for `import csv`; {} files are read without one",
            source.key()
        ))),
        (None, None) => Err(Failure::Invalid(
            "import csv needs --mapping NAME, a [[import.csv]] mapping of the config (see README, \"Importing evidence\")".into(),
        )),
        (None, Some(wanted)) => {
            let config = load_config(global)?;
            let Some(mapping) = config.imports.iter().find(|mapping| &mapping.name == wanted) else {
                let known: Vec<&str> = config.imports.iter().map(|mapping| mapping.name.as_str()).collect();
                return Err(Failure::Invalid(format!(
                    "--mapping: the config has no [[import.csv]] mapping named \"{wanted}\" ({})",
                    if known.is_empty() { "it has none".to_string() } else { format!("it has {}", known.join(", ")) }
                )));
            };
            if questionnaire.question(&mapping.question).is_none() {
                return Err(Failure::Invalid(format!(
                    "the mapping \"{wanted}\" names the question \"{}\", which this questionnaire does not have",
                    mapping.question
                )));
            }
            import::read_csv(name, bytes, mapping).map_err(refused)
        }
    }
}

/// The one word naming the source in the entry's location: `prowler`, `csv:laptops`.
fn source_word(args: &ImportArgs) -> String {
    match (args.source.source(), &args.mapping) {
        (Some(source), _) => source.key().to_string(),
        (None, mapping) => format!("csv:{}", mapping.as_deref().unwrap_or_default()),
    }
}

/// What is known of the file being recorded.
struct Recorded<'a> {
    source: &'a str,
    name: &'a str,
    dated: Date,
    earlier: Option<Date>,
    sha256: &'a str,
    folder: &'a Path,
}

/// Adds the evidence entries (unless the file was imported before) and, with `apply`,
/// the proposed answers; says what was done.
fn record(
    questionnaire: &Questionnaire,
    assessment: &mut Assessment,
    findings: &Findings,
    kept: Option<&Kept>,
    apply: bool,
    file: Recorded<'_>,
) -> Result<String, Failure> {
    let (proposals, _) = import::propose(questionnaire, assessment, findings);
    let mut out = outcome::header(file.name, findings, file.dated);
    let earlier = file
        .earlier
        .or_else(|| outcome::imported_on(assessment, file.sha256));
    match (earlier, kept) {
        (None, Some(kept)) => {
            outcome::record_entries(
                assessment,
                &proposals,
                findings,
                (file.source, file.name),
                file.dated,
                &kept.file,
            );
            let _ = writeln!(
                out,
                "Evidence recorded on {} (sha256 {}, {}, kept in {}).",
                import::count(proposals.len(), "question", "questions"),
                &file.sha256[..12],
                locker::size_text(kept.file.size),
                file.folder.join(&kept.file.path).display()
            );
        }
        (earlier, _) => {
            let _ = writeln!(
                out,
                "Already imported on {} (same SHA-256); no evidence added.",
                earlier.unwrap_or(file.dated)
            );
        }
    }
    out.push_str(&outcome::diff(questionnaire, &proposals, apply, APPLY_HINT));
    if apply {
        outcome::apply_changes(assessment, &outcome::changes(&proposals));
    }
    Ok(out)
}

/// The export's bytes, refused before reading when it is special or too large; `nothing`
/// ends every refusal ("nothing was recorded").
pub(super) fn read_export(path: &Path, nothing: &str) -> Result<Vec<u8>, Failure> {
    locker::read_capped(path, MAX_BYTES).map_err(|error| evidence_files::failure(error, nothing))
}

/// Copies the export into the evidence folder of `question`, checking it is still the
/// file that was read.
fn keep(folder: &Path, question: &str, path: &Path, sha256: &str) -> Result<Kept, Failure> {
    let (sources, _) = locker::sources(std::slice::from_ref(&path.to_path_buf()))
        .map_err(|error| evidence_files::failure(error, "nothing was recorded"))?;
    let Some(source) = sources.first() else {
        return Err(Failure::Invalid(format!(
            "{} is not a regular file; nothing was recorded",
            path.display()
        )));
    };
    let mut progress = CopyProgress::new(source.size);
    let kept = locker::keep(folder, question, source, &mut progress.callback())
        .map_err(|error| evidence_files::failure(error, "nothing was recorded"))?;
    progress.clear();
    if kept.file.sha256 != sha256 {
        locker::discard(folder, std::slice::from_ref(&kept));
        return Err(Failure::Invalid(format!(
            "{} changed while it was imported; nothing was recorded, run the import again",
            path.display()
        )));
    }
    Ok(kept)
}
