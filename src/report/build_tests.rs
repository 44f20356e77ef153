//! The report model against the built-in questionnaire: what is listed where, in which
//! order and phase, and that nothing is lost or invented.

use jiff::civil::Date;

use super::*;
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Category, Level, QuestionnaireSource, Stage, Target, load};
use crate::report::text::tests::assert_quoted_when_certified;
use crate::scoring::{Policy, Severity, score};

const TODAY: Date = Date::constant(2026, 11, 24);

fn questionnaire() -> Questionnaire {
    load(&QuestionnaireSource::BuiltIn).expect("the built-in questionnaire is valid")
}

fn build(questionnaire: &Questionnaire, assessment: &Assessment) -> ReportModel {
    let policy = Policy::default();
    let card = score(questionnaire, assessment, &policy);
    ReportModel::build(questionnaire, assessment, &card, &policy, TODAY)
}

fn assessment(target: Target, answers: &[(&str, Answer)]) -> Assessment {
    let mut assessment = Assessment::new(
        "Acme",
        "Jane",
        Date::constant(2026, 11, 1),
        target,
        [Category::Availability],
    );
    for (id, answer) in answers {
        assessment.set_answer(id, Some(*answer));
    }
    assessment
}

const fn level(level: Level) -> Answer {
    Answer::Level(level)
}

#[test]
fn an_empty_assessment_lists_every_question_as_unanswered_and_no_gaps() {
    let questionnaire = questionnaire();
    let model = build(&questionnaire, &assessment(Target::Type2, &[]));
    let in_scope = model.tally.questions as usize;
    assert!(in_scope > 100);
    assert_eq!(model.unanswered.len(), in_scope);
    assert!(model.gaps.is_empty(), "unknown state is not a gap");
    // Key controls come first, so the first thing to answer is a key control.
    let first_plain = model.unanswered.iter().position(|q| !q.key).unwrap();
    assert!(first_plain > 0);
    assert!(model.unanswered[first_plain..].iter().all(|q| !q.key));
    // Every in-scope question still appears in the appendix, marked unanswered.
    let lines: Vec<&AnswerLine> = model.answers.iter().flat_map(|g| &g.questions).collect();
    assert_eq!(lines.len(), in_scope);
    assert!(
        lines
            .iter()
            .all(|line| line.answer == "Unanswered" && line.answer_key == "unanswered")
    );
    let now = &model.roadmap[0];
    assert_eq!(now.phase, Phase::Now);
    assert!(now.actions[0].contains(&format!("answer the {in_scope} open questions")));
    assert!(model.summary.contains("No question has been answered yet"));
    assert_quoted_when_certified(&model.summary);
}

#[test]
fn gaps_are_ranked_by_severity_and_sorted_into_phases() {
    let questionnaire = questionnaire();
    let answers = [
        ("CC8.1.branch-protection", level(Level::Planned)), // heavy, not in place: High, before Type 1
        ("CC6.1.password-policy", level(Level::Evidenced)), // evidenced: Low, Type 2 window
        ("CC6.1.mfa", level(Level::NotInPlace)),            // key, nothing: Critical, now
        ("A1.2.backups", level(Level::Evidenced)),          // key, evidenced: High, Type 2 window
        ("CC6.1.sso", level(Level::Planned)),               // not in place: Medium, before Type 1
        ("ATT.evidence-months", level(Level::Planned)),     // Type 2 only: Type 2 window
        ("CC8.1.change-approval", level(Level::Operating)), // no gap
        ("CC6.4.office-access", Answer::NotApplicable),     // no gap
    ];
    let model = build(&questionnaire, &assessment(Target::Type2, &answers));
    assert!(
        !questionnaire
            .question("ATT.evidence-months")
            .unwrap()
            .applies_to(Target::Type1)
    );
    let found: Vec<(&str, Severity, Phase)> = model
        .gaps
        .iter()
        .map(|gap| (gap.question.id.as_str(), gap.severity, gap.phase))
        .collect();
    assert_eq!(
        found,
        [
            ("CC6.1.mfa", Severity::Critical, Phase::Now),
            (
                "ATT.evidence-months",
                Severity::Critical,
                Phase::Type2Window
            ),
            // Weight 3 × 3 levels short outranks a key control one level short (3 × 1 × 2).
            (
                "CC8.1.branch-protection",
                Severity::High,
                Phase::BeforeType1
            ),
            ("A1.2.backups", Severity::High, Phase::Type2Window),
            ("CC6.1.sso", Severity::Medium, Phase::BeforeType1),
            ("CC6.1.password-policy", Severity::Low, Phase::Type2Window),
        ]
    );
    assert_eq!(
        model.gaps.iter().map(|gap| gap.rank).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    let phase_ids = |phase: Phase| model.roadmap[phase as usize].gap_ids.clone();
    assert_eq!(phase_ids(Phase::Now), ["CC6.1.mfa"]);
    assert_eq!(
        phase_ids(Phase::BeforeType1),
        ["CC8.1.branch-protection", "CC6.1.sso"]
    );
    assert_eq!(
        phase_ids(Phase::Type2Window),
        [
            "ATT.evidence-months",
            "A1.2.backups",
            "CC6.1.password-policy"
        ]
    );
    let mfa = &model.gaps[0];
    assert_eq!(mfa.current, "Not in place");
    assert_eq!(mfa.needed, "Operating over time");
    assert_eq!(
        mfa.criterion_title,
        crate::questionnaire::criterion("CC6.1").unwrap().title
    );
    assert!(!mfa.remediation.is_empty() && !mfa.evidence.is_empty());
    assert_eq!(model.gaps[1].criterion_title, "Attestation readiness");
}

#[test]
fn notes_owners_unsure_na_and_unknown_answers_are_carried_over() {
    let questionnaire = questionnaire();
    let mut assessment = assessment(Target::Type1, &[("CC7.2.central-logging", Answer::Unsure)]);
    assessment.edit("CC6.1.mfa", |record| {
        record.answer = Some(level(Level::InPlace));
        record.note = "Enforced — except “root”".into();
        record.owner = "Jürgen".into();
        record.due = Some(Date::constant(2027, 1, 31));
    });
    assessment.edit("CC6.4.office-access", |record| {
        record.answer = Some(Answer::NotApplicable);
        record.na_reason = "fully remote".into();
    });
    assessment.edit("CC1.1.code-of-conduct", |record| {
        record.note = "to discuss".into()
    });
    assessment.set_answer("X.retired", Some(Answer::Yes));
    let model = build(&questionnaire, &assessment);

    let mfa = model
        .gaps
        .iter()
        .find(|gap| gap.question.id == "CC6.1.mfa")
        .unwrap();
    assert_eq!(
        (mfa.note.as_str(), mfa.owner.as_str()),
        ("Enforced — except “root”", "Jürgen")
    );
    assert_eq!(mfa.due, Some(Date::constant(2027, 1, 31)));
    assert_eq!(mfa.needed, "Evidenced", "Type 1 needs evidence now");

    let unsure = model
        .gaps
        .iter()
        .find(|gap| gap.question.id == "CC7.2.central-logging");
    assert_eq!(unsure.map(|gap| gap.current.as_str()), Some("Unsure"));
    assert_eq!(model.unsure.len(), 1);
    assert!(
        model
            .unanswered
            .iter()
            .all(|q| q.id != "CC7.2.central-logging")
    );

    assert!(
        model
            .gaps
            .iter()
            .all(|gap| gap.question.id != "CC6.4.office-access")
    );
    let line = |id: &str| {
        model
            .answers
            .iter()
            .flat_map(|group| &group.questions)
            .find(|line| line.id == id)
            .unwrap()
    };
    assert_eq!(line("CC6.4.office-access").na_reason, "fully remote");
    assert_eq!(line("CC6.4.office-access").answer, "Not applicable");
    // A note without an answer is kept, and the question still counts as unanswered.
    assert_eq!(line("CC1.1.code-of-conduct").note, "to discuss");
    assert!(
        model
            .unanswered
            .iter()
            .any(|q| q.id == "CC1.1.code-of-conduct")
    );
    assert_eq!(model.unscored_answers, ["X.retired"]);

    // Type 1 target: the plan has no observation window.
    let phases: Vec<Phase> = model.roadmap.iter().map(|plan| plan.phase).collect();
    assert_eq!(phases, [Phase::Now, Phase::BeforeType1, Phase::Communicate]);
    assert_eq!(model.roadmap[1].label, "Before the Type 1 report");
}

#[test]
fn stage_cards_use_the_stage_labels_and_name_their_blockers() {
    let questionnaire = questionnaire();
    let model = build(
        &questionnaire,
        &assessment(Target::Type2, &[("CERT.claims", Answer::No)]),
    );
    let labels: Vec<&str> = model.stages.iter().map(|card| card.label).collect();
    assert_eq!(labels, ["Compliance", "Attestation", "“Certification”"]);
    let certification = model.stage(Stage::Certification);
    let claims = certification
        .blockers
        .iter()
        .find(|blocker| blocker.question.id == "CERT.claims")
        .expect("an unmet key question blocks its stage");
    assert_eq!(claims.current, "No");
    assert_eq!(claims.needed, "Yes");
    assert!(!claims.question.title.is_empty());
    assert_eq!(model.targets.len(), 2);
    assert_eq!(model.method.ready_percent, 85);
    assert_eq!(model.method.getting_there_percent, 50);
    assert_eq!(model.scope, [Category::Security, Category::Availability]);
    for text in [&model.summary, &model.disclaimer, &model.attestation_note] {
        assert_quoted_when_certified(text);
    }
    // One answer out of 170: too few for a verdict.
    assert!(model.summary.contains("Overall verdict: Not assessed yet."));
    assert!(model.summary.contains("1 gap (1 critical)"));
}
