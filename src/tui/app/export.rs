//! The export screen's state: the chosen format and paper size, the path being typed, and
//! what happened the last time the report was written.

use std::path::Path;

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
        }
    }

    /// Switches to the next paper size (A4, Letter, and round again).
    pub fn next_paper(&mut self) {
        self.paper = match self.paper {
            Paper::A4 => Paper::Letter,
            Paper::Letter => Paper::A4,
        };
        self.outcome = None;
    }

    /// Switches to the next format and gives the path that format's extension.
    pub fn next_format(&mut self) {
        let at = Format::ALL
            .iter()
            .position(|&format| format == self.format)
            .map_or(0, |at| at + 1);
        let next = Format::ALL[at % Format::ALL.len()];
        let old = format!(".{}", self.format.extension());
        if let Some(stem) = self.path.text().strip_suffix(&old) {
            self.path = TextInput::new(&format!("{stem}.{}", next.extension()));
        }
        self.format = next;
        self.outcome = None;
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
}
