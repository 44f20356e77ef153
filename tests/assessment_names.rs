//! Every command that takes an assessment accepts the name `list` prints (or the
//! organisation's name) as well as a path, from any folder, and says where it looked when
//! nothing matches.

use std::path::Path;
use std::process::{Command, Output};

fn run_in(cwd: &Path, data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .current_dir(cwd)
        .env("SOC2_READY_DATA_DIR", data)
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .env_remove("SOC2_READY_CONFIG")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn score_report_and_due_take_the_name_list_prints() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let new = run_in(
        elsewhere.path(),
        data.path(),
        &["new", "--org", "Acme Labs"],
    );
    assert!(new.status.success(), "{}", text(&new.stderr));
    let list = run_in(elsewhere.path(), data.path(), &["list"]);
    assert!(
        text(&list.stdout).contains("acme-labs.toml"),
        "{}",
        text(&list.stdout)
    );

    for name in ["acme-labs.toml", "acme-labs", "Acme Labs"] {
        let score = run_in(elsewhere.path(), data.path(), &["score", name]);
        assert!(score.status.success(), "{name}: {}", text(&score.stderr));
        assert!(text(&score.stdout).contains("Acme Labs"), "{name}");
    }
    let report = run_in(
        elsewhere.path(),
        data.path(),
        &["report", "acme-labs", "--format", "json", "--output", "-"],
    );
    assert!(report.status.success(), "{}", text(&report.stderr));
    let due = run_in(elsewhere.path(), data.path(), &["due", "acme-labs.toml"]);
    assert!(due.status.success(), "{}", text(&due.stderr));
}

#[test]
fn a_file_in_the_current_folder_wins_over_the_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let here = tempfile::tempdir().unwrap();
    for (dir, org) in [(data.path(), "Data Copy"), (here.path(), "Local Copy")] {
        let made = run_in(
            here.path(),
            data.path(),
            &[
                "new",
                "--org",
                org,
                "--output",
                dir.join("acme.toml").to_str().unwrap(),
            ],
        );
        assert!(made.status.success(), "{}", text(&made.stderr));
    }
    let score = run_in(here.path(), data.path(), &["score", "acme.toml"]);
    assert!(
        text(&score.stdout).contains("Local Copy"),
        "{}",
        text(&score.stdout)
    );
}

#[test]
fn an_unknown_name_says_every_place_it_looked() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let output = run_in(elsewhere.path(), data.path(), &["score", "globex"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = text(&output.stderr);
    assert!(
        errors.starts_with("error: no assessment file globex; looked at:"),
        "{errors}"
    );
    for place in [data.path().join("globex"), data.path().join("globex.toml")] {
        assert!(errors.contains(&place.display().to_string()), "{errors}");
    }
    assert!(errors.contains("soc2-ready list"), "{errors}");
}
