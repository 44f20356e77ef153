//! `answer`: a schema-1 file answered from a script becomes schema 2 with a backup; bad ids,
//! answers, dates and N/A without a reason are refused with exit 2 and the file untouched.

use std::fs;

use super::support::{arg, code, copy_fixture, run, run_on, stderr, stdout};

#[test]
fn answering_a_schema_1_file_upgrades_it_and_keeps_a_private_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let original = fs::read_to_string(&path).unwrap();
    let output = run(&[
        "answer",
        arg(&path),
        "CC8.1.change-approval",
        "3",
        "--owner",
        "CTO",
        "--due",
        "2027-02-01",
        "--note",
        "PR reviews required",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "CC8.1.change-approval: Evidenced (was Planned)\n"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("schema = 5"), "{text}");
    assert!(text.contains("[answers.\"CC8.1.change-approval\"]\nanswer = \"evidenced\"\nnote = \"PR reviews required\"\nowner = \"CTO\"\ndue = \"2027-02-01\""), "{text}");
    assert!(
        text.contains("[answers.\"X.retired.question\"]"),
        "unknown ids are kept"
    );
    assert!(
        text.contains("[[history]]\ndate = \"2026-11-24\""),
        "{text}"
    );
    let backup = dir.path().join("schema1.toml.schema-1.bak");
    assert_eq!(fs::read_to_string(&backup).unwrap(), original);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // A second answer on another day keeps the first backup and adds a snapshot.
    let output = run_on(
        "2026-11-25",
        &["answer", arg(&path), "CC8.1.change-approval", "operating"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&backup).unwrap(), original);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("[[history]]").count(), 2, "{text}");
    assert!(text.contains("owner = \"CTO\""), "the owner stays");
}

#[test]
fn n_a_needs_a_reason_and_yes_no_questions_take_yes_or_no() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let output = run(&["answer", arg(&path), "CC6.1.mfa", "na"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("CC6.1.mfa: N/A needs a one-line justification"),
        "{}",
        stderr(&output)
    );
    let output = run(&[
        "answer",
        arg(&path),
        "CC6.1.mfa",
        "x",
        "--reason",
        "no staff accounts",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("na_reason = \"no staff accounts\"")
    );
    let output = run(&["answer", arg(&path), "ATT.budget-timeline", "3"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("expected yes (y), no (n), na (x), unsure (u)"),
        "{}",
        stderr(&output)
    );
    let output = run(&["answer", arg(&path), "ATT.budget-timeline", "y"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

#[test]
fn bad_input_is_exit_2_and_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let original = fs::read_to_string(&path).unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["CC9.9.nothing", "3"],
            "unknown question id \"CC9.9.nothing\"",
        ),
        (
            &["CC6.1.mfa", "done"],
            "CC6.1.mfa: \"done\" is not an answer to this question",
        ),
        (&["CC6.1.mfa", "7"], "\"7\" is not an answer"),
        (
            &["CC6.1.mfa", "3", "--due", "2027-02-30"],
            "--due: expected a date such as 2027-01-31, found \"2027-02-30\"",
        ),
        (
            &["CC6.1.mfa", "3", "--reason", "x"],
            "--reason is the justification of an N/A answer",
        ),
    ];
    for (rest, message) in cases {
        let mut args = vec!["answer", arg(&path)];
        args.extend_from_slice(rest);
        let output = run(&args);
        assert_eq!(code(&output), 2, "{rest:?}");
        assert!(
            stderr(&output).contains(message),
            "{rest:?}: {}",
            stderr(&output)
        );
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    assert!(!dir.path().join("schema1.toml.schema-1.bak").exists());

    let newer = dir.path().join("newer.toml");
    fs::write(&newer, original.replace("schema = 1", "schema = 6")).unwrap();
    let output = run(&["answer", arg(&newer), "CC6.1.mfa", "3"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("written by a newer soc2-ready (schema 6)"),
        "{}",
        stderr(&output)
    );
    assert!(fs::read_to_string(&newer).unwrap().contains("schema = 6"));

    let missing = dir.path().join("missing.toml");
    let output = run(&["answer", arg(&missing), "CC6.1.mfa", "3"]);
    assert_eq!(code(&output), 1);
    assert!(
        !dir.path().join(".missing.toml.lock").exists(),
        "no stray lock file"
    );
}

#[test]
fn a_file_open_in_the_wizard_is_not_changed_from_a_script() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let original = fs::read_to_string(&path).unwrap();
    let lock = soc2_ready::assessment::store::lock_for_editing(&path).unwrap();
    let output = run(&["answer", arg(&path), "CC6.1.mfa", "4"]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output)
            .contains("is open in a soc2-ready window; close it there first, nothing was changed"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    drop(lock);
    assert_eq!(code(&run(&["answer", arg(&path), "CC6.1.mfa", "4"])), 0);
}

#[test]
fn commands_by_id_see_answers_moved_from_retired_questions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("renamed.toml");
    // Written before the pen test moved from CC7.1 to CC4.1 (issue 13).
    fs::write(
        &path,
        r#"schema = 2
organization = "Renamed Co"
created = "2026-11-01"
target = "type1"
scope = ["security"]

[answers."CC7.1.penetration-test"]
answer = "planned"
note = "Vendor booked for January"
owner = "CISO"

[[history]]
date = "2026-11-10"
changes = ["CC7.1.penetration-test=planned"]
"#,
    )
    .unwrap();
    let moved = "moved 1 answer(s) to renamed or merged questions: CC7.1.penetration-test → CC4.1.penetration-test";

    // Read-only commands show the record under its new id and say so.
    let output = run(&["evidence", "list", arg(&path)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains(moved), "{}", stderr(&output));
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("CC7.1.penetration-test"),
        "read-only"
    );

    // Answering the new id changes the moved record: its note and owner stay with it.
    let output = run(&["answer", arg(&path), "CC4.1.penetration-test", "3"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).contains(moved), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "CC4.1.penetration-test: Evidenced (was Planned)\n"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("CC7.1.penetration-test"), "{text}");
    assert!(
        text.contains("[answers.\"CC4.1.penetration-test\"]\nanswer = \"evidenced\"\nnote = \"Vendor booked for January\"\nowner = \"CISO\""),
        "{text}"
    );

    // The history moved too: the comparison shows one control improved, none cleared.
    let output = run(&["compare", arg(&path), "--since", "2026-11-10"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("CC4.1.penetration-test"), "{out}");
    assert!(!out.contains("CC7.1"), "{out}");
}

#[test]
fn answering_a_file_with_hard_links_says_the_other_names_keep_the_old_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let other = dir.path().join("other-name.toml");
    fs::hard_link(&path, &other).unwrap();
    let before = fs::read_to_string(&other).unwrap();
    let output = run(&["answer", arg(&path), "CC8.1.change-approval", "3"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("had 2 hard links: the change is saved under this name only"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&other).unwrap(), before);
    // Now a file of its own: no warning the next time.
    let output = run(&["answer", arg(&path), "CC8.1.change-approval", "4"]);
    assert!(
        !stderr(&output).contains("hard links"),
        "{}",
        stderr(&output)
    );
}
