//! The minutes of a workshop: the sessions held since a date (times, attendees, decisions,
//! parking lot), what the history says changed in the answers since then, the Unsure
//! answers left to find out, and the three stage readiness figures before and after. A
//! pure model ([`Minutes::build`]) rendered as Markdown ([`markdown`]) or PDF ([`pdf`]).

mod markdown;

use std::fmt;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::Rendered;
use super::prepared::Branding;
use super::{Paper, pdf as pdf_renderer};
use crate::assessment::workshop::{Decision, Workshop};
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Question, Questionnaire, Stage, Target};
use crate::scoring::Policy;
use crate::time::{coverage, history};

/// The minutes of the workshop sessions held on or after [`Minutes::since`].
#[derive(Debug, Clone, PartialEq)]
pub struct Minutes {
    /// The organisation assessed.
    pub organization: String,
    /// Who prepared the minutes (the assessment's assessor; may be empty).
    pub assessor: String,
    /// The report type the attestation figure is measured toward.
    pub target: Target,
    /// The day the minutes were written.
    pub generated: Date,
    /// The first day the minutes cover; the answers are compared with the day before.
    pub since: Date,
    /// Whether the history holds answers from before `since`; without them every answer
    /// is listed as new and the "before" readiness is zero.
    pub history_before: bool,
    /// The sessions held since then, oldest first (may be empty with an explicit date).
    pub sessions: Vec<Session>,
    /// Who attended any of the sessions, in order of first mention.
    pub attendees: Vec<String>,
    /// The answers that differ from the day before `since`, in questionnaire order.
    pub changes: Vec<Change>,
    /// What is left to follow up: the parking lot, then the Unsure answers in scope.
    pub follow_ups: Vec<FollowUpLine>,
    /// The decisions taken in the sessions, in the order recorded.
    pub decisions: Vec<Decision>,
    /// The three stage readiness figures then and now, in stage order.
    pub readiness: Vec<StageChange>,
}

/// One session as the minutes show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The day it was held.
    pub date: Date,
    /// When it started, `HH:MM` in the local time zone.
    pub started: String,
    /// When it ended, `HH:MM`, if recorded.
    pub ended: Option<String>,
    /// How long it lasted in minutes, when the end is recorded and after the start.
    pub minutes: Option<i64>,
}

impl Session {
    /// "13:00–14:30 (1 h 30 min)", or "from 13:00 (end not recorded)".
    pub fn times(&self) -> String {
        match (&self.ended, self.minutes) {
            (Some(ended), Some(minutes)) => {
                format!("{}–{ended} ({})", self.started, duration_text(minutes))
            }
            (Some(ended), None) => format!("{}–{ended}", self.started),
            (None, _) => format!("from {} (end not recorded)", self.started),
        }
    }
}

/// One answer that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The question id.
    pub question: String,
    /// The criterion it is filed under ("" for a question this questionnaire lacks).
    pub criterion: String,
    /// The question's title ("" for a question this questionnaire lacks).
    pub title: String,
    /// The answer before, as shown to people ("unanswered" when there was none).
    pub before: String,
    /// The answer now, as shown to people ("unanswered" when cleared).
    pub after: String,
}

impl Change {
    /// "unanswered → In place".
    pub fn arrow(&self) -> String {
        format!("{} → {}", self.before, self.after)
    }
}

/// One question to follow up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpLine {
    /// The question id.
    pub question: String,
    /// The question's title ("" for a question this questionnaire lacks).
    pub title: String,
    /// Who follows it up ("" when nobody is named yet).
    pub owner: String,
    /// By when, if set.
    pub due: Option<Date>,
    /// What is to be found out (may be empty).
    pub note: String,
    /// Whether it is listed because the question is answered Unsure (not from the parking lot).
    pub unsure: bool,
}

impl FollowUpLine {
    /// The owner, or "no owner yet".
    pub fn owner_text(&self) -> &str {
        if self.owner.trim().is_empty() {
            "no owner yet"
        } else {
            &self.owner
        }
    }

    /// The due date, or "no due date".
    pub fn due_text(&self) -> String {
        self.due
            .map_or_else(|| "no due date".to_string(), |due| due.to_string())
    }
}

/// One stage's readiness before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    /// The stage.
    pub stage: Stage,
    /// Whole percent the day before `since`.
    pub before: u8,
    /// Whole percent now.
    pub after: u8,
}

impl StageChange {
    /// The stage's label as every report shows it ("Compliance", "“Certification”").
    pub fn label(&self) -> &'static str {
        self.stage.label()
    }

    /// "12 % → 31 %".
    pub fn arrow(&self) -> String {
        format!("{} % → {} %", self.before, self.after)
    }
}

/// No workshop session is recorded and no date was given to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSession;

impl fmt::Display for NoSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "no workshop session is recorded in this assessment: run the workshop view first \
             (`soc2-ready workshop PATH`) or pass --since DATE",
        )
    }
}

impl std::error::Error for NoSession {}

impl Minutes {
    /// What the answers are compared with, in words.
    pub fn compared_with(&self) -> String {
        if self.history_before {
            format!("the answers as they stood before {}", self.since)
        } else {
            format!(
                "nothing: the history holds no answers from before {}, so every answer is listed as new",
                self.since
            )
        }
    }

    /// The minutes of the sessions held on or after `since` (default: the day of the latest
    /// session), with times shown in `zone`. The answers are compared with the history as
    /// it stood the day before `since` (nothing answered if it has no snapshot by then).
    pub fn build(
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        policy: &Policy,
        since: Option<Date>,
        today: Date,
        zone: &TimeZone,
    ) -> Result<Minutes, NoSession> {
        let since = since
            .or_else(|| {
                assessment
                    .workshops
                    .iter()
                    .map(|session| session.date)
                    .max()
            })
            .ok_or(NoSession)?;
        let held: Vec<&Workshop> = assessment
            .workshops
            .iter()
            .filter(|session| session.date >= since)
            .collect();
        let day_before = since.checked_sub(1.day()).unwrap_or(Date::MIN);
        let recorded_before = history::as_of(&assessment.history, day_before);
        let history_before = recorded_before.is_some();
        let before = recorded_before.unwrap_or_default();
        let then = as_it_stood(assessment, &before, since);
        let then_card = coverage::scorecard(questionnaire, &then, policy, day_before);
        let now_card = coverage::scorecard(questionnaire, assessment, policy, today);
        let (then_percents, now_percents) = (
            history::stage_percents(&then_card),
            history::stage_percents(&now_card),
        );
        Ok(Minutes {
            organization: assessment.organization.clone(),
            assessor: assessment.assessor.clone(),
            target: assessment.target,
            generated: today,
            history_before,
            since,
            sessions: held
                .iter()
                .map(|session| session_of(session, zone))
                .collect(),
            attendees: attendees(&held),
            changes: changes(questionnaire, &before, &history::current(assessment)),
            follow_ups: follow_ups(questionnaire, assessment, &held),
            decisions: held
                .iter()
                .flat_map(|session| session.decisions.iter().cloned())
                .collect(),
            readiness: Stage::ALL
                .iter()
                .enumerate()
                .map(|(index, &stage)| StageChange {
                    stage,
                    before: then_percents[index],
                    after: now_percents[index],
                })
                .collect(),
        })
    }

    /// The minutes as Markdown, control characters made visible.
    pub fn markdown(&self) -> String {
        crate::text_safety::visible_text(&markdown::render(self)).into_owned()
    }

    /// The minutes as a PDF on `paper`, with the preparer's `branding` in the footer.
    pub fn pdf(&self, branding: &Branding, paper: Paper) -> Rendered {
        pdf_renderer::render_minutes(self, branding, paper)
    }

    /// The default file name: `<org-stem>-soc2-workshop-minutes-<since>.<extension>`.
    pub fn file_name(&self, extension: &str) -> String {
        format!(
            "{}-soc2-workshop-minutes-{}.{extension}",
            crate::assessment::store::safe_file_stem(&self.organization),
            self.since
        )
    }
}

/// The assessment with the `before` answers, the N/A reasons they need and the evidence
/// collected before `since`: what it looked like then, for scoring.
fn as_it_stood(assessment: &Assessment, before: &history::Answers, since: Date) -> Assessment {
    let mut then = history::with_answers(assessment, before);
    for (id, record) in &assessment.answers {
        let evidence: Vec<_> = record
            .evidence
            .iter()
            .filter(|entry| entry.collected < since)
            .cloned()
            .collect();
        let na = before.get(id) == Some(&Answer::NotApplicable);
        then.edit(id, |then| {
            then.evidence = evidence;
            if na {
                then.na_reason = record.na_reason.clone();
            }
        });
    }
    then
}

fn session_of(session: &Workshop, zone: &TimeZone) -> Session {
    let clock = |at: Timestamp| {
        at.to_zoned_datetime(zone.clone())
            .strftime("%H:%M")
            .to_string()
    };
    Session {
        date: session.date,
        started: clock(session.started),
        ended: session.ended.map(clock),
        minutes: session
            .ended
            .map(|ended| (ended.as_second() - session.started.as_second()) / 60)
            .filter(|minutes| *minutes >= 0),
    }
}

/// "45 min", "1 h", "1 h 30 min".
fn duration_text(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// Everyone who attended, first mention kept, repeats in any case dropped.
fn attendees(held: &[&Workshop]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in held.iter().flat_map(|session| &session.attendees) {
        if !names
            .iter()
            .any(|other| other.to_lowercase() == name.to_lowercase())
        {
            names.push(name.clone());
        }
    }
    names
}

/// Where `id` comes in the questionnaire (unknown ids after every known one).
fn position(questionnaire: &Questionnaire, id: &str) -> usize {
    questionnaire
        .questions()
        .iter()
        .position(|question| question.id == id)
        .unwrap_or(usize::MAX)
}

/// An answer as shown for `question`, or by its default label for an unknown question.
fn answer_label(answer: Option<Answer>, question: Option<&Question>) -> String {
    match (answer, question) {
        (None, _) => "unanswered".to_string(),
        (Some(answer), Some(question)) => answer.label(question).to_string(),
        (Some(Answer::Level(level)), None) => level.label().to_string(),
        (Some(answer), None) => match answer {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::NotApplicable => "Not applicable",
            _ => "Unsure",
        }
        .to_string(),
    }
}

fn changes(
    questionnaire: &Questionnaire,
    before: &history::Answers,
    now: &history::Answers,
) -> Vec<Change> {
    let mut ids: Vec<&String> = before.keys().chain(now.keys()).collect();
    ids.sort_by_key(|id| (position(questionnaire, id), id.as_str()));
    ids.dedup();
    ids.into_iter()
        .filter(|id| before.get(*id) != now.get(*id))
        .map(|id| {
            let question = questionnaire.question(id);
            Change {
                question: id.clone(),
                criterion: question.map_or_else(String::new, |q| q.criterion.clone()),
                title: question.map_or_else(String::new, |q| q.title.clone()),
                before: answer_label(before.get(id).copied(), question),
                after: answer_label(now.get(id).copied(), question),
            }
        })
        .collect()
}

/// The parking lot of the sessions (a later session's entry for a question replaces an
/// earlier one), then every Unsure answer in scope the parking lot does not already name.
fn follow_ups(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    held: &[&Workshop],
) -> Vec<FollowUpLine> {
    let title = |id: &str| {
        questionnaire
            .question(id)
            .map_or_else(String::new, |question| question.title.clone())
    };
    let mut lines: Vec<FollowUpLine> = Vec::new();
    for follow_up in held.iter().flat_map(|session| &session.follow_ups) {
        let line = FollowUpLine {
            question: follow_up.question.clone(),
            title: title(&follow_up.question),
            owner: follow_up.owner.clone(),
            due: follow_up.due,
            note: follow_up.note.clone(),
            unsure: false,
        };
        match lines
            .iter_mut()
            .find(|other| other.question == line.question)
        {
            Some(other) => *other = line,
            None => lines.push(line),
        }
    }
    for question in questionnaire.questions() {
        let unsure = assessment.answer(&question.id) == Some(Answer::Unsure);
        if !unsure
            || !assessment.in_scope(question)
            || lines.iter().any(|line| line.question == question.id)
        {
            continue;
        }
        let record = assessment.record(&question.id);
        lines.push(FollowUpLine {
            question: question.id.clone(),
            title: question.title.clone(),
            owner: record.map_or_else(String::new, |record| record.owner.clone()),
            due: record.and_then(|record| record.due),
            note: "Answered Unsure: find out and answer".to_string(),
            unsure: true,
        });
    }
    lines
}

#[cfg(test)]
mod tests;
