//! `soc2-ready sheet export|import` on the real binary: CSV and XLSX sheets out and back
//! (the XLSX rewritten by another writer, as a spreadsheet saves it), the workbook's
//! drop-downs, locked id column, hidden export columns and frozen header, the filters, and
//! the refusals: one bad row refuses the file and leaves the assessment byte for byte
//! as it was; an answer changed since the export is a conflict, never overwritten.

mod sheet_support;

use std::fs;

use calamine::Data;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sheet_support::{Team, fill, part, questions, read_csv, text, write_csv};

#[test]
fn a_csv_sheet_goes_out_and_comes_back_as_a_diff() {
    let team = Team::new();
    let out = team.export("csv", "cc6.csv", &["--criteria", "CC6.1"]);
    let mut rows = read_csv(&out);
    assert_eq!(
        &rows[0][..11],
        [
            "id",
            "criterion",
            "control",
            "question",
            "why_it_matters",
            "auditor_asks_for",
            "answer",
            "na_reason",
            "note",
            "owner",
            "due"
        ]
    );
    assert!(rows[1..].iter().all(|row| row[1].contains("CC6.1")));
    fill(
        &mut rows,
        "CC6.1.mfa",
        &[
            ("answer", "Evidenced"),
            ("note", "=HYPERLINK(\"x\")"),
            ("due", "2027-01-31"),
        ],
    );
    fill(
        &mut rows,
        "CC6.1.sso",
        &[("answer", "x"), ("na_reason", "No SaaS in scope")],
    );
    fill(
        &mut rows,
        "CC6.1.data-classification",
        &[("answer", "2"), ("owner", "Lee")],
    );
    let filled = team.file("filled.csv");
    write_csv(&filled, &rows);

    let dry = team.import(&filled, &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("nothing was changed (--dry-run)"));
    assert!(team.record("CC6.1.mfa").contains("answer = \"planned\""));

    let output = team.import(&filled, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for line in [
        "CC6.1.mfa answer: planned → evidenced\n",
        "CC6.1.mfa due: (none) → 2027-01-31\n",
        "CC6.1.sso answer: in_place → na\n",
        "CC6.1.sso na_reason: (none) → \"No SaaS in scope\"\n",
        "CC6.1.data-classification owner: (none) → \"Lee\"\n",
        "changed 7 field(s) of 3 question(s)\n",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    let mfa = team.record("CC6.1.mfa");
    assert!(
        mfa.contains("answer = \"evidenced\"") && mfa.contains("owner = \"Dana\""),
        "{mfa}"
    );
    assert!(
        mfa.contains("note = '=HYPERLINK(\"x\")'"),
        "the formula-like note is text: {mfa}"
    );
    assert!(
        team.record("CC6.1.data-classification")
            .contains("answer = \"in_place\"")
    );

    // The same sheet again changes nothing, and the file is not rewritten.
    let before = team.text();
    let again = team.import(&filled, &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again.stdout).contains("no changes"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(team.text(), before);
}

#[test]
fn exported_cells_are_spreadsheet_safe_and_read_back_as_written() {
    let team = Team::new();
    team.ok(&[
        "answer",
        team.arg(),
        "CC6.1.mfa",
        "planned",
        "--note",
        "=cmd|' /C calc'!A0",
    ]);
    let out = team.export("csv", "s.csv", &["--criteria", "CC6.1"]);
    let rows = read_csv(&out);
    let mfa = rows.iter().find(|row| row[0] == "CC6.1.mfa").unwrap();
    let note = rows[0].iter().position(|name| name == "note").unwrap();
    assert_eq!(mfa[note], "'=cmd|' /C calc'!A0");
    let output = team.import(&out, &[]);
    assert!(
        text(&output.stdout).contains("no changes"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn an_xlsx_sheet_has_drop_downs_a_locked_id_column_and_frozen_headers() {
    let team = Team::new();
    let out = team.export("xlsx", "cc6.xlsx", &["--criteria", "CC6"]);
    let xml = part(&out, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection"), "protected");
    assert!(
        xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""),
        "frozen header"
    );
    assert!(xml.contains("<dataValidation type=\"list\""), "drop-downs");
    assert!(xml.contains(
        "<formula1>\"not_in_place,planned,in_place,evidenced,operating,na,unsure\"</formula1>"
    ));
    assert!(
        xml.contains("<dataValidation type=\"date\""),
        "due is checked as a date"
    );
    assert_eq!(
        xml.matches("hidden=\"1\"").count(),
        5,
        "the exported_ columns are hidden"
    );
    let styles = part(&out, "xl/styles.xml");
    assert!(
        styles.contains("locked=\"0\""),
        "the columns to fill are unlocked"
    );
    assert!(styles.contains("wrapText=\"1\""));
    let range = questions(&out);
    assert_eq!(range.get((0, 0)), Some(&Data::String("id".into())));
    let criteria: Vec<String> = (1..range.height())
        .map(|row| range.get((row, 1)).unwrap().to_string())
        .collect();
    assert!(criteria.iter().all(|c| c.contains("CC6.")), "{criteria:?}");
    assert!(
        criteria.iter().any(|c| c.starts_with("CC1.4, ")),
        "also_supports counts: {criteria:?}"
    );
    assert!(
        (1..range.height())
            .any(|row| range.get((row, 0)) == Some(&Data::String("CC6.1.mfa".into())))
    );
}

#[test]
fn a_yes_no_question_offers_yes_and_no() {
    let team = Team::new();
    let out = team.export("xlsx", "all.xlsx", &[]);
    let xml = part(&out, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains("<formula1>\"yes,no,na,unsure\"</formula1>"),
        "yes/no list"
    );
}

#[test]
fn an_xlsx_sheet_saved_by_another_spreadsheet_comes_back() {
    let team = Team::new();
    let out = team.export("xlsx", "cc6.xlsx", &["--criteria", "CC6.1"]);
    let range = questions(&out);
    let header: Vec<String> = (0..range.width())
        .map(|col| range.get((0, col)).unwrap().to_string())
        .collect();
    let col = |name: &str| u16::try_from(header.iter().position(|h| h == name).unwrap()).unwrap();
    // Rewrite the workbook as a spreadsheet saves it: typed numbers and real dates.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Questions").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut mfa_row = 0;
    for row in 0..range.height() {
        let at = u32::try_from(row).unwrap();
        for c in 0..range.width() {
            if let Some(Data::String(value)) = range.get((row, c)) {
                sheet
                    .write_string(at, u16::try_from(c).unwrap(), value)
                    .unwrap();
            }
        }
        if range.get((row, 0)) == Some(&Data::String("CC6.1.mfa".into())) {
            mfa_row = at;
            sheet.write_number(at, col("answer"), 3).unwrap();
            let due = ExcelDateTime::from_ymd(2027, 2, 15).unwrap();
            sheet
                .write_datetime_with_format(at, col("due"), &due, &date)
                .unwrap();
            sheet
                .write_string(at, col("note"), "Okta MFA for everyone")
                .unwrap();
        }
    }
    let filled = team.file("filled.xlsx");
    book.save(&filled).unwrap();
    let output = team.import(&filled, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("CC6.1.mfa answer: planned → evidenced"),
        "{stdout}"
    );
    assert!(
        stdout.contains("CC6.1.mfa due: (none) → 2027-02-15"),
        "{stdout}"
    );
    let mfa = team.record("CC6.1.mfa");
    assert!(
        mfa.contains("due = \"2027-02-15\"") && mfa.contains("note = \"Okta MFA for everyone\""),
        "{mfa}"
    );

    // A bad cell in a workbook is named by its cell.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Questions").unwrap();
    sheet.write_string(0, 0, "id").unwrap();
    sheet.write_string(0, 1, "answer").unwrap();
    sheet.write_string(mfa_row, 0, "CC6.1.mfa").unwrap();
    sheet.write_string(mfa_row, 1, "done").unwrap();
    let bad = team.file("bad.xlsx");
    book.save(&bad).unwrap();
    let before = fs::read(&team.path).unwrap();
    let output = team.import(&bad, &[]);
    assert_eq!(output.status.code(), Some(2));
    let cell = format!(
        "bad.xlsx, cell B{}: CC6.1.mfa: field `answer`: \"done\" is not an answer",
        mfa_row + 1
    );
    assert!(
        text(&output.stderr).contains(&cell),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(fs::read(&team.path).unwrap(), before);
}

#[test]
fn one_bad_row_refuses_the_whole_file_and_changes_nothing() {
    let team = Team::new();
    let out = team.export("csv", "s.csv", &["--criteria", "CC6.1"]);
    let good = read_csv(&out);
    // Each case: the cells set on the SSO row, the message, and what the located cell
    // holds in the file.
    let cases: [(Cells, &str, &str); 4] = [
        (
            &[("answer", "sometimes")],
            "field `answer`: \"sometimes\" is not an answer to this question; expected not_in_place",
            "sometimes",
        ),
        (
            &[("answer", "na"), ("na_reason", "")],
            "field `na_reason`: N/A needs a one-line justification",
            ",",
        ),
        (
            &[("due", "31/12/2027")],
            "field `due`: expected a date such as 2027-01-31 (YYYY-MM-DD), found \"31/12/2027\"",
            "31/12/2027",
        ),
        (
            &[("id", "CC6.1.nope")],
            "CC6.1.nope: field `id`: unknown question id",
            "CC6.1.nope",
        ),
    ];
    for (cells, message, at) in cases {
        let mut rows = good.clone();
        fill(&mut rows, "CC6.1.mfa", &[("answer", "operating")]);
        fill(&mut rows, "CC6.1.sso", cells);
        let bad = team.file("bad.csv");
        write_csv(&bad, &rows);
        let before = fs::read(&team.path).unwrap();
        let output = team.import(&bad, &[]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{message}: {stderr}");
        assert!(
            stderr.contains("bad.csv was not imported, nothing was changed (1 problem)"),
            "{stderr}"
        );
        assert!(stderr.contains(message), "{message}\n{stderr}");
        let (line, column) = place(&stderr, "bad.csv:");
        let written = fs::read_to_string(&bad).unwrap();
        let cell: String = written
            .lines()
            .nth(line - 1)
            .unwrap()
            .chars()
            .skip(column - 1)
            .collect();
        assert!(
            cell.starts_with(at),
            "{message}: line {line} column {column} holds {cell}"
        );
        assert_eq!(
            fs::read(&team.path).unwrap(),
            before,
            "{message}: the file is untouched"
        );
    }
}

#[test]
fn an_answer_changed_since_the_export_is_a_conflict_and_kept() {
    let team = Team::new();
    let out = team.export("csv", "s.csv", &["--criteria", "CC6.1"]);
    team.ok(&["answer", team.arg(), "CC6.1.mfa", "in_place"]);
    let mut rows = read_csv(&out);
    fill(
        &mut rows,
        "CC6.1.mfa",
        &[("answer", "operating"), ("note", "all staff")],
    );
    fill(&mut rows, "CC6.1.sso", &[("answer", "evidenced")]);
    let filled = team.file("filled.csv");
    write_csv(&filled, &rows);
    let output = team.import(&filled, &[]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("CC6.1.mfa answer: exported planned, now in_place in the assessment (kept), the sheet says operating"),
        "{stderr}"
    );
    assert!(text(&output.stdout).contains("CC6.1.sso answer: in_place → evidenced"));
    let mfa = team.record("CC6.1.mfa");
    assert!(
        mfa.contains("answer = \"in_place\"") && !mfa.contains("all staff"),
        "{mfa}"
    );
    assert!(team.record("CC6.1.sso").contains("answer = \"evidenced\""));
}

#[test]
fn filters_pick_an_owner_or_criteria_and_refuse_what_matches_nothing() {
    let team = Team::new();
    let out = team.export("csv", "dana.csv", &["--owner", "dana"]);
    let ids: Vec<String> = read_csv(&out)[1..]
        .iter()
        .map(|row| row[0].clone())
        .collect();
    assert_eq!(ids, ["CC6.1.mfa"]);
    let out = team.export("csv", "both.csv", &["--criteria", "CC6,CC7"]);
    let rows = read_csv(&out);
    assert!(
        rows[1..]
            .iter()
            .all(|row| row[1].contains("CC6.") || row[1].contains("CC7."))
    );
    assert!(rows[1..].iter().any(|row| row[1].starts_with("CC7.")));
    for (args, message) in [
        (
            &["--criteria", "CC99"][..],
            "--criteria: no question counts toward CC99",
        ),
        (
            &["--owner", "Nobody"][..],
            "no question in scope matches owner Nobody",
        ),
    ] {
        let mut all = vec!["sheet", "export", team.arg(), "--format", "csv", "--output"];
        let none = team.file("none.csv");
        all.push(none.to_str().unwrap());
        all.extend_from_slice(args);
        let output = team.run(&all);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            text(&output.stderr).contains(message),
            "{}",
            text(&output.stderr)
        );
        assert!(!none.exists());
    }
}

#[test]
fn a_sheet_is_never_written_over_an_assessment() {
    let team = Team::new();
    let before = team.text();
    let output = team.run(&[
        "sheet",
        "export",
        team.arg(),
        "--format",
        "csv",
        "--output",
        team.arg(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert_eq!(team.text(), before);
}

/// Cells to set in a row: `(column, text)` pairs.
type Cells = &'static [(&'static str, &'static str)];

/// The line and column of the first `FILE:LINE:COLUMN:` in `stderr`.
fn place(stderr: &str, file: &str) -> (usize, usize) {
    let start = stderr
        .find(file)
        .unwrap_or_else(|| panic!("{file} is named: {stderr}"));
    let mut parts = stderr[start + file.len()..].split(':');
    let mut number = || {
        parts
            .next()
            .and_then(|part| part.parse().ok())
            .expect("a number")
    };
    (number(), number())
}
