//! Unit tests of the claims checker: the variants it must catch, where it says they are, and
//! the accurate sentences it must leave alone.

use super::*;

fn phrases(text: &str) -> Vec<String> {
    check(text, Markup::Text)
        .into_iter()
        .map(|finding| finding.phrase)
        .collect()
}

#[test]
fn spellings_of_soc_2_are_all_caught() {
    for text in [
        "We are SOC 2 certified.",
        "We are SOC2 certified.",
        "We are SOC-2 certified.",
        "We are SOC II certified.",
        "We are soc 2 CERTIFIED.",
        "We are SOC 2-certified.",
        "We are SOC  2   certified.",
    ] {
        assert_eq!(phrases(text).len(), 1, "{text}");
    }
}

#[test]
fn a_claim_split_over_two_lines_is_found_where_it_starts() {
    let findings = check(
        "Welcome.\nOur platform is SOC\n2 Type II\ncertified today.",
        Markup::Text,
    );
    assert_eq!(findings.len(), 1);
    let finding = &findings[0];
    assert_eq!((finding.line, finding.column), (2, 17));
    assert_eq!(finding.phrase, "SOC 2 Type II certified");
    assert_eq!(finding.rule, Rule::Certification);
    assert!(finding.suggestion.contains("SOC 2 Type 2 report"));
}

#[test]
fn each_rule_has_its_reason_and_replacement() {
    let rule = |text| check(text, Markup::Text)[0].rule;
    assert_eq!(
        rule("Acme is certified by the AICPA."),
        Rule::AicpaCertification
    );
    assert_eq!(rule("We are Type 2 certified."), Rule::TypeCertification);
    assert_eq!(
        rule("Request our SOC 2 compliance report."),
        Rule::ComplianceAsReport
    );
    assert_eq!(
        rule("We achieved SOC 2 compliance."),
        Rule::ComplianceAsReport
    );
    assert_eq!(
        rule("We show the AICPA SOC 2 badge while our audit is in progress."),
        Rule::BadgeWithoutReport
    );
    let finding = &check("We hold a SOC 2 certificate.", Markup::Text)[0];
    assert!(finding.reason.contains("not a certification"));
    assert_eq!(
        finding.suggestion,
        "our SOC 2 report, issued by an independent CPA firm, is available under NDA"
    );
}

#[test]
fn the_accurate_examples_of_the_issue_stay_quiet() {
    for text in [
        "Our SOC 2 Type 2 report is available under NDA.",
        "SOC 2 is an attestation, not a certification.",
        "We are ISO 27001 certified.",
        "ISO 27001 is a certification; SOC 2 is an attestation report, so we say we have a SOC 2 report.",
        "“SOC 2 certified” is wrong; say “SOC 2 Type 2 report”.",
        "Are you SOC 2 certified?",
        "Our auditors are certified public accountants.",
    ] {
        assert_eq!(phrases(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn not_yet_still_promises_a_certificate() {
    assert_eq!(phrases("We are not yet SOC 2 certified.").len(), 1);
    assert!(phrases("We are not SOC 2 certified; nobody is.").is_empty());
}

#[test]
fn html_and_markdown_are_read_as_the_reader_sees_them() {
    let html = "<html><head><title>Acme</title></head>\n<body><p>Acme is <strong>SOC&nbsp;2</strong>\ncertified</p>\n<p class=\"soc2-certified\">Our SOC 2 report is available.</p></body></html>";
    let findings = check(html, Markup::Html);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!((findings[0].line, findings[0].column), (2, 26));
    assert_eq!(findings[0].phrase, "SOC 2 certified");
    let markdown = "# Security\n\n- **SOC 2** certified\n- ISO 27001 certified\n\n[report](https://x.test/soc-2-certified)";
    let findings = check(markdown, Markup::Markdown);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!((findings[0].line, findings[0].column), (3, 5));
}

#[test]
fn block_ends_keep_claims_apart() {
    // "SOC 2" ends one list item and "certified" starts the next: no claim.
    assert!(check("<li>SOC 2</li><li>Certified engineers</li>", Markup::Html).is_empty());
    assert!(phrases("Reports: SOC 2\n\nCertified staff on call").is_empty());
}

#[test]
fn a_bare_soc_is_soc_2_only_on_a_page_that_names_soc_2() {
    let page = "Our SOC 2 Type 2 report is out.\n\nWe host with a SOC-certified partner.";
    assert_eq!(phrases(page), ["SOC-certified"]);
    // A page about SOC 1 or SOC 3 only, or about a security operations centre: quiet.
    assert!(phrases("Our SOC 1 report is out. We host with a SOC certified partner.").is_empty());
    assert!(phrases("Our SOC certified analysts watch alerts all night.").is_empty());
}

#[test]
fn a_reference_back_needs_the_sentence_right_before_in_the_same_paragraph() {
    let same = "We completed our SOC 2 audit. The certification covers security.";
    assert_eq!(phrases(same), ["The certification"]);
    assert!(
        phrases("We completed our SOC 2 audit.\n\nThe certification covers security.").is_empty()
    );
    assert!(
        phrases("We completed our SOC 2 audit.\n- The certification covers security.").is_empty()
    );
    // A singular noun after a sentence naming two frameworks refers to the other one.
    assert!(
        phrases("We have a SOC 2 report and ISO 27001. The certification covers the ISMS.")
            .is_empty()
    );
    assert_eq!(
        phrases("We hold ISO 27001 and SOC 2. These certifications cover every region."),
        ["These certifications"]
    );
}

#[test]
fn lists_and_descriptions_name_the_rule_and_phrase() {
    let findings = check(
        "We hold certifications such as SOC 2, HIPAA and PCI DSS.",
        Markup::Text,
    );
    assert_eq!(findings[0].phrase, "certifications such as SOC 2");
    assert_eq!(findings[0].rule, Rule::Certification);
    assert_eq!(
        phrases("SOC 2, the leading security certification for SaaS, matters."),
        ["SOC 2, the leading security certification"]
    );
    let findings = check("The AICPA has certified our controls.", Markup::Text);
    assert_eq!(findings[0].rule, Rule::AicpaCertification);
    assert_eq!(
        phrases("A Type 2 is the certification buyers want."),
        ["Type 2 is the certification"]
    );
    // The same shapes about another framework, or negated, stay quiet.
    assert!(phrases("ISO 27001 is the leading security certification.").is_empty());
    assert!(phrases("SOC 2 is not the leading security certification.").is_empty());
    assert!(phrases("A certification body certifies our ISO 27001 system.").is_empty());
}
