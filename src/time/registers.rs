//! The registers against the answers and the calendar: which linked controls are still
//! gaps (so a risk "mitigated" by them is flagged), every register finding, and the
//! register items overdue or due soon for `due`, the wizard and the report.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::Serialize;

use super::calendar::DueState;
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::Questionnaire;
use crate::registers::Finding;
use crate::scoring::Scorecard;

/// The question ids that do not count as working controls: gaps, unanswered, N/A, or
/// unknown to the questionnaire.
pub fn weak_controls<'a>(
    questionnaire: &'a Questionnaire,
    assessment: &'a Assessment,
    card: &'a Scorecard,
) -> impl Fn(&str) -> bool + 'a {
    let weak: BTreeSet<&str> = card
        .gaps
        .iter()
        .map(|gap| gap.question.as_str())
        .chain(card.open.iter().map(String::as_str))
        .collect();
    move |id| {
        weak.contains(id)
            || questionnaire.question(id).is_none()
            || matches!(assessment.answer(id), None | Some(Answer::NotApplicable))
    }
}

/// Every finding of the assessment's registers on `today`.
pub fn findings(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    card: &Scorecard,
    today: Date,
) -> Vec<Finding> {
    assessment
        .registers
        .findings(today, weak_controls(questionnaire, assessment, card))
}

/// The findings on the criterion `criterion` (e.g. "CC9.2").
pub fn findings_on<'a>(findings: &'a [Finding], criterion: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|finding| finding.criterion == criterion)
        .collect()
}

/// One register item on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterDue {
    /// What falls due.
    pub what: String,
    /// The criterion it supports.
    pub criterion: &'static str,
    /// The last day it is current, if it was ever done.
    pub due: Option<Date>,
    /// Days from today to the due date (negative when overdue).
    pub days_left: Option<i32>,
    /// Where it stands (never done counts as never logged, and is overdue).
    pub state: DueState,
}

impl RegisterDue {
    /// Whether it needs doing now: past due, or never done.
    pub fn is_overdue(&self) -> bool {
        matches!(self.state, DueState::Overdue | DueState::NeverLogged)
    }
}

/// Every register item with its state on `today`, most urgent first.
pub fn due(assessment: &Assessment, today: Date, within_days: i32) -> Vec<RegisterDue> {
    let mut items: Vec<RegisterDue> = assessment
        .registers
        .due_items()
        .into_iter()
        .map(|item| {
            let days_left = item
                .due
                .and_then(|due| today.until(due).ok().map(|span| span.get_days()));
            let state = match days_left {
                None => DueState::NeverLogged,
                Some(days) if days < 0 => DueState::Overdue,
                Some(days) if days <= within_days => DueState::DueSoon,
                Some(_) => DueState::Upcoming,
            };
            RegisterDue {
                what: item.what,
                criterion: item.criterion,
                due: item.due,
                days_left,
                state,
            }
        })
        .collect();
    items.sort_by_key(|item| (item.state, item.due));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Level, QuestionnaireSource, Target, load};
    use crate::registers::{Risk, Treatment, Vendor};
    use crate::scoring::{Policy, score};

    fn risk(controls: &[&str]) -> Risk {
        Risk {
            title: "Laptop theft".into(),
            likelihood: 3,
            impact: 4,
            treatment: Treatment::Mitigate,
            owner: "IT".into(),
            controls: controls.iter().map(|id| id.to_string()).collect(),
            reviewed: Some(Date::constant(2026, 6, 1)),
            approver: String::new(),
            approved: None,
        }
    }

    #[test]
    fn a_risk_mitigated_by_a_gap_is_flagged_until_the_control_works() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let id = questionnaire.questions()[0].id.clone();
        let mut assessment =
            Assessment::new("Acme", "", Date::constant(2026, 1, 1), Target::Type1, []);
        assessment.registers.risks.push(risk(&[&id]));
        let today = Date::constant(2026, 12, 4);
        let flagged = |assessment: &Assessment| {
            let card = score(&questionnaire, assessment, &Policy::default());
            findings(&questionnaire, assessment, &card, today)
        };
        // Unanswered, then a gap, then N/A: none of them mitigates.
        assert_eq!(flagged(&assessment).len(), 1);
        assessment.set_answer(&id, Some(Answer::Level(Level::Planned)));
        assert_eq!(flagged(&assessment).len(), 1);
        assessment.set_answer(&id, Some(Answer::Level(Level::Operating)));
        assert!(flagged(&assessment).is_empty());
        assessment.registers.risks[0].controls = vec!["NO.such.id".into()];
        assert_eq!(findings_on(&flagged(&assessment), "CC3.2").len(), 1);
    }

    #[test]
    fn register_items_are_overdue_due_soon_or_never_done() {
        let mut assessment =
            Assessment::new("Acme", "", Date::constant(2026, 1, 1), Target::Type1, []);
        assessment.registers.risks.push(risk(&[]));
        assessment.registers.vendors.push(Vendor {
            name: "Cloudhost".into(),
            criticality: crate::registers::Criticality::Low,
            service: "hosting".into(),
            data: String::new(),
            report: crate::registers::ReportType::Soc2Type2,
            report_period_end: Some(Date::constant(2025, 10, 1)),
            bridge_letter: None,
            cuecs_reviewed: None,
            reviewed: None,
        });
        let items = due(&assessment, Date::constant(2026, 5, 15), 30);
        let states: Vec<_> = items
            .iter()
            .map(|item| (item.what.as_str(), item.state))
            .collect();
        assert_eq!(
            states,
            [
                ("vendor \"Cloudhost\": yearly review", DueState::NeverLogged),
                (
                    "vendor \"Cloudhost\": new report or bridge letter",
                    DueState::Upcoming
                ),
                ("risk \"Laptop theft\": yearly review", DueState::Upcoming),
            ]
        );
        let later = due(&assessment, Date::constant(2026, 10, 15), 30);
        assert_eq!(later[0].state, DueState::Overdue);
        assert_eq!(later[0].days_left, Some(-14));
        assert!(later.iter().filter(|item| item.is_overdue()).count() == 2);
    }
}
