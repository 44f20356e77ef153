//! The export screen's state: the chosen document (a report format or the auditor's
//! package), its options, the path being typed, the package being written, and what
//! happened the last time something was written.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::super::input::TextInput;
use super::writing::Writing;
use crate::report::auditor_package;
use crate::report::{Format, Paper, default_file_name};

/// What the export screen writes: one of the report formats, or the auditor's package
/// (the same ZIP as `soc2-ready package`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The gap report (or its tickets, calendar, SoA) in a format.
    Report(Format),
    /// The auditor's package.
    Package,
}

impl Document {
    /// Every choice in the order the screen offers them: the report formats, then the
    /// package.
    pub fn all() -> impl Iterator<Item = Document> {
        Format::ALL
            .into_iter()
            .map(Document::Report)
            .chain([Document::Package])
    }

    /// The choice's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Document::Report(format) => format.label(),
            Document::Package => "Auditor's package (ZIP)",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Document::Report(format) => format.extension(),
            Document::Package => "zip",
        }
    }

    /// Whether the paper size matters: a PDF, or the package with its PDF report.
    pub fn uses_paper(self) -> bool {
        match self {
            Document::Report(format) => format.is_pdf(),
            Document::Package => true,
        }
    }

    /// The default file name for `organization` on `today`.
    pub fn default_name(self, organization: &str, today: Date) -> String {
        match self {
            Document::Report(format) => default_file_name(organization, format, today),
            Document::Package => auditor_package::default_file_name(organization, today),
        }
    }
}

/// The export screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    /// What to write.
    pub document: Document,
    /// The paper size of a PDF (and of the package's report).
    pub paper: Paper,
    /// Package the index only: the lists and the report, no evidence files.
    pub index_only: bool,
    /// Where to write it.
    pub path: TextInput,
    /// The names the last Tab left to choose from, or that nothing matched.
    pub choices: Option<String>,
    /// The package being written, while it is.
    pub writing: Option<Writing>,
    /// The path written to, or why writing failed, after the last Enter.
    pub outcome: Option<Result<String, String>>,
    /// The organisation and day the default file names are made of.
    organization: String,
    today: Date,
}

impl ExportForm {
    /// A PDF on `paper` next to the assessment at `assessment`, with the report module's
    /// default name.
    pub fn new(assessment: &Path, organization: &str, today: Date, paper: Paper) -> Self {
        let document = Document::Report(Format::Pdf);
        let name = document.default_name(organization, today);
        let path = assessment.parent().unwrap_or(Path::new("")).join(name);
        Self {
            document,
            paper,
            index_only: false,
            path: TextInput::new(&path.display().to_string()),
            choices: None,
            writing: None,
            outcome: None,
            organization: organization.to_string(),
            today,
        }
    }

    /// The same form with its default file written into `folder` instead (the config's
    /// `export_folder`, or the folder the wizard was started from).
    pub fn in_folder(mut self, folder: &Path) -> Self {
        let name = self.document.default_name(&self.organization, self.today);
        self.path = TextInput::new(&folder.join(name).display().to_string());
        self
    }

    /// Where the typed path says to write: `~` stands for `home`, and a folder (one that
    /// `is_dir` says exists, or a path ending in `/`) gets the document's default name
    /// inside. `None` when nothing is typed.
    pub fn target(&self, home: Option<&Path>, is_dir: impl Fn(&Path) -> bool) -> Option<PathBuf> {
        let typed = self.path.text().trim();
        if typed.is_empty() {
            return None;
        }
        let path = expand_home(typed, home);
        if typed.ends_with('/') || is_dir(&path) {
            return Some(path.join(self.document.default_name(&self.organization, self.today)));
        }
        Some(path)
    }

    /// Switches to the next paper size (A4, Letter, and round again).
    pub fn next_paper(&mut self) {
        self.paper = match self.paper {
            Paper::A4 => Paper::Letter,
            Paper::Letter => Paper::A4,
        };
        self.outcome = None;
    }

    /// Switches between packaging every evidence file and the index only.
    pub fn toggle_index_only(&mut self) {
        self.index_only = !self.index_only;
        self.outcome = None;
    }

    /// Switches to the next document (after the last, the first again).
    pub fn next_format(&mut self) {
        self.step(1);
    }

    /// Switches to the previous document (before the first, the last).
    pub fn previous_format(&mut self) {
        self.step(-1);
    }

    /// Moves `by` places along the documents: a default file name becomes that document's
    /// default name (so tickets never land on the gap CSV), a typed one gets its extension.
    fn step(&mut self, by: isize) {
        let all: Vec<Document> = Document::all().collect();
        let at = all
            .iter()
            .position(|&document| document == self.document)
            .unwrap_or(0);
        let next = all[(at as isize + by).rem_euclid(all.len() as isize) as usize];
        let old_name = self.document.default_name(&self.organization, self.today);
        let old_extension = format!(".{}", self.document.extension());
        let text = self.path.text().to_string();
        if let Some(folder) = text.strip_suffix(&old_name) {
            let name = next.default_name(&self.organization, self.today);
            self.path = TextInput::new(&format!("{folder}{name}"));
        } else if let Some(stem) = text.strip_suffix(&old_extension) {
            self.path = TextInput::new(&format!("{stem}.{}", next.extension()));
        }
        self.document = next;
        self.outcome = None;
        self.choices = None;
    }
}

/// `typed` with a leading `~` (alone or before `/`) replaced by `home`, as a shell does.
pub fn expand_home(typed: &str, home: Option<&Path>) -> PathBuf {
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with('/') => {
            home.join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_follows_the_format() {
        let mut form = ExportForm::new(
            Path::new("/data/acme.toml"),
            "Acme Inc",
            Date::constant(2026, 11, 24),
            Paper::A4,
        );
        assert_eq!(
            form.path.text(),
            "/data/acme-inc-soc2-gap-report-2026-11-24.pdf"
        );
        form.next_format();
        assert_eq!(form.document, Document::Report(Format::Markdown));
        assert_eq!(
            form.path.text(),
            "/data/acme-inc-soc2-gap-report-2026-11-24.md"
        );
        for _ in 2..Format::ALL.len() {
            form.next_format();
        }
        assert_eq!(
            form.document,
            Document::Report(Format::Soa(crate::report::SoaFile::Pdf))
        );
        form.next_format();
        assert_eq!(form.document, Document::Package);
        assert_eq!(
            form.path.text(),
            "/data/acme-inc-soc2-evidence-package-2026-11-24.zip"
        );
        form.next_format();
        assert_eq!(form.document, Document::Report(Format::Pdf));
        assert!(form.path.text().ends_with(".pdf"));
        form.previous_format();
        assert_eq!(
            form.document,
            Document::Package,
            "back from the first is the last"
        );
    }

    #[test]
    fn a_default_name_follows_the_document_and_a_typed_one_keeps_its_stem() {
        let mut form = ExportForm::new(
            Path::new("/data/acme.toml"),
            "Acme Inc",
            Date::constant(2026, 11, 24),
            Paper::A4,
        );
        while form.document != Document::Report(Format::Csv) {
            form.next_format();
        }
        form.next_format();
        assert_eq!(form.document, Document::Report(Format::Xlsx));
        form.next_format();
        assert_eq!(
            form.path.text(),
            "/data/acme-inc-soc2-tickets-jira-2026-11-24.csv",
            "tickets never replace the gap CSV"
        );
        form.path = TextInput::new("/tmp/mine.csv");
        form.next_format();
        assert_eq!(form.path.text(), "/tmp/mine.csv");
        form.path = TextInput::new("/tmp/notes.txt");
        form.next_format();
        assert_eq!(
            form.path.text(),
            "/tmp/notes.txt",
            "no extension of ours, untouched"
        );
    }

    #[test]
    fn the_paper_size_cycles_and_clears_the_last_outcome() {
        let mut form = ExportForm::new(
            Path::new("/data/acme.toml"),
            "Acme Inc",
            Date::constant(2026, 11, 24),
            Paper::A4,
        );
        form.outcome = Some(Ok("written".into()));
        form.next_paper();
        assert_eq!(form.paper, Paper::Letter);
        assert_eq!(form.outcome, None);
        form.next_paper();
        assert_eq!(form.paper, Paper::A4);
    }

    #[test]
    fn a_tilde_is_home_and_a_folder_gets_the_default_name() {
        let form = ExportForm::new(
            Path::new("/data/acme.toml"),
            "Acme Inc",
            Date::constant(2026, 11, 24),
            Paper::A4,
        )
        .in_folder(Path::new("/work/client"));
        assert_eq!(
            form.path.text(),
            "/work/client/acme-inc-soc2-gap-report-2026-11-24.pdf"
        );
        let home = Some(Path::new("/home/jo"));
        let never = |_: &Path| false;
        let typed = |text: &str| {
            let mut form = form.clone();
            form.path = TextInput::new(text);
            form
        };
        assert_eq!(
            typed("~/Desktop/r.pdf").target(home, never),
            Some(PathBuf::from("/home/jo/Desktop/r.pdf"))
        );
        assert_eq!(
            typed("~/Desktop/").target(home, never),
            Some(PathBuf::from(
                "/home/jo/Desktop/acme-inc-soc2-gap-report-2026-11-24.pdf"
            ))
        );
        assert_eq!(
            typed("~").target(home, |path: &Path| path == Path::new("/home/jo")),
            Some(PathBuf::from(
                "/home/jo/acme-inc-soc2-gap-report-2026-11-24.pdf"
            ))
        );
        // `~name` is someone else's home: left as typed, like a file name.
        assert_eq!(
            typed("~bob/r.pdf").target(home, never),
            Some(PathBuf::from("~bob/r.pdf"))
        );
        assert_eq!(typed("  ").target(home, never), None);
        assert_eq!(
            typed("~/r.pdf").target(None, never),
            Some(PathBuf::from("~/r.pdf"))
        );
    }
}
