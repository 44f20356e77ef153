//! Helpers shared by the report integration tests: run the real binary on a fixture
//! assessment with a fixed report date, and read its output back.

#![allow(dead_code)] // Each test crate uses a different part of this module.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// 2026-11-24T00:00:00Z, the report date of every test run.
pub const SOURCE_DATE_EPOCH: &str = "1795478400";
/// The same day as it appears in reports and file names.
pub const REPORT_DATE: &str = "2026-11-24";

/// The fixture assessments, by short name.
pub const FIXTURES: [&str; 5] = ["empty", "partial", "complete", "na-heavy", "unicode"];

/// The path of the fixture `report-<name>.toml`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessments")
        .join(format!("report-{name}.toml"))
}

/// The binary with a fixed report date and no inherited data directory.
pub fn soc2_ready() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-ready"));
    command
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .env_remove("SOC2_READY_DATA_DIR");
    command
}

/// Runs `soc2-ready report <args>` and returns the finished process.
pub fn report(args: &[&str]) -> Output {
    soc2_ready()
        .arg("report")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Writes the report of fixture `name` in `format` to `out` and returns the file's bytes.
pub fn render_to(name: &str, format: &str, out: &Path) -> Vec<u8> {
    let fixture = fixture(name);
    let output = report(&[
        fixture.to_str().unwrap(),
        "--format",
        format,
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "report {name} {format} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        out.to_str().unwrap()
    );
    std::fs::read(out).expect("the report was written")
}

/// The report of fixture `name` in a text `format`, from standard output.
pub fn text(name: &str, format: &str) -> String {
    let fixture = fixture(name);
    let output = report(&[
        fixture.to_str().unwrap(),
        "--format",
        format,
        "--output",
        "-",
    ]);
    assert!(
        output.status.success(),
        "report {name} {format} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("text reports are UTF-8")
}

/// The JSON report of fixture `name`, parsed.
pub fn json(name: &str) -> serde_json::Value {
    serde_json::from_str(&text(name, "json")).expect("the JSON report parses")
}
