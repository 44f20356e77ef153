//! `soc2-ready merge BASE OURS THEIRS`, git's merge driver (`%O %A %B`): reads the three
//! files with the normal reader (older schemas migrate in memory), merges them
//! ([`soc2_ready::assessment::merge`]) and writes the result over OURS atomically. Exit 0
//! when clean, 1 with conflicts (kept in the file, which still loads), 2 when a file does
//! not parse (OURS is then left untouched and git reports the conflict itself).
//! `soc2-ready resolve` picks a side for the conflicts waiting.

use std::path::Path;

use soc2_ready::assessment::conflicts::{ASSESSMENT, Take};
use soc2_ready::assessment::merge::merge;
use soc2_ready::assessment::{Answer, Assessment, store};
use soc2_ready::questionnaire::Questionnaire;

use super::args::{MergeArgs, ResolveArgs, TakeArg};
use super::edit::edit;
use super::{Failure, GlobalArgs, Output, clock, load_questionnaire, open_assessment};

/// Merges THEIRS into OURS against BASE and saves OURS.
pub fn run(global: &GlobalArgs, args: &MergeArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let (ours, _, _) = open_assessment(&args.ours, &questionnaire)?;
    let (theirs, _, _) = open_assessment(&args.theirs, &questionnaire)?;
    let base = if std::fs::metadata(&args.base).is_ok_and(|meta| meta.len() == 0) {
        // Added on both branches: no common ancestor, so every answer is an addition.
        let mut base = ours.clone();
        base.answers.clear();
        base.history.clear();
        base.registers = Default::default();
        base
    } else {
        open_assessment(&args.base, &questionnaire)?.0
    };
    let merged = merge(&base, &ours, &theirs);
    store::save(&args.ours, &merged.assessment)?;
    let mut lines = merged.kept_ours.clone();
    lines.extend(conflict_notice(
        &args.ours,
        &merged.assessment,
        &questionnaire,
    ));
    if merged.is_conflicted() {
        return Err(Failure::Finding {
            stdout: String::new(),
            message: format!("soc2-ready merge: {}", lines.join("\n")),
        });
    }
    Ok(Output::default())
}

/// Resolves the conflicts of one question (or all) by taking one side.
pub fn resolve(global: &GlobalArgs, args: &ResolveArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let take = match args.take {
        TakeArg::Ours => Take::Ours,
        TakeArg::Theirs => Take::Theirs,
    };
    let clock = clock()?;
    edit(&args.path, &clock, &questionnaire, |assessment| {
        let subjects: Vec<String> = match (&args.question, args.all) {
            (Some(subject), false) => vec![subject.clone()],
            (None, true) => assessment.conflicts.keys().cloned().collect(),
            _ => {
                return Err(Failure::Invalid(
                    "give one question id (or `assessment`) or --all; nothing was changed".into(),
                ));
            }
        };
        let mut resolved = 0;
        for subject in &subjects {
            resolved += assessment.resolve(subject, take).map_err(|message| {
                Failure::Invalid(format!("{subject}: {message}; nothing was changed"))
            })?;
        }
        if resolved == 0 {
            let named = match subjects.is_empty() {
                true => "this file".to_string(),
                false => subjects.join(", "),
            };
            return Err(Failure::Invalid(format!(
                "no merge conflict waits for {named}; nothing was changed"
            )));
        }
        Ok(format!("{resolved} conflicting field(s) resolved\n"))
    })
}

/// The line saying which merge conflicts wait in `assessment`, if any.
pub fn conflict_notice(
    path: &Path,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> Option<String> {
    let views = assessment.conflict_views();
    let first = views.first()?;
    let shown = |field: &str, text: &str| -> String {
        let question = questionnaire.question(&first.subject);
        match (field, Answer::from_key(text), question) {
            ("answer", Some(answer), Some(question)) => answer.label(question).to_string(),
            (_, _, _) if text.is_empty() => "(none)".to_string(),
            _ => text.to_string(),
        }
    };
    let place = if first.subject == ASSESSMENT || first.field != "answer" {
        format!("{} {}", first.subject, first.field)
    } else {
        first.subject.clone()
    };
    let more = match views.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    let count = match views.len() {
        1 => "1 merge conflict".to_string(),
        n => format!("{n} merge conflicts"),
    };
    Some(format!(
        "{count} waiting: {place} (ours: {}, theirs: {}){more} — pick with `soc2-ready resolve {} {} --take ours|theirs` (or --all)",
        shown(&first.field, &first.ours),
        shown(&first.field, &first.theirs),
        path.display(),
        first.subject,
    ))
}
