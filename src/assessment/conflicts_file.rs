//! The schema-5 part of the assessment file: `[conflicts."CC6.1.mfa".answer]` tables with
//! `theirs` and `base`, one table per conflicting field, read back with located errors.

use std::collections::BTreeMap;

use serde::Serialize;
use toml::de::{DeTable, DeValue};

use super::conflicts::{self, Conflicts, FieldConflict};
use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// One conflicting field as written.
#[derive(Serialize)]
pub(super) struct ConflictOut<'a> {
    theirs: &'a str,
    base: &'a str,
}

/// The conflicts as written: by subject, then field.
pub(super) type ConflictsOut<'a> = BTreeMap<&'a str, BTreeMap<&'a str, ConflictOut<'a>>>;

/// The writer's view of `conflicts`.
pub(super) fn conflicts_out(conflicts: &Conflicts) -> ConflictsOut<'_> {
    conflicts
        .iter()
        .map(|(subject, fields)| {
            let fields = fields
                .iter()
                .map(|(field, conflict)| {
                    let out = ConflictOut {
                        theirs: &conflict.theirs,
                        base: &conflict.base,
                    };
                    (field.as_str(), out)
                })
                .collect();
            (subject.as_str(), fields)
        })
        .collect()
}

/// Reads the `[conflicts]` table.
pub(super) fn read_conflicts(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    problems: &mut Vec<Problem>,
) -> Conflicts {
    let mut conflicts = Conflicts::new();
    for (subject, value) in table {
        let subject = subject.get_ref().to_string();
        let DeValue::Table(fields_table) = value.get_ref() else {
            let found = value.get_ref().type_str();
            let problem =
                source.problem_at(value.span(), format!("expected a table, found {found}"));
            problems.push(problem.in_item(&format!("conflicts.{subject}")));
            continue;
        };
        for (field, value) in fields_table {
            let field = field.get_ref().to_string();
            let item = format!("conflicts.{subject}.{field}");
            let DeValue::Table(entry) = value.get_ref() else {
                let found = value.get_ref().type_str();
                let problem =
                    source.problem_at(value.span(), format!("expected a table, found {found}"));
                problems.push(problem.in_item(&item));
                continue;
            };
            let mut fields = Fields::new(source, entry, value.span());
            fields.set_item(&item);
            let theirs = fields.text("theirs").unwrap_or_default();
            let base = fields.text("base").unwrap_or_default();
            if let Err(message) = conflicts::check_field(&subject, &field, &theirs) {
                fields.report("theirs", message);
            }
            problems.extend(fields.finish());
            conflicts
                .entry(subject.clone())
                .or_default()
                .insert(field, FieldConflict { theirs, base });
        }
    }
    conflicts
}
