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
//! - "… year of history": the same on a copy of the complete assessment that also holds a
//!   year of daily history (one to three answers changed every day, compacted as the app
//!   does) and 500 evidence entries, the time axis at its expected worst.
//!
//! Run with `cargo bench --bench tui`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use soc2_ready::assessment::{Answer, Evidence, store};
use soc2_ready::questionnaire::Level;
use soc2_ready::questionnaire::{QuestionnaireSource, load};
use soc2_ready::time::history;
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

/// Adds a year of daily history (to 2026-11-24) and 500 evidence entries to the assessment
/// at `path`, the way the wizard would have recorded them.
fn add_a_year(path: &Path) {
    let mut assessment = store::load(path).expect("loads");
    let ids: Vec<String> = assessment.answers.keys().cloned().collect();
    let levels = [
        Level::Planned,
        Level::InPlace,
        Level::Evidenced,
        Level::Operating,
    ];
    let mut day = Date::constant(2025, 11, 25);
    for n in 0..365_usize {
        for k in 0..(1 + n % 3) {
            let id = &ids[(n * 7 + k * 13) % ids.len()];
            assessment.set_answer(id, Some(Answer::Level(levels[(n + k) % levels.len()])));
        }
        let figures = [(n % 100) as u8, (n % 50) as u8, (n % 30) as u8];
        history::record(&mut assessment, day, figures);
        day = day.tomorrow().expect("a valid day");
    }
    for n in 0..500_usize {
        let collected = Date::constant(2025, 11, 25)
            .checked_add(i32::try_from(n % 365).expect("small").days())
            .expect("a valid day");
        let id = &ids[n % ids.len()];
        assessment.edit(id, |record| {
            record.evidence.push(Evidence {
                title: format!("Evidence {n}"),
                location: format!("TICKET-{n}"),
                collected,
                period: (n % 2 == 0).then(|| {
                    (
                        collected.checked_sub(30.days()).expect("a valid day"),
                        collected,
                    )
                }),
                expires: None,
                files: Vec::new(),
            });
        });
    }
    store::save(path, &assessment).expect("saved");
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
                app.evidence = None;
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

    let (year_dir, year_path) = data_dir();
    add_a_year(&year_path);
    let size = std::fs::metadata(&year_path).expect("exists").len();
    eprintln!("a year of history and 500 evidence entries: {size} bytes");
    c.bench_function("tui: first frame, open assessment, year of history", |b| {
        b.iter(|| first_frame(year_dir.path(), Some(&year_path)));
    });
    let mut year = self::app(year_dir.path(), Some(&year_path));
    let first = year.session.as_ref().and_then(|s| s.nav.current);
    let first = first.expect("a current question");
    let year = &mut year;
    key(
        c,
        year,
        first,
        "3 (answer) → frame, year of history",
        answer,
        false,
    );
    key(
        c,
        year,
        first,
        "→ (next question) → frame, year of history",
        Key::Right,
        false,
    );
    key(
        c,
        year,
        first,
        "Tab (dashboard) → frame, year of history",
        Key::Tab,
        false,
    );
    key(
        c,
        year,
        first,
        "v (evidence log) → frame, year of history",
        Key::Char('v'),
        false,
    );
}

criterion_group!(benches, tui);
criterion_main!(benches);
