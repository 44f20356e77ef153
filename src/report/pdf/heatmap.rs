//! The heat map: one tile per criterion family (CC1 … CC9, A1, PI1, C1, P1 … P8) coloured
//! by readiness toward the targeted report, with the share of questions still open.

use super::blocks::{self, TINY_MUTED};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::theme::{self, Colour};
use crate::report::HeatCell;
use crate::report::model::{ReportModel, percent_text};

const PER_ROW: usize = 5;
const TILE_HEIGHT: f32 = 40.0;
const TILE_GAP: f32 = 4.0;
const FAMILY: TextStyle = TextStyle::new(Weight::Bold, theme::SMALL, theme::WHITE);
const TOPIC: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::WHITE);
const PERCENT: TextStyle = TextStyle::new(Weight::Bold, 12.0, theme::WHITE);

/// The tile colour for a readiness: green from the "ready" threshold, amber from "getting
/// there", red below, grey when nothing counts or most questions are open.
fn colour(cell: &HeatCell, model: &ReportModel) -> Colour {
    use crate::scoring::Verdict;
    let Some(percent) = cell.readiness_percent else {
        return theme::MUTED;
    };
    if cell.open * 2 > cell.questions {
        theme::MUTED
    } else if percent >= model.method.ready_percent {
        theme::verdict(Verdict::Ready)
    } else if percent >= model.method.getting_there_percent {
        theme::verdict(Verdict::GettingThere)
    } else {
        theme::verdict(Verdict::NotReady)
    }
}

/// Draws the heat map from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    if model.heat_map.is_empty() {
        return;
    }
    blocks::subheading(canvas, "Readiness by criterion", 2.0 * TILE_HEIGHT);
    let caption = format!(
        "Readiness toward a {} report per group of Trust Services Criteria. Green from {} %, \
         amber from {} %, red below; grey when more than half of a group's questions are open.",
        model.target.label(),
        model.method.ready_percent,
        model.method.getting_there_percent
    );
    blocks::paragraph(canvas, &caption, TINY_MUTED);
    let width = (canvas.content_width() - (PER_ROW - 1) as f32 * TILE_GAP) / PER_ROW as f32;
    for row in model.heat_map.chunks(PER_ROW) {
        canvas.ensure(TILE_HEIGHT);
        let top = canvas.y();
        for (index, cell) in row.iter().enumerate() {
            let x = canvas.left() + index as f32 * (width + TILE_GAP);
            tile(canvas, model, cell, (x, top), width);
        }
        canvas.advance(TILE_HEIGHT + TILE_GAP);
    }
    canvas.advance(blocks::GAP);
}

fn tile(canvas: &mut Canvas<'_>, model: &ReportModel, cell: &HeatCell, at: (f32, f32), width: f32) {
    let (x, top) = at;
    canvas.fill(x, top, width, TILE_HEIGHT, colour(cell, model));
    let pad = 4.0;
    canvas.text(x + pad, top + pad, &cell.family, FAMILY);
    let percent = percent_text(cell.readiness_percent);
    canvas.text_right(x + width - pad, top + pad - 1.0, &percent, PERCENT);
    let topic = canvas.fit(cell.topic, width - 2.0 * pad, TOPIC);
    canvas.text(x + pad, top + pad + FAMILY.line_height(), &topic, TOPIC);
    let open = format!("{} questions, {} open", cell.questions, cell.open);
    let open = canvas.fit(&open, width - 2.0 * pad, TOPIC);
    canvas.text(
        x + pad,
        top + pad + FAMILY.line_height() + TOPIC.line_height(),
        &open,
        TOPIC,
    );
}
