//! Hand-made cases with known expected numbers.

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
id = "CC6.1.mfa"
criterion = "CC6.1"
title = "MFA"
prompt = "MFA everywhere?"
why = "Stops account takeover."
evidence = ["IdP setting"]
remediation = ["Enforce MFA"]
key = true

[[question]]
id = "CC8.1.review"
criterion = "CC8.1"
title = "Code review"
prompt = "Are changes reviewed?"
why = "Catches mistakes."
evidence = ["Pull requests"]
remediation = ["Require review"]
weight = 5

[[question]]
id = "CC7.2.logs"
criterion = "CC7.2"
title = "Logs"
prompt = "Are logs kept?"
why = "Investigations need them."
evidence = ["Log settings"]
remediation = ["Centralise logs"]
weight = 4
"#;

const AVAILABILITY: &str = r#"
schema = 1
stage = "compliance"
category = "availability"
title = "Availability"

[[question]]
id = "A1.2.backups"
criterion = "A1.2"
title = "Backups"
prompt = "Backed up?"
why = "Data loss."
evidence = ["Backup jobs"]
remediation = ["Turn on backups"]
weight = 2
"#;

const ATTESTATION: &str = r#"
schema = 1
stage = "attestation"
title = "Attestation"

[[question]]
id = "ATT.auditor"
criterion = "ATT"
title = "Auditor"
prompt = "Chosen a CPA firm?"
why = "Only a CPA firm can issue the report."
evidence = ["Engagement letter"]
remediation = ["Ask for proposals"]
kind = "yes_no"
key = true

[[question]]
id = "ATT.months"
criterion = "ATT"
title = "Months of evidence"
prompt = "How many months of evidence?"
why = "Type 2 covers a period."
evidence = ["Evidence by month"]
remediation = ["Keep collecting"]
levels = ["None", "Under 1", "1–2", "3–5", "6+"]
required = "evidenced"
targets = ["type2"]
"#;

const CERTIFICATION: &str = r#"
schema = 1
stage = "certification"
title = "Certification"

[[question]]
id = "CERT.claims"
criterion = "CERT"
title = "Accurate claims"
prompt = "Do you say 'report available', not 'certified'?"
why = "SOC 2 is an attestation report, not a certificate."
evidence = ["Website copy"]
remediation = ["Fix the wording"]
kind = "yes_no"
key = true
"#;

fn questionnaire() -> Questionnaire {
    let files = [
        ("security.toml", SECURITY),
        ("availability.toml", AVAILABILITY),
        ("attestation.toml", ATTESTATION),
        ("certification.toml", CERTIFICATION),
    ]
    .map(|(name, text)| (name.to_string(), text.to_string()));
    parse_files(&files, "test".into()).expect("fixture questionnaire is valid")
}

fn assessment(target: Target, answers: &[(&str, Answer)]) -> Assessment {
    let mut assessment = Assessment::new("Acme", "Jane", Date::constant(2026, 11, 24), target, []);
    for (id, answer) in answers {
        assessment.edit(id, |record| {
            record.answer = Some(*answer);
            if *answer == Answer::NotApplicable {
                record.na_reason = "not part of the system".into();
            }
        });
    }
    assessment
}

const fn level(level: Level) -> Answer {
    Answer::Level(level)
}

fn readiness(credit: u32, total: u32) -> Readiness {
    Readiness { credit, total }
}

#[test]
fn empty_assessment_is_not_assessed_with_open_questions_and_no_gaps() {
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &[]),
        &Policy::default(),
    );
    let compliance = &card.stage(Stage::Compliance).measure;
    assert_eq!(compliance.readiness, readiness(0, 10));
    assert_eq!(compliance.tally.unanswered, 3);
    assert_eq!(compliance.verdict, Verdict::NotAssessed);
    assert!(
        compliance
            .explanation(&Policy::default())
            .starts_with("Only 0 of 3 questions have an answer; answer at least 1")
    );
    assert!(
        compliance.blockers.is_empty(),
        "nobody has looked at the key control yet"
    );
    assert_eq!(compliance.open_keys, 1);
    // Type 1 attestation: the 3 controls (10) + the auditor (1); the months question is Type 2 only.
    assert_eq!(
        card.stage(Stage::Attestation).measure.readiness,
        readiness(0, 11)
    );
    assert_eq!(
        card.stage(Stage::Certification).measure.readiness,
        readiness(0, 1)
    );
    assert_eq!(card.overall, Verdict::NotAssessed);
    // Nobody knows yet whether an unanswered question is a gap: none is listed as one.
    assert!(card.gaps.is_empty());
    // Availability is out of scope, the months question is not for Type 1.
    assert_eq!(card.tally.questions, 5);
    assert_eq!(card.open.len(), 5);
    assert!(
        card.open
            .iter()
            .all(|id| id != "A1.2.backups" && id != "ATT.months")
    );
    // Key controls first, then questionnaire order (a file's questions by criterion).
    let mut keys = card.open[..3].to_vec();
    keys.sort();
    assert_eq!(keys, ["ATT.auditor", "CC6.1.mfa", "CERT.claims"]);
    assert_eq!(card.open[3..], ["CC7.2.logs", "CC8.1.review"]);
}

#[test]
fn gaps_are_answered_questions_below_their_level_most_severe_first() {
    let answers = [
        ("CC6.1.mfa", level(Level::NotInPlace)),
        ("CC8.1.review", level(Level::Planned)),
        ("CC7.2.logs", Answer::Unsure),
        ("ATT.auditor", Answer::NotApplicable),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &answers),
        &Policy::default(),
    );
    let listed: Vec<(&str, Severity)> = card
        .gaps
        .iter()
        .map(|gap| (gap.question.as_str(), gap.severity))
        .collect();
    assert_eq!(
        listed,
        [
            ("CC6.1.mfa", Severity::Critical),
            // Unsure counts as nothing in place: 4 × 3 levels short outranks 5 × 2.
            ("CC7.2.logs", Severity::High),
            ("CC8.1.review", Severity::High),
        ]
    );
    assert_eq!(card.gaps[1].current, Answer::Unsure);
    assert_eq!(card.open, ["CERT.claims"]);
    let tally = card.tally;
    assert_eq!(
        (
            tally.answered,
            tally.not_applicable,
            tally.unsure,
            tally.unanswered
        ),
        (2, 1, 1, 1)
    );
    assert_eq!(
        tally.sentence(),
        "5 questions in scope: 2 answered, 1 N/A, 1 unsure, 1 open"
    );
    assert_eq!(
        card.stage(Stage::Compliance).measure.verdict,
        Verdict::NotReady
    );
}

#[test]
fn a_quarter_answered_is_enough_for_a_verdict() {
    let tally = |questions, answered, not_applicable| Tally {
        questions,
        answered,
        not_applicable,
        unanswered: questions - answered - not_applicable,
        unsure: 0,
    };
    assert!(!tally(100, 24, 0).enough_assessed());
    assert!(tally(100, 24, 1).enough_assessed());
    assert!(tally(3, 1, 0).enough_assessed());
    assert!(!tally(0, 0, 0).enough_assessed());
    assert!(tally(2, 0, 2).enough_assessed(), "all N/A is assessed");
}

#[test]
fn fully_ready_assessment_is_ready_everywhere_with_no_gaps() {
    let answers = [
        ("CC6.1.mfa", level(Level::Operating)),
        ("CC8.1.review", level(Level::Operating)),
        ("CC7.2.logs", level(Level::Operating)),
        ("ATT.auditor", Answer::Yes),
        ("ATT.months", level(Level::Operating)),
        ("CERT.claims", Answer::Yes),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type2, &answers),
        &Policy::default(),
    );
    for stage in &card.stages {
        assert_eq!(stage.measure.verdict, Verdict::Ready, "{:?}", stage.stage);
        assert_eq!(stage.measure.readiness.percent(), Some(100));
    }
    assert_eq!(
        card.stage(Stage::Attestation).measure.readiness,
        readiness(12, 12)
    );
    assert_eq!(card.overall, Verdict::Ready);
    assert!(card.gaps.is_empty());
    assert_eq!(card.tally.answered, 6);
}

#[test]
fn not_applicable_leaves_the_denominator() {
    let answers = [
        ("CC8.1.review", Answer::NotApplicable),
        ("CC7.2.logs", level(Level::InPlace)),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &answers),
        &Policy::default(),
    );
    let compliance = &card.stage(Stage::Compliance).measure;
    assert_eq!(compliance.readiness, readiness(4, 5));
    assert_eq!(compliance.tally.not_applicable, 1);
    assert!(card.gaps.iter().all(|gap| gap.question != "CC8.1.review"));
}

#[test]
fn not_applicable_without_a_reason_counts_as_open() {
    let mut assessment = assessment(Target::Type1, &[("CC7.2.logs", level(Level::InPlace))]);
    assessment.set_answer("CC8.1.review", Some(Answer::NotApplicable));
    let card = score(&questionnaire(), &assessment, &Policy::default());
    let compliance = &card.stage(Stage::Compliance).measure;
    // In the denominator like any open question, and not tallied as N/A.
    assert_eq!(compliance.readiness.total, 10);
    assert_eq!(compliance.tally.not_applicable, 0);
    assert_eq!(compliance.tally.unanswered, 2);
}

#[test]
fn a_key_control_short_blocks_ready_even_above_the_threshold() {
    let answers = [
        ("CC6.1.mfa", level(Level::Planned)),
        ("CC8.1.review", level(Level::InPlace)),
        ("CC7.2.logs", level(Level::InPlace)),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &answers),
        &Policy::default(),
    );
    let compliance = &card.stage(Stage::Compliance).measure;
    assert_eq!(compliance.readiness, readiness(9, 10));
    assert_eq!(compliance.verdict, Verdict::GettingThere);
    assert_eq!(compliance.blockers[0].question, "CC6.1.mfa");
    assert_eq!(compliance.blockers[0].needed, Level::InPlace);
    assert_eq!(
        compliance.explanation(&Policy::default()),
        "90 % meets the 85 % threshold (built-in default), but 1 key control is below the level it needs."
    );
    // With MFA in place, nothing blocks compliance.
    let answers = [
        ("CC6.1.mfa", level(Level::InPlace)),
        ("CC8.1.review", level(Level::InPlace)),
        ("CC7.2.logs", level(Level::InPlace)),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &answers),
        &Policy::default(),
    );
    assert_eq!(
        card.stage(Stage::Compliance).measure.verdict,
        Verdict::Ready
    );
}

#[test]
fn type2_is_never_granted_on_point_in_time_evidence() {
    let answers = [
        ("CC6.1.mfa", level(Level::Evidenced)),
        ("CC8.1.review", level(Level::Evidenced)),
        ("CC7.2.logs", level(Level::Evidenced)),
        ("ATT.auditor", Answer::Yes),
        ("ATT.months", level(Level::Evidenced)),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type2, &answers),
        &Policy::default(),
    );
    assert_eq!(
        card.target_score(Target::Type1).measure.readiness,
        readiness(11, 11)
    );
    assert_eq!(
        card.target_score(Target::Type1).measure.verdict,
        Verdict::Ready
    );
    // Type 2: only the auditor and the months question (at its own required level) count.
    assert_eq!(
        card.target_score(Target::Type2).measure.readiness,
        readiness(2, 12)
    );
    assert_eq!(
        card.target_score(Target::Type2).measure.verdict,
        Verdict::NotReady
    );
    assert_eq!(
        card.stage(Stage::Attestation).measure,
        card.target_score(Target::Type2).measure
    );
    // Every control is a Low gap toward Type 2: in place but not operating over time.
    let low: Vec<_> = card
        .gaps
        .iter()
        .filter(|gap| gap.severity == Severity::Low)
        .collect();
    assert_eq!(low.len(), 2);
    assert!(
        card.gaps
            .iter()
            .all(|gap| gap.needed == Level::Operating || gap.stage == Stage::Certification)
    );
}

#[test]
fn unsure_counts_as_zero_and_is_tallied_separately() {
    let answers = [
        ("CC6.1.mfa", Answer::Unsure),
        ("CC7.2.logs", level(Level::InPlace)),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &answers),
        &Policy::default(),
    );
    let compliance = &card.stage(Stage::Compliance).measure;
    assert_eq!(compliance.readiness, readiness(4, 10));
    assert_eq!(compliance.tally.unsure, 1);
    assert_eq!(compliance.tally.answered, 1);
    assert_eq!(compliance.tally.unanswered, 1);
}

#[test]
fn scope_adds_categories_and_their_scores() {
    let mut with_availability =
        assessment(Target::Type1, &[("A1.2.backups", level(Level::Evidenced))]);
    with_availability.set_scope([Category::Availability]);
    let card = score(&questionnaire(), &with_availability, &Policy::default());
    assert_eq!(card.categories.len(), 2);
    let availability = &card.categories[1];
    assert_eq!(availability.category, Category::Availability);
    assert_eq!(availability.compliance, readiness(2, 2));
    assert_eq!(availability.type1, readiness(2, 2));
    assert_eq!(availability.type2, readiness(0, 2));
    assert_eq!(
        card.stage(Stage::Compliance).measure.readiness,
        readiness(2, 12)
    );
    assert_eq!(
        card.criterion("A1.2").map(|c| c.readiness),
        Some(readiness(2, 2))
    );
    assert_eq!(card.criterion("ATT").map(|c| c.tally.questions), Some(1));
}

#[test]
fn all_not_applicable_is_not_ready_with_an_explanation() {
    let answers = [
        ("CC6.1.mfa", Answer::NotApplicable),
        ("CC8.1.review", Answer::NotApplicable),
        ("CC7.2.logs", Answer::NotApplicable),
    ];
    let card = score(
        &questionnaire(),
        &assessment(Target::Type1, &answers),
        &Policy::default(),
    );
    let compliance = &card.stage(Stage::Compliance).measure;
    assert_eq!(compliance.readiness.ratio(), None);
    assert_eq!(compliance.verdict, Verdict::NotReady);
    assert!(
        compliance
            .explanation(&Policy::default())
            .starts_with("Nothing to score")
    );
}

#[test]
fn percent_rounds_down_so_near_misses_do_not_look_ready() {
    assert_eq!(readiness(849, 1000).percent(), Some(84));
    assert_eq!(readiness(0, 0).percent(), None);
}

#[test]
fn short_verdict_labels_fit_narrow_columns() {
    for verdict in [
        Verdict::NotAssessed,
        Verdict::NotReady,
        Verdict::GettingThere,
        Verdict::Ready,
    ] {
        assert!(verdict.short_label().chars().count() <= 13, "{verdict:?}");
        assert!(verdict.label().starts_with(verdict.short_label()));
    }
}
