//! `update(&mut App, Action)`: the only place state changes. Pure except that files and the
//! clock are reached through the injected [`Storage`](super::storage::Storage) and
//! [`Clock`](super::storage::Clock), so tests can drive it with key sequences and then check
//! both the state and the saved file.

mod certification;
mod dashboard;
mod evidence;
mod evidence_import;
mod export;
mod home;
mod leave;
mod mouse;
mod package;
mod prompt;
mod register_entry;
mod registers;
mod wizard;
mod workshop;

pub use leave::rescue;
pub use package::{apply_event as package_event, poll as poll_package};
pub use workshop::open as open_workshop;

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Decision, Leave, Screen, Session, Status, Tone};
use super::keymap::Context;
use super::view;
use crate::assessment::Assessment;
use crate::assessment::migrate::migrate;
use crate::time::history;

/// Fills Home from the data directory, opens `open` if given, and shows the three stages
/// to a first-time user (remembering that they saw them).
pub fn start(app: &mut App, open: Option<(PathBuf, Assessment)>) {
    home::refresh(app);
    if let Some((path, assessment)) = open {
        open_session(app, path, assessment);
    }
    if !app.storage.stages_seen() {
        show_stages(app);
        if let Err(error) = app.storage.mark_stages_seen() {
            app.status = Status::new(Tone::Error, error.to_string());
        }
    }
}

/// Applies one action and saves the change it made to the open assessment, if any.
pub fn update(app: &mut App, action: Action) {
    apply(app, action);
    save_pending(app);
}

/// Applies one action. A change to the open assessment is stamped and rescored at once but
/// only marked unsaved; [`save_pending`] writes it. The run loop draws in between, so a key
/// press is on screen without waiting for the disk (a save's two fsyncs take milliseconds).
pub fn apply(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize { .. } | Action::Click { .. }) {
        leave::sync_with_disk(app);
    }
    match action {
        Action::Unbound(key) => {
            if let Some(message) = app.context().unbound_message(key) {
                app.status = Status::new(Tone::Info, message);
            }
        }
        Action::Quit => {
            workshop::record_end(app);
            leave::request(app, Leave::Quit);
        }
        // The run loop stops the process; the state does not change.
        Action::Suspend => {}
        Action::Resize { width, height } => app.size = Rect::new(0, 0, width, height),
        // Nothing acts on a screen the user cannot see (clicks included).
        _ if app.context() == Context::TooSmall => {}
        Action::Click { column, row } => {
            if let Some(action) = mouse::action_at(app, column, row) {
                apply(app, action);
            }
        }
        Action::Wheel { column, row, down } => {
            if let Some(action) = mouse::wheel_at(app, column, row, down) {
                apply(app, action);
            }
        }
        Action::Help => app.help = if app.help.is_some() { None } else { Some(0) },
        _ => match app.context() {
            Context::Help => help(app, action),
            Context::Unsaved | Context::Conflict => leave::decide(app, action),
            Context::Prompt => prompt::update(app, action),
            Context::Home | Context::ConfirmDelete | Context::FormText | Context::FormChoice => {
                home::update(app, action)
            }
            Context::WizardScale | Context::WizardYesNo => wizard::update(app, action),
            Context::WorkshopScale | Context::WorkshopYesNo => workshop::update(app, action),
            Context::Evidence => evidence::update(app, action),
            Context::Registers => registers::update(app, action),
            Context::Dashboard => dashboard::update(app, action),
            Context::Export => export::update(app, action),
            Context::Writing => package::update(app, action),
            Context::Stages => stages(app, action),
            Context::Certification => certification::update(app, action),
            Context::TooSmall => {}
        },
    }
}

/// Opens an assessment in the wizard, read-only when another window holds its edit lock.
/// The file is read again under the lock, and stamped, so a later change made outside
/// the wizard is noticed.
fn open_session(app: &mut App, path: PathBuf, assessment: Assessment) {
    save_pending(app);
    if app.session.as_ref().is_some_and(|session| session.unsaved) {
        return;
    }
    // Release this window's previous lock before taking the next one.
    app.session = None;
    let lock = app.storage.lock(&path);
    let (mut assessment, stamp) = match app.storage.open(&path) {
        Ok((fresh, stamp)) => (fresh, Some(stamp)),
        Err(_) => (assessment, None),
    };
    let migration = migrate(&mut assessment, &app.questionnaire);
    let mut session = Session::new(
        path,
        assessment,
        &app.questionnaire,
        &app.policy,
        app.clock.today(),
    );
    session.stamp = stamp;
    match lock {
        Ok(lock) => {
            session.lock = Some(std::sync::Arc::new(lock));
            let mut text = format!("Opened {}", file_name(&session.path));
            let unknown = session.assessment.unknown_ids(&app.questionnaire).count();
            if unknown > 0 {
                text.push_str(&format!(
                    " · {unknown} answer(s) to questions this questionnaire does not have: kept, not scored"
                ));
            }
            let reasons = session.assessment.na_reason_messages();
            if let Some(first) = reasons.first() {
                text.push_str(&format!(" · {first}"));
                if reasons.len() > 1 {
                    text.push_str(&format!(" (and {} more)", reasons.len() - 1));
                }
            }
            let links = session.stamp.as_ref().map_or(1, |stamp| stamp.links());
            let tone = if links > 1 {
                text.push_str(&format!(
                    " · WARNING: this file has {links} hard links; saving writes a new file under this name only, so the other names keep the old answers"
                ));
                Tone::Error
            } else {
                Tone::Info
            };
            if let Some(notice) = migration.notice() {
                text.push_str(&format!(" · {notice}"));
            }
            app.status = Status::new(tone, text);
        }
        Err(error) => {
            app.status = Status::new(Tone::Error, format!("READ-ONLY: {error}"));
            session.read_only = Some(error.to_string());
        }
    }
    app.session = Some(session);
    app.gap = 0;
    app.export = None;
    app.screen = Screen::Wizard;
}

/// Stamps and rescores the open assessment after a change and marks it for
/// [`save_pending`]; the status line says "Saving…" until then.
fn persist(app: &mut App) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    if let Some(reason) = &session.read_only {
        app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        return;
    }
    workshop::record_activity(app);
    let Some(session) = app.session.as_mut() else {
        return;
    };
    session.assessment.updated = Some(app.clock.now());
    session.rescore(&app.questionnaire, &app.policy, app.clock.today());
    let readiness = history::stage_percents(&session.card);
    history::record(&mut session.assessment, app.clock.today(), readiness);
    session.unsaved = true;
    session.changes += 1;
    app.status = Status::new(Tone::Info, "Saving…");
}

/// Saves the open assessment atomically if it has an unsaved change, and returns whether it
/// had one. The change stays marked unsaved until a save succeeds; the status line says
/// when it was saved, or why it was not (the answers stay in memory and the next change, a
/// quit or going Home tries again). A file changed on disk since this window read it is
/// never overwritten unseen: the user is asked instead.
pub fn save_pending(app: &mut App) -> bool {
    let Some(session) = app.session.as_mut().filter(|session| session.unsaved) else {
        return false;
    };
    if session.conflict || leave::changed_on_disk(app.storage.as_ref(), session) {
        if !session.conflict {
            session.conflict = true;
            app.decision = Some(Decision::Conflict { then: None });
        }
        let reason = format!(
            "{} was changed outside this window",
            file_name(&session.path)
        );
        app.status = Status::new(
            Tone::Error,
            format!("NOT SAVED: {reason}; q or Esc asks what to keep."),
        );
        session.not_saved = Some(reason);
        return true;
    }
    app.status = match app.storage.save(&session.path, &session.assessment) {
        Ok(()) => {
            session.unsaved = false;
            session.changes = 0;
            session.not_saved = None;
            session.stamp = app.storage.stamp(&session.path).ok();
            let saved = session
                .assessment
                .updated
                .unwrap_or_else(|| app.clock.now());
            Status::new(
                Tone::Done,
                format!("Saved {}", app.clock.local(saved).strftime("%H:%M:%S")),
            )
        }
        Err(error) => {
            let reason = error.to_string();
            let status = Status::new(
                Tone::Error,
                format!(
                    "NOT SAVED: {reason}. Your answers are kept; the next change, q or Esc tries again."
                ),
            );
            session.not_saved = Some(reason);
            status
        }
    };
    true
}

/// Back to Home, once every change is saved (or the user chose to drop it).
fn go_home(app: &mut App) {
    leave::request(app, Leave::Home);
}

/// Back to Home, with the list read again and the assessment just worked on selected.
/// The session ends here, releasing its edit lock for other windows.
fn leave_for_home(app: &mut App) {
    app.screen = Screen::Home;
    home::refresh(app);
    if let Some(session) = app.session.take()
        && let Some(at) = app
            .home
            .entries
            .iter()
            .position(|entry| entry.path == session.path)
    {
        app.home.selected = at;
    }
}

fn show_stages(app: &mut App) {
    if app.screen != Screen::Stages {
        app.stages.back = app.screen;
    }
    app.stages.scroll = 0;
    app.screen = Screen::Stages;
}

fn stages(app: &mut App, action: Action) {
    match action {
        Action::Up => app.stages.scroll = app.stages.scroll.saturating_sub(1),
        Action::Down => {
            app.stages.scroll = (app.stages.scroll + 1).min(view::stages_max_scroll(app));
        }
        Action::Back => app.screen = app.stages.back,
        _ => {}
    }
}

fn help(app: &mut App, action: Action) {
    let most = view::help_max_scroll(app);
    let Some(scroll) = app.help.as_mut() else {
        return;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = (*scroll + 1).min(most),
        Action::Back => app.help = None,
        _ => {}
    }
}

/// The file name of a path, for status messages.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
