//! `soc2-ready sheet export|import` on the real binary with CSV sheets (the workbooks are
//! in `sheets_xlsx.rs`): out and back as a diff, spreadsheet-safe cells, the filters, and
//! the refusals: one bad row refuses the file and leaves the assessment byte for byte
//! as it was; an answer changed since the export is a conflict, never overwritten.

mod sheet_support;

use std::fs;

use sheet_support::{Team, fill, read_csv, text, write_csv};

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
fn a_csv_sheet_can_go_to_standard_output_and_an_xlsx_cannot() {
    let team = Team::new();
    let csv = team.ok(&[
        "sheet",
        "export",
        team.arg(),
        "--format",
        "csv",
        "--owner",
        "Sam",
        "-o",
        "-",
    ]);
    assert!(csv.starts_with("\u{feff}id,criterion,"), "{csv}");
    assert_eq!(
        csv.lines()
            .filter(|line| line.starts_with("CC6.1.sso,"))
            .count(),
        1,
        "{csv}"
    );
    let output = team.run(&["sheet", "export", team.arg(), "--format", "xlsx", "-o", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot be written to standard output"));
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
