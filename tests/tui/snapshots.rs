//! Every screen of the wizard at 80×24 and 120×40 for the fixture assessment. Time is a
//! stopped clock and the data directory shows as `[DATA]`, so the snapshots are stable.

use soc2_ready::tui::keymap::Key;

use super::support::{Fixture, press, type_text};

/// Snapshots `fixture` at both sizes under `name`.
fn snapshot(name: &str, fixture: &Fixture) {
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            fixture.render(width, height)
        );
    }
}

#[test]
fn home_lists_assessments_and_unreadable_files() {
    let mut fixture = Fixture::new(true);
    snapshot("home", &fixture);
    press(&mut fixture.app, &[Key::Down]);
    snapshot("home_unreadable_selected", &fixture);
}

#[test]
fn home_new_assessment_form() {
    let mut fixture = Fixture::new(false);
    press(&mut fixture.app, &[Key::Char('n')]);
    type_text(&mut fixture.app, "Globex");
    press(&mut fixture.app, &[Key::Tab, Key::Tab, Key::Char(' ')]);
    snapshot("home_form", &fixture);
}

#[test]
fn home_delete_question() {
    let mut fixture = Fixture::new(false);
    press(&mut fixture.app, &[Key::Char('d')]);
    snapshot("home_delete", &fixture);
}

#[test]
fn wizard_scale_question() {
    let fixture = Fixture::new(false).open_acme();
    snapshot("wizard_scale", &fixture);
}

#[test]
fn wizard_answered_question_with_note() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Left]);
    snapshot("wizard_answered", &fixture);
}

#[test]
fn wizard_yes_no_question() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "ATT.auditor");
    press(&mut fixture.app, &[Key::Enter]);
    snapshot("wizard_yes_no", &fixture);
}

#[test]
fn wizard_note_prompt() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('e')]);
    type_text(&mut fixture.app, "Policy in the wiki");
    snapshot("wizard_prompt", &fixture);
}

#[test]
fn wizard_search_and_filter() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('c')]);
    press(&mut fixture.app, &[Key::Char('/')]);
    type_text(&mut fixture.app, "data");
    press(&mut fixture.app, &[Key::Enter]);
    snapshot("wizard_search", &fixture);
}

#[test]
fn dashboard() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Down]);
    snapshot("dashboard", &fixture);
}

#[test]
fn the_three_stages() {
    let mut fixture = Fixture::new(false);
    press(&mut fixture.app, &[Key::Char('i')]);
    snapshot("stages", &fixture);
}

#[test]
fn export() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('e'), Key::Down]);
    snapshot("export", &fixture);
}

#[test]
fn help_overlay() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('?')]);
    snapshot("help", &fixture);
}

#[test]
fn too_small() {
    let fixture = Fixture::new(false).open_acme();
    insta::assert_snapshot!("too_small_59x15", fixture.render(59, 15));
}
