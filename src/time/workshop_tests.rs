use super::*;
use crate::assessment::Answer;
use crate::questionnaire::{Level, QuestionnaireSource, Target, load};
use jiff::civil::Date;

fn fixture() -> (Questionnaire, Assessment) {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let assessment = Assessment::new("Acme", "", Date::constant(2026, 11, 1), Target::Type2, []);
    (questionnaire, assessment)
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + seconds).unwrap()
}

#[test]
fn by_group_every_counted_question_is_in_one_section_in_questionnaire_order() {
    let (questionnaire, assessment) = fixture();
    let agenda = Agenda::build(&questionnaire, &assessment, Grouping::Group, None);
    let expected: Vec<&str> = questionnaire
        .questions()
        .iter()
        .filter(|q| assessment.in_scope(q) && assessment.is_relevant(q))
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(agenda.questions().collect::<Vec<_>>(), expected);
    let titles: Vec<&str> = agenda.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles.first(), Some(&"CC1 · Control environment"));
    assert!(titles.contains(&"CC6 · Access"), "{titles:?}");
    assert!(titles.contains(&"Attestation"), "{titles:?}");
    assert!(titles.contains(&"“Certification”"), "{titles:?}");
    let mut unique = titles.clone();
    unique.dedup();
    assert_eq!(
        unique.len(),
        titles.len(),
        "a section appears twice: {titles:?}"
    );
    assert_eq!(
        agenda.section_of("CC6.1.mfa").map(|i| titles[i]),
        Some("CC6 · Access")
    );
    assert_eq!(agenda.section_of("no-such-question"), None);
}

#[test]
fn planned_minutes_are_two_per_question_to_discuss_and_one_per_answered() {
    let (questionnaire, mut assessment) = fixture();
    let before = Agenda::build(&questionnaire, &assessment, Grouping::Group, None);
    let access = before.section_of("CC6.1.mfa").unwrap();
    let count = before.sections[access].questions.len() as u32;
    assert_eq!(before.sections[access].planned_minutes, 2 * count);
    assessment.edit("CC6.1.mfa", |r| {
        r.answer = Some(Answer::Level(Level::InPlace))
    });
    assessment.edit("CC6.2.access-approval", |r| r.answer = Some(Answer::Unsure));
    let after = Agenda::build(&questionnaire, &assessment, Grouping::Group, None);
    assert_eq!(
        after.sections[access].to_discuss,
        count as usize - 1,
        "Unsure is still to discuss"
    );
    assert_eq!(after.sections[access].planned_minutes, 2 * count - 1);
    assert_eq!(
        after.planned_minutes(),
        after
            .sections
            .iter()
            .map(|s| s.planned_minutes)
            .sum::<u32>()
    );
}

#[test]
fn a_set_length_is_shared_out_exactly_in_proportion() {
    let (questionnaire, assessment) = fixture();
    let free = Agenda::build(&questionnaire, &assessment, Grouping::Group, None);
    for length in [0, 7, 60, 90, 181, 1000] {
        let agenda = Agenda::build(&questionnaire, &assessment, Grouping::Group, Some(length));
        assert_eq!(agenda.planned_minutes(), length, "length {length}");
        // Each part is within one minute of its exact share.
        let total = f64::from(free.planned_minutes());
        for (planned, natural) in agenda.sections.iter().zip(&free.sections) {
            let exact = f64::from(length) * f64::from(natural.planned_minutes) / total;
            assert!(
                (f64::from(planned.planned_minutes) - exact).abs() < 1.0,
                "{exact}"
            );
        }
    }
}

#[test]
fn largest_remainders_get_the_spare_minutes_and_ties_go_to_the_earlier_section() {
    assert_eq!(share_out(10, &[1, 1, 1]), vec![4, 3, 3]);
    assert_eq!(share_out(5, &[3, 1]), vec![4, 1]);
    assert_eq!(share_out(0, &[3, 1]), vec![0, 0]);
    assert_eq!(share_out(9, &[]), Vec::<u32>::new());
    assert_eq!(share_out(9, &[0, 0]), vec![0, 0]);
}

#[test]
fn by_owner_sections_are_alphabetical_with_unowned_questions_last() {
    let (questionnaire, mut assessment) = fixture();
    assessment.edit("CC6.1.mfa", |r| r.owner = "zoë (CTO)".into());
    assessment.edit("CC1.1.code-of-conduct", |r| r.owner = " HR ".into());
    assessment.edit("CC6.2.access-approval", |r| r.owner = "zoë (CTO)".into());
    assessment.edit("CC7.2.central-logging", |r| r.owner = "   ".into());
    let agenda = Agenda::build(&questionnaire, &assessment, Grouping::Owner, None);
    let titles: Vec<&str> = agenda.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["HR", "zoë (CTO)", NO_OWNER]);
    assert_eq!(
        agenda.sections[1].questions,
        ["CC6.1.mfa", "CC6.2.access-approval"]
    );
    let by_group = Agenda::build(&questionnaire, &assessment, Grouping::Group, None);
    assert_eq!(agenda.questions().count(), by_group.questions().count());
}

#[test]
fn a_question_out_of_scope_or_not_yet_relevant_is_not_on_the_agenda() {
    let (questionnaire, assessment) = fixture();
    let agenda = Agenda::build(&questionnaire, &assessment, Grouping::Group, None);
    let hidden = questionnaire
        .questions()
        .iter()
        .find(|q| !assessment.is_relevant(q))
        .expect("a follow-up question waits for an answer");
    assert_eq!(agenda.section_of(&hidden.id), None);
    assert!(
        agenda.questions().all(|id| !id.starts_with("A1.")),
        "Availability is out of scope"
    );
}

#[test]
fn the_clock_banks_time_per_section_and_flags_a_section_over_time() {
    let mut clock = SectionClock::start("CC1", at(0));
    assert_eq!(clock.spent_seconds("CC1", at(90)), 90);
    clock.enter("CC6", at(100));
    clock.enter("CC6", at(130));
    assert_eq!(clock.spent_seconds("CC1", at(500)), 100);
    assert_eq!(clock.spent_seconds("CC6", at(160)), 60);
    clock.enter("CC1", at(200));
    assert_eq!(clock.spent_seconds("CC1", at(230)), 130);
    assert_eq!(clock.spent_seconds("CC6", at(230)), 100);
    clock.pause(at(260));
    assert_eq!(clock.current_title(), None);
    assert_eq!(clock.spent_seconds("CC1", at(9_999)), 160);
    let section = Section {
        title: "CC1".into(),
        questions: vec![],
        to_discuss: 0,
        planned_minutes: 2,
    };
    assert!(clock.is_over_time(&section, at(9_999)));
    let roomy = Section {
        planned_minutes: 3,
        ..section
    };
    assert!(!clock.is_over_time(&roomy, at(9_999)));
}

#[test]
fn a_clock_set_back_counts_nothing_rather_than_going_negative() {
    let clock = SectionClock::start("CC1", at(100));
    assert_eq!(clock.spent_seconds("CC1", at(40)), 0);
    assert_eq!(seconds_between(at(50), at(10)), 0);
}

#[test]
fn clock_text_reads_like_a_stopwatch() {
    assert_eq!(clock_text(0), "0:00");
    assert_eq!(clock_text(65), "1:05");
    assert_eq!(clock_text(12 * 60), "12:00");
    assert_eq!(clock_text(3725), "1:02:05");
    assert_eq!(clock_text(-4), "0:00");
}

#[test]
fn the_grouping_toggles_and_names_itself() {
    assert_eq!(Grouping::Group.toggled(), Grouping::Owner);
    assert_eq!(Grouping::Owner.toggled(), Grouping::Group);
    assert_eq!(Grouping::Owner.label(), "by owner");
}
