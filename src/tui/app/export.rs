//! The export screen's state: the chosen format, the path being typed, and what happened
//! the last time the report was written.

use std::path::Path;

use jiff::civil::Date;

use super::super::input::TextInput;
use crate::report::{Format, default_file_name};

/// The export screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    /// The report format.
    pub format: Format,
    /// Where to write it.
    pub path: TextInput,
    /// The path written to, or why writing failed, after the last Enter.
    pub outcome: Option<Result<String, String>>,
}

impl ExportForm {
    /// A PDF next to the assessment at `assessment`, with the report module's default name.
    pub fn new(assessment: &Path, organization: &str, today: Date) -> Self {
        let format = Format::Pdf;
        let name = default_file_name(organization, format, today);
        let path = assessment.parent().unwrap_or(Path::new("")).join(name);
        Self {
            format,
            path: TextInput::new(&path.display().to_string()),
            outcome: None,
        }
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
        for _ in 0..3 {
            form.next_format();
        }
        assert_eq!(form.format, Format::Pdf);
        assert!(form.path.text().ends_with(".pdf"));
    }
}
