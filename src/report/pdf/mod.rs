//! The PDF renderer: lays the report model out on A4 or Letter pages with the embedded
//! fonts, in printpdf's drawing operations, writes each page out as soon as it is left
//! ([`canvas`], [`content`]), and saves with subset fonts ([`embed`]), bookmarks per
//! section and the document metadata ([`save`]), so reports stay small and long ones
//! stay light on memory.
//!
//! Modules: [`fonts`] and [`wrap`] measure and wrap text, [`canvas`] places it on pages,
//! [`table`] and [`blocks`] are the layout pieces, and [`cover`], [`summary`], [`charts`]
//! (with [`heatmap`]), [`register`], [`owners`], [`registers`], [`cards`], [`certification`] and [`appendix`] draw the
//! sections, in the order [`SECTIONS`] lists them; [`soa`] draws the Statement of
//! Applicability and [`minutes`] the minutes of a workshop, each a document of its own.

mod appendix;
mod blocks;
mod branding;
mod canvas;
mod cards;
mod certification;
mod charts;
mod content;
mod cover;
mod coverage;
mod embed;
mod fonts;
mod heatmap;
mod minutes;
mod owners;
mod progress;
mod register;
mod registers;
mod save;
mod script;
mod soa;
mod summary;
mod table;
mod text;
mod theme;
mod wrap;

use jiff::civil::Date;
use printpdf::PdfDocument;

use super::minutes::Minutes;
use super::model::ReportModel;
use super::prepared::Branding;
use super::{Paper, Rendered};
use crate::text_safety::visible_line;
use canvas::Canvas;
use fonts::Fonts;

pub use branding::decode as decode_logo;

/// The running title in every page header.
const RUNNING_TITLE: &str = "SOC 2 readiness gap report";

/// One section of the report after the cover.
struct Section {
    /// Draws the section from the cursor; numbered headings come from [`blocks::section`]
    /// and [`blocks::appendix`], so sections can be added or moved freely.
    draw: fn(&mut Canvas<'_>, &ReportModel),
    /// Whether the section starts on a new page.
    new_page: bool,
}

/// The sections after the cover, in order: the one place to add a section.
const SECTIONS: &[Section] = &[
    Section {
        draw: summary::draw,
        new_page: true,
    },
    Section {
        draw: charts::draw,
        new_page: false,
    },
    Section {
        draw: progress::draw,
        new_page: false,
    },
    Section {
        draw: register::draw,
        new_page: false,
    },
    Section {
        draw: owners::draw,
        new_page: false,
    },
    Section {
        draw: registers::draw,
        new_page: false,
    },
    Section {
        draw: appendix::draw_open_questions,
        new_page: false,
    },
    Section {
        draw: certification::draw_head_start,
        new_page: false,
    },
    Section {
        draw: certification::draw_claims,
        new_page: false,
    },
    Section {
        draw: cards::draw,
        new_page: false,
    },
    Section {
        draw: appendix::draw_answers,
        new_page: false,
    },
    Section {
        draw: appendix::draw_method,
        new_page: false,
    },
];

/// Renders the report as PDF, noting the characters no embedded font has.
pub fn render(model: &ReportModel, paper: Paper) -> Rendered {
    // The metadata is shown by PDF viewers and printed by tools such as `pdfinfo`.
    let organization = visible_line(&model.organization);
    let title = format!("{RUNNING_TITLE}: {organization}");
    let mut images = PdfDocument::new(&title);
    let fonts = Fonts::load();
    let logo = branding::add_logo(&mut images, &model.branding);
    let mut canvas = Canvas::new(&fonts, paper);
    let cover_logo = branding::cover(&mut canvas, &model.branding, logo.as_ref());
    let contents = cover::draw(&mut canvas, model);
    for section in SECTIONS {
        if section.new_page {
            canvas.new_page();
        }
        (section.draw)(&mut canvas, model);
    }
    if let Some(top) = contents {
        let sections = canvas.bookmarks()[1..].to_vec();
        canvas.draw_on(1, top, |canvas| cover::contents(canvas, &sections));
    }
    let footnote = format!(
        "Confidential — prepared for {}  ·  Self-assessment, not an auditor's opinion  ·  {}",
        model.organization, model.generated
    );
    if let Some(logo) = &logo {
        branding::stamp(&mut canvas, logo, cover_logo);
    }
    let subject = format!(
        "SOC 2 {} readiness self-assessment of {} (not an auditor's opinion)",
        model.target.label(),
        organization
    );
    let document = Document {
        running_title: RUNNING_TITLE,
        title,
        subject,
        keywords: "SOC 2, readiness, gap report, self-assessment",
        footnote,
    };
    document.save(canvas, &fonts, &images, &Origin::of(model))
}

/// Renders the ISO/IEC 27001:2022 Statement of Applicability of `model` as its own PDF.
pub fn render_soa(model: &ReportModel, paper: Paper) -> Rendered {
    let organization = visible_line(&model.organization);
    let images = PdfDocument::new(soa::RUNNING_TITLE);
    let fonts = Fonts::load();
    let mut canvas = Canvas::new(&fonts, paper);
    soa::draw(&mut canvas, model);
    let document = Document {
        running_title: soa::RUNNING_TITLE,
        title: format!("{}: {organization}", soa::RUNNING_TITLE),
        subject: format!(
            "Draft ISO/IEC 27001:2022 Statement of Applicability of {organization}, derived \
             from its SOC 2 readiness self-assessment"
        ),
        keywords: "ISO/IEC 27001:2022, Statement of Applicability, Annex A, SOC 2",
        footnote: format!(
            "Confidential — prepared for {}  ·  Draft from a self-assessment  ·  {}",
            model.organization, model.generated
        ),
    };
    document.save(canvas, &fonts, &images, &Origin::of(model))
}

/// Renders the minutes of a workshop as their own PDF, with `branding` in the footer.
pub fn render_minutes(minutes: &Minutes, branding: &Branding, paper: Paper) -> Rendered {
    let organization = visible_line(&minutes.organization);
    let images = PdfDocument::new(minutes::RUNNING_TITLE);
    let fonts = Fonts::load();
    let mut canvas = Canvas::new(&fonts, paper);
    minutes::draw(&mut canvas, minutes);
    let document = Document {
        running_title: minutes::RUNNING_TITLE,
        title: format!("{}: {organization}", minutes::RUNNING_TITLE),
        subject: format!(
            "Minutes of the SOC 2 readiness workshop of {organization} since {}",
            minutes.since
        ),
        keywords: "SOC 2, readiness, workshop, minutes, self-assessment",
        footnote: format!(
            "Confidential — prepared for {}  ·  Self-assessment, not an auditor's opinion  ·  {}",
            minutes.organization, minutes.generated
        ),
    };
    let origin = Origin {
        organization: &minutes.organization,
        assessor: &minutes.assessor,
        generated: minutes.generated,
        branding,
    };
    document.save(canvas, &fonts, &images, &origin)
}

/// Whose document it is and who made it, for the page headers, footers and metadata.
struct Origin<'a> {
    organization: &'a str,
    assessor: &'a str,
    generated: Date,
    branding: &'a Branding,
}

impl<'a> Origin<'a> {
    /// The origin of a report built from `model`.
    fn of(model: &'a ReportModel) -> Self {
        Self {
            organization: &model.organization,
            assessor: &model.assessor,
            generated: model.generated,
            branding: &model.branding,
        }
    }
}

/// What a finished document says about itself, in its pages and its metadata.
struct Document {
    running_title: &'static str,
    title: String,
    subject: String,
    keywords: &'static str,
    footnote: String,
}

impl Document {
    /// Adds the headers and footers and writes the file.
    fn save(
        self,
        canvas: Canvas<'_>,
        fonts: &Fonts,
        images: &PdfDocument,
        origin: &Origin<'_>,
    ) -> Rendered {
        let footnote = branding::footnote(origin.branding, &self.footnote);
        let finished = canvas.finish(self.running_title, origin.organization, &footnote);
        let info = save::Info {
            title: self.title,
            // The assessor wrote the document; the client is its subject, never its author.
            author: if origin.assessor.is_empty() {
                "soc2-ready".to_string()
            } else {
                visible_line(origin.assessor).into_owned()
            },
            subject: self.subject,
            keywords: self.keywords.to_string(),
            creator: format!("soc2-ready {}", env!("CARGO_PKG_VERSION")),
            date: origin.generated,
        };
        Rendered {
            bytes: save::write(finished, fonts, images, &info),
            undrawable: fonts.missing(),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;
    use proptest::prelude::*;

    use super::*;
    use crate::assessment::{Answer, Assessment};
    use crate::questionnaire::{Category, Level, QuestionnaireSource, Target, load};
    use crate::scoring::{Policy, score};

    /// Names and notes in any mix of scripts, with the controls and invisible characters
    /// a pasted text brings along.
    fn user_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('A', 'z'),
                proptest::char::range('\u{05D0}', '\u{05EA}'),
                proptest::char::range('\u{0621}', '\u{0652}'),
                proptest::char::range('\u{3041}', '\u{30FF}'),
                proptest::char::range('\u{4E00}', '\u{9FA5}'),
                proptest::char::range('\u{AC00}', '\u{D7A3}'),
                proptest::char::range('\u{1F300}', '\u{1F6FF}'),
                prop::sample::select(vec![
                    ' ', ' ', '\n', '(', ')', '1', '\u{200D}', '\u{FE0F}', '\u{202E}', '\u{7}',
                ]),
            ],
            1..80,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        #[test]
        fn any_mix_of_scripts_renders_a_readable_pdf(
            organization in user_text(),
            owner in user_text(),
            note in user_text(),
        ) {
            let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
            let mut assessment = Assessment::new(
                &organization,
                &owner,
                Date::constant(2026, 11, 1),
                Target::Type1,
                [Category::Security],
            );
            for id in ["CC6.1.mfa", "CC7.4.incident-response-plan"] {
                assessment.set_answer(id, Some(Answer::Level(Level::Planned)));
                assessment.edit(id, |record| {
                    record.note = note.clone();
                    record.owner = owner.clone();
                });
            }
            let policy = Policy::default();
            let card = score(&questionnaire, &assessment, &policy);
            let model = ReportModel::build(
                &questionnaire,
                &assessment,
                &card,
                &policy,
                Date::constant(2026, 11, 24),
            );
            let rendered = render(&model, Paper::A4);
            let pdf = lopdf::Document::load_mem(&rendered.bytes).unwrap();
            prop_assert!(pdf.get_pages().len() >= 5);
            // Rare ideographs, Hangul syllables outside KS X 1001 and symbols that are not
            // emoji may lack a glyph and are named; letters of every script never are.
            let must_draw = |c: char| {
                c.is_ascii_graphic()
                    || ('\u{05D0}'..='\u{05EA}').contains(&c)
                    || ('\u{0621}'..='\u{064A}').contains(&c)
                    || ('\u{3041}'..='\u{3096}').contains(&c)
                    || ('\u{30A1}'..='\u{30FA}').contains(&c)
            };
            let given: String = [organization, owner, note].concat();
            for c in &rendered.undrawable {
                prop_assert!(given.contains(*c), "{c:?} was not in the text");
                prop_assert!(!must_draw(*c), "{c:?} has no glyph");
            }
            prop_assert!(rendered.bytes.len() < 1_000_000);
        }
    }
}
