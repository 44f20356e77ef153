//! Never dropping or overwriting unseen: leaving (quit, Esc, Home) saves first and asks
//! when that fails; a file changed on disk is loaded when this window has nothing to save,
//! and otherwise the user chooses between overwriting it and loading it.

use std::path::Path;

use super::{file_name, leave_for_home, save_pending};
use crate::assessment::migrate::migrate;
use crate::assessment::store::StoreError;
use crate::tui::action::Action;
use crate::tui::app::{App, Decision, Leave, Session, Status, Tone};
use crate::tui::layout;
use crate::tui::storage::Storage;

/// Leaves for `then` once every change is saved; asks when a change cannot be saved.
/// Quitting while the question is shown means "quit anyway" (not while the terminal is too
/// small to show it).
pub fn request(app: &mut App, then: Leave) {
    if app.decision.is_some() {
        if then == Leave::Quit && !layout::too_small(app.size) {
            app.quit = true;
        }
        return;
    }
    save_pending(app);
    let Some(session) = app.session.as_ref().filter(|session| session.unsaved) else {
        go(app, then);
        return;
    };
    app.decision = Some(if session.conflict {
        Decision::Conflict { then: Some(then) }
    } else {
        Decision::Unsaved {
            then,
            reason: app.status.text.clone(),
        }
    });
}

/// When a signal ends the wizard (the terminal closed, `kill`, a logout) while a change is
/// still unsaved: tries the save once more and, if it fails again (or the file changed on
/// disk, which is never overwritten unseen), writes the whole assessment to a rescue file
/// beside it, or in `fallback_dir` when that folder cannot be written either. Returns the
/// line to print, or `None` when nothing was unsaved.
pub fn rescue(app: &mut App, fallback_dir: &Path) -> Option<String> {
    app.session.as_ref().filter(|session| session.unsaved)?;
    save_pending(app);
    let session = app.session.as_ref().filter(|session| session.unsaved)?;
    let why = session
        .not_saved
        .as_deref()
        .unwrap_or("the save did not finish");
    let stamp = app.clock.local(app.clock.now()).strftime("%Y%m%d-%H%M%S");
    let stem = session
        .path
        .file_stem()
        .map_or_else(|| "assessment".into(), |stem| stem.to_string_lossy());
    let name = format!("{stem}.unsaved-{stamp}.toml");
    let folders = [session.path.parent(), Some(fallback_dir)];
    let rescued = folders
        .into_iter()
        .flatten()
        .map(|folder| folder.join(&name))
        .find(|copy| app.storage.save(copy, &session.assessment).is_ok());
    let changes = session.changes.max(1);
    Some(match rescued {
        Some(copy) => format!(
            "soc2-ready was ended before {changes} change(s) to {} could be saved ({why}); the assessment with them is in {}",
            session.path.display(),
            copy.display()
        ),
        None => format!(
            "soc2-ready was ended before {changes} change(s) to {} could be saved ({why}), and no rescue copy could be written: they are lost",
            session.path.display()
        ),
    })
}

fn go(app: &mut App, then: Leave) {
    match then {
        Leave::Quit => app.quit = true,
        Leave::Home => leave_for_home(app),
    }
}

fn then_go(app: &mut App, then: Option<Leave>) {
    if let Some(then) = then {
        request(app, then);
    }
}

/// Handles the keys of an open [`Decision`].
pub fn decide(app: &mut App, action: Action) {
    let Some(decision) = app.decision.clone() else {
        return;
    };
    match (decision, action) {
        (Decision::Unsaved { then, .. }, Action::Confirm) => {
            app.decision = None;
            request(app, then);
        }
        (Decision::Conflict { then }, Action::Overwrite) => {
            if let Some(session) = app.session.as_mut() {
                session.conflict = false;
                // Seen and accepted: the next save writes without comparing.
                session.stamp = None;
            }
            app.decision = None;
            save_pending(app);
            then_go(app, then);
        }
        (Decision::Conflict { then }, Action::Reload) if reload(app) => {
            app.decision = None;
            then_go(app, then);
        }
        (_, Action::Back) => app.decision = None,
        _ => {}
    }
}

/// Replaces the open assessment with the file as it is on disk; false (with the reason on
/// the status line) when the file cannot be read.
fn reload(app: &mut App) -> bool {
    let Some(session) = app.session.as_mut() else {
        return false;
    };
    match app.storage.open(&session.path) {
        Ok((fresh, stamp)) => {
            let dropped = session.changes;
            session.assessment = fresh;
            let migration = migrate(&mut session.assessment, &app.questionnaire);
            session.stamp = Some(stamp);
            session.unsaved = false;
            session.conflict = false;
            session.changes = 0;
            session.rescore(&app.questionnaire, &app.policy, app.clock.today());
            let mut text = format!(
                "Loaded {} as it was changed outside this window",
                file_name(&session.path)
            );
            if dropped > 0 {
                text.push_str(&format!("; {dropped} change(s) of this window dropped"));
            }
            if let Some(notice) = migration.notice() {
                text.push_str(&format!(" · {notice}"));
            }
            app.status = Status::new(Tone::Info, text);
            true
        }
        Err(error) => {
            app.status = Status::new(Tone::Error, format!("Cannot load it: {error}"));
            false
        }
    }
}

/// Whether the session's file no longer holds what this window last read or wrote
/// (changed, replaced or deleted). Unknown (never stamped) counts as unchanged.
pub fn changed_on_disk(storage: &dyn Storage, session: &Session) -> bool {
    let Some(seen) = &session.stamp else {
        return false;
    };
    match storage.stamp(&session.path) {
        Ok(now) => !now.same_content(seen),
        Err(StoreError::Io { error, .. }) => error.kind() == std::io::ErrorKind::NotFound,
        Err(_) => true,
    }
}

/// Before each action: when the open file changed on disk and this window has nothing
/// unsaved, load the new version (a file that cannot be read now is left for the next
/// save to ask about).
pub fn sync_with_disk(app: &mut App) {
    if app.decision.is_some() {
        return;
    }
    let Some(session) = app.session.as_ref() else {
        return;
    };
    if session.unsaved || !changed_on_disk(app.storage.as_ref(), session) {
        return;
    }
    let name = file_name(&session.path);
    if !reload(app) {
        app.status = Status::new(
            Tone::Error,
            format!(
                "{name} was changed outside this window and cannot be read now ({}); the wizard shows the version it read before",
                app.status.text.trim_start_matches("Cannot load it: ")
            ),
        );
    }
}
