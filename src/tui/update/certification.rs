//! The "certification" screen: scroll the ISO 27001 head start and the claims findings, and
//! run the claims checker on a folder typed into a prompt.

use crate::tui::action::Action;
use crate::tui::app::{App, ClaimsRun, Prompt, PromptKind, Screen, Status, Tone};
use crate::tui::view;

/// Shows the screen for the open assessment.
pub fn open(app: &mut App) {
    if app.session.is_some() {
        app.certification.scroll = 0;
        app.screen = Screen::Certification;
    }
}

/// Handles the screen's actions.
pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Up => app.certification.scroll = app.certification.scroll.saturating_sub(1),
        Action::Down => {
            let most = view::certification_max_scroll(app);
            app.certification.scroll = (app.certification.scroll + 1).min(most);
        }
        Action::PageUp => app.certification.scroll = app.certification.scroll.saturating_sub(10),
        Action::PageDown => {
            let most = view::certification_max_scroll(app);
            app.certification.scroll = (app.certification.scroll + 10).min(most);
        }
        Action::CheckClaims => {
            let last = app
                .certification
                .claims
                .as_ref()
                .map_or("", |run| run.path.as_str());
            app.prompt = Some(Prompt::new(PromptKind::ClaimsPath, last));
        }
        Action::Back => app.screen = Screen::Dashboard,
        _ => {}
    }
}

/// Runs the claims checker on `path` (from the prompt). Refuses an empty path, and a path
/// of which nothing could be read, with the reason; otherwise shows the findings.
pub fn check_claims(app: &mut App, path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("Type a folder or file of website copy, decks or RFP answers.".into());
    }
    let scan = app.storage.check_claims(std::path::Path::new(path));
    if scan.files.is_empty() {
        return Err(match scan.unreadable.first() {
            Some(unreadable) => format!("Cannot read {}: {}.", unreadable.file, unreadable.reason),
            None => format!("No .txt, .md or .html files in {path}."),
        });
    }
    let count = scan.finding_count();
    let files = scan.files.len();
    app.status = if count == 0 && scan.unreadable.is_empty() {
        Status::new(
            Tone::Done,
            format!("No inaccurate SOC 2 statements in {files} file(s)."),
        )
    } else {
        let mut text = format!("{count} inaccurate statement(s) in {files} file(s)");
        if !scan.unreadable.is_empty() {
            text.push_str(&format!("; {} could not be read", scan.unreadable.len()));
        }
        Status::new(Tone::Error, text)
    };
    app.certification = crate::tui::app::CertificationView {
        scroll: 0,
        claims: Some(ClaimsRun {
            path: path.to_string(),
            scan,
        }),
    };
    Ok(())
}
