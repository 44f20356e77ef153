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
        engaged: true,
    }
}

fn gap(weeks: u32) -> GapWork {
    GapWork { weeks }
}

#[test]
fn capacity_or_the_biggest_gap_sets_the_pace() {
    // 2 + 3 + 6 + 1 = 12 weeks of work at 2 a week = 6 weeks; the biggest gap is 6 weeks.
    // Type 1: 2026-11-24 + 42 days = 2027-01-05 ready (the as-of date), + 28 days = 2027-02-02
    // at the earliest, + 70 days = 2027-03-16 at the latest.
    // Window 2027-01-05 .. 2027-04-04; report 2027-04-04 + 28 days = 2027-05-02.
    let gaps = [gap(2), gap(3), gap(6), gap(1), gap(2)];
    let timeline = plan(&gaps[..4], inputs(day(2026, 11, 24)));
    assert_eq!(timeline.type1.as_of, day(2027, 1, 5));
    assert_eq!(timeline.type1.date, day(2027, 2, 2));
    assert_eq!(timeline.type1.latest, day(2027, 3, 16));
    assert_eq!(timeline.window_start, day(2027, 1, 5));
    assert_eq!(timeline.window_end, day(2027, 4, 4));
    assert_eq!(timeline.type2.as_of, day(2027, 4, 4));
    assert_eq!(timeline.type2.date, day(2027, 5, 2));
    assert_eq!(timeline.type2.range(), "2027-05-02 to 2027-06-13");
    // 14 weeks of work at 2 a week = 7 weeks: 2027-01-12 + 28 days = 2027-02-09.
    let timeline = plan(&gaps, inputs(day(2026, 11, 24)));
    assert_eq!(timeline.type1.date, day(2027, 2, 9));
    assert!(
        timeline.type1.assumptions[0].starts_with("5 gaps take about 14 weeks of work"),
        "{:?}",
        timeline.type1.assumptions
    );
}

#[test]
fn nothing_to_do_still_needs_the_lead_time_and_a_lived_window() {
    let timeline = plan(&[], inputs(day(2028, 2, 29)));
    assert_eq!(timeline.type1.date, day(2028, 3, 28));
    // 29 Feb + 3 months = 29 May, minus a day: the window is 29 Feb to 28 May.
    assert_eq!(timeline.window_end, day(2028, 5, 28));
    assert_eq!(timeline.type2.date, day(2028, 6, 25));
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
    // Window 2026-06-01 .. 2026-11-30 (not yet over), so the report is 2026-11-30 + 28 days.
    assert_eq!(timeline.window_start, day(2026, 6, 1));
    assert_eq!(timeline.window_end, day(2026, 11, 30));
    assert_eq!(timeline.type2.date, day(2026, 12, 28));
    // A window proven long ago is over: the report is today + the lag, never earlier.
    with_proof.proven_since = Some(day(2025, 1, 1));
    assert_eq!(plan(&[], with_proof).type2.date, day(2026, 12, 22));
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
    assert_eq!(timeline.type2.date, day(2028, 3, 28));
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
    // on 2027-02-09, so the Type 1 report is 2027-03-09 at the earliest. Every control must
    // operate through the whole window, so the 3-month window is 2027-02-09 .. 2027-05-08 and
    // the Type 2 report 28 days later, 2027-06-05: a window after the Type 1 point.
    let today = day(2026, 11, 24);
    let mut gaps = vec![gap(2)];
    gaps.extend([gap(4); 5]);
    let timeline = plan(&gaps, inputs(today));
    assert_eq!(timeline.type1.date, day(2027, 3, 9));
    assert_eq!(timeline.window_start, day(2027, 2, 9));
    assert_eq!(timeline.window_end, day(2027, 5, 8));
    assert_eq!(timeline.type2.date, day(2027, 6, 5));
    assert!(
        timeline.type2.assumptions[0].starts_with("every gap is closed by 2027-02-09"),
        "{:?}",
        timeline.type2.assumptions
    );
    // Ten more 4-week gaps: 62 weeks at 2 a week = 31 weeks = 217 days, ready 2027-06-29;
    // the window is 2027-06-29 .. 2027-09-28 and the report 2027-10-26.
    gaps.extend([gap(4); 10]);
    let timeline = plan(&gaps, inputs(today));
    assert_eq!(timeline.type1.date, day(2027, 7, 27));
    assert_eq!(timeline.window_start, day(2027, 6, 29));
    assert_eq!(timeline.window_end, day(2027, 9, 28));
    assert_eq!(timeline.type2.date, day(2027, 10, 26));
}

#[test]
fn gap_weeks_follow_the_shortfall_the_key_flag_or_the_declared_effort() {
    let questionnaire =
        crate::questionnaire::load(&crate::questionnaire::QuestionnaireSource::BuiltIn).unwrap();
    let mut question = questionnaire.question("CC6.1.mfa").unwrap().clone();
    question.key = true;
    question.effort = None;
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
fn long_lead_items_carry_their_realistic_effort_in_the_built_in_files() {
    let questionnaire =
        crate::questionnaire::load(&crate::questionnaire::QuestionnaireSource::BuiltIn).unwrap();
    let from_nothing = |id: &str| {
        let question = questionnaire.question(id).unwrap();
        gap_weeks(question, Level::NotInPlace, Level::Evidenced)
    };
    // A pen test from nothing: booking, testing and the retest take six to ten weeks.
    assert!((6..=10).contains(&from_nothing("CC4.1.penetration-test")));
    // Enforcing MFA takes days, not the six weeks a key control gets by default.
    assert_eq!(from_nothing("CC6.1.mfa"), 1);
    for id in [
        "CC1.4.background-checks",
        "CC6.7.mdm",
        "CC3.2.annual-risk-assessment",
        "ATT.system-description",
        "ATT.auditor",
    ] {
        let weeks = from_nothing(id);
        assert!((4..=8).contains(&weeks), "{id}: {weeks} weeks");
        assert!(questionnaire.question(id).unwrap().effort.is_some(), "{id}");
    }
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

/// A Type 2 assessment with every compliance and attestation question at the top of its
/// scale, so only what a test changes can move the dates.
fn ready_assessment(
    questionnaire: &crate::questionnaire::Questionnaire,
) -> crate::assessment::Assessment {
    use crate::assessment::{Answer, Assessment};
    use crate::questionnaire::AnswerKind;
    let mut assessment = Assessment::new("A", "", day(2026, 1, 1), Target::Type2, []);
    for question in questionnaire.questions() {
        let answer = match question.kind {
            AnswerKind::YesNo => Answer::Yes,
            AnswerKind::Scale => Answer::Level(Level::Operating),
        };
        assessment.edit(&question.id, |record| record.answer = Some(answer));
    }
    assessment
}

#[test]
fn certification_and_not_yet_relevant_questions_never_move_the_dates() {
    use crate::assessment::Answer;
    use crate::questionnaire::{AnswerKind, QuestionnaireSource, Stage, load};
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let today = day(2026, 11, 24);
    let mut assessment = ready_assessment(&questionnaire);
    let ready = timeline(&questionnaire, &assessment, today);
    assert_eq!(ready.type1.as_of, today, "{:?}", ready.type1.assumptions);
    // Every "certification" question answered at the bottom: what is said to customers
    // after a report cannot hold the report back.
    for question in questionnaire.questions() {
        if question.stage == Stage::Certification {
            let answer = match question.kind {
                AnswerKind::YesNo => Answer::No,
                AnswerKind::Scale => Answer::Level(Level::NotInPlace),
            };
            assessment.edit(&question.id, |record| record.answer = Some(answer));
        }
    }
    let after = timeline(&questionnaire, &assessment, today);
    assert_eq!(after.type1, ready.type1);
    assert_eq!(after.type2, ready.type2);
    // Cleared, they are not counted as unanswered either.
    for question in questionnaire.questions() {
        if question.stage == Stage::Certification {
            assessment.edit(&question.id, |record| record.answer = None);
        }
    }
    let cleared = timeline(&questionnaire, &assessment, today);
    assert!(
        !cleared
            .type1
            .assumptions
            .iter()
            .any(|line| line.contains("unanswered")),
        "{:?}",
        cleared.type1.assumptions
    );
    // A compliance question that waits for another answer counts only once it applies: a
    // conditional question is made not yet relevant by taking its condition away.
    let conditional_id = "CC6.1.mfa";
    let condition_id = "CERT.logo-use";
    let mut questions = questionnaire.questions().to_vec();
    for question in &mut questions {
        if question.id == conditional_id {
            question.relevant_when = Some(crate::questionnaire::Condition {
                question: condition_id.into(),
                at_least: Level::Operating,
            });
        }
    }
    let conditional = crate::questionnaire::Questionnaire::new(
        questions,
        questionnaire.files().to_vec(),
        questionnaire.version().into(),
    );
    assessment.edit(conditional_id, |record| {
        record.answer = Some(Answer::Level(Level::NotInPlace));
    });
    assessment.edit(condition_id, |record| record.answer = Some(Answer::No));
    let waiting = timeline(&conditional, &assessment, today);
    assert_eq!(
        waiting.type1.as_of, today,
        "{:?}",
        waiting.type1.assumptions
    );
    assessment.edit(condition_id, |record| record.answer = Some(Answer::Yes));
    let applies = timeline(&conditional, &assessment, today);
    assert!(
        applies.type1.as_of > today,
        "{:?}",
        applies.type1.assumptions
    );
}

#[test]
fn without_an_engagement_letter_fieldwork_waits_for_the_booking_floor() {
    use crate::assessment::Answer;
    use crate::questionnaire::{QuestionnaireSource, load};
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let today = day(2026, 11, 24);
    let mut assessment = ready_assessment(&questionnaire);
    assessment.edit(ENGAGEMENT_QUESTION, |record| {
        record.answer = Some(Answer::Level(Level::Evidenced));
    });
    // Firm chosen, no letter: fieldwork no sooner than 56 days from today, 2027-01-19;
    // the report 4 to 10 weeks later.
    let plan = timeline(&questionnaire, &assessment, today);
    assert_eq!(plan.type1.as_of, day(2027, 1, 19));
    assert_eq!(plan.type1.range(), "2027-02-16 to 2027-03-30");
    assert!(
        plan.type1
            .assumptions
            .iter()
            .any(|line| line.starts_with("no engagement letter is signed yet")),
        "{:?}",
        plan.type1.assumptions
    );
    assert_eq!(
        plan.headline(Target::Type1),
        "Type 1 as of 2027-01-19, report 2027-02-16 to 2027-03-30"
    );
    // The letter signed: the as-of date is the day the controls are ready, today.
    assessment.edit(ENGAGEMENT_QUESTION, |record| {
        record.answer = Some(Answer::Level(Level::Operating));
    });
    let plan = timeline(&questionnaire, &assessment, today);
    assert_eq!(plan.type1.as_of, today);
    assert!(
        !plan
            .type1
            .assumptions
            .iter()
            .any(|line| line.contains("engagement letter"))
    );
}

#[test]
fn the_booking_floor_holds_a_type2_report_whose_window_is_over() {
    let mut late = inputs(day(2026, 11, 24));
    late.proven_since = Some(day(2025, 1, 1));
    late.engaged = false;
    let timeline = plan(&[], late);
    // The window 2025-01-01 .. 2025-03-31 is long over; fieldwork waits for 2027-01-19.
    assert_eq!(timeline.type2.as_of, day(2025, 3, 31));
    assert_eq!(timeline.type2.date, day(2027, 2, 16));
    assert!(
        timeline
            .type2
            .assumptions
            .iter()
            .any(|line| line.starts_with("no engagement letter")),
        "{:?}",
        timeline.type2.assumptions
    );
    // A window still to be lived ends after the floor: the floor is not mentioned.
    late.proven_since = None;
    let timeline = plan(&[], late);
    assert!(
        !timeline
            .type2
            .assumptions
            .iter()
            .any(|line| line.starts_with("no engagement letter"))
    );
    assert_eq!(
        timeline.headline(Target::Type2),
        "Type 2 for 2026-11-24 to 2027-02-23, report 2027-03-23 to 2027-05-04"
    );
}
