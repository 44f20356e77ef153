//! The starter set of policy templates, embedded from the top-level `policies/` folder like
//! the questionnaires, and filled by plain replacement of five placeholders
//! (`{{organisation}}`, `{{version}}`, `{{approved_by}}`, `{{approval_date}}`,
//! `{{next_review}}`). Each template starts with a table naming its title, owner role,
//! review cadence and the criteria it supports (see `policies/README.md`).

use jiff::civil::Date;

use super::year_after;

/// The embedded templates: (file name, Markdown text).
pub const TEMPLATES: [(&str, &str); 13] = [
    (
        "information-security.md",
        include_str!("../../policies/information-security.md"),
    ),
    (
        "access-control.md",
        include_str!("../../policies/access-control.md"),
    ),
    (
        "change-management.md",
        include_str!("../../policies/change-management.md"),
    ),
    (
        "incident-response.md",
        include_str!("../../policies/incident-response.md"),
    ),
    (
        "business-continuity.md",
        include_str!("../../policies/business-continuity.md"),
    ),
    (
        "vendor-management.md",
        include_str!("../../policies/vendor-management.md"),
    ),
    (
        "data-classification-retention.md",
        include_str!("../../policies/data-classification-retention.md"),
    ),
    (
        "acceptable-use.md",
        include_str!("../../policies/acceptable-use.md"),
    ),
    (
        "risk-management.md",
        include_str!("../../policies/risk-management.md"),
    ),
    (
        "secure-development.md",
        include_str!("../../policies/secure-development.md"),
    ),
    (
        "encryption-key-management.md",
        include_str!("../../policies/encryption-key-management.md"),
    ),
    (
        "hr-security.md",
        include_str!("../../policies/hr-security.md"),
    ),
    (
        "privacy-confidentiality.md",
        include_str!("../../policies/privacy-confidentiality.md"),
    ),
];

/// What fills a template's placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filling<'a> {
    /// The organisation's name.
    pub organisation: &'a str,
    /// The version, e.g. "1.0".
    pub version: &'a str,
    /// Who approves it (a role).
    pub approved_by: &'a str,
    /// The approval date; the next review is a year later.
    pub approved: Date,
}

/// Fills every placeholder of `template`.
pub fn fill(template: &str, filling: &Filling<'_>) -> String {
    let approval = filling.approved.to_string();
    let review = year_after(filling.approved).to_string();
    template
        .replace("{{organisation}}", filling.organisation.trim())
        .replace("{{version}}", filling.version.trim())
        .replace("{{approved_by}}", filling.approved_by.trim())
        .replace("{{approval_date}}", &approval)
        .replace("{{next_review}}", &review)
}

/// The value of `field` in a template's header table (`| Title | Access Control Policy |`).
pub fn header<'t>(template: &'t str, field: &str) -> Option<&'t str> {
    template.lines().take(14).find_map(|line| {
        let rest = line
            .strip_prefix("| ")?
            .strip_prefix(field)?
            .strip_prefix(" | ")?;
        rest.strip_suffix(" |")
    })
}

/// The criterion ids a template names in its header.
pub fn criteria(template: &str) -> Vec<&str> {
    header(template, "SOC 2 criteria")
        .map(|list| list.split(", ").collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Markup, check};
    use crate::questionnaire::criterion;

    fn filled(template: &str) -> String {
        fill(
            template,
            &Filling {
                organisation: "Acme Widgets Ltd",
                version: "1.0",
                approved_by: "Chief Executive Officer",
                approved: Date::constant(2026, 12, 1),
            },
        )
    }

    #[test]
    fn every_template_is_filled_with_the_organisation_and_leaves_no_placeholder() {
        for (name, template) in TEMPLATES {
            let text = filled(template);
            assert!(!text.contains("{{"), "{name} keeps a placeholder");
            assert_eq!(
                header(&text, "Organisation"),
                Some("Acme Widgets Ltd"),
                "{name}"
            );
            assert!(text.matches("Acme Widgets Ltd").count() >= 2, "{name}");
            assert_eq!(header(&text, "Next review"), Some("2027-12-01"), "{name}");
            assert_eq!(header(&text, "Version"), Some("1.0"), "{name}");
        }
    }

    #[test]
    fn every_template_names_real_criteria_an_owner_and_a_cadence() {
        let mut named = std::collections::BTreeSet::new();
        for (name, template) in TEMPLATES {
            let ids = criteria(template);
            assert!(!ids.is_empty(), "{name} names no criteria");
            for id in ids {
                assert!(criterion(id).is_some(), "{name}: {id} is not a criterion");
                named.insert(id);
            }
            assert!(
                header(template, "Owner role").is_some_and(|role| !role.is_empty()),
                "{name}"
            );
            assert!(
                header(template, "Review cadence")
                    .is_some_and(|cadence| cadence.starts_with("every ")),
                "{name}"
            );
            let title = header(template, "Title").unwrap();
            assert!(
                template.contains(&format!("\n# {title}\n")),
                "{name}: heading"
            );
        }
        // The set covers the registers' own criteria.
        for id in ["CC1.1", "CC2.2", "CC3.1", "CC3.2", "CC5.3", "CC9.2"] {
            assert!(named.contains(id), "no template names {id}");
        }
    }

    #[test]
    fn every_template_is_real_content_and_describes_soc2_rightly() {
        assert!(TEMPLATES.len() >= 12);
        // The checker this relies on does catch the mislabel.
        assert!(!check("Acme is SOC 2 certified.", Markup::Markdown).is_empty());
        for (name, template) in TEMPLATES {
            let text = filled(template);
            let words = text
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphabetic))
                .count();
            assert!(words >= 300, "{name} has only {words} words");
            let lower = text.to_lowercase();
            for filler in ["lorem", "tbd", "[insert", "todo"] {
                assert!(!lower.contains(filler), "{name} contains {filler}");
            }
            let findings = check(&text, Markup::Markdown);
            assert!(findings.is_empty(), "{name}: {findings:#?}");
        }
    }
}
