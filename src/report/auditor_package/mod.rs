//! The auditor's package assembled, for `soc2-ready package` and the wizard's Export screen
//! alike: the request list, the README, the CSV and Markdown lists, the gap report as PDF,
//! the registers as populations to sample, and every evidence file — resolved inside the evidence folder (never through a link out
//! of it), a regular file of its recorded size — as members for the package writer
//! ([`crate::assessment::package`]), with the target checked first: never over the
//! assessment, never inside the evidence folder. It lives in the report room because it is
//! made of the report's parts, and below the TUI so both shells call the same code.

#[cfg(test)]
mod tests;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::assessment::Assessment;
use crate::assessment::locker;
use crate::assessment::package::{self, Content, Member, PackageError, Progress, Written};
use crate::assessment::store::{self, StoreError, safe_file_stem};
use crate::questionnaire::Questionnaire;
use crate::report::prepared::Branding;
use crate::report::request_list::{self, Contents, RequestList};
use crate::report::{self, Format, Paper, ReportModel};
use crate::scoring::Policy;
use crate::time::coverage;

/// What a package is made of.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The questions.
    pub questionnaire: &'a Questionnaire,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// The assessment's file (the package never replaces it).
    pub path: &'a Path,
    /// The verdict thresholds.
    pub policy: &'a Policy,
    /// Who prepares the report, printed on the PDF.
    pub branding: &'a Branding,
    /// The paper size of the PDF.
    pub paper: Paper,
    /// The assessment's evidence folder.
    pub evidence_folder: &'a Path,
    /// Where the ZIP goes: `None` is next to the assessment, a folder gets the default
    /// name inside.
    pub output: Option<&'a Path>,
    /// Leave the evidence files out (the request list still names each with its SHA-256).
    pub index_only: bool,
    /// The day of the list, the report and every timestamp inside the ZIP.
    pub today: Date,
}

/// A package ready to be written.
#[derive(Debug, Clone)]
pub struct Assembled {
    /// Where it goes.
    pub out: PathBuf,
    /// The members, evidence files last.
    pub members: Vec<Member>,
    /// What the README says it holds.
    pub contents: Contents,
    /// Controls with at least one evidence file.
    pub controls: usize,
    /// How many controls are provided, partly, missing… (the request list's sentence).
    pub counts: String,
    /// Warnings to show (characters the PDF cannot draw).
    pub warnings: Vec<String>,
    /// The day inside the ZIP.
    pub today: Date,
}

/// Why a package cannot be assembled; nothing was written.
#[derive(Debug)]
pub enum AssembleError {
    /// Evidence files that cannot go in, one line each.
    Evidence {
        /// The evidence folder.
        folder: PathBuf,
        /// `  question  file: why`, per file.
        problems: Vec<String>,
    },
    /// The target would replace an assessment or is not a file.
    Target(StoreError),
    /// The target is inside the evidence folder.
    InsideEvidence {
        /// The target.
        out: PathBuf,
        /// The evidence folder.
        folder: PathBuf,
    },
}

impl fmt::Display for AssembleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssembleError::Evidence { folder, problems } => write!(
                f,
                "{} evidence file(s) in {} cannot go into the package; nothing was written:\n{}\n\
                 (`soc2-ready evidence verify` checks every file; --index-only packages the list without them)",
                problems.len(),
                folder.display(),
                problems.join("\n")
            ),
            AssembleError::Target(error) => error.fmt(f),
            AssembleError::InsideEvidence { out, folder } => write!(
                f,
                "{} is inside the evidence folder {}; write the package somewhere else",
                out.display(),
                folder.display()
            ),
        }
    }
}

impl std::error::Error for AssembleError {}

/// The package's default file name: `<organisation>-soc2-evidence-package-<date>.zip`.
pub fn default_file_name(organization: &str, today: Date) -> String {
    format!(
        "{}-soc2-evidence-package-{today}.zip",
        safe_file_stem(organization)
    )
}

/// Builds every member and checks the target, evidence first so one run names every
/// file to fix.
pub fn assemble(inputs: &Inputs<'_>) -> Result<Assembled, AssembleError> {
    let Inputs {
        questionnaire,
        assessment,
        today,
        ..
    } = *inputs;
    let list = RequestList::build(questionnaire, assessment, today);
    let files = if inputs.index_only {
        Vec::new()
    } else {
        evidence_members(inputs.evidence_folder, &list)?
    };
    let out = target(inputs.path, inputs.output, &assessment.organization, today);
    store::check_report_target(&out, &[inputs.path]).map_err(AssembleError::Target)?;
    refuse_inside(&out, inputs.evidence_folder)?;

    let card = coverage::scorecard(questionnaire, assessment, inputs.policy, today);
    let mut model = ReportModel::build(questionnaire, assessment, &card, inputs.policy, today);
    model.branding = inputs.branding.clone();
    let rendered = report::render(Format::Pdf, &model, inputs.paper);
    let warnings = report::undrawable_warning(&rendered.undrawable)
        .into_iter()
        .collect();
    let report_name = report::default_file_name(&assessment.organization, Format::Pdf, today);
    let registers = request_list::register_files(&assessment.registers, &model.registers);
    let contents = Contents {
        report: Some(report_name.clone()),
        files: files.len(),
        bytes: files.iter().map(Member::size).sum(),
        index_only: inputs.index_only,
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
    let controls = list
        .rows
        .iter()
        .filter(|row| row.entries.iter().any(|entry| !entry.files.is_empty()))
        .count();
    Ok(Assembled {
        out,
        members,
        contents,
        controls,
        counts: list.counts.sentence(),
        warnings,
        today,
    })
}

impl Assembled {
    /// The bytes of every member before compression: what progress counts up to.
    pub fn total(&self) -> u64 {
        self.members.iter().map(Member::size).sum()
    }

    /// Writes the ZIP atomically at [`Assembled::out`]; `progress` can cancel.
    pub fn write(&self, progress: Progress<'_>) -> Result<Written, PackageError> {
        package::write(&self.out, &self.members, self.today, progress)
    }

    /// What the package holds besides the lists, in words: "index only, no evidence files"
    /// or "3 evidence files (1.2 MiB) for 2 controls".
    pub fn files_text(&self) -> String {
        if self.contents.index_only {
            "index only, no evidence files".to_string()
        } else {
            format!(
                "{} evidence files ({}) for {} controls",
                self.contents.files,
                locker::size_text(self.contents.bytes),
                self.controls
            )
        }
    }
}

fn text_member(name: &str, text: String) -> Member {
    Member {
        name: name.to_string(),
        content: Content::Bytes(text.into_bytes()),
    }
}

/// Every evidence file of the list as a member, once each, after checking that each is
/// inside the evidence folder, a regular file and of its recorded size. All problems are
/// named together, so one run shows everything to fix; nothing is written then.
fn evidence_members(folder: &Path, list: &RequestList) -> Result<Vec<Member>, AssembleError> {
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
    Err(AssembleError::Evidence {
        folder: folder.to_path_buf(),
        problems,
    })
}

/// Where the package goes: `output` (a folder gets the default name inside it), or the
/// assessment's folder.
pub fn target(
    assessment: &Path,
    output: Option<&Path>,
    organization: &str,
    today: Date,
) -> PathBuf {
    let name = default_file_name(organization, today);
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
pub fn refuse_inside(out: &Path, folder: &Path) -> Result<(), AssembleError> {
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let (Ok(real_parent), Ok(real_folder)) = (fs::canonicalize(parent), fs::canonicalize(folder))
    else {
        return Ok(());
    };
    if real_parent.starts_with(&real_folder) {
        return Err(AssembleError::InsideEvidence {
            out: out.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    Ok(())
}
