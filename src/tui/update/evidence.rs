//! The evidence log of the current question: select, add (through a one-line prompt:
//! `title | where | FROM..TO`), remove, close. Every change is saved like an answer.

use super::persist;
use super::prompt::parse_due;
use crate::assessment::Evidence;
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
        Action::New | Action::Delete if read_only.is_some() => {
            let reason = read_only.unwrap_or_default();
            app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        }
        Action::New => app.prompt = Some(Prompt::new(PromptKind::Evidence, "")),
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
    let period = match parts.next().filter(|period| !period.is_empty()) {
        None => None,
        Some(period) => {
            let refused = || {
                format!("\"{period}\" is not a period: use FROM..TO, e.g. 2026-07-01..2026-09-30.")
            };
            let (from, to) = period.split_once("..").ok_or_else(refused)?;
            let from = parse_due(from.trim())?.ok_or_else(refused)?;
            let to = parse_due(to.trim())?.ok_or_else(refused)?;
            if from > to {
                return Err(format!("The period ends ({to}) before it starts ({from})."));
            }
            Some((from, to))
        }
    };
    if parts.next().is_some() {
        return Err("At most three parts: title | where | FROM..TO.".into());
    }
    Ok(Evidence {
        period,
        ..Evidence::note(title, location, today)
    })
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
    use jiff::civil::Date;

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
