//! The evidence locker and the auditor's package end to end, through the real binary:
//! files added to several controls, `evidence verify` naming a tampered file, and a
//! package built twice byte for byte, opened with the `zip` crate and every hash checked.

mod files;
mod package;
#[path = "../time/support.rs"]
#[allow(dead_code)]
mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::{arg, code, run, stderr};

/// A new Type 2 assessment with a chosen window (January to June 2026), ready for evidence.
pub fn assessment(dir: &Path) -> PathBuf {
    let path = dir.join("acme.toml");
    let output = run(&[
        "new",
        "--org",
        "Acme Inc",
        "--target",
        "type2",
        "--output",
        arg(&path),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "window_months = 3",
        "start = 2026-01-01\nwindow_months = 6",
        1,
    );
    assert!(
        text.contains("start = 2026-01-01"),
        "the file has an [audit] table:\n{text}"
    );
    fs::write(&path, text).unwrap();
    path
}

/// A file of `bytes` made in `dir` under `name`.
pub fn make_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// Adds `files` as one evidence entry of `question` covering `covers`.
pub fn add(path: &Path, question: &str, title: &str, covers: &str, files: &[&Path]) {
    let mut args = vec![
        "evidence",
        "add",
        arg(path),
        question,
        "--title",
        title,
        "--covers",
        covers,
    ];
    for file in files {
        args.extend(["--file", arg(file)]);
    }
    let output = run(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}
