//! The auditor's package from the export screen: assembled here through the same library
//! code as `soc2-ready package` ([`auditor_package`](crate::report::auditor_package)), then
//! written by a [`PackageJob`] off the UI thread. Its events advance the gauge
//! ([`Writing`]); Esc cancels, and the writer then leaves nothing behind.

use std::path::Path;

use super::file_name;
use crate::assessment::locker;
use crate::assessment::package::PackageError;
use crate::report::auditor_package::Inputs;
use crate::text_safety::{visible_line, visible_text};
use crate::tui::action::Action;
use crate::tui::app::{App, Status, Tone, Writing};
use crate::tui::job::{EVENTS_AHEAD, JobEvent, PackageJob};

/// Assembles the package of the open assessment for `path` and starts writing it; a
/// package that cannot be made (evidence files missing or changed, a refused target) says
/// why on the screen and writes nothing.
pub fn start(app: &mut App, path: &Path) {
    if app.package.is_some() {
        return;
    }
    let (Some(session), Some(form)) = (&app.session, app.export.as_ref()) else {
        return;
    };
    let folder = locker::folder_for(&session.path, app.evidence_folder.as_deref());
    let inputs = Inputs {
        questionnaire: &app.questionnaire,
        assessment: &session.assessment,
        path: &session.path,
        policy: &app.policy,
        branding: &app.branding,
        paper: form.paper,
        evidence_folder: &folder,
        output: Some(path),
        index_only: form.index_only,
        today: app.clock.today(),
    };
    let assembled = app
        .storage
        .check_export(path, &session.path)
        .map_err(|error| error.to_string())
        .and_then(|()| {
            app.storage
                .assemble_package(&inputs)
                .map_err(|error| error.to_string())
        });
    let Some(form) = app.export.as_mut() else {
        return;
    };
    match assembled {
        Ok(assembled) => {
            let writing = Writing::new(
                assembled.out.clone(),
                assembled.total(),
                assembled.files_text(),
            );
            app.status = Status::new(
                Tone::Info,
                format!(
                    "Writing {}; Esc cancels.",
                    visible_line(&file_name(&assembled.out))
                ),
            );
            form.writing = Some(writing);
            form.outcome = None;
            app.package = Some(PackageJob::start(assembled));
        }
        Err(error) => fail(app, error),
    }
}

/// Handles a key while the package is being written: Esc cancels it.
pub fn update(app: &mut App, action: Action) {
    if action != Action::Back {
        return;
    }
    if let Some(job) = &app.package {
        job.cancel();
    }
    if let Some(writing) = app.export.as_mut().and_then(|form| form.writing.as_mut()) {
        writing.cancelling = true;
        app.status = Status::new(Tone::Info, "Cancelling: the partial package is removed…");
    }
}

/// Applies one event of the writer to the state: the gauge moves, or the package is done
/// (written, failed or cancelled) and the screen says so.
pub fn apply_event(app: &mut App, event: JobEvent) {
    let Some(form) = app.export.as_mut() else {
        return;
    };
    match event {
        JobEvent::Progress { member, done } => {
            if let Some(writing) = form.writing.as_mut() {
                writing.advance(&member, done);
            }
        }
        JobEvent::Finished(result) => {
            let Some(writing) = form.writing.take() else {
                return;
            };
            let name = visible_line(&file_name(&writing.out)).into_owned();
            match result {
                Ok(written) => {
                    app.status = Status::new(
                        Tone::Done,
                        format!(
                            "Wrote {name}: {} members, {}; {}",
                            written.members,
                            locker::size_text(written.bytes),
                            writing.contents
                        ),
                    );
                    form.outcome = Some(Ok(writing.out.display().to_string()));
                }
                Err(PackageError::Cancelled) => {
                    app.status = Status::new(Tone::Info, "Cancelled; no package was written.");
                    form.outcome = Some(Err(
                        "Cancelled; no package was written and nothing is left behind.".into(),
                    ));
                }
                Err(error) => fail(app, error.to_string()),
            }
        }
    }
}

/// Drains the events the writer has sent (a bounded number, so a fast writer cannot keep
/// the event loop from drawing) and ends the job once it finished; returns whether
/// anything changed.
pub fn poll(app: &mut App) -> bool {
    let mut changed = false;
    for _ in 0..=EVENTS_AHEAD {
        let Some(event) = app.package.as_ref().and_then(PackageJob::next_event) else {
            break;
        };
        let finished = matches!(event, JobEvent::Finished(_));
        apply_event(app, event);
        changed = true;
        if finished {
            app.package = None;
            break;
        }
    }
    changed
}

/// Shows why the package was not written: the whole reason on the screen, its first line
/// on the status line.
fn fail(app: &mut App, error: String) {
    let first = error.lines().next().unwrap_or_default();
    app.status = Status::new(Tone::Error, visible_line(first).into_owned());
    if let Some(form) = app.export.as_mut() {
        form.outcome = Some(Err(visible_text(&error).into_owned()));
    }
}
