//! The tickets renderer: one ticket per gap, in rank order, as a CSV file whose header row
//! each tracker's CSV import maps without editing. Jira gets its own field names
//! (`Summary`, `Issue Type`, `Priority`, `Due Date`, one `Labels` column per label,
//! `Assignee`); Linear gets `Title`, `Description`, `Priority`, `Status`, `Assignee`,
//! comma-separated `Labels` and `Due Date`; GitHub gets the fields of an issue (`title`,
//! `body`, `labels`, `assignees`, `due_date`) for the usual CSV-to-issues importers, with
//! the priority as a label and the due date in the body too, because GitHub issues have
//! neither field.
//!
//! Every ticket carries a stable external id (`soc2-ready:<question id>`) in its own column
//! and at the end of the description, so a second export can be matched with the first.
//! Cells are CSV-quoted by the `csv` crate, control characters are made visible and a cell
//! a spreadsheet could run as a formula gets a leading apostrophe, as in the gap CSV.

use super::csv::{priority as jira_priority, spreadsheet_csv};
use super::model::{GapItem, ReportModel, due_text};
use crate::scoring::Severity;

/// The trackers whose CSV import the tickets file is shaped for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tracker {
    /// Atlassian Jira.
    Jira,
    /// Linear.
    Linear,
    /// GitHub issues.
    GitHub,
}

impl Tracker {
    /// The tracker's name in file names and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Tracker::Jira => "jira",
            Tracker::Linear => "linear",
            Tracker::GitHub => "github",
        }
    }

    /// The header row.
    pub fn header(self) -> Vec<&'static str> {
        match self {
            Tracker::Jira => vec![
                "Summary",
                "Description",
                "Issue Type",
                "Priority",
                "Due Date",
                "Labels",
                "Labels",
                "Labels",
                "Labels",
                "Assignee",
                "External ID",
            ],
            Tracker::Linear => vec![
                "Title",
                "Description",
                "Priority",
                "Status",
                "Assignee",
                "Labels",
                "Due Date",
                "External ID",
            ],
            Tracker::GitHub => vec![
                "title",
                "body",
                "labels",
                "assignees",
                "due_date",
                "external_id",
            ],
        }
    }

    /// The tracker's priority for a gap of `severity`.
    fn priority(self, severity: Severity) -> &'static str {
        match (self, severity) {
            (Tracker::Jira, _) => jira_priority(severity),
            (Tracker::Linear, Severity::Critical) => "Urgent",
            (Tracker::Linear, _) => jira_priority(severity),
            (Tracker::GitHub, Severity::Critical) => "priority:critical",
            (Tracker::GitHub, Severity::High) => "priority:high",
            (Tracker::GitHub, Severity::Medium) => "priority:medium",
            (Tracker::GitHub, Severity::Low) => "priority:low",
        }
    }
}

/// The stable id of the ticket for a gap on question `id`.
pub fn external_id(id: &str) -> String {
    format!("soc2-ready:{id}")
}

/// Renders one ticket per gap for `tracker`, with a header row.
pub fn render(model: &ReportModel, tracker: Tracker) -> String {
    let rows = model.gaps.iter().map(|gap| row(gap, tracker));
    spreadsheet_csv(&tracker.header(), rows)
}

/// The labels of a gap, none with a space (Jira splits labels on spaces): `soc2`, the
/// criterion, the stage and, for key controls, `key-control`.
fn labels(gap: &GapItem) -> Vec<String> {
    let mut labels = vec![
        "soc2".to_string(),
        gap.question.criterion.replace(' ', "-"),
        format!("stage-{}", gap.stage.key()),
    ];
    if gap.question.key {
        labels.push("key-control".to_string());
    }
    labels
}

/// The ticket's text: what is short of what, the steps, the evidence, the note, the ISO
/// references and the external id.
fn description(gap: &GapItem, tracker: Tracker) -> String {
    let list = |items: &[String], bullet: &str| -> String {
        items
            .iter()
            .map(|item| format!("{bullet}{item}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut text = format!(
        "{} ({}), {} stage. Current: {}; needed: {}. Severity {}, size {}.",
        gap.question.criterion,
        gap.criterion_title,
        gap.stage.label(),
        gap.current,
        gap.needed,
        gap.severity.label(),
        gap.size.label(),
    );
    if tracker == Tracker::GitHub
        && let Some(due) = gap.due
    {
        text.push_str(&format!(" Due {due}."));
    }
    text.push_str("\n\nRemediation steps:\n");
    text.push_str(&gap.numbered_steps().join("\n"));
    text.push_str("\n\nEvidence to collect:\n");
    text.push_str(&list(&gap.evidence, "- "));
    if !gap.note.trim().is_empty() {
        text.push_str(&format!("\n\nAssessor's note: {}", gap.note.trim()));
    }
    if !gap.iso27001.is_empty() {
        text.push_str(&format!(
            "\n\nISO/IEC 27001:2022: {}",
            gap.iso27001.join(", ")
        ));
    }
    text.push_str(&format!(
        "\n\nsoc2-ready id: {}",
        external_id(&gap.question.id)
    ));
    text
}

fn row(gap: &GapItem, tracker: Tracker) -> Vec<String> {
    let summary = format!("[{}] {}", gap.question.criterion, gap.question.title);
    let priority = tracker.priority(gap.severity).to_string();
    let due = due_text(gap.due);
    let id = external_id(&gap.question.id);
    let owner = gap.owner.trim().to_string();
    let mut labels = labels(gap);
    match tracker {
        Tracker::Jira => {
            labels.resize(4, String::new());
            let mut cells = vec![
                summary,
                description(gap, tracker),
                "Task".into(),
                priority,
                due,
            ];
            cells.extend(labels);
            cells.extend([owner, id]);
            cells
        }
        Tracker::Linear => vec![
            summary,
            description(gap, tracker),
            priority,
            "Todo".into(),
            owner,
            labels.join(","),
            due,
            id,
        ],
        Tracker::GitHub => {
            labels.push(priority);
            vec![
                summary,
                description(gap, tracker),
                labels.join(","),
                owner,
                due,
                id,
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tracker_names_its_priorities() {
        assert_eq!(Tracker::Jira.priority(Severity::Critical), "Highest");
        assert_eq!(Tracker::Linear.priority(Severity::Critical), "Urgent");
        assert_eq!(Tracker::Linear.priority(Severity::Low), "Low");
        assert_eq!(Tracker::GitHub.priority(Severity::High), "priority:high");
    }

    #[test]
    fn jira_takes_one_labels_column_per_label() {
        let header = Tracker::Jira.header();
        assert_eq!(header.iter().filter(|name| **name == "Labels").count(), 4);
        assert_eq!(external_id("CC6.1.mfa"), "soc2-ready:CC6.1.mfa");
    }
}
