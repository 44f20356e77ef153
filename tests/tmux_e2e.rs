//! End to end: the real binary in a real terminal (tmux). Create an assessment in the form,
//! answer three questions, quit, reopen, see the answers, and check the file. Skips with a
//! notice when tmux is not installed. Kill the wizard with SIGKILL, even in the middle of a
//! burst of saves, and find every saved answer in a whole file. Signals other than SIGKILL
//! are in `tmux_signals.rs`.

mod tmux_support;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use soc2_ready::assessment::store;
use soc2_ready::assessment::{Answer, Assessment};
use soc2_ready::questionnaire::{Level, QuestionnaireSource, load};
use tmux_support::{PROMPT, Tmux, launch_wizard, start, start_shell, tmux_installed, wizard_pid};

/// The ids of the first three built-in questions in Security-only, Type 2 scope.
fn first_three_ids(assessment: &Assessment) -> Vec<String> {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("built-in questions");
    questionnaire
        .questions()
        .iter()
        .filter(|question| assessment.in_scope(question))
        .take(3)
        .map(|question| question.id.clone())
        .collect()
}

#[test]
fn create_answer_quit_reopen_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let Some(tmux) = start_shell(dir.path()) else {
        return;
    };

    launch_wizard(&tmux, &data);
    tmux.wait_for("this tool scores each one separately");
    tmux.send(&["Escape"]);
    tmux.wait_for("No assessments yet");

    tmux.send(&["n"]);
    tmux.wait_for("New assessment");
    tmux.type_text("Tmux Test Co");
    tmux.send(&["Tab"]);
    tmux.type_text("Pat");
    tmux.send(&["Enter"]);
    tmux.wait_for("Created tmux-test-co.toml");
    for (key, answered) in [("3", " 1/"), ("1", " 2/"), ("4", " 3/")] {
        tmux.send(&[key]);
        tmux.wait_for(answered);
    }
    tmux.wait_for("Saved");
    tmux.send(&["q"]);
    let after_quit = tmux.wait_until("the shell prompt", |screen| {
        screen.matches(PROMPT).count() == 2
    });
    assert!(
        !after_quit.contains("answered"),
        "the terminal is restored after quitting:\n{after_quit}"
    );

    launch_wizard(&tmux, &data);
    let home = tmux.wait_for("Tmux Test Co");
    assert!(home.contains("Type 2"), "{home}");
    tmux.send(&["Enter"]);
    tmux.wait_for(" 3/");
    tmux.send(&["Left"]);
    tmux.wait_for("Answer: Operating over time");
    tmux.send(&["Left"]);
    tmux.wait_for("Answer: Planned");
    tmux.send(&["Left"]);
    tmux.wait_for("Answer: Evidenced");
    tmux.send(&["q"]);

    let saved = store::load(&data.join("tmux-test-co.toml")).expect("the file loads");
    assert_eq!(saved.organization, "Tmux Test Co");
    assert_eq!(saved.assessor, "Pat");
    let ids = first_three_ids(&saved);
    let answers: Vec<_> = ids.iter().map(|id| saved.answer(id)).collect();
    assert_eq!(
        answers,
        [
            Some(Answer::Level(Level::Evidenced)),
            Some(Answer::Level(Level::Planned)),
            Some(Answer::Level(Level::Operating)),
        ]
    );
    assert_eq!(saved.answers.len(), 3);
}

/// Runs the wizard on `path` directly as the pane's process, so the pane's pid is its pid.
fn open_in_tmux(dir: &Path, data: &Path, path: &Path) -> Option<Tmux> {
    let command = format!(
        "exec env SOC2_READY_DATA_DIR='{}' '{}' open '{}'",
        data.display(),
        env!("CARGO_BIN_EXE_soc2-ready"),
        path.display()
    );
    std::fs::create_dir_all(dir).expect("a folder for the tmux socket");
    let tmux = start(dir, &command)?;
    tmux.wait_for("Opened kill-test.toml");
    Some(tmux)
}

/// SIGKILL, the signal nobody can catch.
fn kill_hard(tmux: &Tmux) {
    let output = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    let pid = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let killed = Command::new("kill").args(["-KILL", &pid]).status();
    assert!(
        killed.is_ok_and(|status| status.success()),
        "kill -KILL {pid}"
    );
    // The signal is only delivered: a process in the middle of an fsync dies when the disk
    // answers. Wait until it is gone (or a zombie: its files, and so its lock, are closed).
    let status = format!("/proc/{pid}/status");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::fs::read_to_string(&status)
        .is_ok_and(|text| !text.lines().any(|line| line.starts_with("State:\tZ")))
    {
        assert!(Instant::now() < deadline, "process {pid} outlived SIGKILL");
        sleep(Duration::from_millis(5));
    }
}

/// How many questions the title bar's gauge reports as answered.
fn answered_on_screen(screen: &str) -> usize {
    let at = screen.find(" answered").expect("the gauge is on screen");
    let (answered, _total) = screen[..at].rsplit_once('/').expect("N/M answered");
    // The gauge's bar may touch the number, so read the trailing digits only.
    let digits: String = answered
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .expect("a count")
}

#[test]
fn sigkill_never_loses_a_saved_answer_nor_leaves_a_broken_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let path = data.join("kill-test.toml");
    if !tmux_installed() {
        start(dir.path(), "true"); // prints the notice (or fails under CI)
        return;
    }
    let created = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "new",
            "--org",
            "Kill Test",
            "--target",
            "type1",
        ])
        .output()
        .expect("the binary runs");
    assert!(created.status.success(), "{created:?}");
    std::fs::write(data.join(".seen-stages"), "").unwrap();

    // 1. Answer, wait for "Saved", kill: the saved answer is on disk.
    let tmux = open_in_tmux(&dir.path().join("round1"), &data, &path).unwrap();
    tmux.send(&["3"]);
    let screen = tmux.wait_for("Saved");
    assert_eq!(answered_on_screen(&screen), 1);
    kill_hard(&tmux);
    drop(tmux);
    let saved = store::load(&path).expect("a whole, valid file after SIGKILL");
    assert_eq!(saved.answers.len(), 1);
    assert!(
        saved
            .answers
            .values()
            .all(|record| record.answer == Some(Answer::Level(Level::Evidenced)))
    );

    // 2. The lock died with the process; then kill in the middle of a burst of saves.
    for round in 2..6 {
        let tmux = open_in_tmux(&dir.path().join(format!("round{round}")), &data, &path).unwrap();
        assert!(
            !tmux.screen().contains("READ-ONLY"),
            "the killed window's lock was released"
        );
        let before = store::load(&path).expect("valid").answers.len();
        for key in ["4", "2", "1", "0", "3", "4", "2", "1"] {
            tmux.send(&[key]);
        }
        sleep(Duration::from_millis(10 * round));
        kill_hard(&tmux);
        drop(tmux);
        let after = store::load(&path).expect("a whole, valid file after SIGKILL mid-save");
        assert!(
            after.answers.len() >= before,
            "round {round}: no answer lost"
        );
        let leftovers: Vec<_> = std::fs::read_dir(&data)
            .unwrap()
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        // A temporary file may survive a kill between write and rename; it is never the
        // assessment itself, and the assessment is whole.
        assert!(
            leftovers
                .iter()
                .all(|name| name.starts_with(".soc2-ready-")),
            "{leftovers:?}"
        );
    }

    // 3. Whatever the status line reported as saved before the kill is on disk.
    let tmux = open_in_tmux(&dir.path().join("round-last"), &data, &path).unwrap();
    tmux.send(&["Enter", "2"]);
    let screen = tmux.wait_for("Saved");
    let reported = answered_on_screen(&screen);
    kill_hard(&tmux);
    drop(tmux);
    let saved = store::load(&path).expect("valid");
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("built-in questions");
    let in_scope = questionnaire
        .questions()
        .iter()
        .filter(|question| saved.in_scope(question) && saved.answer(&question.id).is_some())
        .count();
    assert!(
        in_scope >= reported,
        "{in_scope} on disk, {reported} reported saved"
    );
}

#[test]
fn closing_the_terminal_window_ends_the_wizard() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let Some(tmux) = start_shell(dir.path()) else {
        return;
    };
    // Through a shell, as in a real window: the shell, not the wizard, gets the SIGHUP.
    launch_wizard(&tmux, &data);
    tmux.wait_for("Assessments · Wizard");
    let pid = wizard_pid(&tmux);
    tmux.run(&["kill-server"]);
    let proc_dir = Path::new("/proc").join(&pid);
    let start = Instant::now();
    while proc_dir.exists() && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(100));
    }
    let stat = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
    assert!(
        !proc_dir.exists() || stat.contains(") Z "),
        "the wizard still runs after its terminal closed: {stat}"
    );
}
