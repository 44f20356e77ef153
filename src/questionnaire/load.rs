//! Loads questionnaire files — built in or from a folder — into a validated [`Questionnaire`],
//! collecting every problem across all files before giving up.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::catalogue::CRITERIA;
use super::links::check_links;
use super::question_table::{FileContext, read_question};
use super::{Category, FileSummary, Question, Questionnaire, Stage, built_in};
use crate::diagnostics::{LineStarts, Problem, SourceText, io_reason};
use crate::toml_fields::{Fields, parse_document};

/// The only questionnaire schema this version reads.
const SCHEMA: i64 = 1;

/// Where the questionnaires come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionnaireSource {
    /// The files embedded in the binary.
    BuiltIn,
    /// Every `*.toml` file of a folder, instead of the built-in files.
    Directory(PathBuf),
}

/// Loads and validates the questionnaires from `source`.
pub fn load(source: &QuestionnaireSource) -> Result<Questionnaire, Vec<Problem>> {
    match source {
        QuestionnaireSource::BuiltIn => {
            let files: Vec<_> = built_in()
                .map(|(name, text)| (name.to_string(), text.to_string()))
                .collect();
            parse_files(&files, format!("builtin-{}", env!("CARGO_PKG_VERSION")))
        }
        QuestionnaireSource::Directory(dir) => {
            let files = read_directory(dir)?;
            let version = format!("custom-{:016x}", fingerprint(&files));
            parse_files(&files, version)
        }
    }
}

/// Reads every `*.toml` file of `dir`, sorted by name. A `*.toml` entry that is not a
/// readable regular file (a folder, a dangling link, a link loop, a FIFO) is a problem, not
/// something to skip in silence.
fn read_directory(dir: &Path) -> Result<Vec<(String, String)>, Vec<Problem>> {
    let shown = dir.display().to_string();
    let fail = |message: String| vec![SourceText::new(&shown, "").problem(message)];
    let entries =
        std::fs::read_dir(dir).map_err(|error| fail(format!("cannot read folder: {error}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(fail(
            "no questionnaire files (*.toml) in this folder".to_string(),
        ));
    }
    let mut files = Vec::with_capacity(paths.len());
    let mut problems = Vec::new();
    for path in paths {
        if let Some(reason) = not_a_file(&path) {
            let name = path.display().to_string();
            problems.push(SourceText::new(&name, "").problem(reason));
            continue;
        }
        let name = path.display().to_string();
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => files.push((name, text)),
            Ok(Err(_)) => problems.push(SourceText::new(&name, "").problem("not valid UTF-8 text")),
            Err(error) => {
                problems.push(SourceText::new(&name, "").problem(format!("cannot read: {error}")))
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Why `path` cannot be read as a questionnaire file, if it cannot: checked without opening
/// it, so a FIFO never blocks the load.
fn not_a_file(path: &Path) -> Option<String> {
    let reason = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => return None,
        Ok(meta) if meta.is_dir() => "is a folder, not a questionnaire file".to_string(),
        Ok(_) => "is not a regular file (a FIFO, socket or device)".to_string(),
        // The entry exists but what it links to does not: dangling, or a loop.
        Err(error) if std::fs::symlink_metadata(path).is_ok() => format!(
            "is a symbolic link that leads to no file: {}",
            io_reason(&error)
        ),
        Err(error) => format!("cannot read: {}", io_reason(&error)),
    };
    Some(reason)
}

/// A stable 64-bit FNV-1a hash of the files' names and contents.
fn fingerprint(files: &[(String, String)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in files {
        let name = Path::new(name)
            .file_name()
            .map_or(name.as_str(), |n| n.to_str().unwrap_or(""));
        for byte in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Parses and validates named file texts into one questionnaire. Pure: no I/O.
pub fn parse_files(
    files: &[(String, String)],
    version: String,
) -> Result<Questionnaire, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let lines: Vec<_> = files
        .iter()
        .map(|(_, text)| LineStarts::new(text))
        .collect();
    for ((name, text), lines) in files.iter().zip(&lines) {
        let (file, file_problems) = parse_file(SourceText::new(name, text).with_lines(lines));
        problems.extend(file_problems);
        parsed.extend(file);
    }
    parsed.sort_by(|a, b| {
        let key = |file: &ParsedFile<'_>| (file.summary.stage, file.summary.category);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.summary.name.cmp(&b.summary.name))
    });
    check_unique_ids(&parsed, &mut problems);
    if problems.is_empty() {
        check_links_across(&parsed, &mut problems);
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        return Err(problems);
    }
    let mut summaries = Vec::with_capacity(parsed.len());
    let mut questions = Vec::new();
    for file in parsed {
        summaries.push(file.summary);
        let mut in_file: Vec<Question> = file
            .questions
            .into_iter()
            .map(|(question, _)| question)
            .collect();
        in_file.sort_by_key(criterion_position);
        questions.extend(in_file);
    }
    Ok(Questionnaire::new(questions, summaries, version))
}

/// Where a question's criterion stands among the 61 (CC1.1 first, P8.1 last; a stage's
/// pseudo-criterion after them). Sorting a file's questions by it, stably, keeps each
/// criterion's questions together in the wizard, in file order, wherever the file put them.
fn criterion_position(question: &Question) -> usize {
    CRITERIA
        .iter()
        .position(|criterion| criterion.id == question.criterion)
        .unwrap_or(CRITERIA.len())
}

/// One file's summary and its questions, each with the byte span that defines it.
struct ParsedFile<'a> {
    source: SourceText<'a>,
    summary: FileSummary,
    questions: Vec<(Question, Range<usize>)>,
}

/// Parses one file: its summary and located questions, plus every problem found.
fn parse_file(source: SourceText<'_>) -> (Option<ParsedFile<'_>>, Vec<Problem>) {
    let document = match parse_document(source, source.text) {
        Ok(document) => document,
        Err(problems) => return (None, problems),
    };
    let mut fields = Fields::new(source, document.get_ref(), document.span());
    match fields.integer("schema") {
        Some(SCHEMA) => {}
        Some(other) => fields.report(
            "schema",
            format!("unsupported schema {other}; this version reads schema {SCHEMA}"),
        ),
        None if fields.value("schema").is_none() => fields.report(
            "schema",
            format!("missing required field (use schema = {SCHEMA})"),
        ),
        None => {}
    }
    let stage = read_stage(&mut fields);
    let category = read_category(&mut fields, stage);
    let title = fields.required_line("title");
    let tables = fields.tables("question");
    let mut problems = fields.finish();
    if tables.is_empty() && problems.is_empty() {
        problems.push(source.problem("holds no [[question]] tables"));
    }
    let Some(stage) = stage else {
        return (None, problems);
    };
    let context = FileContext { stage, category };
    let mut questions = Vec::with_capacity(tables.len());
    for (table, span) in tables {
        let (question, question_problems) = read_question(source, table, span.clone(), context);
        problems.extend(question_problems);
        if let Some(question) = question {
            questions.push((question, span));
        }
    }
    let summary = FileSummary {
        name: source.name.to_string(),
        title: title.unwrap_or_default(),
        stage,
        category,
        questions: questions.len(),
    };
    (
        Some(ParsedFile {
            source,
            summary,
            questions,
        }),
        problems,
    )
}

fn read_stage(fields: &mut Fields<'_, '_>) -> Option<Stage> {
    let name = fields.required_text("stage")?;
    let stage = Stage::from_key(&name);
    if stage.is_none() {
        fields.report(
            "stage",
            format!("must be compliance, attestation or certification, found \"{name}\""),
        );
    }
    stage
}

fn read_category(fields: &mut Fields<'_, '_>, stage: Option<Stage>) -> Option<Category> {
    match (stage, fields.text("category")) {
        (Some(Stage::Compliance), None) if fields.value("category").is_none() => {
            fields.report("category", "compliance files need a category (security, availability, processing-integrity, confidentiality, privacy)");
            None
        }
        (Some(Stage::Compliance), Some(name)) => {
            let category = Category::from_key(&name);
            if category.is_none() {
                fields.report("category", format!("must be security, availability, processing-integrity, confidentiality or privacy, found \"{name}\""));
            }
            category
        }
        (Some(stage), Some(_)) => {
            fields.report(
                "category",
                format!("{} files have no category", stage.key()),
            );
            None
        }
        _ => None,
    }
}

/// Checks `replaces` and `relevant_when` across every file, locating each problem at its
/// question.
fn check_links_across(parsed: &[ParsedFile<'_>], problems: &mut Vec<Problem>) {
    let questions: Vec<&Question> = parsed
        .iter()
        .flat_map(|file| file.questions.iter().map(|(question, _)| question))
        .collect();
    for link in check_links(&questions) {
        let place = parsed.iter().find_map(|file| {
            file.questions
                .iter()
                .find(|(question, _)| question.id == link.question)
                .map(|(_, span)| file.source.problem_at(span.clone(), link.message.clone()))
        });
        if let Some(problem) = place {
            problems.push(problem.in_item(&link.question).in_field(link.field));
        }
    }
}

fn check_unique_ids(parsed: &[ParsedFile<'_>], problems: &mut Vec<Problem>) {
    let mut first_seen: HashMap<&str, Problem> = HashMap::new();
    for file in parsed {
        for (question, span) in &file.questions {
            let place = file
                .source
                .problem_at(span.clone(), "")
                .in_item(&question.id)
                .in_field("id");
            match first_seen.get(question.id.as_str()) {
                Some(first) => problems.push(Problem {
                    message: format!(
                        "duplicate question id, first defined at {}:{}",
                        first.file,
                        first.line.unwrap_or(0)
                    ),
                    ..place
                }),
                None => {
                    first_seen.insert(&question.id, place);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_criterion_listed_apart_in_its_file_is_shown_with_its_own() {
        let question = |id: &str, criterion: &str| {
            format!(
                "[[question]]\nid = \"{id}\"\ncriterion = \"{criterion}\"\ntitle = \"T\"\nprompt = \"P\"\nwhy = \"W\"\nevidence = [\"E\"]\nremediation = [\"R\"]\n"
            )
        };
        let text = format!(
            "schema = 1\nstage = \"compliance\"\ncategory = \"security\"\ntitle = \"S\"\n{}{}{}{}",
            question("CC6.1.b", "CC6.1"),
            question("CC5.3.a", "CC5.3"),
            question("CC6.1.a", "CC6.1"),
            question("CC5.3.b", "CC5.3"),
        );
        let questionnaire =
            parse_files(&[("security.toml".into(), text)], "t".into()).expect("valid");
        let order: Vec<&str> = questionnaire
            .questions()
            .iter()
            .map(|question| question.id.as_str())
            .collect();
        assert_eq!(order, ["CC5.3.a", "CC5.3.b", "CC6.1.b", "CC6.1.a"]);
    }
}
