//! No path through the wizard loses an answer or overwrites unseen: a failed save stays
//! unsaved and leaving asks, an outside edit is loaded or asked about, the export never
//! writes over an assessment, and links share one lock and one file.

use std::cell::Cell;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use soc2_ready::assessment::store::{self, EditLock, Listed, LockError, StoreError};
use soc2_ready::assessment::{Answer, Assessment};
use soc2_ready::questionnaire::Level;
use soc2_ready::report::{ExportError, Format, Paper, ReportModel};
use soc2_ready::tui::app::{Decision, Leave, Screen, Tone};
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::update::{apply, rescue, save_pending};
use soc2_ready::tui::{Action, App, Disk, Storage, Theme, ThemeName, start};

use super::support::{Fixture, clock, new_app, press, questionnaire, render, type_text};

/// The real disk, except that saves into the data directory fail while `full` is set, as on
/// a full disk (other folders, such as a rescue folder, still take files).
struct FlakyDisk {
    disk: Disk,
    full: Rc<Cell<bool>>,
}

impl Storage for FlakyDisk {
    fn data_dir(&self) -> &Path {
        self.disk.data_dir()
    }
    fn list(&self) -> Result<Vec<Listed>, StoreError> {
        self.disk.list()
    }
    fn load(&self, path: &Path) -> Result<Assessment, StoreError> {
        self.disk.load(path)
    }
    fn create(&self, assessment: &Assessment) -> Result<PathBuf, StoreError> {
        self.disk.create(assessment)
    }
    fn lock(&self, path: &Path) -> Result<EditLock, LockError> {
        self.disk.lock(path)
    }
    fn save(&self, path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
        if self.full.get() && path.starts_with(self.disk.data_dir()) {
            return Err(StoreError::Io {
                action: "save",
                path: path.to_path_buf(),
                error: std::io::ErrorKind::StorageFull.into(),
            });
        }
        self.disk.save(path, assessment)
    }
    fn delete(&self, path: &Path) -> Result<(), StoreError> {
        self.disk.delete(path)
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
        self.disk.export(model, format, paper, path)
    }
}

/// The fixture opened on a disk that is full, with the switch to free it.
fn full_disk_session() -> (Fixture, App, Rc<Cell<bool>>) {
    let fixture = Fixture::new(false);
    let full = Rc::new(Cell::new(true));
    let storage = FlakyDisk {
        disk: Disk::new(fixture.dir.path().to_path_buf()),
        full: Rc::clone(&full),
    };
    let mut app = App::new(
        questionnaire(),
        Box::new(storage),
        clock(),
        Theme::new(ThemeName::Dark, true),
    );
    start(&mut app, None);
    press(&mut app, &[Key::Enter, Key::Char('3')]);
    assert!(app.status.text.contains("NOT SAVED"));
    (fixture, app, full)
}

const ANSWERED: &str = "CC1.1.conduct-breaches";

#[test]
fn a_signal_after_a_failed_save_leaves_a_rescue_copy_and_says_where() {
    let (fixture, mut app, _full) = full_disk_session();
    let fallback = tempfile::tempdir().unwrap();
    let line = rescue(&mut app, fallback.path()).expect("something to rescue");
    // The data directory is full, so the copy goes to the fallback folder.
    let copy = fallback
        .path()
        .join("acme-inc.unsaved-20261124-140211.toml");
    assert!(
        line.starts_with("soc2-ready was ended before 1 change(s) to "),
        "{line}"
    );
    assert!(
        line.contains("acme-inc.toml could be saved (cannot save "),
        "{line}"
    );
    assert!(
        line.contains(": the disk is full); the assessment"),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(
            "the assessment with them is in {}",
            copy.display()
        )),
        "{line}"
    );
    let rescued = store::load(&copy).expect("the rescue copy loads");
    assert_eq!(
        rescued.answer(ANSWERED),
        Some(Answer::Level(Level::Evidenced))
    );
    assert_eq!(
        fixture.saved().answer(ANSWERED),
        None,
        "the file was not touched"
    );
}

#[test]
fn a_signal_saves_normally_when_it_can_and_says_nothing_when_all_is_saved() {
    let (fixture, mut app, full) = full_disk_session();
    full.set(false);
    let fallback = tempfile::tempdir().unwrap();
    assert_eq!(
        rescue(&mut app, fallback.path()),
        None,
        "the retry saved it"
    );
    assert_eq!(
        fixture.saved().answer(ANSWERED),
        Some(Answer::Level(Level::Evidenced))
    );
    assert_eq!(fs::read_dir(fallback.path()).unwrap().count(), 0);
    assert_eq!(rescue(&mut app, fallback.path()), None, "nothing unsaved");
}

#[test]
fn quitting_after_a_failed_save_retries_and_asks_instead_of_dropping() {
    let (fixture, mut app, full) = full_disk_session();
    assert!(app.session.as_ref().unwrap().unsaved, "still unsaved");
    press(&mut app, &[Key::Char('q')]);
    assert!(!app.quit, "never quits silently with unsaved answers");
    assert!(matches!(
        app.decision,
        Some(Decision::Unsaved {
            then: Leave::Quit,
            ..
        })
    ));
    let screen = render(&app, 100, 30);
    assert!(screen.contains("1 change(s) to"), "{screen}");
    assert!(
        screen.contains("quit anyway: the unsaved changes are lost"),
        "{screen}"
    );
    assert!(screen.contains("the disk is full"), "{screen}");

    press(&mut app, &[Key::Esc]);
    assert!(app.decision.is_none() && !app.quit, "Esc stays");
    full.set(false);
    press(&mut app, &[Key::Char('q')]);
    assert!(app.quit, "the retry on quit succeeded");
    assert_eq!(
        fixture.saved().answer(ANSWERED),
        Some(Answer::Level(Level::Evidenced))
    );
}

#[test]
fn retry_saves_and_then_leaves_and_quit_anyway_is_explicit() {
    let (fixture, mut app, full) = full_disk_session();
    press(&mut app, &[Key::Esc]);
    assert_eq!(app.screen, Screen::Wizard, "Esc to Home waits for the save");
    assert!(matches!(
        app.decision,
        Some(Decision::Unsaved {
            then: Leave::Home,
            ..
        })
    ));
    press(&mut app, &[Key::Char('r')]);
    assert!(app.decision.is_some(), "still full: asked again");
    full.set(false);
    press(&mut app, &[Key::Char('r')]);
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(
        fixture.saved().answer(ANSWERED),
        Some(Answer::Level(Level::Evidenced))
    );

    let (fixture, mut app, _full) = full_disk_session();
    press(&mut app, &[Key::Char('q')]);
    soc2_ready::tui::update(
        &mut app,
        Action::Resize {
            width: 30,
            height: 8,
        },
    );
    press(&mut app, &[Key::Char('q')]);
    assert!(!app.quit, "not while the question cannot be seen");
    soc2_ready::tui::update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    press(&mut app, &[Key::Char('q')]);
    assert!(app.quit, "q in the question quits anyway");
    assert_eq!(fixture.saved().answer(ANSWERED), None, "as the user chose");
}

/// Another program (a text editor) changes the assessor in the file.
fn edit_outside(path: &Path) {
    let text = fs::read_to_string(path).unwrap();
    fs::write(
        path,
        text.replace("assessor = \"Jane Doe\"", "assessor = \"Edited outside\""),
    )
    .unwrap();
}

#[test]
fn an_outside_edit_is_loaded_when_the_window_has_nothing_to_save() {
    let mut fixture = Fixture::new(false).open_acme();
    edit_outside(&fixture.acme_path());
    press(&mut fixture.app, &[Key::Right]);
    assert!(
        fixture
            .app
            .status
            .text
            .contains("changed outside this window"),
        "{}",
        fixture.app.status.text
    );
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.assessment.assessor, "Edited outside", "loaded");
    let id = session
        .question(&fixture.app.questionnaire)
        .unwrap()
        .id
        .clone();
    press(&mut fixture.app, &[Key::Char('2')]);
    let saved = fixture.saved();
    assert_eq!(
        saved.assessor, "Edited outside",
        "the outside edit survives"
    );
    assert_eq!(
        saved.answer(&id),
        Some(Answer::Level(Level::InPlace)),
        "and so does the answer"
    );
}

#[test]
fn a_signal_during_an_outside_edit_rescues_the_change_and_says_the_file_changed() {
    let mut fixture = Fixture::new(false).open_acme();
    apply(
        &mut fixture.app,
        Action::Answer(Answer::Level(Level::Operating)),
    );
    edit_outside(&fixture.dir.path().join("acme-inc.toml"));
    let fallback = tempfile::tempdir().unwrap();
    let line = rescue(&mut fixture.app, fallback.path()).expect("something to rescue");
    assert!(
        line.contains("could be saved (acme-inc.toml was changed outside this window)"),
        "{line}"
    );
    assert_eq!(
        fixture.saved().assessor,
        "Edited outside",
        "not overwritten"
    );
}

#[test]
fn an_outside_edit_during_an_unsaved_change_is_asked_about() {
    let mut fixture = Fixture::new(false).open_acme();
    let app = &mut fixture.app;
    apply(app, Action::Answer(Answer::Level(Level::Operating)));
    let changed = app.session.as_ref().unwrap().nav.current;
    edit_outside(&fixture.dir.path().join("acme-inc.toml"));
    save_pending(app);
    assert!(matches!(
        app.decision,
        Some(Decision::Conflict { then: None })
    ));
    assert_eq!(
        fixture.saved().assessor,
        "Edited outside",
        "not overwritten"
    );
    assert!(render(&fixture.app, 100, 30).contains("was changed on disk"));

    // Later: nothing is saved, not even by the next change.
    press(&mut fixture.app, &[Key::Esc, Key::Char('1')]);
    assert_eq!(fixture.saved().assessor, "Edited outside");
    assert!(fixture.app.status.text.contains("NOT SAVED"));

    // Leaving asks again; loading the file drops this window's changes.
    press(&mut fixture.app, &[Key::Char('q')]);
    assert!(matches!(
        fixture.app.decision,
        Some(Decision::Conflict {
            then: Some(Leave::Quit)
        })
    ));
    assert!(!fixture.app.quit);
    press(&mut fixture.app, &[Key::Char('l')]);
    assert!(fixture.app.quit);
    let session = fixture.app.session.as_ref().unwrap();
    assert_eq!(session.assessment.assessor, "Edited outside");
    assert!(changed.is_some());
}

#[test]
fn overwrite_keeps_this_windows_answers_by_choice() {
    let mut fixture = Fixture::new(false).open_acme();
    apply(
        &mut fixture.app,
        Action::Answer(Answer::Level(Level::Operating)),
    );
    edit_outside(&fixture.acme_path());
    save_pending(&mut fixture.app);
    press(&mut fixture.app, &[Key::Char('o')]);
    assert!(fixture.app.decision.is_none());
    let saved = fixture.saved();
    assert_eq!(saved.assessor, "Jane Doe", "overwritten, as chosen");
    assert_eq!(
        saved.answer("CC1.1.conduct-breaches"),
        Some(Answer::Level(Level::Operating))
    );
    // Seen now: the next change saves without asking.
    press(&mut fixture.app, &[Key::Char('1')]);
    assert!(fixture.app.decision.is_none());
    assert_eq!(fixture.app.status.tone, Tone::Done);
}

fn export_to(fixture: &mut Fixture, path: &str) -> String {
    press(&mut fixture.app, &[Key::Tab, Key::Char('e')]);
    let form = fixture.app.export.as_mut().unwrap();
    form.path = soc2_ready::tui::input::TextInput::new("");
    type_text(&mut fixture.app, path);
    press(&mut fixture.app, &[Key::Enter]);
    let outcome = fixture
        .app
        .export
        .as_ref()
        .unwrap()
        .outcome
        .clone()
        .unwrap();
    press(&mut fixture.app, &[Key::Esc, Key::Tab]);
    outcome.map_or_else(|error| error, |ok| format!("OK {ok}"))
}

#[test]
fn the_export_never_writes_over_an_assessment() {
    let mut fixture = Fixture::new(false).open_acme();
    let before = fs::read(fixture.acme_path()).unwrap();
    let dir = fixture.dir.path().to_path_buf();
    fs::create_dir(dir.join("sub")).unwrap();
    std::os::unix::fs::symlink(fixture.acme_path(), dir.join("link.md")).unwrap();
    for typed in [
        fixture.acme_path(),
        dir.join("sub/../acme-inc.toml"),
        dir.join("link.md"),
    ] {
        let outcome = export_to(&mut fixture, typed.to_str().unwrap());
        assert!(outcome.contains("will not write a report"), "{outcome}");
        assert_eq!(fixture.app.status.tone, Tone::Error);
    }
    let other = dir.join("other.toml");
    store::save(&other, &super::support::acme()).unwrap();
    let outcome = export_to(&mut fixture, other.to_str().unwrap());
    assert!(outcome.contains("an assessment file is there"), "{outcome}");
    let outcome = export_to(&mut fixture, "/dev/null");
    assert!(outcome.contains("not a regular file"), "{outcome}");
    assert_eq!(fs::read(fixture.acme_path()).unwrap(), before);
    let fine = export_to(&mut fixture, dir.join("r.md").to_str().unwrap());
    assert!(fine.starts_with("OK "), "{fine}");
}

#[test]
fn a_link_and_its_target_share_one_lock_and_one_file() {
    let fixture = Fixture::new(false);
    let alias = fixture.dir.path().join("alias.toml");
    std::os::unix::fs::symlink("acme-inc.toml", &alias).unwrap();
    let mut through_link = new_app(fixture.dir.path(), questionnaire());
    start(&mut through_link, Some((alias.clone(), fixture.saved())));
    let mut direct = new_app(fixture.dir.path(), questionnaire());
    start(&mut direct, Some((fixture.acme_path(), fixture.saved())));
    assert!(through_link.session.as_ref().unwrap().read_only.is_none());
    assert!(
        direct.session.as_ref().unwrap().read_only.is_some(),
        "the second window is read-only"
    );
    press(&mut through_link, &[Key::Char('4')]);
    assert!(
        fs::symlink_metadata(&alias).unwrap().is_symlink(),
        "link kept"
    );
    assert_eq!(
        fixture.saved().answers.len(),
        super::support::acme().answers.len() + 1
    );
}

#[test]
fn a_file_with_more_than_one_hard_link_is_flagged() {
    let fixture = Fixture::new(false);
    fs::hard_link(
        fixture.acme_path(),
        fixture.dir.path().join("copy.toml.bak"),
    )
    .unwrap();
    let fixture = fixture.open_acme();
    assert_eq!(fixture.app.status.tone, Tone::Error);
    assert!(
        fixture.app.status.text.contains("2 hard links"),
        "{}",
        fixture.app.status.text
    );
}
