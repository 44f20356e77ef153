//! The Google Workspace admin console's user download (Directory › Users › Download
//! users, as CSV): one row per account, with `Status [READ ONLY]` (Active, Suspended),
//! `2sv Enrollment Status` and `2sv Enforcement Status`, and `Last Sign In`. Google writes
//! it with a byte-order mark and Windows line ends; both are handled where the text is
//! decoded. The file has no date of its own.

use jiff::civil::Date;

use super::people::{self, Person, SecondFactor};
use super::table::{Row, Table};
use super::{Findings, ImportError, Source};

const WHAT: &str =
    "a Google Workspace user download (Email Address, Status, 2sv Enrollment Status, …)";

/// Reads a user download; `as_of` is the day it was taken.
pub fn read(name: &str, text: &str, as_of: Date) -> Result<Findings, ImportError> {
    let table = Table::new(name, text, b",\t")?;
    let [email, status, enrolled] =
        table.columns(["Email Address", "Status", "2sv Enrollment Status"], WHAT)?;
    let enforced = table.find("2sv Enforcement Status");
    let signed_in = table.find("Last Sign In");
    let mut accounts = Vec::new();
    for row in table.rows() {
        let row = row?;
        accounts.push(person(
            &table,
            &row,
            [email, status, enrolled],
            enforced,
            signed_in,
        )?);
    }
    if accounts.is_empty() {
        return Err(table.no_rows());
    }
    let (findings, notes) = people::findings(
        ("Google Workspace user", "Google Workspace users"),
        &accounts,
        as_of,
    );
    Ok(Findings {
        title: Source::GoogleWorkspaceUsers.describe().to_string(),
        dated: None,
        rows: accounts.len(),
        findings,
        notes,
    })
}

/// One row as an account.
fn person(
    table: &Table<'_>,
    row: &Row,
    [email, status, enrolled]: [usize; 3],
    enforced: Option<usize>,
    signed_in: Option<usize>,
) -> Result<Person, ImportError> {
    let active = match row.get(status).to_ascii_lowercase().as_str() {
        "active" => true,
        "suspended" | "archived" => false,
        other => {
            return Err(table.problem(
                row,
                status,
                format!("\"{other}\" is not Active, Suspended or Archived"),
            ));
        }
    };
    let is_enrolled = yes_no(table, row, enrolled, "enrolled")?;
    let is_enforced = match enforced {
        Some(index) => Some(yes_no(table, row, index, "enforced")?),
        None => None,
    };
    let factor = match (is_enrolled, is_enforced) {
        (false, _) => SecondFactor::Missing,
        (true, Some(false)) => SecondFactor::NotEnforced,
        (true, _) => SecondFactor::Enrolled,
    };
    let last_sign_in = match signed_in {
        Some(index) => sign_in(table, row, index)?,
        None => None,
    };
    Ok(Person {
        name: row.get(email).to_string(),
        active,
        factor,
        last_sign_in,
        created: None,
    })
}

/// `Enrolled` / `Not Enrolled` (or `Enforced` / `Not Enforced`), any case.
fn yes_no(table: &Table<'_>, row: &Row, index: usize, word: &str) -> Result<bool, ImportError> {
    let value = row.get(index).to_ascii_lowercase();
    if value == word || value == "true" {
        Ok(true)
    } else if value == format!("not {word}") || value == "false" {
        Ok(false)
    } else {
        Err(table.problem(
            row,
            index,
            format!(
                "\"{}\" is neither \"{word}\" nor \"not {word}\"",
                row.get(index)
            ),
        ))
    }
}

/// The day of `Last Sign In` (`2026/11/28 10:15:04` or ISO 8601); `None` for "Never logged in".
fn sign_in(table: &Table<'_>, row: &Row, index: usize) -> Result<Option<Date>, ImportError> {
    let text = row.get(index);
    if text.is_empty() || text.to_ascii_lowercase().starts_with("never") {
        return Ok(None);
    }
    text.get(..10)
        .and_then(|day| day.replace('/', "-").parse().ok())
        .map(Some)
        .ok_or_else(|| {
            table.problem(
                row,
                index,
                format!("\"{text}\" is not a sign-in time such as 2026/11/28 10:15:04"),
            )
        })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    const GOOD: &[u8] = include_bytes!("../../tests/fixtures/import/google-workspace-users.csv");

    fn good() -> String {
        super::super::decode("users.csv", GOOD).unwrap()
    }

    #[test]
    fn the_download_with_bom_and_crlf_gives_mfa_and_offboarding_findings() {
        let findings = read("users.csv", &good(), date(2026, 12, 1)).unwrap();
        assert_eq!(findings.rows, 5);
        assert_eq!(
            findings.sentences(),
            [
                "2 of 4 active Google Workspace users are not required to use a second factor: carol@northwind.example (not enforced), dan@northwind.example (not enrolled)",
                "1 of 4 active Google Workspace users has not signed in for 90 days, leavers an offboarding may have missed: dan@northwind.example (never signed in)",
            ]
        );
        assert_eq!(
            findings.notes,
            [
                "1 Google Workspace user is left out: suspended or deactivated accounts cannot sign in"
            ]
        );
    }

    #[test]
    fn odd_values_are_named_with_their_column() {
        let bad = good().replacen("Not Enrolled", "Perhaps", 1);
        let problem = read("users.csv", &bad, date(2026, 12, 1)).unwrap_err();
        assert_eq!(
            problem.field.as_deref(),
            Some("2sv Enrollment Status [READ ONLY]")
        );
        assert!(
            problem.message.contains("\"Perhaps\" is neither"),
            "{problem}"
        );
        let wrong = "user,arn,password_enabled\n";
        assert!(
            read("r.csv", wrong, date(2026, 12, 1))
                .unwrap_err()
                .message
                .contains("Google Workspace user download")
        );
    }
}
