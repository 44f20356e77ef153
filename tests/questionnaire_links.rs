//! The content as an auditor reads it: a control asked once even when it supports several
//! criteria, answers that survive renamed and merged questions, and "certification"
//! questions that wait until an audit firm is engaged.

use std::path::Path;
use std::process::Command;

use soc2_ready::assessment::migrate::migrate;
use soc2_ready::assessment::store;
use soc2_ready::questionnaire::{Level, Questionnaire, QuestionnaireSource, Stage, load};

fn built_in() -> Questionnaire {
    load(&QuestionnaireSource::BuiltIn).expect("built-in questionnaires are valid")
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessments")
        .join(name)
}

/// `(surviving id, retired id, criterion the survivor also supports)`.
const MERGED: [(&str, &str, &str); 4] = [
    ("CC4.1.penetration-test", "CC7.1.penetration-test", "CC7.1"),
    ("CC6.1.asset-inventory", "CC3.2.asset-inventory", "CC3.2"),
    ("CC1.1.confidentiality-agreements", "C1.1.ndas", "C1.1"),
    ("CC6.5.device-disposal", "C1.2.media-disposal", "C1.2"),
];

#[test]
fn provisioning_approval_is_a_key_control() {
    let questionnaire = built_in();
    let approval = questionnaire.question("CC6.2.access-approval").unwrap();
    assert!(approval.key);
    for who in ["employee", "contractor", "service account"] {
        assert!(approval.prompt.contains(who), "{who}");
    }
}

#[test]
fn each_duplicated_control_is_asked_once_and_counts_toward_both_criteria() {
    let questionnaire = built_in();
    for (survivor, retired, other) in MERGED {
        assert!(questionnaire.question(retired).is_none(), "{retired}");
        let question = questionnaire.question(survivor).unwrap();
        assert_eq!(question.also_supports, [other], "{survivor}");
        assert_eq!(question.replaces, [retired], "{survivor}");
        assert!(questionnaire.questions_for(other).any(|q| q.id == survivor));
        assert_eq!(questionnaire.replacement(retired).unwrap().id, survivor);
    }
}

#[test]
fn engagement_questions_wait_for_an_audit_firm() {
    let questionnaire = built_in();
    let conditional: Vec<_> = questionnaire
        .questions()
        .iter()
        .filter(|question| question.relevant_when.is_some())
        .collect();
    let ids: Vec<_> = conditional.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "CERT.scope-claims",
            "CERT.report-currency",
            "CERT.renewal",
            "CERT.bridge-letter",
            "CERT.exception-communication"
        ]
    );
    for question in conditional {
        assert_eq!(question.stage, Stage::Certification);
        let condition = question.relevant_when.as_ref().unwrap();
        assert_eq!(condition.question, "ATT.auditor");
        assert_eq!(condition.at_least, Level::Evidenced);
    }
}

#[test]
fn a_file_written_against_the_old_ids_loses_nothing() {
    let path = fixture("before-merge.toml");
    let before = store::load(&path).expect("fixture loads");
    let mut after = before.clone();
    let questionnaire = built_in();
    let migration = migrate(&mut after, &questionnaire);
    // Four old ids; the inventory was answered under both, so the newer id keeps its own.
    assert_eq!(migration.moved.len(), 3, "{migration:?}");
    assert_eq!(
        migration.kept,
        [(
            "CC3.2.asset-inventory".to_string(),
            "CC6.1.asset-inventory".to_string()
        )]
    );
    assert_eq!(after.answers.len(), before.answers.len());
    for (old, record) in &before.answers {
        let moved = migration.moved.iter().find(|(from, _)| from == old);
        let now = moved.map_or(old.as_str(), |(_, to)| to.as_str());
        assert_eq!(after.record(now), Some(record), "{old} → {now}");
    }
    // The evidence log moves with its answer.
    let pentest = after.record("CC4.1.penetration-test").unwrap();
    assert_eq!(pentest.evidence.len(), 1);
    assert_eq!(pentest.evidence[0].title, "Penetration test report, June");
    let unknown: Vec<_> = after.unknown_ids(&questionnaire).collect();
    assert_eq!(unknown, ["CC3.2.asset-inventory"]);
}

#[test]
fn score_moves_old_answers_in_memory_and_says_so_on_one_line() {
    let path = fixture("before-merge.toml");
    let original = std::fs::read(&path).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(["score", path.to_str().unwrap()])
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let notices: Vec<_> = stderr
        .lines()
        .filter(|line| line.contains("renamed or merged"))
        .collect();
    assert_eq!(notices.len(), 1, "{stderr}");
    assert!(notices[0].contains("moved 3 answer(s)"), "{stderr}");
    assert!(notices[0].contains("C1.1.ndas → CC1.1.confidentiality-agreements"));
    assert!(notices[0].contains("kept 1 answer(s) under their old id"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Not yet relevant (left out until the answer they wait for is given): CERT.scope-claims, CERT.report-currency, CERT.renewal, CERT.bridge-letter, CERT.exception-communication"),
        "{stdout}"
    );
    // Scoring never writes: the file is as it was.
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[test]
fn score_json_lists_the_questions_not_yet_relevant() {
    let path = fixture("before-merge.toml");
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .args(["score", path.to_str().unwrap(), "--format", "json"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let waiting = json["not_yet_relevant"].as_array().unwrap();
    assert_eq!(waiting.len(), 5, "no audit firm chosen yet: {waiting:?}");
    let gaps = json["gaps"].as_array().unwrap();
    assert!(
        gaps.iter()
            .all(|gap| gap["question"] != "CERT.bridge-letter"),
        "a question not yet relevant is no gap"
    );
}

#[test]
fn the_portfolio_list_counts_moved_answers_like_score_does() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("before-merge.toml"),
        dir.path().join("before-merge.toml"),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_soc2-ready"))
        .env_remove("SOC2_READY_CONFIG")
        .env("HOME", dir.path())
        .arg("--data-dir")
        .arg(dir.path())
        .args(["list", "--format", "tsv"])
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|line| line.split('\t').collect())
        .collect();
    let column = |name: &str| rows[0].iter().position(|&header| header == name).unwrap();
    // Two answers under current ids, three moved from retired ones (one stays under its old id):
    // five given, of which one is N/A, so 4 answered by the one definition `score` uses too.
    assert_eq!(rows[1][column("answered")], "4", "{text}");
    // The same denominator as `score`: five "certification" questions wait for a firm.
    assert_eq!(rows[1][column("questions")], "169", "{text}");
}

#[test]
fn backups_and_the_restore_test_are_one_control_each_and_their_answers_move() {
    let questionnaire = built_in();
    // One backup control and one restore test, asked in Security and counted for
    // availability as well: the calendar shows the restore test once, quarterly.
    for (id, also) in [
        ("CC7.5.backup-operation", "A1.2"),
        ("CC7.5.restore-capability", "A1.3"),
    ] {
        let question = questionnaire.question(id).unwrap();
        assert_eq!(question.also_supports, [also], "{id}");
        assert!(question.key, "{id}");
    }
    let restore = questionnaire.question("CC7.5.restore-capability").unwrap();
    assert_eq!(
        restore.frequency,
        Some(soc2_ready::questionnaire::Frequency::Quarterly)
    );
    for old in ["A1.2.backups", "A1.3.restore-test"] {
        assert!(questionnaire.question(old).is_none(), "{old} is retired");
    }
    // A file answered against the old ids keeps every record under the new ones.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old-backups.toml");
    std::fs::write(
        &path,
        "schema = 2\norganization = \"A\"\ncreated = \"2026-11-24\"\ntarget = \"type2\"\n\
         scope = [\"security\", \"availability\"]\n\n\
         [answers.\"A1.2.backups\"]\nanswer = \"evidenced\"\nnote = \"Nightly snapshots\"\n\n\
         [answers.\"A1.3.restore-test\"]\nanswer = \"in_place\"\nowner = \"CTO\"\n",
    )
    .unwrap();
    let before = store::load(&path).expect("loads");
    let mut after = before.clone();
    let migration = migrate(&mut after, &questionnaire);
    assert_eq!(migration.moved.len(), 2, "{migration:?}");
    assert_eq!(
        after.record("CC7.5.backup-operation"),
        before.record("A1.2.backups")
    );
    assert_eq!(
        after.record("CC7.5.restore-capability"),
        before.record("A1.3.restore-test")
    );
    assert_eq!(after.unknown_ids(&questionnaire).count(), 0);
}
