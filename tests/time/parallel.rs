//! Scripts that write in parallel (issue 23): forty `answer` processes started at once on one
//! file all land, because a command waits for another command's lock; a wizard window's
//! lock is still refused at once, and a command that holds the lock too long is named.

use std::fs;
use std::process::Child;
use std::time::{Duration, Instant};

use soc2_ready::assessment::store;

use super::support::{arg, bin, code, run, stderr};

/// A fresh schema-2 assessment of the built-in questionnaire in `dir`.
fn new_assessment(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("cmdb.toml");
    let output = run(&[
        "new",
        "--org",
        "CMDB Co",
        "--target",
        "type1",
        "--output",
        arg(&path),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    path
}

/// The first `count` question ids of the built-in questionnaire's Security questions.
fn question_ids(count: usize) -> Vec<String> {
    let output = run(&["questions", "--format", "tsv"]);
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').next())
        .filter(|id| id.starts_with("CC"))
        .take(count)
        .map(str::to_string)
        .collect()
}

#[test]
fn forty_answer_processes_at_once_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_assessment(dir.path());
    let ids = question_ids(40);
    assert_eq!(ids.len(), 40);
    let children: Vec<Child> = ids
        .iter()
        .map(|id| {
            bin()
                .args(["answer", arg(&path), id, "2", "--note", "from the CMDB"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("the binary starts")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            code(&output),
            0,
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let saved = store::load(&path).unwrap();
    for id in &ids {
        assert_eq!(
            saved.record(id).map(|record| record.note.as_str()),
            Some("from the CMDB"),
            "{id} landed"
        );
    }
    assert!(
        !dir.path().join(".cmdb.toml.lock").exists(),
        "no lock left behind"
    );
}

#[test]
fn a_command_that_holds_the_lock_too_long_is_named_and_a_window_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_assessment(dir.path());
    let before = fs::read(&path).unwrap();
    let window = store::lock_for_editing(&path).unwrap();
    let started = Instant::now();
    let output = run(&["answer", arg(&path), "CC6.1.mfa", "3"]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("is open in a soc2-ready window; close it there first"),
        "{}",
        stderr(&output)
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "refused at once"
    );
    drop(window);

    let other =
        store::lock_for_command(&path, "soc2-ready import cmdb.csv", Duration::ZERO).unwrap();
    let output = run(&["answer", arg(&path), "CC6.1.mfa", "3"]);
    assert_eq!(code(&output), 1);
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "stayed locked by another soc2-ready command (pid {}: soc2-ready import cmdb.csv) for 10 s; nothing was changed",
            std::process::id()
        )),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "nothing was changed");
    drop(other);
    assert_eq!(code(&run(&["answer", arg(&path), "CC6.1.mfa", "3"])), 0);
}
