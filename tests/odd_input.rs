//! Odd but valid input: right-to-left and combining Unicode, very long notes, thousands of
//! answers for unknown ids, empty scope lists. All of it loads, scores and saves intact.

use std::fs;
use std::process::Command;

use jiff::civil::Date;
use soc2_ready::assessment::{Answer, Assessment, store};
use soc2_ready::questionnaire::{Level, QuestionnaireSource, Target, load};
use soc2_ready::scoring::{Policy, score};

fn odd_assessment() -> Assessment {
    let mut assessment = Assessment::new(
        "شركة النور للتقنية — Ñoño\u{202e} GmbH",
        "Zoë Ångström",
        Date::constant(2026, 11, 24),
        Target::Type2,
        [],
    );
    assessment.edit("CC6.1.mfa", |record| {
        record.answer = Some(Answer::Level(Level::Operating));
        record.note = "“quoted” — ".repeat(10_000); // ~100 KB
        record.owner = "מנהל אבטחה".into();
    });
    for index in 0..10_000 {
        assessment.set_answer(
            &format!("LEGACY.q{index}"),
            Some(Answer::Level(Level::Evidenced)),
        );
    }
    assessment
}

#[test]
fn odd_assessments_round_trip_through_disk_and_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!(
        "{}.toml",
        store::safe_file_stem("شركة النور للتقنية")
    ));
    let assessment = odd_assessment();
    store::save(&path, &assessment).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded, assessment);
    assert!(loaded.record("CC6.1.mfa").unwrap().note.len() >= 100_000);

    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    assert_eq!(loaded.unknown_ids(&questionnaire).count(), 10_000);
    let card = score(&questionnaire, &loaded, &Policy::default());
    assert_eq!(card.tally.answered, 1, "unknown ids are not scored");
    assert_eq!(card.categories.len(), 1, "empty scope means Security only");

    // Saving again keeps every unknown answer.
    store::save(&path, &loaded).unwrap();
    assert_eq!(store::load(&path).unwrap().answers.len(), 10_001);
}

#[test]
fn the_cli_scores_an_empty_scope_list_and_warns_about_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.toml");
    fs::write(
        &path,
        "schema = 1\norganization = \"‏שלום Ltd\"\ncreated = 2026-11-24\ntarget = \"type1\"\nscope = []\n\n[answers.\"OLD.id\"]\nanswer = \"yes\"\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(["score"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("שלום Ltd"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("OLD.id"));
}
