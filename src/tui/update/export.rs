//! The export screen: choose a format (or the auditor's package) and its options, edit
//! the path (Tab completes it), write the report through the report module — or start the
//! package ([`package`](super::package)) — and say where it went or why it could not be
//! written. A path that holds an assessment — the open one by any name, or another — or a
//! device is refused.

use std::path::{Path, PathBuf};

use super::prompt::tab_complete;
use super::{file_name, package};
use crate::report::{self, Format, ReportModel};
use crate::tui::action::Action;
use crate::tui::app::{App, Document, ExportForm, Screen, Status, Tone};
use crate::tui::input::TextInput;

/// Opens the export screen for the open assessment, prefilled the first time.
pub fn open(app: &mut App) {
    let Some(session) = &app.session else {
        return;
    };
    if app.export.is_none() {
        let today = app.clock.today();
        let form = ExportForm::new(
            &session.path,
            &session.assessment.organization,
            today,
            app.paper,
        );
        app.export = Some(match &app.export_folder {
            Some(folder) => form.in_folder(folder),
            None => form,
        });
    }
    app.screen = Screen::Export;
}

/// Handles the export screen's actions.
pub fn update(app: &mut App, action: Action) {
    let Some(form) = app.export.as_mut() else {
        app.screen = Screen::Dashboard;
        return;
    };
    match action {
        Action::NextFormat => form.next_format(),
        Action::PrevFormat => form.previous_format(),
        Action::NextPaper => form.next_paper(),
        Action::IndexOnly => form.toggle_index_only(),
        Action::Complete => complete(app),
        Action::Back => app.screen = Screen::Dashboard,
        Action::Confirm => match target(app) {
            Some((Document::Report(format), path)) => write(app, format, &path),
            Some((Document::Package, path)) => package::start(app, &path),
            None => {}
        },
        other => {
            if form.path.apply(other) {
                form.outcome = None;
                form.choices = None;
            }
        }
    }
}

/// Tab on the path: completed as in the evidence prompt, the names left listed below.
fn complete(app: &mut App) {
    let Some(form) = app.export.as_ref() else {
        return;
    };
    let typed = form.path.text().to_string();
    let (text, choices) = tab_complete(app, &typed);
    if let Some(form) = app.export.as_mut() {
        if let Some(text) = text {
            form.path = TextInput::new(&text);
        }
        form.choices = choices;
        form.outcome = None;
    }
}

/// The chosen document and where it goes, or `None` (and the reason shown) when no path
/// is typed.
fn target(app: &mut App) -> Option<(Document, PathBuf)> {
    let form = app.export.as_mut()?;
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    let Some(path) = form.target(home.as_deref(), Path::is_dir) else {
        form.outcome = Some(Err("Type where it should go.".into()));
        return None;
    };
    Some((form.document, path))
}

/// Builds the report model and writes it in `format` at `path`.
fn write(app: &mut App, format: Format, path: &Path) {
    let (Some(session), Some(form)) = (&app.session, app.export.as_mut()) else {
        return;
    };
    let today = app.clock.today();
    let mut model = ReportModel::build(
        &app.questionnaire,
        &session.assessment,
        &session.card,
        &app.policy,
        today,
    );
    // The claims check run on the "certification" screen goes into the report.
    model.claims = app
        .certification
        .claims
        .as_ref()
        .map(|run| run.scan.clone());
    model.branding = app.branding.clone();
    let outcome = app
        .storage
        .check_export(path, &session.path)
        .map_err(|error| error.to_string())
        .and_then(|()| {
            app.storage
                .export(&model, format, form.paper, path)
                .map_err(|error| error.to_string())
        });
    app.status = match &outcome {
        Ok(undrawable) => match report::undrawable_warning(undrawable) {
            None => Status::new(Tone::Done, format!("Wrote {}", file_name(path))),
            Some(warning) => Status::new(
                Tone::Done,
                format!("Wrote {}, but {warning}", file_name(path)),
            ),
        },
        Err(error) => Status::new(Tone::Error, error.clone()),
    };
    form.outcome = Some(outcome.map(|_| path.display().to_string()));
}
