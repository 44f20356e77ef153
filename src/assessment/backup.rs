//! The one-time backup kept when a file from an older schema is first saved in the new one:
//! `acme.toml` written by schema 1 is copied to `acme.toml.schema-1.bak` (mode 0600, never
//! replaced, not a `.toml` file so it is not listed as a second assessment).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::atomic_file;

/// Where the backup of `path` from schema `schema` goes.
pub fn backup_path(path: &Path, schema: i64) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "assessment".into(), |name| name.to_string_lossy());
    path.with_file_name(format!("{name}.schema-{schema}.bak"))
}

/// Copies the file at `path` to its backup if it is still written in schema `schema` and
/// no backup exists yet; returns the backup's path when one was made.
pub fn keep_old_schema(path: &Path, schema: i64) -> io::Result<Option<PathBuf>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    if written_schema(&bytes) != Some(schema) {
        return Ok(None);
    }
    let backup = backup_path(path, schema);
    match atomic_file::create_new(&backup, &bytes) {
        Ok(()) => Ok(Some(backup)),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(None),
        Err(error) => Err(error),
    }
}

/// The `schema` number a file's text declares, if it is readable TOML.
fn written_schema(bytes: &[u8]) -> Option<i64> {
    let text = std::str::from_utf8(bytes).ok()?;
    let table: toml::Table = text.parse().ok()?;
    table.get("schema")?.as_integer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_old_file_is_copied_once_and_privately() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        fs::write(&path, "schema = 1\norganization = \"Acme\"\n").unwrap();
        let backup = keep_old_schema(&path, 1).unwrap().unwrap();
        assert_eq!(backup, dir.path().join("acme.toml.schema-1.bak"));
        assert_eq!(
            fs::read_to_string(&backup).unwrap(),
            "schema = 1\norganization = \"Acme\"\n"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&backup).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        fs::write(&path, "schema = 1\norganization = \"Changed\"\n").unwrap();
        assert_eq!(keep_old_schema(&path, 1).unwrap(), None, "one time only");
        assert!(fs::read_to_string(&backup).unwrap().contains("Acme"));
    }

    #[test]
    fn a_file_already_upgraded_or_missing_is_not_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        assert_eq!(keep_old_schema(&path, 1).unwrap(), None);
        fs::write(&path, "schema = 2\n").unwrap();
        assert_eq!(keep_old_schema(&path, 1).unwrap(), None);
        assert!(!backup_path(&path, 1).exists());
    }
}
