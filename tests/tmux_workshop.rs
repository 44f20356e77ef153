//! `soc2-ready workshop` in a real terminal (tmux): the presenter view opens on the agenda,
//! the session clock ticks on its own, attendees typed in the view are saved, and leaving
//! records the end of the session and gives the terminal back.

mod tmux_support;

use soc2_ready::assessment::store;
use tmux_support::{PROMPT, start_shell};

#[test]
fn a_workshop_session_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let path = data.join("acme.toml");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/assessments/report-partial.toml"
        ),
        &path,
    )
    .unwrap();
    let Some(tmux) = start_shell(dir.path()) else {
        return;
    };
    tmux.type_text(&format!(
        "SOC2_READY_DATA_DIR='{}' '{}' workshop '{}' --length 60",
        data.display(),
        env!("CARGO_BIN_EXE_soc2-ready"),
        path.display()
    ));
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("Agenda by criterion group");
    assert!(
        screen.contains("Session 0:0") && screen.contains(" of 1:00:00"),
        "{screen}"
    );
    assert!(screen.contains("CC1 · Control"), "{screen}");
    // The clock redraws by itself, with no key pressed.
    tmux.wait_until("the session clock to tick", |screen| {
        screen.contains("Session 0:02") || screen.contains("Session 0:03")
    });

    tmux.send(&["a"]);
    tmux.wait_for("Who attends");
    tmux.type_text("Jane Doe, Sam Lee");
    tmux.send(&["Enter"]);
    tmux.wait_for("Attending  Jane Doe, Sam Lee");
    tmux.wait_for("Saved");
    tmux.send(&["Escape"]);
    tmux.wait_for("Dashboard");
    tmux.send(&["q"]);
    let after = tmux.wait_until("the shell prompt", |screen| {
        screen.matches(PROMPT).count() == 2
    });
    assert!(
        !after.contains("Agenda"),
        "the terminal is restored:\n{after}"
    );

    let saved = store::load(&path).expect("the file loads");
    let session = saved.workshops.last().expect("the session is recorded");
    assert_eq!(session.attendees, ["Jane Doe", "Sam Lee"]);
    let ended = session.ended.expect("leaving recorded the end");
    assert!(ended > session.started, "{session:?}");
}
