//! The one-line prompts: typing, cancelling, and what Enter does for each kind — with the
//! input checked first (due dates, N/A reasons, ids) and refused with a reason in place.

use jiff::civil::Date;

use super::wizard::advance;
use super::{certification, evidence, evidence_import, home, persist, registers, workshop};
use crate::assessment::{Answer, AnswerRecord};
use crate::tui::action::Action;
use crate::tui::app::{App, Filter, PromptKind, Screen};
use crate::tui::input::TextInput;
use crate::tui::path_completion;

/// Handles an action while a prompt is open.
pub fn update(app: &mut App, action: Action) {
    let Some(prompt) = app.prompt.as_mut() else {
        return;
    };
    match action {
        Action::Back => app.prompt = None,
        Action::Confirm => {
            let kind = prompt.kind;
            let text = prompt.input.text().trim().to_string();
            match submit(app, kind, &text) {
                Ok(()) => app.prompt = None,
                Err(message) => {
                    if let Some(prompt) = app.prompt.as_mut() {
                        prompt.error = Some(message);
                    }
                }
            }
        }
        Action::Complete if prompt.kind.takes_path() => complete_path(app),
        other => {
            if prompt.input.apply(other) {
                prompt.error = None;
                prompt.choices = None;
            }
        }
    }
}

/// Tab in a path prompt: completes the path while no `|` follows it, listing the names
/// left to choose from.
fn complete_path(app: &mut App) {
    let Some(prompt) = app.prompt.as_ref() else {
        return;
    };
    let typed = prompt.input.text().to_string();
    if typed.contains('|') {
        return;
    }
    let (text, choices) = tab_complete(app, &typed);
    if let Some(prompt) = app.prompt.as_mut() {
        if let Some(text) = text {
            prompt.input = TextInput::new(&text);
        }
        prompt.choices = choices;
    }
}

/// One Tab press on the typed path of any path field (a prompt, the export screen): the
/// completed text and the line to show under the field ([`path_completion::tab`]).
pub fn tab_complete(app: &App, typed: &str) -> (Option<String>, Option<String>) {
    let (folder, _) = path_completion::split(typed);
    path_completion::tab(typed, &app.storage.list_dir(folder))
}

/// Does what the prompt is for, or says why the text was refused.
fn submit(app: &mut App, kind: PromptKind, text: &str) -> Result<(), String> {
    match kind {
        PromptKind::Note => edit_record(app, |record| record.note = text.to_string()),
        PromptKind::Owner => edit_record(app, |record| record.owner = text.to_string()),
        PromptKind::Due => {
            let due = parse_due(text)?;
            edit_record(app, |record| record.due = due);
        }
        PromptKind::NaReason => {
            if text.is_empty() {
                return Err("A one-line reason is needed: auditors ask why.".into());
            }
            edit_record(app, |record| {
                record.answer = Some(Answer::NotApplicable);
                record.na_reason = text.to_string();
            });
            if app.screen == Screen::Workshop {
                workshop::after_answer(app);
            } else if let Some(session) = app.session.as_mut() {
                advance(session, &app.questionnaire);
            }
        }
        PromptKind::GoTo => go_to(app, text)?,
        PromptKind::Search => search(app, text)?,
        PromptKind::Rename => home::rename(app, text)?,
        PromptKind::Evidence => {
            let entry = evidence::parse_entry(text, app.clock.today())?;
            evidence::add(app, entry);
        }
        PromptKind::EvidenceFile => {
            let (path, entry) = evidence::parse_file_entry(text, app.clock.today())?;
            evidence::add_file(app, &path, entry)?;
        }
        PromptKind::EvidenceImport => evidence_import::import(app, text)?,
        PromptKind::ClaimsPath => certification::check_claims(app, text)?,
        PromptKind::Register(tab) => registers::add(app, tab, text)?,
        PromptKind::RegisterEdit(tab, index) => registers::edit(app, tab, index, text)?,
        PromptKind::FollowUp => workshop::submit_follow_up(app, text)?,
        PromptKind::WorkshopDecision => workshop::submit_decision(app, text)?,
        PromptKind::Attendees => workshop::submit_attendees(app, text)?,
    }
    Ok(())
}

/// Changes the current question's record and saves.
fn edit_record(app: &mut App, change: impl FnOnce(&mut AnswerRecord)) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let Some(question) = session.question(&app.questionnaire) else {
        return;
    };
    session.assessment.edit(&question.id, change);
    persist(app);
}

/// A due date: empty clears it, otherwise exactly `YYYY-MM-DD` and a real day.
pub fn parse_due(text: &str) -> Result<Option<Date>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let shape = text.len() == 10
        && text.char_indices().all(|(at, c)| match at {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    let refused = || format!("\"{text}\" is not a date: use YYYY-MM-DD, e.g. 2026-12-31.");
    if !shape {
        return Err(refused());
    }
    text.parse::<Date>().map(Some).map_err(|_| refused())
}

/// Goes to a question id, or to the first question of a criterion id (case-insensitive);
/// clears the filters when they hide it.
fn go_to(app: &mut App, text: &str) -> Result<(), String> {
    let Some(session) = app.session.as_mut() else {
        return Ok(());
    };
    let questions = app.questionnaire.questions();
    let in_scope = |index: &usize| session.assessment.in_scope(&questions[*index]);
    let exact = (0..questions.len())
        .filter(in_scope)
        .find(|&index| questions[index].id.eq_ignore_ascii_case(text));
    let target = exact.or_else(|| {
        (0..questions.len())
            .filter(in_scope)
            .find(|&index| questions[index].criterion.eq_ignore_ascii_case(text))
    });
    let Some(index) = target else {
        return Err(format!("No question in scope has the id \"{text}\"."));
    };
    if !session.visible(&app.questionnaire).contains(&index) {
        session.nav.filter = Filter::All;
        session.nav.search.clear();
    }
    session.nav.go(index);
    Ok(())
}

/// Shows only the questions matching `text` within the stage or category filter; empty
/// text clears the search and keeps the filter.
fn search(app: &mut App, text: &str) -> Result<(), String> {
    let Some(session) = app.session.as_mut() else {
        return Ok(());
    };
    let mut nav = session.nav.clone();
    nav.search = text.to_string();
    if nav
        .visible(&app.questionnaire, &session.assessment)
        .is_empty()
    {
        return Err(match nav.filter {
            Filter::All => format!("Nothing in scope matches \"{text}\"."),
            filter => format!(
                "Nothing in {} matches \"{text}\" (f clears the filter).",
                filter.label()
            ),
        });
    }
    session.nav.search = text.to_string();
    let visible = session.visible(&app.questionnaire);
    session.nav.settle(&visible);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_are_strict() {
        assert_eq!(parse_due(""), Ok(None));
        assert_eq!(
            parse_due("2026-12-31"),
            Ok(Some(Date::constant(2026, 12, 31)))
        );
        for bad in [
            "2026-02-30",
            "31/12/2026",
            "2026-1-5",
            "20261231",
            "2026-12-31x",
        ] {
            assert!(parse_due(bad).is_err(), "{bad}");
        }
    }
}
