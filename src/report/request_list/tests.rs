//! The request list against the built-in questionnaire: rows, statuses, member names that
//! stay inside their folder and never collide, and what the CSV, Markdown and README say.

use jiff::civil::Date;

use super::readme::Contents;
use super::*;
use crate::assessment::{Answer, Evidence, EvidenceFile};
use crate::questionnaire::{Level, QuestionnaireSource, load};

const TODAY: Date = Date::constant(2026, 12, 4);
const REVIEWS: &str = "CC6.3.access-reviews";
const MFA: &str = "CC6.1.mfa";

fn day(y: i16, m: i8, d: i8) -> Date {
    Date::constant(y, m, d)
}

fn file(path: &str) -> EvidenceFile {
    EvidenceFile {
        path: path.to_string(),
        size: 10,
        sha256: "ab".repeat(32),
    }
}

fn covering(from: Date, to: Date, files: &[&str]) -> Evidence {
    Evidence {
        period: Some((from, to)),
        files: files.iter().map(|path| file(path)).collect(),
        ..Evidence::note("Access review", "", to)
    }
}

fn assessment() -> Assessment {
    let mut assessment = Assessment::new("Acme | Co", "Jane", day(2026, 1, 1), Target::Type2, []);
    assessment.audit.start = Some(day(2026, 1, 1));
    assessment.audit.window_months = 12;
    assessment.edit(REVIEWS, |record| {
        record.answer = Some(Answer::Level(Level::Operating));
        record.evidence.push(covering(
            day(2026, 1, 1),
            day(2026, 3, 31),
            &["CC6.3.access-reviews/q1.pdf"],
        ));
        record.evidence.push(covering(
            day(2026, 4, 1),
            day(2026, 6, 30),
            &[
                "CC6.3.access-reviews/Q1.PDF",
                "CC6.3.access-reviews/../evil\u{1b}.csv",
            ],
        ));
    });
    assessment.edit(MFA, |record| {
        record.evidence.push(Evidence {
            expires: Some(day(2026, 6, 1)),
            ..Evidence::note("MFA screenshot", "wiki/mfa", day(2025, 6, 1))
        });
    });
    assessment
}

fn list() -> RequestList {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    RequestList::build(&questionnaire, &assessment(), TODAY)
}

fn row<'a>(list: &'a RequestList, id: &str) -> &'a RequestRow {
    list.rows.iter().find(|row| row.question == id).unwrap()
}

#[test]
fn every_tested_control_has_a_row_with_its_status() {
    let list = list();
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let tested = CoverageReport::of(&questionnaire, &assessment(), TODAY)
        .controls
        .len();
    assert_eq!(list.tested().count(), tested);
    assert!(list.rows.iter().all(|row| row.tested), "no other evidence");
    let reviews = row(&list, REVIEWS);
    assert_eq!(reviews.status, Status::Partly, "2 of 4 quarters");
    assert!(
        reviews.coverage.starts_with("2 of 4 quarterly"),
        "{}",
        reviews.coverage
    );
    assert!(
        !reviews.asks_for.is_empty(),
        "the question's evidence examples"
    );
    assert_eq!(row(&list, MFA).status, Status::Expired);
    assert_eq!(list.counts.partly, 1);
    assert_eq!(list.counts.expired, 1);
}

#[test]
fn member_names_stay_in_their_folder_and_never_collide() {
    let list = list();
    let members: Vec<&str> = list.files().map(|file| file.member.as_str()).collect();
    assert_eq!(
        members,
        [
            "evidence/CC6.3/CC6.3.access-reviews/q1.pdf",
            "evidence/CC6.3/CC6.3.access-reviews/Q1-2.PDF",
            "evidence/CC6.3/CC6.3.access-reviews/evil_.csv",
        ]
    );
    for name in members {
        crate::assessment::package::check_member_name(name).unwrap();
    }
}

#[test]
fn a_file_two_entries_share_is_packed_once() {
    let mut names = MemberNames::default();
    assert_eq!(names.name_for("Q/a.pdf"), "a.pdf");
    assert_eq!(names.name_for("Q/a.pdf"), "a.pdf");
    assert_eq!(names.name_for("Q/other/A.pdf"), "A-2.pdf");
}

#[test]
fn questions_outside_the_tested_controls_are_listed_when_they_hold_evidence() {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let mut assessment = assessment();
    let attestation = questionnaire
        .questions()
        .iter()
        .find(|question| question.criterion == "ATT")
        .unwrap();
    assessment.edit(&attestation.id, |record| {
        record.evidence.push(covering(
            day(2026, 2, 1),
            day(2026, 2, 1),
            &["x/letter.pdf"],
        ));
    });
    let list = RequestList::build(&questionnaire, &assessment, TODAY);
    let supporting = row(&list, &attestation.id);
    assert!(!supporting.tested);
    assert_eq!(supporting.status, Status::Provided);
    assert_eq!(
        supporting.entries[0].files[0].member,
        format!("evidence/ATT/{}/letter.pdf", attestation.id)
    );
    assert!(render_markdown(&list).contains("(supporting)"));
}

#[test]
fn the_csv_is_spreadsheet_safe_with_one_row_per_control() {
    let mut assessment = assessment();
    assessment.edit(REVIEWS, |record| {
        record.evidence[0].title = "=HYPERLINK(1)".into()
    });
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let list = RequestList::build(&questionnaire, &assessment, TODAY);
    let text = render_csv(&list);
    assert!(text.starts_with(crate::report::csv::BOM));
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().unwrap().len(), csv::HEADER.len());
    let records: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), list.rows.len());
    let reviews = records.iter().find(|record| &record[1] == REVIEWS).unwrap();
    assert_eq!(&reviews[4], "partly");
    assert!(
        reviews[7].starts_with(
            "'=HYPERLINK(1) (collected 2026-03-31, covers 2026-01-01..2026-03-31, 1 file)"
        ),
        "{}",
        &reviews[7]
    );
    assert!(reviews[9].contains("evidence/CC6.3/CC6.3.access-reviews/q1.pdf  abab"));
    let mfa = records.iter().find(|record| &record[1] == MFA).unwrap();
    assert!(
        mfa[7].contains("expired 2026-06-01, at wiki/mfa"),
        "{}",
        &mfa[7]
    );
}

#[test]
fn the_markdown_escapes_file_text_and_names_every_file() {
    let text = render_markdown(&list());
    assert!(text.starts_with("# Evidence request list: Acme \\| Co\n"));
    assert!(text.contains("observation window 2026-01-01 to 2026-12-31"));
    assert!(text.contains("## CC6.3 · "));
    assert!(text.contains("- evidence/CC6.3/CC6.3.access-reviews/evil\\_.csv (SHA-256 abab"));
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn the_readme_says_what_it_is_how_to_check_it_and_never_calls_soc2_a_certification() {
    let list = list();
    let contents = Contents {
        report: Some("gap-report.pdf".into()),
        files: 3,
        bytes: 30,
        index_only: false,
        registers: vec![(
            "registers/vendors.csv".into(),
            "the vendor register (2 vendors)".into(),
        )],
    };
    let text = render_readme(&list, &contents);
    for needle in [
        "Evidence package: Acme | Co",
        "Observation window: 2026-01-01 to 2026-12-31",
        "sha256sum -c SHA256SUMS",
        "shasum -a 256 -c SHA256SUMS",
        "Get-FileHash -Algorithm SHA256",
        "gap-report.pdf",
        "3 files, 30 B",
        "CPA firm",
        "registers/vendors.csv",
        "the vendor register (2 vendors)",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    crate::report::text::tests::assert_quoted_when_certified(&text);
    let index = render_readme(
        &list,
        &Contents {
            index_only: true,
            ..contents
        },
    );
    assert!(index.contains("index-only"));
    assert!(!index.contains("3 files"));
}

#[test]
fn each_register_that_holds_anything_is_a_csv_with_its_population() {
    use crate::registers::{Acceptance, Criticality, PolicyRecord, ReportType, Vendor};
    use crate::report::RegistersSection;

    let day = Date::constant(2026, 3, 1);
    let mut registers = crate::registers::Registers::default();
    assert!(register_files(&registers, &RegistersSection::default()).is_empty());
    registers.policies.push(PolicyRecord {
        name: "=Access control".into(),
        owner: "CTO".into(),
        version: "2".into(),
        approved: day,
        file: String::new(),
        acceptances: vec![Acceptance {
            person: "Ann".into(),
            email: "ann@acme.test".into(),
            version: "2".into(),
            date: day,
        }],
    });
    registers.vendors.push(Vendor {
        name: "Cloud, Inc".into(),
        criticality: Criticality::High,
        service: "hosting".into(),
        data: String::new(),
        report: ReportType::None,
        report_period_end: None,
        bridge_letter: None,
        cuecs_reviewed: None,
        reviewed: None,
    });
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let mut assessment = assessment();
    assessment.registers = registers.clone();
    let card = crate::scoring::score(
        &questionnaire,
        &assessment,
        &crate::scoring::Policy::default(),
    );
    let section = RegistersSection::build(&questionnaire, &assessment, &card, day);
    let files = register_files(&registers, &section);
    let names: Vec<&str> = files.iter().map(|file| file.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "registers/policies.csv",
            "registers/policy-acknowledgements.csv",
            "registers/vendors.csv"
        ],
        "no risks, no risks.csv"
    );
    assert!(
        files[0].text.contains("'=Access control"),
        "formula-like names neutralised: {}",
        files[0].text
    );
    assert!(
        files[1].text.contains("ann@acme.test,2026-03-01"),
        "{}",
        files[1].text
    );
    assert!(
        files[2].text.contains("\"Cloud, Inc\",high,hosting"),
        "{}",
        files[2].text
    );
    assert!(
        files[2].text.contains(",never"),
        "CUECs never reviewed: {}",
        files[2].text
    );
}

#[test]
fn the_latest_import_of_each_source_is_listed_with_the_row() {
    let mut assessment = assessment();
    assessment.edit(MFA, |record| {
        for (title, file, on) in [
            (
                "Okta user list: 2 of 9 users have no MFA: bob, eve",
                "a.json",
                day(2026, 9, 1),
            ),
            (
                "Okta user list: 1 of 9 users has no MFA: eve",
                "b.json",
                day(2026, 11, 1),
            ),
        ] {
            record.evidence.push(Evidence::note(
                title,
                crate::import::recorded::location("okta-users", file),
                on,
            ));
        }
    });
    let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
    let list = RequestList::build(&questionnaire, &assessment, TODAY);
    assert_eq!(
        row(&list, MFA).findings,
        ["Imported 2026-11-01: Okta user list: 1 of 9 users has no MFA: eve"]
    );
    assert!(row(&list, REVIEWS).findings.is_empty());

    let text = render_csv(&list);
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|name| name == "Latest import findings")
        .unwrap();
    let mfa = reader
        .records()
        .map(Result::unwrap)
        .find(|record| &record[1] == MFA)
        .unwrap();
    assert_eq!(
        &mfa[column],
        "Imported 2026-11-01: Okta user list: 1 of 9 users has no MFA: eve"
    );

    let markdown = render_markdown(&list);
    assert!(
        markdown.contains(
            "The latest imports found:\n\n- Imported 2026-11-01: Okta user list: 1 of 9 users has no MFA: eve\n"
        ),
        "{markdown}"
    );
}
