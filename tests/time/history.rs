//! `history` and `compare`: snapshots taken by real changes on different days, compared
//! over history and between two files, as text and JSON, with the unhappy paths.

use std::fs;

use super::support::{arg, code, copy_fixture, run, run_on, stderr, stdout};

/// A file answered on three days: 2026-11-20, 2026-11-22 and 2026-11-24.
fn file_with_history(dir: &std::path::Path) -> std::path::PathBuf {
    let path = copy_fixture(dir, "schema1.toml");
    let file = arg(&path);
    for (day, id, answer) in [
        ("2026-11-20", "CC6.3.access-reviews", "planned"),
        ("2026-11-22", "CC6.3.access-reviews", "evidenced"),
        ("2026-11-22", "CC7.2.central-logging", "in_place"),
        ("2026-11-24", "CC8.1.change-approval", "not_in_place"),
    ] {
        let output = run_on(day, &["answer", file, id, answer]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
    }
    path
}

#[test]
fn history_lists_one_snapshot_per_day_with_the_stage_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with_history(dir.path());
    let output = run(&["history", arg(&path)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Acme Inc — 3 snapshots\nDate        Answered  Compliance  Attestation  Certification\n"
        ),
        "{text}"
    );
    let dates: Vec<&str> = text.lines().skip(2).map(|line| &line[..10]).collect();
    assert_eq!(dates, ["2026-11-20", "2026-11-22", "2026-11-24"]);
    assert!(
        text.lines()
            .nth(2)
            .unwrap()
            .starts_with("2026-11-20         6"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["history", arg(&path), "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    assert_eq!(json[1]["date"], "2026-11-22");
    assert_eq!(
        json[1]["answered"], 6,
        "CC7.2.central-logging was answered (unsure) already"
    );
    assert!(json[2]["compliance"].as_u64().unwrap() <= 100);
}

#[test]
fn compare_over_history_since_a_date_or_the_last_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_with_history(dir.path());
    let output = run(&["compare", arg(&path), "--since", "2026-11-21"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Acme Inc: 2026-11-21 → now (2026-11-24)\nReport aimed for: Type 1 → Type 1\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\nImproved (2)\n  CC6.3.access-reviews "),
        "{text}"
    );
    assert!(text.contains(": Planned → Evidenced\n"), "{text}");
    assert!(text.contains("CC7.2.central-logging"), "{text}");
    assert!(text.contains(": Unsure → In place\n"), "{text}");
    assert!(
        text.contains("\nRegressed (1)\n  CC8.1.change-approval "),
        "{text}"
    );
    assert!(text.contains(": Planned → Not in place\n"), "{text}");
    assert!(
        text.contains("Gaps closed (1): CC6.3.access-reviews"),
        "{text}"
    );

    // Without --since: the last snapshot before today (2026-11-22).
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["compare", arg(&path), "--format", "json"]))).unwrap();
    assert_eq!(json["then"]["label"], "2026-11-22");
    assert_eq!(json["now"]["label"], "now (2026-11-24)");
    assert_eq!(json["improved"].as_array().unwrap().len(), 0);
    assert_eq!(json["regressed"][0]["question"], "CC8.1.change-approval");
    assert_eq!(json["regressed"][0]["then"], "planned");
    assert_eq!(json["regressed"][0]["now"], "not_in_place");
    assert_eq!(json["now"]["stages"][0]["name"], "compliance");

    let output = run(&["compare", arg(&path), "--since", "2026-11-19"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains(
            "no snapshot on or before 2026-11-19 to compare with: its history starts on 2026-11-20"
        ),
        "{}",
        stderr(&output)
    );
    let fresh = copy_fixture(dir.path(), "schema1.toml");
    let output = run(&["compare", arg(&fresh)]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("it has no history yet"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn compare_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let old = copy_fixture(dir.path(), "schema1.toml");
    let new = dir.path().join("new.toml");
    let text = fs::read_to_string(&old)
        .unwrap()
        .replace("answer = \"planned\"", "answer = \"operating\"")
        .replace("target = \"type1\"", "target = \"type2\"");
    fs::write(&new, text).unwrap();
    let output = run(&["compare", arg(&old), arg(&new)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Acme Inc: schema1.toml → new.toml\nReport aimed for: Type 1 → Type 2\n"),
        "{text}"
    );
    assert!(
        text.contains("Improved (1)\n  CC8.1.change-approval "),
        "{text}"
    );
    assert!(text.contains("  Security               "), "{text}");
    let output = run(&["compare", arg(&old), arg(&new), "--since", "2026-11-01"]);
    assert_eq!(code(&output), 2, "--since is for one file");
    let output = run(&["compare", arg(&old), arg(&dir.path().join("missing.toml"))]);
    assert_eq!(code(&output), 1);
}
