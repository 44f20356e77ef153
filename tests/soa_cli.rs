//! The ISO/IEC 27001:2022 Statement of Applicability (`soc2-ready soa PATH --format
//! csv|xlsx`), read back with the csv crate and calamine: all 93 Annex A controls in ISO
//! order, the same coverage as the JSON report's ISO 27001 head start, nothing the SOC 2
//! questions do not reach ever shown as implemented, and N/A reasons as justifications.

mod report_support;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use report_support::{FIXTURES, command_stdout, fixture, json, soc2_ready};
use serde_json::Value;

const NOT_ASSESSED: &str = "Not assessed by the SOC 2 questions";

/// The SoA CSV of fixture `name`: one map of column to cell per control.
fn soa_rows(name: &str) -> Vec<Vec<(String, String)>> {
    let text = command_stdout("soa", &fixture(name), &["--format", "csv"]);
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|row| {
            let row = row.expect("valid CSV");
            header
                .iter()
                .cloned()
                .zip(row.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn cell<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    &row.iter()
        .find(|(name, _)| name == column)
        .unwrap_or_else(|| panic!("no column {column}"))
        .1
}

fn annex_a(model: &Value) -> Vec<&Value> {
    model["iso27001_head_start"]["controls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|control| control["id"].as_str().unwrap().starts_with("A."))
        .collect()
}

#[test]
fn every_fixture_lists_the_93_controls_with_the_coverage_of_the_json_report() {
    for name in FIXTURES {
        let rows = soa_rows(name);
        let model = json(name);
        let controls = annex_a(&model);
        assert_eq!(rows.len(), 93, "{name}");
        assert_eq!(cell(&rows[0], "Control"), "A.5.1");
        assert_eq!(cell(&rows[92], "Control"), "A.8.34");
        for (row, control) in rows.iter().zip(&controls) {
            assert_eq!(cell(row, "Control"), control["id"].as_str().unwrap());
            assert_eq!(cell(row, "Title"), control["title"].as_str().unwrap());
            let implemented = cell(row, "Implemented");
            let expected = match control["coverage"].as_str().unwrap() {
                "covered" => vec!["Yes"],
                "partly" => vec!["Partly"],
                "not-covered" => vec!["No", "Not answered yet"],
                "not-addressed" => vec![NOT_ASSESSED, "Not applicable"],
                other => panic!("unknown coverage {other}"),
            };
            assert!(
                expected.contains(&implemented),
                "{name} {}: {implemented} for {}",
                control["id"],
                control["coverage"]
            );
            if control["coverage"] != "not-addressed" {
                let linked: Vec<&str> = control["questions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|id| id.as_str().unwrap())
                    .collect();
                assert_eq!(cell(row, "Linked SOC 2 questions"), linked.join(" "));
            }
        }
    }
}

#[test]
fn an_empty_assessment_implements_nothing_and_n_a_answers_exclude_with_their_reason() {
    let rows = soa_rows("empty");
    assert!(rows.iter().all(|row| cell(row, "Implemented") != "Yes"));
    assert!(
        rows.iter()
            .any(|row| cell(row, "Applicable") == NOT_ASSESSED
                && cell(row, "Implemented") == NOT_ASSESSED)
    );
    let rows = soa_rows("na-heavy");
    let excluded: Vec<_> = rows
        .iter()
        .filter(|row| cell(row, "Applicable") == "No")
        .collect();
    assert!(!excluded.is_empty());
    for row in excluded {
        assert_eq!(cell(row, "Implemented"), "Not applicable");
        let justification = cell(row, "Justification");
        assert!(justification.starts_with("Answered N/A"), "{justification}");
        assert!(!cell(row, "Linked SOC 2 questions").is_empty());
    }
}

#[test]
fn the_workbook_holds_the_same_rows_as_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("soa.xlsx");
    let output = soc2_ready()
        .arg("soa")
        .arg(fixture("partial"))
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "xlsx is the default format");
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["Statement of Applicability"]);
    let range = book.worksheet_range("Statement of Applicability").unwrap();
    let rows = soa_rows("partial");
    assert_eq!(range.height(), rows.len() + 1);
    for (at, row) in rows.iter().enumerate() {
        for (col, (_, value)) in row.iter().enumerate() {
            let got = range.get((at + 1, col)).cloned().unwrap_or(Data::Empty);
            let got = if got == Data::Empty {
                String::new()
            } else {
                got.to_string()
            };
            assert_eq!(&got, value, "row {at} column {col}");
        }
    }
    let stdout = soc2_ready()
        .arg("soa")
        .arg(fixture("partial"))
        .args(["--output", "-"])
        .output()
        .unwrap();
    assert_eq!(
        stdout.status.code(),
        Some(2),
        "no workbook on standard output"
    );
}
