//! The wizard: the sidebar, the current question (criterion, question, what the latest
//! imported exports show of it, why it matters, what an auditor will ask to see), the answer scale with the current answer highlighted, and
//! the note, owner and due date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, HighlightSpacing, List, ListItem, ListState, Paragraph, Wrap,
};

use super::{block, overflow, scrolled, sidebar};
use crate::assessment::{Answer, AnswerRecord, Assessment};
use crate::import::recorded;
use crate::questionnaire::{AnswerKind, Condition, Level, Question, criterion};
use crate::text_safety::visible_line;
use crate::time::evidence::{EVIDENCE_MONTHS_QUESTION, claim, suggest_months};
use crate::time::{register_notes, registers};
use crate::tui::app::{App, Screen, Session, answer_options};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Draws the wizard in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let Some((session, question)) = current(app) else {
        let text = "Nothing to ask: no question is in scope. Check the questionnaires.";
        frame.render_widget(Paragraph::new(text).style(app.theme.dim), body);
        return;
    };
    let options = answer_options(question.kind);
    let areas = layout::wizard(body, options.len());
    sidebar::render(frame, areas.sidebar, app, session, question);
    render_question(frame, areas.question, app, session, question);
    let suggested = (question.id == EVIDENCE_MONTHS_QUESTION)
        .then(|| suggest_months(&app.questionnaire, &session.assessment))
        .flatten()
        .map(|suggestion| suggestion.level);
    render_answers(frame, areas.answers, app, session, question, suggested);
    render_record(frame, areas.record, &app.theme, session, question);
}

/// The open session and its current question.
fn current(app: &App) -> Option<(&Session, &Question)> {
    let session = app.session.as_ref()?;
    Some((session, session.question(&app.questionnaire)?))
}

/// Where the note, owner, due date and N/A reason are edited in place: over the bottom of
/// the main pane, where they are shown.
pub fn record_area(app: &App, body: Rect) -> Rect {
    let options = current(app).map_or(0, |(_, question)| answer_options(question.kind).len());
    let record = layout::wizard(body, options).record;
    let height = 5.min(record.bottom().saturating_sub(body.y));
    Rect {
        y: record.bottom().saturating_sub(height),
        height,
        ..record
    }
}

/// How far the question text can scroll in the current terminal size.
pub fn max_scroll(app: &App) -> u16 {
    let Some((session, question)) = current(app) else {
        return 0;
    };
    let body = layout::chrome(app.size).body;
    let area = layout::wizard(body, answer_options(question.kind).len()).question;
    overflow(&question_paragraph(app, session, question), area)
}

fn question_paragraph<'a>(
    app: &'a App,
    session: &Session,
    question: &'a Question,
) -> Paragraph<'a> {
    let theme = &app.theme;
    let siblings: Vec<_> = session
        .visible(&app.questionnaire)
        .into_iter()
        .filter(|&index| app.questionnaire.questions()[index].criterion == question.criterion)
        .collect();
    let position = siblings
        .iter()
        .position(|&index| Some(index) == session.nav.current)
        .map_or(0, |at| at + 1);
    let mut place = format!(
        "Question {position} of {} in {} · {}",
        siblings.len(),
        question.criterion,
        question.stage.label()
    );
    if let Some(category) = question.category {
        place.push_str(&format!(" · {}", category.label()));
    }
    if !question.also_supports.is_empty() {
        place.push_str(&format!(
            " · also counts toward {}",
            question.also_supports.join(", ")
        ));
    }
    let mut title = vec![Span::styled(question.title.as_str(), theme.heading)];
    if question.key {
        title.push(Span::styled("  key control", theme.bad));
    }
    let mut lines = vec![Line::from(title), Line::styled(place, theme.dim)];
    if let Some(condition) = question
        .relevant_when
        .as_ref()
        .filter(|_| !session.assessment.is_relevant(question))
    {
        lines.push(Line::styled(not_yet_relevant(app, condition), theme.warn));
    }
    let today = app.clock.today();
    let findings = registers::findings(
        &app.questionnaire,
        &session.assessment,
        &session.card,
        today,
    );
    if let Some(note) =
        register_notes::note(&session.assessment, &findings, &question.criterion, today)
    {
        lines.push(Line::styled(visible_line(&note).into_owned(), theme.warn));
    }
    if let Some(conflict) = conflict_line(&session.assessment, question) {
        lines.push(Line::styled(
            visible_line(&conflict).into_owned(),
            theme.bad,
        ));
    }
    lines.extend([Line::default(), Line::from(question.prompt.as_str())]);
    if let Some(record) = session.assessment.record(&question.id) {
        let imported = recorded::finding_lines(record);
        if !imported.is_empty() {
            lines.extend([
                Line::default(),
                Line::styled("What the imported exports show", theme.heading),
            ]);
            lines.extend(
                imported
                    .iter()
                    .map(|line| Line::from(format!("• {}", visible_line(line)))),
            );
        }
    }
    lines.extend([
        Line::default(),
        Line::styled("Why it matters", theme.heading),
        Line::from(question.why.as_str()),
        Line::default(),
        Line::styled("An auditor will ask to see", theme.heading),
    ]);
    lines.extend(
        question
            .evidence
            .iter()
            .map(|item| Line::from(format!("• {item}"))),
    );
    Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false })
}

/// The marker of a merge conflict waiting on `question`, with the keys that settle it.
fn conflict_line(assessment: &Assessment, question: &Question) -> Option<String> {
    let sides: Vec<String> = assessment
        .conflict_views()
        .into_iter()
        .filter(|view| view.subject == question.id)
        .map(|view| {
            let shown = |text: &str| match Answer::from_key(text) {
                Some(answer) if view.field == "answer" => answer.label(question).to_string(),
                _ if text.is_empty() => "(none)".to_string(),
                _ => text.to_string(),
            };
            format!(
                "{}: ours {}, theirs {}",
                view.field,
                shown(&view.ours),
                shown(&view.theirs)
            )
        })
        .collect();
    (!sides.is_empty()).then(|| {
        format!(
            "Merge conflict ({}) — < keeps ours, > takes theirs",
            sides.join("; ")
        )
    })
}

/// Why a conditional question does not count yet, naming the answer that makes it count.
fn not_yet_relevant(app: &App, condition: &Condition) -> String {
    let needed = match app.questionnaire.question(&condition.question) {
        Some(decider) if decider.kind == AnswerKind::YesNo => {
            format!("{} is answered yes", decider.title)
        }
        Some(decider) => format!(
            "{} is at least “{}”",
            decider.title,
            decider.level_label(condition.at_least)
        ),
        None => format!("{} is answered", condition.question),
    };
    format!("Not yet relevant: it counts once {needed}; until then it is neither scored nor a gap.")
}

fn render_question(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    session: &Session,
    question: &Question,
) {
    let title = match criterion(&question.criterion) {
        Some(found) => format!("{} · {}", found.id, found.title),
        None => question.criterion.clone(),
    };
    let frame_block =
        block(&app.theme, title).title_bottom(Line::styled(question.id.as_str(), app.theme.dim));
    let paragraph = question_paragraph(app, session, question);
    scrolled(frame, area, paragraph, frame_block, session.nav.scroll);
}

/// The key that gives an answer.
fn answer_key(answer: Answer) -> String {
    match answer {
        Answer::Level(level) => level.number().to_string(),
        Answer::Yes => "y".into(),
        Answer::No => "n".into(),
        Answer::NotApplicable => "x".into(),
        Answer::Unsure => "u".into(),
    }
}

pub(super) fn render_answers(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    session: &Session,
    question: &Question,
    suggested: Option<Level>,
) {
    let theme = &app.theme;
    let record = session.assessment.record(&question.id);
    let current = record.and_then(|record| record.answer);
    let target = session.assessment.target;
    let needed = question.required_for(target);
    let items: Vec<ListItem<'_>> = answer_options(question.kind)
        .iter()
        .map(|&answer| {
            let mut spans = vec![
                Span::styled(format!(" {} ", answer_key(answer)), theme.key),
                Span::raw(format!(" {}", answer.label(question))),
            ];
            if question.kind == AnswerKind::Scale && answer == Answer::Level(needed) {
                spans.push(Span::styled(
                    format!("  ← needed for {}", target.label()),
                    theme.dim,
                ));
            }
            if suggested.is_some_and(|level| answer == Answer::Level(level)) {
                spans.push(Span::styled("  ← suggested by the evidence log", theme.dim));
            }
            if answer == Answer::NotApplicable
                && let Some(record) = record.filter(|record| !record.na_reason.is_empty())
            {
                let reason = visible_line(&record.na_reason);
                spans.push(Span::styled(format!(" — {reason}"), theme.dim));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let selected = current.and_then(|current| {
        answer_options(question.kind)
            .iter()
            .position(|&answer| answer == current)
    });
    let window = session.assessment.audit.window_months;
    let title = match (current, record.and_then(|record| claim(record, window))) {
        _ if record.is_some_and(AnswerRecord::lacks_na_reason) => {
            "Answer: N/A without a reason, counted as open (x to give one)".to_string()
        }
        // The evidence log opens from the wizard (v), not from the workshop view.
        (Some(answer), Some(_)) if app.screen == Screen::Workshop => format!(
            "Answer: {} · claimed, not evidenced",
            answer.label(question)
        ),
        (Some(answer), Some(_)) => format!(
            "Answer: {} · claimed, not evidenced (v)",
            answer.label(question)
        ),
        (Some(answer), None) => format!("Answer: {}", answer.label(question)),
        (None, _) => "Answer: not yet".to_string(),
    };
    let list = List::new(items)
        .block(
            Block::new()
                .borders(Borders::TOP)
                .border_type(theme.border_type)
                .border_style(theme.border)
                .title(Line::styled(title, theme.heading)),
        )
        .highlight_style(theme.selected)
        .highlight_symbol("▶")
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}

fn render_record(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    session: &Session,
    question: &Question,
) {
    let record = session
        .assessment
        .record(&question.id)
        .cloned()
        .unwrap_or_default();
    let or_dash = |text: String| {
        if text.is_empty() {
            "—".to_string()
        } else {
            text
        }
    };
    let lines = vec![
        Line::from(vec![
            Span::styled("Note   ", theme.dim),
            Span::raw(if record.note.is_empty() {
                "— press e to add one".to_string()
            } else {
                visible_line(&record.note).into_owned()
            }),
        ]),
        Line::from(vec![
            Span::styled("Owner  ", theme.dim),
            Span::raw(or_dash(visible_line(&record.owner).into_owned())),
            Span::styled("   Due  ", theme.dim),
            Span::raw(or_dash(
                record.due.map(|due| due.to_string()).unwrap_or_default(),
            )),
        ]),
    ];
    let paragraph = Paragraph::new(lines).block(
        Block::new()
            .borders(Borders::TOP)
            .border_type(theme.border_type)
            .border_style(theme.border)
            .title(Line::styled("Notes", theme.heading)),
    );
    frame.render_widget(paragraph, area);
}
