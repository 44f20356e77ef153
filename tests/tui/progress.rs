//! The time axis in the wizard: answering records today's snapshot in the saved file, and
//! the dashboard shows the trend, what changed since the last snapshot, the report dates
//! and the due controls.

use jiff::civil::Date;
use soc2_ready::assessment::{Answer, Evidence, Snapshot, store};
use soc2_ready::questionnaire::Level;
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::start;

use super::support::{Fixture, new_app, press, questionnaire, type_text};

/// Acme's file with two earlier snapshots (20 and 22 November) and one quarterly-review
/// entry, reopened in a fresh wizard.
fn with_history() -> Fixture {
    let mut fixture = Fixture::new(false);
    let path = fixture.acme_path();
    let mut assessment = store::load(&path).unwrap();
    assessment.history = vec![
        Snapshot {
            date: Date::constant(2026, 11, 20),
            changes: [(
                "CC6.1.mfa".to_string(),
                Some(Answer::Level(Level::Evidenced)),
            )]
            .into(),
            readiness: Some([40, 5, 0]),
        },
        Snapshot {
            date: Date::constant(2026, 11, 22),
            changes: [(
                "CC1.1.code-of-conduct".to_string(),
                Some(Answer::Level(Level::Planned)),
            )]
            .into(),
            readiness: Some([10, 8, 0]),
        },
    ];
    assessment.edit("CC1.1.code-of-conduct", |record| {
        record.evidence.push(Evidence {
            title: "Signed acknowledgements".into(),
            location: "HR drive".into(),
            collected: Date::constant(2026, 11, 1),
            period: None,
            expires: None,
            files: Vec::new(),
        });
    });
    store::save(&path, &assessment).unwrap();
    fixture.app = new_app(fixture.dir.path(), questionnaire());
    start(&mut fixture.app, None);
    fixture.open_acme()
}

#[test]
fn the_dashboard_shows_trend_progress_report_dates_and_due_controls() {
    let mut fixture = with_history();
    press(&mut fixture.app, &[Key::Tab]);
    let screen = fixture.render(120, 40);
    assert!(screen.contains("Progress as of 2026-11-24"), "{screen}");
    // 40 → 10 % compliance, then 23 % now: high, low, a little higher.
    assert!(
        screen.contains("│Compliance      ▃▁▂  23 %  +13 since 2026-11-22"),
        "{screen}"
    );
    assert!(
        screen.contains("│Attestation     ▁▁▁  11 %  +3 since 2026-11-22"),
        "{screen}"
    );
    // Since 22 November: CC1.1 planned → evidenced and ATT.auditor unanswered → yes
    // improved; CC6.1.mfa evidenced → planned regressed.
    assert!(
        screen.contains("Since 2026-11-22: 2 answers improved, 1 regressed"),
        "{screen}"
    );
    // The Type 1 as-of date, when its report can follow at the earliest, and the Type 2 report.
    assert!(
        screen.contains("Type 1 as of 2026-12-22 (report 2027-01-19) · Type 2 report 2027-04-18"),
        "{screen}"
    );
    assert!(
        screen.contains("Nothing overdue · 0 due soon · 0 never logged · 0 claimed, not evidenced"),
        "{screen}"
    );
}

#[test]
fn a_gap_past_its_due_date_is_overdue_on_the_dashboard_as_in_due_and_the_report() {
    let fixture = Fixture::new(false);
    let path = fixture.acme_path();
    let mut assessment = store::load(&path).unwrap();
    // Planned is a gap; its owner meant to close it four days ago.
    assessment.edit("CC6.1.mfa", |record| {
        record.due = Some(Date::constant(2026, 11, 20));
    });
    store::save(&path, &assessment).unwrap();
    let mut fixture = Fixture {
        app: new_app(fixture.dir.path(), questionnaire()),
        ..fixture
    };
    start(&mut fixture.app, None);
    let mut fixture = fixture.open_acme();
    press(&mut fixture.app, &[Key::Tab]);
    let screen = fixture.render(160, 40);
    assert!(
        screen.contains(
            "1 overdue: 1 gap due date, 0 periodic controls — Multi-factor authentication (was due 2026-11-20)"
        ),
        "{screen}"
    );
}

#[test]
fn answering_records_todays_snapshot_with_its_figures() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('2')]);
    let saved = fixture.saved();
    assert_eq!(saved.history.len(), 1);
    let snapshot = &saved.history[0];
    assert_eq!(snapshot.date, Date::constant(2026, 11, 24));
    assert_eq!(
        snapshot.changes.len(),
        6,
        "the first snapshot holds every answer"
    );
    let figures = snapshot.readiness.expect("figures stored");
    let card = &fixture.app.session.as_ref().unwrap().card;
    assert_eq!(
        u32::from(figures[0]),
        card.stages[0].measure.readiness.percent().unwrap()
    );
    // Another answer the same day updates the same snapshot.
    press(&mut fixture.app, &[Key::Char('3')]);
    assert_eq!(fixture.saved().history.len(), 1);
}

#[test]
fn the_evidence_log_lists_adds_and_removes_entries() {
    let mut fixture = Fixture::new(false).open_acme();
    // CC1.1.code-of-conduct is answered "evidenced", with no evidence.
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "CC1.1.code-of-conduct");
    press(&mut fixture.app, &[Key::Enter, Key::Char('v')]);
    let screen = fixture.render(100, 30);
    assert!(
        screen.contains("Evidence · CC1.1.code-of-conduct"),
        "{screen}"
    );
    assert!(
        screen
            .contains("0 months of operating evidence · claimed, not evidenced: no evidence entry"),
        "{screen}"
    );
    assert!(
        screen.contains("No evidence yet: a adds an entry, f adds a file, i imports a tool's"),
        "{screen}"
    );

    press(&mut fixture.app, &[Key::Char('a')]);
    type_text(&mut fixture.app, "Signed | HR | 2026-09-01..2026-08-01");
    press(&mut fixture.app, &[Key::Enter]);
    assert!(
        fixture
            .render(100, 30)
            .contains("The period ends (2026-08-01) before it starts (2026-09-01).")
    );
    press(&mut fixture.app, &[Key::Esc, Key::Char('a')]);
    type_text(
        &mut fixture.app,
        "Signed acknowledgements | HR drive | 2026-08-01..2026-10-31",
    );
    press(&mut fixture.app, &[Key::Enter, Key::Char('a')]);
    type_text(&mut fixture.app, "Onboarding checklist");
    press(&mut fixture.app, &[Key::Enter]);
    let screen = fixture.render(100, 30);
    assert!(
        screen.contains("3 months of operating evidence"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "1. 2026-11-24 Signed acknowledgements · covers 2026-08-01 to 2026-10-31 · HR drive"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("2. 2026-11-24 Onboarding checklist"),
        "{screen}"
    );
    let saved = fixture.saved();
    let record = saved.record("CC1.1.code-of-conduct").unwrap();
    assert_eq!(record.evidence.len(), 2);
    assert_eq!(
        record.note, "Signed by all 14 staff; part of onboarding",
        "one record, note kept"
    );

    press(&mut fixture.app, &[Key::Up, Key::Char('d')]);
    let saved = fixture.saved();
    let titles: Vec<&str> = saved
        .record("CC1.1.code-of-conduct")
        .unwrap()
        .evidence
        .iter()
        .map(|entry| entry.title.as_str())
        .collect();
    assert_eq!(titles, ["Onboarding checklist"]);
    press(&mut fixture.app, &[Key::Esc]);
    assert_eq!(fixture.app.evidence, None);
    assert!(!fixture.render(100, 30).contains("Evidence · "));
}

#[test]
fn the_months_of_evidence_question_shows_the_logs_suggestion() {
    let mut fixture = Fixture::with(super::support::built_in(), false).open_acme();
    press(&mut fixture.app, &[Key::Char('g')]);
    type_text(&mut fixture.app, "CC1.1.code-of-conduct");
    press(
        &mut fixture.app,
        &[Key::Enter, Key::Char('v'), Key::Char('a')],
    );
    type_text(
        &mut fixture.app,
        "Acknowledgements | HR | 2026-07-01..2026-11-15",
    );
    press(&mut fixture.app, &[Key::Enter, Key::Esc, Key::Char('g')]);
    type_text(&mut fixture.app, "ATT.evidence-months");
    press(&mut fixture.app, &[Key::Enter]);
    let screen = fixture.render(120, 40);
    // One control with evidence, 4 whole months (1 July to 15 November), against the
    // default 3-month window: more than the planned window.
    assert!(
        screen.contains("3  At least the planned window  ← needed for Type 2   "),
        "{screen}"
    );
    assert!(
        screen.contains(
            "4  More than the planned window, still running  ← suggested by the evidence log"
        ),
        "{screen}"
    );
}
