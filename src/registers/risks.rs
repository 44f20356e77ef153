//! The risk register (CC3.1–CC3.4): each risk scored for likelihood and impact on a 1–5
//! scale, owned and treated; a 5×5 heat map of inherent risk; and the rules an auditor
//! checks — a mitigated risk needs working controls, an accepted high risk needs a named
//! approver and a date, and every risk is reviewed at least once a year.

use jiff::civil::Date;

use super::{DueItem, Finding, Refusal, same_name, year_after};

/// How a risk is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Treatment {
    /// Reduced by controls (linked to the questions that test them).
    Mitigate,
    /// Knowingly kept (a high risk needs an approver and a date).
    Accept,
    /// Moved to someone else (insurance, a contract).
    Transfer,
    /// The activity causing it is stopped.
    Avoid,
}

impl Treatment {
    /// Every value.
    pub const ALL: [Treatment; 4] = [
        Treatment::Mitigate,
        Treatment::Accept,
        Treatment::Transfer,
        Treatment::Avoid,
    ];

    /// The name used in files and options.
    pub fn key(self) -> &'static str {
        match self {
            Treatment::Mitigate => "mitigate",
            Treatment::Accept => "accept",
            Treatment::Transfer => "transfer",
            Treatment::Avoid => "avoid",
        }
    }

    /// Parses a name as written in files and options.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|value| value.key() == key.trim())
    }
}

/// The band of a risk's score (likelihood × impact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RiskBand {
    /// 1–4.
    Low,
    /// 5–9.
    Medium,
    /// 10–25.
    High,
}

impl RiskBand {
    /// The band of a score.
    pub fn of(score: u8) -> Self {
        match score {
            0..=4 => RiskBand::Low,
            5..=9 => RiskBand::Medium,
            _ => RiskBand::High,
        }
    }

    /// The band's name.
    pub fn label(self) -> &'static str {
        match self {
            RiskBand::Low => "low",
            RiskBand::Medium => "medium",
            RiskBand::High => "high",
        }
    }
}

/// One risk of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risk {
    /// A short title, unique in the register (case-insensitive).
    pub title: String,
    /// How likely, 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// How bad, 1 (negligible) to 5 (severe).
    pub impact: u8,
    /// How it is treated.
    pub treatment: Treatment,
    /// Who owns it.
    pub owner: String,
    /// The question ids of the controls that mitigate it.
    pub controls: Vec<String>,
    /// When it was last reviewed.
    pub reviewed: Option<Date>,
    /// Who accepted it (for an accepted risk).
    pub approver: String,
    /// When it was accepted.
    pub approved: Option<Date>,
}

impl Risk {
    /// Inherent risk: likelihood × impact, 1 to 25.
    pub fn score(&self) -> u8 {
        self.likelihood * self.impact
    }

    /// The band of the score.
    pub fn band(&self) -> RiskBand {
        RiskBand::of(self.score())
    }
}

/// Parses a likelihood or impact, 1 to 5, given in `field`.
pub fn rating(field: &str, text: &str) -> Result<u8, Refusal> {
    match text.trim().parse::<u8>() {
        Ok(value @ 1..=5) => Ok(value),
        _ => Err(Refusal::new(
            field,
            text,
            "expected a whole number from 1 to 5",
        )),
    }
}

/// The index of the risk titled `title`, if any.
pub fn find(risks: &[Risk], title: &str) -> Option<usize> {
    risks.iter().position(|risk| same_name(&risk.title, title))
}

/// The 5×5 heat map: `map[likelihood - 1][impact - 1]` counts the risks in each cell.
pub fn heat_map(risks: &[Risk]) -> [[usize; 5]; 5] {
    let mut map = [[0; 5]; 5];
    for risk in risks {
        let (l, i) = (usize::from(risk.likelihood), usize::from(risk.impact));
        if (1..=5).contains(&l) && (1..=5).contains(&i) {
            map[l - 1][i - 1] += 1;
        }
    }
    map
}

/// The register's findings on CC3.2 (risks are analysed and a response decided): a
/// mitigated risk with no control, or only controls that are gaps (`is_gap` says which
/// question ids are), and an accepted high risk without an approver or a date.
pub fn findings(risks: &[Risk], is_gap: impl Fn(&str) -> bool) -> Vec<Finding> {
    let mut found = Vec::new();
    for risk in risks {
        let finding = |message: String| Finding {
            criterion: "CC3.2",
            subject: risk.title.clone(),
            message,
        };
        match risk.treatment {
            Treatment::Mitigate if risk.controls.is_empty() => found.push(finding(
                "mitigated, but no control is linked: name the questions of the controls that reduce it".into(),
            )),
            Treatment::Mitigate if risk.controls.iter().all(|id| is_gap(id)) => {
                found.push(finding(format!(
                    "mitigated only by controls that are still gaps ({}): the risk stands until one of them works",
                    risk.controls.join(", ")
                )));
            }
            Treatment::Accept
                if risk.band() == RiskBand::High
                    && (risk.approver.trim().is_empty() || risk.approved.is_none()) =>
            {
                found.push(finding(format!(
                    "a high risk (score {}) accepted without {}: record who in management accepted it and when",
                    risk.score(),
                    if risk.approver.trim().is_empty() { "an approver" } else { "a date" }
                )));
            }
            _ => {}
        }
    }
    found
}

/// Each risk's yearly review (CC3.1: the assessment is kept up to date); a risk never
/// reviewed is due now.
pub fn due_items(risks: &[Risk]) -> Vec<DueItem> {
    risks
        .iter()
        .map(|risk| DueItem {
            what: format!("risk \"{}\": yearly review", risk.title),
            criterion: "CC3.1",
            due: risk.reviewed.map(year_after),
        })
        .collect()
}

/// The day the whole register falls due for review: the earliest of its risks' reviews
/// (`None` when a risk was never reviewed or the register is empty).
pub fn register_review_due(risks: &[Risk]) -> Option<Date> {
    risks
        .iter()
        .map(|risk| risk.reviewed.map(year_after))
        .min()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risk(title: &str, likelihood: u8, impact: u8, treatment: Treatment) -> Risk {
        Risk {
            title: title.into(),
            likelihood,
            impact,
            treatment,
            owner: "CTO".into(),
            controls: Vec::new(),
            reviewed: Some(Date::constant(2026, 2, 1)),
            approver: String::new(),
            approved: None,
        }
    }

    #[test]
    fn ratings_are_one_to_five() {
        assert_eq!(rating("--likelihood", " 5"), Ok(5));
        for bad in ["0", "6", "9", "two", "", "-1", "2.5"] {
            let refusal = rating("--likelihood", bad).unwrap_err();
            assert_eq!(refusal.field, "--likelihood");
            assert_eq!(refusal.value, bad);
        }
        assert_eq!(Treatment::from_key("tolerate"), None);
        for treatment in Treatment::ALL {
            assert_eq!(Treatment::from_key(treatment.key()), Some(treatment));
        }
    }

    #[test]
    fn the_heat_map_counts_each_cell_and_bands_split_the_scores() {
        let risks = [
            risk("a", 5, 5, Treatment::Avoid),
            risk("b", 5, 5, Treatment::Avoid),
            risk("c", 1, 4, Treatment::Avoid),
        ];
        let map = heat_map(&risks);
        assert_eq!(map[4][4], 2);
        assert_eq!(map[0][3], 1);
        assert_eq!(map.iter().flatten().sum::<usize>(), 3);
        assert_eq!(risks[2].band(), RiskBand::Low);
        assert_eq!(RiskBand::of(5), RiskBand::Medium);
        assert_eq!(RiskBand::of(9), RiskBand::Medium);
        assert_eq!(RiskBand::of(10), RiskBand::High);
    }

    #[test]
    fn a_mitigated_risk_needs_a_working_control() {
        let mut mitigated = risk("Laptop theft", 3, 3, Treatment::Mitigate);
        let found = findings(std::slice::from_ref(&mitigated), |_| false);
        assert!(
            found[0].message.contains("no control is linked"),
            "{found:?}"
        );
        mitigated.controls = vec!["CC6.7.disk-encryption".into(), "CC6.1.mfa".into()];
        let found = findings(std::slice::from_ref(&mitigated), |_| true);
        assert!(
            found[0]
                .message
                .contains("still gaps (CC6.7.disk-encryption, CC6.1.mfa)"),
            "{found:?}"
        );
        // One working control is enough.
        assert!(findings(&[mitigated], |id| id == "CC6.1.mfa").is_empty());
    }

    #[test]
    fn an_accepted_high_risk_needs_an_approver_and_a_date() {
        let mut accepted = risk("Single region", 2, 5, Treatment::Accept);
        let found = findings(std::slice::from_ref(&accepted), |_| true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].criterion, "CC3.2");
        assert!(found[0].message.contains("without an approver"));
        accepted.approver = "CEO".into();
        assert!(
            findings(std::slice::from_ref(&accepted), |_| true)[0]
                .message
                .contains("without a date")
        );
        accepted.approved = Some(Date::constant(2026, 3, 1));
        assert!(findings(&[accepted], |_| true).is_empty());
        // A medium risk may be accepted without either.
        assert!(findings(&[risk("Minor", 3, 3, Treatment::Accept)], |_| true).is_empty());
    }

    #[test]
    fn the_register_falls_due_a_year_after_its_oldest_review() {
        let mut old = risk("a", 1, 1, Treatment::Avoid);
        old.reviewed = Some(Date::constant(2025, 11, 1));
        let risks = [old, risk("b", 1, 1, Treatment::Avoid)];
        assert_eq!(
            register_review_due(&risks),
            Some(Date::constant(2026, 11, 1))
        );
        let due = due_items(&risks);
        assert!(due[0].is_overdue(Date::constant(2026, 12, 4)));
        assert!(!due[1].is_overdue(Date::constant(2026, 12, 4)));
        let mut never = risk("c", 1, 1, Treatment::Avoid);
        never.reviewed = None;
        assert_eq!(register_review_due(&[never]), None);
        assert_eq!(register_review_due(&[]), None);
        assert_eq!(find(&risks, "B"), Some(1));
    }
}
