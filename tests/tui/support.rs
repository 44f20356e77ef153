//! Shared fixtures: a small stable questionnaire, a fixture assessment in a temporary data
//! directory, a stopped clock, key presses through the real keymap, and TestBackend renders
//! with the temporary path replaced by `[DATA]`.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use soc2_ready::assessment::{Answer, Assessment, store};
use soc2_ready::questionnaire::{
    Category, Level, Questionnaire, QuestionnaireSource, Target, load,
};
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::storage::SEEN_STAGES;
use soc2_ready::tui::{Action, App, Clock, Disk, Theme, ThemeName, start, update, view};
use tempfile::TempDir;

/// The test questionnaire (9 questions over all three stages).
pub fn questionnaire() -> Questionnaire {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/questionnaire");
    load(&QuestionnaireSource::Directory(dir)).expect("the fixture questionnaire is valid")
}

/// The built-in questionnaire.
pub fn built_in() -> Questionnaire {
    load(&QuestionnaireSource::BuiltIn).expect("the built-in questionnaire is valid")
}

/// A clock stopped at 2026-11-24 14:02:11 UTC.
pub fn clock() -> Clock {
    Clock::fixed(
        "2026-11-24T14:02:11Z".parse().expect("a valid timestamp"),
        TimeZone::UTC,
    )
}

/// Acme's assessment: a few answers, a note, an owner, a due date, an N/A with its reason.
pub fn acme() -> Assessment {
    let mut assessment = Assessment::new(
        "Acme Inc",
        "Jane Doe",
        Date::constant(2026, 11, 2),
        Target::Type2,
        [Category::Availability],
    );
    assessment.updated = Some("2026-11-20T09:30:00Z".parse().expect("a valid timestamp"));
    assessment.edit("CC1.1.code-of-conduct", |record| {
        record.answer = Some(Answer::Level(Level::Evidenced));
        record.note = "Signed by all 14 staff; part of onboarding".into();
        record.owner = "Jane".into();
        record.due = Some(Date::constant(2026, 12, 15));
    });
    assessment.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Planned)));
    assessment.edit("CC6.1.encryption", |record| {
        record.answer = Some(Answer::NotApplicable);
        record.na_reason = "We store no customer data".into();
    });
    assessment.set_answer("A1.2.backups", Some(Answer::Unsure));
    assessment.set_answer("ATT.auditor", Some(Answer::Yes));
    assessment
}

/// A data directory with Acme's assessment (and, with `broken`, a file that cannot be read),
/// the three stages already seen, and a wizard started on Home.
pub struct Fixture {
    /// The data directory.
    pub dir: TempDir,
    /// The wizard.
    pub app: App,
}

impl Fixture {
    /// The fixture with the test questionnaire.
    pub fn new(broken: bool) -> Self {
        Self::with(questionnaire(), broken)
    }

    /// The fixture with a given questionnaire.
    pub fn with(questionnaire: Questionnaire, broken: bool) -> Self {
        // A fixed-length path, so text wrapped around it is the same on every machine.
        let dir = tempfile::Builder::new()
            .prefix("soc2-tui-")
            .tempdir_in("/tmp")
            .expect("a temporary directory");
        let path = dir.path().join("acme-inc.toml");
        store::save(&path, &acme()).expect("the fixture is saved");
        set_modified(&path, 2_000);
        if broken {
            let path = dir.path().join("broken.toml");
            fs::write(&path, "organization = \"Broken\"\ntarget = \"type9\"\n").expect("written");
            set_modified(&path, 1_000);
        }
        fs::write(dir.path().join(SEEN_STAGES), "").expect("written");
        let mut app = new_app(dir.path(), questionnaire);
        start(&mut app, None);
        Self { dir, app }
    }

    /// The fixture assessment's file.
    pub fn acme_path(&self) -> PathBuf {
        self.dir.path().join("acme-inc.toml")
    }

    /// The fixture assessment as saved now.
    pub fn saved(&self) -> Assessment {
        store::load(&self.acme_path()).expect("the saved file loads")
    }

    /// Opens Acme's assessment from Home.
    pub fn open_acme(mut self) -> Self {
        press(&mut self.app, &[Key::Enter]);
        self
    }

    /// Renders at `width` × `height` with the data directory shown as `[DATA]`.
    pub fn render(&self, width: u16, height: u16) -> String {
        render(&self.app, width, height).replace(&self.dir.path().display().to_string(), "[DATA]")
    }
}

/// A wizard on `dir` with the stopped clock and the dark theme.
pub fn new_app(dir: &Path, questionnaire: Questionnaire) -> App {
    App::new(
        questionnaire,
        Box::new(Disk::new(dir.to_path_buf())),
        clock(),
        Theme::new(ThemeName::Dark, true),
    )
}

/// Sets a file's modification time to `seconds` after the epoch (stable list order).
fn set_modified(path: &Path, seconds: u64) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)))
        .expect("the modification time is set");
}

/// Presses keys through the keymap of whatever context the wizard is in; a key with no
/// meaning there is [`Action::Unbound`], as in the run loop.
pub fn press(app: &mut App, keys: &[Key]) {
    for &key in keys {
        let action = app.context().action(key).unwrap_or(Action::Unbound(key));
        update(app, action);
    }
}

/// Types text, one key per character.
pub fn type_text(app: &mut App, text: &str) {
    let keys: Vec<Key> = text.chars().map(Key::Char).collect();
    press(app, &keys);
}

/// Clicks a cell, with the wizard told the terminal is `width` × `height`.
pub fn click(app: &mut App, (width, height): (u16, u16), column: u16, row: u16) {
    update(app, Action::Resize { width, height });
    update(app, Action::Click { column, row });
}

/// Draws the wizard into a `width` × `height` TestBackend and returns its text.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("drawing never fails");
    terminal.backend().to_string()
}
