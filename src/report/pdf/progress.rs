//! The "Progress over time" section: the earliest realistic report dates with their
//! assumptions, a drawn line chart of the three stages over the history snapshots, the
//! controls improved and regressed since the first snapshot, what is overdue or due (gap
//! due dates and periodic controls), and the evidence coverage of the observation window
//! (with the answers that are claimed, not evidenced).

use jiff::civil::Date;

use super::blocks::{self, SMALL, SMALL_BOLD, TINY_MUTED};
use super::canvas::Canvas;
use super::theme::{self, Colour};
use crate::report::due_text;
use crate::report::model::ReportModel;
use crate::scoring::Verdict;
use crate::time::compare::Change;
use crate::time::progress::Point;

const CHART_HEIGHT: f32 = 120.0;
const AXIS_ROOM: f32 = 30.0;

/// One line of the chart: its name, colour and figure in a point.
type Series = (&'static str, Colour, fn(&Point) -> u8);

/// The three stages.
const SERIES: [Series; 3] = [
    ("Compliance", theme::BAR_TYPE1, |point| point.compliance),
    ("Attestation", theme::NAVY, |point| point.attestation),
    ("“Certification”", Colour(0.800, 0.450, 0.100), |point| {
        point.certification
    }),
];

/// The report dates in one line, for the cover and the summary.
pub fn dates_line(model: &ReportModel) -> String {
    let timeline = &model.progress.timeline;
    format!(
        "Earliest realistic report: Type 1 {} · Type 2 {} (assumptions in “Progress over time”)",
        timeline.type1.date, timeline.type2.date
    )
}

/// Draws the section from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let progress = &model.progress;
    blocks::heading(canvas, "Progress over time", 160.0);
    blocks::subheading(canvas, "Earliest realistic report dates", 60.0);
    for (name, estimate) in [
        ("Type 1", &progress.timeline.type1),
        ("Type 2", &progress.timeline.type2),
    ] {
        blocks::paragraph(canvas, &format!("{name}: {}", estimate.date), SMALL_BOLD);
        for assumption in &estimate.assumptions {
            blocks::bullet(canvas, assumption, SMALL);
        }
    }
    if progress.points.len() > 1 {
        blocks::subheading(canvas, "Readiness by stage over time", CHART_HEIGHT + 40.0);
        chart(canvas, &progress.points, model.method.ready_percent);
    } else {
        blocks::paragraph(
            canvas,
            "One snapshot so far: the chart of progress appears once the assessment has been changed on a second day.",
            TINY_MUTED,
        );
    }
    if let Some(since) = progress.since {
        changes(
            canvas,
            &format!("Improved since {since}"),
            &progress.improved,
        );
        changes(
            canvas,
            &format!("Regressed since {since}"),
            &progress.regressed,
        );
    }
    due(canvas, model);
    super::coverage::draw(canvas, model);
}

/// The x of `date` on a plot from `first` to `last` starting at `x`, `width` wide.
fn x_of(date: Date, first: Date, last: Date, x: f32, width: f32) -> f32 {
    let span = first.until(last).map_or(0, |span| span.get_days()).max(1);
    let days = first.until(date).map_or(0, |span| span.get_days());
    x + width * days as f32 / span as f32
}

fn chart(canvas: &mut Canvas<'_>, points: &[Point], ready: u32) {
    canvas.ensure(CHART_HEIGHT + 40.0);
    let left = canvas.left() + AXIS_ROOM;
    let width = canvas.content_width() - AXIS_ROOM - 10.0;
    let top = canvas.y() + 6.0;
    let bottom = top + CHART_HEIGHT;
    let y_of = |percent: u8| bottom - CHART_HEIGHT * f32::from(percent.min(100)) / 100.0;
    for percent in [0u8, 25, 50, 75, 100] {
        let y = y_of(percent);
        canvas.line((left, y), (left + width, y), theme::GRID, None);
        let label = format!("{percent} %");
        canvas.text_right(left - 4.0, y - 4.0, &label, TINY_MUTED);
    }
    let threshold = y_of(u8::try_from(ready.min(100)).unwrap_or(100));
    canvas.line(
        (left, threshold),
        (left + width, threshold),
        theme::verdict(Verdict::Ready),
        Some(2.0),
    );
    let (first, last) = (points[0].date, points[points.len() - 1].date);
    for (_, colour, figure) in SERIES {
        let mut previous: Option<(f32, f32)> = None;
        for point in points {
            let at = (
                x_of(point.date, first, last, left, width),
                y_of(figure(point)),
            );
            if let Some(from) = previous {
                canvas.line(from, at, colour, None);
            }
            canvas.fill(at.0 - 1.5, at.1 - 1.5, 3.0, 3.0, colour);
            previous = Some(at);
        }
    }
    canvas.text(left, bottom + 3.0, &first.to_string(), TINY_MUTED);
    canvas.text_right(left + width, bottom + 3.0, &last.to_string(), TINY_MUTED);
    let mut x = left;
    let legend_top = bottom + 16.0;
    for (name, colour, figure) in SERIES {
        let now = points.last().map_or(0, figure);
        let label = format!("{name} {now} %");
        canvas.fill(x, legend_top + 3.0, 8.0, 3.0, colour);
        canvas.text(x + 12.0, legend_top, &label, SMALL);
        x += 12.0 + canvas.width_of(&label, SMALL) + 16.0;
    }
    canvas.advance(CHART_HEIGHT + 40.0);
}

fn changes(canvas: &mut Canvas<'_>, title: &str, changes: &[Change]) {
    blocks::subheading(canvas, &format!("{title} ({})", changes.len()), 30.0);
    if changes.is_empty() {
        blocks::paragraph(canvas, "None.", TINY_MUTED);
    }
    for change in changes {
        let key = |answer: Option<crate::assessment::Answer>| {
            answer.map_or("unanswered", |answer| answer.key())
        };
        blocks::bullet(
            canvas,
            &format!(
                "{} {}: {} → {}",
                change.question,
                change.title,
                key(change.then),
                key(change.now)
            ),
            SMALL,
        );
    }
}

fn due(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let progress = &model.progress;
    blocks::subheading(canvas, due_text::HEADING, 40.0);
    blocks::paragraph(canvas, &due_text::lead(progress), SMALL);
    for line in due_text::bullets(progress) {
        blocks::bullet(canvas, &line, SMALL);
    }
}
