//! The policy, vendor and risk registers end to end through the real binary: every command,
//! the CSV imports, the templates, and bad input refused with exit 2, the field and the
//! value, and the file unchanged.

mod due;
mod policies;
mod report;
mod risks;
mod support;
mod vendors;
