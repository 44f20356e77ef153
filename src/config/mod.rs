//! The user's settings file (`config.toml`): verdict thresholds, defaults for new
//! assessments and reports, the theme, and the branding printed on reports. Everything is
//! optional. [`parse`] is pure — text in, settings or located problems out; [`load`] finds
//! and reads the file and the logo it names.
//!
//! Precedence, everywhere: a value the assessment sets (its `[thresholds]`) beats the
//! config file, which beats the built-in default; a command-line flag beats the config.

mod load;
mod parse;

pub use crate::report::prepared::{Branding, ImageFormat, Logo, image_format};
pub use load::{ENV_VAR, LoadError, default_path, load, resolve_logo};
pub use parse::parse;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::assessment::thresholds::Thresholds;
use crate::questionnaire::{Category, Target};
use crate::report::Paper;
use crate::scoring::{Policy, ThresholdSource};
use crate::tui::ThemeName;

/// Theme names as written in the config file.
pub const THEMES: [(&str, ThemeName); 3] = [
    ("dark", ThemeName::Dark),
    ("light", ThemeName::Light),
    ("projector", ThemeName::Projector),
];

/// Paper names as written in the config file.
pub const PAPERS: [(&str, Paper); 2] = [("a4", Paper::A4), ("letter", Paper::Letter)];

/// Defaults for new assessments, reports and the wizard (`[defaults]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Defaults {
    /// Who runs new assessments.
    pub assessor: Option<String>,
    /// Categories in scope for new assessments (Security is always in).
    pub scope: Option<Vec<Category>>,
    /// The report type new assessments aim for.
    pub target: Option<Target>,
    /// Paper size of PDF reports.
    pub paper: Option<Paper>,
    /// The wizard's theme.
    pub theme: Option<ThemeName>,
    /// Where each assessment's evidence folder is: a path with `{name}` for the
    /// assessment's file stem, relative to the assessment's folder unless absolute.
    pub evidence_folder: Option<String>,
    /// Where the wizard's export screen writes by default (`~` for the home folder);
    /// unset: the folder the wizard was started from.
    pub export_folder: Option<String>,
}

/// The settings of one config file (or none: every value unset).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file the settings came from; `None` when there is no file.
    pub path: Option<PathBuf>,
    /// Verdict thresholds (`[thresholds]`).
    pub thresholds: Thresholds,
    /// Defaults (`[defaults]`).
    pub defaults: Defaults,
    /// Report branding (`[report]`).
    pub branding: Branding,
    /// The 1-based line of every key that was set, by dotted name (`defaults.paper`).
    pub lines: BTreeMap<String, usize>,
    /// The generic CSV import mappings (`[[import.csv]]`).
    pub imports: Vec<crate::import::CsvMapping>,
}

impl Config {
    /// The verdict thresholds before any assessment's own: the config's over the built-in.
    pub fn policy(&self) -> Policy {
        Policy::default().overridden(&self.thresholds, ThresholdSource::Config)
    }

    /// Where the value of the dotted `key` came from: "config.toml:4", or "built-in default".
    pub fn origin(&self, key: &str) -> String {
        match (&self.path, self.lines.get(key)) {
            (Some(path), Some(line)) => format!("{}:{line}", path.display()),
            _ => "built-in default".to_string(),
        }
    }

    /// The theme name as written in files.
    pub fn theme_key(theme: ThemeName) -> &'static str {
        key_of(&THEMES, theme)
    }

    /// The paper name as written in files.
    pub fn paper_key(paper: Paper) -> &'static str {
        key_of(&PAPERS, paper)
    }
}

fn key_of<T: PartialEq>(table: &[(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, candidate)| *candidate == value)
        .map_or("", |(key, _)| key)
}

#[cfg(test)]
mod tests;
