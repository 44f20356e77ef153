//! `soc2-ready crosswalk`: the ISO/IEC 27001:2022 references of the built-in questions, by
//! question and by control, and a bad reference in a custom questionnaire located.

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

#[test]
fn crosswalk_lists_every_compliance_question_with_its_references() {
    let output = run(&["crosswalk", "--format", "tsv"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], ["id", "criterion", "iso27001", "title"]);
    let questions = stdout(&run(&["questions", "--format", "tsv"]));
    let compliance = questions
        .lines()
        .filter(|line| line.split('\t').nth(2) == Some("compliance"))
        .count();
    assert!(compliance > 100, "{compliance}");
    assert_eq!(
        rows.len(),
        1 + compliance,
        "one row per compliance question"
    );
    let mfa = rows
        .iter()
        .find(|row| row[0] == "CC6.1.mfa")
        .expect("mfa row");
    assert_eq!(mfa[2], "A.5.17 A.8.5");
    assert!(
        !text.contains("ATT."),
        "attestation questions have no ISO references"
    );
    let people = stdout(&run(&["crosswalk"]));
    assert!(people.lines().next().unwrap().starts_with("id "));
}

#[test]
fn crosswalk_by_control_shows_what_covers_each_control_and_what_nothing_covers() {
    let text = stdout(&run(&["crosswalk", "--by-control", "--format", "tsv"]));
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][0], "iso27001");
    let annex_a = rows.iter().filter(|row| row[0].starts_with("A.")).count();
    assert_eq!(annex_a, 93);
    let row = |id: &str| rows.iter().find(|row| row[0] == id).unwrap().clone();
    assert!(row("A.8.5")[4].split(' ').any(|q| q == "CC6.1.mfa"));
    assert_eq!(row("A.8.5")[1], "A.8 Technological");
    assert_eq!(row("A.8.17")[2], "0", "clock sync has no SOC 2 question");
}

#[test]
fn a_bad_reference_in_a_custom_questionnaire_stops_the_crosswalk_with_its_place() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/questionnaires/bad-iso-reference"
    );
    let output = run(&["crosswalk", "--questionnaires", dir]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains(
            "security.toml:9:22: CC6.1.mfa: field `iso27001`: `A.5.38` is not an Annex A control"
        ),
        "{errors}"
    );
}
