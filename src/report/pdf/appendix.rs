//! The questions still open (unsure, unanswered key controls), and the appendices of every
//! answer with its note by criterion and of the method, with the disclaimer.

use super::blocks::{self, SMALL, SMALL_BOLD, SMALL_MUTED, TINY, TINY_GREY};
use super::canvas::{Canvas, TextStyle};
use super::fonts::Weight;
use super::table::{Cell, Para, Row, Table};
use super::theme;
use crate::report::model::{AnswerLine, QuestionRef, ReportModel};

/// Draws the section of questions still open.
pub fn draw_open_questions(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::section(canvas, "Questions still open", 60.0);
    if model.unanswered.is_empty() && model.unsure.is_empty() {
        blocks::paragraph(
            canvas,
            "Every question in scope has a definite answer.",
            SMALL,
        );
        canvas.advance(blocks::GAP);
        return;
    }
    if !model.unsure.is_empty() {
        blocks::subheading(canvas, "Answered \u{201c}Unsure\u{201d}", 40.0);
        blocks::paragraph(
            canvas,
            "These count as nothing in place until someone finds out what really exists.",
            SMALL_MUTED,
        );
        question_table(canvas, &model.unsure);
    }
    if !model.unanswered.is_empty() {
        let keys: Vec<QuestionRef> = model
            .unanswered
            .iter()
            .filter(|question| question.key)
            .cloned()
            .collect();
        blocks::subheading(canvas, "Unanswered", 40.0);
        let listed = match keys.len() {
            0 => {
                "None of them is a key control; all are marked Unanswered in the answers appendix."
                    .to_string()
            }
            count => format!(
                "The {count} key controls among them are listed below; the other {} are marked \
                 Unanswered in the answers appendix.",
                model.unanswered.len() - count
            ),
        };
        let text = format!(
            "Unanswered: {} of {} questions in scope. They count as zero until answered. {listed}",
            model.unanswered.len(),
            model.tally.questions,
        );
        blocks::paragraph(canvas, &text, SMALL_MUTED);
        if !keys.is_empty() {
            question_table(canvas, &keys);
        }
    }
}

fn question_table(canvas: &mut Canvas<'_>, questions: &[QuestionRef]) {
    let table = Table::new(
        &[0.14, 0.70, 0.16],
        &["Criterion", "Question", "Key control"],
    );
    let rows: Vec<Row> = questions
        .iter()
        .map(|question| {
            Row::new(vec![
                Cell::new(vec![Para::new(question.criterion.as_str(), SMALL)]),
                Cell::new(vec![
                    Para::new(question.title.as_str(), SMALL),
                    Para::new(question.id.as_str(), SMALL_MUTED),
                ]),
                Cell::new(vec![Para::new(
                    if question.key { "yes" } else { "" },
                    SMALL,
                )]),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 1.5);
}

/// The answer in a colour that makes the open ones stand out.
fn answer_para(line: &AnswerLine) -> Para {
    let colour = match line.answer_key {
        "unanswered" => theme::MUTED,
        "unsure" => theme::severity(crate::scoring::Severity::Medium),
        _ => theme::INK,
    };
    Para::new(
        line.answer.as_str(),
        TextStyle::new(Weight::Regular, theme::TINY, colour).tight(),
    )
}

fn details(line: &AnswerLine) -> Vec<Para> {
    let mut paras = Vec::new();
    if !line.note.trim().is_empty() {
        paras.push(Para::new(line.note.as_str(), TINY));
    }
    if !line.na_reason.trim().is_empty() {
        paras.push(Para::new(
            format!("Not applicable because: {}", line.na_reason),
            SMALL,
        ));
    } else if line.answer_key == "na" {
        paras.push(Para::new(
            "No justification recorded; auditors ask for one.",
            TINY_GREY,
        ));
    }
    if let Some(assignment) = line.assignment() {
        paras.push(Para::new(assignment, TINY_GREY));
    }
    paras
}

/// Draws the appendix of every answer by criterion.
pub fn draw_answers(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::appendix(canvas, "Other answers by criterion", 80.0);
    let gaps = if model.gap_cards {
        "The gaps, with everything recorded for them, are in the gap register and the gap \
         details."
    } else {
        "The gaps are in the gap register; this short version leaves out their steps, \
         evidence and notes (`--appendix cards` adds them)."
    };
    let text = format!(
        "Every question in scope that is not a gap — met, not applicable or still open — with \
         the answer, note, owner and due date recorded for it, grouped by Trust Services \
         Criterion (ATT and CERT are the attestation and \u{201c}certification\u{201d} stage \
         questions). {gaps}"
    );
    blocks::paragraph(canvas, &text, SMALL_MUTED);
    let is_gap = |id: &str| model.gaps.iter().any(|gap| gap.question.id == id);
    let table = Table::new(&[0.45, 0.17, 0.38], &["Question", "Answer", "Note"]).dense(2.5);
    let mut rows = Vec::new();
    for group in &model.answers {
        let lines: Vec<&AnswerLine> = group.questions.iter().filter(|l| !is_gap(&l.id)).collect();
        if lines.is_empty() {
            continue;
        }
        let heading = format!("{}  {}", group.criterion, group.title);
        rows.push(Row {
            fill: Some(theme::PANEL),
            keep_with_next: true,
            ..Row::new(vec![Cell::spanning(
                3,
                vec![Para::new(
                    heading,
                    TextStyle::new(Weight::Bold, theme::TINY, theme::NAVY).tight(),
                )],
            )])
        });
        rows.extend(lines.into_iter().map(|line| {
            Row::new(vec![
                Cell::new(vec![Para::new(
                    format!("{}  ·  {}", line.title, line.id),
                    TINY,
                )]),
                Cell::new(vec![answer_para(line)]),
                Cell::new(details(line)),
            ])
        }));
    }
    table.draw(canvas, &rows);
    if !model.unscored_answers.is_empty() {
        canvas.advance(blocks::GAP);
        let text = format!(
            "Answers for questions this questionnaire does not know (kept in the assessment, not \
             scored): {}.",
            model.unscored_answers.join(", ")
        );
        blocks::paragraph(canvas, &text, SMALL_MUTED);
    }
    canvas.advance(blocks::GAP * 2.0);
}

/// Draws the method appendix, the attestation note and the disclaimer.
pub fn draw_method(canvas: &mut Canvas<'_>, model: &ReportModel) {
    blocks::appendix(canvas, "Method", 120.0);
    blocks::callout(
        canvas,
        "A report, not a certificate",
        &model.attestation_note,
        theme::NAVY,
    );
    blocks::subheading(canvas, "Answer scale", 60.0);
    let table = Table::new(
        &[0.07, 0.22, 0.41, 0.30],
        &["Key", "Answer", "Meaning", "Credits"],
    );
    let rows: Vec<Row> = model
        .method
        .scale
        .iter()
        .map(|step| {
            Row::new(vec![
                Cell::new(vec![Para::new(step.key, SMALL_BOLD)]),
                Cell::new(vec![Para::new(step.label, SMALL)]),
                Cell::new(vec![Para::new(step.meaning, SMALL)]),
                Cell::new(vec![Para::new(step.credits, SMALL)]),
            ])
        })
        .collect();
    table.draw(canvas, &rows);
    canvas.advance(blocks::GAP * 1.5);
    blocks::subheading(canvas, "Scores, verdicts and priorities", 40.0);
    for note in &model.method.notes {
        blocks::bullet(canvas, note, SMALL);
    }
    canvas.advance(blocks::GAP);
    blocks::callout(canvas, "Disclaimer", &model.disclaimer, theme::MUTED);
}
