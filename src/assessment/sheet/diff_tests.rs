//! The three-way comparison and the refusals of [`super::plan`].

use std::collections::BTreeMap;

use super::*;
use crate::assessment::sheet::Place;
use crate::questionnaire::{Level, QuestionnaireSource, load};

fn questionnaire() -> Questionnaire {
    load(&QuestionnaireSource::BuiltIn).unwrap()
}

fn assessment() -> Assessment {
    let mut assessment = Assessment::new(
        "Acme",
        "Jane",
        jiff::civil::Date::constant(2026, 11, 24),
        crate::questionnaire::Target::Type2,
        [],
    );
    assessment.edit("CC6.1.mfa", |record| {
        record.answer = Some(Answer::Level(Level::Planned));
        record.owner = "Dana".into();
    });
    assessment
}

fn cell(line: usize, text: &str) -> Cell {
    Cell {
        text: text.into(),
        place: Place::Text { line, column: 1 },
    }
}

/// A row of `id` on `line`: `fields` as filled, `exported` as written at export.
fn row(line: usize, id: &str, fields: &[(Field, &str)], exported: &[(Field, &str)]) -> ReadRow {
    ReadRow {
        id: cell(line, id),
        fields: fields
            .iter()
            .map(|&(field, text)| (field, cell(line, text)))
            .collect(),
        exported: exported
            .iter()
            .map(|&(field, text)| (field, text.to_string()))
            .collect::<BTreeMap<_, _>>(),
    }
}

fn sheet(rows: Vec<ReadRow>) -> ReadSheet {
    ReadSheet {
        file: "s.csv".into(),
        rows,
    }
}

#[test]
fn a_field_the_sheet_changed_is_applied_and_one_it_left_is_not() {
    let questionnaire = questionnaire();
    let mut assessment = assessment();
    let filled = sheet(vec![row(
        2,
        "CC6.1.mfa",
        &[
            (Field::Answer, "Evidenced"),
            (Field::Owner, "Dana"),
            (Field::Due, "2027-01-31"),
        ],
        &[
            (Field::Answer, "planned"),
            (Field::Owner, "Dana"),
            (Field::Due, ""),
        ],
    )]);
    let plan = plan(&questionnaire, &assessment, &filled).unwrap();
    let fields: Vec<_> = plan
        .changes
        .iter()
        .map(|change| (change.field, change.new.as_str()))
        .collect();
    assert_eq!(
        fields,
        [(Field::Answer, "evidenced"), (Field::Due, "2027-01-31")]
    );
    assert_eq!(plan.questions_changed(), 1);
    plan.apply(&mut assessment);
    let record = assessment.record("CC6.1.mfa").unwrap();
    assert_eq!(record.answer, Some(Answer::Level(Level::Evidenced)));
    assert_eq!(record.owner, "Dana");
}

#[test]
fn a_field_changed_on_both_sides_is_a_conflict_and_its_row_is_left() {
    let questionnaire = questionnaire();
    let mut assessment = assessment();
    assessment.set_answer("CC6.1.mfa", Some(Answer::Level(Level::InPlace)));
    let filled = sheet(vec![
        row(
            2,
            "CC6.1.mfa",
            &[(Field::Answer, "evidenced"), (Field::Note, "new note")],
            &[(Field::Answer, "planned"), (Field::Note, "")],
        ),
        row(
            3,
            "CC6.2.access-approval",
            &[(Field::Answer, "2")],
            &[(Field::Answer, "")],
        ),
    ]);
    let plan = plan(&questionnaire, &assessment, &filled).unwrap();
    assert_eq!(
        plan.conflicts,
        [Conflict {
            id: "CC6.1.mfa".into(),
            field: Field::Answer,
            exported: "planned".into(),
            current: "in_place".into(),
            sheet: "evidenced".into(),
        }]
    );
    assert_eq!(
        plan.changes.len(),
        1,
        "only the other row: {:?}",
        plan.changes
    );
    plan.apply(&mut assessment);
    assert_eq!(
        assessment.record("CC6.1.mfa").unwrap().note,
        "",
        "the row is left"
    );
    assert_eq!(
        assessment.answer("CC6.2.access-approval"),
        Some(Answer::Level(Level::InPlace))
    );
}

#[test]
fn the_same_change_on_both_sides_and_a_change_only_in_the_assessment_are_no_changes() {
    let questionnaire = questionnaire();
    let mut assessment = assessment();
    assessment.set_answer("CC6.1.mfa", Some(Answer::Level(Level::InPlace)));
    for answer in ["in_place", "planned"] {
        let filled = sheet(vec![row(
            2,
            "CC6.1.mfa",
            &[(Field::Answer, answer)],
            &[(Field::Answer, "planned")],
        )]);
        let plan = plan(&questionnaire, &assessment, &filled).unwrap();
        assert!(
            plan.changes.is_empty() && plan.conflicts.is_empty(),
            "{answer}: {plan:?}"
        );
    }
}

#[test]
fn without_exported_columns_a_filled_cell_wins_and_an_empty_one_changes_nothing() {
    let questionnaire = questionnaire();
    let assessment = assessment();
    let filled = sheet(vec![row(
        2,
        "CC6.1.mfa",
        &[(Field::Answer, "3"), (Field::Owner, "")],
        &[],
    )]);
    let plan = plan(&questionnaire, &assessment, &filled).unwrap();
    assert_eq!(plan.changes.len(), 1);
    assert_eq!(plan.changes[0].old, "planned");
    assert_eq!(plan.changes[0].new, "evidenced");
}

#[test]
fn every_bad_cell_is_refused_with_its_place() {
    let questionnaire = questionnaire();
    let assessment = assessment();
    let filled = sheet(vec![
        row(2, "CC6.1.mfa", &[(Field::Answer, "maybe")], &[]),
        row(
            3,
            "CC6.2.access-approval",
            &[(Field::Answer, "na"), (Field::NaReason, "")],
            &[],
        ),
        row(
            4,
            "CC6.3.least-privilege",
            &[(Field::Due, "31/01/2027")],
            &[],
        ),
        row(5, "CC6.1.nope", &[(Field::Answer, "3")], &[]),
        row(6, "", &[(Field::Answer, "3")], &[]),
        row(7, "CC6.1.mfa", &[], &[]),
        row(
            8,
            "CC6.4.office-access",
            &[(Field::Answer, "2"), (Field::NaReason, "remote")],
            &[],
        ),
    ]);
    let problems = plan(&questionnaire, &assessment, &filled).unwrap_err();
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expected = [
        "s.csv:2:1: CC6.1.mfa: field `answer`: \"maybe\" is not an answer",
        "s.csv:3:1: CC6.2.access-approval: field `na_reason`: N/A needs",
        "s.csv:4:1: CC6.3.least-privilege: field `due`: expected a date",
        "s.csv:5:1: CC6.1.nope: field `id`: unknown question id",
        "s.csv:6:1: field `id`: the row has no question id",
        "s.csv:7:1: CC6.1.mfa: field `id`: CC6.1.mfa has a row already",
        "s.csv:8:1: CC6.4.office-access: field `na_reason`: an N/A reason goes with the answer na",
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, start) in lines.iter().zip(expected) {
        assert!(line.starts_with(start), "{line}\nshould start {start}");
    }
}

#[test]
fn leaving_na_drops_the_reason_and_a_kept_reason_serves_a_new_na() {
    let questionnaire = questionnaire();
    let mut assessment = assessment();
    assessment.edit("CC6.4.office-access", |record| {
        record.answer = Some(Answer::NotApplicable);
        record.na_reason = "fully remote".into();
    });
    let filled = sheet(vec![row(
        2,
        "CC6.4.office-access",
        &[
            (Field::Answer, "in_place"),
            (Field::NaReason, "fully remote"),
        ],
        &[(Field::Answer, "na"), (Field::NaReason, "fully remote")],
    )]);
    let left = plan(&questionnaire, &assessment, &filled).unwrap();
    assert_eq!(
        left.changes
            .iter()
            .map(|change| change.field)
            .collect::<Vec<_>>(),
        [Field::Answer, Field::NaReason]
    );
    left.apply(&mut assessment);
    assert_eq!(
        assessment.record("CC6.4.office-access").unwrap().na_reason,
        ""
    );

    let mut assessment = self::assessment();
    assessment.edit("CC6.4.office-access", |record| {
        record.na_reason = "fully remote".into()
    });
    let filled = sheet(vec![row(
        2,
        "CC6.4.office-access",
        &[(Field::Answer, "x")],
        &[],
    )]);
    let kept = plan(&questionnaire, &assessment, &filled).unwrap();
    assert_eq!(kept.changes.len(), 1, "the kept reason serves: {kept:?}");
}

#[test]
fn an_xlsx_cell_names_itself_in_the_message() {
    let questionnaire = questionnaire();
    let mut filled = sheet(vec![row(2, "CC6.1.mfa", &[(Field::Answer, "maybe")], &[])]);
    filled.file = "s.xlsx".into();
    filled.rows[0].fields.get_mut(&Field::Answer).unwrap().place = Place::Cell("G2".into());
    let problems = plan(&questionnaire, &assessment(), &filled).unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .starts_with("s.xlsx, cell G2: CC6.1.mfa: field `answer`: \"maybe\""),
        "{}",
        problems[0]
    );
}
