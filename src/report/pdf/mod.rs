//! The PDF renderer (printpdf 0.12): lays the report model out on A4 or Letter pages with
//! the embedded DejaVu Sans fonts, adds bookmarks per section and the document metadata,
//! and saves with font subsetting so reports stay small.
//!
//! Modules: [`fonts`] and [`wrap`] measure and wrap text, [`canvas`] places it on pages,
//! [`table`] and [`blocks`] are the layout pieces, and [`cover`], [`summary`], [`charts`],
//! [`gaps`] and [`appendix`] draw the sections.

mod appendix;
mod blocks;
mod branding;
mod canvas;
mod certification;
mod charts;
mod cover;
mod fonts;
mod gaps;
mod progress;
mod summary;
mod table;
mod theme;
mod wrap;

use jiff::civil::Date;
use printpdf::date::{Date as PdfDate, Offset, OffsetDateTime, Time};
use printpdf::{PdfDocument, PdfSaveOptions};

use super::Paper;
use super::model::ReportModel;
use crate::text_safety::visible_line;
use canvas::Canvas;
use fonts::Fonts;

pub use branding::decode as decode_logo;

/// The running title in every page header.
const RUNNING_TITLE: &str = "SOC 2 readiness gap report";

/// Renders the report as PDF bytes.
pub fn render(model: &ReportModel, paper: Paper) -> Vec<u8> {
    // The metadata is shown by PDF viewers and printed by tools such as `pdfinfo`.
    let organization = visible_line(&model.organization);
    let title = format!("{RUNNING_TITLE}: {organization}");
    let mut doc = PdfDocument::new(&title);
    let fonts = Fonts::load(&mut doc);
    let logo = branding::add_logo(&mut doc, &model.branding);
    let mut canvas = Canvas::new(&fonts, paper);
    let cover_logo = branding::cover(&mut canvas, &model.branding, logo.as_ref());
    let contents = cover::draw(&mut canvas, model);
    canvas.new_page();
    summary::draw(&mut canvas, model);
    charts::draw(&mut canvas, model);
    progress::draw(&mut canvas, model);
    gaps::draw_gaps(&mut canvas, model);
    gaps::draw_roadmap(&mut canvas, model);
    appendix::draw_open_questions(&mut canvas, model);
    certification::draw_head_start(&mut canvas, model);
    certification::draw_claims(&mut canvas, model);
    canvas.new_page();
    appendix::draw_answers(&mut canvas, model);
    appendix::draw_method(&mut canvas, model);
    if let Some(top) = contents {
        let sections = canvas.bookmarks()[1..].to_vec();
        canvas.draw_on(1, top, |canvas| cover::contents(canvas, &sections));
    }
    let footnote = format!(
        "Self-assessment, not an auditor's opinion  ·  {}",
        model.generated
    );
    let footnote = branding::footnote(&model.branding, &footnote);
    let mut finished = canvas.finish(RUNNING_TITLE, &model.organization, &footnote);
    if let Some(logo) = &logo {
        branding::stamp(&mut finished.pages, logo, cover_logo);
    }
    doc.with_pages(finished.pages);
    for (name, page) in &finished.bookmarks {
        doc.add_bookmark(name, *page);
    }
    let info = &mut doc.metadata.info;
    info.document_title = title;
    info.author = if model.assessor.is_empty() {
        organization.to_string()
    } else {
        visible_line(&model.assessor).into_owned()
    };
    info.subject = format!(
        "SOC 2 {} readiness self-assessment of {} (not an auditor's opinion)",
        model.target.label(),
        organization
    );
    info.keywords = ["SOC 2", "readiness", "gap report", "self-assessment"]
        .map(String::from)
        .to_vec();
    info.creator = format!("soc2-ready {}", env!("CARGO_PKG_VERSION"));
    info.producer = info.creator.clone();
    let date = pdf_date(model.generated);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    let mut warnings = Vec::new();
    doc.save(&PdfSaveOptions::default(), &mut warnings)
}

/// The report date as a PDF date (midnight UTC: the model knows the day, not the time).
fn pdf_date(date: Date) -> OffsetDateTime {
    let day = PdfDate {
        year: i32::from(date.year()),
        month: date.month().unsigned_abs(),
        day: date.day().unsigned_abs(),
    };
    let midnight = Time {
        hour: 0,
        minute: 0,
        second: 0,
        millisecond: 0,
    };
    let utc = Offset {
        hours: 0,
        minutes: 0,
        seconds: 0,
        milliseconds: 0,
    };
    OffsetDateTime::new_in_offset(day, midnight, utc)
}
