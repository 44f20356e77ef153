//! The readiness section: the heat map by criterion family, then vector bar charts: every
//! category in scope with three bars
//! (in place, evidenced for Type 1, operating over time for Type 2) against a percentage
//! grid and the "ready" threshold, then Type 1 against Type 2 readiness.

use super::blocks::{self, SMALL, SMALL_BOLD, TINY_MUTED, chip};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::heatmap;
use super::theme::{self, Colour};
use crate::report::model::{ReportModel, percent_text};

const LABEL_WIDTH: f32 = 118.0;
/// Room right of the plot for the last value label.
const VALUE_ROOM: f32 = 34.0;
const BAR: f32 = 8.0;
const BAR_GAP: f32 = 2.0;
const GROUP_GAP: f32 = 12.0;
const VALUE: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::INK);

/// Draws section 2 from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let group = 3.0 * BAR + 2.0 * BAR_GAP + GROUP_GAP;
    let chart_height = 30.0 + model.categories.len() as f32 * group + 16.0;
    blocks::section(canvas, "Readiness", 120.0);
    heatmap::draw(canvas, model);
    blocks::subheading(canvas, "Readiness by category", chart_height);
    legend(canvas);
    categories(canvas, model);
    // Keep the whole comparison (caption and both bars) on one page.
    blocks::subheading(canvas, "Type 1 and Type 2 readiness", 130.0);
    blocks::paragraph(
        canvas,
        "Controls at the level each report type needs, together with the audit-preparation \
         questions. Type 2 counts only controls operating over time.",
        SMALL,
    );
    targets(canvas, model);
}

fn legend(canvas: &mut Canvas<'_>) {
    let mut x = canvas.left() + LABEL_WIDTH;
    let y = canvas.y();
    for (colour, label) in [
        (theme::BAR_IN_PLACE, "In place"),
        (theme::BAR_TYPE1, "Evidenced now (Type 1)"),
        (theme::BAR_TYPE2, "Operating over time (Type 2)"),
    ] {
        canvas.fill(x, y + 3.0, 8.0, 8.0, colour);
        canvas.text(x + 12.0, y + 1.0, label, SMALL);
        x += 12.0 + canvas.width_of(label, SMALL) + 16.0;
    }
    canvas.advance(SMALL.line_height() + 10.0);
}

/// The x of `percent` on a plot starting at `x` that is `width` wide.
fn at(x: f32, width: f32, percent: u32) -> f32 {
    x + width * percent.min(100) as f32 / 100.0
}

fn grid(canvas: &mut Canvas<'_>, plot: (f32, f32), top: f32, bottom: f32, ready: u32) {
    let (x, width) = plot;
    for percent in [0, 25, 50, 75, 100] {
        let gx = at(x, width, percent);
        canvas.line((gx, top), (gx, bottom), theme::GRID, None);
        let label = format!("{percent} %");
        let label_x = gx - canvas.width_of(&label, TINY_MUTED) / 2.0;
        canvas.text(label_x, bottom + 2.0, &label, TINY_MUTED);
    }
    let threshold = at(x, width, ready);
    let green = theme::verdict(crate::scoring::Verdict::Ready);
    canvas.line(
        (threshold, top - 4.0),
        (threshold, bottom),
        green,
        Some(2.0),
    );
    let label = format!("ready {ready} %");
    let style = TextStyle::new(Weight::Regular, theme::TINY, green);
    let label_x = threshold - canvas.width_of(&label, style) / 2.0;
    canvas.text(label_x, top - 4.0 - style.line_height(), &label, style);
}

fn bar(canvas: &mut Canvas<'_>, plot: (f32, f32), top: f32, percent: Option<u32>, colour: Colour) {
    let (x, width) = plot;
    let text = percent_text(percent);
    let end = match percent {
        Some(value) => {
            let end = at(x, width, value);
            canvas.fill(x, top, (end - x).max(0.8), BAR, colour);
            end
        }
        None => x,
    };
    let label_top = top + (BAR - VALUE.line_height()) / 2.0;
    canvas.text(end + 3.0, label_top, &text, VALUE);
}

fn categories(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let x = canvas.left();
    let plot = (
        x + LABEL_WIDTH,
        canvas.content_width() - LABEL_WIDTH - VALUE_ROOM,
    );
    let group = 3.0 * BAR + 2.0 * BAR_GAP + GROUP_GAP;
    let height = model.categories.len() as f32 * group;
    canvas.ensure(height + 36.0);
    canvas.advance(14.0);
    let top = canvas.y();
    grid(
        canvas,
        plot,
        top - 2.0,
        top + height - GROUP_GAP + 4.0,
        model.method.ready_percent,
    );
    for (index, category) in model.categories.iter().enumerate() {
        let y = top + index as f32 * group;
        canvas.text(x, y, category.label, SMALL_BOLD);
        let tally = category.tally;
        let counts = format!(
            "{} questions, {} unanswered",
            tally.questions, tally.unanswered
        );
        canvas.text(x, y + SMALL_BOLD.line_height(), &counts, TINY_MUTED);
        let values = [
            (category.in_place_percent, theme::BAR_IN_PLACE),
            (category.type1_percent, theme::BAR_TYPE1),
            (category.type2_percent, theme::BAR_TYPE2),
        ];
        for (row, (percent, colour)) in values.into_iter().enumerate() {
            let bar_top = y + row as f32 * (BAR + BAR_GAP);
            bar(canvas, plot, bar_top, percent, colour);
        }
    }
    canvas.advance(height + 20.0);
}

fn targets(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let x = canvas.left();
    let thick = 14.0;
    let chip_room = 78.0;
    let plot = (
        x + LABEL_WIDTH,
        canvas.content_width() - LABEL_WIDTH - VALUE_ROOM - chip_room,
    );
    for target in &model.targets {
        let explanation = canvas.wrap(&target.explanation, plot.1 + VALUE_ROOM, TINY_MUTED);
        let height = thick + 4.0 + explanation.len() as f32 * TINY_MUTED.line_height() + 10.0;
        canvas.ensure(height);
        let top = canvas.y();
        let mut label = target.target.label().to_string();
        if target.target == model.target {
            label.push_str(" (target)");
        }
        canvas.text(x, top + 1.0, &label, SMALL_BOLD);
        let colour = theme::verdict(target.verdict);
        canvas.fill(plot.0, top, plot.1, thick, theme::GRID);
        if let Some(percent) = target.readiness_percent {
            let end = at(plot.0, plot.1, percent);
            canvas.fill(plot.0, top, (end - plot.0).max(0.8), thick, colour);
        }
        let threshold = at(plot.0, plot.1, model.method.ready_percent);
        canvas.line(
            (threshold, top - 2.0),
            (threshold, top + thick + 2.0),
            theme::INK,
            Some(1.5),
        );
        let value_x = plot.0 + plot.1 + 6.0;
        let percent = percent_text(target.readiness_percent);
        canvas.text(value_x, top + 1.0, &percent, SMALL_BOLD);
        chip(
            canvas,
            value_x + VALUE_ROOM,
            top,
            target.verdict.label(),
            colour,
            theme::SMALL,
        );
        let mut y = top + thick + 4.0;
        for line in &explanation {
            canvas.text(plot.0, y, line, TINY_MUTED);
            y += TINY_MUTED.line_height();
        }
        canvas.advance(height);
    }
    canvas.advance(blocks::GAP);
}
