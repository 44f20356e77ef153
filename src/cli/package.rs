//! `soc2-ready package`: the auditor's package. Builds the request list, the README and
//! the gap report, resolves every evidence file inside the evidence folder (never through
//! a link out of it), and has the package writer stream them into one deterministic ZIP,
//! next to the assessment by default.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Args;
use soc2_ready::assessment::locker;
use soc2_ready::assessment::package::{self, Content, Member, PackageError};
use soc2_ready::assessment::store::{self, safe_file_stem};
use soc2_ready::report::request_list::{self, Contents, RequestList};
use soc2_ready::report::{self, Format, Paper, ReportModel};
use soc2_ready::time::coverage;

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
    let today = clock()?.today();
    let list = RequestList::build(&questionnaire, &assessment, today);
    let folder = locker::folder_for(&args.path, config.defaults.evidence_folder.as_deref());
    let files = if args.index_only {
        Vec::new()
    } else {
        evidence_members(&folder, &list)?
    };
    let out = target(
        &args.path,
        args.output.as_deref(),
        &assessment.organization,
        today,
    );
    store::check_report_target(&out, &[&args.path])?;
    refuse_inside(&out, &folder)?;

    let card = coverage::scorecard(&questionnaire, &assessment, &policy, today);
    let mut model = ReportModel::build(&questionnaire, &assessment, &card, &policy, today);
    model.branding = config.branding.clone();
    let paper = match args.paper {
        Some(PaperArg::A4) => Paper::A4,
        Some(PaperArg::Letter) => Paper::Letter,
        None => config.defaults.paper.unwrap_or_default(),
    };
    let rendered = report::render(Format::Pdf, &model, paper);
    warnings.extend(report::undrawable_warning(&rendered.undrawable));
    let report_name = report::default_file_name(&assessment.organization, Format::Pdf, today);
    let bytes: u64 = files.iter().map(member_size).sum();
    let registers = request_list::register_files(&assessment.registers, &model.registers);
    let contents = Contents {
        report: Some(report_name.clone()),
        files: files.len(),
        bytes,
        index_only: args.index_only,
        registers: registers
            .iter()
            .map(|file| (file.name.clone(), file.what.clone()))
            .collect(),
    };
    let mut members = vec![
        text_member("README.txt", request_list::render_readme(&list, &contents)),
        text_member("request-list.csv", request_list::render_csv(&list)),
        text_member("request-list.md", request_list::render_markdown(&list)),
        Member {
            name: report_name,
            content: Content::Bytes(rendered.bytes),
        },
    ];
    members.extend(
        registers
            .into_iter()
            .map(|file| text_member(&file.name, file.text)),
    );
    members.extend(files);

    let mut progress = CopyProgress::new(bytes);
    let written = package::write(&out, &members, today, &mut progress.callback());
    progress.clear();
    let written = written.map_err(package_failure)?;
    let controls = list
        .rows
        .iter()
        .filter(|row| row.entries.iter().any(|entry| !entry.files.is_empty()))
        .count();
    let files_text = if args.index_only {
        "index only, no evidence files".to_string()
    } else {
        format!(
            "{} evidence files ({}) for {controls} controls",
            contents.files,
            locker::size_text(bytes)
        )
    };
    Ok(Output {
        stdout: format!(
            "{}\n  {} members, {}; {}\n  {}\n  check it: unzip, then `sha256sum -c SHA256SUMS` (macOS: `shasum -a 256 -c SHA256SUMS`)\n",
            out.display(),
            written.members,
            locker::size_text(written.bytes),
            files_text,
            list.counts.sentence(),
        ),
        warnings,
    })
}

fn text_member(name: &str, text: String) -> Member {
    Member {
        name: name.to_string(),
        content: Content::Bytes(text.into_bytes()),
    }
}

fn member_size(member: &Member) -> u64 {
    match &member.content {
        Content::Bytes(bytes) => bytes.len() as u64,
        Content::File { size, .. } => *size,
    }
}

/// Every evidence file of the list as a member, once each, after checking that each is
/// inside the evidence folder, a regular file and of its recorded size. All problems are
/// named together, so one run shows everything to fix; nothing is written then.
fn evidence_members(folder: &Path, list: &RequestList) -> Result<Vec<Member>, Failure> {
    let mut members: Vec<Member> = Vec::new();
    let mut problems = Vec::new();
    for row in &list.rows {
        for file in row.entries.iter().flat_map(|entry| &entry.files) {
            if members.iter().any(|member| member.name == file.member) {
                continue;
            }
            let checked = locker::resolve(folder, &file.recorded).and_then(|path| {
                let meta = fs::metadata(&path).map_err(|error| error.to_string())?;
                if !meta.is_file() {
                    Err("it is not a regular file".to_string())
                } else if meta.len() != file.size {
                    Err(format!(
                        "it is {} bytes, {} were recorded",
                        meta.len(),
                        file.size
                    ))
                } else {
                    Ok(path)
                }
            });
            match checked {
                Ok(path) => members.push(Member {
                    name: file.member.clone(),
                    content: Content::File {
                        path,
                        size: file.size,
                        sha256: file.sha256.clone(),
                    },
                }),
                Err(why) => problems.push(format!("  {}  {}: {why}", row.question, file.recorded)),
            }
        }
    }
    if problems.is_empty() {
        return Ok(members);
    }
    Err(Failure::Invalid(format!(
        "{} evidence file(s) in {} cannot go into the package; nothing was written:\n{}\n\
         (`soc2-ready evidence verify` checks every file; --index-only packages the list without them)",
        problems.len(),
        folder.display(),
        problems.join("\n")
    )))
}

/// Where the package goes: `--output` (a folder gets the default name inside it), or the
/// assessment's folder.
fn target(
    assessment: &Path,
    output: Option<&Path>,
    organization: &str,
    today: jiff::civil::Date,
) -> PathBuf {
    let name = format!(
        "{}-soc2-evidence-package-{today}.zip",
        safe_file_stem(organization)
    );
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

/// Refuses a package inside the evidence folder: it would replace evidence, or become
/// evidence of itself.
fn refuse_inside(out: &Path, folder: &Path) -> Result<(), Failure> {
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let (Ok(real_parent), Ok(real_folder)) = (fs::canonicalize(parent), fs::canonicalize(folder))
    else {
        return Ok(());
    };
    if real_parent.starts_with(&real_folder) {
        return Err(Failure::Invalid(format!(
            "{} is inside the evidence folder {}; write the package somewhere else",
            out.display(),
            folder.display()
        )));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn packages_go_next_to_the_assessment_or_into_a_given_folder() {
        let today = Date::constant(2026, 12, 4);
        assert_eq!(
            target(Path::new("/data/acme.toml"), None, "Acme Inc", today),
            Path::new("/data/acme-inc-soc2-evidence-package-2026-12-04.zip")
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            target(Path::new("a.toml"), Some(dir.path()), "Acme", today),
            dir.path().join("acme-soc2-evidence-package-2026-12-04.zip")
        );
        assert_eq!(
            target(
                Path::new("a.toml"),
                Some(Path::new("/tmp/p.zip")),
                "Acme",
                today
            ),
            Path::new("/tmp/p.zip")
        );
    }

    #[test]
    fn a_package_inside_the_evidence_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a.evidence");
        fs::create_dir_all(folder.join("CC6.1.mfa")).unwrap();
        assert!(refuse_inside(&folder.join("CC6.1.mfa/p.zip"), &folder).is_err());
        assert!(refuse_inside(&dir.path().join("p.zip"), &folder).is_ok());
        assert!(refuse_inside(&dir.path().join("p.zip"), &dir.path().join("missing")).is_ok());
    }
}
