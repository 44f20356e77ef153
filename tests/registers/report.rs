//! The report's "Registers" section: the PDF read back with lopdf, the Markdown and the
//! JSON, with the heat map, the vendor and policy tables and the findings.

use std::fs;

use super::support::{Setup, json};

fn pdf_text(path: &std::path::Path) -> String {
    let doc = lopdf::Document::load(path).expect("lopdf reads the report");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let raw = doc.extract_text(&pages).expect("text extracts");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn filled() -> Setup {
    let setup = Setup::new();
    let file = setup.file();
    setup.ok(&[
        "policy",
        "add",
        file,
        "--name",
        "Access control",
        "--owner",
        "CTO",
        "--version",
        "1.2",
        "--approved",
        "2026-01-10",
    ]);
    setup.ok(&[
        "policy",
        "accept",
        file,
        "--policy",
        "Access control",
        "--person",
        "Ana",
    ]);
    setup.ok(&[
        "vendor",
        "add",
        file,
        "--name",
        "Cloudhost",
        "--criticality",
        "high",
        "--service",
        "hosting",
        "--report-type",
        "soc2-type2",
        "--report-period-end",
        "2026-06-30",
        "--cuecs-reviewed",
        "2026-08-01",
    ]);
    setup.ok(&[
        "vendor",
        "add",
        file,
        "--name",
        "Mailco",
        "--criticality",
        "high",
        "--service",
        "email",
    ]);
    for (title, likelihood, impact) in [("Laptop theft", "3", "4"), ("Phishing", "3", "4")] {
        setup.ok(&[
            "risk",
            "add",
            file,
            "--title",
            title,
            "--likelihood",
            likelihood,
            "--impact",
            impact,
            "--treatment",
            "transfer",
            "--owner",
            "COO",
            "--reviewed",
            "2026-03-01",
        ]);
    }
    setup
}

#[test]
fn the_pdf_has_a_registers_section_with_the_heat_map_and_tables() {
    let setup = filled();
    let out = setup.join("report.pdf");
    setup.ok(&["report", setup.file(), "--output", out.to_str().unwrap()]);
    let text = pdf_text(&out);
    let expect = |needle: &str| assert!(text.contains(needle), "{needle:?} not in {text}");
    expect("Registers");
    expect("Policies (CC1.1, CC2.2, CC5.3)");
    expect("Access control 1.2 2026-01-10 2027-01-10 CTO 1 of 1 (100 %)");
    expect("Vendors (CC9.2)");
    expect("Cloudhost high hosting SOC 2 Type 2 2027-06-30 2026-08-01");
    expect("Mailco high email none — never");
    expect("Risks (CC3.1–CC3.4)");
    expect("The register falls due for review on 2027-03-01.");
    // The heat map: row labels, the one occupied cell's count, the column labels.
    expect("L5 L4 L3 2 L2 L1 I1 I2 I3 I4 I5");
    expect("Laptop theft 3 × 4 = 12 high transfer COO");
    expect("CC9.2 Mailco: critical vendor without an assurance report");
    // An empty register adds no section.
    let empty = Setup::new();
    let out = empty.join("empty.pdf");
    empty.ok(&["report", empty.file(), "--output", out.to_str().unwrap()]);
    assert!(!pdf_text(&out).contains("Policies (CC1.1"));
}

#[test]
fn markdown_and_json_carry_the_same_registers() {
    let setup = filled();
    let md = setup.ok(&["report", setup.file(), "--format", "md", "--output", "-"]);
    assert!(md.contains("## Registers — Acme Labs"), "{md}");
    assert!(
        md.contains("| Access control | 1.2 | 2026-01-10 | 2027-01-10 | CTO | 1 of 1 (100 %) |"),
        "{md}"
    );
    assert!(md.contains("| L3 | · | · | · | 2 | · |"), "{md}");
    assert!(
        md.contains("| Mailco | high | email | none | — | never |"),
        "{md}"
    );
    assert!(
        md.contains("- CC9.2 Mailco: critical vendor without an assurance report"),
        "{md}"
    );
    let out = setup.join("report.json");
    setup.ok(&[
        "report",
        setup.file(),
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    let value = json(&fs::read_to_string(&out).unwrap());
    let registers = &value["registers"];
    assert_eq!(registers["staff"], 1);
    assert_eq!(registers["policies"][0]["accepted_percent"], 100);
    assert_eq!(
        registers["vendors"][0]["report_current_until"],
        "2027-06-30"
    );
    assert_eq!(registers["risk_heat_map"][2][3], 2);
    assert_eq!(registers["findings"][0]["criterion"], "CC9.2");
}
