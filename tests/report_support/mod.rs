//! Helpers shared by the report integration tests: run the real binary on a fixture
//! assessment with a fixed report date, and read its output back.

#![allow(dead_code)] // Each test crate uses a different part of this module.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lopdf::{Document, Object};

/// 2026-11-24T00:00:00Z, the report date of every test run.
pub const SOURCE_DATE_EPOCH: &str = "1795478400";
/// The same day as it appears in reports and file names.
pub const REPORT_DATE: &str = "2026-11-24";

/// The fixture assessments, by short name.
pub const FIXTURES: [&str; 7] = [
    "empty",
    "partial",
    "complete",
    "na-heavy",
    "unicode",
    "early-stage",
    "scripts",
];

/// The path of the fixture `report-<name>.toml`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/assessments")
        .join(format!("report-{name}.toml"))
}

/// The binary with a fixed report date and no inherited data directory.
pub fn soc2_ready() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-ready"));
    command
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .env_remove("SOC2_READY_DATA_DIR");
    command
}

/// Runs `soc2-ready report <args>` and returns the finished process.
pub fn report(args: &[&str]) -> Output {
    soc2_ready()
        .arg("report")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Writes the report of fixture `name` in `format` to `out` and returns the file's bytes.
pub fn render_to(name: &str, format: &str, out: &Path) -> Vec<u8> {
    let fixture = fixture(name);
    let output = report(&[
        fixture.to_str().unwrap(),
        "--format",
        format,
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "report {name} {format} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        out.to_str().unwrap()
    );
    std::fs::read(out).expect("the report was written")
}

/// The report of fixture `name` in a text `format`, from standard output.
pub fn text(name: &str, format: &str) -> String {
    report_stdout(&fixture(name), &["--format", format])
}

/// `soc2-ready report <path> <args> --output -`: what it writes to standard output.
pub fn report_stdout(path: &Path, args: &[&str]) -> String {
    command_stdout("report", path, args)
}

/// `soc2-ready <command> <path> <args> --output -`: what it writes to standard output,
/// after checking it succeeded.
pub fn command_stdout(command: &str, path: &Path, args: &[&str]) -> String {
    let output = soc2_ready()
        .arg(command)
        .arg(path)
        .args(args)
        .args(["--output", "-"])
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{command} {} {args:?} failed: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("text files are UTF-8")
}

/// The JSON report of fixture `name`, parsed.
pub fn json(name: &str) -> serde_json::Value {
    serde_json::from_str(&text(name, "json")).expect("the JSON report parses")
}

/// A PDF report with its text.
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// The parsed document.
    pub doc: Document,
    /// The text of every page, whitespace collapsed so wrapped phrases still match.
    pub text: String,
}

/// The PDF report of fixture `name` (on `paper` if given), read back with lopdf.
pub fn pdf(name: &str, paper: Option<&str>) -> Pdf {
    match paper {
        None => pdf_with(name, &[]),
        Some(paper) => pdf_with(name, &["--paper", paper]),
    }
}

/// The PDF report of fixture `name` written with the extra `args`, read back with lopdf.
pub fn pdf_with(name: &str, args: &[&str]) -> Pdf {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(format!("{name}.pdf"));
    let bytes = if args.is_empty() {
        render_to(name, "pdf", &out)
    } else {
        let fixture = fixture(name);
        let mut all = vec![fixture.to_str().unwrap(), "--output", out.to_str().unwrap()];
        all.extend_from_slice(args);
        let output = report(&all);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read(&out).unwrap()
    };
    read_pdf(bytes)
}

/// Any PDF the binary wrote, read back with lopdf.
pub fn read_pdf(bytes: Vec<u8>) -> Pdf {
    let doc = Document::load_mem(&bytes).expect("lopdf reads the PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text extracts");
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    Pdf { bytes, doc, text }
}

impl Pdf {
    /// The page count.
    pub fn pages(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// A value of the Info dictionary.
    pub fn info(&self, key: &[u8]) -> String {
        let info = self
            .doc
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .and_then(|id| self.doc.get_dictionary(id))
            .expect("the PDF has an Info dictionary");
        let value = info.get(key).expect("the Info key is set");
        lopdf::decode_text_string(value).expect("a text string")
    }

    /// Fails unless the text holds `needle`.
    pub fn assert_contains(&self, needle: &str) {
        assert!(
            self.text.contains(needle),
            "{needle:?} not found in the PDF text (first 300 chars: {:?})",
            &self.text.chars().take(300).collect::<String>()
        );
    }
}
