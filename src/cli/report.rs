//! `soc2-ready report`: scores an assessment, builds the report model and writes it as PDF,
//! Markdown, JSON, CSV, an XLSX workbook or tracker tickets — next to the assessment by
//! default, atomically, mode 0600. It never writes over an assessment (exit 2), treats `/dev/stdout` like `-`,
//! and writes through devices and pipes instead of replacing them.

use std::path::{Path, PathBuf};

use soc2_ready::assessment::store;
use soc2_ready::claims_scan::{self, ClaimsScan};
use soc2_ready::config::Config;
use soc2_ready::report::{self, Format, Paper, ReportModel};
use soc2_ready::time::coverage;

use super::args::{AppendixArg, PaperArg, ReportArgs, ReportFormat};
use super::{
    Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire,
    summarise_ids,
};

/// Writes the report of the assessment at `args.path` and prints where it went.
pub fn run(global: &GlobalArgs, args: &ReportArgs) -> Result<Output, Failure> {
    let (mut model, warnings, config) = model_of(global, &args.path)?;
    if !args.claims.is_empty() {
        model.claims = Some(check_claims(&args.claims)?);
    }
    let format = match args.format {
        ReportFormat::Pdf => Format::Pdf,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Json => Format::Json,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Xlsx => Format::Xlsx,
        ReportFormat::Tickets => Format::Tickets(args.tracker.into()),
    };
    if args.appendix == AppendixArg::None && !matches!(format, Format::Pdf | Format::Markdown) {
        return Err(Failure::Invalid(
            "--appendix none shortens pdf and md reports; json, csv, xlsx and tickets \
             always carry every gap's steps and evidence"
                .into(),
        ));
    }
    model.gap_cards = args.appendix == AppendixArg::Cards;
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

/// The report model of the assessment at `path`, scored with the user's settings and
/// dated by the one clock, with the warnings to print and the settings.
pub fn model_of(
    global: &GlobalArgs,
    path: &Path,
) -> Result<(ReportModel, Vec<String>, Config), Failure> {
    let config = load_config(global)?;
    let policy = config.policy();
    let questionnaire = load_questionnaire(global)?;
    let (assessment, mut warnings) = load_assessment(path, &questionnaire)?;
    let today = clock()?.today();
    let card = coverage::scorecard(&questionnaire, &assessment, &policy, today);
    let mut model = ReportModel::build(&questionnaire, &assessment, &card, &policy, today);
    model.branding = config.branding.clone();
    if !model.unscored_answers.is_empty() {
        warnings.push(format!(
            "{} answer(s) for unknown questions are not scored; the report lists them: {}",
            model.unscored_answers.len(),
            summarise_ids(&model.unscored_answers)
        ));
    }
    Ok((model, warnings, config))
}

/// Writes `model` in `format` to `output` (standard output for `-`, a folder gets the
/// default name, no `--output` puts it next to the assessment at `assessment`) and says
/// where it went; never over an assessment.
pub fn deliver(
    model: &ReportModel,
    format: Format,
    paper: Paper,
    assessment: &Path,
    output: Option<&Path>,
    mut warnings: Vec<String>,
) -> Result<Output, Failure> {
    if output.is_some_and(is_stdout) {
        if !format.is_text() {
            return Err(Failure::Invalid(format!(
                "{} files cannot be written to standard output; pass --output FILE or another --format",
                format.label()
            )));
        }
        let text = String::from_utf8(report::render(format, model, paper).bytes)
            .expect("text formats are UTF-8");
        return Ok(Output {
            stdout: text,
            warnings,
        });
    }
    let name = report::default_file_name(&model.organization, format, model.generated);
    let out = output_path(assessment, output, &name);
    store::check_report_target(&out, &[assessment])?;
    let undrawable = report::export(model, format, paper, &out)
        .map_err(|error| Failure::Runtime(error.to_string()))?;
    warnings.extend(report::undrawable_warning(&undrawable));
    Ok(Output {
        stdout: format!("{}\n", out.display()),
        warnings,
    })
}

/// Runs the claims checker for `--claims`; any input it cannot read is bad input (exit 2,
/// nothing written), so a report never silently leaves out text the user asked to check.
fn check_claims(paths: &[PathBuf]) -> Result<ClaimsScan, Failure> {
    let scan = claims_scan::scan(paths);
    if scan.unreadable.is_empty() {
        return Ok(scan);
    }
    let problems: Vec<String> = scan
        .unreadable
        .iter()
        .map(|u| format!("cannot read {} for --claims: {}", u.file, u.reason))
        .collect();
    Err(Failure::Invalid(problems.join("\n")))
}

/// Whether `--output` names standard output: `-`, or one of the names Linux gives it.
pub(super) fn is_stdout(path: &Path) -> bool {
    ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|name| path == Path::new(name))
}

/// Where the report goes: `--output` (a folder gets the default name inside it), or the
/// assessment's folder.
pub(super) fn output_path(assessment: &Path, output: Option<&Path>, name: &str) -> PathBuf {
    match output {
        Some(dir) if dir.is_dir() => dir.join(name),
        Some(path) => path.to_path_buf(),
        None => assessment
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_go_next_to_the_assessment_or_into_a_given_folder() {
        let name = "acme-soc2-gap-report-2026-11-24.pdf";
        assert_eq!(
            output_path(Path::new("/data/acme.toml"), None, name),
            Path::new("/data/acme-soc2-gap-report-2026-11-24.pdf")
        );
        assert_eq!(
            output_path(Path::new("acme.toml"), None, name),
            Path::new("./acme-soc2-gap-report-2026-11-24.pdf")
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            output_path(Path::new("acme.toml"), Some(dir.path()), name),
            dir.path().join(name)
        );
        assert_eq!(
            output_path(Path::new("acme.toml"), Some(Path::new("/tmp/r.pdf")), name),
            Path::new("/tmp/r.pdf")
        );
    }

    #[test]
    fn dev_stdout_is_standard_output() {
        assert!(is_stdout(Path::new("-")));
        assert!(is_stdout(Path::new("/dev/stdout")));
        assert!(!is_stdout(Path::new("/dev/stderr")));
        assert!(!is_stdout(Path::new("./-x")));
    }
}
