//! The sections of the second-edition PDF, read back with lopdf: the one-page summary with
//! the actions that matter most, the compact register, the heat map, the owner summary,
//! observations and sign-off, the clickable contents and the footer marking — and the
//! early-stage report fitting in 25 A4 pages with every gap still in it.

mod report_support;

use lopdf::Object;
use report_support::{json, pdf};

/// Pages (1-based) whose text holds `needle`.
fn pages_with(pdf: &report_support::Pdf, needle: &str) -> Vec<u32> {
    pdf.doc
        .get_pages()
        .keys()
        .copied()
        .filter(|&page| {
            let text = pdf.doc.extract_text(&[page]).unwrap_or_default();
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(needle)
        })
        .collect()
}

/// Fails unless the PDF of fixture `name` has at most 25 A4 pages with every gap's id and
/// the start of every remediation step.
fn assert_fits_25_pages_with_every_gap(name: &str) {
    let pdf = pdf(name, None);
    let model = json(name);
    let gaps = model["gaps"].as_array().unwrap();
    assert!(gaps.len() > 150, "{} gaps", gaps.len());
    assert!(pdf.pages() <= 25, "{name}: {} pages", pdf.pages());
    assert!(pdf.bytes.len() < 1_000_000, "{} bytes", pdf.bytes.len());
    pdf.assert_contains("Appendix A Gap details");
    for gap in gaps {
        // In the register by title (possibly shortened) and in the details with id and steps.
        pdf.assert_contains(gap["id"].as_str().unwrap());
        for step in gap["remediation"].as_array().unwrap() {
            let words: Vec<&str> = step.as_str().unwrap().split_whitespace().take(4).collect();
            pdf.assert_contains(&words.join(" "));
        }
        for item in gap["evidence"].as_array().unwrap() {
            let words: Vec<&str> = item.as_str().unwrap().split_whitespace().take(3).collect();
            pdf.assert_contains(&words.join(" "));
        }
    }
}

#[test]
fn the_early_stage_report_fits_25_a4_pages_with_every_gap() {
    assert_fits_25_pages_with_every_gap("early-stage");
}

/// The compliance question ids of the built-in questionnaire, from `questions --format tsv`.
fn compliance_questions() -> Vec<String> {
    let output = report_support::soc2_ready()
        .args(["questions", "--format", "tsv"])
        .output()
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|line| line.split('\t').nth(2) == Some("compliance"))
        .map(|line| line.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn every_question_of_every_category_planned_fits_25_a4_pages() {
    // The fixture is what issue 23 means: every compliance question of all five categories
    // in scope answered "planned", so every one of them is a gap with a card.
    let model = json("all-planned");
    let gaps = model["gaps"].as_array().unwrap();
    let mut ids: Vec<&str> = gaps.iter().map(|gap| gap["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    let mut expected = compliance_questions();
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert_eq!(model["scope"].as_array().unwrap().len(), 5);
    assert!(gaps.iter().all(|gap| gap["current_key"] == "planned"));
    assert_fits_25_pages_with_every_gap("all-planned");
}

#[test]
fn appendix_none_is_a_short_version_with_every_gap_in_the_register() {
    let model = json("all-planned");
    let full = pdf("all-planned", None);
    let short = report_support::pdf_with("all-planned", &["--appendix", "none"]);
    assert!(
        short.pages() + 8 < full.pages(),
        "{} of {} pages",
        short.pages(),
        full.pages()
    );
    assert!(!short.text.contains("Gap details"));
    assert!(
        !short.text.contains("Evidence •"),
        "no card's evidence list"
    );
    short.assert_contains("(`--appendix cards` adds them)");
    full.assert_contains("Gap details");
    for gap in model["gaps"].as_array().unwrap() {
        // Every gap keeps its register row: number, severity and the start of its title.
        let severity = gap["severity"].as_str().unwrap();
        let severity = format!("{}{}", severity[..1].to_uppercase(), &severity[1..]);
        let first = gap["title"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        let row = format!("{} {severity} {first}", gap["rank"]);
        short.assert_contains(&row);
        // Its card (headed "N. Title (id)") is left out of the short version.
        let card = format!(
            "{}. {} ({})",
            gap["rank"],
            gap["title"].as_str().unwrap(),
            gap["id"].as_str().unwrap()
        );
        assert!(!short.text.contains(&card), "{card} in the short version");
        full.assert_contains(&card);
    }
}

#[test]
fn the_summary_fits_one_page_with_actions_by_title() {
    let pdf = pdf("early-stage", None);
    let model = json("early-stage");
    let summary = pages_with(&pdf, "1 Executive summary");
    let actions = pages_with(&pdf, "What to do first");
    assert_eq!(actions.len(), 1);
    assert!(summary.contains(&actions[0]), "{summary:?} {actions:?}");
    let listed = model["actions"].as_array().unwrap();
    assert!((3..=5).contains(&listed.len()));
    assert!(
        listed[0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Finish the assessment"),
        "open key controls come first"
    );
    for action in listed {
        let title = action["title"].as_str().unwrap();
        pdf.assert_contains(title);
        assert!(!title.contains("CC"), "titles, not ids: {title}");
    }
    pdf.assert_contains("N/A answers to check");
    pdf.assert_contains("Key observations");
    pdf.assert_contains("Nobody owns vendor risk or the incident response plan yet.");
    for field in [
        "Prepared by",
        "Reviewed by",
        "Priya Raman, Example Advisory",
        "Marcus Chen, Example Advisory",
        "1.0",
    ] {
        pdf.assert_contains(field);
    }
}

#[test]
fn register_heat_map_and_owners_are_there() {
    let pdf = pdf("early-stage", None);
    let model = json("early-stage");
    pdf.assert_contains("Gap register");
    pdf.assert_contains("Current → needed");
    for phase in model["roadmap"].as_array().unwrap() {
        pdf.assert_contains(phase["label"].as_str().unwrap());
    }
    pdf.assert_contains("Readiness by criterion");
    for cell in model["heat_map"].as_array().unwrap() {
        let family = cell["family"].as_str().unwrap();
        let percent = cell["readiness_percent"]
            .as_u64()
            .map_or("n/a".to_string(), |p| format!("{p} %"));
        pdf.assert_contains(&format!("{family} {percent}"));
    }
    let families: Vec<&str> = model["heat_map"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cell| cell["family"].as_str().unwrap())
        .collect();
    assert_eq!(
        families.len(),
        20,
        "CC1–CC9, A1, PI1, C1, P1–P8: {families:?}"
    );
    pdf.assert_contains("4 Owners");
    let owners = model["owners"].as_array().unwrap();
    let unowned = owners.last().unwrap();
    assert_eq!(unowned["owner"], "");
    pdf.assert_contains("No owner");
    let overdue: u64 = owners.iter().map(|o| o["overdue"].as_u64().unwrap()).sum();
    assert!(overdue > 0);
    pdf.assert_contains("are overdue");
    pdf.assert_contains(&format!("({overdue} overdue)"));
}

#[test]
fn contents_link_to_their_pages_and_the_cover_has_no_running_header() {
    let pdf = pdf("early-stage", None);
    let pages = pdf.doc.get_pages();
    let cover = pdf.doc.get_dictionary(pages[&1]).unwrap();
    let annotations = cover
        .get(b"Annots")
        .and_then(Object::as_array)
        .expect("the contents are links");
    assert!(annotations.len() >= 8, "{} links", annotations.len());
    let first_text = pdf.doc.extract_text(&[1]).unwrap();
    assert!(
        !first_text.contains("SOC 2 readiness gap report"),
        "no running header on the cover"
    );
    let second = pdf.doc.extract_text(&[2]).unwrap();
    assert!(second.contains("SOC 2 readiness gap report"));
    let marking = "Confidential — prepared for Nimbus Analytics GmbH";
    for page in [1, 2, pdf.pages() as u32] {
        let text = pdf.doc.extract_text(&[page]).unwrap();
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(marking),
            "page {page}"
        );
    }
}

#[test]
fn the_author_is_the_assessor_never_the_client() {
    assert_eq!(
        pdf("early-stage", None).info(b"Author"),
        "Priya Raman, Example Advisory"
    );
    // No assessor recorded: the tool, not the client's name.
    assert_eq!(pdf("empty", None).info(b"Author"), "soc2-ready");
}

#[test]
fn no_empty_pdfx_version_entry() {
    let pdf = pdf("partial", None);
    let needle = b"GTS_PDFXVersion";
    assert!(
        !pdf.bytes
            .windows(needle.len())
            .any(|window| window == needle),
        "the Info dictionary claims no PDF/X version"
    );
    assert!(
        pdf.info(b"Title").contains("Acme"),
        "the Info dictionary still reads"
    );
}

#[test]
fn a_very_long_name_is_cut_with_an_ellipsis_on_the_cover() {
    let dir = tempfile::tempdir().unwrap();
    let name = "The Extraordinarily Long-Named International Holding Company for Cloud Analytics \
                Platforms and Associated Professional Services of Northern Europe and Beyond, \
                Incorporated under the Laws of Several Jurisdictions";
    let file = dir.path().join("long.toml");
    std::fs::write(
        &file,
        format!(
            "schema = 1\norganization = \"{name}\"\ncreated = \"2026-11-02\"\ntarget = \"type1\"\n"
        ),
    )
    .unwrap();
    let out = dir.path().join("long.pdf");
    let output =
        report_support::report(&[file.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(output.status.success());
    let doc = lopdf::Document::load(&out).unwrap();
    let cover = doc.extract_text(&[1]).unwrap();
    assert!(cover.contains('…'), "{cover}");
    assert!(!cover.contains("Several Jurisdictions"));
}
