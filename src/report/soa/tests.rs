//! Tests of the Statement of Applicability rows, on the built-in questionnaire.

use jiff::civil::Date;

use super::*;
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Category, Level, QuestionnaireSource, Target, load};
use crate::scoring::{Policy, score};

fn model_of(edit: impl FnOnce(&mut Assessment)) -> ReportModel {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let mut assessment = Assessment::new(
        "Acme",
        "",
        Date::constant(2026, 11, 1),
        Target::Type2,
        [Category::Security],
    );
    edit(&mut assessment);
    let policy = Policy::default();
    let card = score(&questionnaire, &assessment, &policy);
    ReportModel::build(
        &questionnaire,
        &assessment,
        &card,
        &policy,
        Date::constant(2026, 11, 24),
    )
}

fn find<'a>(rows: &'a [SoaRow], id: &str) -> &'a SoaRow {
    rows.iter().find(|row| row.id == id).unwrap()
}

#[test]
fn all_93_annex_a_controls_in_order_and_nothing_implemented_unanswered() {
    let rows = rows(&model_of(|_| {}));
    assert_eq!(rows.len(), 93);
    assert_eq!(rows[0].id, "A.5.1");
    assert_eq!(rows[92].id, "A.8.34");
    assert!(rows.iter().all(|row| row.implemented != "Yes"));
    // A.8.6 (capacity) is reached only by availability questions, out of scope here.
    let capacity = find(&rows, "A.8.6");
    assert_eq!(capacity.applicable, NOT_ASSESSED);
    assert_eq!(capacity.implemented, NOT_ASSESSED);
    assert_eq!(find(&rows, "A.8.5").implemented, "Not answered yet");
}

#[test]
fn answers_move_a_control_to_partly_and_yes() {
    let partly = rows(&model_of(|a| {
        a.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Operating)));
        a.set_answer("CC6.1.sso", Some(Answer::Level(Level::NotInPlace)));
    }));
    let sign_in = find(&partly, "A.8.5");
    assert_eq!(sign_in.implemented, "Partly");
    assert_eq!(
        sign_in.justification,
        "1 of the 3 linked SOC 2 questions are at least in place."
    );
    assert!(sign_in.questions.iter().any(|q| q == "CC6.1.mfa"));
    let done = rows(&model_of(|a| {
        for id in ["CC6.1.mfa", "CC6.1.sso", "CC6.6.remote-access"] {
            a.set_answer(id, Some(Answer::Level(Level::InPlace)));
        }
    }));
    assert_eq!(find(&done, "A.8.5").implemented, "Yes");
    assert_eq!(find(&done, "A.8.5").applicable, "Yes");
}

#[test]
fn n_a_answers_exclude_a_control_with_their_reason() {
    let rows = rows(&model_of(|a| {
        a.set_answer("CC8.1.branch-protection", Some(Answer::NotApplicable));
        a.edit("CC8.1.branch-protection", |record| {
            record.na_reason = "We write no code; the product is configured SaaS".into();
        });
    }));
    let source = find(&rows, "A.8.4");
    assert_eq!(source.applicable, "No");
    assert_eq!(source.implemented, "Not applicable");
    assert!(source.justification.contains("We write no code"));
    assert_eq!(source.questions, ["CC8.1.branch-protection"]);
}
