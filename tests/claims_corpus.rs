//! The claims checker on a corpus of inaccurate and accurate sentences
//! (tests/fixtures/claims/*.txt, one sentence a line): prints precision and recall and
//! holds them above a floor, and lists every miss so a regression is easy to read.

use std::fs;
use std::path::Path;

use soc2_ready::claims::{Markup, check};

fn sentences(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/claims")
        .join(name);
    fs::read_to_string(path)
        .expect("corpus file")
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Precision and recall of the checker over an inaccurate and an accurate file, printed with
/// every miss and false alarm.
fn measure(label: &str, inaccurate: &str, accurate: &str) -> (f64, f64) {
    let inaccurate = sentences(inaccurate);
    let accurate = sentences(accurate);
    let flagged = |sentence: &String| !check(sentence, Markup::Text).is_empty();
    let missed: Vec<&String> = inaccurate.iter().filter(|s| !flagged(s)).collect();
    let false_alarms: Vec<&String> = accurate.iter().filter(|s| flagged(s)).collect();
    let true_positives = inaccurate.len() - missed.len();
    let precision = true_positives as f64 / (true_positives + false_alarms.len()) as f64;
    let recall = true_positives as f64 / inaccurate.len() as f64;
    println!(
        "claims {label}: {} inaccurate, {} accurate sentences; precision {:.3}, recall {:.3}",
        inaccurate.len(),
        accurate.len(),
        precision,
        recall
    );
    for sentence in &missed {
        println!("  missed: {sentence}");
    }
    for sentence in &false_alarms {
        println!(
            "  false alarm: {sentence} -> {:?}",
            check(sentence, Markup::Text)
        );
    }
    (precision, recall)
}

#[test]
fn precision_and_recall_on_the_corpus() {
    assert!(sentences("inaccurate.txt").len() >= 40 && sentences("accurate.txt").len() >= 40);
    let (precision, recall) = measure("corpus", "inaccurate.txt", "accurate.txt");
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}

/// A smaller set written after the rules and never tuned against: its floor is lower, and
/// its printed numbers are the honest estimate of how the rules do on new wording.
#[test]
fn precision_and_recall_on_held_out_sentences() {
    let (precision, recall) = measure("held out", "holdout-inaccurate.txt", "holdout-accurate.txt");
    assert!(precision >= 0.85, "precision {precision:.3}");
    assert!(recall >= 0.75, "recall {recall:.3}");
}

/// Passages in the style of real trust pages, press releases and product docs (issue 23):
/// "SOC" without the 2, SOC 2 in a list of certifications, "certification" as a noun for the
/// framework or a report type, "certifies", and a reference back to an earlier SOC 2
/// sentence, next to accurate counter-examples of each kind.
#[test]
fn precision_and_recall_on_real_world_wording() {
    let (precision, recall) = measure(
        "real-world",
        "realworld-inaccurate.txt",
        "realworld-accurate.txt",
    );
    assert!(precision >= 1.0, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}
