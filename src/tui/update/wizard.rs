//! The wizard: answer with one key and move on, move between questions and criteria,
//! open the prompts (note, owner, due date, N/A reason, go to, search) and filter.

use super::{go_home, persist};
use crate::assessment::Answer;
use crate::assessment::conflicts::Take;
use crate::questionnaire::{Questionnaire, Target};
use crate::scoring::criterion_readiness;
use crate::time::workshop::Grouping;
use crate::tui::action::Action;
use crate::tui::app::{App, Filter, Prompt, PromptKind, Row, Screen, Session, Status, Tone};
use crate::tui::keymap;
use crate::tui::view;

/// Handles the wizard's actions.
pub fn update(app: &mut App, action: Action) {
    let Some(session) = app.session.as_mut() else {
        app.screen = Screen::Home;
        return;
    };
    let changes_answers = matches!(
        action,
        Action::Answer(_)
            | Action::EditNote
            | Action::EditOwner
            | Action::EditDue
            | Action::TakeOurs
            | Action::TakeTheirs
    );
    if changes_answers && let Some(reason) = &session.read_only {
        app.status = Status::new(Tone::Error, format!("READ-ONLY, nothing changed: {reason}"));
        return;
    }
    let questionnaire = &app.questionnaire;
    let visible = session.visible(questionnaire);
    let nav = &mut session.nav;
    match action {
        Action::Answer(answer) => answer_current(app, answer),
        Action::NextQuestion => nav.step(&visible, true),
        Action::PrevQuestion => nav.step(&visible, false),
        Action::NextCriterion => nav.step_criterion(questionnaire, &visible, true),
        Action::PrevCriterion => nav.step_criterion(questionnaire, &visible, false),
        Action::NextUnanswered => {
            let moved = nav.next_unanswered(questionnaire, &session.assessment, &visible);
            if !moved {
                app.status = Status::new(Tone::Info, "Every question shown here has an answer.");
            }
        }
        Action::Select(row) => select_row(session, questionnaire, row),
        Action::EditNote | Action::EditOwner | Action::EditDue => {
            if let Some(prompt) = record_prompt(session, questionnaire, action) {
                app.prompt = Some(prompt);
            }
        }
        Action::GoTo => app.prompt = Some(Prompt::new(PromptKind::GoTo, "")),
        Action::Search => app.prompt = Some(Prompt::new(PromptKind::Search, &nav.search)),
        Action::CycleStage | Action::CycleCategory => {
            nav.filter = nav.next_filter(
                questionnaire,
                &session.assessment,
                action == Action::CycleStage,
            );
            let visible = session.visible(questionnaire);
            session.nav.settle(&visible);
        }
        Action::ClearFilters => {
            nav.filter = Filter::All;
            nav.search.clear();
        }
        Action::PageUp => nav.scroll = nav.scroll.saturating_sub(5),
        Action::PageDown => {
            nav.scroll = nav.scroll.saturating_add(5);
            let most = view::question_max_scroll(app);
            if let Some(session) = app.session.as_mut() {
                session.nav.scroll = session.nav.scroll.min(most);
            }
        }
        Action::ShowDashboard => app.screen = Screen::Dashboard,
        Action::Workshop => super::workshop::open(app, Grouping::Group, None),
        Action::OpenEvidence if session.question(questionnaire).is_some() => {
            app.evidence = Some(0);
            super::evidence::refresh_files(app);
        }
        Action::TakeOurs => resolve_current(app, Take::Ours),
        Action::TakeTheirs => resolve_current(app, Take::Theirs),
        Action::Back => go_home(app),
        _ => {}
    }
}

/// Settles the current question's merge conflict by taking one side, and saves.
fn resolve_current(app: &mut App, take: Take) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let Some(id) = session.question(&app.questionnaire).map(|q| q.id.clone()) else {
        return;
    };
    match session.assessment.resolve(&id, take) {
        Ok(0) => app.status = Status::new(Tone::Info, "No merge conflict waits on this question."),
        Ok(_) => persist(app),
        Err(message) => app.status = Status::new(Tone::Error, format!("{id}: {message}")),
    }
}

/// Answers the current question and moves to the next one; N/A first asks why.
fn answer_current(app: &mut App, answer: Answer) {
    let Some(criterion) = set_current_answer(app, answer) else {
        return;
    };
    if let Some(session) = app.session.as_mut() {
        advance(session, &app.questionnaire);
    }
    persist(app);
    explain_type2_once(app, &criterion);
}

/// Sets the current question's answer (not yet saved) and returns its criterion; N/A opens
/// the prompt asking why instead, and an answer of the wrong kind says how the question is
/// answered (both `None`).
pub fn set_current_answer(app: &mut App, answer: Answer) -> Option<String> {
    let session = app.session.as_mut()?;
    let question = session.question(&app.questionnaire)?;
    if !answer.fits(question) {
        app.status = Status::new(Tone::Info, keymap::wrong_kind_message(question.kind));
        return None;
    }
    if answer == Answer::NotApplicable {
        let reason = session
            .assessment
            .record(&question.id)
            .map_or("", |record| record.na_reason.as_str());
        app.prompt = Some(Prompt::new(PromptKind::NaReason, reason));
        return None;
    }
    let id = question.id.clone();
    let criterion = question.criterion.clone();
    session.type2_note = None;
    session.assessment.edit(&id, |record| {
        record.answer = Some(answer);
        record.na_reason.clear();
    });
    Some(criterion)
}

/// The first time in a session that a criterion is fully answered yet scores lower toward
/// a Type 2 target than it would toward Type 1, says why once, under the sidebar.
fn explain_type2_once(app: &mut App, criterion: &str) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    if session.type2_explained || session.assessment.target != Target::Type2 {
        return;
    }
    let Some(score) = session.card.criterion(criterion) else {
        return;
    };
    let type2 = score.readiness.percent();
    let type1 = criterion_readiness(
        &app.questionnaire,
        &session.assessment,
        criterion,
        Target::Type1,
    )
    .percent();
    if score.tally.unanswered > 0 || type2 >= type1 {
        return;
    }
    let (Some(type2), Some(type1)) = (type2, type1) else {
        return;
    };
    session.type2_explained = true;
    session.type2_note = Some(format!(
        "{criterion} is answered: {type2} % toward Type 2, which counts only controls \
         operating over time (level 4). Toward Type 1 it would be {type1} %."
    ));
}

/// Moves to the next visible question after an answer.
pub fn advance(session: &mut Session, questionnaire: &Questionnaire) {
    let visible = session.visible(questionnaire);
    session.nav.step(&visible, true);
}

/// Goes to the first visible question under sidebar row `row` (a stage, a category or a
/// criterion).
fn select_row(session: &mut Session, questionnaire: &Questionnaire, row: usize) {
    let rows = session.nav.sidebar(questionnaire, &session.assessment);
    let Some(row) = rows.get(row).copied() else {
        return;
    };
    let under = |question: &crate::questionnaire::Question| match row {
        Row::Stage(stage) => question.stage == stage,
        Row::Category(category) => question.category == Some(category),
        Row::Criterion(criterion) => question.criterion == criterion,
    };
    let first = session
        .visible(questionnaire)
        .into_iter()
        .find(|&index| under(&questionnaire.questions()[index]));
    if let Some(index) = first {
        session.nav.go(index);
    }
}

/// The prompt editing the current question's note, owner or due date.
fn record_prompt(
    session: &Session,
    questionnaire: &Questionnaire,
    action: Action,
) -> Option<Prompt> {
    let question = session.question(questionnaire)?;
    let record = session
        .assessment
        .record(&question.id)
        .cloned()
        .unwrap_or_default();
    Some(match action {
        Action::EditNote => Prompt::new(PromptKind::Note, &record.note),
        Action::EditOwner => Prompt::new(PromptKind::Owner, &record.owner),
        _ => Prompt::new(
            PromptKind::Due,
            &record.due.map(|due| due.to_string()).unwrap_or_default(),
        ),
    })
}
