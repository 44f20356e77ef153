//! Text from an assessment file is shown, never obeyed: a name or note holding terminal
//! escape sequences or a right-to-left override reaches the screen as visible markers, and
//! no drawn cell holds a control or direction character.

use soc2_ready::assessment::store;
use soc2_ready::text_safety::is_unsafe;
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::start;

use super::support::{Fixture, acme, new_app, press, questionnaire, render};

const HOSTILE: &str = "Evil \u{1b}]0;pwned\u{7}\u{1b}[2J";

#[test]
fn hostile_names_and_notes_are_drawn_as_visible_markers() {
    let fixture = Fixture::new(false);
    let mut assessment = acme();
    assessment.organization = HOSTILE.to_string();
    // Whichever question the wizard opens on has the hostile note and owner.
    for question in questionnaire().questions() {
        assessment.edit(&question.id, |record| {
            record.note = "txt.exe\u{202e}fdp.\u{9b}31m".into();
            record.owner = "Jane\u{1b}[8m".into();
        });
    }
    store::save(&fixture.acme_path(), &assessment).expect("saved");
    let mut app = new_app(fixture.dir.path(), questionnaire());
    start(&mut app, None);

    let home = render(&app, 120, 40);
    assert!(home.contains("Evil ^[]0;pwned^G^[[2J"), "{home}");
    press(&mut app, &[Key::Enter]);
    let wizard = render(&app, 120, 40);
    assert!(wizard.contains("Evil ^[]0;pwned^G^[[2J"), "{wizard}");
    assert!(
        wizard.contains("txt.exe<U+202E>fdp.<U+009B>31m"),
        "{wizard}"
    );
    assert!(wizard.contains("Jane^[[8m"), "{wizard}");
    for screen in [home, wizard] {
        assert!(!screen.chars().any(|c| is_unsafe(c) && c != '\n'));
    }
    assert_eq!(
        store::load(&fixture.acme_path())
            .expect("loads")
            .organization,
        HOSTILE,
        "the file keeps what the user wrote"
    );
}

#[test]
fn direction_overrides_never_reach_a_cell_even_where_text_is_shown_as_typed() {
    let mut fixture = Fixture::new(false);
    press(&mut fixture.app, &[Key::Enter, Key::Char('e')]);
    for c in "\u{202e}reversed\u{2066}".chars() {
        press(&mut fixture.app, &[Key::Char(c)]);
    }
    let screen = render(&fixture.app, 120, 40);
    assert!(screen.contains("reversed"), "{screen}");
    assert!(
        !screen.chars().any(|c| is_unsafe(c) && c != '\n'),
        "{screen}"
    );
}
