//! What a directory of people shows, whichever identity provider exported it: active
//! accounts without a second factor (CC6.1) and active accounts nobody has signed in to
//! for 90 days, the leavers an offboarding missed (CC6.3). Suspended or deactivated
//! accounts are counted apart: they can no longer sign in.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Finding, agree, all, count, name_list};

/// How many days an active account may go unused.
const MAX_IDLE_DAYS: i64 = 90;

/// The second factor of one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    /// Enrolled (and required, where the export says whether it is).
    Enrolled,
    /// Enrolled, but the person could turn it off.
    NotEnforced,
    /// Not enrolled.
    Missing,
    /// The export does not say.
    Unknown,
}

/// One account of a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The sign-in name or email address.
    pub name: String,
    /// Whether it can sign in (not suspended, deactivated or deprovisioned).
    pub active: bool,
    /// Its second factor.
    pub factor: SecondFactor,
    /// The day of its last sign-in (`None`: never).
    pub last_sign_in: Option<Date>,
    /// The day it was made, when the export says.
    pub created: Option<Date>,
}

/// The findings on `people`, accounts of `kind` ("Google Workspace account"), as of `as_of`.
pub fn findings(kind: (&str, &str), people: &[Person], as_of: Date) -> (Vec<Finding>, Vec<String>) {
    let (one, many) = kind;
    let active: Vec<&Person> = people.iter().filter(|person| person.active).collect();
    let mut notes = Vec::new();
    let inactive = people.len() - active.len();
    if inactive > 0 {
        notes.push(format!(
            "{} left out: suspended or deactivated accounts cannot sign in",
            count(inactive, &format!("{one} is"), &format!("{many} are"))
        ));
    }
    let mut findings = Vec::new();
    let known: Vec<&&Person> = active
        .iter()
        .filter(|person| person.factor != SecondFactor::Unknown)
        .collect();
    if known.len() < active.len() {
        notes.push(format!(
            "the export does not say whether {} {} a second factor",
            count(active.len() - known.len(), one, many),
            agree(active.len() - known.len(), "has", "have")
        ));
    }
    if !known.is_empty() {
        let failing: Vec<String> = known
            .iter()
            .filter_map(|person| match person.factor {
                SecondFactor::Missing => Some(format!("{} (not enrolled)", person.name)),
                SecondFactor::NotEnforced => Some(format!("{} (not enforced)", person.name)),
                SecondFactor::Enrolled | SecondFactor::Unknown => None,
            })
            .collect();
        let (one_active, many_active) = (format!("active {one}"), format!("active {many}"));
        findings.push(Finding::judged(
            "CC6.1.mfa",
            known.len(),
            failing,
            format!(
                "{} {} to use a second factor",
                all(known.len(), &one_active, &many_active),
                agree(known.len(), "is required", "are required")
            ),
            |failing| {
                format!(
                    "{} of {} {} not required to use a second factor: {}",
                    failing.len(),
                    count(known.len(), &one_active, &many_active),
                    agree(failing.len(), "is", "are"),
                    name_list(failing, 5)
                )
            },
            "enrol each of them and enforce a second factor for everyone in the identity provider",
        ));
    }
    if !active.is_empty() {
        findings.push(idle(kind, &active, as_of));
    }
    (findings, notes)
}

/// Active accounts unused for [`MAX_IDLE_DAYS`] (made before then and not signed in since).
fn idle((one, many): (&str, &str), active: &[&Person], as_of: Date) -> Finding {
    let cutoff = as_of.checked_sub(MAX_IDLE_DAYS.days()).unwrap_or(as_of);
    let failing: Vec<String> = active
        .iter()
        .filter(|person| person.created.is_none_or(|created| created < cutoff))
        .filter_map(|person| match person.last_sign_in {
            None => Some(format!("{} (never signed in)", person.name)),
            Some(last) if last < cutoff => Some(format!("{} (last sign-in {last})", person.name)),
            Some(_) => None,
        })
        .collect();
    let (one_active, many_active) = (format!("active {one}"), format!("active {many}"));
    Finding::judged(
        "CC6.3.offboarding",
        active.len(),
        failing,
        format!(
            "{} signed in within the last {MAX_IDLE_DAYS} days (or {} new)",
            all(active.len(), &one_active, &many_active),
            agree(active.len(), "is", "are")
        ),
        |failing| {
            format!(
                "{} of {} {} not signed in for {MAX_IDLE_DAYS} days, leavers an offboarding may have missed: {}",
                failing.len(),
                count(active.len(), &one_active, &many_active),
                agree(failing.len(), "has", "have"),
                name_list(failing, 5)
            )
        },
        "suspend the accounts of people who have left, and record why each other idle account is still needed",
    )
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn person(name: &str, active: bool, factor: SecondFactor, last: Option<Date>) -> Person {
        Person {
            name: name.into(),
            active,
            factor,
            last_sign_in: last,
            created: Some(date(2025, 1, 1)),
        }
    }

    #[test]
    fn active_accounts_without_an_enforced_factor_fail_and_suspended_ones_are_apart() {
        let recent = Some(date(2026, 11, 20));
        let people = [
            person("ann", true, SecondFactor::Enrolled, recent),
            person("ben", true, SecondFactor::NotEnforced, recent),
            person("cy", true, SecondFactor::Missing, recent),
            person("dee", false, SecondFactor::Missing, None),
        ];
        let (findings, notes) = findings(("account", "accounts"), &people, date(2026, 12, 1));
        assert_eq!(
            findings[0].sentence,
            "2 of 3 active accounts are not required to use a second factor: ben (not enforced), cy (not enrolled)"
        );
        assert_eq!(
            notes,
            ["1 account is left out: suspended or deactivated accounts cannot sign in"]
        );
        assert_eq!(
            findings[1].sentence,
            "all 3 active accounts signed in within the last 90 days (or are new)"
        );
    }

    #[test]
    fn idle_accounts_are_possible_missed_leavers_but_new_ones_are_not() {
        let mut new = person("new", true, SecondFactor::Unknown, None);
        new.created = Some(date(2026, 11, 25));
        let people = [
            person("old", true, SecondFactor::Unknown, Some(date(2026, 8, 1))),
            person("never", true, SecondFactor::Unknown, None),
            new,
        ];
        let (findings, notes) = findings(("user", "users"), &people, date(2026, 12, 1));
        assert_eq!(
            findings.len(),
            1,
            "no MFA finding when the export does not say"
        );
        assert_eq!(
            notes,
            ["the export does not say whether 3 users have a second factor"]
        );
        assert_eq!(
            findings[0].sentence,
            "2 of 3 active users have not signed in for 90 days, leavers an offboarding may have missed: old (last sign-in 2026-08-01), never (never signed in)"
        );
    }
}
