//! `soc2-ready validate`: checks the questionnaire files and summarises them, and checks an
//! assessment file against them when one is given.

use std::fmt::Write;
use std::path::PathBuf;

use clap::Args;
use soc2_ready::questionnaire::{CRITERIA, Stage};

use super::{Failure, GlobalArgs, Output, answer_warnings, load_assessment, load_questionnaire};

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// An assessment file to check as well: every problem with its line, and warnings for
    /// what is kept but not scored as written (unknown questions, N/A without a reason).
    pub path: Option<PathBuf>,
}

/// Validates the selected questionnaires (and the assessment file, if given) and prints a
/// summary.
pub fn run(global: &GlobalArgs, args: &ValidateArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let questions = questionnaire.questions();
    let mut text = String::new();
    let files = questionnaire.files();
    let _ = writeln!(
        text,
        "Questionnaires are valid ({}).",
        questionnaire.version()
    );
    let _ = writeln!(text, "\n{} files:", files.len());
    for file in files {
        let group = file
            .category
            .map_or(file.stage.label(), |category| category.label());
        let _ = writeln!(
            text,
            "  {:<28} {:<22} {:>4} questions",
            file.name, group, file.questions
        );
    }
    let covered = CRITERIA
        .iter()
        .filter(|criterion| questionnaire.questions_for(criterion.id).next().is_some())
        .count();
    let _ = writeln!(text, "\nCriteria covered: {covered} of {}", CRITERIA.len());
    let _ = writeln!(
        text,
        "Questions: {} ({} key, {} counting toward more than one criterion, {} asked only when relevant)",
        questions.len(),
        questions.iter().filter(|q| q.key).count(),
        questions
            .iter()
            .filter(|q| !q.also_supports.is_empty())
            .count(),
        questions
            .iter()
            .filter(|q| q.relevant_when.is_some())
            .count()
    );
    for stage in Stage::ALL {
        let count = questions.iter().filter(|q| q.stage == stage).count();
        let _ = writeln!(text, "  {:<16} {count:>4}", stage.label());
    }
    let mut warnings = Vec::new();
    let uncovered: Vec<_> = CRITERIA
        .iter()
        .filter(|criterion| questionnaire.questions_for(criterion.id).next().is_none())
        .map(|criterion| criterion.id)
        .collect();
    if !uncovered.is_empty() {
        warnings.push(format!(
            "criteria with no question: {}",
            uncovered.join(", ")
        ));
    }
    if let Some(path) = &args.path {
        let (assessment, notices) = load_assessment(path, &questionnaire)?;
        warnings.extend(notices);
        let problems = answer_warnings(path, &assessment, &questionnaire);
        let _ = writeln!(
            text,
            "\nAssessment {}: readable, {} answer(s){}.",
            path.display(),
            assessment.answers.len(),
            if problems.is_empty() {
                String::new()
            } else {
                format!(", {} warning(s) below", problems.len())
            }
        );
        warnings.extend(problems);
    }
    Ok(Output {
        stdout: text,
        warnings,
    })
}
