//! Importing a tool's export from the evidence log (issue 19): `i` takes `PATH | SOURCE`,
//! the file is kept and hashed once and recorded on every question it bears on, the
//! answers it proposes wait until `A` sets them, the same file again adds nothing, and
//! bad files are refused in the prompt with nothing recorded.

use std::fs;
use std::path::PathBuf;

use soc2_ready::tui::keymap::Key;

use super::support::{Fixture, built_in, press, type_text};

/// A fixture file of the import tests.
fn export(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// The evidence entries of the saved assessment that came from an import.
fn imported_entries(fixture: &Fixture) -> usize {
    fixture
        .saved()
        .answers
        .values()
        .flat_map(|record| &record.evidence)
        .filter(|entry| entry.location.starts_with("soc2-ready import "))
        .count()
}

/// Opens the evidence log and submits `text` in the import prompt.
fn import(fixture: &mut Fixture, text: &str) {
    press(&mut fixture.app, &[Key::Char('i')]);
    type_text(&mut fixture.app, text);
    press(&mut fixture.app, &[Key::Enter]);
}

#[test]
fn an_export_is_recorded_once_and_its_answers_wait_for_a() {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    press(&mut fixture.app, &[Key::Char('v')]);
    let report = export("aws-credential-report.csv");
    import(
        &mut fixture,
        &format!("{} | aws-credential-report", report.display()),
    );
    assert!(fixture.app.prompt.is_none(), "{:?}", fixture.app.prompt);
    let recorded = imported_entries(&fixture);
    assert!(
        recorded >= 2,
        "one entry per question it bears on: {recorded}"
    );
    let session = fixture.app.session.as_ref().unwrap();
    let last = session
        .last_import
        .clone()
        .expect("the log says what it did");
    assert!(
        last.summary
            .contains("AWS IAM credential report dated 2026-11-24, recorded on"),
        "{}",
        last.summary
    );
    assert!(!last.proposed.is_empty(), "{}", last.summary);
    let (question, answer) = last.proposed[0].clone();
    assert_ne!(
        fixture.saved().answer(&question),
        Some(answer),
        "nothing is set before A"
    );
    let screen = fixture.render(120, 40);
    assert!(screen.contains("Last import:"), "{screen}");
    assert!(screen.contains("A sets them."), "{screen}");

    press(&mut fixture.app, &[Key::Char('A')]);
    let saved = fixture.saved();
    for (question, answer) in &last.proposed {
        assert_eq!(saved.answer(question), Some(*answer), "{question}");
    }
    let session = fixture.app.session.as_ref().unwrap();
    assert!(session.last_import.as_ref().unwrap().proposed.is_empty());
    press(&mut fixture.app, &[Key::Char('A')]);
    assert!(
        fixture
            .app
            .status
            .text
            .starts_with("No answers are waiting"),
        "{}",
        fixture.app.status.text
    );

    import(
        &mut fixture,
        &format!("{} | aws-credential-report", report.display()),
    );
    assert_eq!(
        imported_entries(&fixture),
        recorded,
        "the same file adds nothing"
    );
    let session = fixture.app.session.as_ref().unwrap();
    assert!(
        session
            .last_import
            .as_ref()
            .unwrap()
            .summary
            .contains("already imported on 2026-11-24"),
        "{:?}",
        session.last_import
    );
}

#[test]
fn bad_exports_are_refused_in_the_prompt_and_nothing_is_recorded() {
    let mut fixture = Fixture::with(built_in(), false).open_acme();
    press(&mut fixture.app, &[Key::Char('v')]);
    let before = fs::read(fixture.acme_path()).unwrap();
    let missing = fixture.dir.path().join("nope.csv");
    for (text, expected) in [
        (
            format!("{} | aws-credential-report", missing.display()),
            "Nothing imported: cannot read",
        ),
        (
            format!(
                "{} | prowler",
                export("aws-credential-report.csv").display()
            ),
            "Nothing imported: ",
        ),
        (
            format!("{} | nessus", export("aws-credential-report.csv").display()),
            "\"nessus\" is not a source",
        ),
        (
            // Prowler's fixture is dated 2026-11-30, after the wizard's today.
            format!("{} | prowler", export("prowler-soc2_aws.csv").display()),
            "after today (2026-11-24)",
        ),
    ] {
        import(&mut fixture, &text);
        let prompt = fixture.app.prompt.as_ref().expect("the prompt stays open");
        let error = prompt.error.as_deref().unwrap_or_default();
        assert!(error.contains(expected), "{text}: {error}");
        press(&mut fixture.app, &[Key::Esc]);
    }
    assert_eq!(fs::read(fixture.acme_path()).unwrap(), before);
    assert!(!fixture.dir.path().join("acme-inc.evidence").exists());
}
