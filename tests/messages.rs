//! Messages at scale and at the edges: numbers too large, keys nested too deeply, thousands
//! of problems, a hundred thousand unknown answers, and `--questionnaires` folders holding
//! things that are not files. Each says what and where, briefly. Runs the real binary.

use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const HEADER: &str = "organization = \"Acme\"\ncreated = \"2026-11-24\"\ntarget = \"type1\"\n";

fn score_file(dir: &Path, text: &str) -> Output {
    let path = dir.join("acme.toml");
    fs::write(&path, text).unwrap();
    let output = run(&["score", path.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "left untouched");
    output
}

#[test]
fn a_schema_number_too_large_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = score_file(
        dir.path(),
        &format!("schema = 99999999999999999999999\n{HEADER}"),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "acme.toml:1:10: field `schema`: the number is too large (at most 9223372036854775807)"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_table_nested_too_deeply_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let deep = vec!["a"; 5_000].join(".");
    let output = score_file(
        dir.path(),
        &format!("schema = 1\n{HEADER}[{deep}]\nx = 1\n"),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("acme.toml:5:1: TOML syntax: a key or table header is nested too deeply"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn thousands_of_problems_print_fifty_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("schema = 1\n{HEADER}");
    for n in 0..3_497 {
        let _ = write!(text, "[answers.\"CC6.1.q{n}\"]\nanswer = \"maybe\"\n");
    }
    let output = score_file(dir.path(), &text);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("(3497 problems)"), "{errors}");
    assert_eq!(errors.lines().count(), 1 + 50 + 1, "{errors}");
    assert!(
        errors.contains("\n  … and 3447 more problems, not shown"),
        "{errors}"
    );
}

#[test]
fn a_hundred_thousand_unknown_answers_make_a_short_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("schema = 1\n{HEADER}");
    for n in 0..100_000 {
        let _ = write!(text, "[answers.\"X.retired-{n}\"]\nanswer = \"planned\"\n");
    }
    let output = score_file(dir.path(), &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let warning = stderr(&output);
    assert!(warning.len() < 600, "{} bytes: {warning}", warning.len());
    assert!(warning.contains("100000 answer(s)"), "{warning}");
    assert!(warning.contains("X.retired-0, "), "{warning}");
    assert!(warning.contains(" … and 99990 more"), "{warning}");
}

#[test]
fn questionnaire_entries_that_are_not_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    for entry in fs::read_dir(&builtin).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let base = dir.path();
    fs::create_dir(base.join("folder.toml")).unwrap();
    symlink(base.join("missing.toml"), base.join("dangling.toml")).unwrap();
    symlink(base.join("loop-b.toml"), base.join("loop-a.toml")).unwrap();
    symlink(base.join("loop-a.toml"), base.join("loop-b.toml")).unwrap();
    let fifo = base.join("pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());

    let output = run(&["validate", "--questionnaires", base.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a FIFO must not block the load"
    );
    let errors = stderr(&output).replace(&format!("{}/", base.display()), "");
    for expected in [
        "folder.toml: is a folder, not a questionnaire file",
        "dangling.toml: is a symbolic link that leads to no file: no such file or folder",
        "loop-a.toml: is a symbolic link that leads to no file",
        "loop-b.toml: is a symbolic link that leads to no file",
        "pipe.toml: is not a regular file (a FIFO, socket or device)",
    ] {
        assert!(errors.contains(expected), "missing {expected} in\n{errors}");
    }
}
