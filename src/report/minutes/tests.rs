use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::*;
use crate::assessment::Snapshot;
use crate::assessment::workshop::FollowUp;
use crate::questionnaire::{Category, Level, QuestionnaireSource, load};

const MFA: &str = "CC6.1.mfa";
const REVIEWS: &str = "CC6.3.access-reviews";
const INCIDENTS: &str = "CC7.4.incident-response-plan";

fn day(d: i8) -> Date {
    Date::constant(2026, 12, d)
}

fn level(level: Level) -> Option<Answer> {
    Some(Answer::Level(level))
}

/// An assessment answered on Dec 1 (MFA planned), then changed in a session on Dec 5:
/// MFA in place, access reviews answered Unsure, the incident plan answered Unsure with an
/// owner and parked.
fn assessment() -> Assessment {
    let mut a = Assessment::new("Acme", "Jane", day(1), Target::Type1, [Category::Security]);
    a.history.push(Snapshot {
        date: day(1),
        changes: BTreeMap::from([(MFA.to_string(), level(Level::Planned))]),
        readiness: None,
    });
    a.set_answer(MFA, level(Level::InPlace));
    a.set_answer(REVIEWS, Some(Answer::Unsure));
    a.set_answer(INCIDENTS, Some(Answer::Unsure));
    a.edit(REVIEWS, |record| {
        record.owner = "Ops".into();
        record.due = Some(day(20));
    });
    let mut session = Workshop::new(day(5), "2026-12-05T13:00:00Z".parse().unwrap());
    session.ended = Some("2026-12-05T14:30:00Z".parse().unwrap());
    session.attendees = vec!["Ana".into(), "Ben".into()];
    session.decisions.push(Decision {
        text: "MFA for every admin by January".into(),
        question: Some(MFA.into()),
    });
    session.follow_up(FollowUp {
        question: INCIDENTS.into(),
        owner: "CTO".into(),
        due: Some(day(19)),
        note: "who is on call?".into(),
    });
    a.workshops.push(session);
    a
}

fn build(assessment: &Assessment, since: Option<Date>) -> Result<Minutes, NoSession> {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    Minutes::build(
        &questionnaire,
        assessment,
        &Policy::default(),
        since,
        day(6),
        &TimeZone::UTC,
    )
}

#[test]
fn the_latest_session_is_the_default_and_its_times_are_shown() {
    let mut a = assessment();
    let mut earlier = Workshop::new(day(2), "2026-12-02T09:00:00Z".parse().unwrap());
    earlier.attendees = vec!["Zoe".into()];
    a.workshops.insert(0, earlier);
    let minutes = build(&a, None).unwrap();
    assert_eq!(minutes.since, day(5));
    assert_eq!(minutes.sessions.len(), 1);
    assert_eq!(minutes.sessions[0].times(), "13:00–14:30 (1 h 30 min)");
    assert_eq!(minutes.attendees, ["Ana", "Ben"]);
    assert_eq!(
        minutes.file_name("md"),
        "acme-soc2-workshop-minutes-2026-12-05.md"
    );

    let both = build(&a, Some(day(2))).unwrap();
    assert_eq!(both.sessions.len(), 2);
    assert_eq!(both.sessions[0].times(), "from 09:00 (end not recorded)");
    assert_eq!(both.attendees, ["Zoe", "Ana", "Ben"]);
}

#[test]
fn attendees_are_merged_across_sessions_in_any_case() {
    let mut a = assessment();
    let mut later = Workshop::new(day(5), "2026-12-05T16:00:00Z".parse().unwrap());
    later.attendees = vec!["ben".into(), "Chloé".into()];
    a.workshops.push(later);
    assert_eq!(build(&a, None).unwrap().attendees, ["Ana", "Ben", "Chloé"]);
}

#[test]
fn changes_compare_with_the_day_before_in_questionnaire_order() {
    let minutes = build(&assessment(), None).unwrap();
    let arrows: Vec<(&str, String)> = minutes
        .changes
        .iter()
        .map(|change| (change.question.as_str(), change.arrow()))
        .collect();
    assert_eq!(
        arrows,
        [
            (MFA, "Planned → In place".to_string()),
            (REVIEWS, "unanswered → Unsure".to_string()),
            (INCIDENTS, "unanswered → Unsure".to_string()),
        ]
    );
    assert_eq!(minutes.changes[0].criterion, "CC6.1");
    assert!(!minutes.changes[0].title.is_empty());

    // With no snapshot before the date, every answer counts as new.
    let all_new = build(&assessment(), Some(day(1))).unwrap();
    assert_eq!(all_new.changes[0].arrow(), "unanswered → In place");
    assert!(all_new.sessions.len() == 1 && all_new.since == day(1));
}

#[test]
fn unsure_answers_are_follow_ups_and_the_parking_lot_wins_over_a_duplicate() {
    let minutes = build(&assessment(), None).unwrap();
    let lines: Vec<(&str, &str, String, bool)> = minutes
        .follow_ups
        .iter()
        .map(|line| {
            (
                line.question.as_str(),
                line.owner_text(),
                line.due_text(),
                line.unsure,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (INCIDENTS, "CTO", "2026-12-19".to_string(), false),
            (REVIEWS, "Ops", "2026-12-20".to_string(), true),
        ]
    );
    assert_eq!(minutes.follow_ups[0].note, "who is on call?");

    let mut nobody = assessment();
    nobody.edit(REVIEWS, |record| {
        record.owner.clear();
        record.due = None;
    });
    let line = build(&nobody, None).unwrap().follow_ups[1].clone();
    assert_eq!(
        (line.owner_text(), line.due_text().as_str()),
        ("no owner yet", "no due date")
    );
}

#[test]
fn decisions_keep_their_question() {
    let minutes = build(&assessment(), None).unwrap();
    assert_eq!(minutes.decisions.len(), 1);
    assert_eq!(minutes.decisions[0].question.as_deref(), Some(MFA));
}

#[test]
fn readiness_is_scored_before_and_after() {
    let minutes = build(&assessment(), None).unwrap();
    let stages: Vec<Stage> = minutes.readiness.iter().map(|stage| stage.stage).collect();
    assert_eq!(stages, Stage::ALL);
    let compliance = &minutes.readiness[0];
    assert!(
        compliance.after > compliance.before,
        "MFA in place adds compliance: {compliance:?}"
    );
    assert_eq!(
        compliance.arrow(),
        format!("{} % → {} %", compliance.before, compliance.after)
    );
    assert_eq!(minutes.readiness[2].label(), "“Certification”");
}

#[test]
fn no_session_needs_a_date() {
    let mut a = assessment();
    a.workshops.clear();
    let error = build(&a, None).unwrap_err();
    assert!(
        error.to_string().contains("soc2-ready workshop PATH"),
        "{error}"
    );
    assert!(error.to_string().contains("--since"), "{error}");

    let minutes = build(&a, Some(day(5))).unwrap();
    assert!(minutes.sessions.is_empty() && minutes.decisions.is_empty());
    assert_eq!(minutes.changes.len(), 3);
    assert_eq!(minutes.follow_ups.len(), 2, "both Unsure answers");
    assert!(minutes.follow_ups.iter().all(|line| line.unsure));
    let text = minutes.markdown();
    assert!(
        text.contains("no session was recorded on or after 2026-12-05"),
        "{text}"
    );
}

#[test]
fn markdown_escapes_user_text_and_shows_control_characters() {
    let mut a = assessment();
    a.workshops[0].attendees.push("*Eve*\u{7}".into());
    let text = build(&a, None).unwrap().markdown();
    assert!(text.contains("- \\*Eve\\*"), "{text}");
    assert!(!text.contains('\u{7}'), "{text}");
    assert!(text.contains("| CC6.1 | CC6.1.mfa |"), "{text}");
    assert!(text.contains("Planned → In place"), "{text}");
}

#[test]
fn without_history_before_the_session_the_minutes_say_every_answer_is_new() {
    let with = build(&assessment(), None).unwrap();
    assert!(with.history_before);
    assert!(
        with.compared_with()
            .starts_with("the answers as they stood before 2026-12-05")
    );
    let mut bare = assessment();
    bare.history.clear();
    let without = build(&bare, None).unwrap();
    assert!(!without.history_before);
    assert!(
        without
            .compared_with()
            .contains("no answers from before 2026-12-05")
    );
    assert!(without.markdown().contains("every answer is listed as new"));
}
