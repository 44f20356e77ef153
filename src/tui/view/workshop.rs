//! The workshop view for a projector: the question large with why it matters, the answer
//! keys, the session (attendees, the question's follow-up, the last decision), and beside
//! them the agenda with each section's time spent against its planned minutes and the
//! session clock. Names typed into the file are drawn through [`visible_line`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::wizard::render_answers;
use super::{block, elide, overflow, scrolled};
use crate::assessment::workshop::Workshop;
use crate::questionnaire::{Question, criterion};
use crate::text_safety::visible_line;
use crate::time::workshop::{clock_text, seconds_between, to_discuss};
use crate::tui::app::{App, Session, WorkshopView, answer_options};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Draws the workshop view in `body`.
pub fn render(frame: &mut Frame, body: Rect, app: &App) {
    let Some((session, view, question)) = current(app) else {
        let text = "Nothing to discuss: no question is in scope. Esc goes to the dashboard.";
        frame.render_widget(Paragraph::new(text).style(app.theme.dim), body);
        return;
    };
    let areas = layout::workshop(body, answer_options(question.kind).len());
    let title = section_heading(view, question);
    let frame_block =
        block(&app.theme, title).title_bottom(Line::styled(question.id.as_str(), app.theme.dim));
    scrolled(
        frame,
        areas.question,
        question_paragraph(&app.theme, question),
        frame_block,
        session.nav.scroll,
    );
    render_answers(frame, areas.answers, app, session, question, None);
    render_session(frame, areas.session, app, session, view, question);
    render_agenda(frame, areas.agenda, app, session, view);
}

/// How far the question text can scroll in the current terminal size.
pub fn max_scroll(app: &App) -> u16 {
    let Some((_, _, question)) = current(app) else {
        return 0;
    };
    let body = layout::chrome(app.size).body;
    let area = layout::workshop(body, answer_options(question.kind).len()).question;
    overflow(&question_paragraph(&app.theme, question), area)
}

/// Where the workshop's prompts open: over the session strip, so the question stays in
/// view for the room.
pub fn prompt_area(app: &App, body: Rect) -> Rect {
    let options = current(app).map_or(0, |(_, _, question)| answer_options(question.kind).len());
    let areas = layout::workshop(body, options);
    let height = 5.min(areas.session.bottom().saturating_sub(body.y));
    Rect {
        y: areas.session.bottom().saturating_sub(height),
        height,
        ..areas.session
    }
}

fn current(app: &App) -> Option<(&Session, &WorkshopView, &Question)> {
    let session = app.session.as_ref()?;
    let view = app.workshop.as_ref()?;
    Some((session, view, session.question(&app.questionnaire)?))
}

/// "CC6 · Access · question 3 of 12".
fn section_heading(view: &WorkshopView, question: &Question) -> String {
    let Some(index) = view.agenda.section_of(&question.id) else {
        return "Not on this agenda".to_string();
    };
    let section = &view.agenda.sections[index];
    let position = section
        .questions
        .iter()
        .position(|id| *id == question.id)
        .map_or(0, |at| at + 1);
    format!(
        "{} · question {position} of {}",
        visible_line(&section.title),
        section.questions.len()
    )
}

fn question_paragraph<'a>(theme: &Theme, question: &'a Question) -> Paragraph<'a> {
    let large = theme.heading.add_modifier(Modifier::BOLD);
    let mut title = vec![Span::styled(question.title.as_str(), large)];
    if question.key {
        title.push(Span::styled("  key control", theme.bad));
    }
    let place = match criterion(&question.criterion) {
        Some(found) => format!("{} · {}", found.id, found.title),
        None => format!("{} · {}", question.criterion, question.stage.label()),
    };
    let lines = vec![
        Line::from(title),
        Line::styled(place, theme.dim),
        Line::default(),
        Line::styled(
            question.prompt.as_str(),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::default(),
        Line::styled("Why it matters", theme.heading),
        Line::from(question.why.as_str()),
    ];
    Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false })
}

fn render_session(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    session: &Session,
    view: &WorkshopView,
    question: &Question,
) {
    let theme = &app.theme;
    let recorded: Option<&Workshop> = view
        .session
        .and_then(|index| session.assessment.workshops.get(index));
    let attendees = recorded
        .filter(|session| !session.attendees.is_empty())
        .map_or_else(
            || "— a lists who attends".to_string(),
            |session| visible_line(&session.attendees.join(", ")).into_owned(),
        );
    let parked = recorded.and_then(|session| session.follow_up_of(&question.id));
    let parked_line = match parked {
        Some(parked) => {
            let mut text = format!("Follow up: {}", visible_line(&parked.owner));
            if let Some(due) = parked.due {
                text.push_str(&format!(" by {due}"));
            }
            if !parked.note.is_empty() {
                text.push_str(&format!(" — {}", visible_line(&parked.note)));
            }
            Line::styled(text, theme.warn)
        }
        None => Line::styled("p parks this question for follow-up", theme.dim),
    };
    let decided = recorded
        .and_then(|session| session.decisions.last())
        .map_or_else(
            || Line::styled("d records a decision", theme.dim),
            |decision| Line::from(format!("Decided: {}", visible_line(&decision.text))),
        );
    let counts = recorded.map_or_else(String::new, |session| {
        format!(
            " Session · {} parked · {} decided ",
            session.follow_ups.len(),
            session.decisions.len()
        )
    });
    let lines = vec![
        Line::from(vec![
            Span::styled("Attending  ", theme.dim),
            Span::raw(attendees),
        ]),
        parked_line,
        decided,
    ];
    let title = if counts.is_empty() {
        " Session ".to_string()
    } else {
        counts
    };
    let paragraph = Paragraph::new(lines).block(
        Block::new()
            .borders(Borders::TOP)
            .border_type(theme.border_type)
            .border_style(theme.border)
            .title(Line::styled(title, theme.heading)),
    );
    frame.render_widget(paragraph, area);
}

fn render_agenda(frame: &mut Frame, area: Rect, app: &App, session: &Session, view: &WorkshopView) {
    let theme = &app.theme;
    let now = app.clock.now();
    let inner = layout::inner(area);
    let elapsed = seconds_between(view.started, now);
    let planned = i64::from(view.agenda.planned_minutes()) * 60;
    let clock_style = if elapsed > planned {
        theme.bad
    } else {
        theme.good
    };
    let spent = clock_text(elapsed);
    let plan = clock_text(planned);
    // The longest wording of the plan that fits beside the clock (after the column the
    // list keeps for its ▶).
    let room = usize::from(inner.width).saturating_sub(1 + "Session ".len() + spent.len());
    let suffix = [format!(" of {plan} planned"), format!(" of {plan}")]
        .into_iter()
        .find(|suffix| suffix.chars().count() <= room)
        .unwrap_or_else(|| format!("/{plan}"));
    let mut items = vec![
        ListItem::new(Line::from(vec![
            Span::styled("Session ", theme.dim),
            Span::styled(spent, clock_style),
            Span::styled(suffix, theme.dim),
        ])),
        ListItem::new(Line::default()),
    ];
    let current = session
        .question(&app.questionnaire)
        .and_then(|question| view.agenda.section_of(&question.id));
    let compact = inner.width < 40;
    for section in &view.agenda.sections {
        let spent = view.clock.spent_seconds(&section.title, now);
        let left = section
            .questions
            .iter()
            .filter(|id| to_discuss(session.assessment.answer(id)))
            .count();
        let time = if compact {
            format!("{}/{}m", clock_text(spent), section.planned_minutes)
        } else {
            format!("{} / {} min", clock_text(spent), section.planned_minutes)
        };
        let over = view.clock.is_over_time(section, now);
        let (mark, mark_style) = match (over, left) {
            (true, _) => ("! ", theme.bad),
            (false, 0) => ("✓ ", theme.good),
            _ => ("  ", theme.dim),
        };
        let room = inner
            .width
            .saturating_sub(u16::try_from(time.chars().count() + 5).unwrap_or(u16::MAX));
        let title = elide(&visible_line(&section.title), room);
        let pad = usize::from(room).saturating_sub(title.chars().count());
        let style = if over { theme.bad } else { Style::new() };
        items.push(ListItem::new(Line::from(vec![
            Span::styled(mark, mark_style),
            Span::styled(format!("{title}{} ", " ".repeat(pad)), style),
            Span::styled(time, if over { theme.bad } else { theme.dim }),
        ])));
    }
    let selected = current.map(|index| index + 2);
    let title = format!("Agenda {}", view.agenda.grouping.label());
    let list = List::new(items)
        .block(block(theme, title).title_bottom(Line::styled(" b regroups ", theme.dim)))
        .highlight_style(theme.selected)
        .highlight_symbol("▶");
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}
