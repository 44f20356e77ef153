//! The sample assessment in a temporary folder, and the binary run on it, for the import
//! tests.

// Each test file that includes this uses part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

/// A copy of the sample assessment in a fresh folder.
pub struct Sample {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Sample {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("northwind.toml");
        fs::copy(fixture("assessments/report-complete.toml"), &path).expect("copy sample");
        Self { _dir: dir, path }
    }

    pub fn import(&self, args: &[&str]) -> Output {
        let mut command = Command::cargo_bin("soc2-ready").expect("binary");
        command
            .env_remove("SOC2_READY_DATA_DIR")
            .env("SOC2_READY_TODAY", "2026-12-01")
            .arg("import")
            .args(args)
            .arg("--into")
            .arg(&self.path);
        command.output().expect("runs")
    }

    pub fn answer(&self, question: &str) -> String {
        let text = fs::read_to_string(&self.path).expect("assessment");
        let value: toml::Value = toml::from_str(&text).expect("toml");
        value["answers"][question]["answer"]
            .as_str()
            .unwrap_or("unanswered")
            .to_string()
    }

    /// Every evidence entry as `evidence list --format json` gives it.
    pub fn evidence(&self) -> Vec<serde_json::Value> {
        let output = Command::cargo_bin("soc2-ready")
            .expect("binary")
            .env("SOC2_READY_TODAY", "2026-12-01")
            .args(["evidence", "list"])
            .arg(&self.path)
            .args(["--format", "json"])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{}", text(&output.stderr));
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
        value["entries"].as_array().cloned().unwrap_or_default()
    }

    pub fn imported(&self, title_start: &str) -> Vec<serde_json::Value> {
        self.evidence()
            .into_iter()
            .filter(|entry| {
                entry["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with(title_start))
            })
            .collect()
    }
}

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
