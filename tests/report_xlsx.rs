//! The XLSX workbook (`report --format xlsx`), read back with calamine: its sheets, the same
//! gaps in the same order as the JSON report and `score`, one Answers row per question in
//! scope, the periodic controls, real dates and percentages, and hostile user text kept as
//! plain text (never a formula).

mod report_support;

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use report_support::{FIXTURES, fixture, json, render_to, soc2_ready};

type Book = Xlsx<Cursor<Vec<u8>>>;

/// The workbook of fixture `name`, written to a temporary folder.
fn workbook_of(name: &str) -> Book {
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_to(name, "xlsx", &dir.path().join("report.xlsx"));
    open_workbook_from_rs(Cursor::new(bytes)).expect("an XLSX workbook")
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|error| panic!("sheet {name}: {error}"))
}

/// The 0-based column whose header (row 0) is `title`.
fn column(range: &Range<Data>, title: &str) -> usize {
    (0..range.width())
        .find(|&col| range.get((0, col)) == Some(&Data::String(title.to_string())))
        .unwrap_or_else(|| panic!("no column {title}"))
}

fn cell(range: &Range<Data>, row: usize, title: &str) -> String {
    range
        .get((row, column(range, title)))
        .map(|data| data.to_string())
        .unwrap_or_default()
}

#[test]
fn every_fixture_has_the_sheets_and_the_gaps_of_the_json_report() {
    for name in FIXTURES {
        let mut book = workbook_of(name);
        assert_eq!(
            book.sheet_names(),
            ["Summary", "Gaps", "Answers", "Owners", "Calendar"],
            "{name}"
        );
        let model = json(name);
        let gaps = model["gaps"].as_array().unwrap();
        let sheet_gaps = sheet(&mut book, "Gaps");
        assert_eq!(
            sheet_gaps.height() - 1,
            gaps.len(),
            "{name}: one row per gap"
        );
        for (row, gap) in (1..).zip(gaps) {
            assert_eq!(
                cell(&sheet_gaps, row, "Question ID"),
                gap["id"].as_str().unwrap()
            );
            assert_eq!(cell(&sheet_gaps, row, "Rank"), gap["rank"].to_string());
            assert_eq!(
                cell(&sheet_gaps, row, "Severity").to_lowercase(),
                gap["severity"].as_str().unwrap()
            );
        }
        let answers = sheet(&mut book, "Answers");
        assert_eq!(
            answers.height() as u64 - 1,
            model["tally"]["questions"].as_u64().unwrap(),
            "{name}: one Answers row per question in scope"
        );
        let calendar = sheet(&mut book, "Calendar");
        let schedule = model["schedule"].as_array().unwrap();
        assert_eq!(calendar.height().max(1) - 1, schedule.len(), "{name}");
        let owners = sheet(&mut book, "Owners");
        assert_eq!(
            owners.height().max(1) - 1,
            model["owners"].as_array().unwrap().len()
        );
    }
}

/// The XML of the workbook's `n`th sheet (1-based), as the ZIP container holds it.
fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP container");
    let mut file = archive
        .by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .expect("the sheet");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).unwrap();
    xml
}

#[test]
fn tables_have_a_frozen_filtered_header_and_the_gaps_coloured_severities() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = render_to("early-stage", "xlsx", &dir.path().join("report.xlsx"));
    for sheet in 2..=5 {
        let xml = sheet_xml(&bytes, sheet);
        assert!(
            xml.contains(r#"ySplit="1""#),
            "sheet {sheet}: frozen header"
        );
        assert!(
            xml.contains("<autoFilter ref="),
            "sheet {sheet}: auto-filter"
        );
        assert!(xml.contains("<col "), "sheet {sheet}: column widths");
    }
    let gaps = sheet_xml(&bytes, 2);
    for severity in ["Critical", "High", "Medium", "Low"] {
        assert!(
            gaps.contains(&format!(r#"operator="beginsWith" text="{severity}""#)),
            "a conditional format for {severity}"
        );
    }
    assert!(gaps.contains("<conditionalFormatting sqref=\"B2:B"));
}

#[test]
fn the_gap_count_matches_score() {
    let output = soc2_ready()
        .args(["score", fixture("early-stage").to_str().unwrap()])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let score: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut book = workbook_of("early-stage");
    let gaps = sheet(&mut book, "Gaps");
    let ids: Vec<String> = (1..gaps.height())
        .map(|row| cell(&gaps, row, "Question ID"))
        .collect();
    let expected: Vec<String> = score["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|gap| gap["question"].as_str().unwrap().to_string())
        .collect();
    assert!(!ids.is_empty());
    assert_eq!(ids, expected);
}

/// The fixture with hostile text in every field the export files carry.
const HOSTILE: &str = "export-hostile";

#[test]
fn hostile_text_stays_text_and_dates_and_percentages_are_numbers() {
    let mut book = workbook_of(HOSTILE);
    let gaps = sheet(&mut book, "Gaps");
    let row = (1..gaps.height())
        .find(|&row| cell(&gaps, row, "Question ID") == "CC6.1.mfa")
        .expect("the MFA gap");
    let owner = gaps.get((row, column(&gaps, "Owner"))).unwrap();
    assert_eq!(owner, &Data::String("=cmd|' /C calc'!A0".into()));
    let note = cell(&gaps, row, "Note");
    assert_eq!(
        note,
        "Rollout \"phase 2\", then the rest;\nsecond line: 多要素認証は来月"
    );
    let Some(Data::DateTime(due)) = gaps.get((row, column(&gaps, "Due"))) else {
        panic!("the due date is a real date");
    };
    assert_eq!(due.to_ymd_hms_milli(), (2027, 1, 31, 0, 0, 0, 0));
    for sheet_name in ["Summary", "Gaps", "Answers", "Owners", "Calendar"] {
        let formulas = book.worksheet_formula(sheet_name).unwrap();
        assert!(
            formulas
                .used_cells()
                .all(|(_, _, formula)| formula.is_empty()),
            "{sheet_name} holds a formula"
        );
    }
    let summary = sheet(&mut book, "Summary");
    let assessor = (0..summary.height())
        .find(|&row| summary.get((row, 0)) == Some(&Data::String("Assessor".into())))
        .unwrap();
    assert_eq!(
        summary.get((assessor, 1)),
        Some(&Data::String(
            "=HYPERLINK(\"http://evil.example\",\"click\")".into()
        ))
    );
    let readiness = (0..summary.height())
        .find(|&row| summary.get((row, 0)) == Some(&Data::String("Compliance".into())))
        .expect("the compliance stage row");
    assert!(
        matches!(summary.get((readiness, 1)), Some(Data::Float(f)) if (0.0..=1.0).contains(f)),
        "readiness is a fraction shown as a percent: {:?}",
        summary.get((readiness, 1))
    );
    assert_eq!(
        book.sheet_names().last().map(String::as_str),
        Some("Coverage"),
        "evidence is logged, so the workbook has a Coverage sheet"
    );
    let coverage = sheet(&mut book, "Coverage");
    let covered: Vec<String> = (1..coverage.height())
        .map(|row| cell(&coverage, row, "Question ID"))
        .collect();
    assert_eq!(covered, ["CC4.1.penetration-test", "CC6.3.access-reviews"]);
    assert_eq!(cell(&coverage, 2, "Status"), "out of period");
    assert!(matches!(
        coverage.get((1, column(&coverage, "Window from"))),
        Some(Data::DateTime(_))
    ));
    let calendar = sheet(&mut book, "Calendar");
    assert_eq!(calendar.height() - 1, 2, "the two logged periodic controls");
    assert_eq!(cell(&calendar, 1, "Question ID"), "CC6.3.access-reviews");
    assert_eq!(cell(&calendar, 1, "State"), "overdue");
    assert_eq!(cell(&calendar, 1, "Owner"), "Dana, Security; \"lead\"");
}

#[test]
fn a_workbook_is_refused_on_standard_output_and_the_same_each_time() {
    let output = soc2_ready()
        .arg("report")
        .arg(fixture(HOSTILE))
        .args(["--format", "xlsx", "--output", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("XLSX files cannot be written to standard output"),
        "{stderr}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.xlsx");
    let bytes = render_to("partial", "xlsx", &out);
    assert!(bytes.starts_with(b"PK"), "a ZIP container");
    let again = render_to("partial", "xlsx", &dir.path().join("again.xlsx"));
    assert!(
        bytes == again,
        "the same report on the same day is the same file"
    );
}
