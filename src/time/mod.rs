//! The time axis of an assessment, as pure functions of its records and a given "today"
//! (from [`crate::clock`]): history snapshots and their compaction, months of evidence and
//! the *claimed, not evidenced* flag, the control calendar, the earliest report dates, and
//! comparisons between two points in time. No I/O.

pub mod calendar;
pub mod compare;
pub mod coverage;
pub mod evidence;
pub mod history;
pub mod overdue;
pub mod progress;
pub mod register_notes;
pub mod registers;
pub mod timeline;
pub mod timeline_window;
pub mod workshop;
