//! The evidence log of the current question: select, add (through a one-line prompt:
//! `title | where | FROM..TO`), add a file by path (`PATH | title | FROM..TO`, kept in
//! the evidence folder and hashed), remove, close. Every change is saved like an answer;
//! each file's state (intact, changed, missing) is checked when the log opens or changes.

use jiff::civil::Date;

use super::persist;
use super::prompt::parse_due;
use crate::assessment::{Evidence, locker};
use crate::tui::action::Action;
use crate::tui::app::{App, Prompt, PromptKind, Status, Tone};

/// The number of entries of the current question's log.
fn entry_count(app: &App) -> usize {
    app.session
        .as_ref()
        .and_then(|session| {
            let question = session.question(&app.questionnaire)?;
            session.assessment.record(&question.id)
        })
        .map_or(0, |record| record.evidence.len())
}

/// Handles an action while the evidence log is open.
pub fn update(app: &mut App, action: Action) {
    let Some(selected) = app.evidence else {
        return;
    };
    let count = entry_count(app);
    let read_only = app
        .session
        .as_ref()
        .and_then(|session| session.read_only.clone());
    match action {
        Action::Up => app.evidence = Some(selected.saturating_sub(1)),
        Action::Down => app.evidence = Some((selected + 1).min(count.saturating_sub(1))),
        Action::Back => app.evidence = None,
        Action::New | Action::AddFile | Action::Import | Action::ApplyImport | Action::Delete
            if read_only.is_some() =>
        {
            let reason = read_only.unwrap_or_default();
            app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        }
        Action::New => app.prompt = Some(Prompt::new(PromptKind::Evidence, "")),
        Action::AddFile => app.prompt = Some(Prompt::new(PromptKind::EvidenceFile, "")),
        Action::Import => app.prompt = Some(Prompt::new(PromptKind::EvidenceImport, "")),
        Action::ApplyImport => super::evidence_import::apply(app),
        Action::Delete if selected < count => remove(app, selected),
        _ => {}
    }
}

/// Parses `title | where | FROM..TO` (the last two optional) into an entry collected `today`.
pub fn parse_entry(text: &str, today: jiff::civil::Date) -> Result<Evidence, String> {
    let mut parts = text.split('|').map(str::trim);
    let title = parts.next().unwrap_or_default();
    if title.is_empty() {
        return Err("Type a title first, e.g. \"Q3 access review\".".into());
    }
    let location = parts.next().unwrap_or_default().to_string();
    let period = parse_period(parts.next().unwrap_or_default())?;
    if parts.next().is_some() {
        return Err("At most three parts: title | where | FROM..TO.".into());
    }
    Ok(Evidence {
        period,
        ..Evidence::note(title, location, today)
    })
}

/// `FROM..TO` as a period, both days included; empty text is no period.
fn parse_period(text: &str) -> Result<Option<(Date, Date)>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let refused =
        || format!("\"{text}\" is not a period: use FROM..TO, e.g. 2026-07-01..2026-09-30.");
    let (from, to) = text.split_once("..").ok_or_else(refused)?;
    let from = parse_due(from.trim())?.ok_or_else(refused)?;
    let to = parse_due(to.trim())?.ok_or_else(refused)?;
    if from > to {
        return Err(format!("The period ends ({to}) before it starts ({from})."));
    }
    Ok(Some((from, to)))
}

/// `PATH | title | FROM..TO` (the last two optional; the title defaults to the file's
/// name) split into the path and an entry without files, collected `today`.
pub fn parse_file_entry(text: &str, today: Date) -> Result<(String, Evidence), String> {
    let mut parts = text.split('|').map(str::trim);
    let path = parts.next().unwrap_or_default();
    if path.is_empty() {
        return Err("Type the path of a file or folder first (Tab completes it).".into());
    }
    let title = match parts.next().filter(|title| !title.is_empty()) {
        Some(title) => title.to_string(),
        None => path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .to_string(),
    };
    let period = parse_period(parts.next().unwrap_or_default())?;
    if parts.next().is_some() {
        return Err("At most three parts: path | title | FROM..TO.".into());
    }
    Ok((
        path.to_string(),
        Evidence {
            period,
            ..Evidence::note(title, "", today)
        },
    ))
}

/// Keeps the file or folder at `path` in the evidence folder and adds `entry` with its
/// files (the log then shows each one with its size and state).
pub fn add_file(app: &mut App, path: &str, mut entry: Evidence) -> Result<(), String> {
    let Some(session) = app.session.as_ref() else {
        return Ok(());
    };
    let Some(question) = session.question(&app.questionnaire) else {
        return Ok(());
    };
    let folder = locker::folder_for(&session.path, app.evidence_folder.as_deref());
    let kept = app
        .storage
        .keep_evidence(&folder, &question.id, path)
        .map_err(|error| format!("Nothing added: {error}."))?;
    if kept.is_empty() {
        return Err(format!("Nothing added: {path} holds no regular file."));
    }
    entry.files = kept.into_iter().map(|kept| kept.file).collect();
    add(app, entry);
    Ok(())
}

/// Checks every file of the current question's log again.
pub fn refresh_files(app: &mut App) {
    app.evidence_files.clear();
    let Some(session) = app.session.as_ref() else {
        return;
    };
    let Some(record) = session
        .question(&app.questionnaire)
        .and_then(|question| session.assessment.record(&question.id))
    else {
        return;
    };
    let files: Vec<_> = record
        .evidence
        .iter()
        .flat_map(|entry| entry.files.iter().cloned())
        .collect();
    let folder = locker::folder_for(&session.path, app.evidence_folder.as_deref());
    let states = app.storage.check_evidence(&folder, &files);
    app.evidence_files = files
        .into_iter()
        .map(|file| file.path)
        .zip(states)
        .collect();
}

/// Adds `entry` to the current question's log, in date order, and selects it.
pub fn add(app: &mut App, entry: Evidence) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let Some(question) = session.question(&app.questionnaire) else {
        return;
    };
    let mut at = 0;
    session.assessment.edit(&question.id, |record| {
        at = record
            .evidence
            .partition_point(|existing| existing.collected <= entry.collected);
        record.evidence.insert(at, entry);
    });
    app.evidence = Some(at);
    persist(app);
    refresh_files(app);
}

/// Removes entry `index` of the current question's log.
fn remove(app: &mut App, index: usize) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let Some(question) = session.question(&app.questionnaire) else {
        return;
    };
    let mut title = String::new();
    session.assessment.edit(&question.id, |record| {
        title = record.evidence.remove(index).title;
    });
    app.evidence = Some(index.min(entry_count(app).saturating_sub(1)));
    persist(app);
    refresh_files(app);
    if app.status.tone != Tone::Error {
        app.status = Status::new(
            Tone::Info,
            format!("Removed evidence \"{title}\" · saving…"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_entries_are_typed_as_path_title_and_period() {
        let today = Date::constant(2026, 11, 24);
        let (path, entry) =
            parse_file_entry("~/in/q3.pdf | Q3 review | 2026-07-01..2026-09-30", today).unwrap();
        assert_eq!(path, "~/in/q3.pdf");
        assert_eq!(entry.title, "Q3 review");
        assert_eq!(entry.period.unwrap().1, Date::constant(2026, 9, 30));
        assert_eq!(
            parse_file_entry("exports/siem/", today).unwrap().1.title,
            "siem"
        );
        assert!(
            parse_file_entry(" | t", today)
                .unwrap_err()
                .starts_with("Type the path")
        );
        assert!(
            parse_file_entry("a | t | soon", today)
                .unwrap_err()
                .contains("not a period")
        );
        assert!(
            parse_file_entry("a | t | | x", today)
                .unwrap_err()
                .starts_with("At most three")
        );
    }

    #[test]
    fn entries_are_typed_as_title_where_and_period() {
        let today = Date::constant(2026, 11, 24);
        let entry = parse_entry(" Q3 review | SEC-142 | 2026-07-01..2026-09-30 ", today).unwrap();
        assert_eq!(entry.title, "Q3 review");
        assert_eq!(entry.location, "SEC-142");
        assert_eq!(entry.collected, today);
        assert_eq!(
            entry.period,
            Some((Date::constant(2026, 7, 1), Date::constant(2026, 9, 30)))
        );
        assert_eq!(parse_entry("Screenshot", today).unwrap().location, "");
        assert!(
            parse_entry(" | x", today)
                .unwrap_err()
                .starts_with("Type a title")
        );
        assert!(
            parse_entry("t | x | 2026-07-01", today)
                .unwrap_err()
                .contains("not a period")
        );
        assert!(
            parse_entry("t | x | 2026-09-01..2026-07-01", today)
                .unwrap_err()
                .starts_with("The period ends")
        );
        assert!(parse_entry("t | x | 2026-02-30..2026-03-01", today).is_err());
        assert!(
            parse_entry("t | x | | y", today)
                .unwrap_err()
                .starts_with("At most three")
        );
    }
}
