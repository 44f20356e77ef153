//! The executive summary, one page a CEO reads in two minutes: the verdict and counts, one
//! card per stage (readiness, verdict, key blockers), the few actions that matter most, N/A
//! answers an auditor will question; then the assessor's key observations and the sign-off.

use super::blocks::{self, BODY, SMALL, SMALL_BOLD, SMALL_MUTED, TINY_MUTED, chip};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::QuestionRef;
use crate::report::model::{ReportModel, StageCard, percent_text};

/// Blockers listed on a card before "and N more".
const CARD_BLOCKERS: usize = 3;
const CARD_PAD: f32 = 9.0;
const CARD_GAP: f32 = 10.0;

const LABEL: TextStyle = TextStyle::new(Weight::Bold, theme::H2, theme::NAVY);
const PERCENT: TextStyle = TextStyle::new(Weight::Bold, 24.0, theme::INK);
const CARD_TEXT: TextStyle = TextStyle::new(Weight::Regular, theme::TINY, theme::INK);
const CARD_BOLD: TextStyle = TextStyle::new(Weight::Bold, theme::TINY, theme::INK);

/// Draws the executive summary from the cursor.
pub fn draw(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::section(canvas, "Executive summary", 60.0);
    blocks::paragraph(canvas, &model.summary, BODY);
    blocks::paragraph(
        canvas,
        &super::progress::dates_line(model),
        blocks::SMALL_BOLD,
    );
    canvas.advance(blocks::GAP / 2.0);
    stage_cards(canvas, model);
    actions(canvas, model);
    na_issues(canvas, model);
    sign_off(canvas, model);
    observations(canvas, model);
}

fn actions(canvas: &mut Canvas<'_>, model: &ReportModel) {
    if model.actions.is_empty() {
        return;
    }
    blocks::subheading(canvas, "What to do first", 40.0);
    let table = Table::new(&[0.04, 0.96], &[]).dense(2.0);
    let rows: Vec<Row> = model
        .actions
        .iter()
        .enumerate()
        .map(|(index, action)| {
            let mut paras = vec![Para::new(action.title.as_str(), SMALL_BOLD)];
            if !action.detail.is_empty() {
                paras.push(Para::new(action.detail.as_str(), SMALL_MUTED));
            }
            Row::new(vec![
                Cell::new(vec![Para::new(format!("{}.", index + 1), SMALL_BOLD)]),
                Cell::new(paras),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP);
}

fn titles(questions: &[QuestionRef]) -> String {
    let titles: Vec<&str> = questions.iter().map(|q| q.title.as_str()).collect();
    titles.join(", ")
}

fn na_issues(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let issues = &model.na_issues;
    let mut text = Vec::new();
    if !issues.key_controls.is_empty() {
        text.push(format!(
            "{} key control{} answered N/A: {}. An auditor rarely accepts a key control as not \
             applicable; check each one.",
            issues.key_controls.len(),
            if issues.key_controls.len() == 1 {
                ""
            } else {
                "s"
            },
            titles(&issues.key_controls)
        ));
    }
    if !issues.unjustified.is_empty() {
        text.push(format!(
            "{} N/A answer{} without a justification, counted as open until one is given: {}. Auditors ask for one.",
            issues.unjustified.len(),
            if issues.unjustified.len() == 1 {
                ""
            } else {
                "s"
            },
            titles(&issues.unjustified)
        ));
    }
    if !text.is_empty() {
        let accent = theme::verdict(crate::scoring::Verdict::GettingThere);
        blocks::callout(canvas, "N/A answers to check", &text.join(" "), accent);
    }
}

fn observations(canvas: &mut Canvas<'_>, model: &ReportModel) {
    if model.observations.is_empty() {
        return;
    }
    blocks::subheading(canvas, "Key observations", 30.0);
    blocks::paragraph(canvas, &model.observations, SMALL);
    canvas.advance(blocks::GAP);
}

fn sign_off(canvas: &mut Canvas<'_>, model: &ReportModel) {
    let sign_off = &model.sign_off;
    blocks::subheading(canvas, "Sign-off", 40.0);
    let table = Table::new(
        &[0.3, 0.3, 0.2, 0.2],
        &["Prepared by", "Reviewed by", "Date", "Version"],
    );
    let value = |text: &str| Cell::new(vec![Para::new(text, SMALL)]);
    table.draw(
        canvas,
        &[Row::new(vec![
            value(&sign_off.prepared_by),
            value(&sign_off.reviewed_by),
            value(&sign_off.date),
            value(&sign_off.version),
        ])],
    );
    canvas.advance(blocks::GAP);
}

/// The text blocks of one card, wrapped to its width.
struct CardText {
    about: Vec<String>,
    explanation: Vec<String>,
    blockers: Vec<Vec<String>>,
    more: Option<String>,
    open: Option<String>,
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
            open: match card.open_keys {
                0 => None,
                1 => Some("1 key control not answered yet".to_string()),
                n => Some(format!("{n} key controls not answered yet")),
            },
        }
    }

    fn height(&self) -> f32 {
        let lines = |count: usize, style: TextStyle| count as f32 * style.line_height();
        let blocker_lines: usize = self.blockers.iter().map(Vec::len).sum::<usize>().max(1)
            + usize::from(self.more.is_some())
            + usize::from(self.open.is_some());
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
    if text.blockers.is_empty() && text.open.is_none() {
        canvas.text(left, y, "None", CARD_TEXT);
    }
    for blocker in &text.blockers {
        canvas.text(left, y, "•", CARD_TEXT);
        lines(canvas, left + 8.0, &mut y, blocker, CARD_TEXT);
    }
    if let Some(more) = &text.more {
        canvas.text(left + 8.0, y, more, TINY_MUTED);
        y += TINY_MUTED.line_height();
    }
    if let Some(open) = &text.open {
        canvas.text(left, y, open, TINY_MUTED);
    }
}
