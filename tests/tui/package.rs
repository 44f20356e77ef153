//! The auditor's package from the Export screen: the choice after the report formats, the
//! same ZIP as `soc2-ready package` (byte for byte), the index-only switch, the gauge while
//! a large file streams, Esc (and closing the wizard) leaving no file and no temporary file,
//! a package refused with the files named, and Tab completing the path.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use soc2_ready::assessment::locker::hash_bytes;
use soc2_ready::assessment::{Evidence, EvidenceFile, store};
use soc2_ready::tui::app::{Document, Tone, Writing};
use soc2_ready::tui::input::TextInput;
use soc2_ready::tui::job::EVENTS_AHEAD;
use soc2_ready::tui::keymap::{Context, Key};
use soc2_ready::tui::{App, poll_package};

use super::support::{Fixture, press, type_text};

const PACKAGE: &str = "acme-inc-soc2-evidence-package-2026-11-24.zip";

/// 48 MiB: more blocks than the writer may run ahead of the wizard, so it cannot finish
/// before Esc is pressed.
const LARGE: u64 = 48 << 20;
/// The SHA-256 of 48 MiB of zero bytes.
const LARGE_SHA256: &str = "152ba99dbaf6c7dde5955a8484835194ed4fc0f20a0ea774667f148a25cb03c4";

/// Keeps `bytes` (or, with `None`, a sparse file of [`LARGE`] zero bytes) as evidence of
/// the code-of-conduct question, then opens the export screen on the package.
fn with_evidence(fixture: Fixture, name: &str, bytes: Option<&[u8]>) -> Fixture {
    let folder = fixture
        .dir
        .path()
        .join("acme-inc.evidence/CC1.1.code-of-conduct");
    fs::create_dir_all(&folder).unwrap();
    let (size, sha256) = match bytes {
        Some(bytes) => {
            fs::write(folder.join(name), bytes).unwrap();
            (bytes.len() as u64, hash_bytes(bytes))
        }
        None => {
            let file = fs::File::create(folder.join(name)).unwrap();
            file.set_len(LARGE).unwrap();
            (LARGE, LARGE_SHA256.to_string())
        }
    };
    let mut assessment = fixture.saved();
    assessment.edit("CC1.1.code-of-conduct", |record| {
        let mut entry = Evidence::note("Signed code", "HR drive", Date::constant(2026, 11, 2));
        entry.files.push(EvidenceFile {
            path: format!("CC1.1.code-of-conduct/{name}"),
            size,
            sha256,
        });
        record.evidence.push(entry);
    });
    store::save(&fixture.acme_path(), &assessment).unwrap();
    let mut fixture = fixture.open_acme();
    // Up from the first format is the last choice: the package.
    press(&mut fixture.app, &[Key::Tab, Key::Char('e'), Key::Up]);
    fixture
}

/// Polls the writer as the event loop does until it is done.
fn finish(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while app.package.is_some() {
        assert!(Instant::now() < deadline, "the package never finished");
        if !poll_package(app) {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

/// Files the writer may have left in `dir`: packages and temporary files.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".zip") || name.ends_with(".tmp"))
        .collect()
}

/// The member names of the ZIP at `path`.
fn member_names(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|index| zip.by_index(index).unwrap().name().unwrap().into_owned())
        .collect()
}

/// `soc2-ready package` on the same assessment, day, questions and (empty) config.
fn cli_package(fixture: &Fixture, out: &Path, extra: &[&str]) {
    let config = fixture.dir.path().join("empty-config.toml");
    fs::write(&config, "").unwrap();
    let questions = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/questionnaire");
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env_remove("SOC2_READY_DATA_DIR")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("SOC2_READY_TODAY", "2026-11-24")
        .arg("--config")
        .arg(&config)
        .arg("--questionnaires")
        .arg(&questions)
        .arg("package")
        .arg(fixture.acme_path())
        .arg("--output")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_package_is_offered_after_the_formats_with_its_own_default_name() {
    let fixture = with_evidence(Fixture::new(false), "signed.txt", Some(b"signed by all 14"));
    let form = fixture.app.export.as_ref().unwrap();
    assert_eq!(form.document, Document::Package);
    assert_eq!(
        form.path.text(),
        fixture.dir.path().join(PACKAGE).display().to_string()
    );
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("export_package_{width}x{height}"),
            fixture.render(width, height)
        );
    }
}

#[test]
fn the_export_screen_writes_the_same_zip_as_the_package_command() {
    let mut fixture = with_evidence(Fixture::new(false), "signed.txt", Some(b"signed by all 14"));
    press(&mut fixture.app, &[Key::Enter]);
    assert_eq!(fixture.app.context(), Context::Writing);
    finish(&mut fixture.app);
    let ours = fixture.dir.path().join(PACKAGE);
    let names = member_names(&ours);
    for name in [
        "README.txt",
        "request-list.csv",
        "request-list.md",
        "SHA256SUMS",
    ] {
        assert!(names.contains(&name.to_string()), "{name} in {names:?}");
    }
    assert!(
        names
            .iter()
            .any(|name| name.starts_with("evidence/") && name.ends_with("signed.txt")),
        "{names:?}"
    );
    assert_eq!(fixture.app.status.tone, Tone::Done);
    assert!(
        fixture
            .app
            .status
            .text
            .starts_with(&format!("Wrote {PACKAGE}: ")),
        "{}",
        fixture.app.status.text
    );
    assert!(
        fixture
            .render(80, 24)
            .contains("Written: [DATA]/acme-inc-soc2")
    );
    let cli = fixture.dir.path().join("cli.zip");
    cli_package(&fixture, &cli, &[]);
    assert!(
        fs::read(&ours).unwrap() == fs::read(&cli).unwrap(),
        "one code path: the wizard's ZIP is the command's, byte for byte"
    );

    // Ctrl-O: the index only, again the command's bytes.
    press(&mut fixture.app, &[Key::Ctrl('o'), Key::Enter]);
    finish(&mut fixture.app);
    assert!(
        !member_names(&ours)
            .iter()
            .any(|name| name.starts_with("evidence/"))
    );
    cli_package(&fixture, &cli, &["--index-only"]);
    assert!(fs::read(&ours).unwrap() == fs::read(&cli).unwrap());
}

#[test]
fn the_gauge_shows_the_member_and_the_bytes_and_only_esc_acts() {
    let mut fixture = with_evidence(Fixture::new(false), "signed.txt", Some(b"signed"));
    let form = fixture.app.export.as_mut().unwrap();
    let mut writing = Writing::new(
        fixture.dir.path().join(PACKAGE),
        LARGE,
        "1 evidence files (48.0 MB) for 1 controls".into(),
    );
    writing.advance("evidence/CC1.1/code-of-conduct/board-minutes.pdf", 12 << 20);
    form.writing = Some(writing);
    assert_eq!(fixture.app.context(), Context::Writing);
    for (width, height) in [(80, 24), (120, 40)] {
        let screen = fixture.render(width, height);
        assert!(screen.contains("12.0 MB of 48.0 MB (25 %)"), "{screen}");
        insta::assert_snapshot!(format!("export_writing_{width}x{height}"), screen);
    }
    // Typing and switching do nothing while it writes.
    let before = fixture.app.export.clone();
    press(
        &mut fixture.app,
        &[Key::Char('x'), Key::Down, Key::Ctrl('o'), Key::Tab],
    );
    assert_eq!(fixture.app.export, before);
    press(&mut fixture.app, &[Key::Esc]);
    let writing = fixture
        .app
        .export
        .as_ref()
        .unwrap()
        .writing
        .as_ref()
        .unwrap();
    assert!(writing.cancelling);
    assert!(fixture.render(80, 24).contains("Cancelling"));
}

#[test]
fn esc_stops_a_large_package_midway_and_leaves_no_file() {
    let mut fixture = with_evidence(Fixture::new(false), "minutes.bin", None);
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.package.is_some(), "{:?}", fixture.app.status);
    // Mid-way: the gauge is inside the large file.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        poll_package(&mut fixture.app);
        let writing = fixture
            .app
            .export
            .as_ref()
            .unwrap()
            .writing
            .clone()
            .unwrap();
        if writing.member.starts_with("evidence/") && writing.done > 0 {
            assert!(writing.done < writing.total, "{writing:?}");
            assert!(writing.ratio() < 1.0);
            break;
        }
        assert!(Instant::now() < deadline, "the gauge never moved");
        std::thread::sleep(Duration::from_millis(2));
    }
    let screen = fixture.render(120, 40);
    assert!(screen.contains("Writing evidence/CC1.1"), "{screen}");
    assert!(screen.contains("Esc cancel"), "{screen}");
    assert!(
        fixture.dir.path().read_dir().unwrap().any(|entry| entry
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp")),
        "the ZIP grows in a temporary file"
    );
    // The writer runs at most this many blocks ahead, far from the end of the file.
    assert!(((EVENTS_AHEAD as u64 + 8) << 20) < LARGE);
    press(&mut fixture.app, &[Key::Esc]);
    finish(&mut fixture.app);
    let form = fixture.app.export.as_ref().unwrap();
    assert!(form.writing.is_none());
    let outcome = form.outcome.clone().unwrap().unwrap_err();
    assert!(
        outcome.starts_with("Cancelled; no package was written"),
        "{outcome}"
    );
    assert_eq!(leftovers(fixture.dir.path()), Vec::<String>::new());
    assert_eq!(fixture.app.context(), Context::Export, "the screen is back");
    insta::assert_snapshot!("export_cancelled_80x24", fixture.render(80, 24));
}

#[test]
fn closing_the_wizard_while_writing_leaves_no_file() {
    let mut fixture = with_evidence(Fixture::new(false), "minutes.bin", None);
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.package.is_some());
    press(&mut fixture.app, &[Key::Char('q')]);
    assert!(fixture.app.quit, "q quits even while a package is written");
    // The wizard ending drops the job: it cancels and waits for the writer.
    fixture.app.package = None;
    assert_eq!(leftovers(fixture.dir.path()), Vec::<String>::new());
}

#[test]
fn a_package_that_cannot_be_made_names_the_files_and_writes_nothing() {
    let mut fixture = with_evidence(Fixture::new(false), "signed.txt", Some(b"signed"));
    fs::write(
        fixture
            .dir
            .path()
            .join("acme-inc.evidence/CC1.1.code-of-conduct/signed.txt"),
        b"changed since",
    )
    .unwrap();
    press(&mut fixture.app, &[Key::Enter]);
    assert!(fixture.app.package.is_none());
    assert_eq!(fixture.app.status.tone, Tone::Error);
    let outcome = fixture
        .app
        .export
        .as_ref()
        .unwrap()
        .outcome
        .clone()
        .unwrap();
    let error = outcome.unwrap_err();
    assert!(
        error.contains("CC1.1.code-of-conduct  CC1.1.code-of-conduct/signed.txt: it is 13 bytes, 6 were recorded"),
        "{error}"
    );
    assert!(fixture.render(120, 40).contains("nothing was written"));
    assert_eq!(leftovers(fixture.dir.path()), Vec::<String>::new());
}

#[test]
fn tab_completes_the_export_path_like_the_evidence_prompt() {
    let mut fixture = Fixture::new(false).open_acme();
    let dir = fixture.dir.path().to_path_buf();
    fs::create_dir(dir.join("exports")).unwrap();
    fs::create_dir(dir.join("exports/2026-q3")).unwrap();
    fs::create_dir(dir.join("exports/2026-q4")).unwrap();
    press(&mut fixture.app, &[Key::Tab, Key::Char('e')]);
    let typed = |fixture: &mut Fixture, text: &str| {
        fixture.app.export.as_mut().unwrap().path = TextInput::new("");
        type_text(&mut fixture.app, text);
    };
    let path_text =
        |fixture: &Fixture| fixture.app.export.as_ref().unwrap().path.text().to_string();
    typed(&mut fixture, &format!("{}/exp", dir.display()));
    press(&mut fixture.app, &[Key::Tab]);
    assert_eq!(path_text(&fixture), format!("{}/exports/", dir.display()));
    press(&mut fixture.app, &[Key::Tab]);
    assert_eq!(
        path_text(&fixture),
        format!("{}/exports/2026-q", dir.display())
    );
    assert_eq!(
        fixture.app.export.as_ref().unwrap().choices.as_deref(),
        Some("2026-q3/  2026-q4/")
    );
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("export_completion_{width}x{height}"),
            fixture.render(width, height)
        );
    }
    type_text(&mut fixture.app, "4");
    assert_eq!(
        fixture.app.export.as_ref().unwrap().choices,
        None,
        "typing clears the list"
    );
    press(&mut fixture.app, &[Key::Tab, Key::Enter]);
    let written: PathBuf = dir.join("exports/2026-q4/acme-inc-soc2-gap-report-2026-11-24.pdf");
    assert!(
        written.is_file(),
        "a completed folder gets the default name"
    );
    typed(
        &mut fixture,
        &format!("{}/nothing-like-this", dir.display()),
    );
    press(&mut fixture.app, &[Key::Tab]);
    assert_eq!(
        fixture.app.export.as_ref().unwrap().choices.as_deref(),
        Some(format!("Nothing in {}/ starts like that.", dir.display()).as_str())
    );
}
