//! The dashboard's progress panel: a trend line per stage from the history snapshots, what
//! changed since the last snapshot before today, the earliest report dates, and the
//! periodic controls that are overdue or due soon.

use std::cmp::Ordering;

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use crate::assessment::Snapshot;
use crate::time::calendar::{DEFAULT_WITHIN_DAYS, DueState, calendar};
use crate::time::compare::direction;
use crate::time::evidence::claims;
use crate::time::history::{self, stage_percents};
use crate::time::overdue::{Overdue, late_gaps};
use crate::time::registers;
use crate::time::timeline::timeline;
use crate::tui::app::{App, Session};

/// How many snapshots the trend shows.
const TREND_POINTS: usize = 16;

/// The figures as a small line of block characters, 0 % lowest, 100 % highest.
pub fn sparkline(values: &[u8]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|value| BARS[usize::from((*value).min(100)) * 7 / 100])
        .collect()
}

/// The last snapshot before `today` that carries figures, if any.
fn last_time(session: &Session, today: Date) -> Option<&Snapshot> {
    session
        .assessment
        .history
        .iter()
        .rev()
        .find(|snapshot| snapshot.date < today)
}

/// One line per stage: its trend over the last snapshots and now, its figure now, and the
/// change since `last`.
fn trend_lines(session: &Session, last: Option<&Snapshot>) -> Vec<Line<'static>> {
    let now = stage_percents(&session.card);
    let history = &session.assessment.history;
    let mut points: Vec<[u8; 3]> = history
        .iter()
        .skip(history.len().saturating_sub(TREND_POINTS))
        .filter_map(|snapshot| snapshot.readiness)
        .collect();
    if points.last() != Some(&now) {
        points.push(now);
    }
    let width = points.len();
    session
        .card
        .stages
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            let values: Vec<u8> = points.iter().map(|point| point[index]).collect();
            let change = last
                .and_then(|last| last.readiness)
                .map(|then| {
                    let points = i32::from(now[index]) - i32::from(then[index]);
                    format!(
                        "  {points:+} since {}",
                        last.map(|last| last.date).unwrap_or(Date::MIN)
                    )
                })
                .unwrap_or_default();
            Line::from(format!(
                "{:<16}{:<width$} {:>3} %{change}",
                stage.stage.label(),
                sparkline(&values),
                now[index]
            ))
        })
        .collect()
}

/// How many answers improved and regressed since `last`, in words.
fn since_last_time(app: &App, session: &Session, last: Option<&Snapshot>) -> String {
    let Some(last) = last else {
        return "Since last time: no earlier day in the history yet".into();
    };
    let then = history::as_of(&session.assessment.history, last.date).unwrap_or_default();
    let (mut improved, mut regressed) = (0, 0);
    for question in app.questionnaire.questions() {
        let before = then.get(&question.id).copied();
        match direction(before, session.assessment.answer(&question.id)) {
            Ordering::Greater => improved += 1,
            Ordering::Less => regressed += 1,
            Ordering::Equal => {}
        }
    }
    format!(
        "Since {}: {improved} answers improved, {regressed} regressed",
        last.date
    )
}

/// Draws the panel in `area` (nothing when the layout gave it no room).
pub fn render(frame: &mut Frame, area: Rect, app: &App, session: &Session) {
    if area.height == 0 {
        return;
    }
    let today = app.clock.today();
    let assessment = &session.assessment;
    let plan = timeline(&app.questionnaire, assessment, today);
    let dates = format!(
        "Type 1 as of {} (report {}) · Type 2 report {}",
        plan.type1.as_of, plan.type1.date, plan.type2.date
    );
    let due = calendar(&app.questionnaire, assessment, today, DEFAULT_WITHIN_DAYS);
    let count = |state: DueState| due.iter().filter(|item| item.state == state).count();
    // Gap due dates and periodic controls count alike, said apart (as `due` and the report).
    let late = late_gaps(&app.questionnaire, assessment, &session.card.gaps, today);
    let overdue = Overdue::of(&late, &due).with_registers(&registers::due(
        assessment,
        today,
        DEFAULT_WITHIN_DAYS,
    ));
    let first_overdue = late
        .first()
        .map(|gap| (gap.title.as_str(), gap.due))
        .or_else(|| {
            due.first()
                .filter(|item| item.state == DueState::Overdue)
                .and_then(|item| Some((item.title.as_str(), item.due?)))
        })
        .map(|(title, date)| format!(" — {title} (was due {date})"))
        .unwrap_or_default();
    let claimed = claims(&app.questionnaire, assessment).len();
    let due_line = Line::from(vec![
        Span::styled(
            format!("{}{first_overdue}", overdue.sentence()),
            if overdue.total() > 0 {
                app.theme.bad
            } else {
                app.theme.base
            },
        ),
        Span::raw(format!(
            " · {} due soon · {} never logged · {claimed} claimed, not evidenced",
            count(DueState::DueSoon),
            count(DueState::NeverLogged)
        )),
    ]);
    let last = last_time(session, today);
    let mut lines = trend_lines(session, last);
    lines.push(Line::from(since_last_time(app, session, last)));
    lines.push(Line::from(dates));
    lines.push(due_line);
    let paragraph = Paragraph::new(lines)
        .style(app.theme.base)
        .block(block(&app.theme, format!("Progress as of {today}")));
    frame.render_widget(paragraph, area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_span_the_eight_heights() {
        assert_eq!(sparkline(&[0, 14, 15, 50, 99, 100]), "▁▁▂▄▇█");
        assert_eq!(sparkline(&[]), "");
    }
}
