//! One set of numbers: `soc2-ready score` and every report format (JSON, Markdown, CSV,
//! PDF) give the same counts of questions, answers, open questions and gaps for every
//! fixture, and the four answer counts add up to the questions in scope.

mod report_support;

use report_support::{FIXTURES, fixture, json, pdf, soc2_ready, text};
use serde_json::Value;

/// `soc2-ready score --format json` of fixture `name`.
fn score_json(name: &str) -> Value {
    let output = soc2_ready()
        .args(["score", fixture(name).to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `soc2-ready score` of fixture `name`, as text.
fn score_text(name: &str) -> String {
    let output = soc2_ready()
        .args(["score", fixture(name).to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

fn count(value: &Value) -> u64 {
    value.as_u64().expect("a count")
}

#[test]
fn score_and_every_report_format_agree_on_the_counts() {
    for name in FIXTURES {
        let score = score_json(name);
        let report = json(name);
        let tally = &score["tally"];
        assert_eq!(tally, &report["tally"], "{name}: tally");
        assert_eq!(
            count(&tally["answered"])
                + count(&tally["not_applicable"])
                + count(&tally["unsure"])
                + count(&tally["unanswered"]),
            count(&tally["questions"]),
            "{name}: the four counts add up"
        );
        let gaps = score["gaps"].as_array().unwrap().len();
        let open = score["open"].as_array().unwrap().len();
        assert_eq!(
            report["gaps"].as_array().unwrap().len(),
            gaps,
            "{name}: gaps"
        );
        assert_eq!(
            report["unanswered"].as_array().unwrap().len(),
            open,
            "{name}: open questions"
        );
        assert_eq!(count(&tally["unanswered"]) as usize, open, "{name}: open");
        assert_eq!(score["overall"], report["overall"], "{name}: verdict");

        // The counts line, word for word, in the score text, Markdown and PDF.
        let counts = report["counts"].as_str().unwrap();
        // The questions that do not apply yet are a fifth count, outside the four above.
        let waiting = score["not_yet_relevant"].as_array().unwrap().len();
        let gaps_part = format!("; {gaps} gap{}", if gaps == 1 { "" } else { "s" });
        let expected_end = match waiting {
            0 => gaps_part,
            n => format!("{gaps_part}; {n} not yet relevant"),
        };
        assert!(counts.ends_with(&expected_end), "{name}: {counts}");
        assert!(score_text(name).contains(counts), "{name}: score text");
        assert!(text(name, "md").contains(counts), "{name}: Markdown");
        pdf(name, None).assert_contains(counts);

        // CSV: one row per gap, then one per open question.
        let csv = text(name, "csv");
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader.headers().unwrap().clone();
        let status = headers.iter().position(|h| h == "Status").unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let of = |wanted: &str| rows.iter().filter(|row| &row[status] == wanted).count();
        assert_eq!(of("gap"), gaps, "{name}: CSV gap rows");
        assert_eq!(of("open"), open, "{name}: CSV open rows");
        assert_eq!(rows.len(), gaps + open, "{name}: no other rows");
    }
}

#[test]
fn an_empty_assessment_is_not_assessed_and_has_no_gaps_anywhere() {
    let score = score_json("empty");
    assert_eq!(score["overall"], "not_assessed");
    assert!(score["gaps"].as_array().unwrap().is_empty());
    let text = score_text("empty");
    assert!(text.contains("Overall: Not assessed yet"), "{text}");
    assert!(text.contains("Top 0 of 0 gaps"), "{text}");
    let pdf = pdf("empty", None);
    pdf.assert_contains("Not assessed yet");
    // Only the method appendix may name the other verdicts.
    let method = pdf.text.rfind("Appendix B Method").unwrap();
    assert!(
        !pdf.text[..method].contains("Not ready"),
        "an empty assessment is never called not ready"
    );
}
