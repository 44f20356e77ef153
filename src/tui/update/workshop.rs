//! The workshop view: moving through the agenda (question, section, next to discuss) while
//! the section clock runs, answering with the wizard's keys, and recording the session —
//! attendees, decisions, the parking lot — saved at once like any answer.

use super::persist;
use super::prompt::parse_due;
use super::wizard::set_current_answer;
use crate::assessment::workshop::{Decision, FollowUp, Workshop, attendee_list};
use crate::time::workshop::{Grouping, to_discuss};
use crate::tui::action::Action;
use crate::tui::app::{App, Prompt, PromptKind, Screen, Status, Tone, WorkshopView, whole_second};
use crate::tui::view;

/// Opens the workshop view on the open assessment, grouped by `grouping`, with `length`
/// minutes shared over the sections if given. Today's session is resumed; a new one is
/// recorded only once something happens in it. Stays on the current question when it is
/// on the agenda, else goes to the first question still to discuss.
pub fn open(app: &mut App, grouping: Grouping, length: Option<u32>) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let view = WorkshopView::open(
        &app.questionnaire,
        &session.assessment,
        grouping,
        length,
        app.clock.now(),
        app.clock.today(),
    );
    let current = session
        .question(&app.questionnaire)
        .map(|question| question.id.clone())
        .filter(|id| view.agenda.section_of(id).is_some());
    let first = view
        .agenda
        .questions()
        .find(|id| to_discuss(session.assessment.answer(id)))
        .or_else(|| view.agenda.questions().next())
        .map(str::to_string);
    let resumed = view.session.is_some();
    app.workshop = Some(view);
    app.screen = Screen::Workshop;
    if let Some(id) = current.or(first) {
        go(app, &id);
    }
    app.status = Status::new(
        Tone::Info,
        if resumed {
            "Today's workshop session resumed: the session clock counts from its start."
        } else {
            "Workshop: a for attendees, p parks a question, d records a decision; Esc ends it."
        },
    );
}

/// Handles the workshop view's actions.
pub fn update(app: &mut App, action: Action) {
    let changes = matches!(
        action,
        Action::Answer(_)
            | Action::FollowUp
            | Action::RecordDecision
            | Action::EditAttendees
            | Action::EditNote
    );
    if changes && let Some(reason) = app.session.as_ref().and_then(|s| s.read_only.as_ref()) {
        app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        return;
    }
    match action {
        Action::Answer(answer) if set_current_answer(app, answer).is_some() => {
            step_question(app, true);
            persist(app);
        }
        Action::NextQuestion => step_question(app, true),
        Action::PrevQuestion => step_question(app, false),
        Action::NextCriterion => step_section(app, true),
        Action::PrevCriterion => step_section(app, false),
        Action::NextUnanswered => next_to_discuss(app),
        Action::FollowUp => app.prompt = follow_up_prompt(app),
        Action::RecordDecision => {
            app.prompt = Some(Prompt::new(PromptKind::WorkshopDecision, ""));
        }
        Action::EditAttendees => {
            let names = recorded(app).map_or_else(String::new, |s| s.attendees.join(", "));
            app.prompt = Some(Prompt::new(PromptKind::Attendees, &names));
        }
        Action::EditNote => {
            let note = current_id(app)
                .and_then(|id| app.session.as_ref()?.assessment.record(&id).cloned())
                .map(|record| record.note)
                .unwrap_or_default();
            app.prompt = Some(Prompt::new(PromptKind::Note, &note));
        }
        Action::Regroup => regroup(app),
        Action::PageUp | Action::PageDown => scroll(app, action == Action::PageDown),
        Action::Back => {
            record_end(app);
            if let Some(view) = app.workshop.as_mut() {
                view.clock.pause(app.clock.now());
            }
            app.workshop = None;
            app.screen = Screen::Dashboard;
        }
        _ => {}
    }
}

/// Notes that something happened in the session (called before every save while the
/// workshop view is open): the session is added to the assessment the first time.
pub fn record_activity(app: &mut App) {
    if app.screen == Screen::Workshop {
        recorded_mut(app);
    }
}

/// Records that the session ended now, when anything was recorded in it (leaving the
/// view, quitting).
pub fn record_end(app: &mut App) {
    let writable = app.session.as_ref().is_some_and(|s| s.read_only.is_none());
    if app.screen != Screen::Workshop || !writable || recorded(app).is_none() {
        return;
    }
    let now = whole_second(app.clock.now());
    if let Some(session) = recorded_mut(app) {
        session.ended = Some(now);
    }
    persist(app);
}

/// Goes to the next question on the agenda after an answer given in a prompt (N/A).
pub fn after_answer(app: &mut App) {
    step_question(app, true);
}

/// The prompt's text as the parking-lot entry of `question`: `OWNER | DUE | NOTE`, an owner
/// required, the due date strict (`YYYY-MM-DD`) or empty. Empty text means "remove it"
/// (`None`).
pub fn parse_follow_up(question: &str, text: &str) -> Result<Option<FollowUp>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let mut parts = text.splitn(3, '|').map(str::trim);
    let owner = parts.next().unwrap_or_default();
    if owner.is_empty() {
        return Err("Name who follows it up first: OWNER | DUE | NOTE.".into());
    }
    let due = parse_due(parts.next().unwrap_or_default())?;
    Ok(Some(FollowUp {
        question: question.to_string(),
        owner: owner.to_string(),
        due,
        note: parts.next().unwrap_or_default().to_string(),
    }))
}

/// Parks the current question (or takes it off the parking lot with empty text).
pub fn submit_follow_up(app: &mut App, text: &str) -> Result<(), String> {
    let Some(id) = current_id(app) else {
        return Ok(());
    };
    let follow_up = parse_follow_up(&id, text)?;
    let Some(session) = recorded_mut(app) else {
        return Ok(());
    };
    match follow_up {
        Some(follow_up) => session.follow_up(follow_up),
        None => session.follow_ups.retain(|other| other.question != id),
    }
    persist(app);
    Ok(())
}

/// Records a decision about the current question.
pub fn submit_decision(app: &mut App, text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("Write the decision in one line (Esc cancels).".into());
    }
    let question = current_id(app);
    if let Some(session) = recorded_mut(app) {
        session.decisions.push(Decision {
            text: text.to_string(),
            question,
        });
    }
    persist(app);
    Ok(())
}

/// Sets who attends, from a comma-separated list (repeats dropped).
pub fn submit_attendees(app: &mut App, text: &str) -> Result<(), String> {
    if let Some(session) = recorded_mut(app) {
        session.attendees = attendee_list(text);
    }
    persist(app);
    Ok(())
}

/// The session this view records into, if it was recorded yet.
fn recorded(app: &App) -> Option<&Workshop> {
    let index = app.workshop.as_ref()?.session?;
    app.session.as_ref()?.assessment.workshops.get(index)
}

/// The session this view records into, added to the assessment if it is not there yet
/// (or no longer is: the file was loaded again from disk).
fn recorded_mut(app: &mut App) -> Option<&mut Workshop> {
    let view = app.workshop.as_mut()?;
    let workshops = &mut app.session.as_mut()?.assessment.workshops;
    let still_there = view
        .session
        .and_then(|index| workshops.get(index))
        .is_some_and(|session| session.started == view.started);
    if !still_there {
        let today = app.clock.today();
        workshops.push(Workshop::new(today, view.started));
        view.session = Some(workshops.len() - 1);
    }
    view.session.and_then(|index| workshops.get_mut(index))
}

/// The current question's id.
fn current_id(app: &App) -> Option<String> {
    let session = app.session.as_ref()?;
    session.question(&app.questionnaire).map(|q| q.id.clone())
}

/// Makes question `id` current and counts the time toward its section from now.
fn go(app: &mut App, id: &str) {
    let Some(index) = app
        .questionnaire
        .questions()
        .iter()
        .position(|q| q.id == id)
    else {
        return;
    };
    if let Some(session) = app.session.as_mut() {
        session.nav.go(index);
    }
    let now = app.clock.now();
    if let Some(view) = app.workshop.as_mut()
        && let Some(title) = view.section_title(id).map(str::to_string)
    {
        view.clock.enter(&title, now);
    }
}

/// The agenda's question ids and the position of the current one in them.
fn agenda_position(app: &App) -> (Vec<String>, Option<usize>) {
    let Some(view) = app.workshop.as_ref() else {
        return (Vec::new(), None);
    };
    let order: Vec<String> = view.agenda.questions().map(str::to_string).collect();
    let current = current_id(app);
    let at = order.iter().position(|id| Some(id) == current.as_ref());
    (order, at)
}

fn step_question(app: &mut App, forward: bool) {
    let (order, at) = agenda_position(app);
    let target = match (at, forward) {
        (None, _) => order.first(),
        (Some(at), true) => order.get(at + 1),
        (Some(at), false) => at.checked_sub(1).and_then(|at| order.get(at)),
    };
    match target {
        Some(id) => go(app, &id.clone()),
        None if forward => {
            app.status = Status::new(Tone::Info, "That was the last question on the agenda.");
        }
        None => app.status = Status::new(Tone::Info, "This is the first question on the agenda."),
    }
}

fn step_section(app: &mut App, forward: bool) {
    let Some(view) = app.workshop.as_ref() else {
        return;
    };
    let current = current_id(app).and_then(|id| view.agenda.section_of(&id));
    let target = match (current, forward) {
        (None, _) => Some(0),
        (Some(at), true) => Some(at + 1),
        (Some(at), false) => at.checked_sub(1),
    };
    let first = target
        .and_then(|at| view.agenda.sections.get(at))
        .and_then(|section| section.questions.first())
        .cloned();
    if let Some(id) = first {
        go(app, &id);
    }
}

fn next_to_discuss(app: &mut App) {
    let (order, at) = agenda_position(app);
    let Some(session) = app.session.as_ref() else {
        return;
    };
    // Every other question, from the one after the current, wrapping around.
    let start = at.map_or(0, |at| at + 1);
    let others = order.len().saturating_sub(usize::from(at.is_some()));
    let next = (0..others)
        .map(|offset| &order[(start + offset) % order.len()])
        .find(|id| to_discuss(session.assessment.answer(id)))
        .cloned();
    match next {
        Some(id) => go(app, &id),
        None => {
            app.status = Status::new(
                Tone::Info,
                "Every other question on the agenda is answered.",
            );
        }
    }
}

fn follow_up_prompt(app: &App) -> Option<Prompt> {
    let id = current_id(app)?;
    let record = app
        .session
        .as_ref()?
        .assessment
        .record(&id)
        .cloned()
        .unwrap_or_default();
    let text = match recorded(app).and_then(|session| session.follow_up_of(&id)) {
        Some(parked) => format!(
            "{} | {} | {}",
            parked.owner,
            parked.due.map(|due| due.to_string()).unwrap_or_default(),
            parked.note
        ),
        None if record.owner.is_empty() => String::new(),
        None => format!(
            "{} | {} | ",
            record.owner,
            record.due.map(|due| due.to_string()).unwrap_or_default()
        ),
    };
    Some(Prompt::new(PromptKind::FollowUp, &text))
}

fn regroup(app: &mut App) {
    let current = current_id(app);
    let Some((view, session)) = app.workshop.as_mut().zip(app.session.as_ref()) else {
        return;
    };
    let grouping = view.agenda.grouping.toggled();
    view.regroup(&app.questionnaire, &session.assessment, grouping);
    app.status = Status::new(Tone::Info, format!("Agenda {}.", grouping.label()));
    if let Some(id) = current {
        go(app, &id);
    }
}

fn scroll(app: &mut App, down: bool) {
    let most = view::workshop_max_scroll(app);
    if let Some(session) = app.session.as_mut() {
        let scroll = &mut session.nav.scroll;
        *scroll = if down {
            scroll.saturating_add(5).min(most)
        } else {
            scroll.saturating_sub(5)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    #[test]
    fn a_follow_up_needs_an_owner_and_a_real_date() {
        let parked = parse_follow_up("CC6.1.mfa", " Ana (CTO) | 2026-12-18 | check | the report")
            .unwrap()
            .unwrap();
        assert_eq!(parked.owner, "Ana (CTO)");
        assert_eq!(parked.due, Some(Date::constant(2026, 12, 18)));
        assert_eq!(parked.note, "check | the report");
        let no_date = parse_follow_up("CC6.1.mfa", "Ben").unwrap().unwrap();
        assert_eq!((no_date.due, no_date.note.as_str()), (None, ""));
        assert_eq!(parse_follow_up("CC6.1.mfa", "  "), Ok(None));
        assert!(
            parse_follow_up("CC6.1.mfa", " | 2026-12-18")
                .unwrap_err()
                .contains("OWNER")
        );
        assert!(
            parse_follow_up("CC6.1.mfa", "Ana | next week")
                .unwrap_err()
                .contains("not a date")
        );
    }
}
