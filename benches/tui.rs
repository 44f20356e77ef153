//! Benchmarks of the wizard on ratatui's TestBackend at 120×40, with the full built-in
//! questionnaire and the complete sample assessment (benches/fixtures/complete.toml) in a
//! temporary data directory, through the same public seams the tests in tests/tui/ use.
//!
//! - "tui: first frame …": everything the binary does between parsing its arguments and
//!   its first frame, except setting up the real terminal: load and validate the
//!   questionnaire, list the data directory (Home) or load the assessment (open), build the
//!   [`App`], start it and draw once.
//! - "tui: key …": one key press through the keymap and [`apply`], then one redraw — what
//!   the run loop does before the key's frame is on screen. An answer is rescored there;
//!   its save ([`save_pending`]: the atomic, fsynced write on the real [`Disk`] storage)
//!   follows the frame and is untimed, except in "… then save", which times the whole
//!   round. Before every timed key the state is put back (and drawn) untimed, so every
//!   sample measures the same work.
//!
//! Run with `cargo bench --bench tui`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use soc2_ready::assessment::store;
use soc2_ready::questionnaire::{QuestionnaireSource, load};
use soc2_ready::tui::app::Screen;
use soc2_ready::tui::keymap::Key;
use soc2_ready::tui::storage::SEEN_STAGES;
use soc2_ready::tui::update::{apply, save_pending};
use soc2_ready::tui::{Action, App, Clock, Disk, Theme, ThemeName, start, view};
use tempfile::TempDir;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// A data directory holding a copy of the complete fixture, the stages already seen.
fn data_dir() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/fixtures/complete.toml");
    let path = dir.path().join("sample-co.toml");
    std::fs::copy(fixture, &path).expect("the fixture is copied");
    std::fs::write(dir.path().join(SEEN_STAGES), "").expect("written");
    (dir, path)
}

/// The wizard on `dir` with a stopped clock, started on Home or on `open`, sized 120×40.
fn app(dir: &Path, open: Option<&Path>) -> App {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    let opened = open.map(|path| (path.to_path_buf(), store::load(path).expect("loads")));
    let now = "2026-11-24T14:02:11Z".parse().expect("a valid timestamp");
    let mut app = App::new(
        questionnaire,
        Box::new(Disk::new(dir.to_path_buf())),
        Clock::fixed(now, TimeZone::UTC),
        Theme::new(ThemeName::Dark, true),
    );
    start(&mut app, opened);
    apply(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("drawn");
}

/// What the binary does up to its first frame; `open` skips Home.
fn first_frame(dir: &Path, open: Option<&Path>) -> Terminal<TestBackend> {
    let app = app(dir, open);
    let mut terminal = terminal();
    draw(&mut terminal, &app);
    terminal
}

/// Times `key` and the redraw (and the save, with `timed_save`) with the wizard put back on
/// question `at` and drawn, untimed, before each press.
fn key(c: &mut Criterion, app: &mut App, at: usize, name: &str, key: Key, timed_save: bool) {
    let mut terminal = terminal();
    let mut group = c.benchmark_group("tui: key");
    // The untimed reset and save count against criterion's time budget: fewer samples.
    group.sample_size(50);
    group.bench_function(name, |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                app.screen = Screen::Wizard;
                if let Some(session) = app.session.as_mut() {
                    session.nav.go(at);
                }
                draw(&mut terminal, app);
                let started = Instant::now();
                if let Some(action) = app.context().action(key) {
                    apply(app, action);
                }
                draw(&mut terminal, app);
                if timed_save {
                    save_pending(app);
                }
                total += started.elapsed();
                save_pending(app);
            }
            total
        });
    });
    group.finish();
}

fn tui(c: &mut Criterion) {
    let (dir, path) = data_dir();
    c.bench_function("tui: first frame, Home", |b| {
        b.iter(|| first_frame(dir.path(), None));
    });
    c.bench_function("tui: first frame, open assessment", |b| {
        b.iter(|| first_frame(dir.path(), Some(&path)));
    });

    let mut app = app(dir.path(), Some(&path));
    // The assessment is complete, so the wizard starts on the first question, which is
    // answered on the 0–4 scale.
    let first = app.session.as_ref().and_then(|s| s.nav.current);
    let first = first.expect("a current question");
    let answer = Key::Char('3');
    let app = &mut app;
    key(c, app, first, "3 (answer) → frame", answer, false);
    key(c, app, first, "3 (answer) → frame, save", answer, true);
    key(
        c,
        app,
        first,
        "→ (next question) → frame",
        Key::Right,
        false,
    );
    key(c, app, first, "Tab (dashboard) → frame", Key::Tab, false);
}

criterion_group!(benches, tui);
criterion_main!(benches);
