//! The policy register: each policy's owner, current version and approval date, and who on
//! the staff acknowledged which version. A new version needs new acknowledgements (CC2.2:
//! policies are communicated; CC1.1: staff commit to the standards; CC5.3: policies are
//! approved and reviewed every year).

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{DueItem, Finding, Refusal, same_name, year_after};

/// One policy of the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRecord {
    /// Its name, unique in the register (case-insensitive), e.g. "Access control".
    pub name: String,
    /// The role or person who owns it.
    pub owner: String,
    /// The current version, e.g. "1.2".
    pub version: String,
    /// When the current version was approved.
    pub approved: Date,
    /// Where the document is (a path or link; text only, never opened).
    pub file: String,
    /// Every acknowledgement, of any version, oldest first.
    pub acceptances: Vec<Acceptance>,
}

/// One person's acknowledgement of one version of a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    /// Who acknowledged it.
    pub person: String,
    /// Their email, when known (CSV imports carry it).
    pub email: String,
    /// The version acknowledged.
    pub version: String,
    /// When.
    pub date: Date,
}

/// How many of the staff acknowledged a policy's current version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// People who acknowledged the current version.
    pub accepted: usize,
    /// The staff: everyone who acknowledged any policy of the register.
    pub staff: usize,
}

impl Share {
    /// The share as a whole percentage, rounded down (0 with no staff).
    pub fn percent(self) -> u8 {
        if self.staff == 0 {
            return 0;
        }
        u8::try_from(self.accepted * 100 / self.staff).unwrap_or(100)
    }
}

impl PolicyRecord {
    /// Whether `person` acknowledged the current version.
    pub fn accepted_by(&self, person: &str) -> bool {
        self.current_acceptances()
            .any(|acceptance| same_name(&acceptance.person, person))
    }

    /// The acknowledgements of the current version.
    pub fn current_acceptances(&self) -> impl Iterator<Item = &Acceptance> {
        self.acceptances
            .iter()
            .filter(|acceptance| acceptance.version == self.version)
    }

    /// Records `person`'s acknowledgement of the current version on `date`; refused when
    /// they already acknowledged it or the date is before the version's approval.
    pub fn accept(&mut self, person: &str, email: &str, date: Date) -> Result<(), Refusal> {
        let person = person.trim();
        if person.is_empty() {
            return Err(Refusal::new("--person", person, "must not be empty"));
        }
        if self.accepted_by(person) {
            return Err(Refusal::new(
                "--person",
                person,
                format!(
                    "already acknowledged version {} of \"{}\"",
                    self.version, self.name
                ),
            ));
        }
        if date < self.approved {
            return Err(Refusal::new(
                "--date",
                &date.to_string(),
                format!(
                    "is before version {} was approved ({})",
                    self.version, self.approved
                ),
            ));
        }
        self.acceptances.push(Acceptance {
            person: person.to_string(),
            email: email.trim().to_string(),
            version: self.version.clone(),
            date,
        });
        Ok(())
    }

    /// Makes `version`, approved on `approved`, the current one; older acknowledgements stay
    /// as history but no longer count. Refused when it is already the current version.
    pub fn new_version(&mut self, version: &str, approved: Date) -> Result<(), Refusal> {
        if version.trim() == self.version {
            return Err(Refusal::new(
                "--version",
                version,
                format!("\"{}\" is already at this version", self.name),
            ));
        }
        self.version = version.trim().to_string();
        self.approved = approved;
        Ok(())
    }

    /// The day the current version's yearly review falls due.
    pub fn review_due(&self) -> Date {
        year_after(self.approved)
    }
}

/// The staff known to the register: everyone who acknowledged any policy, by name
/// (case-insensitive), as first written.
pub fn staff(policies: &[PolicyRecord]) -> Vec<String> {
    let mut people: BTreeMap<String, String> = BTreeMap::new();
    for acceptance in policies.iter().flat_map(|policy| &policy.acceptances) {
        people
            .entry(acceptance.person.trim().to_lowercase())
            .or_insert_with(|| acceptance.person.trim().to_string());
    }
    people.into_values().collect()
}

/// The share of the staff who acknowledged `policy`'s current version.
pub fn share(policy: &PolicyRecord, staff: &[String]) -> Share {
    Share {
        accepted: staff
            .iter()
            .filter(|person| policy.accepted_by(person))
            .count(),
        staff: staff.len(),
    }
}

/// The index of the policy named `name`, if any.
pub fn find(policies: &[PolicyRecord], name: &str) -> Option<usize> {
    policies
        .iter()
        .position(|policy| same_name(&policy.name, name))
}

/// A policy whose current version some of the staff have not acknowledged (CC2.2).
pub fn findings(policies: &[PolicyRecord]) -> Vec<Finding> {
    let staff = staff(policies);
    policies
        .iter()
        .filter_map(|policy| {
            let share = share(policy, &staff);
            let missing: Vec<&str> = staff
                .iter()
                .filter(|person| !policy.accepted_by(person))
                .map(String::as_str)
                .collect();
            (share.accepted < share.staff).then(|| Finding {
                criterion: "CC2.2",
                subject: policy.name.clone(),
                message: format!(
                    "{} of {} staff acknowledged version {}; ask {} to read and accept it",
                    share.accepted,
                    share.staff,
                    policy.version,
                    missing.join(", ")
                ),
            })
        })
        .collect()
}

/// Each policy's yearly review (CC5.3).
pub fn due_items(policies: &[PolicyRecord]) -> Vec<DueItem> {
    policies
        .iter()
        .map(|policy| DueItem {
            what: format!("policy \"{}\": yearly review", policy.name),
            criterion: "CC5.3",
            due: Some(policy.review_due()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(name: &str) -> PolicyRecord {
        PolicyRecord {
            name: name.into(),
            owner: "CTO".into(),
            version: "1.0".into(),
            approved: Date::constant(2026, 1, 10),
            file: String::new(),
            acceptances: Vec::new(),
        }
    }

    const DAY: Date = Date::constant(2026, 2, 1);

    #[test]
    fn the_share_counts_the_current_version_only() {
        let mut security = policy("Information security");
        let mut access = policy("Access control");
        security.accept("Ana", "ana@acme.test", DAY).unwrap();
        security.accept("Ben", "", DAY).unwrap();
        access.accept("ana", "", DAY).unwrap();
        let register = [security.clone(), access.clone()];
        let people = staff(&register);
        assert_eq!(people, ["Ana", "Ben"]);
        assert_eq!(share(&access, &people).percent(), 50);
        assert_eq!(share(&security, &people).percent(), 100);
        // A new version needs new acknowledgements; the old ones stay as history.
        security
            .new_version("2.0", Date::constant(2026, 3, 1))
            .unwrap();
        assert_eq!(
            share(&security, &people),
            Share {
                accepted: 0,
                staff: 2
            }
        );
        assert_eq!(security.acceptances.len(), 2);
        assert!(security.new_version("2.0", DAY).is_err());
    }

    #[test]
    fn an_acknowledgement_is_refused_twice_or_before_approval() {
        let mut security = policy("Information security");
        security.accept("Ana", "", DAY).unwrap();
        let twice = security.accept(" ana ", "", DAY).unwrap_err();
        assert_eq!(twice.field, "--person");
        assert!(twice.why.contains("already acknowledged version 1.0"));
        let early = security
            .accept("Ben", "", Date::constant(2026, 1, 9))
            .unwrap_err();
        assert_eq!(
            early.to_string(),
            "--date \"2026-01-09\": is before version 1.0 was approved (2026-01-10)"
        );
        assert!(security.accept("  ", "", DAY).is_err());
    }

    #[test]
    fn missing_acknowledgements_are_a_cc2_2_finding_and_reviews_fall_due_yearly() {
        let mut security = policy("Information security");
        let mut access = policy("Access control");
        security.accept("Ana", "", DAY).unwrap();
        security.accept("Ben", "", DAY).unwrap();
        access.accept("Ana", "", DAY).unwrap();
        let register = [security, access];
        let found = findings(&register);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].criterion, "CC2.2");
        assert_eq!(found[0].subject, "Access control");
        assert_eq!(
            found[0].message,
            "1 of 2 staff acknowledged version 1.0; ask Ben to read and accept it"
        );
        let due = due_items(&register);
        assert_eq!(due[0].due, Some(Date::constant(2027, 1, 10)));
        assert_eq!(due[0].criterion, "CC5.3");
        assert_eq!(find(&register, "access CONTROL"), Some(1));
        assert_eq!(find(&register, "HR"), None);
    }

    #[test]
    fn no_staff_is_no_share() {
        assert_eq!(share(&policy("x"), &[]).percent(), 0);
    }
}
