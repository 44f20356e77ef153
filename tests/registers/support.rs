//! Helpers: a fresh assessment in a temporary folder and the binary run on a fixed day
//! with no settings from the environment.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The day every test runs on.
pub const TODAY: &str = "2026-11-24";

/// A temporary folder with a new assessment of "Acme Labs" in it.
pub struct Setup {
    /// The folder (removed when dropped).
    pub dir: tempfile::TempDir,
    /// The assessment file.
    pub path: PathBuf,
}

impl Setup {
    /// Creates the folder and the assessment.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        let setup = Self { dir, path };
        let output = setup.run(&["new", "--org", "Acme Labs", "--output", setup.file()]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        setup
    }

    /// The assessment file as an argument.
    pub fn file(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// A path inside the folder.
    pub fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `text` to `name` in the folder and returns its path as an argument.
    pub fn write(&self, name: &str, text: &str) -> String {
        let path = self.join(name);
        fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    }

    /// Runs the binary with `args`.
    pub fn run(&self, args: &[&str]) -> Output {
        bin(self.dir.path()).args(args).output().unwrap()
    }

    /// Runs `args` and expects success.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        stdout(&output)
    }

    /// Runs `args`, expects exit 2 and the file unchanged; returns standard error.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = fs::read(&self.path).unwrap();
        let output = self.run(args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
        assert_eq!(
            fs::read(&self.path).unwrap(),
            before,
            "{args:?} changed the file"
        );
        stderr(&output)
    }

    /// The assessment file's text.
    pub fn text(&self) -> String {
        fs::read_to_string(&self.path).unwrap()
    }
}

/// The binary with its home in `home` and no settings from the environment.
pub fn bin(home: &Path) -> Command {
    let mut command = Command::cargo_bin("soc2-ready").unwrap();
    command
        .env_remove("SOC2_READY_DATA_DIR")
        .env_remove("SOC2_READY_CONFIG")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .env("SOC2_READY_TODAY", TODAY);
    command
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The exit code.
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

/// Parses JSON output.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|error| panic!("{error}: {text}"))
}
