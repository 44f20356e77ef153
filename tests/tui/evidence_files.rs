//! Evidence files in the wizard's evidence log: a file added by path with Tab completion
//! is copied into the evidence folder and hashed, each file shows its state (a tampered
//! copy shows as changed), and an entry can be removed.

use std::fs;

use soc2_ready::tui::keymap::Key;

use super::support::{Fixture, press, type_text};

/// The current question's id in the open wizard.
fn current_question(fixture: &Fixture) -> String {
    let session = fixture.app.session.as_ref().expect("an assessment is open");
    session
        .question(&fixture.app.questionnaire)
        .expect("a question is shown")
        .id
        .clone()
}

#[test]
fn a_file_added_by_path_is_kept_hashed_and_checked() {
    let mut fixture = Fixture::new(false).open_acme();
    let question = current_question(&fixture);
    let exports = fixture.dir.path().join("exports");
    fs::create_dir(&exports).unwrap();
    fs::write(exports.join("q3-review.pdf"), b"Q3 access review, signed").unwrap();
    fs::write(exports.join("q3-revoked.csv"), b"alice,2026-08-01").unwrap();

    press(&mut fixture.app, &[Key::Char('v')]);
    assert!(fixture.render(100, 30).contains("f adds a file"));
    press(&mut fixture.app, &[Key::Char('f')]);
    type_text(
        &mut fixture.app,
        &format!("{}/exp", fixture.dir.path().display()),
    );
    press(&mut fixture.app, &[Key::Tab]);
    type_text(&mut fixture.app, "q3-rev");
    press(&mut fixture.app, &[Key::Tab]);
    let prompt = fixture.app.prompt.as_ref().expect("the prompt stays open");
    assert!(
        prompt.input.text().ends_with("/exports/q3-rev"),
        "{}",
        prompt.input.text()
    );
    assert_eq!(
        prompt.choices.as_deref(),
        Some("q3-review.pdf  q3-revoked.csv")
    );
    assert!(
        fixture
            .render(100, 30)
            .contains("q3-review.pdf  q3-revoked.csv")
    );
    type_text(&mut fixture.app, "i");
    press(&mut fixture.app, &[Key::Tab]);
    let prompt = fixture.app.prompt.as_ref().unwrap();
    assert!(
        prompt.input.text().ends_with("/exports/q3-review.pdf"),
        "{}",
        prompt.input.text()
    );
    type_text(
        &mut fixture.app,
        " | Q3 access review | 2026-07-01..2026-09-30",
    );
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.prompt.is_none(), "{:?}", fixture.app.prompt);

    let saved = fixture.saved();
    let entry = saved
        .record(&question)
        .unwrap()
        .evidence
        .last()
        .unwrap()
        .clone();
    assert_eq!(entry.title, "Q3 access review");
    assert_eq!(entry.files.len(), 1);
    assert_eq!(entry.files[0].size, 24);
    let kept = fixture
        .dir
        .path()
        .join("acme-inc.evidence")
        .join(&entry.files[0].path);
    assert_eq!(fs::read(&kept).unwrap(), b"Q3 access review, signed");
    let screen = fixture.render(110, 30);
    assert!(screen.contains("q3-review.pdf · 24 B"), "{screen}");
    assert!(screen.contains("intact"), "{screen}");

    fs::write(&kept, b"Q3 access review, edited").unwrap();
    press(&mut fixture.app, &[Key::Esc, Key::Char('v')]);
    let screen = fixture.render(110, 30);
    assert!(screen.contains("CHANGED since it was recorded"), "{screen}");
    fs::remove_file(&kept).unwrap();
    press(&mut fixture.app, &[Key::Esc, Key::Char('v')]);
    assert!(fixture.render(110, 30).contains("MISSING"));

    let before = saved.record(&question).unwrap().evidence.len();
    let last = before - 1;
    for _ in 0..last {
        press(&mut fixture.app, &[Key::Down]);
    }
    press(&mut fixture.app, &[Key::Char('d')]);
    assert_eq!(
        fixture
            .saved()
            .record(&question)
            .map_or(0, |record| record.evidence.len()),
        before - 1
    );
}

#[test]
fn a_path_that_is_not_there_is_refused_in_place_and_nothing_is_recorded() {
    let mut fixture = Fixture::new(false).open_acme();
    let before = fs::read(fixture.acme_path()).unwrap();
    press(&mut fixture.app, &[Key::Char('v'), Key::Char('f')]);
    type_text(
        &mut fixture.app,
        &format!("{}/nowhere.pdf", fixture.dir.path().display()),
    );
    press(&mut fixture.app, &[Key::Tab]);
    let prompt = fixture.app.prompt.as_ref().unwrap();
    assert!(
        prompt.choices.as_deref().unwrap().starts_with("Nothing in"),
        "{prompt:?}"
    );
    press(&mut fixture.app, &[Key::Enter]);
    let prompt = fixture.app.prompt.as_ref().expect("still open");
    let error = prompt.error.as_deref().unwrap();
    assert!(
        error.starts_with("Nothing added:") && error.contains("nowhere.pdf"),
        "{error}"
    );
    assert_eq!(fs::read(fixture.acme_path()).unwrap(), before);
    assert!(!fixture.dir.path().join("acme-inc.evidence").exists());
}
