//! A checked reader over a parsed TOML table that keeps every span, so each problem it
//! finds (missing field, wrong type, empty text, unknown key) is reported with its place.
//! Both loaders use it; it never stops at the first problem.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Problem, SourceText};
use crate::text_safety::{first_unsafe, marker};

/// Parses a whole TOML document, turning every syntax error into a located problem.
pub fn parse_document<'i>(
    source: SourceText<'_>,
    text: &'i str,
) -> Result<Spanned<DeTable<'i>>, Vec<Problem>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Ok(table);
    }
    Err(errors
        .iter()
        .map(|error| {
            let message = error.message().trim();
            match error.span() {
                Some(span) => source.problem_at(span, format!("TOML syntax: {message}")),
                // The parser reports a key nested too deeply without a place: find it.
                None if message == "recursion limit" => {
                    let message = format!(
                        "TOML syntax: a key or table header is nested too deeply \
                         ({KEY_DEPTH_LIMIT} levels or more)"
                    );
                    match too_deep_key(text) {
                        Some(offset) => source.problem_at(offset..offset, message),
                        None => source.problem(message),
                    }
                }
                None => source.problem(format!("TOML syntax: {message}")),
            }
        })
        .collect())
}

/// How many dotted parts a key may have before the TOML parser refuses it.
const KEY_DEPTH_LIMIT: usize = 80;

/// The byte offset of the first line whose key or table header has at least
/// [`KEY_DEPTH_LIMIT`] dotted parts (dots inside quotes are counted too: a hint, not a parse).
fn too_deep_key(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let key = match line.trim_start() {
            header if header.starts_with('[') => header,
            assignment => assignment.split('=').next().unwrap_or(""),
        };
        if key.matches('.').count() + 1 >= KEY_DEPTH_LIMIT {
            return Some(offset + line.len() - line.trim_start().len());
        }
        offset += line.len();
    }
    None
}

/// Reads the fields of one table, remembering which keys were read and what went wrong.
pub struct Fields<'a, 'i> {
    source: SourceText<'a>,
    table: &'a DeTable<'i>,
    span: Range<usize>,
    item: Option<String>,
    read: Vec<&'static str>,
    problems: Vec<Problem>,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// A reader over `table`, whose own span locates problems about missing fields.
    pub fn new(source: SourceText<'a>, table: &'a DeTable<'i>, span: Range<usize>) -> Self {
        Self {
            source,
            table,
            span,
            item: None,
            read: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Attributes every later problem to the question or answer `item`.
    pub fn set_item(&mut self, item: &str) {
        self.item = Some(item.to_string());
    }

    /// Records a problem about `field`, located at `span`.
    pub fn report_at(&mut self, span: Range<usize>, field: &str, message: impl Into<String>) {
        let mut problem = self.source.problem_at(span, message).in_field(field);
        problem.item = self.item.clone();
        self.problems.push(problem);
    }

    /// Records a problem about the value of `field` (or the table when it is absent).
    pub fn report(&mut self, field: &str, message: impl Into<String>) {
        let span = self
            .table
            .get(field)
            .map_or_else(|| self.span.clone(), Spanned::span);
        self.report_at(span, field, message);
    }

    /// The raw value of `key`, marking the key as known.
    pub fn value(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.read.push(key);
        self.table.get(key)
    }

    /// A string field that must be present and not blank.
    pub fn required_text(&mut self, key: &'static str) -> Option<String> {
        if self.value(key).is_none() {
            self.report(key, "missing required field");
            return None;
        }
        let text = self.text(key)?;
        if text.trim().is_empty() {
            self.report(key, "must not be empty");
            return None;
        }
        Some(text)
    }

    /// A one-line string field that must be present, not blank, and free of control and
    /// bidirectional formatting characters (ids and titles, shown on every screen).
    pub fn required_line(&mut self, key: &'static str) -> Option<String> {
        let text = self.required_text(key)?;
        if let Some((position, c)) = first_unsafe(&text) {
            self.report(
                key,
                format!(
                    "must be one line of plain text, but character {position} is a control character ({})",
                    marker(c)
                ),
            );
            return None;
        }
        Some(text)
    }

    /// An optional string field.
    pub fn text(&mut self, key: &'static str) -> Option<String> {
        let value = self.value(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some(text.to_string()),
            other => {
                let found = other.type_str();
                self.report_at(value.span(), key, format!("expected text, found {found}"));
                None
            }
        }
    }

    /// A string field, or a TOML date/time written as is (kept as its text).
    pub fn text_or_datetime(&mut self, key: &'static str) -> Option<String> {
        match self.value(key)?.get_ref() {
            DeValue::Datetime(datetime) => Some(datetime.to_string()),
            _ => self.text(key),
        }
    }

    /// A list of non-blank strings; `required` makes a missing or empty list a problem.
    pub fn text_list(&mut self, key: &'static str, required: bool) -> Option<Vec<String>> {
        let Some(value) = self.value(key) else {
            if required {
                self.report(key, "missing required field");
            }
            return None;
        };
        let DeValue::Array(items) = value.get_ref() else {
            let found = value.get_ref().type_str();
            self.report_at(
                value.span(),
                key,
                format!("expected a list of text, found {found}"),
            );
            return None;
        };
        if required && items.is_empty() {
            self.report_at(value.span(), key, "must list at least one entry");
            return None;
        }
        let mut texts = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => texts.push(text.to_string()),
                DeValue::String(_) => self.report_at(item.span(), key, "entries must not be empty"),
                other => {
                    let found = other.type_str();
                    self.report_at(item.span(), key, format!("expected text, found {found}"));
                }
            }
        }
        (texts.len() == items.len()).then_some(texts)
    }

    /// An optional whole number.
    pub fn integer(&mut self, key: &'static str) -> Option<i64> {
        let value = self.value(key)?;
        match value.get_ref() {
            DeValue::Integer(number) => {
                let parsed = i64::from_str_radix(number.as_str(), number.radix()).ok();
                if parsed.is_none() {
                    self.report_at(
                        value.span(),
                        key,
                        format!("the number is too large (at most {})", i64::MAX),
                    );
                }
                parsed
            }
            other => {
                let found = other.type_str();
                self.report_at(
                    value.span(),
                    key,
                    format!("expected a whole number, found {found}"),
                );
                None
            }
        }
    }

    /// An optional true/false flag.
    pub fn boolean(&mut self, key: &'static str) -> Option<bool> {
        let value = self.value(key)?;
        let flag = value.get_ref().as_bool();
        if flag.is_none() {
            let found = value.get_ref().type_str();
            self.report_at(
                value.span(),
                key,
                format!("expected true or false, found {found}"),
            );
        }
        flag
    }

    /// An optional sub-table with its span.
    pub fn table(&mut self, key: &'static str) -> Option<(&'a DeTable<'i>, Range<usize>)> {
        let value = self.value(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            other => {
                let found = other.type_str();
                self.report_at(
                    value.span(),
                    key,
                    format!("expected a table, found {found}"),
                );
                None
            }
        }
    }

    /// An optional array of tables (`[[key]]`), each with its span.
    pub fn tables(&mut self, key: &'static str) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(value) = self.value(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let found = value.get_ref().type_str();
            self.report_at(
                value.span(),
                key,
                format!("expected [[{key}]] tables, found {found}"),
            );
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(table) => tables.push((table, item.span())),
                other => {
                    let found = other.type_str();
                    self.report_at(item.span(), key, format!("expected a table, found {found}"));
                }
            }
        }
        tables
    }

    /// Ends the reading: reports every key that was never read, and returns all problems.
    pub fn finish(mut self) -> Vec<Problem> {
        let unknown: Vec<_> = self
            .table
            .iter()
            .filter(|(key, _)| !self.read.contains(&key.get_ref().as_ref()))
            .map(|(key, _)| (key.span(), key.get_ref().to_string()))
            .collect();
        for (span, key) in unknown {
            self.report_at(span, &key, "unknown field (a typo?)");
        }
        self.problems
    }
}

#[cfg(test)]
#[path = "toml_fields_tests.rs"]
mod tests;
