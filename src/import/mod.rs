//! Evidence from the exports a team already has: each source turns the bytes of one file
//! into [`Findings`] — one plain sentence per control, naming the people or resources that
//! fail — and [`propose`] turns findings into answers that never rise above what the file
//! shows. Pure: no file or terminal I/O; the CLI reads the file and applies the result.

mod credential_report;
mod github;
mod google_workspace;
mod json;
mod mapping;
mod okta;
pub mod outcome;
mod people;
mod propose;
mod prowler;
mod prowler_ocsf;
mod prowler_rules;
mod prowler_tally;
pub mod recorded;
mod table;
mod text;

pub use mapping::{CsvMapping, read_csv, read_mappings};
pub use propose::{Proposal, propose};
pub use table::Table;
pub use text::{MAX_BYTES, decode};

use jiff::civil::Date;

use crate::diagnostics::Problem;

/// What is wrong with an export, located in its file (boxed: large, and met once).
pub type ImportError = Box<Problem>;

/// The tools whose exports can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Prowler: its SOC 2 compliance CSV (`output/compliance/prowler-output-…_soc2_aws.csv`)
    /// or its JSON-OCSF findings (`output/prowler-output-….ocsf.json`), told apart by content.
    Prowler,
    /// The AWS IAM credential report CSV (`aws iam get-credential-report`, decoded).
    AwsCredentialReport,
    /// GitHub branch protection or repository ruleset JSON (one or an array).
    GithubBranchProtection,
    /// The Google Workspace admin console's user download (CSV).
    GoogleWorkspaceUsers,
    /// Okta's `/api/v1/users` JSON, with each user's factors.
    OktaUsers,
}

impl Source {
    /// Every source, in the order help lists them.
    pub const ALL: [Source; 5] = [
        Source::Prowler,
        Source::AwsCredentialReport,
        Source::GithubBranchProtection,
        Source::GoogleWorkspaceUsers,
        Source::OktaUsers,
    ];

    /// The name given on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Source::Prowler => "prowler",
            Source::AwsCredentialReport => "aws-credential-report",
            Source::GithubBranchProtection => "github-branch-protection",
            Source::GoogleWorkspaceUsers => "google-workspace-users",
            Source::OktaUsers => "okta-users",
        }
    }

    /// What the file is, in words (also the title of its evidence entries).
    pub fn describe(self) -> &'static str {
        match self {
            Source::Prowler => "Prowler SOC 2 compliance scan",
            Source::AwsCredentialReport => "AWS IAM credential report",
            Source::GithubBranchProtection => "GitHub branch protection",
            Source::GoogleWorkspaceUsers => "Google Workspace user download",
            Source::OktaUsers => "Okta user list",
        }
    }

    /// The source named `key`.
    pub fn from_key(key: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|source| source.key() == key)
    }

    /// Reads the file `name` holding `bytes`. `today` is the date of reference when the
    /// file carries none (ages of keys and passwords are counted from the export's date).
    pub fn read(self, name: &str, bytes: &[u8], today: Date) -> Result<Findings, ImportError> {
        let text = decode(name, bytes)?;
        match self {
            Source::Prowler if text.trim_start().starts_with(['[', '{']) => {
                prowler_ocsf::read(name, &text)
            }
            Source::Prowler => prowler::read(name, &text),
            Source::AwsCredentialReport => credential_report::read(name, &text, today),
            Source::GithubBranchProtection => github::read(name, &text),
            Source::GoogleWorkspaceUsers => google_workspace::read(name, &text, today),
            Source::OktaUsers => okta::read(name, &text, today),
        }
    }
}

/// What one export shows about one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The question it bears on.
    pub question: String,
    /// How many people, resources or checks were looked at.
    pub checked: usize,
    /// The names of those that fail, in file order, each once.
    pub failing: Vec<String>,
    /// The finding in one plain sentence.
    pub sentence: String,
    /// What to do about it (empty when nothing fails).
    pub fix: String,
}

impl Finding {
    /// The finding on `question` of `checked` items: `passed` when none fails, else what
    /// `failed` says of the `failing` names, with `fix`.
    pub fn judged(
        question: &str,
        checked: usize,
        failing: Vec<String>,
        passed: String,
        failed: impl FnOnce(&[String]) -> String,
        fix: &str,
    ) -> Finding {
        let (sentence, fix) = if failing.is_empty() {
            (passed, String::new())
        } else {
            (failed(&failing), fix.to_string())
        };
        Finding {
            question: question.to_string(),
            checked,
            failing,
            sentence,
            fix,
        }
    }

    /// Whether nothing checked fails.
    pub fn passes(&self) -> bool {
        self.failing.is_empty()
    }
}

/// Everything one export shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// What the export is, in words (the title of its evidence entries).
    pub title: String,
    /// The export's own date, when the file has one.
    pub dated: Option<Date>,
    /// Data rows read.
    pub rows: usize,
    /// One or more findings per question, in question-id order.
    pub findings: Vec<Finding>,
    /// What was read but bears on no question (muted results, manual requirements,
    /// checks no question covers), in words.
    pub notes: Vec<String>,
}

impl Findings {
    /// The sentence of every finding, in order.
    pub fn sentences(&self) -> Vec<&str> {
        self.findings
            .iter()
            .map(|finding| finding.sentence.as_str())
            .collect()
    }
}

/// `names` joined for a sentence, the first `shown` of them and "and N more".
pub fn name_list(names: &[String], shown: usize) -> String {
    let mut text = names
        .iter()
        .take(shown)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > shown {
        text.push_str(&format!(" and {} more", names.len() - shown));
    }
    text
}

/// `the 1 user`, `all 3 users`.
pub fn all(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("the 1 {one}")
    } else {
        format!("all {n} {many}")
    }
}

/// `one` when `n` is 1, else `many`: a verb agreeing with a count.
pub fn agree<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `1 user`, `3 users`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_listed_then_counted() {
        let names: Vec<String> = ["alice", "bob", "carol"].map(String::from).into();
        assert_eq!(name_list(&names, 5), "alice, bob, carol");
        assert_eq!(name_list(&names, 2), "alice, bob and 1 more");
        assert_eq!(count(1, "user", "users"), "1 user");
        assert_eq!(count(2, "user", "users"), "2 users");
        assert_eq!(all(1, "user", "users"), "the 1 user");
        assert_eq!(all(4, "user", "users"), "all 4 users");
        assert_eq!(
            (agree(1, "has", "have"), agree(0, "has", "have")),
            ("has", "have")
        );
    }

    #[test]
    fn sources_round_trip_through_their_keys() {
        for source in Source::ALL {
            assert_eq!(Source::from_key(source.key()), Some(source));
        }
        assert_eq!(Source::from_key("nessus"), None);
    }
}
