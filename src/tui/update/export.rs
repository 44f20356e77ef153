//! The export screen: choose a format and a paper size, edit the path, write the report
//! through the report module and say where it went (or why it could not be written). A path
//! that holds an assessment — the open one by any name, or another — or a device is refused.

use std::path::Path;

use super::file_name;
use crate::report::{self, ReportModel};
use crate::tui::action::Action;
use crate::tui::app::{App, ExportForm, Screen, Status, Tone};

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
        Action::NextPaper => form.next_paper(),
        Action::Back => app.screen = Screen::Dashboard,
        Action::Confirm => write(app),
        other => {
            if form.path.apply(other) {
                form.outcome = None;
            }
        }
    }
}

/// Builds the report model and writes it in the chosen format.
fn write(app: &mut App) {
    let (Some(session), Some(form)) = (&app.session, app.export.as_mut()) else {
        return;
    };
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    let Some(path) = form.target(home.as_deref(), Path::is_dir) else {
        form.outcome = Some(Err("Type where the report should go.".into()));
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
        .check_export(&path, &session.path)
        .map_err(|error| error.to_string())
        .and_then(|()| {
            app.storage
                .export(&model, form.format, form.paper, &path)
                .map_err(|error| error.to_string())
        });
    app.status = match &outcome {
        Ok(undrawable) => match report::undrawable_warning(undrawable) {
            None => Status::new(Tone::Done, format!("Wrote {}", file_name(&path))),
            Some(warning) => Status::new(
                Tone::Done,
                format!("Wrote {}, but {warning}", file_name(&path)),
            ),
        },
        Err(error) => Status::new(Tone::Error, error.clone()),
    };
    form.outcome = Some(outcome.map(|_| path.display().to_string()));
}
