//! Every screen, drawn with the built-in questionnaire at sizes from 1×1 to 300×100,
//! never panics; below 60×16 the wizard asks for a larger terminal instead.

use soc2_ready::tui::App;
use soc2_ready::tui::keymap::Key;

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
const SCREENS: [&[Key]; 12] = [
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
