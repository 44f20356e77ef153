//! `completions` and `man`, end to end: every shell gets a script that knows every command,
//! the bash script parses, and the man page documents every command with its options.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const COMMANDS: [&str; 11] = [
    "validate",
    "criteria",
    "questions",
    "new",
    "score",
    "report",
    "open",
    "list",
    "config",
    "completions",
    "man",
];

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {output:?}");
        let script = stdout(&output);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} script lacks {command}");
        }
        assert!(script.contains("paper"), "{shell} script lacks options");
    }
}

#[test]
fn the_bash_script_is_valid_bash() {
    let script = stdout(&run(&["completions", "bash"]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soc2-ready.bash");
    std::fs::write(&path, script).unwrap();
    let check = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn an_unknown_shell_is_bad_input() {
    let output = run(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("tcsh"));
}

#[test]
fn the_man_page_documents_every_command_and_its_options() {
    let output = run(&["man"]);
    assert!(output.status.success());
    let page = stdout(&output);
    assert!(page.contains(".TH soc2-ready 1"), "{page}");
    for command in COMMANDS {
        let heading = format!(".SH \"SOC2-READY {}\"", command.to_uppercase());
        assert!(page.contains(&heading), "no section {heading}");
    }
    // Options of a command appear in its own section, not only in the overview.
    let report = page.split(".SH \"SOC2-READY REPORT\"").nth(1).unwrap();
    let report = report.split(".SH ").next().unwrap();
    assert!(report.contains("\\-\\-paper"), "{report}");
    assert!(
        page.contains(".SH \"EXIT STATUS\""),
        "no exit status section"
    );
}

#[test]
fn global_options_are_in_the_top_level_help_only_and_still_work_after_a_command() {
    let top = stdout(&run(&["--help"]));
    for option in ["--theme", "--data-dir", "--questionnaires", "--config"] {
        assert!(top.contains(option), "--help lacks {option}: {top}");
    }
    for command in [&["evidence", "add", "--help"][..], &["report", "--help"]] {
        let help = stdout(&run(command));
        assert!(!help.contains("--theme <"), "{command:?}: {help}");
        assert!(!help.contains("--data-dir <"), "{command:?}: {help}");
        assert!(help.contains("`soc2-ready --help` lists them"), "{help}");
    }
    // A global option after a nested sub-command is still honoured.
    let dir = tempfile::tempdir().unwrap();
    let output = run(&[
        "evidence",
        "list",
        "missing.toml",
        "--theme",
        "light",
        "--data-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let looked = dir.path().join("missing.toml");
    assert!(stderr.contains(looked.to_str().unwrap()), "{stderr}");
}

#[test]
fn completions_offer_the_global_options_under_commands_and_the_man_page_lists_them() {
    let bash = stdout(&run(&["completions", "bash"]));
    let add = bash
        .split("soc2__subcmd__ready__subcmd__evidence__subcmd__add)")
        .nth(1)
        .expect("a case for evidence add");
    let add = add.split(";;").next().unwrap();
    assert!(
        add.contains("--theme") && add.contains("--data-dir"),
        "{add}"
    );
    // The man page lists them once, in the options of the program before the commands.
    let page = stdout(&run(&["man"]));
    let overview = page.split(".SH \"SOC2-READY ").next().unwrap();
    for option in ["theme", "data\\-dir", "questionnaires", "config"] {
        assert!(overview.contains(&format!("\\-\\-{option}")), "{overview}");
    }
}
