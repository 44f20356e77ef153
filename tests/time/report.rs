//! The reports: the PDF read back with lopdf — the progress section with its chart labels, the
//! improved and regressed controls, the due list, and the report dates on the cover and in
//! the summary — and the same facts in Markdown.

use super::support::{arg, code, copy_fixture, run_on, stderr};

fn pdf_text(path: &std::path::Path) -> String {
    let doc = lopdf::Document::load(path).expect("lopdf reads the report");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text extracts");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_shows_progress_due_controls_and_report_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path(), "schema1.toml");
    let file = arg(&path);
    for (day, args) in [
        (
            "2026-11-20",
            vec!["answer", file, "CC6.3.access-reviews", "planned"],
        ),
        (
            "2026-11-20",
            vec!["answer", file, "CC8.1.change-approval", "evidenced"],
        ),
        (
            "2026-11-22",
            vec!["answer", file, "CC6.3.access-reviews", "operating"],
        ),
        (
            "2026-11-22",
            vec!["answer", file, "CC8.1.change-approval", "in_place"],
        ),
        (
            "2026-11-22",
            vec![
                "evidence",
                "add",
                file,
                "CC6.3.access-reviews",
                "--title",
                "Q3 review",
                "--collected",
                "2026-08-23",
            ],
        ),
    ] {
        let output = run_on(day, &args);
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
    }
    let out = dir.path().join("report.pdf");
    let output = run_on("2026-11-24", &["report", file, "--output", arg(&out)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = pdf_text(&out);
    let expect = |needle: &str| assert!(text.contains(needle), "{needle:?} not in {text}");
    expect("Progress over time");
    expect("Earliest realistic report dates");
    expect("Readiness by stage over time");
    expect("2026-11-20");
    expect("Improved since 2026-11-20 (1)");
    expect("CC6.3.access-reviews Quarterly access reviews: planned → operating");
    expect("Regressed since 2026-11-20 (1)");
    expect("CC8.1.change-approval Peer-reviewed changes: evidenced → in_place");
    expect("Overdue and due soon");
    expect("1 overdue: 0 gap due dates, 1 periodic control (a gap due date");
    expect(
        "Periodic control CC6.3.access-reviews Quarterly access reviews (quarterly): overdue since 2026-11-23",
    );
    expect("Claimed, not evidenced");
    // The cover and the summary both carry the dates.
    let dates = "Earliest realistic report: Type 1 ";
    assert_eq!(text.matches(dates).count(), 2, "{text}");

    let output = run_on(
        "2026-11-24",
        &["report", file, "--format", "md", "--output", "-"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let markdown = super::support::stdout(&output);
    for needle in [
        "## Progress over time — ",
        "| 2026-11-20 | ",
        "### Improved since 2026-11-20 (1)\n",
        "### Overdue and due soon\n",
        "- Periodic control CC6.3.access-reviews Quarterly access reviews (quarterly): overdue since 2026-11-23\n",
        "### Claimed, not evidenced\n",
    ] {
        assert!(markdown.contains(needle), "{needle:?} not in {markdown}");
    }
}
