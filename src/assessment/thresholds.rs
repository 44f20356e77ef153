//! Verdict thresholds as written in a file: the `[thresholds]` table that both an
//! assessment (what a client engagement agreed) and the user's config file may carry.
//! Reading checks each value is a fraction from 0 to 1 and that "getting there" stays
//! below "ready", reporting every problem with its place.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// The built-in "Ready" threshold: 85 % with no key control short.
pub const DEFAULT_READY: f64 = 0.85;
/// The built-in "Getting there" threshold: 50 %.
pub const DEFAULT_GETTING_THERE: f64 = 0.5;

/// The name of the table in files.
pub const TABLE: &str = "thresholds";

/// Thresholds set in one file; a value left out falls back to the next source.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Thresholds {
    /// Readiness needed, with no key control short, for "Ready".
    pub ready: Option<f64>,
    /// Readiness needed for "Getting there".
    pub getting_there: Option<f64>,
}

/// The `[thresholds]` table read from a file, with the line of each value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadThresholds {
    /// The values.
    pub values: Thresholds,
    /// 1-based line of `ready`, when set.
    pub ready_line: Option<usize>,
    /// 1-based line of `getting_there`, when set.
    pub getting_there_line: Option<usize>,
}

/// Reads a `[thresholds]` table. `fallback` gives the values a missing key falls back to,
/// so that "getting there" is checked against the "ready" that will really apply; with no
/// fallback (both keys are required) the order is checked only when both are set.
pub fn read(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    fallback: Option<(f64, f64)>,
) -> (ReadThresholds, Vec<Problem>) {
    let mut fields = Fields::new(source, table, span);
    fields.set_item(TABLE);
    let mut read = ReadThresholds::default();
    read.values.ready = fraction(&mut fields, "ready");
    read.values.getting_there = fraction(&mut fields, "getting_there");
    let line = |key: &str| {
        table
            .get(key)
            .map(|value| source.line_column(value.span().start).0)
    };
    read.ready_line = line("ready");
    read.getting_there_line = line("getting_there");
    let values = read.values;
    let pair = match (values.ready, values.getting_there, fallback) {
        (Some(ready), Some(getting_there), _) => Some((ready, getting_there)),
        // A key that is written but wrong was reported already: no second message.
        (Some(ready), None, Some((_, fallback))) if table.get("getting_there").is_none() => {
            Some((ready, fallback))
        }
        (None, Some(getting_there), Some((fallback, _))) if table.get("ready").is_none() => {
            Some((fallback, getting_there))
        }
        _ => None,
    };
    if let Some((ready, getting_there)) = pair
        && getting_there >= ready
    {
        let (field, message) = if read.values.getting_there.is_some() {
            (
                "getting_there",
                format!("must be below `ready` ({ready}), found {getting_there}"),
            )
        } else {
            (
                "ready",
                format!(
                    "must be above `getting_there`, which is {getting_there} unless you set it too; found {ready}"
                ),
            )
        };
        fields.report(field, message);
    }
    (read, fields.finish())
}

/// An engagement's thresholds: both values, since half an agreement would mix in whatever
/// the user's config says.
pub fn read_agreed(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    span: std::ops::Range<usize>,
    problems: &mut Vec<Problem>,
) -> Thresholds {
    let (read, found) = read(source, table, span.clone(), None);
    problems.extend(found);
    for (key, value) in [
        ("ready", read.values.ready),
        ("getting_there", read.values.getting_there),
    ] {
        if value.is_none() && table.get(key).is_none() {
            let problem = source
                .problem_at(
                    span.clone(),
                    "missing: an assessment's [thresholds] sets both `ready` and `getting_there`",
                )
                .in_item(TABLE)
                .in_field(key);
            problems.push(problem);
        }
    }
    read.values
}

/// A number from 0 to 1 (`0.85`; `1` and `0` may be written as whole numbers).
fn fraction(fields: &mut Fields<'_, '_>, key: &'static str) -> Option<f64> {
    let value = fields.value(key)?;
    let number = match value.get_ref() {
        DeValue::Float(number) => number.as_str().parse::<f64>().ok(),
        DeValue::Integer(number) => number.as_str().parse::<f64>().ok(),
        _ => None,
    };
    match number {
        Some(number) if (0.0..=1.0).contains(&number) => Some(number),
        Some(number) => {
            let hint = if (5.0..=100.0).contains(&number) {
                format!(" (write {} for {number} %)", number / 100.0)
            } else {
                String::new()
            };
            fields.report(
                key,
                format!("must be a fraction from 0 to 1, found {number}{hint}"),
            );
            None
        }
        None => {
            let found = value.get_ref().type_str();
            fields.report(
                key,
                format!("expected a number from 0 to 1 such as 0.85, found {found}"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toml_fields::parse_document;

    fn read_text(text: &str, fallback: (f64, f64)) -> (Thresholds, Vec<String>) {
        let source = SourceText::new("c.toml", text);
        let document = parse_document(source, text).unwrap();
        let value = document.get_ref().get(TABLE).unwrap();
        let DeValue::Table(table) = value.get_ref() else {
            panic!("not a table")
        };
        let (read, problems) = read(source, table, value.span(), Some(fallback));
        (
            read.values,
            problems.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn fractions_and_whole_numbers_are_read_with_their_lines() {
        let text = "[thresholds]\nready = 0.9\ngetting_there = 0\n";
        let source = SourceText::new("c.toml", text);
        let document = parse_document(source, text).unwrap();
        let value = document.get_ref().get(TABLE).unwrap();
        let DeValue::Table(table) = value.get_ref() else {
            panic!()
        };
        let (read, problems) = read(source, table, value.span(), Some((0.85, 0.5)));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(read.values.ready, Some(0.9));
        assert_eq!(read.values.getting_there, Some(0.0));
        assert_eq!(
            (read.ready_line, read.getting_there_line),
            (Some(2), Some(3))
        );
    }

    #[test]
    fn out_of_range_and_wrong_types_are_located() {
        let (values, problems) = read_text(
            "[thresholds]\nready = 85\ngetting_there = \"half\"\nrady = 1\n",
            (0.85, 0.5),
        );
        assert_eq!(values, Thresholds::default());
        assert_eq!(
            problems,
            [
                "c.toml:2:9: thresholds: field `ready`: must be a fraction from 0 to 1, found 85 (write 0.85 for 85 %)",
                "c.toml:3:17: thresholds: field `getting_there`: expected a number from 0 to 1 such as 0.85, found string",
                "c.toml:4:1: thresholds: field `rady`: unknown field (a typo?)",
            ]
        );
        let (_, problems) = read_text("[thresholds]\nready = -0.1\n", (0.85, 0.5));
        assert!(problems[0].contains("found -0.1"), "{problems:?}");
    }

    #[test]
    fn getting_there_must_stay_below_ready_even_against_the_fallback() {
        let (_, problems) = read_text(
            "[thresholds]\nready = 0.6\ngetting_there = 0.6\n",
            (0.85, 0.5),
        );
        assert_eq!(
            problems,
            [
                "c.toml:3:17: thresholds: field `getting_there`: must be below `ready` (0.6), found 0.6"
            ]
        );
        // Only `ready` set, below the built-in "getting there": the message says why.
        let (_, problems) = read_text("[thresholds]\nready = 0.4\n", (0.85, 0.5));
        assert_eq!(
            problems,
            [
                "c.toml:2:9: thresholds: field `ready`: must be above `getting_there`, which is 0.5 unless you set it too; found 0.4"
            ]
        );
        let (values, problems) = read_text("[thresholds]\ngetting_there = 0.7\n", (0.85, 0.5));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(values.getting_there, Some(0.7));
    }
}
