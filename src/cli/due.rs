//! `soc2-ready due`: what is late, of both kinds — gaps past the due date their owner set,
//! and periodic controls overdue, due soon or never logged on the control calendar; exit
//! code 1 when either kind is overdue, so a cron job or CI can nag.

use std::fmt::Write;

use serde::Serialize;
use soc2_ready::scoring::score;
use soc2_ready::time::calendar::{DueItem, DueState, calendar};
use soc2_ready::time::overdue::{LateGap, Overdue, late_gaps};
use soc2_ready::time::registers::{self, RegisterDue};

use super::args::{DueArgs, ScoreFormat};
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire};

#[derive(Serialize)]
struct DueReport<'a> {
    today: jiff::civil::Date,
    within_days: i32,
    /// Everything overdue: late gaps and overdue periodic controls.
    overdue: usize,
    /// The two kinds apart.
    overdue_kinds: Overdue,
    /// Gaps whose due date has passed.
    gaps: &'a [LateGap],
    controls: &'a [DueItem],
    /// Register items overdue, never done or due soon (left out when none).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    registers: &'a [RegisterDue],
}

/// Lists what is due in the assessment at `args.path`.
pub fn run(global: &GlobalArgs, args: &DueArgs) -> Result<Output, Failure> {
    let policy = load_config(global)?.policy();
    let questionnaire = load_questionnaire(global)?;
    let today = clock()?.today();
    let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
    let items: Vec<DueItem> = calendar(&questionnaire, &assessment, today, args.within)
        .into_iter()
        .filter(|item| item.state != DueState::Upcoming)
        .collect();
    let card = score(&questionnaire, &assessment, &policy);
    let late = late_gaps(&questionnaire, &assessment, &card.gaps, today);
    let register_items: Vec<RegisterDue> = registers::due(&assessment, today, args.within)
        .into_iter()
        .filter(|item| item.state != DueState::Upcoming)
        .collect();
    let kinds = Overdue::of(&late, &items).with_registers(&register_items);
    let overdue = kinds.total();
    let stdout = match args.format {
        ScoreFormat::Json => {
            let report = DueReport {
                today,
                within_days: args.within,
                overdue,
                overdue_kinds: kinds,
                gaps: &late,
                controls: &items,
                registers: &register_items,
            };
            let mut text = serde_json::to_string_pretty(&report).expect("serializes");
            text.push('\n');
            text
        }
        ScoreFormat::Text => {
            let mut out = gap_text(&late);
            out.push_str(&text(
                &items,
                args.within,
                late.is_empty() && register_items.is_empty(),
            ));
            out.push_str(&register_text(&register_items));
            out
        }
    };
    if overdue > 0 {
        return Err(Failure::Finding {
            stdout,
            message: kinds.sentence(),
        });
    }
    Ok(Output { stdout, warnings })
}

/// One line per late gap, marked as a gap due date.
fn gap_text(late: &[LateGap]) -> String {
    let mut out = String::new();
    for gap in late {
        let owner = match gap.owner.trim() {
            "" => String::new(),
            owner => format!(", owner {owner}"),
        };
        let _ = writeln!(
            out,
            "{:<13} {} · {} (gap due date{owner}): was due {} ({} ago)",
            "overdue",
            gap.question,
            gap.title,
            gap.due,
            days_text(gap.days_late),
        );
    }
    out
}

/// One line per periodic control; `alone` when no late gap was printed above.
fn text(items: &[DueItem], within: i32, alone: bool) -> String {
    if items.is_empty() {
        return if alone {
            format!("Nothing overdue or due in the next {within} days.\n")
        } else {
            format!("No periodic control overdue or due in the next {within} days.\n")
        };
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

/// One line per register item: a review or a vendor's report.
fn register_text(items: &[RegisterDue]) -> String {
    let mut out = String::new();
    for item in items {
        let when = match (item.due, item.days_left) {
            (Some(due), Some(days)) if days < 0 => {
                format!("was due {due} ({} ago)", days_text(-days))
            }
            (Some(due), Some(days)) => format!("due {due} (in {})", days_text(days)),
            _ => "never done".to_string(),
        };
        let state = if item.due.is_none() {
            "overdue"
        } else {
            item.state.label()
        };
        let _ = writeln!(
            out,
            "{state:<13} {} ({}): {when}",
            item.what, item.criterion
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
