//! Hand-computed cases of the timeline model.

use super::*;

fn day(y: i16, m: i8, d: i8) -> Date {
    Date::constant(y, m, d)
}

fn inputs(today: Date) -> Inputs {
    Inputs {
        today,
        window_months: 3,
        chosen_start: None,
        proven_since: None,
        unanswered: 0,
    }
}

fn gap(weeks: u32) -> GapWork {
    GapWork { weeks }
}

#[test]
fn capacity_or_the_biggest_gap_sets_the_pace() {
    // 2 + 3 + 6 + 1 = 12 weeks of work at 2 a week = 6 weeks; the biggest gap is 6 weeks.
    // Type 1: 2026-11-24 + 42 days = 2027-01-05 ready, + 42 days = 2027-02-16.
    // Window 2027-01-05 .. 2027-04-04; report 2027-04-04 + 42 days = 2027-05-16.
    let gaps = [gap(2), gap(3), gap(6), gap(1), gap(2)];
    let timeline = plan(&gaps[..4], inputs(day(2026, 11, 24)));
    assert_eq!(timeline.type1.date, day(2027, 2, 16));
    assert_eq!(timeline.window_start, day(2027, 1, 5));
    assert_eq!(timeline.window_end, day(2027, 4, 4));
    assert_eq!(timeline.type2.date, day(2027, 5, 16));
    // 14 weeks of work at 2 a week = 7 weeks: 2027-01-12 + 42 days = 2027-02-23.
    let timeline = plan(&gaps, inputs(day(2026, 11, 24)));
    assert_eq!(timeline.type1.date, day(2027, 2, 23));
    assert!(
        timeline.type1.assumptions[0].starts_with("5 gaps take about 14 weeks of work"),
        "{:?}",
        timeline.type1.assumptions
    );
}

#[test]
fn nothing_to_do_still_needs_the_lead_time_and_a_lived_window() {
    let timeline = plan(&[], inputs(day(2028, 2, 29)));
    assert_eq!(timeline.type1.date, day(2028, 4, 11));
    // 29 Feb + 3 months = 29 May, minus a day: the window is 29 Feb to 28 May.
    assert_eq!(timeline.window_end, day(2028, 5, 28));
    assert_eq!(timeline.type2.date, day(2028, 7, 9));
    assert_eq!(
        timeline.type1.assumptions[0],
        "no gaps to close, so controls are evidenced by 2028-02-29"
    );
}

#[test]
fn the_log_can_move_the_window_back_but_never_into_an_unlived_report() {
    let mut with_proof = inputs(day(2026, 11, 24));
    with_proof.proven_since = Some(day(2026, 6, 1));
    with_proof.window_months = 6;
    let timeline = plan(&[], with_proof);
    // Window 2026-06-01 .. 2026-11-30 (not yet over), so the report is 2026-11-30 + 42 days.
    assert_eq!(timeline.window_start, day(2026, 6, 1));
    assert_eq!(timeline.window_end, day(2026, 11, 30));
    assert_eq!(timeline.type2.date, day(2027, 1, 11));
    // A window proven long ago is over: the report is today + the lead time, never earlier.
    with_proof.proven_since = Some(day(2025, 1, 1));
    assert_eq!(plan(&[], with_proof).type2.date, day(2027, 1, 5));
    // Open gaps make the proof irrelevant: 4 weeks from today.
    let timeline = plan(&[gap(4)], with_proof);
    assert_eq!(timeline.window_start, day(2026, 12, 22));
}

#[test]
fn a_chosen_start_is_kept_when_feasible_and_explained_when_not() {
    let mut chosen = inputs(day(2026, 11, 24));
    chosen.chosen_start = Some(day(2027, 3, 1));
    chosen.window_months = 12;
    let timeline = plan(&[gap(2)], chosen);
    assert_eq!(timeline.window_start, day(2027, 3, 1));
    assert_eq!(timeline.window_end, day(2028, 2, 29));
    assert_eq!(timeline.type2.date, day(2028, 4, 11));
    chosen.chosen_start = Some(day(2026, 12, 1));
    let timeline = plan(&[gap(2)], chosen);
    assert_eq!(timeline.window_start, day(2026, 12, 8));
    assert!(
        timeline
            .type2
            .assumptions
            .iter()
            .any(|line| line.starts_with("the planned start 2026-12-01 is too early"))
    );
}

#[test]
fn the_window_starts_once_every_gap_is_closed() {
    // 2 + 5 × 4 = 22 weeks of work at 2 a week = 11 weeks = 77 days: every gap is closed
    // on 2027-02-09, so the Type 1 report is 2027-03-23. Every control must operate through
    // the whole window, so the 3-month window is 2027-02-09 .. 2027-05-08 and the Type 2
    // report 42 days later, 2027-06-19: a window after the Type 1 point, never beside it.
    let today = day(2026, 11, 24);
    let mut gaps = vec![gap(2)];
    gaps.extend([gap(4); 5]);
    let timeline = plan(&gaps, inputs(today));
    assert_eq!(timeline.type1.date, day(2027, 3, 23));
    assert_eq!(timeline.window_start, day(2027, 2, 9));
    assert_eq!(timeline.window_end, day(2027, 5, 8));
    assert_eq!(timeline.type2.date, day(2027, 6, 19));
    assert!(
        timeline.type2.assumptions[0].starts_with("every gap is closed by 2027-02-09"),
        "{:?}",
        timeline.type2.assumptions
    );
    // Ten more 4-week gaps: 62 weeks at 2 a week = 31 weeks = 217 days, ready 2027-06-29;
    // the window is 2027-06-29 .. 2027-09-28 and the report 2027-11-09.
    gaps.extend([gap(4); 10]);
    let timeline = plan(&gaps, inputs(today));
    assert_eq!(timeline.type1.date, day(2027, 8, 10));
    assert_eq!(timeline.window_start, day(2027, 6, 29));
    assert_eq!(timeline.window_end, day(2027, 9, 28));
    assert_eq!(timeline.type2.date, day(2027, 11, 9));
}

#[test]
fn gap_weeks_follow_the_shortfall_the_key_flag_or_the_declared_effort() {
    let questionnaire =
        crate::questionnaire::load(&crate::questionnaire::QuestionnaireSource::BuiltIn).unwrap();
    let mut question = questionnaire.question("CC6.1.mfa").unwrap().clone();
    question.key = true;
    assert_eq!(gap_weeks(&question, Level::NotInPlace, Level::Evidenced), 6);
    assert_eq!(gap_weeks(&question, Level::Evidenced, Level::Evidenced), 0);
    question.key = false;
    assert_eq!(gap_weeks(&question, Level::Planned, Level::Evidenced), 2);
    // 8 weeks from nothing to evidenced: two of three levels short = 16/3, rounded up.
    question.effort = Some(8);
    assert_eq!(gap_weeks(&question, Level::Planned, Level::Evidenced), 6);
    question.effort = Some(1);
    assert_eq!(gap_weeks(&question, Level::InPlace, Level::Evidenced), 1);
}

#[test]
fn the_log_proves_a_window_only_when_every_key_control_has_current_evidence() {
    use crate::assessment::{Assessment, Evidence};
    use crate::questionnaire::{QuestionnaireSource, Stage, Target, load};
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let today = day(2026, 11, 24);
    let mut assessment = Assessment::new("A", "", day(2026, 1, 1), Target::Type2, []);
    let keys: Vec<String> = questionnaire
        .questions()
        .iter()
        .filter(|q| q.key && q.stage == Stage::Compliance && assessment.in_scope(q))
        .map(|q| q.id.clone())
        .collect();
    for (index, id) in keys.iter().enumerate() {
        // Every key control operating, with evidence from 1 June (the last from 1 July).
        let from = if index + 1 == keys.len() {
            day(2026, 7, 1)
        } else {
            day(2026, 6, 1)
        };
        assessment.edit(id, |record| {
            record.answer = Some(crate::assessment::Answer::Level(Level::Operating));
            record.evidence.push(Evidence {
                title: "log".into(),
                location: String::new(),
                collected: day(2026, 11, 20),
                period: Some((from, day(2026, 11, 20))),
                expires: None,
                files: Vec::new(),
            });
        });
    }
    let plan = timeline(&questionnaire, &assessment, today);
    assert_eq!(
        plan.window_start,
        day(2026, 7, 1),
        "the latest proven start of all"
    );
    assert_eq!(plan.window_end, day(2026, 9, 30));
    // Evidence that stopped more than 31 days ago proves nothing about now.
    assessment.edit(&keys[0], |record| {
        record.evidence[0].period = Some((day(2026, 6, 1), day(2026, 10, 1)));
    });
    let plan = timeline(&questionnaire, &assessment, today);
    assert_eq!(plan.window_start, today);
}
