//! Tests of the locker on real temporary folders.

use super::*;
use crate::assessment::{Assessment, Evidence};
use crate::questionnaire::Target;
use jiff::civil::Date;

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn one(path: &Path) -> Source {
    let (mut found, skipped) = sources(&[path.to_path_buf()]).unwrap();
    assert!(skipped.is_empty());
    found.remove(0)
}

#[test]
fn a_copy_is_hashed_private_and_leaves_the_original_alone() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("in/Q3 review.pdf");
    write(&original, b"signed review");
    let folder = dir.path().join("acme.evidence");
    let kept = keep(&folder, "CC6.3.access-reviews", &one(&original), &mut quiet).unwrap();
    assert!(kept.created);
    assert_eq!(kept.file.path, "CC6.3.access-reviews/Q3 review.pdf");
    assert_eq!(kept.file.size, 13);
    assert_eq!(kept.file.sha256, hash_bytes(b"signed review"));
    assert_eq!(fs::read(&original).unwrap(), b"signed review");
    assert_eq!(
        fs::read(folder.join(&kept.file.path)).unwrap(),
        b"signed review"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(folder.join(&kept.file.path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "evidence is private: {mode:o}");
    }
    let leftovers: Vec<_> = fs::read_dir(folder.join("CC6.3.access-reviews"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn same_content_is_reused_and_other_content_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a.evidence");
    let first = dir.path().join("one/scan.pdf");
    let second = dir.path().join("two/scan.pdf");
    write(&first, b"first");
    write(&second, b"second");
    let a = keep(&folder, "CC7.1.scans", &one(&first), &mut quiet).unwrap();
    let again = keep(&folder, "CC7.1.scans", &one(&first), &mut quiet).unwrap();
    assert_eq!(again.file, a.file);
    assert!(!again.created);
    let b = keep(&folder, "CC7.1.scans", &one(&second), &mut quiet).unwrap();
    assert_eq!(b.file.path, "CC7.1.scans/scan-2.pdf");
    assert_eq!(fs::read(folder.join(&a.file.path)).unwrap(), b"first");
    assert_eq!(fs::read(folder.join(&b.file.path)).unwrap(), b"second");
}

#[test]
fn a_file_already_in_the_folder_is_recorded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a.evidence");
    let inside = folder.join("shared/policy.md");
    write(&inside, b"policy");
    let kept = keep(&folder, "CC5.3.policies", &one(&inside), &mut quiet).unwrap();
    assert_eq!(kept.file.path, "shared/policy.md");
    assert!(!kept.created);
    assert!(!folder.join("CC5.3.policies").exists());
}

#[test]
fn folders_give_their_regular_files_in_order_and_skip_links() {
    let dir = tempfile::tempdir().unwrap();
    let given = dir.path().join("q3");
    write(&given.join("b.csv"), b"b");
    write(&given.join("a.pdf"), b"a");
    write(&given.join("sub/c.txt"), b"c");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", given.join("link")).unwrap();
    let (found, skipped) = sources(&[given]).unwrap();
    let names: Vec<_> = found.iter().map(|source| source.name.as_str()).collect();
    assert_eq!(names, ["a.pdf", "b.csv", "sub_c.txt"]);
    #[cfg(unix)]
    assert!(skipped[0].contains("symbolic link"), "{skipped:?}");
}

#[test]
fn missing_and_special_files_are_refused_before_anything_is_copied() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    write(&good, b"ok");
    let missing = dir.path().join("nope.pdf");
    let error = sources(&[good.clone(), missing]).unwrap_err().to_string();
    assert!(
        error.contains("nope.pdf") && error.contains("no such file"),
        "{error}"
    );
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = sources(&[good, fifo.clone()]).unwrap_err().to_string();
        assert!(error.contains("named pipe"), "{error}");
        // Even when it slips past the listing, opening it neither hangs nor copies.
        let source = Source {
            path: fifo,
            name: "pipe".into(),
            size: 0,
        };
        let error = keep(&dir.path().join("e"), "Q", &source, &mut quiet).unwrap_err();
        assert!(error.to_string().contains("named pipe"), "{error}");
    }
}

#[test]
fn cancelling_a_copy_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    write(&big, &vec![7_u8; 3 << 20]);
    let folder = dir.path().join("a.evidence");
    let mut cancel = |done: u64| {
        if done > 1 << 20 {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    };
    let error = keep(&folder, "Q", &one(&big), &mut cancel).unwrap_err();
    assert!(matches!(error, LockerError::Cancelled(_)), "{error}");
    assert_eq!(fs::read_dir(folder.join("Q")).unwrap().count(), 0);
}

fn assessment_with(files: Vec<EvidenceFile>) -> Assessment {
    let mut assessment = Assessment::new("A", "", Date::constant(2026, 1, 1), Target::Type1, []);
    assessment.edit("CC6.3.access-reviews", |record| {
        record.evidence.push(Evidence {
            files,
            ..Evidence::note("Q3 review", "", Date::constant(2026, 10, 1))
        });
    });
    assessment
}

#[test]
fn verify_names_changed_missing_and_escaping_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a.evidence");
    let mut files = Vec::new();
    for name in ["kept.txt", "changed.txt", "gone.txt"] {
        let path = dir.path().join(name);
        write(&path, name.as_bytes());
        files.push(keep(&folder, "Q", &one(&path), &mut quiet).unwrap().file);
    }
    fs::write(folder.join("Q/changed.txt"), b"tampered").unwrap();
    fs::remove_file(folder.join("Q/gone.txt")).unwrap();
    files.push(EvidenceFile {
        path: "Q/../../outside.txt".into(),
        size: 1,
        sha256: hash_bytes(b"x"),
    });
    #[cfg(unix)]
    {
        write(&dir.path().join("secret.txt"), b"secret");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), folder.join("Q/link.txt"))
            .unwrap();
        files.push(EvidenceFile {
            path: "Q/link.txt".into(),
            size: 6,
            sha256: hash_bytes(b"secret"),
        });
    }
    let checks = verify(&folder, &assessment_with(files), &mut quiet);
    let states: Vec<_> = checks.iter().map(|check| &check.state).collect();
    assert_eq!(states[0], &FileState::Intact);
    assert!(matches!(states[1], FileState::Changed { size: 8, .. }));
    assert_eq!(states[2], &FileState::Missing);
    assert!(
        matches!(states[3], FileState::Unreadable { reason } if reason.contains("..")),
        "{:?}",
        states[3]
    );
    #[cfg(unix)]
    assert!(
        matches!(states[4], FileState::Unreadable { reason } if reason.contains("outside the evidence folder")),
        "{:?}",
        states[4]
    );
    assert!(
        checks
            .iter()
            .all(|check| check.question == "CC6.3.access-reviews")
    );
}

#[test]
fn the_folder_sits_beside_the_assessment_unless_the_config_says_where() {
    let acme = Path::new("/no/such/dir/acme-inc.toml");
    assert_eq!(
        folder_for(acme, None),
        Path::new("/no/such/dir/acme-inc.evidence")
    );
    assert_eq!(
        folder_for(acme, Some("evidence/{name}")),
        Path::new("/no/such/dir/evidence/acme-inc")
    );
    assert_eq!(
        folder_for(acme, Some("/srv/soc2/{name}-files")),
        Path::new("/srv/soc2/acme-inc-files")
    );
}
