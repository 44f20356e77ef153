//! Every script in the PDF (issue 12 §4): Japanese, Chinese, Korean, Hebrew, Arabic and
//! emoji in user text are drawn by embedded fonts (subsets, so the file stays small), read
//! back as the same text, and right-to-left text is laid out right to left. The pages are
//! also rendered by `.ci/render-pdf-pages.sh`.

mod report_support;

use std::collections::BTreeSet;

use lopdf::Object;
use report_support::{Pdf, fixture, pdf, report};

/// The base names of the fonts a PDF embeds, without the subset tag (`ABCDEF+`).
fn embedded_fonts(pdf: &Pdf) -> BTreeSet<String> {
    pdf.doc
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .filter_map(|dict| dict.get(b"FontName").and_then(Object::as_name).ok())
        .map(|name| {
            let name = String::from_utf8_lossy(name);
            name.split_once('+')
                .map_or(&*name, |(_, base)| base)
                .to_string()
        })
        .collect()
}

/// `text` as a right-to-left run is stored: in drawing order, left to right.
fn drawn(text: &str) -> String {
    text.chars().rev().collect()
}

#[test]
fn cjk_names_and_notes_read_back_exactly() {
    let pdf = pdf("scripts", None);
    for text in [
        "東京クラウド株式会社",           // Japanese organisation (cover, footer)
        "김민준 (Kim Min-jun)",           // Korean assessor
        "已在所有员工账户启用多因素认证", // Chinese note
        "王芳",                           // Chinese owner
        "분기별 접근 권한 검토를 계획 중입니다", // Korean note
        "年次の行動規範の研修は未実施です。", // Japanese note
        "フルリモート — 物理オフィスなし", // Japanese N/A reason
    ] {
        pdf.assert_contains(text);
    }
    assert_eq!(
        pdf.info(b"Title"),
        "SOC 2 readiness gap report: 東京クラウド株式会社"
    );
    assert_eq!(pdf.info(b"Author"), "김민준 (Kim Min-jun)");
}

#[test]
fn hebrew_is_drawn_right_to_left_with_its_numbers_left_to_right() {
    let pdf = pdf("scripts", None);
    // The owner "דנה כהן" is stored in drawing order: last letter first.
    pdf.assert_contains(&drawn("דנה כהן"));
    pdf.assert_contains(&drawn("עדיפות עליונה"));
    pdf.assert_contains(&drawn("אין עדיין תוכנית כתובה"));
    // In "(שלב 1)" the number is drawn left of the word and still reads 1, and the
    // opening bracket, now on the right, is mirrored to face the word.
    pdf.assert_contains(&format!("1 {})", drawn("שלב")));
}

#[test]
fn arabic_is_joined_and_drawn_right_to_left() {
    let pdf = pdf("scripts", None);
    // Each shaped glyph carries the letters it stands for, in drawing order.
    pdf.assert_contains(&drawn("سارة أحمد"));
    pdf.assert_contains(&drawn("موافقة مراجع واحد"));
    assert!(
        !pdf.text.contains("سارة"),
        "Arabic stored in reading order would be drawn backwards"
    );
}

#[test]
fn emoji_are_drawn_and_invisible_selectors_are_not() {
    let pdf = pdf("scripts", None);
    pdf.assert_contains("Quarterly review ✅ first one in Q1 🚀 owner signs off 🔒");
    pdf.assert_contains("Ana 🙂 Núñez");
}

#[test]
fn the_fallback_fonts_are_embedded_as_small_subsets_only_when_needed() {
    let scripts = pdf("scripts", None);
    let fonts = embedded_fonts(&scripts);
    for font in [
        "DejaVuSans",
        "DejaVuSans-Bold",
        "NotoSansCJKjp-Regular",
        "NotoSansArabic-Regular",
        "NotoEmoji-Regular",
    ] {
        assert!(fonts.contains(font), "{font} not embedded: {fonts:?}");
    }
    // The CJK font alone is 3.5 MB; subsetting keeps the whole report far below 1 MB.
    assert!(
        scripts.bytes.len() < 300_000,
        "{} bytes",
        scripts.bytes.len()
    );
    // A report in Latin letters carries DejaVu only.
    let latin = pdf("unicode", None);
    assert_eq!(
        embedded_fonts(&latin),
        BTreeSet::from(["DejaVuSans".to_string(), "DejaVuSans-Bold".to_string()])
    );
}

#[test]
fn characters_no_font_has_are_named_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(fixture("scripts")).unwrap();
    // U+E000 is a private-use character: no font has it.
    let assessment = dir.path().join("private-use.toml");
    std::fs::write(
        &assessment,
        source.replace("owner = \"王芳\"", "owner = \"王芳 \u{E000}\u{E001}\""),
    )
    .unwrap();
    let out = dir.path().join("report.pdf");
    let output = report(&[
        assessment.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "the PDF shows 2 character(s) as empty boxes, no built-in font has them: U+E000, U+E001"
        ),
        "{stderr}"
    );
    // A report every character of which has a font warns about nothing.
    let clean = report(&[
        fixture("scripts").to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(
        !String::from_utf8_lossy(&clean.stderr).contains("empty boxes"),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
}
