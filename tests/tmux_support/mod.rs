//! A real terminal for the end-to-end tests: a tmux server of our own running the real
//! binary, with keys sent in and the screen and terminal modes read back. Skips with a
//! notice when tmux is not installed (and fails when CI says it must be there).

#![allow(dead_code)] // Each test crate uses a different part of this module.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The shell prompt in the tmux pane.
pub const PROMPT: &str = "e2e-shell>";

/// A tmux server of our own (its own socket), killed when dropped.
pub struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    pub fn type_text(&self, text: &str) {
        self.send(&["-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// The pane's terminal modes: `alt=1` while the alternate screen is on, `cursor=0`
    /// while the cursor is hidden, `mouse=1` while any mouse reporting is on.
    pub fn modes(&self) -> String {
        let format = "alt=#{alternate_on} cursor=#{cursor_flag} \
                      mouse=#{?#{||:#{||:#{mouse_any_flag},#{mouse_button_flag}},#{mouse_standard_flag}},1,0}";
        let output = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`; fails with the screen after 15 seconds.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |screen| screen.contains(text))
    }

    /// Waits until `done` holds for the screen; fails with the screen after 15 seconds.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {what}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

pub fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// A tmux server on a socket in `dir` running `command` in a 100×30 pane, or `None` (with a
/// notice) when tmux is not installed.
pub fn start(dir: &Path, command: &str) -> Option<Tmux> {
    if !tmux_installed() {
        // CI installs tmux and sets this, so the test can never pass there without running.
        assert!(
            std::env::var_os("SOC2_READY_REQUIRE_TMUX").is_none(),
            "SOC2_READY_REQUIRE_TMUX is set but tmux is not installed"
        );
        eprintln!("notice: tmux is not installed; skipping the end-to-end wizard test");
        return None;
    }
    let tmux = Tmux {
        socket: dir.join("tmux.sock"),
    };
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        command,
    ]);
    assert!(started.status.success(), "tmux new-session: {started:?}");
    Some(tmux)
}

/// The shell command that starts the wizard on `data`.
pub fn wizard_command(data: &Path) -> String {
    format!(
        "SOC2_READY_DATA_DIR='{}' '{}'",
        data.display(),
        env!("CARGO_BIN_EXE_soc2-ready")
    )
}

/// A tmux pane running a plain shell, as a terminal window would.
pub fn start_shell(dir: &Path) -> Option<Tmux> {
    start(dir, &format!("env PS1='{PROMPT}' sh"))
}

/// Types the command that starts the wizard on `data` at the shell prompt.
pub fn launch_wizard(tmux: &Tmux, data: &Path) {
    tmux.type_text(&wizard_command(data));
    tmux.send(&["Enter"]);
}

/// The process id of the wizard: the child of the pane's shell (found through /proc).
pub fn wizard_pid(tmux: &Tmux) -> String {
    let output = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let entries = std::fs::read_dir("/proc").expect("/proc is readable");
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let pid = entry.file_name().to_string_lossy().into_owned();
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // The parent pid is the second field after the command name in parentheses.
            let after_name = stat.rsplit_once(')')?.1;
            let parent = after_name.split_whitespace().nth(1)?;
            (parent == shell).then_some(pid)
        })
        .next()
        .expect("the wizard runs under the pane's shell")
}
