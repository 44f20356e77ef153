//! The config in the PDF: the preparer's firm, contact and logo on the cover, the logo in
//! every page header and the firm in every footer (PNG and JPEG); the thresholds and where
//! they came from in the method section, changing the verdicts printed; and a logo that is
//! damaged refused before any report is written.

mod report_support;

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};
use report_support::{fixture, soc2_ready};

fn config_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

/// The PDF of fixture `name` under `config` (none: no config at all).
fn branded(name: &str, config: Option<&Path>) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    let mut command = soc2_ready();
    command
        .env("HOME", dir.path())
        .env_remove("SOC2_READY_CONFIG");
    if let Some(config) = config {
        command.env("SOC2_READY_CONFIG", config);
    }
    let output = command
        .arg("report")
        .arg(fixture(name))
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Document::load(&out).unwrap()
}

fn page_text(doc: &Document, pages: &[u32]) -> String {
    let raw = doc.extract_text(pages).unwrap();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    page_text(doc, &pages)
}

/// How many pages draw an image XObject of `width` × `height` pixels.
fn pages_with_image(doc: &Document, width: i64, height: i64) -> usize {
    doc.get_pages()
        .values()
        .filter(|&&page| {
            let (resources, ids) = doc.get_page_resources(page).unwrap();
            let dicts = resources.into_iter().cloned().chain(
                ids.into_iter()
                    .filter_map(|id| doc.get_dictionary(id).ok().cloned()),
            );
            dicts.into_iter().any(|resources| {
                let Ok(xobjects) = resources.get(b"XObject") else {
                    return false;
                };
                let xobjects = match xobjects {
                    Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
                    Object::Dictionary(dict) => dict.clone(),
                    _ => return false,
                };
                xobjects.iter().any(|(_, value)| {
                    let stream = doc.get_object(value.as_reference().unwrap()).unwrap();
                    let dict = &stream.as_stream().unwrap().dict;
                    dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice())
                        && dict.get(b"Width").and_then(Object::as_i64).ok() == Some(width)
                        && dict.get(b"Height").and_then(Object::as_i64).ok() == Some(height)
                })
            })
        })
        .count()
}

#[test]
fn the_firm_contact_and_logo_are_on_the_cover_and_every_page() {
    let doc = branded("partial", Some(&config_fixture("full.toml")));
    let cover = page_text(&doc, &[1]);
    assert!(cover.contains("Prepared by Northwind Advisory"), "{cover}");
    assert!(
        cover.contains("jane@northwind.example · +44 20 0000 0000"),
        "{cover}"
    );
    let last = doc.get_pages().len() as u32;
    let footer = page_text(&doc, &[last]);
    assert!(
        footer.contains("Prepared by Northwind Advisory · Confidential — prepared for Acme Inc"),
        "{footer}"
    );
    // The 96 × 48 logo is drawn on every page: the cover and each page header.
    assert_eq!(pages_with_image(&doc, 96, 48), doc.get_pages().len());
}

#[test]
fn without_branding_there_is_no_preparer_and_no_image() {
    let doc = branded("partial", None);
    // No preparer on the cover or in the footers (the sign-off table names the assessor).
    assert!(!page_text(&doc, &[1]).contains("Prepared by"));
    assert!(!all_text(&doc).contains("Prepared by Northwind"));
    assert_eq!(pages_with_image(&doc, 96, 48), 0);
}

#[test]
fn config_thresholds_change_the_verdicts_and_the_method_says_where_they_came_from() {
    let built_in = all_text(&branded("partial", None));
    assert!(
        built_in.contains("Thresholds used in this report: Ready from 85 % (the built-in default), Getting there from 50 % (the built-in default)."),
        "built-in text lacks the thresholds note"
    );
    assert!(built_in.contains(
        "45 % is below the 85 % threshold and the 50 % needed for Getting there (built-in default)"
    ));
    let configured = all_text(&branded("partial", Some(&config_fixture("full.toml"))));
    assert!(
        configured.contains("Thresholds used in this report: Ready from 90 % (set in the preparer's configuration), Getting there from 1 % (set in the preparer's configuration)."),
        "configured text lacks the thresholds note"
    );
    // Compliance at 45 % passes a 1 % bar: Getting there instead of Not ready.
    assert!(configured.contains(
        "45 % is below the 90 % threshold (from the config file), and 3 key controls are \
             below the level they need and 13 key controls are still unanswered"
    ));
    assert!(configured.contains(
        "Compliance controls that meet the criteria are in place and operating Getting there 45 %"
    ));
    assert!(!configured.contains("45 % is below the 85 %"));
}

#[test]
fn a_jpeg_logo_is_printed_too() {
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.jpg");
    let pixels = image::RgbImage::from_fn(40, 20, |x, _| {
        image::Rgb([20, 40, if x < 20 { 110 } else { 200 }])
    });
    pixels.save(&logo).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[report]\nfirm = \"Northwind Advisory\"\nlogo = \"logo.jpg\"\n",
    )
    .unwrap();
    let doc = branded("empty", Some(&config));
    assert_eq!(pages_with_image(&doc, 40, 20), doc.get_pages().len());
}

#[test]
fn a_damaged_logo_is_refused_before_any_report_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // A PNG signature and header chunk, then nothing that decodes.
    let mut bytes = std::fs::read(config_fixture("logo.png")).unwrap();
    bytes.truncate(40);
    std::fs::write(dir.path().join("logo.png"), bytes).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[report]\nlogo = \"logo.png\"\n").unwrap();
    let out = dir.path().join("r.pdf");
    let output = soc2_ready()
        .env("SOC2_READY_CONFIG", &config)
        .arg("report")
        .arg(fixture("empty"))
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("config.toml:2:8: report: field `logo`"),
        "{errors}"
    );
    assert!(errors.contains("is a damaged PNG"), "{errors}");
    assert!(!out.exists());
}
