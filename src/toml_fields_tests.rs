//! Unit tests of the span-keeping TOML reader: located syntax errors, missing, empty and
//! mistyped fields, unknown keys, lists, numbers too large, keys nested too deeply and
//! one-line fields with control characters.

use super::*;

fn read(text: &str, check: impl FnOnce(&mut Fields<'_, '_>)) -> Vec<String> {
    let source = SourceText::new("t.toml", text);
    let document = parse_document(source, text).expect("valid TOML");
    let mut fields = Fields::new(source, document.get_ref(), document.span());
    check(&mut fields);
    fields.finish().iter().map(ToString::to_string).collect()
}

#[test]
fn syntax_errors_are_all_located() {
    let text = "a = \nb = [1,\n";
    let problems = parse_document(SourceText::new("t.toml", text), text).unwrap_err();
    assert!(!problems.is_empty());
    assert!(problems[0].line.is_some(), "{problems:?}");
    assert!(problems[0].message.starts_with("TOML syntax"));
}

#[test]
fn missing_wrong_type_empty_and_unknown_are_reported_with_places() {
    let problems = read("name = \"\"\ncount = \"x\"\ntypo = 1\n", |fields| {
        assert_eq!(fields.required_text("name"), None);
        assert_eq!(fields.required_text("title"), None);
        assert_eq!(fields.integer("count"), None);
    });
    assert_eq!(
        problems,
        [
            "t.toml:1:8: field `name`: must not be empty",
            "t.toml:1:1: field `title`: missing required field",
            "t.toml:2:9: field `count`: expected a whole number, found string",
            "t.toml:3:1: field `typo`: unknown field (a typo?)",
        ]
    );
}

#[test]
fn one_line_fields_reject_control_and_direction_characters() {
    let problems = read(
        "a = \"ok\"\nb = \"x\\u001b[2J\"\nc = \"\\u202Eevil\"\nd = \"two\\nlines\"\n",
        |fields| {
            assert_eq!(fields.required_line("a").as_deref(), Some("ok"));
            assert_eq!(fields.required_line("b"), None);
            assert_eq!(fields.required_line("c"), None);
            assert_eq!(fields.required_line("d"), None);
        },
    );
    assert_eq!(
        problems,
        [
            "t.toml:2:5: field `b`: must be one line of plain text, but character 2 is a control character (^[)",
            "t.toml:3:5: field `c`: must be one line of plain text, but character 1 is a control character (<U+202E>)",
            "t.toml:4:5: field `d`: must be one line of plain text, but character 4 is a control character (^J)",
        ]
    );
}

#[test]
fn a_key_nested_too_deeply_is_located() {
    let deep = vec!["a"; 5_000].join(".");
    let text = format!("x = 1\n  [{deep}]\ny = 2\n");
    let problems = parse_document(SourceText::new("t.toml", &text), &text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        "t.toml:2:3: TOML syntax: a key or table header is nested too deeply (80 levels or more)"
    );
}

#[test]
fn a_number_too_large_says_so() {
    let problems = read("schema = 99999999999999999999999\n", |fields| {
        assert_eq!(fields.integer("schema"), None);
    });
    assert_eq!(
        problems,
        ["t.toml:1:10: field `schema`: the number is too large (at most 9223372036854775807)"]
    );
}

#[test]
fn lists_report_bad_entries() {
    let problems = read("steps = [\"a\", 2, \" \"]\nnone = []\n", |fields| {
        assert_eq!(fields.text_list("steps", true), None);
        assert_eq!(fields.text_list("none", true), None);
    });
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("expected text, found integer"));
    assert!(problems[1].contains("entries must not be empty"));
    assert!(problems[2].contains("`none`: must list at least one entry"));
}

#[test]
fn good_values_are_read() {
    let problems = read(
        "n = 0x10\nf = true\nd = 2027-01-31\nl = [\"x\"]\n",
        |fields| {
            assert_eq!(fields.integer("n"), Some(16));
            assert_eq!(fields.boolean("f"), Some(true));
            assert_eq!(fields.text_or_datetime("d").as_deref(), Some("2027-01-31"));
            assert_eq!(fields.text_list("l", true), Some(vec!["x".to_string()]));
        },
    );
    assert!(problems.is_empty(), "{problems:?}");
}
