//! The export screen's state: the chosen format and paper size, the path being typed, and
//! what happened the last time the report was written.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::super::input::TextInput;
use crate::report::{Format, Paper, default_file_name};

/// The export screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    /// The report format.
    pub format: Format,
    /// The paper size of a PDF.
    pub paper: Paper,
    /// Where to write it.
    pub path: TextInput,
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
        let format = Format::Pdf;
        let name = default_file_name(organization, format, today);
        let path = assessment.parent().unwrap_or(Path::new("")).join(name);
        Self {
            format,
            paper,
            path: TextInput::new(&path.display().to_string()),
            outcome: None,
            organization: organization.to_string(),
            today,
        }
    }

    /// The same form with its default file written into `folder` instead (the config's
    /// `export_folder`, or the folder the wizard was started from).
    pub fn in_folder(mut self, folder: &Path) -> Self {
        let name = default_file_name(&self.organization, self.format, self.today);
        self.path = TextInput::new(&folder.join(name).display().to_string());
        self
    }

    /// Where the typed path says to write: `~` stands for `home`, and a folder (one that
    /// `is_dir` says exists, or a path ending in `/`) gets the format's default name inside.
    /// `None` when nothing is typed.
    pub fn target(&self, home: Option<&Path>, is_dir: impl Fn(&Path) -> bool) -> Option<PathBuf> {
        let typed = self.path.text().trim();
        if typed.is_empty() {
            return None;
        }
        let path = expand_home(typed, home);
        if typed.ends_with('/') || is_dir(&path) {
            return Some(path.join(default_file_name(
                &self.organization,
                self.format,
                self.today,
            )));
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

    /// Switches to the next format: a default file name becomes that format's default name
    /// (so tickets never land on the gap CSV), a typed one gets the format's extension.
    pub fn next_format(&mut self) {
        let at = Format::ALL
            .iter()
            .position(|&format| format == self.format)
            .map_or(0, |at| at + 1);
        let next = Format::ALL[at % Format::ALL.len()];
        let default = |format| default_file_name(&self.organization, format, self.today);
        let old_name = default(self.format);
        let old_extension = format!(".{}", self.format.extension());
        let text = self.path.text().to_string();
        if let Some(folder) = text.strip_suffix(&old_name) {
            self.path = TextInput::new(&format!("{folder}{}", default(next)));
        } else if let Some(stem) = text.strip_suffix(&old_extension) {
            self.path = TextInput::new(&format!("{stem}.{}", next.extension()));
        }
        self.format = next;
        self.outcome = None;
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
        assert_eq!(form.format, Format::Markdown);
        assert_eq!(
            form.path.text(),
            "/data/acme-inc-soc2-gap-report-2026-11-24.md"
        );
        for _ in 1..Format::ALL.len() {
            form.next_format();
        }
        assert_eq!(form.format, Format::Pdf);
        assert!(form.path.text().ends_with(".pdf"));
    }

    #[test]
    fn a_default_name_follows_the_document_and_a_typed_one_keeps_its_stem() {
        let mut form = ExportForm::new(
            Path::new("/data/acme.toml"),
            "Acme Inc",
            Date::constant(2026, 11, 24),
            Paper::A4,
        );
        while form.format != Format::Csv {
            form.next_format();
        }
        form.next_format();
        assert_eq!(form.format, Format::Xlsx);
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
