//! Member names that unpack safely everywhere: never outside the folder they are unpacked
//! in (no zip-slip), never over another member, never a control character in a listing.

use std::collections::HashSet;

use super::{PackageError, SUMS};

/// Checks one member name: `/`-separated parts, none empty, `.` or `..`; no control
/// characters, backslashes or colons (a drive letter on Windows).
pub fn check_member_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("it is empty".into());
    }
    if name.starts_with('/') {
        return Err("it is an absolute path".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| c.is_control() || matches!(c, '\\' | ':'))
    {
        return Err(format!("it holds the character {c:?}"));
    }
    for part in name.split('/') {
        match part {
            "" => return Err("it has an empty part (`//` or a trailing `/`)".into()),
            "." | ".." => return Err(format!("it has a `{part}` part")),
            _ => {}
        }
    }
    Ok(())
}

/// Checks every name, that none is `SHA256SUMS` (written last, by the writer), and that no
/// two are equal ignoring case or both a file and a folder.
pub(super) fn check_all<'a>(names: impl Iterator<Item = &'a str>) -> Result<(), PackageError> {
    let mut files = HashSet::new();
    let mut folders = HashSet::new();
    let names: Vec<&str> = names.collect();
    for name in &names {
        check_member_name(name).map_err(|why| bad(name, why))?;
        if name.eq_ignore_ascii_case(SUMS) {
            return Err(bad(name, "the checksum list's name is reserved".into()));
        }
        if !files.insert(name.to_lowercase()) {
            return Err(bad(name, "another member has the same name".into()));
        }
        let parts: Vec<&str> = name.split('/').collect();
        for end in 1..parts.len() {
            folders.insert(parts[..end].join("/").to_lowercase());
        }
    }
    if let Some(name) = names
        .iter()
        .find(|name| folders.contains(&name.to_lowercase()))
    {
        return Err(bad(
            name,
            "another member is inside a folder of that name".into(),
        ));
    }
    Ok(())
}

fn bad(name: &str, why: String) -> PackageError {
    PackageError::BadName {
        name: name.to_string(),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_escape_or_confuse_are_refused() {
        for name in [
            "",
            "/etc/passwd",
            "../x",
            "evidence/../../x",
            "a/./b",
            "a//b",
            "a/",
            "C:/x",
            "a\\..\\b",
            "a\nb",
            "a\u{1b}[31m",
        ] {
            assert!(check_member_name(name).is_err(), "{name:?}");
        }
        for name in [
            "README.txt",
            "evidence/CC6.1/CC6.1.mfa/mfa report.pdf",
            "évidence/日本.pdf",
            "a..b/c...d",
        ] {
            assert_eq!(check_member_name(name), Ok(()), "{name:?}");
        }
    }

    #[test]
    fn two_members_never_share_a_name_or_a_folder_name() {
        let refuse = |names: &[&str]| check_all(names.iter().copied()).is_err();
        assert!(refuse(&["a/b.pdf", "a/B.PDF"]));
        assert!(refuse(&["a", "a/b"]));
        assert!(refuse(&["A/b", "a"]));
        assert!(refuse(&["sha256sums"]));
        assert!(!refuse(&["a/b", "a/c", "b"]));
    }
}
