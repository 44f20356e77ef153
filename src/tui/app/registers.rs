//! The registers screen's state: which register is shown (policies, vendors, risks) and
//! which entry is selected.

/// One of the three registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegisterTab {
    /// The policy register.
    #[default]
    Policies,
    /// The vendor register.
    Vendors,
    /// The risk register.
    Risks,
}

impl RegisterTab {
    /// Every tab, in order.
    pub const ALL: [RegisterTab; 3] = [
        RegisterTab::Policies,
        RegisterTab::Vendors,
        RegisterTab::Risks,
    ];

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            RegisterTab::Policies => "Policies",
            RegisterTab::Vendors => "Vendors",
            RegisterTab::Risks => "Risks",
        }
    }

    /// The criteria the register bears on.
    pub fn criteria(self) -> &'static str {
        match self {
            RegisterTab::Policies => "CC1.1, CC2.2, CC5.3",
            RegisterTab::Vendors => "CC9.2",
            RegisterTab::Risks => "CC3.1–CC3.4",
        }
    }

    /// The next tab, wrapping around (or the previous one, `back`).
    pub fn step(self, back: bool) -> Self {
        let at = Self::ALL.iter().position(|tab| *tab == self).unwrap_or(0);
        let next = if back {
            at + Self::ALL.len() - 1
        } else {
            at + 1
        };
        Self::ALL[next % Self::ALL.len()]
    }
}

/// The registers screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegistersView {
    /// The register shown.
    pub tab: RegisterTab,
    /// The selected entry.
    pub selected: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_wrap_both_ways() {
        assert_eq!(RegisterTab::Policies.step(false), RegisterTab::Vendors);
        assert_eq!(RegisterTab::Risks.step(false), RegisterTab::Policies);
        assert_eq!(RegisterTab::Policies.step(true), RegisterTab::Risks);
    }
}
