//! Every screen, drawn with the built-in questionnaire at sizes from 1×1 to 300×100,
//! never panics; below 60×16 the wizard asks for a larger terminal instead, and then only
//! quitting and resizing act.

use soc2_ready::tui::app::Screen;
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::{Action, App, update};

use super::support::{Fixture, built_in, press, render};

const SIZES: [(u16, u16); 14] = [
    (1, 1),
    (10, 5),
    (1, 100),
    (300, 1),
    (59, 15),
    (59, 40),
    (200, 15),
    (60, 16),
    (61, 17),
    (80, 24),
    (100, 30),
    (120, 40),
    (200, 60),
    (300, 100),
];

/// The key presses that lead to each screen and dialog, from Home.
const SCREENS: [&[Key]; 14] = [
    &[],
    &[Key::Char('n')],
    &[Key::Char('d')],
    &[Key::Char('i')],
    &[Key::Enter],
    &[Key::Enter, Key::Char('g'), Key::Char('C')],
    &[Key::Enter, Key::Char('x')],
    &[Key::Enter, Key::PageDown, Key::PageDown, Key::PageDown],
    &[Key::Enter, Key::Tab],
    &[Key::Enter, Key::Tab, Key::Char('e')],
    &[Key::Enter, Key::Char('?'), Key::Down, Key::Down],
    &[Key::Enter, Key::Tab, Key::Char('?')],
    &[Key::Enter, Key::Tab, Key::Char('w')],
    &[Key::Enter, Key::Tab, Key::Char('w'), Key::Char('p')],
];

fn each_screen(mut check: impl FnMut(&App, &str)) {
    for keys in SCREENS {
        let mut fixture = Fixture::with(built_in(), true);
        press(&mut fixture.app, keys);
        check(&fixture.app, &format!("{keys:?}"));
    }
}

#[test]
fn every_screen_draws_at_every_size() {
    each_screen(|app, screen| {
        for (width, height) in SIZES {
            let text = render(app, width, height);
            let small = width < 60 || height < 16;
            if width >= 40 && height >= 5 {
                assert_eq!(
                    text.contains("Make the terminal larger"),
                    small,
                    "{screen} at {width}×{height}"
                );
            }
        }
    });
}

fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
}

#[test]
fn keys_and_clicks_do_nothing_while_the_screen_is_too_small_to_see() {
    let mut fixture = Fixture::new(false);
    resize(&mut fixture.app, 30, 8);
    press(&mut fixture.app, &[Key::Char('d'), Key::Char('y')]);
    assert!(
        fixture.acme_path().exists(),
        "an unseen confirmation deleted the file"
    );
    assert!(!fixture.app.home.confirm_delete);
    update(&mut fixture.app, Action::Click { column: 3, row: 2 });
    press(&mut fixture.app, &[Key::Enter, Key::Char('?')]);
    assert_eq!(fixture.app.screen, Screen::Home);
    assert_eq!(fixture.app.help, None);

    resize(&mut fixture.app, 120, 40);
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(fixture.app.screen, Screen::Wizard);
    let before = fixture.saved().answers;
    resize(&mut fixture.app, 30, 8);
    press(&mut fixture.app, &[Key::Char('3'); 4]);
    press(
        &mut fixture.app,
        &[Key::Char('x'), Key::Right, Key::Esc, Key::Tab],
    );
    assert_eq!(
        fixture.saved().answers,
        before,
        "unseen keys changed answers"
    );
    assert_eq!(fixture.app.screen, Screen::Wizard);
    assert!(render(&fixture.app, 30, 8).contains("Make the terminal larger"));

    resize(&mut fixture.app, 120, 40);
    press(&mut fixture.app, &[Key::Char('1')]);
    assert_ne!(
        fixture.saved().answers,
        before,
        "keys act again once it is large enough"
    );
    resize(&mut fixture.app, 30, 8);
    press(&mut fixture.app, &[Key::Char('q')]);
    assert!(fixture.app.quit, "q still quits");
}
