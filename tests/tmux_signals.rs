//! The terminal is put back however the wizard is stopped: the real binary in a tmux pane
//! gets SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1 or Ctrl-C and must leave the alternate
//! screen, show the cursor and turn mouse reporting off; SIGTSTP (and Ctrl-Z, a key in raw
//! mode) must do the same before the process stops, and `fg` (SIGCONT) must bring the whole
//! wizard back, redrawn. Skips with a
//! notice when tmux is not installed.

mod common;
mod tmux_support;

use std::process::Command;

use tmux_support::{PROMPT, Tmux, launch_wizard, start, wizard_command, wizard_pid};

/// The pane's modes while the wizard runs, and once the terminal is back to normal.
const WIZARD_MODES: &str = "alt=1 cursor=0 mouse=1";
const SHELL_MODES: &str = "alt=0 cursor=1 mouse=0";

fn kill(signal: &str, pid: &str) {
    let sent = Command::new("kill").args(["-s", signal, pid]).status();
    assert!(
        sent.is_ok_and(|status| status.success()),
        "kill -s {signal} {pid}"
    );
}

/// Waits until the pane's modes are `modes`.
fn wait_for_modes(tmux: &Tmux, modes: &str, what: &str) {
    let start = std::time::Instant::now();
    while tmux.modes() != modes {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(15),
            "{what}: the modes are {}, not {modes}; the screen shows:\n{}",
            tmux.modes(),
            tmux.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// A pane running bash, whose job control (`fg`, "Stopped") the suspend test needs.
fn start_bash(dir: &std::path::Path) -> Option<Tmux> {
    start(dir, &format!("env PS1='{PROMPT}' bash --norc --noprofile"))
}

#[test]
fn every_ending_signal_and_ctrl_c_restore_the_terminal() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let Some(tmux) = start_bash(dir.path()) else {
        return;
    };
    for stop in ["TERM", "HUP", "INT", "QUIT", "USR1", "Ctrl-C"] {
        tmux.send(&["clear", "Enter"]);
        tmux.type_text(&format!("{}; echo exit=$?", wizard_command(&data)));
        tmux.send(&["Enter"]);
        tmux.wait_for("Assessments · Wizard");
        wait_for_modes(&tmux, WIZARD_MODES, stop);
        if stop == "Ctrl-C" {
            tmux.send(&["C-c"]);
        } else {
            kill(stop, &wizard_pid(&tmux));
        }
        let screen = tmux.wait_for("exit=0");
        assert!(
            !screen.contains("Assessments"),
            "{stop}: the alternate screen is left:\n{screen}"
        );
        wait_for_modes(&tmux, SHELL_MODES, stop);
    }
}

#[test]
fn sigtstp_restores_the_terminal_and_fg_redraws_the_wizard() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let Some(tmux) = start_bash(dir.path()) else {
        return;
    };
    launch_wizard(&tmux, &data);
    tmux.wait_for("Assessments · Wizard");
    let pid = wizard_pid(&tmux);

    kill("TSTP", &pid);
    let screen = tmux.wait_for("Stopped");
    assert!(!screen.contains("Assessments · Wizard"), "{screen}");
    wait_for_modes(&tmux, SHELL_MODES, "after SIGTSTP");

    tmux.send(&["fg", "Enter"]);
    tmux.wait_for("Assessments · Wizard");
    wait_for_modes(&tmux, WIZARD_MODES, "after fg");
    assert!(
        !tmux.screen().contains("Stopped"),
        "the whole screen is redrawn"
    );

    // Ctrl-Z is a key in raw mode; the wizard suspends itself the same way.
    tmux.send(&["C-z"]);
    tmux.wait_until("the shell after Ctrl-Z", |screen| {
        screen.contains("Stopped") && !screen.contains("Assessments · Wizard")
    });
    wait_for_modes(&tmux, SHELL_MODES, "after Ctrl-Z");
    tmux.send(&["clear", "Enter", "fg", "Enter"]);
    tmux.wait_for("Assessments · Wizard");
    wait_for_modes(&tmux, WIZARD_MODES, "after Ctrl-Z and fg");

    // Stopped from outside (SIGSTOP cannot be caught), the shell writes over the wizard's
    // screen; SIGCONT from `fg` repaints every cell.
    kill("STOP", &pid);
    tmux.wait_for("Stopped");
    tmux.send(&["fg", "Enter"]);
    tmux.wait_until("the wizard, redrawn", |screen| {
        screen.contains("Assessments · Wizard") && !screen.contains("Stopped")
    });

    tmux.send(&["q"]);
    wait_for_modes(&tmux, SHELL_MODES, "after quitting");
    tmux.type_text("echo status=$?");
    tmux.send(&["Enter"]);
    tmux.wait_for("status=0");
}

#[test]
fn sigterm_after_a_failed_save_leaves_a_rescue_copy_and_says_where() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    let rescue = dir.path().join("rescue");
    std::fs::create_dir_all(&rescue).unwrap();
    let created = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "new",
            "--org",
            "Rescue Co",
        ])
        .output()
        .expect("the binary runs");
    assert!(created.status.success(), "{created:?}");
    std::fs::write(data.join(".seen-stages"), "").unwrap();
    let path = data.join("rescue-co.toml");
    let Some(tmux) = start_bash(dir.path()) else {
        return;
    };
    tmux.type_text(&format!(
        "TMPDIR='{}' {} open '{}'; echo exit=$?",
        rescue.display(),
        wizard_command(&data),
        path.display()
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for("Opened rescue-co.toml");
    // The folder turns read-only under the open wizard: the next save fails.
    let Some(read_only) = common::ReadOnlyDir::new(&data) else {
        return;
    };
    tmux.send(&["3"]);
    tmux.wait_for("NOT SAVED");
    kill("TERM", &wizard_pid(&tmux));
    let screen = tmux.wait_for("exit=0");
    drop(read_only);
    let copies: Vec<_> = std::fs::read_dir(&rescue)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    assert_eq!(copies.len(), 1, "one rescue copy: {copies:?}\n{screen}");
    let copy = &copies[0];
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("rescue-co.unsaved-") && name.ends_with(".toml"),
        "{name}"
    );
    assert!(
        screen.contains("soc2-ready was ended before 1 change(s) to")
            && screen.contains(&format!(
                "the assessment with them is in {}",
                copy.display()
            )),
        "{screen}"
    );
    let rescued = soc2_ready::assessment::store::load(copy).expect("the copy loads");
    assert_eq!(
        rescued.answers.len(),
        1,
        "the unsaved answer is in the copy"
    );
    let original = soc2_ready::assessment::store::load(&path).expect("the file is whole");
    assert!(
        original.answers.is_empty(),
        "the file was never half-written"
    );
}
