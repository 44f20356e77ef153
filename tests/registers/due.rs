//! `due` lists the registers' reviews and vendor reports beside the gaps and controls, and
//! an overdue one makes it exit 1.

use super::support::{Setup, code, json, stderr, stdout};

#[test]
fn overdue_register_items_make_due_exit_1() {
    let setup = Setup::new();
    let file = setup.file();
    let output = setup.run(&["due", file]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    setup.ok(&[
        "vendor",
        "add",
        file,
        "--name",
        "Cloudhost",
        "--criticality",
        "high",
        "--service",
        "hosting",
        "--report-type",
        "soc2-type2",
        "--report-period-end",
        "2025-09-30",
        "--reviewed",
        "2026-01-05",
    ]);
    setup.ok(&[
        "policy",
        "add",
        file,
        "--name",
        "Access control",
        "--owner",
        "CTO",
        "--version",
        "1.0",
        "--approved",
        "2025-12-10",
    ]);
    let output = setup.run(&["due", file]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("overdue       vendor \"Cloudhost\": new report or bridge letter (CC9.2): was due 2026-09-30 (55 days ago)"),
        "{text}"
    );
    assert!(
        text.contains("due soon      policy \"Access control\": yearly review (CC5.3): due 2026-12-10 (in 16 days)"),
        "{text}"
    );
    assert!(
        !text.contains("yearly review (CC9.2)"),
        "upcoming items are left out: {text}"
    );
    assert!(
        stderr(&output)
            .contains("1 overdue: 0 gap due dates, 0 periodic controls, 1 register item"),
        "{}",
        stderr(&output)
    );
    let output = setup.run(&["due", file, "--format", "json"]);
    let value = json(&stdout(&output));
    assert_eq!(value["overdue_kinds"]["register_items"], 1);
    assert_eq!(value["registers"][0]["criterion"], "CC9.2");
    assert_eq!(value["registers"][0]["days_left"], -55);
    // A bridge letter since the report brings it back in date.
    let text = setup.text().replace(
        "report_period_end = \"2025-09-30\"",
        "report_period_end = \"2025-09-30\"\nbridge_letter = \"2026-10-01\"",
    );
    std::fs::write(&setup.path, text).unwrap();
    assert_eq!(code(&setup.run(&["due", file])), 0);
}

#[test]
fn score_says_what_the_registers_show() {
    let setup = Setup::new();
    let file = setup.file();
    assert!(!setup.ok(&["score", file]).contains("Registers"));
    setup.ok(&[
        "vendor",
        "add",
        file,
        "--name",
        "Mailco",
        "--criticality",
        "high",
        "--service",
        "email",
    ]);
    let text = setup.ok(&["score", file]);
    assert!(
        text.contains("\nRegisters\n  From the vendor register: 1 vendor, 1 critical; 1 critical vendor without a current report. (CC9.2)\n"),
        "{text}"
    );
    assert!(
        text.contains("  CC9.2 Mailco: critical vendor without an assurance report"),
        "{text}"
    );
}
