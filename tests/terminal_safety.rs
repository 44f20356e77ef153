//! Text from files never drives the terminal: control characters and direction overrides in
//! an assessment or a custom questionnaire reach standard output, standard error, Markdown,
//! CSV and the PDF's metadata as visible markers (`^[`, `<U+202E>`), and JSON keeps the
//! exact text as escapes. Runs the real binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use lopdf::{Document, Object};

/// Retitles the terminal (OSC 0), rings the bell, then clears the screen.
const HOSTILE: &str = "Evil \u{1b}]0;pwned\u{7}\u{1b}[2J";
const HOSTILE_SHOWN: &str = "Evil ^[]0;pwned^G^[[2J";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795564800")
        .output()
        .expect("the binary runs")
}

/// Fails when `text` holds a character a terminal would obey (line breaks and tabs are
/// layout); returns the text for further checks.
fn harmless(what: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    if let Some(c) = text
        .chars()
        .find(|&c| soc2_ready::text_safety::is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
    {
        panic!("{what} holds U+{:04X}:\n{text}", u32::from(c));
    }
    text
}

/// An assessment whose organisation, assessor, note and an unknown answer id are hostile.
fn hostile_assessment(dir: &Path) -> String {
    let path = dir.join("evil.toml");
    fs::write(
        &path,
        r#"schema = 1
organization = "Evil \u001B]0;pwned\u0007\u001B[2J"
assessor = "Mallory \u202Eredro"
created = "2026-11-24"
target = "type1"
scope = ["security"]

[answers."CC6.1.mfa"]
answer = "planned"
note = "see \u009B31m red"

[answers."X.gone\u001B[2J"]
answer = "planned"
"#,
    )
    .expect("written");
    path.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn score_and_its_warnings_show_controls_as_markers() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_assessment(dir.path());
    let output = run(&["score", &file]);
    assert!(output.status.success());
    assert!(harmless("score", &output.stdout).contains(HOSTILE_SHOWN));
    assert!(harmless("the warning", &output.stderr).contains("X.gone^[[2J"));

    let output = run(&["score", &file, "--format", "json"]);
    let text = harmless("score --format json", &output.stdout);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["organization"], HOSTILE, "JSON keeps the exact text");
    assert_eq!(json["assessor"], "Mallory \u{202e}redro");
}

#[test]
fn text_reports_show_controls_as_markers_and_json_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_assessment(dir.path());

    let output = run(&["report", &file, "--format", "md", "--output", "-"]);
    let markdown = harmless("Markdown", &output.stdout);
    // Markdown escapes the brackets the markers leave.
    assert!(markdown.contains(r"Evil ^[\]0;pwned^G^[\[2J"), "{markdown}");
    assert!(markdown.contains("see <U+009B>31m red"), "{markdown}");

    let output = run(&["report", &file, "--format", "json", "--output", "-"]);
    let json: serde_json::Value =
        serde_json::from_str(&harmless("JSON", &output.stdout)).expect("valid JSON");
    assert_eq!(json["organization"], HOSTILE);

    let csv = dir.path().join("gaps.csv");
    let output = run(&[
        "report",
        &file,
        "--format",
        "csv",
        "--output",
        csv.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let text = harmless("CSV", &fs::read(&csv).unwrap());
    assert!(text.contains("see <U+009B>31m red"), "{text}");
}

#[test]
fn pdf_metadata_shows_controls_as_markers() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_assessment(dir.path());
    let pdf = dir.path().join("report.pdf");
    let output = run(&["report", &file, "--output", pdf.to_str().unwrap()]);
    assert!(output.status.success(), "{:?}", output);
    let doc = Document::load(&pdf).expect("lopdf reads the report");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("an Info dictionary");
    for (key, shown) in [
        (&b"Title"[..], HOSTILE_SHOWN),
        (b"Subject", HOSTILE_SHOWN),
        (b"Author", "Mallory <U+202E>redro"),
    ] {
        let value = lopdf::decode_text_string(info.get(key).unwrap()).unwrap();
        let value = harmless("PDF metadata", value.as_bytes());
        assert!(value.contains(shown), "{value}");
    }
}

#[test]
fn error_messages_that_echo_a_value_show_its_controls_as_markers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    let text = "schema = 1\norganization = \"Acme\"\ncreated = \"2026-11-24\"\ntarget = \"\\u001B[2J\\u001B]0;x\\u0007\"\n";
    fs::write(&path, text).unwrap();
    let output = run(&["score", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let errors = harmless("the error", &output.stderr);
    assert!(
        errors.contains(
            r#"bad.toml:4:10: field `target`: must be "type1" or "type2", found "^[[2J^[]0;x^G""#
        ),
        "{errors}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "left untouched");
}

#[test]
fn custom_question_texts_are_listed_with_markers() {
    let dir = tempfile::tempdir().unwrap();
    let questionnaires = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    for entry in fs::read_dir(&questionnaires).unwrap() {
        let path = entry.unwrap().path();
        let mut text = fs::read_to_string(&path).unwrap();
        if path.ends_with("security.toml") {
            let prompt = "prompt = \"Do you have";
            assert!(text.contains(prompt));
            text = text.replacen(prompt, "prompt = \"\\u001B[2J\\u202EDo you have", 1);
        }
        fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    let dir = dir.path().to_str().unwrap();
    for format in ["text", "tsv"] {
        let output = run(&["questions", "--questionnaires", dir, "--format", format]);
        assert!(output.status.success(), "{:?}", output);
        let listed = harmless("questions", &output.stdout);
        assert!(listed.contains("^[[2J<U+202E>Do you have"), "{listed}");
    }
}
