use std::ops::ControlFlow;

use jiff::civil::Date;

use super::*;
use crate::assessment::locker::hash_bytes;
use crate::assessment::{Answer, EvidenceFile};
use crate::assessment::{Evidence, store as assessment_store};
use crate::questionnaire::{Category, Level, QuestionnaireSource, Target, load};

const TODAY: Date = Date::constant(2026, 12, 4);

#[test]
fn packages_go_next_to_the_assessment_or_into_a_given_folder() {
    assert_eq!(
        target(Path::new("/data/acme.toml"), None, "Acme Inc", TODAY),
        Path::new("/data/acme-inc-soc2-evidence-package-2026-12-04.zip")
    );
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        target(Path::new("a.toml"), Some(dir.path()), "Acme", TODAY),
        dir.path().join("acme-soc2-evidence-package-2026-12-04.zip")
    );
    assert_eq!(
        target(
            Path::new("a.toml"),
            Some(Path::new("/tmp/p.zip")),
            "Acme",
            TODAY
        ),
        Path::new("/tmp/p.zip")
    );
    assert_eq!(
        target(Path::new("a.toml"), None, "Acme", TODAY),
        Path::new("./acme-soc2-evidence-package-2026-12-04.zip")
    );
}

#[test]
fn a_package_inside_the_evidence_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a.evidence");
    fs::create_dir_all(folder.join("CC6.1.mfa")).unwrap();
    let error = refuse_inside(&folder.join("CC6.1.mfa/p.zip"), &folder).unwrap_err();
    assert!(
        error.to_string().contains("is inside the evidence folder"),
        "{error}"
    );
    assert!(refuse_inside(&dir.path().join("p.zip"), &folder).is_ok());
    assert!(refuse_inside(&dir.path().join("p.zip"), &dir.path().join("missing")).is_ok());
}

/// An assessment in `dir` with one evidence file kept for CC6.1.mfa.
struct Setup {
    dir: tempfile::TempDir,
    questionnaire: Questionnaire,
    assessment: Assessment,
    path: PathBuf,
    folder: PathBuf,
    policy: Policy,
    branding: Branding,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment = Assessment::new(
            "Acme Inc",
            "Jane",
            Date::constant(2026, 1, 5),
            Target::Type1,
            [Category::Availability],
        );
        let bytes = b"mfa enforced for all";
        let folder = dir.path().join("acme.evidence");
        fs::create_dir_all(folder.join("CC6.1.mfa")).unwrap();
        fs::write(folder.join("CC6.1.mfa/mfa.txt"), bytes).unwrap();
        assessment.edit("CC6.1.mfa", |record| {
            record.answer = Some(Answer::Level(Level::Evidenced));
            let mut entry = Evidence::note("MFA", "", Date::constant(2026, 2, 1));
            entry.files.push(EvidenceFile {
                path: "CC6.1.mfa/mfa.txt".into(),
                size: bytes.len() as u64,
                sha256: hash_bytes(bytes),
            });
            record.evidence.push(entry);
        });
        let path = dir.path().join("acme.toml");
        assessment_store::save(&path, &assessment).unwrap();
        Self {
            dir,
            questionnaire,
            assessment,
            path,
            folder,
            policy: Policy::default(),
            branding: Branding::default(),
        }
    }

    fn inputs(&self, index_only: bool) -> Inputs<'_> {
        Inputs {
            questionnaire: &self.questionnaire,
            assessment: &self.assessment,
            path: &self.path,
            policy: &self.policy,
            branding: &self.branding,
            paper: Paper::A4,
            evidence_folder: &self.folder,
            output: None,
            index_only,
            today: TODAY,
        }
    }
}

fn names(assembled: &Assembled) -> Vec<&str> {
    assembled
        .members
        .iter()
        .map(|member| member.name.as_str())
        .collect()
}

#[test]
fn the_package_holds_the_lists_the_report_and_each_evidence_file() {
    let setup = Setup::new();
    let assembled = assemble(&setup.inputs(false)).unwrap();
    assert_eq!(
        assembled.out,
        setup
            .dir
            .path()
            .join("acme-inc-soc2-evidence-package-2026-12-04.zip")
    );
    let names = names(&assembled);
    assert_eq!(
        names[..4],
        [
            "README.txt",
            "request-list.csv",
            "request-list.md",
            "acme-inc-soc2-gap-report-2026-12-04.pdf"
        ]
    );
    assert_eq!(names.len(), 5);
    assert!(names[4].starts_with("evidence/") && names[4].ends_with("mfa.txt"));
    assert_eq!(assembled.contents.files, 1);
    assert_eq!(assembled.controls, 1);
    assert_eq!(
        assembled.files_text(),
        "1 evidence files (20 B) for 1 controls"
    );
    assert_eq!(
        assembled.total(),
        assembled.members.iter().map(Member::size).sum::<u64>()
    );

    let mut last = 0;
    let written = assembled
        .write(&mut |_, done| {
            last = done;
            ControlFlow::Continue(())
        })
        .unwrap();
    assert_eq!(last, assembled.total());
    assert_eq!(written.members, 6, "SHA256SUMS comes on top");
    assert!(assembled.out.is_file());
}

#[test]
fn index_only_leaves_the_files_out_and_missing_files_are_all_named() {
    let setup = Setup::new();
    fs::remove_file(setup.folder.join("CC6.1.mfa/mfa.txt")).unwrap();
    let error = assemble(&setup.inputs(false)).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("1 evidence file(s)")
            && text.contains("CC6.1.mfa  CC6.1.mfa/mfa.txt")
            && text.contains("nothing was written"),
        "{text}"
    );
    let assembled = assemble(&setup.inputs(true)).unwrap();
    assert_eq!(names(&assembled).len(), 4);
    assert_eq!(assembled.files_text(), "index only, no evidence files");
}

#[test]
fn the_package_never_replaces_the_assessment_nor_lands_among_the_evidence() {
    let setup = Setup::new();
    let over = setup.path.clone();
    let error = assemble(&Inputs {
        output: Some(&over),
        ..setup.inputs(false)
    })
    .unwrap_err();
    assert!(matches!(error, AssembleError::Target(_)), "{error}");
    let inside = setup.folder.join("CC6.1.mfa/p.zip");
    let error = assemble(&Inputs {
        output: Some(&inside),
        ..setup.inputs(false)
    })
    .unwrap_err();
    assert!(
        matches!(error, AssembleError::InsideEvidence { .. }),
        "{error}"
    );
    assert!(!inside.exists());
}

#[test]
fn the_registers_go_in_before_the_evidence_and_the_readme_lists_them() {
    use crate::registers::{Criticality, ReportType, Vendor};
    let mut setup = Setup::new();
    setup.assessment.registers.vendors.push(Vendor {
        name: "Cloudhost".into(),
        criticality: Criticality::High,
        service: "hosting".into(),
        data: String::new(),
        report: ReportType::None,
        report_period_end: None,
        bridge_letter: None,
        cuecs_reviewed: None,
        reviewed: None,
    });
    let assembled = assemble(&setup.inputs(false)).unwrap();
    let names = names(&assembled);
    assert_eq!(names[4], "registers/vendors.csv");
    assert!(names[5].starts_with("evidence/"), "{names:?}");
    assert_eq!(assembled.contents.registers.len(), 1);
    assert_eq!(assembled.contents.registers[0].0, "registers/vendors.csv");
    let Content::Bytes(readme) = &assembled.members[0].content else {
        panic!("the README is made in memory");
    };
    let readme = String::from_utf8(readme.clone()).unwrap();
    assert!(readme.contains("registers/vendors.csv"), "{readme}");
    let Content::Bytes(vendors) = &assembled.members[4].content else {
        panic!("the register is made in memory");
    };
    assert!(String::from_utf8_lossy(vendors).contains("Cloudhost,high,hosting"));
}

#[test]
fn a_cancel_from_the_progress_callback_writes_nothing() {
    let setup = Setup::new();
    let assembled = assemble(&setup.inputs(false)).unwrap();
    let mut seen = Vec::new();
    let error = assembled
        .write(&mut |member, _| {
            seen.push(member.to_string());
            if member.starts_with("evidence/") {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap_err();
    assert!(matches!(error, PackageError::Cancelled), "{error}");
    assert!(seen.iter().any(|member| member == "README.txt"));
    assert!(!assembled.out.exists());
    let left: Vec<_> = fs::read_dir(setup.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
