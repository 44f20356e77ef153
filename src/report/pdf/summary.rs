//! Section 1, the executive summary: the generated paragraph, one card per stage (readiness,
//! verdict, key blockers) and the box explaining that SOC 2 ends in a report, not a
//! certificate.

use super::blocks::{self, BODY, TINY_MUTED, chip};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::theme;
use crate::report::model::{ReportModel, StageCard, percent_text};

/// Blockers listed on a card before "and N more".
const CARD_BLOCKERS: usize = 4;
const CARD_PAD: f32 = 9.0;
const CARD_GAP: f32 = 10.0;

const LABEL: TextStyle = TextStyle::new(Weight::Bold, theme::H2, theme::NAVY);
const PERCENT: TextStyle = TextStyle::new(Weight::Bold, 24.0, theme::INK);
const CARD_TEXT: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::INK);
const CARD_BOLD: TextStyle = TextStyle::new(Weight::Bold, theme::TINY, theme::INK);

/// Draws the executive summary from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::heading(canvas, "1  Executive summary", 60.0);
    blocks::paragraph(canvas, &model.summary, BODY);
    blocks::paragraph(
        canvas,
        &super::progress::dates_line(model),
        blocks::SMALL_BOLD,
    );
    canvas.advance(blocks::GAP / 2.0);
    stage_cards(canvas, model);
    blocks::callout(
        canvas,
        "A report, not a certificate",
        &model.attestation_note,
        theme::NAVY,
    );
}

/// The text blocks of one card, wrapped to its width.
struct CardText {
    about: Vec<String>,
    explanation: Vec<String>,
    blockers: Vec<Vec<String>>,
    more: Option<String>,
}

impl CardText {
    fn new(canvas: &Canvas<'_>, card: &StageCard, width: f32) -> Self {
        let shown = card.blockers.iter().take(CARD_BLOCKERS);
        let more = card.blockers.len().saturating_sub(CARD_BLOCKERS);
        Self {
            about: canvas.wrap(card.about, width, TINY_MUTED),
            explanation: canvas.wrap(&card.explanation, width, CARD_TEXT),
            blockers: shown
                .map(|blocker| {
                    let text = format!("{} ({})", blocker.question.title, blocker.question.id);
                    canvas.wrap(&text, width - 8.0, CARD_TEXT)
                })
                .collect(),
            more: (more > 0).then(|| format!("and {more} more")),
        }
    }

    fn height(&self) -> f32 {
        let lines = |count: usize, style: TextStyle| count as f32 * style.line_height();
        let blocker_lines: usize = self.blockers.iter().map(Vec::len).sum::<usize>().max(1)
            + usize::from(self.more.is_some());
        3.0 + CARD_PAD
            + LABEL.line_height()
            + lines(self.about.len(), TINY_MUTED)
            + 4.0
            + PERCENT.line_height()
            + 4.0
            + lines(self.explanation.len(), CARD_TEXT)
            + 6.0
            + CARD_BOLD.line_height()
            + lines(blocker_lines, CARD_TEXT)
            + CARD_PAD
    }
}

fn stage_cards(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let width = (canvas.content_width() - 2.0 * CARD_GAP) / 3.0;
    let inner = width - 2.0 * CARD_PAD;
    let texts: Vec<CardText> = model
        .stages
        .iter()
        .map(|card| CardText::new(canvas, card, inner))
        .collect();
    let height = texts.iter().map(CardText::height).fold(0.0, f32::max);
    canvas.ensure(height);
    let top = canvas.y();
    for (index, (card, text)) in model.stages.iter().zip(&texts).enumerate() {
        let x = canvas.left() + index as f32 * (width + CARD_GAP);
        draw_card(canvas, card, text, x, top, width, height);
    }
    canvas.advance(height + blocks::GAP * 1.5);
}

fn lines(canvas: &mut Canvas<'_>, x: f32, y: &mut f32, lines: &[String], style: TextStyle) {
    for line in lines {
        canvas.text(x, *y, line, style);
        *y += style.line_height();
    }
}

fn draw_card(
    canvas: &mut Canvas<'_>,
    card: &StageCard,
    text: &CardText,
    x: f32,
    top: f32,
    width: f32,
    height: f32,
) {
    let colour = theme::verdict(card.verdict);
    canvas.fill(x, top, width, height, theme::ZEBRA);
    canvas.fill(x, top, width, 3.0, colour);
    let left = x + CARD_PAD;
    let mut y = top + 3.0 + CARD_PAD;
    canvas.text(left, y, card.label, LABEL);
    y += LABEL.line_height();
    lines(canvas, left, &mut y, &text.about, TINY_MUTED);
    y += 4.0;
    let percent = percent_text(card.readiness_percent);
    canvas.text(left, y, &percent, PERCENT);
    let chip_x = left + canvas.width_of(&percent, PERCENT) + 8.0;
    let chip_top = y + (PERCENT.line_height() - theme::SMALL * theme::LEADING) / 2.0;
    chip(
        canvas,
        chip_x,
        chip_top,
        card.verdict.label(),
        colour,
        theme::SMALL,
    );
    y += PERCENT.line_height() + 4.0;
    lines(canvas, left, &mut y, &text.explanation, CARD_TEXT);
    y += 6.0;
    canvas.text(left, y, "Key blockers", CARD_BOLD);
    y += CARD_BOLD.line_height();
    if text.blockers.is_empty() {
        canvas.text(left, y, "None", CARD_TEXT);
    }
    for blocker in &text.blockers {
        canvas.text(left, y, "•", CARD_TEXT);
        lines(canvas, left + 8.0, &mut y, blocker, CARD_TEXT);
    }
    if let Some(more) = &text.more {
        canvas.text(left + 8.0, y, more, TINY_MUTED);
    }
}
