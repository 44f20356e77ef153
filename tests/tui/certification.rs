//! The "certification" screen: the ISO 27001 head start of the open assessment, and the
//! claims checker run on a folder from a prompt, with its findings shown and bad paths
//! refused in place.

use soc2_ready::tui::app::Screen;
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::{Action, update};

use super::support::{Fixture, built_in, press, type_text};

/// Acme on the built-in questionnaire, on the "certification" screen.
fn on_certification() -> Fixture {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('c')]);
    assert_eq!(fixture.app.screen, Screen::Certification);
    fixture
}

#[test]
fn the_screen_shows_the_iso_head_start_by_theme() {
    let fixture = on_certification();
    let screen = fixture.render(120, 40);
    assert!(screen.contains("ISO 27001 head start"), "{screen}");
    assert!(screen.contains("A.5 Organisational"), "{screen}");
    assert!(screen.contains("of 37"), "{screen}");
    assert!(screen.contains("A.8 Technological"), "{screen}");
    // The one evidenced code of conduct partly covers A.5.4 and A.6.2; nothing is covered.
    assert!(
        screen.contains("0 covered   1 partly  36 not yet  of 37"),
        "{screen}"
    );
    assert!(screen.contains("Press r to check a folder"), "{screen}");
    insta::assert_snapshot!("certification_120x40", screen);
}

#[test]
fn the_claims_checker_runs_on_a_folder_and_shows_its_findings() {
    let mut fixture = on_certification();
    press(&mut fixture.app, &[Key::Char('r')]);
    type_text(&mut fixture.app, "tests/fixtures/claims/site");
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.prompt.is_none());
    let run = fixture.app.certification.claims.as_ref().expect("ran");
    assert_eq!(run.scan.finding_count(), 4);
    assert!(
        fixture
            .app
            .status
            .text
            .starts_with("4 inaccurate statement(s) in 3 file(s)")
    );
    for _ in 0..40 {
        update(&mut fixture.app, Action::Down);
    }
    let screen = fixture.render(120, 40);
    assert!(
        screen.contains("tests/fixtures/claims/site/index.html:7:46  “SOC 2 certified”"),
        "{screen}"
    );
    assert!(screen.contains("say: our SOC 2 report"), "{screen}");
    insta::assert_snapshot!("certification_claims_120x40", screen);
    // Esc goes back to the dashboard; the findings stay for the next visit.
    press(&mut fixture.app, &[Key::Esc]);
    assert_eq!(fixture.app.screen, Screen::Dashboard);
    press(&mut fixture.app, &[Key::Char('c')]);
    assert!(fixture.render(120, 40).contains("Checked 3 file(s)"));
    // Exported from the dashboard, the report carries the findings.
    press(
        &mut fixture.app,
        &[Key::Esc, Key::Char('e'), Key::Down, Key::Enter],
    );
    let path = fixture
        .dir
        .path()
        .join("acme-inc-soc2-gap-report-2026-11-24.md");
    let report = std::fs::read_to_string(path).expect("the report is written");
    assert!(report.contains("## What you tell customers"), "{report}");
    assert!(report.contains("site/index.html:7:46 | SOC 2 certified |"));
    assert!(report.contains("## ISO 27001 head start"));
}

#[test]
fn bad_paths_are_refused_in_the_prompt() {
    let mut fixture = on_certification();
    press(&mut fixture.app, &[Key::Char('r'), Key::Enter]);
    let prompt = fixture.app.prompt.as_ref().expect("still open");
    assert!(
        prompt
            .error
            .as_deref()
            .unwrap()
            .starts_with("Type a folder")
    );
    type_text(&mut fixture.app, "no/such/folder");
    press(&mut fixture.app, &[Key::Enter]);
    let prompt = fixture.app.prompt.as_ref().expect("still open");
    assert_eq!(
        prompt.error.as_deref(),
        Some("Cannot read no/such/folder: no such file or folder.")
    );
    type_text(&mut fixture.app, "");
    press(&mut fixture.app, &[Key::Esc]);
    assert!(fixture.app.certification.claims.is_none());
    assert_eq!(fixture.app.screen, Screen::Certification);
}
