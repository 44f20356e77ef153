//! The 61 Trust Services Criteria (2017, revised points of focus 2022) that questions cite,
//! each with its category and a short plain-language title of our own (never AICPA text).

use super::Category;

/// One Trust Services Criterion: its id, category and a plain-language title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion {
    /// The criterion id, e.g. `CC6.1`.
    pub id: &'static str,
    /// The category the criterion belongs to.
    pub category: Category,
    /// A short plain-language title (our paraphrase).
    pub title: &'static str,
}

/// Every criterion, in the order the criteria are published.
pub const CRITERIA: &[Criterion] = &[
    Criterion {
        id: "CC1.1",
        category: Category::Security,
        title: "Integrity and ethical values set by leadership",
    },
    Criterion {
        id: "CC1.2",
        category: Category::Security,
        title: "Board or owners oversee internal control independently",
    },
    Criterion {
        id: "CC1.3",
        category: Category::Security,
        title: "Structure, reporting lines and authority defined",
    },
    Criterion {
        id: "CC1.4",
        category: Category::Security,
        title: "Hiring, developing and keeping competent people",
    },
    Criterion {
        id: "CC1.5",
        category: Category::Security,
        title: "People held accountable for their control duties",
    },
    Criterion {
        id: "CC2.1",
        category: Category::Security,
        title: "Relevant, quality information used to run controls",
    },
    Criterion {
        id: "CC2.2",
        category: Category::Security,
        title: "Internal communication of objectives and responsibilities",
    },
    Criterion {
        id: "CC2.3",
        category: Category::Security,
        title: "Communication with customers and other outside parties",
    },
    Criterion {
        id: "CC3.1",
        category: Category::Security,
        title: "Objectives clear enough to identify risks",
    },
    Criterion {
        id: "CC3.2",
        category: Category::Security,
        title: "Risks identified and analysed",
    },
    Criterion {
        id: "CC3.3",
        category: Category::Security,
        title: "Fraud risk considered",
    },
    Criterion {
        id: "CC3.4",
        category: Category::Security,
        title: "Significant changes assessed for risk",
    },
    Criterion {
        id: "CC4.1",
        category: Category::Security,
        title: "Ongoing or separate evaluations of controls",
    },
    Criterion {
        id: "CC4.2",
        category: Category::Security,
        title: "Deficiencies communicated and corrected",
    },
    Criterion {
        id: "CC5.1",
        category: Category::Security,
        title: "Control activities chosen to reduce risk",
    },
    Criterion {
        id: "CC5.2",
        category: Category::Security,
        title: "General technology controls",
    },
    Criterion {
        id: "CC5.3",
        category: Category::Security,
        title: "Policies and procedures put controls into action",
    },
    Criterion {
        id: "CC6.1",
        category: Category::Security,
        title: "Logical access: inventory, authentication, access architecture, encryption",
    },
    Criterion {
        id: "CC6.2",
        category: Category::Security,
        title: "Users registered and authorised before credentials are issued",
    },
    Criterion {
        id: "CC6.3",
        category: Category::Security,
        title: "Access granted, changed and removed by role; least privilege; reviews",
    },
    Criterion {
        id: "CC6.4",
        category: Category::Security,
        title: "Physical access to facilities and hardware restricted",
    },
    Criterion {
        id: "CC6.5",
        category: Category::Security,
        title: "Assets and data disposed of securely",
    },
    Criterion {
        id: "CC6.6",
        category: Category::Security,
        title: "Protection against threats from outside the system boundary",
    },
    Criterion {
        id: "CC6.7",
        category: Category::Security,
        title: "Data protected in transit and when moved or removed",
    },
    Criterion {
        id: "CC6.8",
        category: Category::Security,
        title: "Malicious and unauthorised software prevented or detected",
    },
    Criterion {
        id: "CC7.1",
        category: Category::Security,
        title: "Configuration and vulnerability detection",
    },
    Criterion {
        id: "CC7.2",
        category: Category::Security,
        title: "Monitoring for anomalies and security events",
    },
    Criterion {
        id: "CC7.3",
        category: Category::Security,
        title: "Events evaluated to decide if they are incidents",
    },
    Criterion {
        id: "CC7.4",
        category: Category::Security,
        title: "Incident response",
    },
    Criterion {
        id: "CC7.5",
        category: Category::Security,
        title: "Recovery from incidents",
    },
    Criterion {
        id: "CC8.1",
        category: Category::Security,
        title: "Change management: authorise, design, test, approve, deploy",
    },
    Criterion {
        id: "CC9.1",
        category: Category::Security,
        title: "Risk mitigation for business disruption",
    },
    Criterion {
        id: "CC9.2",
        category: Category::Security,
        title: "Vendor and business partner risk",
    },
    Criterion {
        id: "A1.1",
        category: Category::Availability,
        title: "Capacity planned and monitored",
    },
    Criterion {
        id: "A1.2",
        category: Category::Availability,
        title: "Environmental protection, backups and recovery infrastructure",
    },
    Criterion {
        id: "A1.3",
        category: Category::Availability,
        title: "Recovery plan tested",
    },
    Criterion {
        id: "PI1.1",
        category: Category::ProcessingIntegrity,
        title: "Processing objectives and specifications defined and communicated",
    },
    Criterion {
        id: "PI1.2",
        category: Category::ProcessingIntegrity,
        title: "Inputs complete and accurate",
    },
    Criterion {
        id: "PI1.3",
        category: Category::ProcessingIntegrity,
        title: "Processing complete, accurate and timely",
    },
    Criterion {
        id: "PI1.4",
        category: Category::ProcessingIntegrity,
        title: "Outputs complete, accurate and delivered to the right party",
    },
    Criterion {
        id: "PI1.5",
        category: Category::ProcessingIntegrity,
        title: "Stored data complete and accurate",
    },
    Criterion {
        id: "C1.1",
        category: Category::Confidentiality,
        title: "Confidential information identified and protected",
    },
    Criterion {
        id: "C1.2",
        category: Category::Confidentiality,
        title: "Confidential information disposed of when no longer needed",
    },
    Criterion {
        id: "P1.1",
        category: Category::Privacy,
        title: "Privacy notice to data subjects",
    },
    Criterion {
        id: "P2.1",
        category: Category::Privacy,
        title: "Choice and consent communicated and obtained",
    },
    Criterion {
        id: "P3.1",
        category: Category::Privacy,
        title: "Personal information collected only for stated purposes",
    },
    Criterion {
        id: "P3.2",
        category: Category::Privacy,
        title: "Explicit consent where required",
    },
    Criterion {
        id: "P4.1",
        category: Category::Privacy,
        title: "Use limited to stated purposes",
    },
    Criterion {
        id: "P4.2",
        category: Category::Privacy,
        title: "Retention",
    },
    Criterion {
        id: "P4.3",
        category: Category::Privacy,
        title: "Secure disposal of personal information",
    },
    Criterion {
        id: "P5.1",
        category: Category::Privacy,
        title: "Data subjects can access their information",
    },
    Criterion {
        id: "P5.2",
        category: Category::Privacy,
        title: "Data subjects can correct their information",
    },
    Criterion {
        id: "P6.1",
        category: Category::Privacy,
        title: "Disclosure to third parties only with consent",
    },
    Criterion {
        id: "P6.2",
        category: Category::Privacy,
        title: "Record of authorised disclosures",
    },
    Criterion {
        id: "P6.3",
        category: Category::Privacy,
        title: "Record of unauthorised disclosures (breaches)",
    },
    Criterion {
        id: "P6.4",
        category: Category::Privacy,
        title: "Privacy commitments obtained from vendors",
    },
    Criterion {
        id: "P6.5",
        category: Category::Privacy,
        title: "Vendors notify of unauthorised disclosures",
    },
    Criterion {
        id: "P6.6",
        category: Category::Privacy,
        title: "Breach notification to data subjects and regulators",
    },
    Criterion {
        id: "P6.7",
        category: Category::Privacy,
        title: "Accounting of disclosures given to data subjects on request",
    },
    Criterion {
        id: "P7.1",
        category: Category::Privacy,
        title: "Personal information kept accurate and complete",
    },
    Criterion {
        id: "P8.1",
        category: Category::Privacy,
        title: "Privacy inquiries, complaints and disputes handled",
    },
];

/// Looks a criterion up by its id.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    CRITERIA.iter().find(|criterion| criterion.id == id)
}

/// The family of a criterion id: `CC6.1` → `CC6`; `None` for the stage questions.
pub fn family(criterion: &str) -> Option<&str> {
    let (family, _) = criterion.split_once('.')?;
    family_topic(family).map(|_| family)
}

/// The topic of a criterion family, in a few words.
pub fn family_topic(family: &str) -> Option<&'static str> {
    Some(match family {
        "CC1" => "Control environment",
        "CC2" => "Communication",
        "CC3" => "Risk assessment",
        "CC4" => "Monitoring",
        "CC5" => "Control activities",
        "CC6" => "Access",
        "CC7" => "Operations",
        "CC8" => "Change",
        "CC9" => "Risk mitigation",
        "A1" => "Availability",
        "PI1" => "Processing integrity",
        "C1" => "Confidentiality",
        "P1" => "Notice",
        "P2" => "Choice, consent",
        "P3" => "Collection",
        "P4" => "Use, retention",
        "P5" => "Access by subjects",
        "P6" => "Disclosure",
        "P7" => "Quality",
        "P8" => "Complaints",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_61_distinct_criteria_33_of_them_common() {
        assert_eq!(CRITERIA.len(), 61);
        let mut ids: Vec<_> = CRITERIA.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 61);
        let common = CRITERIA
            .iter()
            .filter(|c| c.category == Category::Security)
            .count();
        assert_eq!(common, 33);
    }

    #[test]
    fn ids_follow_their_category_prefix() {
        for c in CRITERIA {
            assert!(c.id.starts_with(c.category.criterion_prefix()), "{}", c.id);
        }
        assert_eq!(
            criterion("A1.2").map(|c| c.category),
            Some(Category::Availability)
        );
        assert!(criterion("CC10.1").is_none());
    }

    #[test]
    fn every_criterion_has_a_family_with_a_topic() {
        for c in CRITERIA {
            let family = family(c.id).unwrap_or_else(|| panic!("{} has no family", c.id));
            assert!(c.id.starts_with(family), "{}", c.id);
            assert!(family_topic(family).is_some(), "{family}");
        }
        assert_eq!(family("CC6.1"), Some("CC6"));
        assert_eq!(family("ATT"), None);
        assert_eq!(family("XX1.1"), None);
    }
}
