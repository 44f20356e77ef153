//! `evidence add|list|remove` through the real binary: the months the log proves, the
//! *claimed, not evidenced* flag, numbering, and refusals that leave the file untouched.

use std::fs;

use super::support::{arg, code, copy_fixture, run, stderr, stdout};

#[test]
fn add_list_and_remove_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let file = arg(&path);
    let listed = stdout(&run(&["evidence", "list", file]));
    assert!(
        listed.contains("CC6.1.mfa · Multi-factor authentication")
            || listed.contains("CC6.1.mfa · "),
        "{listed}"
    );
    assert!(
        listed
            .contains("0 months of operating evidence; claimed, not evidenced: no evidence entry"),
        "{listed}"
    );

    let output = run(&[
        "evidence",
        "add",
        file,
        "CC6.1.mfa",
        "--title",
        "Okta MFA policy export",
        "--location",
        "drive://sec/mfa.pdf",
        "--collected",
        "2026-10-01",
        "--from",
        "2026-08-01",
        "--to",
        "2026-10-31",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "CC6.1.mfa: added evidence 1 of 1; 3 months of operating evidence\n"
    );
    let output = run(&[
        "evidence",
        "add",
        file,
        "CC6.1.mfa",
        "--title",
        "Screenshot of the root account",
        "--collected",
        "2026-09-15",
    ]);
    assert_eq!(
        stdout(&output),
        "CC6.1.mfa: added evidence 1 of 2; 3 months of operating evidence\n",
        "sorted by date"
    );
    let output = run(&[
        "evidence",
        "add",
        file,
        "CC6.1.mfa",
        "--title",
        "Today's check",
    ]);
    assert_eq!(
        stdout(&output),
        "CC6.1.mfa: added evidence 3 of 3; 3 months of operating evidence\n"
    );

    let listed = stdout(&run(&["evidence", "list", file, "CC6.1.mfa"]));
    assert!(
        listed.contains("  1. 2026-09-15  Screenshot of the root account\n"),
        "{listed}"
    );
    assert!(listed.contains("  2. 2026-10-01  Okta MFA policy export  covers 2026-08-01 to 2026-10-31  at drive://sec/mfa.pdf\n"), "{listed}");
    assert!(
        listed.contains("  3. 2026-11-24  Today's check\n"),
        "collected defaults to today: {listed}"
    );

    let output = run(&["evidence", "remove", file, "CC6.1.mfa", "1"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "CC6.1.mfa: removed evidence 1 \"Screenshot of the root account\" (2 left)\n"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.matches("[[answers.\"CC6.1.mfa\".evidence]]").count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("note = \"Enforced in Workspace; not yet on the cloud root account\""),
        "the record keeps its note"
    );

    // Operating over time needs evidence across the window (3 months by default).
    run(&["answer", file, "CC7.2.central-logging", "operating"]);
    run(&[
        "evidence",
        "add",
        file,
        "CC7.2.central-logging",
        "--title",
        "SIEM retention",
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-23",
    ]);
    let listed = stdout(&run(&["evidence", "list", file, "CC7.2.central-logging"]));
    assert!(listed.contains("1 month of operating evidence; claimed, not evidenced: 1 of the 3 months of the observation window"), "{listed}");
    let listed = stdout(&run(&["evidence", "list", file]));
    assert!(listed.contains("Suggested for ATT.evidence-months: \"A month or more, less than the planned window\" (the median of the 2 controls with evidence is 1 months)"), "{listed}");
}

#[test]
fn bad_entries_are_refused_and_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let file = arg(&path);
    let original = fs::read_to_string(&path).unwrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &["add", file, "CC0.0.none", "--title", "t"],
            "unknown question id \"CC0.0.none\"",
        ),
        (
            &["add", file, "CC6.1.mfa", "--title", "  "],
            "--title must not be empty",
        ),
        (
            &[
                "add",
                file,
                "CC6.1.mfa",
                "--title",
                "t",
                "--collected",
                "2026-11-25",
            ],
            "--collected: 2026-11-25 is in the future (today is 2026-11-24)",
        ),
        (
            &[
                "add",
                file,
                "CC6.1.mfa",
                "--title",
                "t",
                "--from",
                "2026-10-01",
                "--to",
                "2026-09-01",
            ],
            "--to: the period ends (2026-09-01) before it starts (2026-10-01)",
        ),
        (
            &[
                "add",
                file,
                "CC6.1.mfa",
                "--title",
                "t",
                "--from",
                "2026-13-01",
                "--to",
                "2026-12-01",
            ],
            "--from: expected a date such as 2027-01-31, found \"2026-13-01\"",
        ),
        (
            &["remove", file, "CC6.1.mfa", "1"],
            "CC6.1.mfa: there is no evidence entry 1 (0 entries",
        ),
        (&["list", file, "CC0.0.none"], "unknown question id"),
    ];
    for (rest, message) in cases {
        let mut args = vec!["evidence"];
        args.extend_from_slice(rest);
        let output = run(&args);
        assert_eq!(code(&output), 2, "{rest:?}");
        assert!(
            stderr(&output).contains(message),
            "{rest:?}: {}",
            stderr(&output)
        );
    }
    let output = run(&[
        "evidence",
        "add",
        file,
        "CC6.1.mfa",
        "--title",
        "t",
        "--from",
        "2026-10-01",
    ]);
    assert_eq!(code(&output), 2, "clap: --from needs --to");
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
}
