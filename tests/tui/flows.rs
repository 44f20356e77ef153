//! Key sequences driven through `update`, checking the state and the saved file.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use soc2_ready::assessment::store::{Listed, StoreError};
use soc2_ready::assessment::{Answer, Assessment};
use soc2_ready::questionnaire::{Level, Target};
use soc2_ready::report::{ExportError, Format, ReportModel};
use soc2_ready::tui::app::{Filter, PromptKind, Screen, Tone};
use soc2_ready::tui::keymap::{Context, Key};
use soc2_ready::tui::storage::SEEN_STAGES;
use soc2_ready::tui::{App, Disk, Storage, start};

use super::support::{Fixture, click, new_app, press, questionnaire, type_text};

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
}

#[test]
fn keys_of_the_other_answer_kind_do_nothing() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Char('y')]);
    assert_eq!(current_id(&fixture.app), "CC1.1.conduct-breaches");
    assert_eq!(fixture.saved(), super::support::acme());
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
fn a_new_assessment_is_created_from_the_form() {
    let mut fixture = Fixture::new(false);
    press(&mut fixture.app, &[Key::Char('n'), Key::Enter]);
    assert!(
        fixture.app.home.form.as_ref().unwrap().error.is_some(),
        "a name is needed"
    );
    type_text(&mut fixture.app, "Globex Corp");
    press(&mut fixture.app, &[Key::Tab]);
    type_text(&mut fixture.app, "Hank");
    press(
        &mut fixture.app,
        &[Key::Tab, Key::Tab, Key::Tab, Key::Char(' ')],
    );
    press(
        &mut fixture.app,
        &[Key::Tab, Key::Tab, Key::Char(' '), Key::Enter],
    );

    assert_eq!(fixture.app.screen, Screen::Wizard);
    let path = fixture.dir.path().join("globex-corp.toml");
    let saved = soc2_ready::assessment::store::load(&path).expect("created");
    assert_eq!(saved.organization, "Globex Corp");
    assert_eq!(saved.assessor, "Hank");
    assert_eq!(saved.target, Target::Type1);
    assert_eq!(saved.created, Date::constant(2026, 11, 24));
    let scope: Vec<_> = saved
        .scope()
        .iter()
        .map(|category| category.key())
        .collect();
    assert_eq!(scope, ["security", "confidentiality"]);
}

#[test]
fn rename_and_delete_from_home() {
    let mut fixture = Fixture::new(true);
    press(&mut fixture.app, &[Key::Char('r')]);
    press(
        &mut fixture.app,
        &[
            Key::Home,
            Key::Delete,
            Key::Delete,
            Key::Delete,
            Key::Delete,
        ],
    );
    type_text(&mut fixture.app, "ACME");
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(fixture.saved().organization, "ACME Inc");
    assert!(fixture.acme_path().exists(), "the file name stays");

    press(&mut fixture.app, &[Key::Down, Key::Char('d')]);
    assert!(
        !fixture.app.home.confirm_delete,
        "unreadable files are left alone"
    );
    assert!(fixture.dir.path().join("broken.toml").exists());

    press(&mut fixture.app, &[Key::Up, Key::Char('d'), Key::Char('n')]);
    assert!(fixture.acme_path().exists());
    press(&mut fixture.app, &[Key::Char('d'), Key::Char('y')]);
    assert!(!fixture.acme_path().exists());
    assert_eq!(fixture.app.home.entries.len(), 1);
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
}

#[test]
fn the_three_stages_are_shown_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = new_app(dir.path(), questionnaire());
    start(&mut app, None);
    assert_eq!(app.screen, Screen::Stages);
    assert!(dir.path().join(SEEN_STAGES).exists());
    press(&mut app, &[Key::Esc]);
    assert_eq!(app.screen, Screen::Home);

    let mut again = new_app(dir.path(), questionnaire());
    start(&mut again, None);
    assert_eq!(again.screen, Screen::Home);
}

#[test]
fn open_path_skips_home() {
    let fixture = Fixture::new(false);
    let mut app = new_app(fixture.dir.path(), questionnaire());
    start(&mut app, Some((fixture.acme_path(), fixture.saved())));
    assert_eq!(app.screen, Screen::Wizard);
    press(&mut app, &[Key::Esc]);
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home.entries.len(), 1);
}

#[test]
fn export_writes_through_the_report_module() {
    let mut fixture = Fixture::new(false).open_acme();
    press(
        &mut fixture.app,
        &[Key::Tab, Key::Char('e'), Key::Tab, Key::Enter],
    );
    let path = fixture
        .dir
        .path()
        .join("acme-inc-soc2-gap-report-2026-11-24.md");
    let text = fs::read_to_string(&path).expect("the report is written");
    assert!(text.contains("Acme Inc"));
    assert_eq!(fixture.app.status.tone, Tone::Done);

    let form = fixture.app.export.as_mut().unwrap();
    form.path = soc2_ready::tui::input::TextInput::new("/nonexistent-folder/report.md");
    press(&mut fixture.app, &[Key::Enter]);
    let outcome = fixture
        .app
        .export
        .as_ref()
        .unwrap()
        .outcome
        .clone()
        .unwrap();
    assert!(
        outcome
            .unwrap_err()
            .contains("/nonexistent-folder/report.md")
    );
}

/// Storage whose saves fail, as on a full disk.
struct FullDisk(Disk);

impl Storage for FullDisk {
    fn data_dir(&self) -> &Path {
        self.0.data_dir()
    }
    fn list(&self) -> Result<Vec<Listed>, StoreError> {
        self.0.list()
    }
    fn load(&self, path: &Path) -> Result<Assessment, StoreError> {
        self.0.load(path)
    }
    fn create(&self, assessment: &Assessment) -> Result<PathBuf, StoreError> {
        self.0.create(assessment)
    }
    fn save(&self, path: &Path, _: &Assessment) -> Result<(), StoreError> {
        Err(StoreError::Io {
            action: "save",
            path: path.to_path_buf(),
            error: std::io::ErrorKind::StorageFull.into(),
        })
    }
    fn delete(&self, path: &Path) -> Result<(), StoreError> {
        self.0.delete(path)
    }
    fn stages_seen(&self) -> bool {
        true
    }
    fn mark_stages_seen(&self) -> Result<(), StoreError> {
        Ok(())
    }
    fn export(&self, model: &ReportModel, format: Format, path: &Path) -> Result<(), ExportError> {
        self.0.export(model, format, path)
    }
}

#[test]
fn a_failed_save_is_shown_and_the_answers_are_kept() {
    let fixture = Fixture::new(false);
    let mut app = App::new(
        questionnaire(),
        Box::new(FullDisk(Disk::new(fixture.dir.path().to_path_buf()))),
        super::support::clock(),
        soc2_ready::tui::Theme::new(soc2_ready::tui::ThemeName::Projector, false),
    );
    start(&mut app, None);
    press(&mut app, &[Key::Enter, Key::Char('3')]);
    assert_eq!(app.status.tone, Tone::Error);
    assert!(app.status.text.contains("NOT SAVED"));
    assert!(app.status.text.contains("the disk is full"));
    let session = app.session.as_ref().unwrap();
    assert_eq!(
        session.assessment.answer("CC1.1.conduct-breaches"),
        Some(Answer::Level(Level::Evidenced))
    );
    assert_eq!(
        fixture.saved(),
        super::support::acme(),
        "the file is untouched"
    );
    assert!(super::support::render(&app, 80, 24).contains("NOT SAVED"));
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
