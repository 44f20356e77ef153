use jiff::civil::Date;

use super::*;
use crate::assessment::conflicts::Take;
use crate::assessment::{Answer, AnswerRecord, Evidence};
use crate::questionnaire::{Level, Target};

fn base() -> Assessment {
    let mut assessment = Assessment::new("Acme", "", Date::constant(2026, 1, 1), Target::Type2, []);
    assessment
        .answers
        .insert("CC6.1.mfa".into(), answered(Level::NotInPlace));
    assessment
}

fn answered(level: Level) -> AnswerRecord {
    AnswerRecord {
        answer: Some(Answer::Level(level)),
        ..AnswerRecord::default()
    }
}

#[test]
fn different_questions_merge_cleanly() {
    let base = base();
    let mut ours = base.clone();
    ours.answers
        .insert("CC6.1.mfa".into(), answered(Level::InPlace));
    let mut theirs = base.clone();
    theirs
        .answers
        .insert("CC7.1.logging".into(), answered(Level::Planned));
    theirs.organization = "Acme Ltd".into();
    let merged = merge(&base, &ours, &theirs);
    assert!(!merged.is_conflicted());
    let result = merged.assessment;
    assert_eq!(result.answers["CC6.1.mfa"], answered(Level::InPlace));
    assert_eq!(result.answers["CC7.1.logging"], answered(Level::Planned));
    assert_eq!(result.organization, "Acme Ltd");
}

#[test]
fn the_same_question_answered_differently_keeps_both_and_resolves_either_way() {
    let base = base();
    let mut ours = base.clone();
    ours.answers
        .insert("CC6.1.mfa".into(), answered(Level::InPlace));
    let mut theirs = base.clone();
    let mut record = answered(Level::Planned);
    record.note = "hardware keys ordered".into();
    theirs.answers.insert("CC6.1.mfa".into(), record);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_conflicted());
    let views = merged.assessment.conflict_views();
    assert_eq!(views.len(), 1);
    assert_eq!(
        (views[0].ours.as_str(), views[0].theirs.as_str()),
        ("in_place", "planned")
    );
    assert_eq!(
        merged.assessment.answers["CC6.1.mfa"].note,
        "hardware keys ordered"
    );
    let mut take_theirs = merged.assessment.clone();
    assert_eq!(take_theirs.resolve("CC6.1.mfa", Take::Theirs), Ok(1));
    assert_eq!(
        take_theirs.answers["CC6.1.mfa"].answer,
        Some(Answer::Level(Level::Planned))
    );
    assert!(take_theirs.conflicts.is_empty());
    let mut take_ours = merged.assessment;
    assert_eq!(take_ours.resolve("CC6.1.mfa", Take::Ours), Ok(1));
    assert_eq!(
        take_ours.answers["CC6.1.mfa"].answer,
        Some(Answer::Level(Level::InPlace))
    );
}

#[test]
fn evidence_is_a_union_and_a_removal_on_one_side_is_honoured() {
    let day = Date::constant(2026, 2, 1);
    let old = Evidence::note("old scan", "drive", day);
    let mut base = base();
    base.answers
        .get_mut("CC6.1.mfa")
        .unwrap()
        .evidence
        .push(old.clone());
    let mut ours = base.clone();
    ours.answers.get_mut("CC6.1.mfa").unwrap().evidence.clear();
    let mut theirs = base.clone();
    let added = Evidence::note("new scan", "drive", day);
    theirs
        .answers
        .get_mut("CC6.1.mfa")
        .unwrap()
        .evidence
        .push(added.clone());
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.assessment.answers["CC6.1.mfa"].evidence, vec![added]);
}

#[test]
fn the_organisation_changed_differently_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.organization = "Acme Inc".into();
    let mut theirs = base.clone();
    theirs.organization = "Acme GmbH".into();
    let mut merged = merge(&base, &ours, &theirs).assessment;
    assert_eq!(merged.organization, "Acme Inc");
    assert_eq!(merged.resolve(conflicts::ASSESSMENT, Take::Theirs), Ok(1));
    assert_eq!(merged.organization, "Acme GmbH");
}

#[test]
fn a_changed_answer_is_a_one_line_diff_of_the_file() {
    let mut before = base();
    before
        .answers
        .insert("CC7.1.logging".into(), answered(Level::Planned));
    let mut after = before.clone();
    after.answers.get_mut("CC6.1.mfa").unwrap().answer = Some(Answer::Level(Level::Evidenced));
    let (old, new) = (
        crate::assessment::file::to_toml(&before),
        crate::assessment::file::to_toml(&after),
    );
    let changed: Vec<_> = old
        .lines()
        .zip(new.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(old.lines().count(), new.lines().count());
    assert_eq!(
        changed,
        vec![("answer = \"not_in_place\"", "answer = \"evidenced\"")]
    );
}

#[test]
fn workshop_sessions_held_on_either_side_are_all_kept() {
    use crate::assessment::workshop::Workshop;
    let session = |hour: i8| {
        let started = Date::constant(2026, 3, 2)
            .at(hour, 0, 0, 0)
            .in_tz("UTC")
            .expect("UTC")
            .timestamp();
        Workshop::new(Date::constant(2026, 3, 2), started)
    };
    let base = base();
    let mut ours = base.clone();
    ours.workshops.push(session(9));
    let mut theirs = base.clone();
    theirs.workshops.push(session(14));
    let merged = merge(&base, &ours, &theirs);
    assert!(!merged.is_conflicted());
    let hours: Vec<String> = merged
        .assessment
        .workshops
        .iter()
        .map(|session| session.started.to_string())
        .collect();
    assert_eq!(hours, ["2026-03-02T09:00:00Z", "2026-03-02T14:00:00Z"]);
}
