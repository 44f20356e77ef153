//! Saving through links and keeping what a hand edit chose: the link's target is written
//! and the link kept, owner and mode survive, a byte-order mark and CRLF line endings stay.

use std::fs;

use jiff::civil::Date;

use super::*;
use crate::assessment::Answer;
use crate::questionnaire::{Category, Level, Target};

fn acme() -> Assessment {
    Assessment::new(
        "Acme",
        "Jane",
        Date::constant(2026, 11, 24),
        Target::Type2,
        [Category::Availability],
    )
}

#[cfg(unix)]
#[test]
fn a_save_through_a_link_writes_its_target_and_keeps_the_link_and_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("acme.toml");
    save(&real, &acme()).unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let alias = dir.path().join("alias.toml");
    std::os::unix::fs::symlink("acme.toml", &alias).unwrap();

    let mut changed = acme();
    changed.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Evidenced)));
    save(&alias, &changed).unwrap();
    assert!(
        fs::symlink_metadata(&alias).unwrap().is_symlink(),
        "link kept"
    );
    assert_eq!(load(&real).unwrap(), changed, "the target has the answer");
    assert_eq!(
        fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    let text = to_toml(&acme()).replace('\n', "\r\n");
    fs::write(&path, [BOM, text.as_bytes()].concat()).unwrap();
    let (loaded, stamp) = open(&path).unwrap();
    assert_eq!(loaded, acme());
    assert_eq!(stamp.links(), 1);

    let mut changed = acme();
    changed.assessor = "Jane Doe".into();
    save(&path, &changed).unwrap();
    let bytes = fs::read(&path).unwrap();
    assert!(bytes.starts_with(BOM));
    let body = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
    assert!(body.contains("assessor = \"Jane Doe\"\r\n"), "{body}");
    assert!(!body.replace("\r\n", "").contains('\n'), "every line CRLF");
    assert_eq!(load(&path).unwrap(), changed);
}

#[test]
fn the_header_says_what_a_save_rewrites() {
    let text = to_toml(&acme());
    let header: String = text.lines().take_while(|l| l.starts_with('#')).collect();
    assert!(header.contains("comments"), "{header}");
}

#[test]
fn odd_files_are_refused_with_what_they_are() {
    let error = load(Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(error, StoreError::NotRegular { .. }), "{error}");
    let dir = tempfile::tempdir().unwrap();
    let error = load(dir.path()).unwrap_err();
    assert!(error.to_string().contains("is a folder"), "{error}");
}
