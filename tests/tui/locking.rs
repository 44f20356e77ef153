//! Two windows on one assessment: the second opens read-only with a visible banner and can
//! change nothing, rename and delete wait for the editor, and leaving the wizard lets go.

use soc2_ready::assessment::store;
use soc2_ready::tui::app::Tone;
use soc2_ready::tui::keymap::Key;

use super::support::{Fixture, press, type_text};

#[test]
fn a_second_window_opens_read_only_and_changes_nothing() {
    let fixture = Fixture::new(false);
    let other_window = store::lock_for_editing(&fixture.acme_path()).expect("first editor");
    let before = std::fs::read(fixture.acme_path()).unwrap();

    let mut fixture = fixture.open_acme();
    let session = fixture.app.session.as_ref().expect("opened");
    assert!(session.read_only.is_some());
    assert_eq!(fixture.app.status.tone, Tone::Error);
    assert!(fixture.app.status.text.starts_with("READ-ONLY"));
    assert!(
        fixture
            .render(100, 30)
            .lines()
            .next()
            .unwrap()
            .contains("READ-ONLY"),
        "the banner is visible"
    );

    let answer_before = session.assessment.answer("CC1.1.code-of-conduct");
    press(&mut fixture.app, &[Key::Char('0'), Key::Char('e')]);
    assert!(fixture.app.prompt.is_none(), "no note editor opens");
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(
        session.assessment.answer("CC1.1.code-of-conduct"),
        answer_before
    );
    assert!(fixture.app.status.text.contains("nothing changed"));
    assert_eq!(
        std::fs::read(fixture.acme_path()).unwrap(),
        before,
        "file untouched"
    );
    drop(other_window);
}

#[test]
fn the_editing_window_holds_the_lock_until_it_leaves_the_wizard() {
    let mut fixture = Fixture::new(false).open_acme();
    assert!(fixture.app.session.as_ref().unwrap().read_only.is_none());
    assert!(matches!(
        store::lock_for_editing(&fixture.acme_path()),
        Err(store::LockError::Held(_))
    ));
    press(&mut fixture.app, &[Key::Esc]);
    assert!(
        store::lock_for_editing(&fixture.acme_path()).is_ok(),
        "released on Home"
    );
}

#[test]
fn rename_and_delete_wait_for_the_window_that_edits() {
    let mut fixture = Fixture::new(false);
    let other_window = store::lock_for_editing(&fixture.acme_path()).expect("first editor");
    press(&mut fixture.app, &[Key::Char('r')]);
    type_text(&mut fixture.app, " Renamed");
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(fixture.saved().organization, "Acme Inc", "rename refused");
    press(
        &mut fixture.app,
        &[Key::Esc, Key::Char('d'), Key::Char('y')],
    );
    assert!(fixture.acme_path().exists(), "delete refused");
    assert!(
        fixture
            .app
            .status
            .text
            .contains("another soc2-ready window")
    );
    drop(other_window);
    press(&mut fixture.app, &[Key::Char('d'), Key::Char('y')]);
    assert!(
        !fixture.acme_path().exists(),
        "deleted once the other window let go"
    );
}
