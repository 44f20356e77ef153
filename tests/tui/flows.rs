//! Key sequences in the wizard driven through `update`, checking the state and the saved
//! file.

use jiff::civil::Date;
use soc2_ready::assessment::Answer;
use soc2_ready::questionnaire::Level;
use soc2_ready::tui::app::{Filter, PromptKind, Screen};
use soc2_ready::tui::keymap::{Context, Key};
use soc2_ready::tui::{Action, App};

use super::support::{Fixture, click, press, type_text};

fn current_id(app: &App) -> String {
    let session = app.session.as_ref().expect("an open assessment");
    session
        .question(&app.questionnaire)
        .expect("a current question")
        .id
        .clone()
}

fn go_to(app: &mut App, id: &str) {
    press(app, &[Key::Char('g')]);
    type_text(app, id);
    press(app, &[Key::Enter]);
    assert_eq!(current_id(app), id);
}

#[test]
fn one_key_answers_saves_and_moves_on() {
    let mut fixture = Fixture::new(false).open_acme();
    assert_eq!(current_id(&fixture.app), "CC1.1.conduct-breaches");
    press(&mut fixture.app, &[Key::Char('2')]);
    assert_eq!(current_id(&fixture.app), "CC6.1.mfa");
    press(&mut fixture.app, &[Key::Char('4')]);
    assert_eq!(current_id(&fixture.app), "CC6.1.encryption");
    go_to(&mut fixture.app, "ATT.auditor");
    assert_eq!(fixture.app.context(), Context::WizardYesNo);
    press(&mut fixture.app, &[Key::Char('n')]);

    assert_eq!(fixture.app.status.text, "Saved 14:02:11");
    let saved = fixture.saved();
    assert_eq!(
        saved.answer("CC1.1.conduct-breaches"),
        Some(Answer::Level(Level::InPlace))
    );
    assert_eq!(
        saved.answer("CC6.1.mfa"),
        Some(Answer::Level(Level::Operating))
    );
    assert_eq!(saved.answer("ATT.auditor"), Some(Answer::No));
    assert_eq!(saved.updated, Some("2026-11-24T14:02:11Z".parse().unwrap()));
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.assessment, saved, "memory and file agree");
    assert_eq!(
        session.card.tally.unanswered, 3,
        "the scorecard follows the answers"
    );

    press(&mut fixture.app, &[Key::Esc]);
    assert_eq!(fixture.app.screen, Screen::Home);
    let entry = fixture
        .app
        .home
        .entry()
        .expect("the assessment is selected");
    assert_eq!(entry.path, fixture.acme_path());
    assert_eq!(entry.loaded.as_ref().unwrap().updated, saved.updated);
}

#[test]
fn keys_of_the_other_answer_kind_change_nothing_and_say_so() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('y')]);
    assert_eq!(current_id(&fixture.app), "CC1.1.conduct-breaches");
    assert_eq!(fixture.saved(), super::support::acme());
    let screen = fixture.render(100, 30);
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains(
            "This question is answered 0–4 (or x N/A, u unsure); y / n answer yes/no questions."
        ),
        "{screen}"
    );
    insta::assert_snapshot!("wizard_wrong_key_status_100x30", screen);

    // And the other way round on a yes/no question.
    go_to(&mut fixture.app, "ATT.auditor");
    press(&mut fixture.app, &[Key::Char('3')]);
    assert_eq!(current_id(&fixture.app), "ATT.auditor");
    assert_eq!(fixture.saved(), super::support::acme());
    assert_eq!(
        fixture.app.status.text,
        "This question is answered y / n (or x N/A, u unsure); 0–4 answer scale questions."
    );
}

#[test]
fn notes_owners_and_due_dates_are_edited_in_place() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('e')]);
    type_text(&mut fixture.app, "Policy in the wiki");
    press(&mut fixture.app, &[Key::Enter]);
    press(&mut fixture.app, &[Key::Char('o')]);
    type_text(&mut fixture.app, "Sam");
    press(&mut fixture.app, &[Key::Enter]);
    press(&mut fixture.app, &[Key::Char('d')]);
    type_text(&mut fixture.app, "2026-13-01");
    press(&mut fixture.app, &[Key::Enter]);
    let prompt = fixture
        .app
        .prompt
        .as_ref()
        .expect("a bad date keeps the prompt open");
    assert!(prompt.error.as_deref().unwrap().contains("YYYY-MM-DD"));
    press(
        &mut fixture.app,
        &[
            Key::Backspace,
            Key::Backspace,
            Key::Backspace,
            Key::Backspace,
            Key::Backspace,
        ],
    );
    type_text(&mut fixture.app, "12-01");
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.prompt.is_none());

    let saved = fixture.saved();
    let record = saved.record("CC1.1.conduct-breaches").unwrap();
    assert_eq!(record.note, "Policy in the wiki");
    assert_eq!(record.owner, "Sam");
    assert_eq!(record.due, Some(Date::constant(2026, 12, 1)));
    assert_eq!(record.answer, None, "editing does not answer");

    press(&mut fixture.app, &[Key::Char('e')]);
    type_text(&mut fixture.app, " (draft)");
    press(&mut fixture.app, &[Key::Esc]);
    assert_eq!(
        fixture
            .saved()
            .record("CC1.1.conduct-breaches")
            .unwrap()
            .note,
        "Policy in the wiki"
    );
}

#[test]
fn not_applicable_asks_for_its_reason() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('x')]);
    assert_eq!(
        fixture.app.prompt.as_ref().unwrap().kind,
        PromptKind::NaReason
    );
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.prompt.as_ref().unwrap().error.is_some());
    assert_eq!(fixture.saved().answer("CC1.1.conduct-breaches"), None);
    type_text(&mut fixture.app, "No staff besides the founders");
    press(&mut fixture.app, &[Key::Enter]);
    let saved = fixture.saved();
    let record = saved.record("CC1.1.conduct-breaches").unwrap();
    assert_eq!(record.answer, Some(Answer::NotApplicable));
    assert_eq!(record.na_reason, "No staff besides the founders");
    assert_eq!(current_id(&fixture.app), "CC6.1.mfa");
}

#[test]
fn jump_to_a_criterion_or_the_next_unanswered_question() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "cc7.3");
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(current_id(&fixture.app), "CC7.3.incident-response");
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "CC9.9");
    press(&mut fixture.app, &[Key::Enter]);
    assert!(
        fixture
            .app
            .prompt
            .as_ref()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("CC9.9")
    );
    press(&mut fixture.app, &[Key::Esc]);

    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(
        current_id(&fixture.app),
        "ATT.scope",
        "skips answered questions"
    );
    press(&mut fixture.app, &[Key::Up]);
    assert_eq!(
        current_id(&fixture.app),
        "A1.2.backups",
        "previous criterion"
    );
    press(&mut fixture.app, &[Key::Down, Key::Down]);
    assert_eq!(current_id(&fixture.app), "CERT.claims", "next criterion");
    press(&mut fixture.app, &[Key::Right]);
    assert_eq!(current_id(&fixture.app), "CERT.claims", "stays at the end");
    press(&mut fixture.app, &[Key::Left]);
    assert_eq!(current_id(&fixture.app), "ATT.auditor");
}

#[test]
fn search_and_filters_narrow_the_questions() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('/')]);
    type_text(&mut fixture.app, "RESTORE");
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(current_id(&fixture.app), "A1.2.backups");
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.visible(&fixture.app.questionnaire).len(), 1);

    press(&mut fixture.app, &[Key::Char('/')]);
    type_text(&mut fixture.app, "zebra");
    press(&mut fixture.app, &[Key::Enter]);
    assert!(
        fixture.app.prompt.as_ref().unwrap().error.is_some(),
        "nothing matches"
    );
    press(&mut fixture.app, &[Key::Esc, Key::Char('f')]);

    press(&mut fixture.app, &[Key::Char('s'), Key::Char('s')]);
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(
        session.nav.filter,
        Filter::Stage(soc2_ready::questionnaire::Stage::Attestation)
    );
    assert_eq!(current_id(&fixture.app), "ATT.scope");
    press(&mut fixture.app, &[Key::Char('c')]);
    assert_eq!(current_id(&fixture.app), "CC1.1.code-of-conduct");
    press(&mut fixture.app, &[Key::Char('c'), Key::Char('c')]);
    assert_eq!(
        fixture.app.session.as_ref().unwrap().nav.filter,
        Filter::All
    );
}

#[test]
fn a_gap_on_the_dashboard_opens_its_question() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('/')]);
    type_text(&mut fixture.app, "backup");
    press(
        &mut fixture.app,
        &[Key::Enter, Key::Tab, Key::Down, Key::Enter],
    );
    assert_eq!(fixture.app.screen, Screen::Wizard);
    let gap = &fixture.app.session.as_ref().unwrap().card.gaps[1];
    assert_eq!(current_id(&fixture.app), gap.question);
    assert!(
        fixture.app.session.as_ref().unwrap().nav.search.is_empty(),
        "the search no longer hides it"
    );
}

#[test]
fn clicks_answer_and_select() {
    let mut fixture = Fixture::new(false).open_acme();
    // At 80×24 the answer scale starts under its border on row 12; "1 Planned" is row 13.
    click(&mut fixture.app, (80, 24), 40, 13);
    assert_eq!(
        fixture.saved().answer("CC1.1.conduct-breaches"),
        Some(Answer::Level(Level::Planned))
    );
    // Sidebar row 8 (screen row 10, under the title bar and the border) is "ATT".
    click(&mut fixture.app, (80, 24), 5, 10);
    assert_eq!(current_id(&fixture.app), "ATT.scope");

    // The dashboard's gap rows start on row 12 (stages, report types, border, header).
    press(&mut fixture.app, &[Key::Tab]);
    click(&mut fixture.app, (80, 24), 50, 13);
    assert_eq!(fixture.app.gap, 1);
    // Home's rows start on row 3: the second is the unreadable file.
    let mut home = Fixture::new(true);
    click(&mut home.app, (80, 24), 10, 4);
    assert_eq!(home.app.home.selected, 1);
    click(&mut home.app, (80, 24), 10, 9);
    assert_eq!(
        home.app.home.selected, 1,
        "a click below the rows selects nothing"
    );
}

#[test]
fn quitting_never_asks() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('1'), Key::Char('q')]);
    assert!(fixture.app.quit);
    let mut typing = Fixture::new(false).open_acme();
    press(&mut typing.app, &[Key::Char('e'), Key::Char('q')]);
    assert!(!typing.app.quit, "q is typed into a field");
    press(&mut typing.app, &[Key::Ctrl('c')]);
    assert!(typing.app.quit);
}

#[test]
fn the_run_loop_can_draw_an_answer_before_saving_it() {
    use soc2_ready::tui::update::{apply, save_pending};
    let mut fixture = Fixture::new(false).open_acme();
    let before = fixture.saved();
    let action = fixture.app.context().action(Key::Char('2')).unwrap();
    apply(&mut fixture.app, action);
    assert_eq!(fixture.app.status.text, "Saving…");
    assert_eq!(current_id(&fixture.app), "CC6.1.mfa", "moved on at once");
    assert_eq!(fixture.saved(), before, "not written yet");
    assert!(save_pending(&mut fixture.app));
    assert_eq!(fixture.app.status.text, "Saved 14:02:11");
    assert_eq!(
        fixture.saved().answer("CC1.1.conduct-breaches"),
        Some(Answer::Level(Level::InPlace))
    );
    assert!(!save_pending(&mut fixture.app), "nothing left to save");
    // A pending change is saved before the session ends.
    apply(
        &mut fixture.app,
        Action::Answer(Answer::Level(Level::Operating)),
    );
    apply(&mut fixture.app, Action::Back);
    assert_eq!(fixture.app.screen, Screen::Home);
    assert_eq!(
        fixture.saved().answer("CC6.1.mfa"),
        Some(Answer::Level(Level::Operating))
    );
}
