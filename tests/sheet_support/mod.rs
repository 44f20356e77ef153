//! Helpers for the sheet tests: an assessment in a temporary folder, the binary run on a
//! fixed day, CSV sheets edited as a spreadsheet saves them, workbooks read and rewritten.

#![allow(dead_code)] // Each test crate uses a different part of this module.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};

/// An assessment in its own folder.
pub struct Team {
    /// The folder (removed on drop).
    pub dir: tempfile::TempDir,
    /// The assessment file.
    pub path: PathBuf,
}

impl Team {
    /// A new Type 2 assessment of Acme with MFA planned (owner Dana) and SSO in place
    /// (owner Sam).
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        let team = Self { dir, path };
        team.ok(&["new", "--org", "Acme", "--output", team.arg()]);
        team.ok(&[
            "answer",
            team.arg(),
            "CC6.1.mfa",
            "planned",
            "--owner",
            "Dana",
        ]);
        team.ok(&[
            "answer",
            team.arg(),
            "CC6.1.sso",
            "in_place",
            "--owner",
            "Sam",
        ]);
        team
    }

    /// The assessment path as an argument.
    pub fn arg(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// A file in the folder.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs the binary.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("soc2-ready")
            .unwrap()
            .env_remove("SOC2_READY_DATA_DIR")
            .env_remove("SOURCE_DATE_EPOCH")
            .env("SOC2_READY_TODAY", "2026-11-24")
            .args(args)
            .output()
            .unwrap()
    }

    /// Runs the binary and asserts it succeeded.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    /// Exports a sheet of `format` with `extra` options into `name`.
    pub fn export(&self, format: &str, name: &str, extra: &[&str]) -> PathBuf {
        let out = self.file(name);
        let mut args = vec!["sheet", "export", self.arg(), "--format", format];
        args.extend_from_slice(extra);
        args.extend(["--output", out.to_str().unwrap()]);
        self.ok(&args);
        out
    }

    /// Imports `sheet` with `extra` options.
    pub fn import(&self, sheet: &Path, extra: &[&str]) -> Output {
        let mut args = vec!["sheet", "import", self.arg(), sheet.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// The assessment file's text.
    pub fn text(&self) -> String {
        fs::read_to_string(&self.path).unwrap()
    }

    /// The `[answers."ID"]` table of the assessment file.
    pub fn record(&self, id: &str) -> String {
        let text = self.text();
        let head = format!("[answers.\"{id}\"]\n");
        let Some(start) = text.find(&head) else {
            return String::new();
        };
        let body = &text[start + head.len()..];
        body[..body.find("\n[").unwrap_or(body.len())].to_string()
    }
}

/// Bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A CSV sheet as rows of cells (the header first).
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte order mark for Excel"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|record| record.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Sets the cells of the row of question `id`: `(column, text)` pairs.
pub fn fill(rows: &mut [Vec<String>], id: &str, cells: &[(&str, &str)]) {
    let header = rows[0].clone();
    let row = rows
        .iter_mut()
        .find(|row| row[0] == id)
        .unwrap_or_else(|| panic!("{id} is in the sheet"));
    for (column, value) in cells {
        let index = header.iter().position(|name| name == column).unwrap();
        row[index] = (*value).to_string();
    }
}

/// Writes rows as Excel's "CSV UTF-8" saves them: a byte order mark and CRLF line ends.
pub fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    fs::write(path, writer.into_inner().unwrap()).unwrap();
}

/// The Questions sheet of a workbook.
pub fn questions(path: &Path) -> Range<Data> {
    let bytes = fs::read(path).unwrap();
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    book.worksheet_range("Questions").unwrap()
}

/// An XML part of a workbook, unzipped.
pub fn part(path: &Path, name: &str) -> String {
    let file = fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut entry = archive.by_name(name).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut entry, &mut xml).unwrap();
    xml
}
