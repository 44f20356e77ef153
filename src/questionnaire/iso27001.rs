//! The ISO/IEC 27001:2022 reference numbers a compliance question may cite: the 93 Annex A
//! controls and the management-system clauses 4.1–10.2. Titles are short paraphrases written
//! for this tool, not the standard's wording.

/// The groups of ISO/IEC 27001:2022 references: the four Annex A themes and the clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IsoTheme {
    /// Annex A.5, organisational controls.
    Organisational,
    /// Annex A.6, people controls.
    People,
    /// Annex A.7, physical controls.
    Physical,
    /// Annex A.8, technological controls.
    Technological,
    /// Clauses 4–10, the requirements of the management system itself.
    Clauses,
}

impl IsoTheme {
    /// Every group, Annex A themes first.
    pub const ALL: [IsoTheme; 5] = [
        IsoTheme::Organisational,
        IsoTheme::People,
        IsoTheme::Physical,
        IsoTheme::Technological,
        IsoTheme::Clauses,
    ];

    /// A display name such as "A.5 Organisational".
    pub fn label(self) -> &'static str {
        match self {
            IsoTheme::Organisational => "A.5 Organisational",
            IsoTheme::People => "A.6 People",
            IsoTheme::Physical => "A.7 Physical",
            IsoTheme::Technological => "A.8 Technological",
            IsoTheme::Clauses => "Clauses 4–10 (management system)",
        }
    }
}

/// One ISO/IEC 27001:2022 reference: an Annex A control or a clause.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct IsoRef {
    /// The number as cited, e.g. `A.5.15` or `6.1.2`.
    pub id: &'static str,
    /// A short paraphrase of what it is about.
    pub title: &'static str,
}

impl IsoRef {
    /// The Annex A theme of a control, or [`IsoTheme::Clauses`].
    pub fn theme(&self) -> IsoTheme {
        match self.id.get(..3) {
            Some("A.5") => IsoTheme::Organisational,
            Some("A.6") => IsoTheme::People,
            Some("A.7") => IsoTheme::Physical,
            Some("A.8") => IsoTheme::Technological,
            _ => IsoTheme::Clauses,
        }
    }

    /// Whether it is an Annex A control (not a clause).
    pub fn is_annex_a(&self) -> bool {
        self.theme() != IsoTheme::Clauses
    }
}

/// Looks a reference up by its number (exact spelling, e.g. `A.8.5`, `9.2`).
pub fn iso_ref(id: &str) -> Option<&'static IsoRef> {
    ISO27001.iter().find(|entry| entry.id == id)
}

/// The reference numbered `text`, or why it is not one, in one sentence.
pub fn parse_iso_ref(text: &str) -> Result<&'static IsoRef, String> {
    if let Some(found) = iso_ref(text) {
        return Ok(found);
    }
    let annex = text.strip_prefix("A.");
    let numbers = annex.unwrap_or(text);
    let well_formed = !numbers.is_empty()
        && numbers
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    Err(if !well_formed {
        format!(
            "`{text}` is not an ISO/IEC 27001:2022 reference: write an Annex A control as A.<theme>.<n> (e.g. A.5.15) or a clause as digits and dots (e.g. 6.1.2)"
        )
    } else if annex.is_some() {
        format!(
            "`{text}` is not an Annex A control of ISO/IEC 27001:2022 (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34)"
        )
    } else {
        format!(
            "`{text}` is not a clause of ISO/IEC 27001:2022 (4.1–10.2, e.g. 6.1.2 or 9.2; Annex A controls start with `A.`)"
        )
    })
}

macro_rules! refs {
    ($($id:literal => $title:literal,)*) => {
        /// Every reference a question may cite: clauses first, then Annex A in order.
        pub static ISO27001: &[IsoRef] = &[$(IsoRef { id: $id, title: $title },)*];
    };
}

refs! {
    "4.1" => "Internal and external issues that shape the ISMS",
    "4.2" => "Interested parties and what they require",
    "4.3" => "Boundaries of the ISMS scope",
    "4.4" => "Establishing and running the ISMS",
    "5.1" => "Top management leads and commits",
    "5.2" => "Security policy set by top management",
    "5.3" => "Roles, responsibilities and authority assigned",
    "6.1" => "Dealing with risks and opportunities",
    "6.1.1" => "Planning for risks and opportunities",
    "6.1.2" => "Risk assessment method and its use",
    "6.1.3" => "Risk treatment and the statement of applicability",
    "6.2" => "Security objectives and plans to reach them",
    "6.3" => "Changes to the ISMS made in a planned way",
    "7.1" => "Resources for the ISMS",
    "7.2" => "Competence of the people doing the work",
    "7.3" => "Awareness of policy and personal role",
    "7.4" => "Internal and external communication",
    "7.5" => "Documented information",
    "7.5.1" => "What must be documented",
    "7.5.2" => "Writing and updating documents",
    "7.5.3" => "Controlling documents and records",
    "8.1" => "Operational planning and control",
    "8.2" => "Risk assessments carried out",
    "8.3" => "Risk treatment plan carried out",
    "9.1" => "Monitoring, measuring and evaluating",
    "9.2" => "Internal audit",
    "9.2.1" => "Internal audits at planned intervals",
    "9.2.2" => "Internal audit programme",
    "9.3" => "Management review",
    "9.3.1" => "Management reviews at planned intervals",
    "9.3.2" => "What management reviews consider",
    "9.3.3" => "What management reviews decide",
    "10.1" => "Continual improvement",
    "10.2" => "Nonconformities corrected",
    "A.5.1" => "Security policies approved and communicated",
    "A.5.2" => "Security roles and responsibilities",
    "A.5.3" => "Conflicting duties kept apart",
    "A.5.4" => "Managers require staff to follow security rules",
    "A.5.5" => "Contact with authorities",
    "A.5.6" => "Contact with security communities",
    "A.5.7" => "Threat intelligence",
    "A.5.8" => "Security built into projects",
    "A.5.9" => "Inventory of information and assets",
    "A.5.10" => "Rules for acceptable use",
    "A.5.11" => "Assets returned on leaving",
    "A.5.12" => "Information classified",
    "A.5.13" => "Information labelled",
    "A.5.14" => "Rules for transferring information",
    "A.5.15" => "Access control rules",
    "A.5.16" => "Identities managed through their life",
    "A.5.17" => "Passwords and other authentication secrets",
    "A.5.18" => "Access rights granted, reviewed and removed",
    "A.5.19" => "Security in supplier relationships",
    "A.5.20" => "Security terms in supplier agreements",
    "A.5.21" => "Security of the ICT supply chain",
    "A.5.22" => "Supplier services monitored and reviewed",
    "A.5.23" => "Security of cloud services used",
    "A.5.24" => "Incident management planned and prepared",
    "A.5.25" => "Security events assessed and classified",
    "A.5.26" => "Incidents responded to",
    "A.5.27" => "Lessons learned from incidents",
    "A.5.28" => "Evidence collected and preserved",
    "A.5.29" => "Security kept during disruption",
    "A.5.30" => "ICT readiness for business continuity",
    "A.5.31" => "Legal, regulatory and contractual requirements",
    "A.5.32" => "Intellectual property rights",
    "A.5.33" => "Records protected",
    "A.5.34" => "Privacy and personal data protected",
    "A.5.35" => "Independent review of information security",
    "A.5.36" => "Compliance with security policies checked",
    "A.5.37" => "Operating procedures documented",
    "A.6.1" => "Background screening",
    "A.6.2" => "Security duties in employment terms",
    "A.6.3" => "Security awareness and training",
    "A.6.4" => "Disciplinary process",
    "A.6.5" => "Duties after leaving or changing role",
    "A.6.6" => "Confidentiality agreements",
    "A.6.7" => "Remote working",
    "A.6.8" => "Staff report security events",
    "A.7.1" => "Physical security perimeters",
    "A.7.2" => "Physical entry controlled",
    "A.7.3" => "Offices and rooms secured",
    "A.7.4" => "Physical security monitored",
    "A.7.5" => "Protection from physical and environmental threats",
    "A.7.6" => "Work in secure areas",
    "A.7.7" => "Clear desk and locked screens",
    "A.7.8" => "Equipment placed and protected",
    "A.7.9" => "Assets off the premises",
    "A.7.10" => "Storage media handled",
    "A.7.11" => "Power and other utilities",
    "A.7.12" => "Cabling protected",
    "A.7.13" => "Equipment maintained",
    "A.7.14" => "Equipment wiped or destroyed before reuse or disposal",
    "A.8.1" => "Laptops and other user devices",
    "A.8.2" => "Privileged access",
    "A.8.3" => "Access to information restricted",
    "A.8.4" => "Access to source code",
    "A.8.5" => "Secure sign-in",
    "A.8.6" => "Capacity managed",
    "A.8.7" => "Malware protection",
    "A.8.8" => "Technical vulnerabilities managed",
    "A.8.9" => "Configurations managed",
    "A.8.10" => "Information deleted when no longer needed",
    "A.8.11" => "Data masking",
    "A.8.12" => "Data leakage prevented",
    "A.8.13" => "Backups",
    "A.8.14" => "Redundant processing facilities",
    "A.8.15" => "Logging",
    "A.8.16" => "Monitoring for anomalies",
    "A.8.17" => "Clocks synchronised",
    "A.8.18" => "Powerful utility programs restricted",
    "A.8.19" => "Software installation on live systems",
    "A.8.20" => "Network security",
    "A.8.21" => "Security of network services",
    "A.8.22" => "Networks segregated",
    "A.8.23" => "Web filtering",
    "A.8.24" => "Cryptography",
    "A.8.25" => "Secure development life cycle",
    "A.8.26" => "Security requirements for applications",
    "A.8.27" => "Secure architecture and engineering",
    "A.8.28" => "Secure coding",
    "A.8.29" => "Security testing before acceptance",
    "A.8.30" => "Outsourced development",
    "A.8.31" => "Development, test and production kept apart",
    "A.8.32" => "Change management",
    "A.8.33" => "Test data",
    "A.8.34" => "Systems protected during audit testing",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annex_a_has_93_controls_in_four_themes() {
        let count = |theme| ISO27001.iter().filter(|r| r.theme() == theme).count();
        assert_eq!(count(IsoTheme::Organisational), 37);
        assert_eq!(count(IsoTheme::People), 8);
        assert_eq!(count(IsoTheme::Physical), 14);
        assert_eq!(count(IsoTheme::Technological), 34);
        assert_eq!(ISO27001.iter().filter(|r| r.is_annex_a()).count(), 93);
        let mut ids: Vec<_> = ISO27001.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ISO27001.len(), "no number twice");
    }

    #[test]
    fn known_numbers_pass_and_others_say_why() {
        for known in ["A.5.15", "A.8.34", "6.1.2", "9.2", "10.2", "4.1"] {
            assert_eq!(parse_iso_ref(known).map(|r| r.id), Ok(known));
        }
        let message = |text| parse_iso_ref(text).unwrap_err();
        assert!(message("A.5.38").contains("not an Annex A control"));
        assert!(message("A.9.1").contains("not an Annex A control"));
        assert!(message("11.1").contains("not a clause"));
        assert!(message("3.1").contains("not a clause"));
        assert!(message("a.5.15").contains("write an Annex A control"));
        assert!(message("A5.15").contains("write an Annex A control"));
        assert!(message("A.5.").contains("write an Annex A control"));
        assert!(message("").contains("write an Annex A control"));
    }
}
