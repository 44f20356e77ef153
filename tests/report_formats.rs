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
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid CSV");
    (header, rows)
}

#[test]
fn csv_has_one_row_per_gap_in_priority_order() {
    for name in FIXTURES {
        let (header, rows) = csv_rows(name);
        let model = json(name);
        let gaps = model["gaps"].as_array().unwrap();
        assert_eq!(rows.len(), gaps.len(), "{name}: one row per gap");
        let column = |title: &str| header.iter().position(|h| h == title).unwrap();
        for (row, gap) in rows.iter().zip(gaps) {
            assert_eq!(&row[column("question_id")], gap["id"].as_str().unwrap());
            assert_eq!(
                &row[column("criterion")],
                gap["criterion"].as_str().unwrap()
            );
            assert_eq!(
                row[column("rank")].parse::<u64>().ok(),
                gap["rank"].as_u64()
            );
            let steps = gap["remediation"].as_array().unwrap();
            assert_eq!(row[column("remediation")].lines().count(), steps.len());
        }
    }
}

#[test]
fn csv_keeps_unicode_quotes_and_line_breaks() {
    let (header, rows) = csv_rows("unicode");
    let note = header.iter().position(|h| h == "note").unwrap();
    let id = header.iter().position(|h| h == "question_id").unwrap();
    let mfa = rows.iter().find(|row| &row[id] == "CC6.1.mfa").unwrap();
    assert_eq!(
        &mfa[note],
        "MFA is “enforced” in Workspace — except the break-glass root account (Zugang über Tresor)."
    );
    let empty = csv_rows("empty");
    assert_eq!(
        empty.1.len(),
        0,
        "an empty assessment has no known gaps yet"
    );
    assert_eq!(empty.0.len(), 17, "but the header is there");
}

#[test]
fn markdown_and_json_carry_the_same_facts() {
    for name in FIXTURES {
        let model = json(name);
        let markdown = text(name, "md");
        assert_eq!(model["schema"], 1);
        assert_eq!(model["generated"], "2026-11-24");
        let organization = model["organization"].as_str().unwrap();
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
                markdown.contains(&format!("({id}) | Unanswered |")),
                "{name}: {id}"
            );
        }
        assert!(markdown.contains(model["disclaimer"].as_str().unwrap()));
        assert!(markdown.contains("A report, not a certificate."));
    }
}
