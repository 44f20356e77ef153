//! `soc2-ready validate`: checks the questionnaire files and summarises them.

use std::fmt::Write;

use soc2_ready::questionnaire::{CRITERIA, Stage};

use super::{Failure, GlobalArgs, Output, load_questionnaire};

/// Validates the selected questionnaires and prints a summary.
pub fn run(global: &GlobalArgs) -> Result<Output, Failure> {
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
    Ok(Output {
        stdout: text,
        warnings,
    })
}
