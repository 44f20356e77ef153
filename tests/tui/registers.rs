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
