//! The report's ISO 27001 parts and its "What you tell customers" section, through the real
//! binary: every gap carries its question's crosswalk references in JSON, CSV, Markdown and
//! the PDF gap table; the head start is in every format; `--claims` adds the claims findings,
//! and an input it cannot read stops the report with exit 2 before anything is written.

mod report_support;

use std::collections::HashMap;
use std::process::Command;

use report_support::{FIXTURES, fixture, json, report, text};

/// Question id → ISO references, from `soc2-ready crosswalk --format tsv`.
fn crosswalk() -> HashMap<String, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(["crosswalk", "--format", "tsv"])
        .output()
        .expect("the binary runs");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            (cells[0].to_string(), cells[2].to_string())
        })
        .collect()
}

fn pdf_text(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    let mut all = args.to_vec();
    all.extend(["--output", out.to_str().unwrap()]);
    let output = report(&all);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc = lopdf::Document::load(&out).expect("lopdf reads the report");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text extracts");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_gap_carries_its_questions_iso_references_in_json_and_csv() {
    let crosswalk = crosswalk();
    let mut checked = 0;
    for name in FIXTURES {
        let model = json(name);
        for gap in model["gaps"].as_array().unwrap() {
            let refs: Vec<&str> = gap["iso27001"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            let id = gap["id"].as_str().unwrap();
            let expected = crosswalk.get(id).map_or("", String::as_str);
            assert_eq!(refs.join(" "), expected, "{name} {id}");
            checked += usize::from(!refs.is_empty());
        }
        let csv = text(name, "csv");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = reader.headers().unwrap().clone();
        let (id, iso, status) = (
            header.iter().position(|h| h == "Question ID").unwrap(),
            header.iter().position(|h| h == "ISO 27001").unwrap(),
            header.iter().position(|h| h == "Status").unwrap(),
        );
        // Gap rows carry the references; open-question rows (after the gaps) leave it empty.
        for row in reader.records() {
            let row = row.unwrap();
            if &row[status] != "gap" {
                assert_eq!(&row[iso], "", "{name} {}", &row[id]);
                continue;
            }
            let expected = crosswalk.get(&row[id]).map_or("", String::as_str);
            assert_eq!(&row[iso], expected, "{name} {}", &row[id]);
        }
        let themes = model["iso27001_head_start"]["themes"].as_array().unwrap();
        assert_eq!(themes.len(), 5, "four Annex A themes and the clauses");
        assert_eq!(model["claims"], serde_json::Value::Null, "not run");
    }
    assert!(checked >= 10, "only {checked} gaps with references");
}

#[test]
fn markdown_and_pdf_show_the_references_and_the_head_start() {
    let model = json("partial");
    let gap = model["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|gap| !gap["iso27001"].as_array().unwrap().is_empty())
        .expect("a gap with references");
    let refs: Vec<&str> = gap["iso27001"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let markdown = text("partial", "md");
    assert!(markdown.contains(&format!("ISO/IEC 27001:2022: {}.", refs.join(", "))));
    assert!(markdown.contains("## ISO 27001 head start"));
    assert!(markdown.contains("| A.8 Technological |"));
    assert!(!markdown.contains("## What you tell customers"));

    let fixture = fixture("partial");
    let pdf = pdf_text(&[fixture.to_str().unwrap()]);
    assert!(
        pdf.contains(&format!("ISO 27001: {}", refs.join(" "))),
        "{pdf}"
    );
    assert!(pdf.contains("6 ISO 27001 head start"));
    assert!(pdf.contains("A.8 Technological"));
    assert!(!pdf.contains("What you tell customers"));
}

#[test]
fn claims_findings_join_the_report_when_asked_for() {
    let fixture = fixture("partial");
    let path = fixture.to_str().unwrap();
    // Relative to the package root, where cargo runs the tests: short enough not to wrap.
    let site = "tests/fixtures/claims/site";
    let output = report(&[path, "--format", "json", "--output", "-", "--claims", site]);
    assert!(output.status.success());
    let model: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let files = model["claims"]["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    let findings: usize = files
        .iter()
        .map(|f| f["findings"].as_array().unwrap().len())
        .sum();
    assert_eq!(findings, 4);

    let output = report(&[path, "--format", "md", "--output", "-", "--claims", site]);
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.contains("## What you tell customers"));
    assert!(markdown.contains("found 4 statements that misdescribe SOC 2"));
    assert!(
        markdown.contains("site/index.html:7:46 | SOC 2 certified |"),
        "{markdown}"
    );

    let pdf = pdf_text(&[path, "--claims", site]);
    assert!(pdf.contains("7 What you tell customers"), "{pdf}");
    assert!(pdf.contains("index.html:7:46"), "{pdf}");
    assert!(pdf.contains("certified by the AICPA"), "{pdf}");
}

#[test]
fn an_unreadable_claims_input_stops_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let fixture = fixture("partial");
    let output = report(&[
        fixture.to_str().unwrap(),
        "--format",
        "md",
        "--output",
        out.to_str().unwrap(),
        "--claims",
        "no/such/site",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("cannot read no/such/site for --claims: no such file or folder"),
        "{errors}"
    );
    assert!(!out.exists(), "nothing is written");
}
