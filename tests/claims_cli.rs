//! `soc2-ready claims`: findings with `file:line:column`, JSON, and the exit codes — 0 clean,
//! 1 found, 2 unreadable input — on the fixture site under tests/fixtures/claims.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn findings_are_located_explained_and_exit_1() {
    let output = run(&["claims", "tests/fixtures/claims/site"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for expected in [
        "tests/fixtures/claims/site/index.html:7:46: \"SOC 2 certified\"",
        "tests/fixtures/claims/site/rfp-answers.txt:2:22: \"SOC II Type 1 certificate\"",
        "tests/fixtures/claims/site/rfp-answers.txt:3:38: \"certified by the AICPA\"",
        "tests/fixtures/claims/site/security.md:6:3: \"Certifications: SOC-2\"",
        "    why: SOC 2 is not a certification",
        "    instead: our SOC 2 Type 1 report, issued by an independent CPA firm",
        "4 inaccurate statements in 3 of 3 files checked.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(
        !text.contains("ISO 27001"),
        "accurate lines stay quiet:\n{text}"
    );
    assert!(
        !text.contains("logo.png"),
        "only text files are read from a folder"
    );
}

#[test]
fn json_carries_every_field() {
    let output = run(&[
        "claims",
        "--format",
        "json",
        "tests/fixtures/claims/site/index.html",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let finding = &json["files"][0]["findings"][0];
    assert_eq!(
        json["files"][0]["file"],
        "tests/fixtures/claims/site/index.html"
    );
    assert_eq!(finding["line"], 7);
    assert_eq!(finding["column"], 46);
    assert_eq!(finding["phrase"], "SOC 2 certified");
    assert_eq!(finding["rule"], "certification");
    assert!(
        finding["reason"]
            .as_str()
            .unwrap()
            .contains("attestation report")
    );
    assert!(
        finding["suggestion"]
            .as_str()
            .unwrap()
            .contains("SOC 2 report")
    );
    assert_eq!(json["unreadable"], serde_json::json!([]));
}

#[test]
fn clean_copy_exits_0() {
    let output = run(&["claims", "tests/fixtures/claims/clean"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "0 inaccurate statements in 0 of 1 file checked.\n"
    );
}

#[test]
fn unreadable_input_exits_2_and_the_rest_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("deck.txt");
    std::fs::write(&binary, [b'S', b'O', b'C', 0xff, 0xfe]).unwrap();
    let output = run(&[
        "claims",
        "tests/fixtures/claims/site/index.html",
        binary.to_str().unwrap(),
        "no/such/folder",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("deck.txt: not UTF-8 text"), "{errors}");
    assert!(
        errors.contains("cannot read no/such/folder: no such file or folder"),
        "{errors}"
    );
    assert!(stdout(&output).contains("index.html:7:46:"));
    let usage = run(&["claims"]);
    assert_eq!(usage.status.code(), Some(2), "a path is required");
}

/// Real text nobody wrote for the corpus: this project's README, docs and questionnaires
/// (which discuss certification at length) must not trip the checker.
#[test]
fn the_projects_own_words_pass() {
    let mut args = vec!["claims".to_string(), "README.md".into(), "docs".into()];
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires")).unwrap()
    {
        let path = entry.unwrap().path();
        args.push(format!(
            "questionnaires/{}",
            path.file_name().unwrap().to_string_lossy()
        ));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn control_characters_in_a_file_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("evil\u{1b}[2J.txt");
    std::fs::write(
        &copy,
        "Retitle \u{1b}]0;pwned\u{7} us: we are SOC 2 certified \u{202e}today.\n",
    )
    .expect("write the copy");
    let path = copy.to_str().expect("utf-8 path");
    for format in ["text", "json"] {
        let output = run(&["claims", "--format", format, path]);
        assert_eq!(output.status.code(), Some(1), "{format}: a finding");
        let text = stdout(&output);
        assert!(text.contains("SOC 2 certified"), "{format}: {text}");
        for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!text.contains(raw), "{format}: raw {raw:?} in {text:?}");
        }
    }
}
