//! The wizard says what the registers show on the questions they bear on (issue 21 §4).

use jiff::civil::Date;
use soc2_ready::assessment::store;
use soc2_ready::registers::{Acceptance, PolicyRecord};

use super::support::Fixture;

#[test]
fn a_policy_question_shows_the_policy_register() {
    let fixture = Fixture::new(false);
    let mut assessment = fixture.saved();
    assessment.registers.policies.push(PolicyRecord {
        name: "Code of conduct".into(),
        owner: "CEO".into(),
        version: "2".into(),
        approved: Date::constant(2025, 10, 1),
        file: String::new(),
        acceptances: vec![Acceptance {
            person: "Ana".into(),
            email: String::new(),
            version: "2".into(),
            date: Date::constant(2025, 10, 2),
        }],
    });
    store::save(&fixture.acme_path(), &assessment).unwrap();
    let fixture = fixture.open_acme();
    let screen = fixture.render(120, 40);
    assert!(screen.contains("CC1.1"), "{screen}");
    assert!(
        screen.contains("From the policy register: 1 policy; lowest acknowledgement 100 % of 1"),
        "{screen}"
    );
    assert!(screen.contains("past their yearly review"), "{screen}");
}

#[test]
fn an_empty_register_adds_nothing_to_the_question() {
    let screen = Fixture::new(false).open_acme().render(120, 40);
    assert!(screen.contains("CC1.1"), "{screen}");
    assert!(!screen.contains("register:"), "{screen}");
}

#[test]
fn the_registers_screen_adds_lists_changes_and_removes_entries() {
    use soc2_ready::tui::keymap::Key;

    use super::support::{press, type_text};

    let mut fixture = Fixture::with(super::support::built_in(), false).open_acme();
    // Dashboard, then the registers.
    press(&mut fixture.app, &[Key::Tab, Key::Char('r')]);
    let screen = fixture.render(120, 40);
    assert!(screen.contains("Registers · Acme Inc"), "{screen}");
    assert!(screen.contains("No policies yet: a adds one."), "{screen}");
    assert!(
        screen.contains("registers") || screen.contains("register"),
        "{screen}"
    );
    // A bad entry is refused in the prompt, naming the part and the value.
    press(&mut fixture.app, &[Key::Tab, Key::Tab, Key::Char('a')]);
    type_text(&mut fixture.app, "Laptop theft | 9 | 4 | mitigate | IT");
    press(&mut fixture.app, &[Key::Enter]);
    let screen = fixture.render(120, 40);
    assert!(
        screen.contains("likelihood \"9\": expected a whole number from 1 to 5."),
        "{screen}"
    );
    for _ in 0.."Laptop theft | 9 | 4 | mitigate | IT".len() {
        press(&mut fixture.app, &[Key::Backspace]);
    }
    type_text(
        &mut fixture.app,
        "Laptop theft | 3 | 4 | mitigate | IT | CC6.1.mfa",
    );
    press(&mut fixture.app, &[Key::Enter]);
    insta::assert_snapshot!("registers_risks_120x40", fixture.render(120, 40));
    let saved = fixture.saved();
    assert_eq!(saved.registers.risks[0].title, "Laptop theft");
    assert_eq!(saved.registers.risks[0].controls, ["CC6.1.mfa"]);
    // Change it: the prompt opens on the entry as typed; a bad change is refused in place.
    press(&mut fixture.app, &[Key::Char('e')]);
    let screen = fixture.render(120, 40);
    assert!(screen.contains("Change the risk"), "{screen}");
    assert!(
        screen.contains("Laptop theft | 3 | 4 | mitigate | IT | CC6.1.mfa"),
        "{screen}"
    );
    for _ in 0.." | CC6.1.mfa".len() {
        press(&mut fixture.app, &[Key::Backspace]);
    }
    type_text(&mut fixture.app, " | CC0.0.none");
    press(&mut fixture.app, &[Key::Enter]);
    let screen = fixture.render(120, 40);
    assert!(
        screen.contains("controls \"CC0.0.none\": is not a question id"),
        "the refusal names the id: {screen}"
    );
    assert_eq!(fixture.saved().registers.risks[0].controls, ["CC6.1.mfa"]);
    for _ in 0.." | CC0.0.none".len() {
        press(&mut fixture.app, &[Key::Backspace]);
    }
    for _ in 0.."mitigate | IT".len() {
        press(&mut fixture.app, &[Key::Backspace]);
    }
    type_text(&mut fixture.app, "transfer | Finance");
    press(&mut fixture.app, &[Key::Enter]);
    let screen = fixture.render(120, 40);
    assert!(
        screen.contains("Laptop theft · 3×4 = 12 high · transfer · owner Finance"),
        "{screen}"
    );
    let saved = fixture.saved();
    assert_eq!(saved.registers.risks.len(), 1);
    assert_eq!(saved.registers.risks[0].treatment.key(), "transfer");
    assert_eq!(saved.registers.risks[0].owner, "Finance");
    assert!(saved.registers.risks[0].controls.is_empty());
    // Remove it again.
    press(&mut fixture.app, &[Key::Char('d')]);
    assert!(fixture.saved().registers.risks.is_empty());
    assert!(fixture.render(120, 40).contains("No risks yet"));
    press(&mut fixture.app, &[Key::Esc]);
    assert!(fixture.render(120, 40).contains("Dashboard"));
}
