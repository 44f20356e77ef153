//! The three registers an auditor tests beside the answers: the policy set with staff
//! acceptance (CC1.1, CC2.2, CC5.3), the vendor register (CC9.2) and the risk register
//! (CC3.1–CC3.4). Pure data and rules: no files, no terminal. The assessment file stores
//! them; the answers, the calendar and the report read their findings.

pub mod import;
pub mod input;
pub mod policies;
pub mod risks;
pub mod templates;
pub mod vendors;

use jiff::ToSpan;
use jiff::civil::Date;

pub use policies::{Acceptance, PolicyRecord};
pub use risks::{Risk, RiskBand, Treatment};
pub use vendors::{Criticality, ReportType, Vendor};

/// How long a review, an approval or a vendor's report stays current.
pub const REVIEW_MONTHS: i32 = 12;

/// The registers of one assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registers {
    /// The policy set, in the order added.
    pub policies: Vec<PolicyRecord>,
    /// The vendor register, in the order added.
    pub vendors: Vec<Vendor>,
    /// The risk register, in the order added.
    pub risks: Vec<Risk>,
}

impl Registers {
    /// Whether all three registers are empty.
    pub fn is_empty(&self) -> bool {
        self.policies.is_empty() && self.vendors.is_empty() && self.risks.is_empty()
    }

    /// Every finding of the three registers: policies, then vendors, then risks.
    pub fn findings(&self, today: Date, is_gap: impl Fn(&str) -> bool) -> Vec<Finding> {
        let mut findings = policies::findings(&self.policies);
        findings.extend(vendors::findings(&self.vendors, today));
        findings.extend(risks::findings(&self.risks, is_gap));
        findings
    }

    /// Every dated item of the three registers (reviews, reports), soonest first.
    pub fn due_items(&self) -> Vec<DueItem> {
        let mut items = policies::due_items(&self.policies);
        items.extend(vendors::due_items(&self.vendors));
        items.extend(risks::due_items(&self.risks));
        items.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.what.cmp(&b.what)));
        items
    }
}

/// Something in a register an auditor would raise, on the criterion it bears on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The criterion id, e.g. "CC9.2".
    pub criterion: &'static str,
    /// What the finding is about: a vendor's, risk's or policy's name.
    pub subject: String,
    /// What is wrong and what to do, in one or two sentences.
    pub message: String,
}

/// A register entry that falls due on a date (a review, a vendor's next report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    /// What falls due, e.g. "vendor Stripe: SOC 2 report".
    pub what: String,
    /// The criterion it supports.
    pub criterion: &'static str,
    /// The last day it is current; `None` when it was never done (due now).
    pub due: Option<Date>,
}

impl DueItem {
    /// Whether the item is past due on `today` (never done counts as past due).
    pub fn is_overdue(&self, today: Date) -> bool {
        self.due.is_none_or(|due| due < today)
    }
}

/// Input a register refuses: the field, the value given and why, for a located message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The field (a command-line option or a CSV column), e.g. "--likelihood".
    pub field: String,
    /// The value given.
    pub value: String,
    /// Why it is refused and what is expected.
    pub why: String,
}

impl Refusal {
    /// A refusal of `value` in `field`.
    pub fn new(field: &str, value: &str, why: impl Into<String>) -> Self {
        Self {
            field: field.to_string(),
            value: value.to_string(),
            why: why.into(),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} \"{}\": {}", self.field, self.value, self.why)
    }
}

/// The day a review or approval on `date` stops being current: twelve months later.
pub fn year_after(date: Date) -> Date {
    date.checked_add(REVIEW_MONTHS.months())
        .unwrap_or(Date::MAX)
}

/// Whether two names are the same register entry: trimmed, case-insensitive.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_after_keeps_the_day_or_clamps_it() {
        assert_eq!(
            year_after(Date::constant(2026, 3, 15)),
            Date::constant(2027, 3, 15)
        );
        assert_eq!(
            year_after(Date::constant(2028, 2, 29)),
            Date::constant(2029, 2, 28)
        );
    }

    #[test]
    fn never_done_is_overdue_and_a_future_date_is_not() {
        let today = Date::constant(2026, 12, 4);
        let item = |due| DueItem {
            what: "x".into(),
            criterion: "CC3.1",
            due,
        };
        assert!(item(None).is_overdue(today));
        assert!(item(Some(Date::constant(2026, 12, 3))).is_overdue(today));
        assert!(!item(Some(today)).is_overdue(today));
    }

    #[test]
    fn names_match_whatever_their_case_and_spaces() {
        assert!(same_name(" Stripe ", "stripe"));
        assert!(!same_name("Stripe", "Stripe Atlas"));
    }
}
