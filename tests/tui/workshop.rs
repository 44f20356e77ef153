//! The workshop view (issue 20 §1): opened from the dashboard, answering along the agenda,
//! the parking lot, decisions and attendees saved at once, the section clock, and the end
//! of the session recorded on leaving.

use std::cell::Cell;
use std::rc::Rc;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use soc2_ready::assessment::store;
use soc2_ready::assessment::{Answer, workshop::FollowUp};
use soc2_ready::questionnaire::Level;
use soc2_ready::tui::app::{Screen, Tone};
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::{Action, Clock, update};

use super::support::{Fixture, press, type_text};

/// A clock the test moves forward by hand, starting at the fixture's 2026-11-24 14:02:11.
struct HandClock(Rc<Cell<Timestamp>>);

impl HandClock {
    /// Installs a hand-moved clock in the fixture's wizard.
    fn install(fixture: &mut Fixture) -> Self {
        let now = Rc::new(Cell::new(
            "2026-11-24T14:02:11Z".parse::<Timestamp>().unwrap(),
        ));
        let shared = Rc::clone(&now);
        fixture.app.clock = Clock::from_fn(move || shared.get(), TimeZone::UTC);
        Self(now)
    }

    /// Moves the clock `minutes` forward.
    fn advance(&self, minutes: i64) {
        let next = self.0.get() + SignedDuration::from_mins(minutes);
        self.0.set(next);
    }
}

/// Acme opened on the workshop view from the dashboard.
fn workshop() -> Fixture {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('w')]);
    fixture
}

fn current_id(fixture: &Fixture) -> String {
    let session = fixture.app.session.as_ref().unwrap();
    session
        .question(&fixture.app.questionnaire)
        .unwrap()
        .id
        .clone()
}

/// Types `text` into the open prompt and submits it.
fn submit(fixture: &mut Fixture, key: char, text: &str) {
    press(&mut fixture.app, &[Key::Char(key)]);
    assert!(fixture.app.prompt.is_some(), "{key} opens a prompt");
    type_text(&mut fixture.app, text);
    press(&mut fixture.app, &[Key::Enter]);
}

#[test]
fn w_on_the_dashboard_opens_the_workshop_on_the_first_question_to_discuss() {
    let fixture = workshop();
    assert_eq!(fixture.app.screen, Screen::Workshop);
    // CC1.1.code-of-conduct is evidenced; the next CC1 question is still open.
    assert_eq!(current_id(&fixture), "CC1.1.conduct-breaches");
    let screen = fixture.render(120, 36);
    assert!(screen.contains("Agenda by criterion group"), "{screen}");
    assert!(screen.contains("Session 0:00 of 14:00 planned"), "{screen}");
    assert!(screen.contains("CC1 · Control environment"), "{screen}");
    assert!(screen.contains("Enter to discuss"), "{screen}");
    // Nothing happened yet: nothing is recorded.
    assert!(fixture.saved().workshops.is_empty());
    insta::assert_snapshot!("workshop_120x36", screen);
    insta::assert_snapshot!("workshop_80x24", fixture.render(80, 24));
}

#[test]
fn an_answer_is_saved_at_once_and_moves_along_the_agenda() {
    let mut fixture = workshop();
    press(&mut fixture.app, &[Key::Char('3')]);
    let saved = fixture.saved();
    assert_eq!(
        saved.answer("CC1.1.conduct-breaches"),
        Some(Answer::Level(Level::Evidenced))
    );
    assert_eq!(saved.workshops.len(), 1, "the session is recorded");
    assert_eq!(saved.workshops[0].date, Date::constant(2026, 11, 24));
    assert_eq!(saved.workshops[0].ended, None, "still running");
    // The agenda goes on to the next section's first question.
    assert_eq!(current_id(&fixture), "CC6.1.mfa");
    // Enter jumps to the next question still open or unsure.
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(current_id(&fixture), "CC7.3.incident-response");
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(current_id(&fixture), "A1.2.backups", "unsure is to discuss");
    // ← and → walk the agenda; ↑ goes to the previous section's first question.
    press(&mut fixture.app, &[Key::Left]);
    assert_eq!(current_id(&fixture), "CC7.3.incident-response");
    press(&mut fixture.app, &[Key::Up]);
    assert_eq!(current_id(&fixture), "CC6.1.mfa");
}

#[test]
fn attendees_follow_ups_and_decisions_are_saved_as_they_are_typed() {
    let mut fixture = workshop();
    submit(&mut fixture, 'a', "Jane Doe, Sam Lee, jane doe");
    submit(
        &mut fixture,
        'p',
        "Sam Lee | 2026-12-18 | find the breach log",
    );
    submit(&mut fixture, 'd', "HR owns the breach process from January");
    assert!(fixture.app.prompt.is_none());

    let saved = fixture.saved();
    let session = &saved.workshops[0];
    assert_eq!(session.attendees, ["Jane Doe", "Sam Lee"]);
    assert_eq!(
        session.follow_ups,
        [FollowUp {
            question: "CC1.1.conduct-breaches".into(),
            owner: "Sam Lee".into(),
            due: Some(Date::constant(2026, 12, 18)),
            note: "find the breach log".into(),
        }]
    );
    assert_eq!(
        session.decisions[0].text,
        "HR owns the breach process from January"
    );
    assert_eq!(
        session.decisions[0].question.as_deref(),
        Some("CC1.1.conduct-breaches")
    );
    let screen = fixture.render(120, 36);
    assert!(screen.contains("Jane Doe, Sam Lee"), "{screen}");
    assert!(screen.contains("Follow up: Sam Lee"), "{screen}");
    assert!(screen.contains("2026-12-18"), "{screen}");
    assert!(
        screen.contains("HR owns the breach process from January"),
        "{screen}"
    );

    // p again offers the parked entry; emptying it takes the question off the lot.
    press(&mut fixture.app, &[Key::Char('p')]);
    let prompt = fixture.app.prompt.as_ref().unwrap();
    assert_eq!(
        prompt.input.text(),
        "Sam Lee | 2026-12-18 | find the breach log"
    );
    for _ in 0..prompt.input.text().chars().count() {
        press(&mut fixture.app, &[Key::Backspace]);
    }
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.saved().workshops[0].follow_ups.is_empty());
    let screen = fixture.render(120, 36);
    assert!(!screen.contains("Follow up: Sam Lee"), "{screen}");
    assert!(screen.contains("0 parked · 1 decided"), "{screen}");
}

#[test]
fn a_follow_up_without_an_owner_or_with_a_bad_date_is_refused_in_the_prompt() {
    let mut fixture = workshop();
    submit(&mut fixture, 'p', "Sam | 18/12/2026");
    assert!(fixture.app.prompt.is_some(), "the prompt stays open");
    let screen = fixture.render(120, 36);
    assert!(
        screen.contains("\"18/12/2026\" is not a date: use YYYY-MM-DD"),
        "{screen}"
    );
    press(&mut fixture.app, &[Key::Esc]);
    submit(&mut fixture, 'p', " | 2026-12-18");
    assert!(fixture.app.prompt.is_some());
    assert!(
        fixture
            .render(120, 36)
            .contains("Name who follows it up first"),
        "{}",
        fixture.render(120, 36)
    );
    press(&mut fixture.app, &[Key::Esc]);
    // An empty decision is refused too.
    submit(&mut fixture, 'd', "");
    assert!(fixture.app.prompt.is_some());
    press(&mut fixture.app, &[Key::Esc]);
    assert!(fixture.saved().workshops.is_empty(), "nothing was recorded");
}

#[test]
fn leaving_records_the_end_and_an_empty_session_leaves_no_trace() {
    let mut fixture = workshop();
    let before = std::fs::read(fixture.acme_path()).unwrap();
    press(&mut fixture.app, &[Key::Esc]);
    assert_eq!(fixture.app.screen, Screen::Dashboard);
    assert!(fixture.app.workshop.is_none());
    assert_eq!(
        std::fs::read(fixture.acme_path()).unwrap(),
        before,
        "nothing happened: the file is untouched"
    );

    let mut fixture = workshop();
    let clock = HandClock::install(&mut fixture);
    submit(&mut fixture, 'a', "Jane Doe");
    clock.advance(50);
    press(&mut fixture.app, &[Key::Esc]);
    let session = &fixture.saved().workshops[0];
    assert_eq!(
        session.ended,
        Some("2026-11-24T14:52:11Z".parse().unwrap()),
        "the end is when the view was left"
    );
}

#[test]
fn quitting_from_the_workshop_records_its_end() {
    let mut fixture = workshop();
    submit(&mut fixture, 'd', "Scope is the production platform");
    update(&mut fixture.app, Action::Quit);
    let session = &fixture.saved().workshops[0];
    assert!(session.ended.is_some(), "{session:?}");
}

#[test]
fn the_same_day_the_session_resumes_with_what_it_holds() {
    let mut fixture = workshop();
    submit(&mut fixture, 'a', "Jane Doe, Sam Lee");
    press(&mut fixture.app, &[Key::Esc, Key::Char('w')]);
    assert_eq!(fixture.app.screen, Screen::Workshop);
    assert!(
        fixture.app.status.text.contains("resumed"),
        "{}",
        fixture.app.status.text
    );
    submit(&mut fixture, 'd', "Backups are tested quarterly");
    let saved = fixture.saved();
    assert_eq!(saved.workshops.len(), 1, "one session, resumed");
    assert_eq!(saved.workshops[0].attendees, ["Jane Doe", "Sam Lee"]);
    assert_eq!(saved.workshops[0].decisions.len(), 1);
    // a offers who attends already.
    press(&mut fixture.app, &[Key::Char('a')]);
    assert_eq!(
        fixture.app.prompt.as_ref().unwrap().input.text(),
        "Jane Doe, Sam Lee"
    );
}

#[test]
fn the_section_clock_shows_time_spent_and_a_section_over_time() {
    let mut fixture = Fixture::new(false).open_acme();
    let clock = HandClock::install(&mut fixture);
    press(&mut fixture.app, &[Key::Tab, Key::Char('w')]);
    clock.advance(2);
    let screen = fixture.render(120, 36);
    assert!(screen.contains("2:00/3m"), "{screen}");
    assert!(!screen.contains(" ! "), "{screen}");
    clock.advance(2);
    let screen = fixture.render(120, 36);
    assert!(screen.contains("4:00/3m"), "{screen}");
    assert!(screen.contains("!"), "CC1 is over time: {screen}");
    assert!(screen.contains("Session 4:00 of 14:00"), "{screen}");
    // The next section starts its own clock; CC1 keeps what it spent.
    press(&mut fixture.app, &[Key::Down]);
    clock.advance(1);
    let screen = fixture.render(120, 36);
    assert!(screen.contains("4:00/3m"), "{screen}");
    assert!(screen.contains("1:00/2m"), "{screen}");
    assert!(screen.contains("Session 5:00"), "{screen}");
}

#[test]
fn b_regroups_the_agenda_by_owner_and_back() {
    let mut fixture = workshop();
    press(&mut fixture.app, &[Key::Char('b')]);
    let screen = fixture.render(120, 36);
    assert!(screen.contains("Agenda by owner"), "{screen}");
    // Jane owns the code of conduct; every other question has no owner yet.
    assert!(screen.contains("Jane"), "{screen}");
    assert_eq!(
        current_id(&fixture),
        "CC1.1.conduct-breaches",
        "the question stays"
    );
    press(&mut fixture.app, &[Key::Char('b')]);
    assert!(
        fixture
            .render(120, 36)
            .contains("Agenda by criterion group")
    );
}

#[test]
fn a_read_only_window_records_nothing() {
    let fixture = Fixture::new(false);
    let _other_window = store::lock_for_editing(&fixture.acme_path()).expect("first editor");
    let before = std::fs::read(fixture.acme_path()).unwrap();
    let mut fixture = fixture.open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('w')]);
    assert_eq!(fixture.app.screen, Screen::Workshop);
    for key in ['3', 'p', 'd', 'a'] {
        press(&mut fixture.app, &[Key::Char(key)]);
        assert!(fixture.app.prompt.is_none(), "{key} opens nothing");
        assert_eq!(fixture.app.status.tone, Tone::Error);
        assert!(fixture.app.status.text.starts_with("READ-ONLY"));
    }
    press(&mut fixture.app, &[Key::Esc]);
    assert_eq!(std::fs::read(fixture.acme_path()).unwrap(), before);
}
