//! Flows that create, rename, delete, open, export and save files, checked on disk — and a
//! failing disk, whose error is shown while the answers stay in memory.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use soc2_ready::assessment::store::{EditLock, Listed, LockError, StoreError};
use soc2_ready::assessment::{Answer, Assessment};
use soc2_ready::questionnaire::{Level, Target};
use soc2_ready::report::{ExportError, Format, Paper, ReportModel};
use soc2_ready::tui::app::{Document, Screen, Tone};
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::storage::SEEN_STAGES;
use soc2_ready::tui::{App, Disk, Storage, start};

use super::support::{Fixture, new_app, press, questionnaire, type_text};

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
    assert_eq!(fixture.app.home.entry().unwrap().path, fixture.acme_path());

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
        &[Key::Tab, Key::Char('e'), Key::Down, Key::Enter],
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

#[test]
fn the_export_starts_in_the_chosen_folder_and_a_typed_folder_gets_the_default_name() {
    let mut fixture = Fixture::new(false).open_acme();
    let desk = fixture.dir.path().join("desk");
    fs::create_dir(&desk).unwrap();
    fixture.app.export_folder = Some(desk.clone());
    press(&mut fixture.app, &[Key::Tab, Key::Char('e')]);
    let name = "acme-inc-soc2-gap-report-2026-11-24.pdf";
    assert_eq!(
        fixture.app.export.as_ref().unwrap().path.text(),
        desk.join(name).display().to_string(),
        "the default path is in the export folder, not beside the assessment"
    );
    // A folder typed without a file name (with or without the final slash) gets the
    // default name inside it; nothing is written beside the assessment.
    let out = fixture.dir.path().join("out");
    fs::create_dir(&out).unwrap();
    for typed in [out.display().to_string(), format!("{}/", out.display())] {
        let form = fixture.app.export.as_mut().unwrap();
        form.path = soc2_ready::tui::input::TextInput::new(&typed);
        press(&mut fixture.app, &[Key::Enter]);
        assert_eq!(fixture.app.status.tone, Tone::Done, "{typed}");
        assert!(out.join(name).is_file(), "{typed}");
        fs::remove_file(out.join(name)).unwrap();
    }
    assert!(!fixture.dir.path().join(name).exists());
}

#[test]
fn every_format_on_the_export_screen_writes_its_own_file() {
    let mut fixture = Fixture::new(false).open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('e')]);
    for (at, format) in Format::ALL.into_iter().enumerate() {
        if at > 0 {
            press(&mut fixture.app, &[Key::Down]);
        }
        assert_eq!(
            fixture.app.export.as_ref().unwrap().document,
            Document::Report(format)
        );
        press(&mut fixture.app, &[Key::Enter]);
        let name =
            soc2_ready::report::default_file_name("Acme Inc", format, Date::constant(2026, 11, 24));
        let bytes = fs::read(fixture.dir.path().join(&name))
            .unwrap_or_else(|error| panic!("{} was not written: {error}", format.label()));
        assert!(!bytes.is_empty(), "{name} is empty");
        if format.extension() == "xlsx" {
            assert!(bytes.starts_with(b"PK"), "{name} is a ZIP container");
        }
    }
}

#[test]
fn a_pdf_export_names_the_characters_no_font_has() {
    let fixture = Fixture::new(false);
    let mut assessment = fixture.saved();
    // U+E000 is a private-use character: no built-in font draws it.
    assessment.organization = "Acme \u{E000} Inc".to_string();
    soc2_ready::assessment::store::save(&fixture.acme_path(), &assessment).unwrap();
    let mut fixture = fixture.open_acme();
    press(&mut fixture.app, &[Key::Tab, Key::Char('e'), Key::Enter]);
    assert_eq!(fixture.app.status.tone, Tone::Done);
    let status = &fixture.app.status.text;
    assert!(status.starts_with("Wrote acme-"), "{status}");
    assert!(
        status.ends_with("no built-in font has them: U+E000"),
        "{status}"
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
    fn lock(&self, path: &Path) -> Result<EditLock, LockError> {
        self.0.lock(path)
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
    fn export(
        &self,
        model: &ReportModel,
        format: Format,
        paper: Paper,
        path: &Path,
    ) -> Result<Vec<char>, ExportError> {
        self.0.export(model, format, paper, path)
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
fn answers_to_unknown_questions_are_mentioned_and_kept() {
    let fixture = Fixture::new(false);
    let mut assessment = fixture.saved();
    assessment.set_answer("OLD.retired-question", Some(Answer::Yes));
    soc2_ready::assessment::store::save(&fixture.acme_path(), &assessment).unwrap();
    let mut fixture = fixture.open_acme();
    assert!(
        fixture
            .app
            .status
            .text
            .contains("1 answer(s) to questions this questionnaire does not have")
    );
    press(&mut fixture.app, &[Key::Char('2')]);
    assert_eq!(
        fixture.saved().answer("OLD.retired-question"),
        Some(Answer::Yes),
        "kept on save"
    );
}

#[test]
fn an_n_a_without_a_reason_is_named_with_its_line_and_the_file_is_left_alone() {
    let fixture = Fixture::new(false);
    let path = fixture.acme_path();
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replace("na_reason = \"We store no customer data\"\n", "");
    assert_ne!(edited, text, "the fixture holds the reason");
    fs::write(&path, &edited).unwrap();
    let line = edited
        .lines()
        .position(|line| line.starts_with("[answers.\"CC6.1.encryption\"]"))
        .unwrap()
        + 2;
    let fixture = fixture.open_acme();
    let status = &fixture.app.status.text;
    assert!(
        status.contains(&format!(
            "N/A needs a reason: CC6.1.encryption at line {line} (counted as open until a reason is given)"
        )),
        "{status}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        edited,
        "opening never rewrites"
    );
    assert_eq!(
        fixture.saved().answer("CC6.1.encryption"),
        None,
        "open, not N/A"
    );
}
