//! One set of numbers (issue 24): for every report fixture, the wizard's header, Home's
//! row, `list`, `score` (its counts and its timeline) and the JSON report count answered,
//! N/A, unsure and open questions the same way. The PDF and Markdown take the same counts
//! line (tests/report_numbers.rs).

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use soc2_ready::assessment::store;
use soc2_ready::tui::start;
use soc2_ready::tui::storage::SEEN_STAGES;

use super::support::{built_in, new_app, render};

const FIXTURES: [&str; 6] = [
    "empty",
    "partial",
    "complete",
    "na-heavy",
    "early-stage",
    "scripts",
];

fn json(data: &Path, args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .env("SOC2_READY_DATA_DIR", data)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{args:?}");
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn text(data: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .env("SOC2_READY_DATA_DIR", data)
        .args(args)
        .output()
        .expect("the binary runs");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_wizard_home_list_score_and_json_count_alike() {
    for name in FIXTURES {
        let data = tempfile::tempdir().unwrap();
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/assessments/report-{name}.toml"));
        let path = data.path().join(format!("{name}.toml"));
        std::fs::copy(&source, &path).unwrap();
        std::fs::write(data.path().join(SEEN_STAGES), "").unwrap();
        let file = path.to_str().unwrap();

        let score = json(data.path(), &["score", file, "--format", "json"]);
        let tally = &score["tally"];
        let count = |field: &str| tally[field].as_u64().unwrap();
        let (answered, questions, open) =
            (count("answered"), count("questions"), count("unanswered"));
        let report = json(
            data.path(),
            &["report", file, "--format", "json", "--output", "-"],
        );
        assert_eq!(&report["tally"], tally, "{name}: JSON report");

        let list = json(data.path(), &["list", "--format", "json"]);
        let row = &list.as_array().unwrap()[0];
        assert_eq!(row["answered"].as_u64(), Some(answered), "{name}: list");
        assert_eq!(row["questions"].as_u64(), Some(questions), "{name}: list");

        let score_text = text(data.path(), &["score", file]);
        if open > 0 {
            let noun = if open == 1 { "question" } else { "questions" };
            assert!(
                score_text.contains(&format!("{open} open {noun} (no answer yet)")),
                "{name}: the timeline counts open questions as the scorecard does:\n{score_text}"
            );
        }
        assert!(!score_text.contains("unanswered question"), "{name}");

        let mut app = new_app(data.path(), built_in());
        start(&mut app, None);
        let home = render(&app, 140, 30);
        assert!(
            home.contains(&format!(" {answered}/{questions} ")),
            "{name}: Home\n{home}"
        );
        let assessment = store::load(&path).unwrap();
        start(&mut app, Some((path.clone(), assessment)));
        let wizard = render(&app, 120, 30);
        let header = wizard.lines().next().unwrap();
        assert!(
            header.contains(&format!(" {answered}/{questions} answered · {open} open")),
            "{name}: wizard header {header}"
        );
    }
}
