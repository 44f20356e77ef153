//! `due`: overdue controls exit 1 (for cron and CI), otherwise 0; text and JSON.

use super::support::{arg, code, copy_fixture, run, run_on, stderr, stdout};

#[test]
fn due_lists_the_calendar_and_exits_1_when_anything_is_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let file = arg(&path);
    let output = run(&["due", file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Nothing overdue or due in the next 30 days.\n"
    );

    run(&["answer", file, "CC6.3.access-reviews", "operating"]);
    run(&["answer", file, "CC2.2.awareness-training", "in_place"]);
    let output = run(&[
        "evidence",
        "add",
        file,
        "CC6.3.access-reviews",
        "--title",
        "Q3 review",
        "--collected",
        "2026-08-23",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));

    // The quarterly review ran on 2026-08-23, so it was due on 2026-11-23.
    let output = run(&["due", file]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "1 overdue: 0 gap due dates, 1 periodic control\n"
    );
    let text = stdout(&output);
    assert!(text.starts_with("overdue       CC6.3.access-reviews · Quarterly access reviews (quarterly, last run 2026-08-23): was due 2026-11-23 (1 day ago)\n"), "{text}");
    assert!(text.contains("never logged  CC2.2.awareness-training · Security awareness training (annual): in place, but no evidence says when it last ran\n"), "{text}");

    // A day before the due date it is only due soon, and only within the window.
    let output = run_on("2026-11-22", &["due", file, "--within", "1"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("due soon      CC6.3.access-reviews"),
        "{}",
        stdout(&output)
    );
    let output = run_on(
        "2026-11-22",
        &["due", file, "--within", "0", "--format", "json"],
    );
    assert_eq!(code(&output), 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["today"], "2026-11-22");
    assert_eq!(json["overdue"], 0);
    assert_eq!(
        json["controls"].as_array().unwrap().len(),
        1,
        "upcoming controls are left out"
    );
    assert_eq!(json["controls"][0]["state"], "never_logged");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["due", file, "--format", "json"]))).unwrap();
    assert_eq!(json["controls"][0]["question"], "CC6.3.access-reviews");
    assert_eq!(json["controls"][0]["due"], "2026-11-23");
    assert_eq!(json["controls"][0]["days_left"], -1);
    assert_eq!(json["controls"][0]["frequency"], "quarterly");
}

#[test]
fn a_gap_past_its_due_date_is_overdue_too_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let file = arg(&path);
    let output = run(&[
        "answer",
        file,
        "CC6.1.mfa",
        "planned",
        "--due",
        "2026-11-20",
        "--owner",
        "CTO",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let output = run(&["due", file]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    assert_eq!(
        stderr(&output),
        "1 overdue: 1 gap due date, 0 periodic controls\n"
    );
    let text = stdout(&output);
    assert!(
        text.starts_with("overdue       CC6.1.mfa · Multi-factor authentication (gap due date, owner CTO): was due 2026-11-20 (4 days ago)\n"),
        "{text}"
    );
    assert!(text.contains("No periodic control overdue"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["due", file, "--format", "json"]))).unwrap();
    assert_eq!(json["overdue"], 1);
    assert_eq!(json["overdue_kinds"]["gap_due_dates"], 1);
    assert_eq!(json["gaps"][0]["question"], "CC6.1.mfa");
    // On the due date itself it is not late yet.
    let output = run_on("2026-11-20", &["due", file]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

#[test]
fn due_refuses_bad_input_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    assert_eq!(code(&run(&["due", arg(&path), "--within", "-3"])), 2);
    assert_eq!(code(&run_on("someday", &["due", arg(&path)])), 2);
    assert_eq!(
        code(&run(&["due", arg(&dir.path().join("missing.toml"))])),
        1
    );
}
