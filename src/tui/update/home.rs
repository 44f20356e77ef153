//! Home: refresh the list, select, open, create (the form), rename and delete.

use super::{file_name, open_session, show_stages};
use crate::assessment::Assessment;
use crate::tui::action::Action;
use crate::tui::app::{App, Entry, Prompt, PromptKind, Status, Tone};

/// Lists the data directory again, keeping the same file selected when it is still there.
pub fn refresh(app: &mut App) {
    let selected = app.home.entry().map(|entry| entry.path.clone());
    match app.storage.list() {
        Ok(listed) => {
            app.home.entries = listed
                .iter()
                .map(|listed| Entry::of(listed, &app.questionnaire, &app.policy))
                .collect();
        }
        Err(error) => {
            app.home.entries.clear();
            app.status = Status::new(Tone::Error, error.to_string());
        }
    }
    sort(app);
    let same = app
        .home
        .entries
        .iter()
        .position(|entry| Some(&entry.path) == selected.as_ref());
    app.home.selected = same.unwrap_or_else(|| {
        app.home
            .selected
            .min(app.home.entries.len().saturating_sub(1))
    });
}

/// Handles the Home list, the delete question and the form.
pub fn update(app: &mut App, action: Action) {
    if app.home.form.is_some() {
        form(app, action);
    } else if app.home.confirm_delete {
        confirm_delete(app, action);
    } else {
        list(app, action);
    }
}

fn list(app: &mut App, action: Action) {
    let count = app.home.entries.len();
    match action {
        Action::Up => app.home.selected = app.home.selected.saturating_sub(1),
        Action::Down => app.home.selected = (app.home.selected + 1).min(count.saturating_sub(1)),
        Action::Select(index) if index < count => app.home.selected = index,
        Action::New => app.home.form = Some(app.form_template.clone()),
        Action::Stages => show_stages(app),
        Action::Confirm => {
            if let Some(path) = readable_selection(app) {
                match app.storage.load(&path) {
                    Ok(assessment) => open_session(app, path, assessment),
                    Err(error) => app.status = Status::new(Tone::Error, error.to_string()),
                }
            }
        }
        Action::Rename => {
            if readable_selection(app).is_some()
                && let Some(Ok(summary)) = app.home.entry().map(|entry| &entry.loaded)
            {
                app.prompt = Some(Prompt::new(PromptKind::Rename, &summary.organization));
            }
        }
        Action::Delete => app.home.confirm_delete = readable_selection(app).is_some(),
        Action::Sort => {
            let selected = app.home.entry().map(|entry| entry.path.clone());
            app.home.sort = app.home.sort.next();
            sort(app);
            if let Some(at) = selected
                .and_then(|path| app.home.entries.iter().position(|entry| entry.path == path))
            {
                app.home.selected = at;
            }
            app.status = Status::new(Tone::Info, format!("Sorted by {}.", app.home.sort.label()));
        }
        _ => {}
    }
}

/// Puts the entries in the chosen order; unreadable files last.
fn sort(app: &mut App) {
    let key = app.home.sort;
    app.home
        .entries
        .sort_by(|a, b| key.compare(a.sort_item(), b.sort_item()));
}

/// The selected file if it can be read; otherwise says why it is left alone.
fn readable_selection(app: &mut App) -> Option<std::path::PathBuf> {
    let entry = app.home.entry()?;
    match &entry.loaded {
        Ok(_) => Some(entry.path.clone()),
        Err(_) => {
            app.status = Status::new(
                Tone::Error,
                format!(
                    "{} cannot be read (see below); it is left untouched.",
                    file_name(&entry.path)
                ),
            );
            None
        }
    }
}

fn confirm_delete(app: &mut App, action: Action) {
    match action {
        Action::Confirm => {
            app.home.confirm_delete = false;
            let Some(entry) = app.home.entry() else {
                return;
            };
            let path = entry.path.clone();
            let lock = app.storage.lock(&path);
            app.status = match lock
                .map_err(|error| error.to_string())
                .and_then(|_lock| app.storage.delete(&path).map_err(|error| error.to_string()))
            {
                Ok(()) => Status::new(Tone::Done, format!("Deleted {}", file_name(&path))),
                Err(error) => Status::new(Tone::Error, error),
            };
            refresh(app);
        }
        Action::Back => app.home.confirm_delete = false,
        _ => {}
    }
}

fn form(app: &mut App, action: Action) {
    let Some(form) = app.home.form.as_mut() else {
        return;
    };
    match action {
        Action::NextField => form.move_focus(true),
        Action::PrevField => form.move_focus(false),
        Action::Toggle => form.toggle(),
        Action::Back => app.home.form = None,
        Action::Confirm => create(app),
        other => {
            if let Some(input) = form.text_mut()
                && input.apply(other)
            {
                form.error = None;
            }
        }
    }
}

/// Creates the assessment described by the form and opens it.
fn create(app: &mut App) {
    let Some(form) = app.home.form.as_mut() else {
        return;
    };
    let organization = form.organization.text().trim();
    if organization.is_empty() {
        form.error = Some("Type the organisation's name first.".into());
        form.focus = 0;
        return;
    }
    let now = app.clock.now();
    let mut assessment = Assessment::new(
        organization,
        form.assessor.text(),
        app.clock.today(),
        form.target,
        form.scope.iter().copied(),
    );
    assessment.questionnaire_version = app.questionnaire.version().to_string();
    assessment.updated = Some(now);
    match app.storage.create(&assessment) {
        Ok(path) => {
            app.home.form = None;
            let created = format!("Created {}", file_name(&path));
            open_session(app, path, assessment);
            app.status = Status::new(Tone::Done, created);
        }
        Err(error) => form.error = Some(error.to_string()),
    }
}

/// Renames the selected assessment: changes its organisation, keeps its file name.
pub fn rename(app: &mut App, organization: &str) -> Result<(), String> {
    let organization = organization.trim();
    if organization.is_empty() {
        return Err("The name cannot be empty.".into());
    }
    let Some(entry) = app.home.entry() else {
        return Ok(());
    };
    let path = entry.path.clone();
    let _lock = app.storage.lock(&path).map_err(|error| error.to_string())?;
    let mut assessment = app.storage.load(&path).map_err(|error| error.to_string())?;
    assessment.organization = organization.to_string();
    assessment.updated = Some(app.clock.now());
    app.storage
        .save(&path, &assessment)
        .map_err(|error| error.to_string())?;
    app.status = Status::new(Tone::Done, format!("Renamed to {organization}"));
    refresh(app);
    Ok(())
}
