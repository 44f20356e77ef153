//! The parts of the report model that summarise rather than list: the actions that matter
//! most, readiness by criterion family (the heat map), gaps per owner, N/A answers an
//! auditor will question, and the sign-off. Pure functions of the model's own lists.

use jiff::civil::Date;
use serde::Serialize;

use super::model::{AnswerLine, CriterionAnswers, GapItem, QuestionRef};
use crate::assessment::ReportNotes;
use crate::questionnaire::{family, family_topic};
use crate::scoring::{CriterionScore, Readiness, Severity};

/// Actions on the summary page, at most.
pub const MAX_ACTIONS: usize = 5;

/// One of the few things to do first, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// What to do, naming controls by title.
    pub title: String,
    /// Why, or the first step.
    pub detail: String,
    /// The gap ranks it covers (empty for actions that are not gaps).
    pub gap_ranks: Vec<usize>,
}

/// The actions that matter most: answering the open key controls comes first (until they
/// are answered nobody knows how far off the company is), then the gaps in rank order,
/// then resolving Unsure answers and the other open questions if there is room.
pub fn actions(gaps: &[GapItem], unanswered: &[QuestionRef], unsure: usize) -> Vec<Action> {
    let mut actions = Vec::new();
    let open_keys: Vec<&QuestionRef> = unanswered.iter().filter(|q| q.key).collect();
    if !open_keys.is_empty() {
        let titles: Vec<&str> = open_keys.iter().take(3).map(|q| q.title.as_str()).collect();
        let more = open_keys.len().saturating_sub(titles.len());
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        actions.push(Action {
            title: format!(
                "Finish the assessment: answer the {} key control{} still open",
                open_keys.len(),
                plural(open_keys.len())
            ),
            detail: format!(
                "{}{tail}. Until then nobody knows how far off they are, and no stage can be \
                 ready.",
                titles.join(", ")
            ),
            gap_ranks: Vec::new(),
        });
    }
    let other_open = unanswered.len() - open_keys.len();
    // Keep one line for the follow-ups when there are any.
    let reserve = usize::from(unsure > 0 || other_open > 0);
    for gap in gaps.iter().take(MAX_ACTIONS - actions.len() - reserve) {
        actions.push(Action {
            title: format!(
                "{}: from {} to {}",
                gap.question.title, gap.current, gap.needed
            ),
            detail: gap.remediation.first().cloned().unwrap_or_default(),
            gap_ranks: vec![gap.rank],
        });
    }
    if actions.len() < MAX_ACTIONS && unsure > 0 {
        actions.push(Action {
            title: format!(
                "Find out the real state of the {unsure} question{} answered Unsure",
                plural(unsure)
            ),
            detail: "They count as nothing in place until someone checks what exists.".into(),
            gap_ranks: Vec::new(),
        });
    }
    if actions.len() < MAX_ACTIONS && other_open > 0 {
        actions.push(Action {
            title: format!(
                "Answer the other {other_open} open question{}",
                plural(other_open)
            ),
            detail: "They count as zero until answered.".into(),
            gap_ranks: Vec::new(),
        });
    }
    actions
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Readiness of one criterion family (CC1 … CC9, A1, PI1, C1, P1 … P8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeatCell {
    /// The family id, e.g. `CC6`.
    pub family: String,
    /// Its topic in a few words.
    pub topic: &'static str,
    /// Readiness toward the targeted report in whole percent; `None` when all N/A.
    pub readiness_percent: Option<u32>,
    /// Questions in scope.
    pub questions: u32,
    /// Questions with no answer yet.
    pub open: u32,
}

/// Readiness by criterion family, in questionnaire order.
pub fn heat_map(criteria: &[CriterionScore]) -> Vec<HeatCell> {
    let mut cells: Vec<(HeatCell, Readiness)> = Vec::new();
    for score in criteria {
        let Some(family) = family(&score.criterion) else {
            continue;
        };
        let at = match cells.iter().position(|(cell, _)| cell.family == family) {
            Some(at) => at,
            None => {
                cells.push((
                    HeatCell {
                        family: family.to_string(),
                        topic: family_topic(family).unwrap_or(""),
                        readiness_percent: None,
                        questions: 0,
                        open: 0,
                    },
                    Readiness::default(),
                ));
                cells.len() - 1
            }
        };
        let (cell, readiness) = &mut cells[at];
        cell.questions += score.tally.questions;
        cell.open += score.tally.unanswered;
        readiness.credit += score.readiness.credit;
        readiness.total += score.readiness.total;
    }
    cells
        .into_iter()
        .map(|(cell, readiness)| HeatCell {
            readiness_percent: readiness.percent(),
            ..cell
        })
        .collect()
}

/// The gaps one owner holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerLine {
    /// The owner as recorded; empty for gaps nobody owns.
    pub owner: String,
    /// Gaps owned.
    pub gaps: usize,
    /// Of them, critical or high.
    pub urgent: usize,
    /// Of them, past their due date.
    pub overdue: usize,
    /// Of them, without a due date.
    pub no_due_date: usize,
    /// Their ranks, in order.
    pub ranks: Vec<usize>,
}

/// Gaps per owner, most gaps first; gaps nobody owns last.
pub fn owners(gaps: &[GapItem]) -> Vec<OwnerLine> {
    let mut lines: Vec<OwnerLine> = Vec::new();
    for gap in gaps {
        let owner = gap.owner.trim();
        let line = match lines.iter().position(|line| line.owner == owner) {
            Some(at) => &mut lines[at],
            None => {
                lines.push(OwnerLine {
                    owner: owner.to_string(),
                    gaps: 0,
                    urgent: 0,
                    overdue: 0,
                    no_due_date: 0,
                    ranks: Vec::new(),
                });
                lines.last_mut().expect("just pushed")
            }
        };
        line.gaps += 1;
        line.urgent += usize::from(gap.severity >= Severity::High);
        line.overdue += usize::from(gap.overdue);
        line.no_due_date += usize::from(gap.due.is_none());
        line.ranks.push(gap.rank);
    }
    lines.sort_by_key(|line| (line.owner.is_empty(), std::cmp::Reverse(line.gaps)));
    lines
}

/// N/A answers an auditor will ask about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NaIssues {
    /// N/A answers with no justification recorded.
    pub unjustified: Vec<QuestionRef>,
    /// Key controls answered N/A: an auditor rarely accepts that.
    pub key_controls: Vec<QuestionRef>,
}

/// The N/A answers without a justification, and those on key controls.
pub fn na_issues(answers: &[CriterionAnswers], key: impl Fn(&str) -> bool) -> NaIssues {
    let mut issues = NaIssues::default();
    let lines = answers.iter().flat_map(|group| {
        group
            .questions
            .iter()
            .map(move |line| (group.criterion.as_str(), line))
    });
    for (criterion, line) in lines.filter(|(_, line)| line.answer_key == "na") {
        let reference = |line: &AnswerLine| QuestionRef {
            id: line.id.clone(),
            title: line.title.clone(),
            criterion: criterion.to_string(),
            key: key(&line.id),
        };
        if line.na_reason.trim().is_empty() {
            issues.unjustified.push(reference(line));
        }
        if key(&line.id) {
            issues.key_controls.push(reference(line));
        }
    }
    issues
}

/// Who prepared and reviewed the report, when, and which version it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignOff {
    /// The assessor (may be empty).
    pub prepared_by: String,
    /// The reviewer (may be empty).
    pub reviewed_by: String,
    /// The report date.
    pub date: String,
    /// The report version (may be empty).
    pub version: String,
}

impl SignOff {
    /// The sign-off of a report by `assessor`, dated `date`.
    pub fn new(assessor: &str, notes: &ReportNotes, date: Date) -> Self {
        Self {
            prepared_by: assessor.trim().to_string(),
            reviewed_by: notes.reviewed_by.trim().to_string(),
            date: date.to_string(),
            version: notes.version.trim().to_string(),
        }
    }
}

#[cfg(test)]
#[path = "insights_tests.rs"]
mod tests;
