//! The JSON side shared by the sources that export JSON: parse errors at their line and
//! column, and problems about one item of an array named by its place in it.

use serde_json::Value;

use super::ImportError;
use crate::diagnostics::Problem;

/// The JSON document in `text`.
pub fn parse(name: &str, text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|error| {
        Box::new(Problem {
            file: name.to_string(),
            line: Some(error.line()),
            column: Some(error.column().max(1)),
            item: None,
            field: None,
            message: format!("not readable as JSON: {error}"),
        })
    })
}

/// The items of a document that is one object or an array of them.
pub fn items(document: &Value) -> Vec<&Value> {
    match document {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

/// A problem with item `index` (0-based) of the file, in field `field`.
pub fn problem(name: &str, index: usize, field: &str, message: impl Into<String>) -> ImportError {
    Box::new(Problem {
        file: name.to_string(),
        line: None,
        column: None,
        item: Some(format!("item {}", index + 1)),
        field: Some(field.to_string()),
        message: message.into(),
    })
}

/// The text at `pointer` in `value` (`""` when absent or not text).
pub fn text<'v>(value: &'v Value, pointer: &str) -> &'v str {
    value.pointer(pointer).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_have_their_place() {
        let problem = parse("users.json", "[\n  {\"id\": 1,}\n]").unwrap_err();
        assert_eq!(
            (problem.line, problem.file.as_str()),
            (Some(2), "users.json")
        );
        assert!(problem.message.starts_with("not readable as JSON"));
    }

    #[test]
    fn one_object_or_many_are_items() {
        let one: Value = serde_json::json!({"a": 1});
        assert_eq!(items(&one).len(), 1);
        let many: Value = serde_json::json!([{"a": 1}, {"a": 2}]);
        assert_eq!(items(&many).len(), 2);
        assert_eq!(text(&many[1], "/a"), "");
        assert_eq!(
            problem("f.json", 1, "status", "odd").to_string(),
            "f.json: item 2: field `status`: odd"
        );
    }
}
