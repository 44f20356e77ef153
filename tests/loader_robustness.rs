//! The loaders never panic: random bytes, random TOML and mutated valid files give either a
//! valid result or located problems.

use proptest::prelude::*;
use soc2_ready::assessment::file::{from_toml, to_toml};
use soc2_ready::diagnostics::{Problem, SourceText};
use soc2_ready::questionnaire::{BUILT_IN_FILES, parse_files};

const VALID_ASSESSMENT: &str = include_str!("fixtures/assessments/cli-partial.toml");

fn check_located(problems: &[Problem], file: &str, text_len: usize) {
    assert!(
        !problems.is_empty(),
        "an error carries at least one problem"
    );
    for problem in problems {
        assert!(problem.file.ends_with(file), "{problem}");
        assert!(!problem.message.is_empty());
        if let Some(line) = problem.line {
            assert!(line >= 1 && line <= text_len + 1, "{problem}");
            assert!(problem.column.is_some_and(|column| column >= 1));
        }
    }
}

fn questionnaire_result(text: &str) {
    let files = vec![("q.toml".to_string(), text.to_string())];
    if let Err(problems) = parse_files(&files, "test".into()) {
        check_located(&problems, "q.toml", text.len());
    }
}

fn assessment_result(text: &str) {
    match from_toml(SourceText::new("a.toml", text)) {
        Ok(assessment) => {
            // Whatever loads must save and load back to the same thing (saving upgrades an
            // older schema, so the reloaded file no longer remembers the migration).
            let saved = to_toml(&assessment);
            let mut upgraded = assessment;
            upgraded.migrated_from = None;
            assert_eq!(
                from_toml(SourceText::new("a.toml", &saved)).as_ref(),
                Ok(&upgraded)
            );
        }
        Err(problems) => check_located(&problems, "a.toml", text.len()),
    }
}

/// A small TOML-ish document built from plausible keys and values.
fn tomlish() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "schema",
        "stage",
        "category",
        "title",
        "id",
        "criterion",
        "prompt",
        "why",
        "evidence",
        "remediation",
        "weight",
        "key",
        "kind",
        "levels",
        "required",
        "targets",
        "organization",
        "assessor",
        "created",
        "target",
        "scope",
        "answer",
        "note",
        "due",
        "na_reason",
    ]);
    let value = prop::sample::select(vec![
        "1",
        "2",
        "-7",
        "0x10",
        "true",
        "\"compliance\"",
        "\"security\"",
        "\"CC6.1\"",
        "\"CC6.1.mfa\"",
        "\"type2\"",
        "\"na\"",
        "\"evidenced\"",
        "[]",
        "[\"a\", 1]",
        "[\"x\"]",
        "2026-11-24",
        "\"\"",
        "{ a = 1 }",
        "\"é — “x”\"",
        "1.5",
        "\"2027-02-30\"",
    ]);
    let header = prop::sample::select(vec![
        "",
        "[[question]]",
        "[answers.\"CC6.1.mfa\"]",
        "[answers]",
        "[x]",
    ]);
    prop::collection::vec((header, prop::collection::vec((key, value), 0..6)), 0..5).prop_map(
        |sections| {
            let mut text = String::new();
            for (header, pairs) in sections {
                text.push_str(header);
                text.push('\n');
                for (key, value) in pairs {
                    text.push_str(&format!("{key} = {value}\n"));
                }
            }
            text
        },
    )
}

/// A valid file with a few random byte edits (delete, insert, replace).
fn mutated(original: &'static str) -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((0..original.len(), 0u8..3, any::<u8>()), 1..6);
    edits.prop_map(move |edits| {
        let mut bytes = original.as_bytes().to_vec();
        for (position, kind, byte) in edits {
            let position = position.min(bytes.len().saturating_sub(1));
            match kind {
                0 => {
                    bytes.remove(position);
                }
                1 => bytes.insert(position, byte),
                _ => bytes[position] = byte,
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        questionnaire_result(&text);
        assessment_result(&text);
    }

    #[test]
    fn random_toml_never_panics(text in tomlish()) {
        questionnaire_result(&text);
        assessment_result(&text);
    }

    #[test]
    fn mutated_assessments_load_or_explain(text in mutated(VALID_ASSESSMENT)) {
        assessment_result(&text);
    }

    #[test]
    fn mutated_questionnaires_load_or_explain(text in mutated(BUILT_IN_FILES[1].1)) {
        questionnaire_result(&text);
    }
}
