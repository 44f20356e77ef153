//! The AWS IAM credential report (`aws iam get-credential-report`, its content decoded):
//! one CSV row per IAM user and one for the root account. It shows console users without
//! MFA (CC6.1), use of the root account (CC6.3), passwords and access keys unused for 90
//! days (CC6.3, access that a review would remove) and access keys not rotated in 90 days
//! (CC6.1, secrets). A user without a console password needs no MFA. The file carries no
//! date of its own, so ages are counted from the day given as the export's.

use jiff::ToSpan;
use jiff::civil::Date;

use super::ImportError;
use super::table::{Row, Table};
use super::{Finding, Findings, Source, agree, all, count, name_list};

const WHAT: &str = "an AWS IAM credential report (user, arn, password_enabled, mfa_active, …)";
/// How many days unused or unrotated credentials may age.
const MAX_AGE_DAYS: i64 = 90;
const ROOT: &str = "<root_account>";

/// The columns read, by role.
struct Columns {
    user: usize,
    password: usize,
    mfa: usize,
    password_used: Option<usize>,
    created: Option<usize>,
    keys: [Key; 2],
}

struct Key {
    active: usize,
    rotated: usize,
    used: Option<usize>,
}

/// What the rows add up to.
#[derive(Default)]
struct Tally {
    console: usize,
    no_mfa: Vec<String>,
    root_checked: bool,
    root: Vec<String>,
    with_credentials: usize,
    unused: Vec<String>,
    keys: usize,
    unrotated: Vec<String>,
}

/// Reads a credential report; `as_of` is the day it was taken.
pub fn read(name: &str, text: &str, as_of: Date) -> Result<Findings, ImportError> {
    let table = Table::new(name, text, b",\t")?;
    let [
        user,
        _arn,
        password,
        mfa,
        active_1,
        rotated_1,
        active_2,
        rotated_2,
    ] = table.columns(
        [
            "user",
            "arn",
            "password_enabled",
            "mfa_active",
            "access_key_1_active",
            "access_key_1_last_rotated",
            "access_key_2_active",
            "access_key_2_last_rotated",
        ],
        WHAT,
    )?;
    let columns = Columns {
        user,
        password,
        mfa,
        password_used: table.find("password_last_used"),
        created: table.find("user_creation_time"),
        keys: [
            Key {
                active: active_1,
                rotated: rotated_1,
                used: table.find("access_key_1_last_used_date"),
            },
            Key {
                active: active_2,
                rotated: rotated_2,
                used: table.find("access_key_2_last_used_date"),
            },
        ],
    };
    let cutoff = as_of.checked_sub(MAX_AGE_DAYS.days()).unwrap_or(as_of);
    let mut tally = Tally::default();
    let mut rows = 0;
    for row in table.rows() {
        let row = row?;
        rows += 1;
        tally.add(&table, &row, &columns, cutoff)?;
    }
    if rows == 0 {
        return Err(table.no_rows());
    }
    Ok(Findings {
        title: Source::AwsCredentialReport.describe().to_string(),
        dated: None,
        rows,
        findings: tally.findings(),
        notes: Vec::new(),
    })
}

/// A yes/no field: `true`, `false`, or `not_supported` (the root account's password).
fn flag(table: &Table<'_>, row: &Row, index: usize) -> Result<Option<bool>, ImportError> {
    match row.get(index).to_ascii_lowercase().as_str() {
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        "not_supported" | "n/a" => Ok(None),
        other => Err(table.problem(row, index, format!("\"{other}\" is not true or false"))),
    }
}

/// A timestamp field's day; `None` for `N/A`, `no_information` and empty.
fn day(table: &Table<'_>, row: &Row, index: Option<usize>) -> Result<Option<Date>, ImportError> {
    let Some(index) = index else { return Ok(None) };
    let text = row.get(index);
    if text.is_empty()
        || text.eq_ignore_ascii_case("n/a")
        || text.eq_ignore_ascii_case("no_information")
    {
        return Ok(None);
    }
    text.get(..10)
        .and_then(|day| day.parse().ok())
        .map(Some)
        .ok_or_else(|| {
            table.problem(
                row,
                index,
                format!("\"{text}\" is not a timestamp such as 2026-01-31T09:00:00+00:00"),
            )
        })
}

impl Tally {
    fn add(
        &mut self,
        table: &Table<'_>,
        row: &Row,
        columns: &Columns,
        cutoff: Date,
    ) -> Result<(), ImportError> {
        let is_root = row.get(columns.user) == ROOT;
        let name = if is_root {
            "the root account".to_string()
        } else {
            row.get(columns.user).to_string()
        };
        let console = is_root || flag(table, row, columns.password)? == Some(true);
        let mfa = flag(table, row, columns.mfa)? == Some(true);
        let password_used = day(table, row, columns.password_used)?;
        let created = day(table, row, columns.created)?;
        if console {
            self.console += 1;
            if !mfa {
                self.no_mfa.push(name.clone());
            }
        }
        let mut stale = Vec::new();
        let mut active_keys = 0;
        for (number, key) in columns.keys.iter().enumerate() {
            if flag(table, row, key.active)? != Some(true) {
                continue;
            }
            active_keys += 1;
            let rotated = day(table, row, Some(key.rotated))?;
            let used = day(table, row, key.used)?;
            let key_name = format!("access key {}", number + 1);
            if let Some(rotated) = rotated.filter(|rotated| *rotated < cutoff) {
                self.unrotated
                    .push(format!("{name} ({key_name} last rotated {rotated})"));
            }
            match used.or(rotated) {
                Some(last) if last < cutoff && used.is_some() => {
                    stale.push(format!("{key_name} unused since {last}"))
                }
                Some(last) if last < cutoff => stale.push(format!("{key_name} never used")),
                _ => {}
            }
        }
        self.keys += active_keys;
        if is_root {
            self.root_checked = true;
            if active_keys > 0 {
                self.root.push(format!(
                    "the root account has {}",
                    count(active_keys, "active access key", "active access keys")
                ));
            }
            if let Some(used) = password_used.filter(|used| *used >= cutoff) {
                self.root
                    .push(format!("the root account signed in on {used}"));
            }
            return Ok(());
        }
        if console {
            match password_used.or(created) {
                Some(last) if last < cutoff && password_used.is_some() => {
                    stale.insert(0, format!("password unused since {last}"))
                }
                Some(last) if last < cutoff => stale.insert(0, "password never used".to_string()),
                _ => {}
            }
        }
        if console || active_keys > 0 {
            self.with_credentials += 1;
            if !stale.is_empty() {
                self.unused.push(format!("{name} ({})", stale.join(", ")));
            }
        }
        Ok(())
    }

    fn findings(self) -> Vec<Finding> {
        let keys = |n| count(n, "active access key", "active access keys");
        let users = |n| count(n, "IAM user", "IAM users");
        let mut findings = vec![Finding::judged(
            "CC6.1.mfa",
            self.console,
            self.no_mfa,
            format!(
                "{} with a console password {} MFA",
                all(self.console, "IAM user", "IAM users"),
                agree(self.console, "has", "have")
            ),
            |failing| {
                format!(
                    "{} of {} with a console password {} no MFA: {}",
                    failing.len(),
                    users(self.console),
                    agree(failing.len(), "has", "have"),
                    name_list(failing, 5)
                )
            },
            "turn on MFA for each of them (or remove the console password of those who do not sign in)",
        )];
        if self.keys > 0 {
            findings.push(Finding::judged(
                "CC6.1.secrets-management",
                self.keys,
                self.unrotated,
                format!(
                    "{} {} rotated in the last {MAX_AGE_DAYS} days",
                    all(self.keys, "active access key", "active access keys"),
                    agree(self.keys, "was", "were")
                ),
                |failing| {
                    format!(
                        "{} of {} {} older than {MAX_AGE_DAYS} days: {}",
                        failing.len(),
                        keys(self.keys),
                        agree(failing.len(), "is", "are"),
                        name_list(failing, 5)
                    )
                },
                "rotate each key (create a new one, switch to it, delete the old one), or replace it with a role",
            ));
        }
        if self.root_checked {
            let failing = if self.root.is_empty() {
                Vec::new()
            } else {
                vec!["the root account".to_string()]
            };
            let said = self.root.join("; ");
            findings.push(Finding::judged(
                "CC6.3.privileged-access",
                1,
                failing,
                format!("the root account has no access keys and was not used in the last {MAX_AGE_DAYS} days"),
                |_| said,
                "delete the root account's access keys and keep it for the few tasks only root can do",
            ));
        }
        if self.with_credentials > 0 {
            findings.push(Finding::judged(
                "CC6.3.access-reviews",
                self.with_credentials,
                self.unused,
                format!(
                    "every credential of {} was used in the last {MAX_AGE_DAYS} days",
                    all(self.with_credentials, "IAM user", "IAM users")
                ),
                |failing| {
                    format!(
                        "{} of {} {} credentials unused for {MAX_AGE_DAYS} days: {}",
                        failing.len(),
                        users(self.with_credentials),
                        agree(failing.len(), "holds", "hold"),
                        name_list(failing, 5)
                    )
                },
                "remove the unused passwords and keys (as an access review would), or record why each is still needed",
            ));
        }
        findings.sort_by(|a, b| a.question.cmp(&b.question));
        findings
    }
}

#[cfg(test)]
mod tests;
