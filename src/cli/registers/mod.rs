//! `soc2-ready policy|vendor|risk`: the three registers an auditor tests, kept in the
//! assessment file with the same lock and atomic save as `answer`. Bad input exits 2 naming
//! the field and the value, and leaves the file as it was.

pub mod args;
mod policy;
mod risk;
pub mod score_text;
mod templates;
mod vendor;

use std::path::Path;

use serde::Serialize;
use soc2_ready::diagnostics::io_reason;
use soc2_ready::registers::{Finding, Refusal};

pub use args::{PolicyCommand, RiskCommand, VendorCommand};

use super::{Failure, GlobalArgs, Output};

/// Runs one `policy` subcommand.
pub fn run_policy(global: &GlobalArgs, command: &PolicyCommand) -> Result<Output, Failure> {
    policy::run(global, command)
}

/// Runs one `vendor` subcommand.
pub fn run_vendor(global: &GlobalArgs, command: &VendorCommand) -> Result<Output, Failure> {
    vendor::run(global, command)
}

/// Runs one `risk` subcommand.
pub fn run_risk(global: &GlobalArgs, command: &RiskCommand) -> Result<Output, Failure> {
    risk::run(global, command)
}

/// Refused input: exit 2 with the field and the value; nothing was written.
fn refused(refusal: Refusal) -> Failure {
    Failure::Invalid(format!("{refusal}; nothing was changed"))
}

/// Refused input from the CSV file at `path`.
fn refused_in(path: &Path, refusal: Refusal) -> Failure {
    Failure::Invalid(format!(
        "{}: {refusal}; nothing was imported",
        path.display()
    ))
}

/// The text of a CSV file; an unreadable file is the system's failure (exit 1).
fn read_csv(path: &Path) -> Result<String, Failure> {
    std::fs::read(path)
        .map_err(|error| {
            Failure::Runtime(format!(
                "cannot read {}: {}",
                path.display(),
                io_reason(&error)
            ))
        })
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| {
                Failure::Invalid(format!(
                    "{}: not UTF-8 text; save the CSV as UTF-8",
                    path.display()
                ))
            })
        })
}

/// A refusal for a name already in a register.
fn duplicate(field: &str, name: &str) -> Failure {
    refused(Refusal::new(
        field,
        name,
        "is already in the register (names are unique, whatever their case)",
    ))
}

/// A refusal for a name not in a register.
fn unknown(field: &str, name: &str, register: &str) -> Failure {
    refused(Refusal::new(
        field,
        name,
        format!("is not in the {register} register (`{register} list` shows it)"),
    ))
}

/// Pretty JSON with a final newline.
fn json(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("register JSON serializes");
    text.push('\n');
    text
}

/// Findings as indented lines under a heading (nothing when there are none).
fn findings_text(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let mut text = format!("\nFindings ({}):\n", findings.len());
    for finding in findings {
        text.push_str(&format!(
            "  {} {}: {}\n",
            finding.criterion, finding.subject, finding.message
        ));
    }
    text
}

/// A finding as JSON.
#[derive(Serialize)]
struct FindingOut<'a> {
    criterion: &'a str,
    subject: &'a str,
    message: &'a str,
}

impl<'a> From<&'a Finding> for FindingOut<'a> {
    fn from(finding: &'a Finding) -> Self {
        Self {
            criterion: finding.criterion,
            subject: &finding.subject,
            message: &finding.message,
        }
    }
}
