//! `soc2-ready evidence add|list|verify|remove`: the dated evidence log of each control,
//! with the files kept for it, the months of operating evidence it proves and the
//! *claimed, not evidenced* flags.

use std::fmt::Write;
use std::path::Path;

use jiff::civil::Date;
use soc2_ready::assessment::locker::{self, Kept};
use soc2_ready::assessment::{AnswerRecord, Assessment, Evidence};
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::time::evidence::{self, EVIDENCE_MONTHS_QUESTION};

use super::answer::find_question;
use super::args::{EvidenceAddArgs, EvidenceCommand, ScoreFormat};
use super::edit::{date_arg, edit};
use super::evidence_files::{self, CopyProgress};
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire};

/// Runs one `evidence` subcommand.
pub fn run(global: &GlobalArgs, command: &EvidenceCommand) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let setting = load_config(global)?.defaults.evidence_folder;
    let folder_of = |path: &Path| locker::folder_for(path, setting.as_deref());
    match command {
        EvidenceCommand::Add(args) => add(&questionnaire, args, &folder_of(&args.path)),
        EvidenceCommand::List {
            path,
            question,
            format,
        } => {
            let (assessment, warnings) = load_assessment(path, &questionnaire)?;
            if let Some(id) = question {
                find_question(&questionnaire, id)?;
            }
            let stdout = match format {
                ScoreFormat::Text => list(&questionnaire, &assessment, question.as_deref()),
                ScoreFormat::Json => evidence_files::list_json(
                    &folder_of(path),
                    &assessment,
                    question.as_deref(),
                    clock()?.today(),
                ),
            };
            Ok(Output { stdout, warnings })
        }
        EvidenceCommand::Verify { path, format } => {
            let (assessment, warnings) = load_assessment(path, &questionnaire)?;
            evidence_files::verify(&folder_of(path), &assessment, *format, warnings)
        }
        EvidenceCommand::Remove {
            path,
            question,
            number,
        } => {
            let question = find_question(&questionnaire, question)?;
            let clock = clock()?;
            edit(path, &clock, &questionnaire, |assessment| {
                let count = assessment
                    .record(&question.id)
                    .map_or(0, |record| record.evidence.len());
                if *number == 0 || *number > count {
                    return Err(Failure::Invalid(format!(
                        "{}: there is no evidence entry {number} ({count} entries; `soc2-ready evidence list` numbers them); nothing was changed",
                        question.id
                    )));
                }
                let mut removed = None;
                assessment.edit(&question.id, |record| {
                    removed = Some(record.evidence.remove(number - 1));
                });
                let title = removed.map(|entry| entry.title).unwrap_or_default();
                Ok(format!(
                    "{}: removed evidence {number} \"{title}\" ({} left)\n",
                    question.id,
                    count - 1
                ))
            })
        }
    }
}

/// Adds one entry, checked first: a title, real dates, a period that does not end before it
/// starts, nothing collected in the future.
fn add(
    questionnaire: &Questionnaire,
    args: &EvidenceAddArgs,
    folder: &Path,
) -> Result<Output, Failure> {
    let question = find_question(questionnaire, &args.question)?;
    let clock = clock()?;
    let today = clock.today();
    let title = args.title.trim();
    if title.is_empty() {
        return Err(Failure::Invalid("--title must not be empty".into()));
    }
    let collected = match &args.collected {
        Some(text) => date_arg("--collected", text)?,
        None => today,
    };
    if collected > today {
        return Err(Failure::Invalid(format!(
            "--collected: {collected} is in the future (today is {today})"
        )));
    }
    let period = period(args)?;
    let expires = match &args.expires {
        Some(text) => Some(date_arg("--expires", text)?),
        None => None,
    };
    if let Some(expires) = expires
        && expires <= collected
    {
        return Err(Failure::Invalid(format!(
            "--expires: {expires} is not after the day it was collected ({collected})"
        )));
    }
    load_assessment(&args.path, questionnaire)?;
    let (kept, skipped) = keep_files(folder, &question.id, &args.file)?;
    let entry = Evidence {
        title: title.to_string(),
        location: args.location.trim().to_string(),
        collected,
        period,
        expires,
        files: kept.iter().map(|kept| kept.file.clone()).collect(),
    };
    let files = files_line(&kept, folder);
    let outcome = edit(&args.path, &clock, questionnaire, |assessment| {
        let window = assessment.audit.window_months;
        let mut summary = String::new();
        assessment.edit(&question.id, |record| {
            let at = record
                .evidence
                .partition_point(|existing| existing.collected <= entry.collected);
            record.evidence.insert(at, entry);
            summary = format!(
                "{}: added evidence {} of {}{files}; {}\n",
                question.id,
                at + 1,
                record.evidence.len(),
                state(record, window)
            );
        });
        Ok(summary)
    });
    if outcome.is_err() {
        locker::discard(folder, &kept);
    }
    outcome.map(|mut output| {
        output.warnings.extend(skipped);
        output
    })
}

/// The period from `--covers FROM..TO` or `--from` and `--to`, checked.
fn period(args: &EvidenceAddArgs) -> Result<Option<(Date, Date)>, Failure> {
    let (from, to, option) = match (&args.covers, &args.from, &args.to) {
        (Some(covers), _, _) => {
            let (from, to) = covers.split_once("..").ok_or_else(|| {
                Failure::Invalid(format!(
                    "--covers: expected FROM..TO such as 2026-07-01..2026-09-30, found \"{covers}\""
                ))
            })?;
            (
                date_arg("--covers", from)?,
                date_arg("--covers", to)?,
                "--covers",
            )
        }
        (None, Some(from), Some(to)) => (date_arg("--from", from)?, date_arg("--to", to)?, "--to"),
        _ => return Ok(None),
    };
    if from > to {
        return Err(Failure::Invalid(format!(
            "{option}: the period ends ({to}) before it starts ({from})"
        )));
    }
    Ok(Some((from, to)))
}

/// Copies every `--file` into the locker, with notes on what a folder held that is not a
/// regular file; on any failure, removes what this call copied and nothing is recorded.
fn keep_files(
    folder: &std::path::Path,
    question: &str,
    paths: &[std::path::PathBuf],
) -> Result<(Vec<Kept>, Vec<String>), Failure> {
    if paths.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let (sources, skipped) = locker::sources(paths)
        .map_err(|error| evidence_files::failure(error, "nothing was recorded"))?;
    if sources.is_empty() {
        return Err(Failure::Invalid(format!(
            "--file: no regular file found in {}; nothing was recorded",
            paths
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut progress = CopyProgress::new(sources.iter().map(|source| source.size).sum());
    let mut kept = Vec::new();
    for source in &sources {
        let result = locker::keep(folder, question, source, &mut progress.callback());
        match result {
            Ok(file) => {
                progress.finish_file(source.size);
                kept.push(file);
            }
            Err(error) => {
                progress.clear();
                locker::discard(folder, &kept);
                return Err(evidence_files::failure(error, "nothing was recorded"));
            }
        }
    }
    progress.clear();
    Ok((kept, skipped))
}

/// ` with 2 files (1.2 MB) in acme.evidence/`, or nothing without files.
fn files_line(kept: &[Kept], folder: &std::path::Path) -> String {
    if kept.is_empty() {
        return String::new();
    }
    let bytes: u64 = kept.iter().map(|kept| kept.file.size).sum();
    let count = kept.len();
    let unit = if count == 1 { "file" } else { "files" };
    format!(
        " with {count} {unit} ({}, kept in {})",
        locker::size_text(bytes),
        folder.display()
    )
}

/// Months of evidence and the flag, in words.
fn state(record: &AnswerRecord, window: u8) -> String {
    let months = evidence::months(&record.evidence);
    let unit = if months == 1 { "month" } else { "months" };
    match evidence::claim(record, window) {
        Some(claim) => format!(
            "{months} {unit} of operating evidence; {}",
            claim.describe()
        ),
        None => format!("{months} {unit} of operating evidence"),
    }
}

/// The log of one question or of every question with evidence or a claim.
fn list(questionnaire: &Questionnaire, assessment: &Assessment, only: Option<&str>) -> String {
    let window = assessment.audit.window_months;
    let mut out = String::new();
    for (id, record) in &assessment.answers {
        if only.is_some_and(|only| only != id) {
            continue;
        }
        if only.is_none() && record.evidence.is_empty() && evidence::claim(record, window).is_none()
        {
            continue;
        }
        let title = questionnaire
            .question(id)
            .map_or("(not in this questionnaire)", |question| &question.title);
        let _ = writeln!(out, "{id} · {title}: {}", state(record, window));
        for (number, entry) in record.evidence.iter().enumerate() {
            let period = entry
                .period
                .map(|(from, to)| format!("  covers {from} to {to}"))
                .unwrap_or_default();
            let location = if entry.location.is_empty() {
                String::new()
            } else {
                format!("  at {}", entry.location)
            };
            let _ = writeln!(
                out,
                "  {}. {}  {}{period}{location}{}",
                number + 1,
                entry.collected,
                entry.title,
                entry
                    .expires
                    .map(|expires| format!("  expires {expires}"))
                    .unwrap_or_default()
            );
            for file in &entry.files {
                let _ = writeln!(
                    out,
                    "     {}  {}  sha256 {}",
                    file.path,
                    locker::size_text(file.size),
                    file.sha256
                );
            }
        }
    }
    if out.is_empty() {
        out.push_str(match only {
            Some(_) => "No evidence for this question yet.\n",
            None => "No evidence logged yet, and no answer claims any.\n",
        });
    }
    if only.is_none()
        && let Some(suggestion) = evidence::suggest_months(questionnaire, assessment)
        && let Some(question) = questionnaire.question(EVIDENCE_MONTHS_QUESTION)
    {
        let _ = writeln!(
            out,
            "\nSuggested for {EVIDENCE_MONTHS_QUESTION}: \"{}\" (the median of the {} controls with evidence is {} months)",
            question.level_label(suggestion.level),
            suggestion.controls,
            suggestion.median_months
        );
    }
    out
}
