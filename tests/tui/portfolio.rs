//! Home as a portfolio: every client side by side, sorted by name, last change or
//! readiness with the selection kept; thresholds from the config change the verdicts
//! shown and say where they came from; the new-assessment form starts from the config's
//! defaults.

use soc2_ready::assessment::thresholds::Thresholds;
use soc2_ready::assessment::{Answer, store};
use soc2_ready::portfolio::SortKey;
use soc2_ready::questionnaire::{Level, Stage, Target};
use soc2_ready::scoring::{Policy, ThresholdSource, Verdict};
use soc2_ready::tui::app::Form;
use soc2_ready::tui::input::TextInput;
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::start;

use super::support::{Fixture, acme, press};

/// Names on Home, in order.
fn names(fixture: &Fixture) -> Vec<String> {
    fixture
        .app
        .home
        .entries
        .iter()
        .map(|entry| match &entry.loaded {
            Ok(summary) => summary.organization.clone(),
            Err(_) => entry.file_name(),
        })
        .collect()
}

/// The fixture plus Globex (started earlier, never saved since, more ready) and a broken file.
fn three_clients() -> Fixture {
    let mut fixture = Fixture::new(true);
    let mut globex = acme();
    globex.organization = "Globex".into();
    globex.updated = None;
    for id in [
        "CC1.1.code-of-conduct",
        "CC6.1.mfa",
        "CC7.3.incident-response",
    ] {
        globex.set_answer(id, Some(Answer::Level(Level::Operating)));
    }
    store::save(&fixture.dir.path().join("globex.toml"), &globex).unwrap();
    let mut initech = acme();
    initech.organization = "initech".into();
    initech.updated = Some("2026-11-25T08:00:00Z".parse().unwrap());
    initech.answers.clear();
    store::save(&fixture.dir.path().join("initech.toml"), &initech).unwrap();
    start(&mut fixture.app, None);
    fixture
}

#[test]
fn s_cycles_the_order_and_keeps_the_selection() {
    let mut fixture = three_clients();
    assert_eq!(fixture.app.home.sort, SortKey::LastChange);
    assert_eq!(
        names(&fixture),
        ["initech", "Acme Inc", "Globex", "broken.toml"]
    );
    // The list was read again with Acme selected: it stays selected.
    assert_eq!(names(&fixture)[fixture.app.home.selected], "Acme Inc");

    press(&mut fixture.app, &[Key::Char('s')]);
    assert_eq!(fixture.app.home.sort, SortKey::Readiness);
    let order = names(&fixture);
    assert_eq!(order[0], "Globex", "the most ready first: {order:?}");
    assert_eq!(order[3], "broken.toml", "unreadable files stay last");
    assert_eq!(names(&fixture)[fixture.app.home.selected], "Acme Inc");
    assert!(fixture.render(120, 30).contains("sorted by readiness (s)"));

    press(&mut fixture.app, &[Key::Char('s')]);
    assert_eq!(
        names(&fixture),
        ["Acme Inc", "Globex", "initech", "broken.toml"]
    );
    assert_eq!(fixture.app.status.text, "Sorted by name.");
}

#[test]
fn every_stage_is_shown_side_by_side_with_answered_counts() {
    let fixture = three_clients();
    let screen = fixture.render(120, 30);
    for header in [
        "Answered",
        "Compl.",
        "Attest.",
        "Cert.",
        "Overall",
        "Last change",
    ] {
        assert!(screen.contains(header), "no {header} column:\n{screen}");
    }
    let acme = fixture.app.home.entries[1].loaded.as_ref().unwrap();
    assert_eq!(acme.stages.len(), 3);
    let line = screen
        .lines()
        .find(|line| line.contains("Acme Inc"))
        .unwrap();
    assert!(
        line.contains(&format!("{}/{}", acme.answered, acme.questions)),
        "{line}"
    );
    assert!(line.contains("2026-11-20 09:30"), "{line}");
    assert!(screen.contains("cannot be read"), "{screen}");
}

#[test]
fn config_thresholds_change_the_verdicts_on_home_and_the_dashboard() {
    let mut fixture = Fixture::new(false);
    let compliance = |fixture: &Fixture| {
        let summary = fixture.app.home.entries[0].loaded.as_ref().unwrap();
        summary.stages[Stage::Compliance as usize].verdict
    };
    assert_eq!(compliance(&fixture), Verdict::NotReady);
    fixture.app.policy = Policy::default().overridden(
        &Thresholds {
            ready: Some(0.9),
            getting_there: Some(0.2),
        },
        ThresholdSource::Config,
    );
    start(&mut fixture.app, None);
    assert_eq!(compliance(&fixture), Verdict::GettingThere);
    let home = fixture.render(100, 30);
    assert!(
        home.contains("Ready from 90 %, Getting there from 20 % (from the config file)"),
        "{home}"
    );
    let mut fixture = fixture.open_acme();
    press(&mut fixture.app, &[Key::Tab]);
    let dashboard = fixture.render(100, 30);
    assert!(
        dashboard.contains("Getting there from 20 % (from the config file)"),
        "{dashboard}"
    );
    assert!(
        dashboard
            .lines()
            .any(|line| line.contains("Compliance") && line.contains("Getting there")),
        "{dashboard}"
    );
}

#[test]
fn the_new_assessment_form_starts_from_the_config_defaults() {
    let mut fixture = Fixture::new(false);
    fixture.app.form_template = Form {
        assessor: TextInput::new("Jane Doe"),
        target: Target::Type1,
        ..Form::default()
    };
    press(&mut fixture.app, &[Key::Char('n')]);
    let form = fixture.app.home.form.as_ref().unwrap();
    assert_eq!(form.assessor.text(), "Jane Doe");
    assert_eq!(form.target, Target::Type1);
    assert_eq!(form.organization.text(), "");
}
