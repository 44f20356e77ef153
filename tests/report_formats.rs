//! The text formats: Markdown and JSON snapshots of a small assessment (reviewed by eye,
//! accept changes with `INSTA_UPDATE=always` or `cargo insta review`), the CSV gap list
//! read back with the csv crate, and the same facts in every format.

mod report_support;

use std::path::Path;

use report_support::{FIXTURES, fixture, json, soc2_ready, text};

/// A text report of the snapshot fixture against the six-question test questionnaire.
fn snapshot_report(format: &str) -> String {
    let questionnaires =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report-questionnaire");
    let output = soc2_ready()
        .args(["report", fixture("snapshot").to_str().unwrap()])
        .args(["--questionnaires", questionnaires.to_str().unwrap()])
        .args(["--format", format, "--output", "-"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("markdown", snapshot_report("md"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("json", snapshot_report("json"));
}

fn csv_rows(name: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let text = text(name, "csv");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark so Excel reads UTF-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid CSV");
    (header, rows)
}

#[test]
fn csv_has_one_row_per_gap_in_priority_order_then_the_open_questions() {
    for name in FIXTURES {
        let (header, rows) = csv_rows(name);
        let model = json(name);
        let gaps = model["gaps"].as_array().unwrap();
        let open = model["unanswered"].as_array().unwrap();
        assert_eq!(rows.len(), gaps.len() + open.len(), "{name}: one row each");
        let column = |title: &str| header.iter().position(|h| h == title).unwrap();
        for (row, gap) in rows.iter().zip(gaps) {
            assert_eq!(&row[column("Question ID")], gap["id"].as_str().unwrap());
            assert_eq!(&row[column("Status")], "gap");
            assert_eq!(
                &row[column("Criterion")],
                gap["criterion"].as_str().unwrap()
            );
            assert_eq!(
                row[column("Rank")].parse::<u64>().ok(),
                gap["rank"].as_u64()
            );
            let steps = gap["remediation"].as_array().unwrap();
            assert_eq!(row[column("Remediation")].lines().count(), steps.len());
            assert!(row[column("Summary")].ends_with(gap["title"].as_str().unwrap()));
            assert!(!row[column("Description")].is_empty());
        }
        for (row, question) in rows[gaps.len()..].iter().zip(open) {
            assert_eq!(&row[column("Status")], "open");
            assert_eq!(
                &row[column("Question ID")],
                question["id"].as_str().unwrap()
            );
            assert_eq!(&row[column("Current")], "Unanswered");
        }
    }
}

#[test]
fn csv_cells_carry_no_apostrophe_unless_dangerous() {
    for name in FIXTURES {
        let (_, rows) = csv_rows(name);
        for row in &rows {
            for cell in row {
                if let Some(rest) = cell.strip_prefix('\'') {
                    assert!(
                        rest.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{name}: needless apostrophe in {cell:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn csv_keeps_unicode_quotes_and_line_breaks() {
    let (header, rows) = csv_rows("unicode");
    let description = header.iter().position(|h| h == "Description").unwrap();
    let id = header.iter().position(|h| h == "Question ID").unwrap();
    let mfa = rows.iter().find(|row| &row[id] == "CC6.1.mfa").unwrap();
    assert!(
        mfa[description].ends_with(
            "\n\nNote: MFA is “enforced” in Workspace — except the break-glass root account (Zugang über Tresor)."
        ),
        "{}",
        &mfa[description]
    );
    let (header, rows) = csv_rows("empty");
    let status = header.iter().position(|h| h == "Status").unwrap();
    assert!(
        rows.iter().all(|row| &row[status] == "open"),
        "an empty assessment has no known gaps yet, only open questions"
    );
    assert_eq!(header.len(), 21, "but the header is there");
}

#[test]
fn markdown_and_json_carry_the_same_facts() {
    for name in FIXTURES {
        let model = json(name);
        let markdown = text(name, "md");
        let organization = model["organization"].as_str().unwrap();
        assert_eq!(model["schema"], 2);
        assert!(!markdown.contains("<br>"), "{name}: no <br> in tables");
        for line in markdown.lines().filter(|line| line.starts_with('|')) {
            assert!(line.chars().count() <= 400, "{name}: long row {line}");
        }
        // Every section names the organisation, so it can be pasted on its own.
        for heading in markdown.lines().filter(|line| line.starts_with("## ")) {
            assert!(
                heading.contains(organization) || heading == "## Disclaimer",
                "{name}: {heading}"
            );
        }
        assert_eq!(model["generated"], "2026-11-24");
        assert!(markdown.contains(organization), "{name}: organisation");
        for stage in model["stages"].as_array().unwrap() {
            let label = stage["label"].as_str().unwrap();
            assert!(
                markdown.contains(&format!("**{label}**")),
                "{name}: {label}"
            );
        }
        for gap in model["gaps"].as_array().unwrap() {
            let id = gap["id"].as_str().unwrap();
            assert!(markdown.contains(&format!("({id})")), "{name}: gap {id}");
        }
        for question in model["unanswered"].as_array().unwrap() {
            let id = question["id"].as_str().unwrap();
            assert!(
                markdown.contains(&format!("({id}) | yes | Unanswered |"))
                    || markdown.contains(&format!("({id}) |  | Unanswered |")),
                "{name}: {id}"
            );
        }
        assert!(markdown.contains(model["disclaimer"].as_str().unwrap()));
        assert!(markdown.contains("A report, not a certificate."));
    }
}

#[test]
fn appendix_none_shortens_markdown_and_is_refused_for_json_and_csv() {
    let fixture = fixture("early-stage");
    let markdown = |extra: &[&str]| {
        let mut args = vec![fixture.to_str().unwrap(), "--format", "md", "--output", "-"];
        args.extend_from_slice(extra);
        let output = report_support::report(&args);
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let full = markdown(&[]);
    let short = markdown(&["--appendix", "none"]);
    assert_eq!(
        full,
        markdown(&["--appendix", "cards"]),
        "cards is the default"
    );
    assert!(full.contains("## Gap details"));
    assert!(!short.contains("## Gap details"), "{short}");
    assert!(short.contains("`--appendix cards` adds them"));
    assert!(
        short.len() * 2 < full.len(),
        "{} vs {}",
        short.len(),
        full.len()
    );
    let model = json("early-stage");
    for gap in model["gaps"].as_array().unwrap() {
        // Every gap keeps its register row with its id; its detail heading goes.
        let row = format!("| {} |", gap["rank"]);
        let id = format!("({})", gap["id"].as_str().unwrap());
        assert!(short.contains(&row) && short.contains(&id), "{row} {id}");
        let heading = format!("### {}. ", gap["rank"]);
        assert!(
            full.contains(&heading) && !short.contains(&heading),
            "{heading}"
        );
    }
    for format in ["json", "csv"] {
        let output = report_support::report(&[
            fixture.to_str().unwrap(),
            "--format",
            format,
            "--appendix",
            "none",
            "--output",
            "-",
        ]);
        assert_eq!(output.status.code(), Some(2), "{format}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("--appendix none shortens pdf and md"),
            "{stderr}"
        );
    }
}
