//! A sheet read back, checked and compared three ways: for each field, the value at
//! export (base), the assessment's value now, and the sheet's. A field the sheet changed
//! takes the sheet's value; changed in the assessment too (since the export), it is a
//! conflict and its row is left as it is. Any bad cell (an answer the question does not
//! take, N/A without a reason, a date that is not a date, an unknown or repeated id)
//! refuses the whole sheet, every bad cell located, so nothing is half applied.

use std::collections::BTreeSet;

use super::super::conflicts::set_record_field;
use super::super::{Answer, AnswerRecord, Assessment};
use super::{Cell, Field, ReadRow, ReadSheet};
use crate::diagnostics::Problem;
use crate::questionnaire::{Question, Questionnaire};
use crate::registers::input::date;

/// One field the sheet changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The question id.
    pub id: String,
    /// The field.
    pub field: Field,
    /// Its value now, as the assessment file writes it ("" for none).
    pub old: String,
    /// The sheet's value.
    pub new: String,
}

/// A field changed both in the sheet and in the assessment since the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The question id.
    pub id: String,
    /// The field.
    pub field: Field,
    /// Its value when the sheet was exported.
    pub exported: String,
    /// Its value in the assessment now (kept).
    pub current: String,
    /// The sheet's value (not applied).
    pub sheet: String,
}

/// What importing a sheet does: the changes to apply and the conflicts left alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Every field changed, in sheet order.
    pub changes: Vec<Change>,
    /// Every conflict, in sheet order; their rows change nothing.
    pub conflicts: Vec<Conflict>,
    /// How many data rows the sheet holds.
    pub rows: usize,
    /// The records as they become, by question id.
    records: Vec<(String, AnswerRecord)>,
}

impl Plan {
    /// How many questions change.
    pub fn questions_changed(&self) -> usize {
        self.records.len()
    }

    /// Applies the changes to `assessment` (the one the plan was made from).
    pub fn apply(&self, assessment: &mut Assessment) {
        for (id, record) in &self.records {
            assessment.edit(id, |old| *old = record.clone());
        }
    }
}

/// Checks `sheet` against `questionnaire` and compares it with `assessment`: the plan, or
/// every problem found (nothing may be applied then).
pub fn plan(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    sheet: &ReadSheet,
) -> Result<Plan, Vec<Problem>> {
    let mut plan = Plan {
        rows: sheet.rows.len(),
        ..Plan::default()
    };
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for row in &sheet.rows {
        let id = row.id.text.as_str();
        let fail = |cell: &Cell, field: &str, message: String| {
            sheet.problem(&cell.place, id, field, message)
        };
        if id.is_empty() {
            problems.push(fail(&row.id, "id", "the row has no question id".into()));
            continue;
        }
        let Some(question) = questionnaire
            .question(id)
            .or_else(|| questionnaire.replacement(id))
        else {
            problems.push(fail(
                &row.id,
                "id",
                "unknown question id (`soc2-ready questions` lists them)".into(),
            ));
            continue;
        };
        if !seen.insert(question.id.as_str()) {
            problems.push(fail(
                &row.id,
                "id",
                format!(
                    "{} has a row already; give each question one row",
                    question.id
                ),
            ));
            continue;
        }
        match compare(question, assessment, row) {
            Ok(Outcome::Conflicted(conflicts)) => plan.conflicts.extend(conflicts),
            Ok(Outcome::Changed(record, changes)) => {
                if !changes.is_empty() {
                    plan.records.push((question.id.clone(), record));
                    plan.changes.extend(changes);
                }
            }
            Err(bad) => problems.extend(
                bad.into_iter()
                    .map(|(cell, field, message)| fail(cell, field.key(), message)),
            ),
        }
    }
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems)
    }
}

/// What one row does.
enum Outcome {
    /// The record as it becomes, with the fields changed (none: the row changes nothing).
    Changed(AnswerRecord, Vec<Change>),
    /// The row conflicts with the assessment and is left as it is.
    Conflicted(Vec<Conflict>),
}

/// A bad cell: where, which field, why.
type Bad<'r> = (&'r Cell, Field, String);

/// Compares one row with the record of `question`.
fn compare<'r>(
    question: &Question,
    assessment: &Assessment,
    row: &'r ReadRow,
) -> Result<Outcome, Vec<Bad<'r>>> {
    let current = assessment.record(&question.id).cloned().unwrap_or_default();
    let mut record = current.clone();
    let (mut changes, mut conflicts, mut bad) = (Vec::new(), Vec::new(), Vec::new());
    for (&field, cell) in &row.fields {
        let sheet = match normalise(field, &cell.text, question) {
            Ok(value) => value,
            Err(why) => {
                bad.push((cell, field, why));
                continue;
            }
        };
        let now = field.text(&current);
        let base = row.exported.get(&field).map(|text| text.trim().to_string());
        let changed_here = base
            .as_ref()
            .map_or(!sheet.is_empty(), |base| sheet != *base);
        if !changed_here || sheet == now {
            continue;
        }
        if let Some(exported) = base.filter(|base| *base != now) {
            conflicts.push(Conflict {
                id: question.id.clone(),
                field,
                exported,
                current: now,
                sheet,
            });
            continue;
        }
        set_record_field(&mut record, field.key(), &sheet).expect("normalised values parse");
        changes.push(Change {
            id: question.id.clone(),
            field,
            old: now,
            new: sheet,
        });
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    if !conflicts.is_empty() {
        return Ok(Outcome::Conflicted(conflicts));
    }
    check_na_reason(question, row, &current, &mut record, &mut changes)?;
    Ok(Outcome::Changed(record, changes))
}

/// The N/A rules of `soc2-ready answer`: N/A needs a reason, and a reason belongs to an
/// N/A answer only (a row whose answer leaves N/A drops the old reason).
fn check_na_reason<'r>(
    question: &Question,
    row: &'r ReadRow,
    current: &AnswerRecord,
    record: &mut AnswerRecord,
    changes: &mut Vec<Change>,
) -> Result<(), Vec<Bad<'r>>> {
    let changed = |field| changes.iter().any(|change: &Change| change.field == field);
    let cell = |field| row.fields.get(&field).or(row.fields.get(&Field::Answer));
    let is_na = record.answer == Some(Answer::NotApplicable);
    if is_na
        && record.na_reason.trim().is_empty()
        && (changed(Field::Answer) || changed(Field::NaReason))
    {
        let cell = cell(Field::NaReason).unwrap_or(&row.id);
        return Err(vec![(
            cell,
            Field::NaReason,
            "N/A needs a one-line justification in na_reason (auditors ask)".into(),
        )]);
    }
    if !is_na && record.answer.is_some() && !record.na_reason.is_empty() {
        if changed(Field::NaReason) {
            let cell = cell(Field::NaReason).unwrap_or(&row.id);
            return Err(vec![(
                cell,
                Field::NaReason,
                format!(
                    "an N/A reason goes with the answer na, and this answer is {}; clear the reason or answer na",
                    record.answer.map_or("", Answer::key)
                ),
            )]);
        }
        if changed(Field::Answer) {
            record.na_reason.clear();
            changes.push(Change {
                id: question.id.clone(),
                field: Field::NaReason,
                old: current.na_reason.clone(),
                new: String::new(),
            });
        }
    }
    Ok(())
}

/// The cell's text as the assessment file writes the field, or why it is not a value of
/// the field.
fn normalise(field: Field, text: &str, question: &Question) -> Result<String, String> {
    let text = text.trim();
    match field {
        _ if text.is_empty() => Ok(String::new()),
        Field::Answer => Answer::parse_for(text, question).map(|answer| answer.key().to_string()),
        Field::Due => date("due", text).map(|day| day.to_string()).map_err(|_| {
            format!("expected a date such as 2027-01-31 (YYYY-MM-DD), found \"{text}\"")
        }),
        Field::Owner if text.chars().any(char::is_control) => {
            Err("the owner must be one line of plain text".into())
        }
        Field::Owner => Ok(text.to_string()),
        Field::Note | Field::NaReason => Ok(text.replace("\r\n", "\n")),
    }
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
