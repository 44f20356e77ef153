//! The command-line choices of the export files people work from elsewhere: the tracker a
//! `report --format tickets` file is shaped for.

use clap::ValueEnum;
use soc2_ready::report::Tracker;

/// The trackers `report --format tickets` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrackerArg {
    /// Jira's CSV import (Summary, Issue Type, Priority, Labels, Assignee, Due Date).
    Jira,
    /// Linear's CSV import (Title, Priority, Status, Labels, Assignee, Due Date).
    Linear,
    /// GitHub issues (title, body, labels, assignees) for CSV-to-issue importers.
    Github,
}

impl From<TrackerArg> for Tracker {
    fn from(arg: TrackerArg) -> Self {
        match arg {
            TrackerArg::Jira => Tracker::Jira,
            TrackerArg::Linear => Tracker::Linear,
            TrackerArg::Github => Tracker::GitHub,
        }
    }
}
