//! Files that are not what their name says, run through the real binary with a time limit:
//! a FIFO or a device named like an assessment is refused at once (never a hang), a huge
//! file is refused before it is read, and `new` steps around any name already taken.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn bin() -> Command {
    let mut command = Command::cargo_bin("soc2-ready").unwrap();
    command
        .env_remove("SOC2_READY_DATA_DIR")
        .timeout(Duration::from_secs(20));
    command
}

fn mkfifo(path: &Path) {
    assert!(
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn fifos_and_devices_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for args in [
        vec!["score", fifo],
        vec!["open", fifo],
        vec!["report", fifo],
        vec!["score", "/dev/zero"],
    ] {
        let output = bin().args(&args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        let message = stderr(&output);
        assert!(
            message.contains("not a regular file"),
            "{args:?}: {message}"
        );
        assert!(
            message.contains("named pipe") || message.contains("character device"),
            "{message}"
        );
    }
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    fs::File::create(&path)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let output = bin()
        .args(["score", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("17.0 MB"), "{message}");
    assert!(message.contains("at most 16 MB"), "{message}");
}

fn new(data: &Path, org: &str) -> (PathBuf, String) {
    let output = bin()
        .args(["--data-dir", data.to_str().unwrap(), "new", "--org", org])
        .output()
        .unwrap();
    assert!(output.status.success(), "{org}: {}", stderr(&output));
    let path = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    (path, stderr(&output))
}

#[test]
fn new_takes_the_next_free_name_whatever_holds_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let (first, quiet) = new(data, "Acme Inc");
    assert_eq!(first, data.join("acme-inc.toml"));
    assert!(quiet.is_empty(), "{quiet}");
    let before = fs::read(&first).unwrap();

    let (second, note) = new(data, "Acme, Inc.");
    assert_eq!(second, data.join("acme-inc-2.toml"));
    assert!(
        note.contains("acme-inc.toml is already taken") && note.contains("acme-inc-2.toml"),
        "{note}"
    );
    let (third, _) = new(data, "acme inc");
    assert_eq!(third, data.join("acme-inc-3.toml"));
    assert_eq!(fs::read(&first).unwrap(), before, "untouched");

    mkfifo(&data.join("globex.toml"));
    let (globex, _) = new(data, "Globex");
    assert_eq!(
        globex,
        data.join("globex-2.toml"),
        "a FIFO is stepped around"
    );
    fs::create_dir(data.join("initech.toml")).unwrap();
    let (initech, _) = new(data, "Initech");
    assert_eq!(initech, data.join("initech-2.toml"));
}

#[test]
fn temporary_files_of_an_interrupted_save_are_swept_on_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&data).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    let stale = |folder: &Path| {
        // pid 999999999 cannot exist (Linux caps ids at 4194304): its writer has ended.
        let path = folder.join(".soc2-ready-999999999-AbC123.tmp");
        fs::write(&path, "organization = \"Acme\"\n").unwrap();
        path
    };
    let in_data = stale(&data);
    let in_elsewhere = stale(&elsewhere);
    let assessment = elsewhere.join("acme.toml");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/assessments/report-partial.toml"),
        &assessment,
    )
    .unwrap();
    // Without a terminal the wizard stops (exit 2) after its start-up sweep.
    let output = bin()
        .args(["--data-dir", data.to_str().unwrap(), "open"])
        .arg(&assessment)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!in_data.exists(), "swept from the data directory");
    assert!(!in_elsewhere.exists(), "swept beside the opened file");
    assert!(assessment.exists());

    let again = stale(&data);
    new(&data, "Acme");
    assert!(!again.exists(), "new sweeps too");
}
