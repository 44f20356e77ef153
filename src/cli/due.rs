//! `soc2-ready due`: the periodic controls that are overdue, due soon or never logged, from
//! the control calendar; exit code 1 when anything is overdue, so a cron job or CI can nag.

use std::fmt::Write;

use serde::Serialize;
use soc2_ready::time::calendar::{DueItem, DueState, calendar};

use super::args::{DueArgs, ScoreFormat};
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_questionnaire};

#[derive(Serialize)]
struct DueReport<'a> {
    today: jiff::civil::Date,
    within_days: i32,
    overdue: usize,
    controls: &'a [DueItem],
}

/// Lists what is due in the assessment at `args.path`.
pub fn run(global: &GlobalArgs, args: &DueArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let today = clock()?.today();
    let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
    let items: Vec<DueItem> = calendar(&questionnaire, &assessment, today, args.within)
        .into_iter()
        .filter(|item| item.state != DueState::Upcoming)
        .collect();
    let overdue = items
        .iter()
        .filter(|item| item.state == DueState::Overdue)
        .count();
    let stdout = match args.format {
        ScoreFormat::Json => {
            let report = DueReport {
                today,
                within_days: args.within,
                overdue,
                controls: &items,
            };
            let mut text = serde_json::to_string_pretty(&report).expect("serializes");
            text.push('\n');
            text
        }
        ScoreFormat::Text => text(&items, args.within),
    };
    if overdue > 0 {
        let noun = if overdue == 1 {
            "control is"
        } else {
            "controls are"
        };
        return Err(Failure::Finding {
            stdout,
            message: format!("{overdue} periodic {noun} overdue"),
        });
    }
    Ok(Output { stdout, warnings })
}

fn text(items: &[DueItem], within: i32) -> String {
    if items.is_empty() {
        return format!("Nothing overdue or due in the next {within} days.\n");
    }
    let mut out = String::new();
    for item in items {
        let when = match (item.due, item.days_left) {
            (Some(due), Some(days)) if days < 0 => {
                format!("was due {due} ({} ago)", days_text(-days))
            }
            (Some(due), Some(0)) => format!("due today ({due})"),
            (Some(due), Some(days)) => format!("due {due} (in {})", days_text(days)),
            _ => "in place, but no evidence says when it last ran".to_string(),
        };
        let last = item
            .last
            .map(|last| format!(", last run {last}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<13} {} · {} ({}{last}): {when}",
            item.state.label(),
            item.question,
            item.title,
            item.frequency.key(),
        );
    }
    out
}

fn days_text(days: i32) -> String {
    if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}
