//! Helpers: run the binary with a fixed today, read outputs, copy fixtures into a tempdir.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The date every test runs on unless it says otherwise.
pub const TODAY: &str = "2026-11-24";

/// The binary, with no data directory or clock settings inherited from the environment.
pub fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-ready"));
    command
        .env_remove("SOC2_READY_DATA_DIR")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("SOC2_READY_TODAY", TODAY);
    command
}

/// Runs the binary with `args` on [`TODAY`].
pub fn run(args: &[&str]) -> Output {
    run_on(TODAY, args)
}

/// Runs the binary with `args` on `today`.
pub fn run_on(today: &str, args: &[&str]) -> Output {
    bin()
        .env("SOC2_READY_TODAY", today)
        .args(args)
        .output()
        .expect("the binary runs")
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

/// A fixture copied into `dir` under its own name; returns the copy's path.
pub fn copy_fixture(dir: &Path, name: &str) -> PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/time")
        .join(name);
    let target = dir.join(name);
    fs::copy(source, &target).expect("fixture copied");
    target
}

/// A path as a `&str` argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}
