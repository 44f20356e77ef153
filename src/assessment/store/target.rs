//! What a report may write over: never an assessment. A target is refused when it is the
//! assessment being reported on (by any name: a link, `..`, a relative path, a hard link)
//! or when the file already there is an assessment; an earlier report may be replaced.

use std::fs;
use std::path::Path;

use super::StoreError;
use super::read::{BOM, read_regular};

/// Checks that writing a report to `out` cannot destroy an assessment: `out` is none of
/// `sources` (the assessments being reported on or open), and no assessment is there.
pub fn check_report_target(out: &Path, sources: &[&Path]) -> Result<(), StoreError> {
    for source in sources {
        if same_file(out, source) {
            return Err(StoreError::Protected {
                path: out.to_path_buf(),
                why: format!("it is the assessment {} itself", source.display()),
            });
        }
    }
    if holds_assessment(out) {
        return Err(StoreError::Protected {
            path: out.to_path_buf(),
            why: "an assessment file is there".into(),
        });
    }
    Ok(())
}

/// Whether two paths name the same file (after links); false when either is missing.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => fs::canonicalize(a).ok() == fs::canonicalize(b).ok(),
        _ => false,
    }
}

/// Whether the regular file at `path` is a soc2-ready assessment (valid or not): it starts
/// with the assessment header, or is TOML with an `organization` and `answers` or `schema`.
pub fn holds_assessment(path: &Path) -> bool {
    if !fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
        return false;
    }
    let Ok(bytes) = read_regular(path) else {
        return false;
    };
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    if text.starts_with("# soc2-ready assessment") {
        return true;
    }
    text.parse::<toml::Table>().is_ok_and(|table| {
        table.contains_key("organization")
            && (table.contains_key("answers") || table.contains_key("schema"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(out: &Path, sources: &[&Path]) -> String {
        check_report_target(out, sources).unwrap_err().to_string()
    }

    #[test]
    fn the_assessment_itself_is_refused_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        fs::write(&path, "not even toml [").unwrap();
        assert!(refused(&path, &[&path]).contains("is the assessment"));
        let dotted = dir.path().join("sub").join("..").join("acme.toml");
        fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(refused(&dotted, &[&path]).contains("is the assessment"));
        #[cfg(unix)]
        {
            let alias = dir.path().join("alias.toml");
            std::os::unix::fs::symlink(&path, &alias).unwrap();
            assert!(refused(&alias, &[&path]).contains("is the assessment"));
            let hard = dir.path().join("hard.toml");
            fs::hard_link(&path, &hard).unwrap();
            assert!(refused(&hard, &[&path]).contains("is the assessment"));
        }
    }

    #[test]
    fn any_assessment_is_refused_and_reports_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.toml");
        fs::write(&other, "organization = \"Other\"\nschema = 1\n").unwrap();
        let message = refused(&other, &[]);
        assert!(message.contains("an assessment file is there"), "{message}");
        let headed = dir.path().join("headed.md");
        fs::write(&headed, "\u{feff}# soc2-ready assessment. broken = [\n").unwrap();
        assert!(check_report_target(&headed, &[]).is_err());

        let report = dir.path().join("acme.json");
        fs::write(&report, "{\"organization\": \"Acme\"}").unwrap();
        assert!(check_report_target(&report, &[&other]).is_ok());
        assert!(check_report_target(&dir.path().join("new.pdf"), &[&other]).is_ok());
        assert!(check_report_target(Path::new("/dev/null"), &[&other]).is_ok());
    }
}
