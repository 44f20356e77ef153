//! Periodic controls against the Type 2 observation window. An auditor tests each control
//! inside the window; an annual risk assessment, penetration test, tabletop or restore test
//! done just before a three-month window opens does not come round again inside it, and the
//! report may then say the control did not operate during the period. For every periodic
//! control that counts toward Type 2, the next due date (the latest logged run plus its
//! `frequency`) is checked against the window; a control with no logged run is warned about
//! when it runs less often than the window is long. Pure: warnings in words, no I/O.

use jiff::civil::Date;

use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Frequency, Questionnaire, Stage, Target};
use crate::time::calendar::next_due;

/// Titles a grouped warning names before "and N more".
const NAMED: usize = 4;

/// A periodic control that the window does not bring round by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Miss {
    /// Last ran before the window and is next due after it.
    Logged {
        title: String,
        frequency: Frequency,
        last: Date,
        due: Date,
    },
    /// No logged run, and it recurs less often than the window is long.
    Unlogged { title: String },
}

/// The periodic controls that cannot occur inside the window `(start, end)` on their own
/// schedule, as warnings in words (empty when every one recurs inside it).
pub fn warnings(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    (start, end): (Date, Date),
) -> Vec<String> {
    let window_months = i32::from(assessment.audit.window_months);
    let misses: Vec<Miss> = questionnaire
        .questions()
        .iter()
        .filter(|question| {
            question.stage != Stage::Certification
                && assessment.counts_for(question, Target::Type2)
                && assessment.answer(&question.id) != Some(Answer::NotApplicable)
        })
        .filter_map(|question| {
            let frequency = question.frequency?;
            let last = assessment
                .record(&question.id)
                .and_then(|record| record.evidence.iter().map(|entry| entry.collected).max());
            match last {
                Some(last) => {
                    let due = next_due(last, frequency);
                    (last < start && due > end).then(|| Miss::Logged {
                        title: question.title.clone(),
                        frequency,
                        last,
                        due,
                    })
                }
                None => (frequency.months() > window_months).then(|| Miss::Unlogged {
                    title: question.title.clone(),
                }),
            }
        })
        .collect();
    let mut lines: Vec<String> = misses
        .iter()
        .filter_map(|miss| match miss {
            Miss::Logged {
                title,
                frequency,
                last,
                due,
            } => Some(format!(
                "warning: {title} ({}) last ran on {last} and is next due {due}, after the window ends on {end}: run it again inside the window, or the report may say it did not operate during the period",
                frequency.key()
            )),
            Miss::Unlogged { .. } => None,
        })
        .collect();
    let unlogged: Vec<&str> = misses
        .iter()
        .filter_map(|miss| match miss {
            Miss::Unlogged { title } => Some(title.as_str()),
            Miss::Logged { .. } => None,
        })
        .collect();
    if !unlogged.is_empty() {
        let mut names = unlogged[..unlogged.len().min(NAMED)].join(", ");
        if unlogged.len() > NAMED {
            names.push_str(&format!(" and {} more", unlogged.len() - NAMED));
        }
        let (count, has, verb) = match unlogged.len() {
            1 => ("1 periodic control runs".to_string(), "has", "it"),
            n => (format!("{n} periodic controls run"), "have", "each"),
        };
        lines.push(format!(
            "warning: {count} less often than the {window_months}-month window and {has} no logged run ({names}): schedule {verb} between {start} and {end}, or the report may say it did not operate during the period"
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Evidence;
    use crate::questionnaire::{Level, QuestionnaireSource, load};

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::constant(y, m, d)
    }

    fn logged(assessment: &mut Assessment, id: &str, collected: Date) {
        assessment.edit(id, |record| {
            record.answer = Some(Answer::Level(Level::Operating));
            record.evidence.push(Evidence::note("run", "", collected));
        });
    }

    #[test]
    fn an_annual_control_run_before_a_short_window_is_warned_about() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment = Assessment::new("A", "", day(2026, 1, 1), Target::Type2, []);
        let window = (day(2027, 1, 1), day(2027, 3, 31));
        let annual = questionnaire
            .questions()
            .iter()
            .filter(|q| q.frequency == Some(Frequency::Annual) && assessment.in_scope(q))
            .map(|q| q.id.clone())
            .collect::<Vec<_>>();
        assert!(annual.len() > NAMED, "{annual:?}");
        // Nothing logged: one grouped warning names the first four annual controls.
        let lines = warnings(&questionnaire, &assessment, window);
        let grouped = lines.last().unwrap();
        assert!(
            grouped.contains("controls run less often than the 3-month window and have no"),
            "{grouped}"
        );
        assert!(grouped.contains("more)"), "{grouped}");
        assert!(
            grouped.contains("between 2027-01-01 and 2027-03-31"),
            "{grouped}"
        );
        // Run in November: next due in November 2027, after the window.
        logged(&mut assessment, &annual[0], day(2026, 11, 15));
        let lines = warnings(&questionnaire, &assessment, window);
        assert!(
            lines[0].contains("last ran on 2026-11-15 and is next due 2027-11-15"),
            "{lines:?}"
        );
        // Run inside the window: no warning for it; N/A: none either.
        logged(&mut assessment, &annual[0], day(2027, 2, 1));
        for id in &annual[1..] {
            assessment.edit(id, |record| {
                record.answer = Some(Answer::NotApplicable);
                record.na_reason = "not in this system".into();
            });
        }
        let lines = warnings(&questionnaire, &assessment, window);
        for id in &annual {
            let title = &questionnaire.question(id).unwrap().title;
            assert!(
                !lines.iter().any(|line| line.contains(title.as_str())),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn a_twelve_month_window_brings_every_control_round() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment = Assessment::new("A", "", day(2026, 1, 1), Target::Type2, []);
        assessment.audit.window_months = 12;
        let window = (day(2027, 1, 1), day(2027, 12, 31));
        assert!(warnings(&questionnaire, &assessment, window).is_empty());
        // A quarterly control last run long before the window is due inside it: fine.
        let quarterly = questionnaire
            .questions()
            .iter()
            .find(|q| q.frequency == Some(Frequency::Quarterly) && assessment.in_scope(q))
            .unwrap();
        logged(&mut assessment, &quarterly.id.clone(), day(2026, 12, 1));
        assert!(warnings(&questionnaire, &assessment, window).is_empty());
    }
}
