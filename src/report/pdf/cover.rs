//! The cover page: title band, who and what was assessed, the overall verdict with the three
//! stages beneath it, and the disclaimer.

use super::blocks::{self, BODY, BODY_BOLD, SMALL_MUTED, chip};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::theme;
use crate::questionnaire::Stage;
use crate::report::model::{ReportModel, StageCard, percent_text};

/// The most sections listed in the contents (the bookmarks after the cover).
const SECTIONS: usize = 10;
const CONTENTS_ROW: f32 = 14.0;
const CONTENTS_HEADING: f32 = 18.0;

/// Draws the cover on the current page and returns where the contents go, if there is room
/// for them (they are drawn by [`contents`] once the page numbers are known).
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) -> Option<f32> {
    canvas.bookmark("Cover");
    band(canvas, model);
    details(canvas, model);
    verdict(canvas, model);
    blocks::paragraph(
        canvas,
        &super::progress::dates_line(model),
        blocks::SMALL_BOLD,
    );
    let contents_top = canvas.y();
    let disclaimer_height = blocks::callout_height(canvas, &model.disclaimer);
    let contents_height = CONTENTS_HEADING + SECTIONS as f32 * CONTENTS_ROW + blocks::GAP;
    let fits = canvas.room() >= contents_height + disclaimer_height + blocks::GAP;
    canvas.advance((canvas.room() - disclaimer_height - blocks::GAP).max(0.0));
    blocks::callout(
        canvas,
        "A self-assessment, not an audit",
        &model.disclaimer,
        theme::MUTED,
    );
    fits.then_some(contents_top)
}

/// Lists the sections with the page each starts on, each line a link to its page, from the
/// cursor.
pub fn contents(canvas: &mut Canvas<'_>, sections: &[(String, usize)]) {
    let (x, width) = (canvas.left(), canvas.content_width());
    let top = canvas.y();
    canvas.text(x, top, "Contents", BODY_BOLD);
    let mut y = top + CONTENTS_HEADING;
    for (title, page) in sections.iter().take(SECTIONS) {
        canvas.text(x, y, title, BODY);
        canvas.text_right(x + width, y, &page.to_string(), BODY);
        canvas.link(x, y, width, CONTENTS_ROW, *page);
        let rule = y + CONTENTS_ROW - 2.0;
        canvas.line((x, rule), (x + width, rule), theme::GRID, None);
        y += CONTENTS_ROW;
    }
}

fn band(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let (x, width, top) = (canvas.left(), canvas.content_width(), canvas.y());
    let pad = 20.0;
    let kicker = TextStyle::new(Weight::Bold, theme::SMALL, theme::BAR_IN_PLACE);
    let title = TextStyle::new(Weight::Bold, 30.0, theme::WHITE);
    let organization = TextStyle::new(Weight::Regular, 17.0, theme::WHITE);
    let line = TextStyle::new(Weight::Regular, theme::BODY, theme::BAR_IN_PLACE);
    let names = title_lines(canvas, &model.organization, width - 2.0 * pad, organization);
    let height = 2.0 * pad
        + kicker.line_height()
        + title.line_height()
        + 6.0
        + names.len() as f32 * organization.line_height()
        + 8.0
        + line.line_height();
    canvas.fill(x, top, width, height, theme::NAVY);
    let mut y = top + pad;
    canvas.text(x + pad, y, "SOC 2 READINESS ASSESSMENT", kicker);
    y += kicker.line_height();
    canvas.text(x + pad, y, "Gap report", title);
    y += title.line_height() + 6.0;
    for name in &names {
        canvas.text(x + pad, y, name, organization);
        y += organization.line_height();
    }
    y += 8.0;
    let target = format!(
        "Toward a SOC 2 {} report  ·  {}",
        model.target.label(),
        model.generated
    );
    canvas.text(x + pad, y, &target, line);
    canvas.advance(height + 16.0);
}

/// The organisation's name wrapped to at most three lines, the third ending in an ellipsis
/// when the name goes on.
fn title_lines(canvas: &Canvas<'_>, name: &str, width: f32, style: TextStyle) -> Vec<String> {
    let mut lines = canvas.wrap(name, width, style);
    if lines.len() > 3 {
        lines.truncate(3);
        let last = format!("{}…", lines[2]);
        lines[2] = canvas.fit(&last, width, style);
    }
    lines
}

fn details(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let assessor = if model.assessor.is_empty() {
        "not recorded".to_string()
    } else {
        model.assessor.clone()
    };
    let version = if model.questionnaire_version.is_empty() {
        "not recorded".to_string()
    } else {
        model.questionnaire_version.clone()
    };
    let rows = [
        ("Assessor", assessor),
        ("Assessment started", model.assessment_created.to_string()),
        ("Report date", model.generated.to_string()),
        ("Scope", model.scope_label()),
        ("Target", format!("SOC 2 {} report", model.target.label())),
        ("Counts", model.counts.clone()),
        ("Questionnaire", version),
    ];
    let label_width = 120.0;
    let x = canvas.left();
    let value_width = canvas.content_width() - label_width;
    for (label, value) in rows {
        let top = canvas.y();
        canvas.text(x, top + 1.0, label, SMALL_MUTED);
        canvas.paragraph(&value, x + label_width, value_width, BODY);
        canvas.advance(2.0);
        let y = canvas.y();
        canvas.line((x, y), (x + canvas.content_width(), y), theme::GRID, None);
        canvas.advance(3.0);
    }
    canvas.advance(14.0);
}

/// Where the parts of one stage row of the verdict panel go, from measured widths: the
/// verdict chip at the right edge, the percentage before it, and the stage's description
/// cut at a word to end a gap before the percentage, so a long badge never runs into it.
struct StageRow {
    about: String,
    about_x: f32,
    percent: String,
    percent_right: f32,
    chip_x: f32,
}

impl StageRow {
    /// Space kept between the description, the percentage and the chip.
    const GAP: f32 = 8.0;

    fn measure(canvas: &Canvas<'_>, left: f32, right: f32, stage: &StageCard) -> Self {
        let chip_style = TextStyle::new(Weight::Bold, theme::SMALL, theme::WHITE);
        let chip_x = right - blocks::chip_width(canvas, stage.verdict.label(), chip_style);
        let percent = percent_text(stage.readiness_percent);
        let percent_right = chip_x - Self::GAP;
        let widest_label = Stage::ALL
            .iter()
            .map(|stage| canvas.width_of(stage.label(), BODY_BOLD))
            .fold(0.0, f32::max);
        let about_x = left + widest_label + 2.0 * Self::GAP;
        let room = percent_right - canvas.width_of(&percent, BODY_BOLD) - Self::GAP - about_x;
        Self {
            about: canvas.fit(stage.about, room, SMALL_MUTED),
            about_x,
            percent,
            percent_right,
            chip_x,
        }
    }
}

fn verdict(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let (x, width) = (canvas.left(), canvas.content_width());
    let pad = 14.0;
    let row = 20.0;
    let height = 2.0 * pad + 30.0 + 3.0 * row;
    canvas.ensure(height);
    let top = canvas.y();
    canvas.fill(x, top, width, height, theme::PANEL);
    canvas.text(x + pad, top + pad + 4.0, "Overall verdict", BODY_BOLD);
    let chip_x = x + pad + canvas.width_of("Overall verdict", BODY_BOLD) + 12.0;
    chip(
        canvas,
        chip_x,
        top + pad,
        model.overall.label(),
        theme::verdict(model.overall),
        12.0,
    );
    let note = "the weakest of the three stages";
    canvas.text_right(x + width - pad, top + pad + 5.0, note, SMALL_MUTED);
    let mut y = top + pad + 30.0;
    for stage in &model.stages {
        let layout = StageRow::measure(canvas, x + pad, x + width - pad, stage);
        canvas.line((x + pad, y), (x + width - pad, y), theme::RULE, None);
        canvas.text(x + pad, y + 5.0, stage.label, BODY_BOLD);
        canvas.text(layout.about_x, y + 5.0, &layout.about, SMALL_MUTED);
        chip(
            canvas,
            layout.chip_x,
            y + 5.0,
            stage.verdict.label(),
            theme::verdict(stage.verdict),
            theme::SMALL,
        );
        canvas.text_right(layout.percent_right, y + 4.0, &layout.percent, BODY_BOLD);
        y += row;
    }
    canvas.advance(height + blocks::GAP);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Paper;
    use crate::report::pdf::fonts::Fonts;
    use crate::scoring::{Tally, Verdict};

    #[test]
    fn the_longest_badge_and_figure_never_meet_the_stage_description() {
        let fonts = Fonts::load();
        for paper in [Paper::A4, Paper::Letter] {
            let canvas = Canvas::new(&fonts, paper);
            let (left, right) = (
                canvas.left() + 14.0,
                canvas.left() + canvas.content_width() - 14.0,
            );
            for stage in Stage::ALL {
                for verdict in [
                    Verdict::NotAssessed,
                    Verdict::NotReady,
                    Verdict::GettingThere,
                    Verdict::Ready,
                ] {
                    let card = StageCard {
                        stage,
                        label: stage.label(),
                        about: stage.summary(),
                        readiness_percent: Some(100),
                        verdict,
                        explanation: String::new(),
                        tally: Tally::default(),
                        blockers: Vec::new(),
                        open_keys: 0,
                    };
                    let row = StageRow::measure(&canvas, left, right, &card);
                    let about_end = row.about_x + canvas.width_of(&row.about, SMALL_MUTED);
                    let percent_left = row.percent_right - canvas.width_of(&row.percent, BODY_BOLD);
                    assert!(
                        about_end + StageRow::GAP <= percent_left + 0.01,
                        "{stage:?} {verdict:?}: {:?} ends at {about_end}, the figure starts at {percent_left}",
                        row.about
                    );
                    assert!(row.percent_right < row.chip_x);
                    assert!(!row.about.ends_with(" …"), "{:?}", row.about);
                }
            }
        }
    }
}
