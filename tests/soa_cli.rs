//! The ISO/IEC 27001:2022 Statement of Applicability (`soc2-ready soa PATH --format
//! csv|xlsx|pdf`), read back with the csv crate, calamine and lopdf: all 93 Annex A controls in ISO
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

/// The SoA of fixture `name` as a PDF written with `args`, read back with lopdf: its
/// page count, its text with whitespace collapsed, and its Info title.
fn soa_pdf(name: &str, args: &[&str]) -> (usize, String, String, Vec<f32>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("soa.pdf");
    let output = soc2_ready()
        .arg("soa")
        .arg(fixture(name))
        .args(["--format", "pdf", "--output"])
        .arg(&out)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc = lopdf::Document::load(&out).expect("lopdf reads the SoA");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("an Info dictionary");
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    let first = doc.get_pages()[&1];
    let media_box: Vec<f32> = doc
        .get_dictionary(first)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|value| value.as_float().unwrap())
        .collect();
    (pages.len(), text, title, media_box)
}

#[test]
fn the_pdf_lists_every_control_by_theme_with_the_counts_of_the_csv() {
    let (pages, text, title, media_box) = soa_pdf("partial", &[]);
    assert!((2..=12).contains(&pages), "{pages} pages");
    assert!(title.starts_with("ISO/IEC 27001:2022 Statement of Applicability (draft): "));
    assert_eq!(media_box[2].round(), 595.0, "A4 by default");
    for theme in [
        "A.5 Organisational",
        "A.6 People",
        "A.7 Physical",
        "A.8 Technological",
    ] {
        assert!(text.contains(theme), "{theme} missing");
    }
    let rows = soa_rows("partial");
    let tokens: std::collections::HashSet<&str> = text.split(' ').collect();
    for row in &rows {
        let id = cell(row, "Control");
        assert!(tokens.contains(id), "{id} missing from the PDF");
    }
    let count =
        |column: &str, value: &str| rows.iter().filter(|row| cell(row, column) == value).count();
    let implemented = format!(
        "{} yes, {} partly, {} no, {} not answered yet",
        count("Implemented", "Yes"),
        count("Implemented", "Partly"),
        count("Implemented", "No"),
        count("Implemented", "Not answered yet")
    );
    assert!(text.contains(&implemented), "{implemented} missing");
    let assessed = rows.len() - count("Applicable", NOT_ASSESSED);
    assert!(text.contains(&format!("93 Annex A controls; {assessed} reached")));
    assert!(
        text.contains("not a certification"),
        "says SOC 2 is no certification"
    );
}

#[test]
fn the_pdf_takes_letter_paper_and_is_refused_on_standard_output() {
    let (_, _, _, media_box) = soa_pdf("partial", &["--paper", "letter"]);
    assert_eq!(media_box[2].round(), 612.0);
    let stdout = soc2_ready()
        .arg("soa")
        .arg(fixture("partial"))
        .args(["--format", "pdf", "--output", "-"])
        .output()
        .unwrap();
    assert_eq!(stdout.status.code(), Some(2), "no PDF on standard output");
}
