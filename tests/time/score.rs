//! `score` shows the earliest report dates with their assumptions and the answers that are
//! claimed, not evidenced — in text and JSON, for the day `SOC2_READY_TODAY` fixes.

use super::support::{arg, code, copy_fixture, run, run_on, stderr, stdout};

#[test]
fn score_shows_report_dates_and_claims_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let output = run(&["score", arg(&path)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    // Two answered gaps toward Type 1: CC8.1.change-approval (key, planned → evidenced: 2
    // levels × 2 weeks = 4) and CC7.2.central-logging (key, unsure → evidenced: 3 × 2 = 6).
    // 10 weeks at 2 a week = 5, the biggest gap is 6: 42 days to 2027-01-05. No engagement
    // letter: fieldwork waits for the booking floor, 56 days from today (2027-01-19), the
    // Type 1 as-of date; the report follows by 4 to 10 weeks.
    assert!(text.contains("Earliest realistic report dates (as of 2026-11-24)\n  Type 1 as of 2027-01-19, report 2027-02-16 to 2027-03-30\n          - 2 gaps take about 10 weeks of work"), "{text}");
    assert!(
        text.contains("fieldwork is assumed to start no sooner than 2027-01-19"),
        "{text}"
    );
    // The window 2027-01-05 .. 2027-04-04 ends after the floor: report 28 to 70 days later.
    assert!(
        text.contains("  Type 2 for 2027-01-05 to 2027-04-04, report 2027-05-02 to 2027-06-13\n"),
        "{text}"
    );
    assert!(text.contains("warning: 10 periodic controls run less often than the 3-month window and have no logged run"), "{text}");
    assert!(
        text.contains("the observation window lasts 3 months, 2027-01-05 to 2027-04-04"),
        "{text}"
    );
    assert!(text.contains("Claimed, not evidenced: 1 answer (the score takes them at their word; an auditor will not)\n  CC6.1.mfa  claimed, not evidenced: no evidence entry\n"), "{text}");

    let output = run_on("2027-01-01", &["score", arg(&path), "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["today"], "2027-01-01");
    // Ready 2027-02-12, the booking floor 2027-02-26 is the as-of date; + 28 days.
    assert_eq!(json["timeline"]["type1"]["as_of"], "2027-02-26");
    assert_eq!(json["timeline"]["type1"]["date"], "2027-03-26");
    assert_eq!(json["timeline"]["type1"]["latest"], "2027-05-07");
    assert_eq!(json["timeline"]["window_start"], "2027-02-12");
    assert!(
        json["timeline"]["type2"]["assumptions"]
            .as_array()
            .unwrap()
            .len()
            >= 4
    );
    assert_eq!(json["claimed_not_evidenced"][0]["question"], "CC6.1.mfa");
    assert_eq!(json["claimed_not_evidenced"][0]["why"], "no_evidence");
    assert!(json["stages"].is_array(), "the scorecard is still there");
}
