//! `soc2-ready sheet` with XLSX workbooks on the real binary: the drop-downs per answer
//! scale, the locked id column, hidden export columns and frozen header (checked in the
//! unzipped XML), the workbook read back as written, and one rewritten by another writer
//! (typed numbers, real dates) coming back, with a bad cell named by its cell.

mod sheet_support;

use std::fs;

use calamine::Data;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sheet_support::{Team, part, questions, text};

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

    // Read back as written, the sheet changes nothing.
    let output = team.import(&out, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("cc6.xlsx: no changes"),
        "{}",
        text(&output.stdout)
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
