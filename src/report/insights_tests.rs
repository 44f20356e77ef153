//! The summarising parts of the report model against the built-in questionnaire.

use jiff::civil::Date;

use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Category, Level, Questionnaire, QuestionnaireSource, Target, load};
use crate::report::{Phase, ReportModel};
use crate::scoring::{Policy, score};

const TODAY: Date = Date::constant(2026, 11, 24);

fn build(answers: &[(&str, Answer)], edit: impl FnOnce(&mut Assessment)) -> ReportModel {
    let questionnaire: Questionnaire =
        load(&QuestionnaireSource::BuiltIn).expect("the built-in questionnaire is valid");
    let mut assessment = Assessment::new(
        "Acme",
        "Jane",
        Date::constant(2026, 11, 1),
        Target::Type2,
        [Category::Availability],
    );
    for (id, answer) in answers {
        assessment.set_answer(id, Some(*answer));
    }
    edit(&mut assessment);
    let policy = Policy::default();
    let card = score(&questionnaire, &assessment, &policy);
    ReportModel::build(&questionnaire, &assessment, &card, &policy, TODAY)
}

const PLANNED: Answer = Answer::Level(Level::Planned);

#[test]
fn open_key_controls_come_before_every_gap_and_unsure_after_them() {
    let model = build(
        &[
            ("CC6.1.mfa", PLANNED),
            ("CC8.1.change-approval", Answer::Unsure),
        ],
        |_| {},
    );
    let titles: Vec<&str> = model.actions.iter().map(|a| a.title.as_str()).collect();
    assert!(
        titles[0].starts_with("Finish the assessment: answer the"),
        "{titles:?}"
    );
    assert!(titles.len() <= super::MAX_ACTIONS && titles.len() >= 3);
    // Gaps follow in rank order, named by title, never by id.
    assert_eq!(model.actions[1].gap_ranks, [1]);
    assert!(titles.iter().all(|title| !title.contains("CC6.1.mfa")));
    assert!(
        titles[1..].iter().any(|t| t.contains("Unsure")),
        "{titles:?}"
    );
    let unsure_at = titles.iter().position(|t| t.contains("Unsure")).unwrap();
    assert!(unsure_at > 0, "Unsure never outranks open key controls");
}

#[test]
fn a_finished_assessment_lists_its_top_gaps_only() {
    // Everything answered Planned: every question is a gap, none is open.
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let all: Vec<(String, Answer)> = questionnaire
        .questions()
        .iter()
        .map(|q| {
            let answer = match q.kind {
                crate::questionnaire::AnswerKind::YesNo => Answer::No,
                crate::questionnaire::AnswerKind::Scale => PLANNED,
            };
            (q.id.clone(), answer)
        })
        .collect();
    let answers: Vec<(&str, Answer)> = all.iter().map(|(id, a)| (id.as_str(), *a)).collect();
    let model = build(&answers, |_| {});
    assert!(model.unanswered.is_empty());
    let ranks: Vec<usize> = model
        .actions
        .iter()
        .flat_map(|a| a.gap_ranks.clone())
        .collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5]);
    // Blockers are listed in gap rank order, as in the register.
    let ranks_of = |stage: usize| -> Vec<usize> {
        model.stages[stage]
            .blockers
            .iter()
            .map(|b| {
                model
                    .gaps
                    .iter()
                    .find(|g| g.question.id == b.question.id)
                    .unwrap()
                    .rank
            })
            .collect()
    };
    for stage in 0..3 {
        let ranks = ranks_of(stage);
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    }
    // "Certification" gaps are never in the phase an auditor will not let pass.
    for gap in &model.gaps {
        if gap.stage == crate::questionnaire::Stage::Certification {
            assert_eq!(gap.phase, Phase::Communicate, "{}", gap.question.id);
        }
    }
    // Type 2 target: the plan speaks of the observation window, not of a Type 1 report.
    let labels: Vec<&str> = model.roadmap.iter().map(|p| p.label).collect();
    assert_eq!(
        labels,
        [
            "Now: key controls",
            "Before the observation window starts",
            "During the Type 2 observation window",
            "Before you share the report"
        ]
    );
}

#[test]
fn heat_map_groups_criteria_into_families_in_order() {
    let model = build(
        &[
            ("CC6.1.mfa", Answer::Level(Level::Operating)),
            ("CC7.5.backup-operation", Answer::Level(Level::Operating)),
        ],
        |_| {},
    );
    let families: Vec<&str> = model.heat_map.iter().map(|c| c.family.as_str()).collect();
    assert_eq!(
        &families[..9],
        [
            "CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9"
        ]
    );
    assert_eq!(
        families[9..],
        ["A1"],
        "only categories in scope, no ATT or CERT"
    );
    let cc6 = model.heat_map.iter().find(|c| c.family == "CC6").unwrap();
    assert!(cc6.readiness_percent.unwrap() > 0);
    assert_eq!(cc6.open, cc6.questions - 1);
    assert_eq!(cc6.topic, "Access");
}

#[test]
fn owners_count_gaps_urgent_and_overdue_and_unowned_come_last() {
    let model = build(
        &[
            ("CC6.1.mfa", PLANNED),
            ("CC6.1.sso", PLANNED),
            ("CC8.1.change-approval", PLANNED),
        ],
        |assessment| {
            for (id, owner, due) in [
                ("CC6.1.mfa", "CTO", Date::constant(2026, 11, 1)),
                ("CC6.1.sso", "CTO", Date::constant(2027, 1, 1)),
            ] {
                assessment.edit(id, |record| {
                    record.owner = owner.into();
                    record.due = Some(due);
                });
            }
        },
    );
    assert_eq!(model.owners.len(), 2);
    let cto = &model.owners[0];
    assert_eq!((cto.owner.as_str(), cto.gaps, cto.overdue), ("CTO", 2, 1));
    assert_eq!(cto.urgent, 1, "MFA is key: critical");
    assert_eq!(model.owners[1].owner, "", "unowned last");
    assert_eq!(model.owners[1].no_due_date, 1);
    let mfa = model
        .gaps
        .iter()
        .find(|g| g.question.id == "CC6.1.mfa")
        .unwrap();
    assert!(mfa.overdue);
}

#[test]
fn na_without_reason_and_na_on_key_controls_are_called_out() {
    let model = build(
        &[
            ("CC6.1.mfa", Answer::NotApplicable),
            ("CC6.1.sso", Answer::NotApplicable),
        ],
        |assessment| {
            assessment.edit("CC6.1.sso", |record| record.na_reason = "No SaaS".into());
            assessment.report.observations = "  Good start.  ".into();
            assessment.report.reviewed_by = "Sam".into();
        },
    );
    let ids = |list: &[crate::report::QuestionRef]| -> Vec<String> {
        list.iter().map(|q| q.id.clone()).collect()
    };
    assert_eq!(ids(&model.na_issues.unjustified), ["CC6.1.mfa"]);
    assert_eq!(ids(&model.na_issues.key_controls), ["CC6.1.mfa"]);
    assert_eq!(model.observations, "Good start.");
    assert_eq!(model.sign_off.prepared_by, "Jane");
    assert_eq!(model.sign_off.reviewed_by, "Sam");
    assert_eq!(model.sign_off.date, "2026-11-24");
}
