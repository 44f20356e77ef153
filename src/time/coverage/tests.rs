//! Tests of window coverage: cadences, gaps between periods, out of period, expiry, leap
//! days and month ends, and the Type 2 cap.

use super::*;
use crate::questionnaire::{QuestionnaireSource, Target, load};

fn day(y: i16, m: i8, d: i8) -> Date {
    Date::constant(y, m, d)
}

fn window(from: Date, to: Date) -> Window {
    Window { from, to }
}

fn covering(from: Date, to: Date) -> Evidence {
    Evidence {
        period: Some((from, to)),
        ..Evidence::note("e", "", to)
    }
}

fn on(date: Date) -> Evidence {
    Evidence::note("e", "", date)
}

#[test]
fn cadences_split_the_window_into_occurrences() {
    let six = window(day(2026, 1, 1), day(2026, 6, 30));
    assert_eq!(occurrences(six, Some(Frequency::Quarterly)).len(), 2);
    assert_eq!(occurrences(six, Some(Frequency::Monthly)).len(), 6);
    assert_eq!(
        occurrences(six, Some(Frequency::Annual)),
        [(six.from, six.to)]
    );
    assert_eq!(occurrences(six, None), [(six.from, six.to)]);
    assert_eq!(
        occurrences(six, Some(Frequency::Quarterly)),
        [
            (day(2026, 1, 1), day(2026, 3, 31)),
            (day(2026, 4, 1), day(2026, 6, 30))
        ]
    );
}

#[test]
fn month_ends_and_leap_days_do_not_drift() {
    let from_end = window(day(2026, 1, 31), day(2026, 4, 30));
    assert_eq!(
        occurrences(from_end, Some(Frequency::Monthly)),
        [
            (day(2026, 1, 31), day(2026, 2, 27)),
            (day(2026, 2, 28), day(2026, 3, 30)),
            (day(2026, 3, 31), day(2026, 4, 29)),
            (day(2026, 4, 30), day(2026, 4, 30)),
        ],
        "each occurrence starts a whole number of months after the window's first day"
    );
    let leap = window(day(2028, 2, 29), day(2029, 2, 27));
    assert_eq!(
        occurrences(leap, Some(Frequency::HalfYearly)),
        [
            (day(2028, 2, 29), day(2028, 8, 28)),
            (day(2028, 8, 29), day(2029, 2, 27)),
        ]
    );
}

#[test]
fn each_quarter_needs_its_own_evidence_and_gaps_between_periods_show() {
    let year = window(day(2026, 1, 1), day(2026, 12, 31));
    let entries = [
        covering(day(2026, 1, 1), day(2026, 3, 31)),
        // Q2 has nothing: a gap between periods.
        on(day(2026, 8, 15)),
    ];
    let today = day(2026, 10, 15);
    let coverage = coverage_of("Q", Some(Frequency::Quarterly), &entries, year, today);
    let states: Vec<_> = coverage.slots.iter().map(|slot| slot.state).collect();
    assert_eq!(
        states,
        [
            SlotState::Covered,
            SlotState::Missed,
            SlotState::Covered,
            SlotState::Open
        ]
    );
    assert_eq!(coverage.status, Status::Partly);
    assert_eq!(
        coverage.describe(),
        "2 of 4 quarterly occurrences covered (1 missed, 1 still to come)"
    );
    assert_eq!(
        coverage.type2_shortfall(),
        None,
        "only an \"operating over time\" answer falls short of Type 2"
    );
    let claimed = Coverage {
        claims_operating: true,
        ..coverage
    };
    assert!(
        claimed
            .type2_shortfall()
            .unwrap()
            .contains("2 of 4 quarterly occurrences")
    );
}

#[test]
fn evidence_outside_the_window_is_out_of_period_and_expired_counts_for_nothing() {
    let q1 = window(day(2027, 1, 1), day(2027, 3, 31));
    let today = day(2026, 12, 4);
    let before = [covering(day(2026, 7, 1), day(2026, 9, 30))];
    let coverage = coverage_of("Q", Some(Frequency::Quarterly), &before, q1, today);
    assert_eq!(coverage.status, Status::OutOfPeriod);
    assert!(
        coverage.shows_design(),
        "it still shows the design for Type 1"
    );
    assert_eq!(coverage.slots[0].state, SlotState::Open);
    assert_eq!(coverage.type2_shortfall(), None, "nothing missed yet");

    let mut report = covering(day(2026, 11, 1), day(2027, 1, 10));
    report.expires = Some(day(2026, 12, 1));
    let coverage = coverage_of("Q", None, &[report.clone()], q1, today);
    assert_eq!(coverage.status, Status::Expired);
    assert!(!coverage.shows_design());
    assert_eq!(coverage.covered, 0, "expired evidence covers nothing");
    report.expires = Some(day(2026, 12, 5));
    let coverage = coverage_of("Q", None, &[report], q1, today);
    assert_eq!(
        coverage.status,
        Status::Provided,
        "expires tomorrow: still counts"
    );
    assert_eq!(
        coverage_of("Q", None, &[], q1, today).status,
        Status::Missing
    );
}

#[test]
fn an_entry_without_a_period_counts_on_the_day_collected() {
    let q = window(day(2026, 7, 1), day(2026, 9, 30));
    let today = day(2026, 12, 1);
    let monthly = coverage_of(
        "Q",
        Some(Frequency::Monthly),
        &[on(day(2026, 7, 31)), on(day(2026, 9, 1))],
        q,
        today,
    );
    assert_eq!(monthly.covered, 2);
    assert_eq!(monthly.missed, 1, "August has nothing");
    assert_eq!(
        monthly.describe(),
        "2 of 3 monthly occurrences covered (1 missed)"
    );
    let touching = coverage_of("Q", None, &[on(day(2026, 6, 30))], q, today);
    assert_eq!(
        touching.status,
        Status::OutOfPeriod,
        "the day before the window"
    );
    assert_eq!(
        touching.describe(),
        "no evidence in the window (1 entry out of period)"
    );
}

#[test]
fn operating_answers_with_missed_occurrences_get_no_type2_credit() {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let question = questionnaire
        .questions()
        .iter()
        .find(|question| {
            question.frequency == Some(Frequency::Quarterly) && question.stage == Stage::Compliance
        })
        .expect("a quarterly control");
    let today = day(2026, 12, 4);
    let mut assessment = Assessment::new("A", "", day(2026, 1, 1), Target::Type2, []);
    assessment.audit.start = Some(day(2026, 1, 1));
    assessment.audit.window_months = 12;
    assessment.edit(&question.id, |record| {
        record.answer = Some(Answer::Level(Level::Operating));
        record
            .evidence
            .push(covering(day(2026, 1, 1), day(2026, 3, 31)));
    });
    let window = planned_window(&questionnaire, &assessment, today);
    assert_eq!(
        window,
        Window {
            from: day(2026, 1, 1),
            to: day(2026, 12, 31)
        },
        "the chosen window"
    );
    let plain = score(&questionnaire, &assessment, &Policy::default());
    let followed = scorecard(&questionnaire, &assessment, &Policy::default(), today);
    let credit = |card: &Scorecard| card.target_score(Target::Type2).measure.readiness.credit;
    let capped_assessment = capped(&questionnaire, &assessment, today);
    assert!(matches!(capped_assessment, Cow::Owned(_)));
    assert_eq!(
        capped_assessment.answer(&question.id),
        Some(Answer::Level(Level::Evidenced))
    );
    assert!(credit(&followed) < credit(&plain));
    assert!(followed.gaps.iter().any(|gap| gap.question == question.id));
    assert!(!plain.gaps.iter().any(|gap| gap.question == question.id));
    // Evidence for every quarter so far lifts the cap.
    assessment.edit(&question.id, |record| {
        for (from, to) in [
            (day(2026, 4, 1), day(2026, 6, 30)),
            (day(2026, 7, 1), day(2026, 9, 30)),
            (day(2026, 10, 1), day(2026, 12, 1)),
        ] {
            record.evidence.push(covering(from, to));
        }
    });
    assert!(matches!(
        capped(&questionnaire, &assessment, today),
        Cow::Borrowed(_)
    ));
}
