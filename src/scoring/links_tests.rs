//! Scoring of linked questions: one control asked once but counted toward several criteria,
//! and conditional questions that stay out of the readiness until they apply.

use jiff::civil::Date;

use super::*;
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::parse_files;

const SECURITY: &str = r#"
schema = 1
stage = "compliance"
category = "security"
title = "Security"

[[question]]
id = "CC4.1.pentest"
criterion = "CC4.1"
title = "Pen test"
prompt = "Tested?"
why = "Finds holes."
evidence = ["Report"]
remediation = ["Hire a tester"]
also_supports = ["CC7.1", "C1.1"]
weight = 3

[[question]]
id = "CC7.1.scanning"
criterion = "CC7.1"
title = "Scanning"
prompt = "Scanned?"
why = "Finds known holes."
evidence = ["Scan"]
remediation = ["Scan"]
"#;

const CONFIDENTIALITY: &str = r#"
schema = 1
stage = "compliance"
category = "confidentiality"
title = "Confidentiality"

[[question]]
id = "C1.1.classification"
criterion = "C1.1"
title = "Classification"
prompt = "Classified?"
why = "Know what is secret."
evidence = ["Policy"]
remediation = ["Write one"]
"#;

const STAGES: &str = r#"
schema = 1
stage = "certification"
title = "Certification"

[[question]]
id = "CERT.claims"
criterion = "CERT"
title = "Claims"
prompt = "Accurate claims?"
why = "Not a certificate."
evidence = ["Website"]
remediation = ["Fix wording"]
kind = "yes_no"

[[question]]
id = "CERT.bridge"
criterion = "CERT"
title = "Bridge letter"
prompt = "Bridge letter ready?"
why = "Covers the gap."
evidence = ["Template"]
remediation = ["Draft one"]
relevant_when = { question = "ATT.auditor", at_least = "evidenced" }
kind = "yes_no"
key = true
"#;

const ATTESTATION: &str = r#"
schema = 1
stage = "attestation"
title = "Attestation"

[[question]]
id = "ATT.auditor"
criterion = "ATT"
title = "Auditor"
prompt = "Firm chosen?"
why = "Only a CPA firm reports."
evidence = ["Letter"]
remediation = ["Ask firms"]
required = "evidenced"
"#;

fn questionnaire() -> Questionnaire {
    let files = [
        ("security.toml", SECURITY),
        ("confidentiality.toml", CONFIDENTIALITY),
        ("attestation.toml", ATTESTATION),
        ("certification.toml", STAGES),
    ]
    .map(|(name, text)| (name.to_string(), text.to_string()));
    parse_files(&files, "test".into()).expect("fixture questionnaire is valid")
}

fn assessment(scope: &[Category], answers: &[(&str, Answer)]) -> Assessment {
    let mut assessment = Assessment::new(
        "Acme",
        "Jane",
        Date::constant(2026, 11, 24),
        Target::Type1,
        scope.iter().copied(),
    );
    for (id, answer) in answers {
        assessment.set_answer(id, Some(*answer));
    }
    assessment
}

fn criterion_readiness(card: &Scorecard, id: &str) -> Option<(u32, u32)> {
    card.criterion(id)
        .map(|score| (score.readiness.credit, score.readiness.total))
}

#[test]
fn a_shared_control_counts_toward_each_criterion_but_once_in_the_stage() {
    let questionnaire = questionnaire();
    let evidenced = Answer::Level(Level::Evidenced);
    let card = score(
        &questionnaire,
        &assessment(&[], &[("CC4.1.pentest", evidenced)]),
        &Policy::default(),
    );
    let compliance = card.stage(Stage::Compliance).measure.readiness;
    // Weight 3 once plus weight 1: the pen test is not counted a second time for CC7.1.
    assert_eq!((compliance.credit, compliance.total), (3, 4));
    assert_eq!(card.tally.questions, 4);
    assert_eq!(criterion_readiness(&card, "CC4.1"), Some((3, 3)));
    assert_eq!(criterion_readiness(&card, "CC7.1"), Some((3, 4)));
    // Confidentiality is out of scope: C1.1 is not scored at all.
    assert_eq!(criterion_readiness(&card, "C1.1"), None);
    let order: Vec<_> = card.criteria.iter().map(|c| c.criterion.as_str()).collect();
    assert_eq!(order, ["CC4.1", "CC7.1", "ATT", "CERT"]);

    let card = score(
        &questionnaire,
        &assessment(
            &[Category::Confidentiality],
            &[("CC4.1.pentest", evidenced)],
        ),
        &Policy::default(),
    );
    assert_eq!(criterion_readiness(&card, "C1.1"), Some((3, 4)));
    let confidentiality = card
        .categories
        .iter()
        .find(|score| score.category == Category::Confidentiality)
        .unwrap();
    assert_eq!(confidentiality.tally.questions, 2);
    assert_eq!(confidentiality.compliance.credit, 3);
    let compliance = card.stage(Stage::Compliance).measure.readiness;
    assert_eq!((compliance.credit, compliance.total), (3, 5));
}

#[test]
fn a_conditional_question_stays_out_until_its_condition_is_met() {
    let questionnaire = questionnaire();
    let policy = Policy::default();
    let before = assessment(&[], &[("CERT.claims", Answer::Yes)]);
    let card = score(&questionnaire, &before, &policy);
    let certification = &card.stage(Stage::Certification).measure;
    assert_eq!(
        certification.readiness,
        Readiness {
            credit: 1,
            total: 1
        }
    );
    assert!(certification.blockers.is_empty());
    assert_eq!(certification.verdict, Verdict::Ready);
    assert_eq!(card.not_yet_relevant, ["CERT.bridge"]);
    assert!(card.gaps.iter().all(|gap| gap.question != "CERT.bridge"));

    // A firm shortlisted is not enough; a firm chosen is.
    for (level, relevant) in [(Level::InPlace, false), (Level::Evidenced, true)] {
        let after = assessment(
            &[],
            &[
                ("CERT.claims", Answer::Yes),
                ("ATT.auditor", Answer::Level(level)),
            ],
        );
        let card = score(&questionnaire, &after, &policy);
        let certification = &card.stage(Stage::Certification).measure;
        assert_eq!(certification.readiness.total, if relevant { 2 } else { 1 });
        assert_eq!(card.not_yet_relevant.is_empty(), relevant);
        // Unanswered, so once it applies it is open (not a gap: its state is unknown).
        assert!(card.gaps.iter().all(|gap| gap.question != "CERT.bridge"));
        assert_eq!(card.open.iter().any(|id| id == "CERT.bridge"), relevant);
        // A key question nobody has answered holds the verdict back as an open key, not a
        // blocker.
        assert!(certification.blockers.is_empty());
        assert_eq!(certification.open_keys, u32::from(relevant));
    }

    // N/A on the question a condition names never makes it apply.
    let na = assessment(&[], &[("ATT.auditor", Answer::NotApplicable)]);
    assert_eq!(
        score(&questionnaire, &na, &policy).not_yet_relevant,
        ["CERT.bridge"]
    );
}

#[test]
fn a_yes_no_question_makes_another_relevant_only_with_yes() {
    let attestation = r#"
schema = 1
stage = "attestation"
title = "Attestation"

[[question]]
id = "ATT.firm"
criterion = "ATT"
title = "Firm"
prompt = "Firm engaged?"
why = "Only a CPA firm reports."
evidence = ["Letter"]
remediation = ["Engage one"]
kind = "yes_no"

[[question]]
id = "ATT.period"
criterion = "ATT"
title = "Period"
prompt = "Period agreed with the firm?"
why = "The report covers it."
evidence = ["Dates"]
remediation = ["Agree dates"]
relevant_when = { question = "ATT.firm", at_least = "yes" }
"#;
    let files = [
        ("security.toml", SECURITY),
        ("attestation.toml", attestation),
    ]
    .map(|(name, text)| (name.to_string(), text.to_string()));
    let questionnaire = parse_files(&files, "test".into()).expect("valid");
    let period = questionnaire.question("ATT.period").unwrap();
    for (answer, relevant) in [
        (None, false),
        (Some(Answer::No), false),
        (Some(Answer::Unsure), false),
        (Some(Answer::Yes), true),
    ] {
        let mut assessment = assessment(&[], &[]);
        assessment.set_answer("ATT.firm", answer);
        assert_eq!(assessment.is_relevant(period), relevant, "{answer:?}");
    }
}
