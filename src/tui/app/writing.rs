//! The auditor's package being written, as the export screen's gauge shows it: the member
//! being written and the bytes done of all. Plain data, advanced by the writer's progress
//! events (or by a test), so the gauge can be drawn and checked without a writer running.

use std::path::PathBuf;

use crate::assessment::locker::size_text;

/// A package on its way to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Writing {
    /// Where the package goes.
    pub out: PathBuf,
    /// The member being written (empty before the first).
    pub member: String,
    /// Bytes of the members written so far.
    pub done: u64,
    /// Bytes of every member.
    pub total: u64,
    /// What goes in besides the lists, in words ("3 evidence files (1.2 MB) for 2 controls").
    pub contents: String,
    /// Esc was pressed: the writer stops at its next block and removes what it wrote.
    pub cancelling: bool,
}

impl Writing {
    /// A package of `total` bytes for `out`, nothing written yet.
    pub fn new(out: PathBuf, total: u64, contents: String) -> Self {
        Self {
            out,
            member: String::new(),
            done: 0,
            total,
            contents,
            cancelling: false,
        }
    }

    /// The writer is at `member`, with `done` bytes of all members written.
    pub fn advance(&mut self, member: &str, done: u64) {
        if self.member != member {
            self.member = member.to_string();
        }
        self.done = done.min(self.total);
    }

    /// How far it is, from 0 to 1 (an empty package is done).
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }

    /// The gauge's label: `12.0 MB of 48.0 MB (25 %)`.
    pub fn label(&self) -> String {
        format!(
            "{} of {} ({:.0} %)",
            size_text(self.done),
            size_text(self.total),
            (self.ratio() * 100.0).floor()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gauge_follows_the_writer_and_never_passes_the_total() {
        let mut writing = Writing::new("p.zip".into(), 4 << 20, "1 evidence file".into());
        assert_eq!(writing.ratio(), 0.0);
        writing.advance("README.txt", 0);
        assert_eq!(writing.member, "README.txt");
        writing.advance("evidence/CC6.1/mfa.pdf", 1 << 20);
        assert_eq!(writing.label(), "1.0 MB of 4.0 MB (25 %)");
        writing.advance("evidence/CC6.1/mfa.pdf", 9 << 20);
        assert_eq!(writing.done, 4 << 20);
        assert_eq!(writing.ratio(), 1.0);
        assert_eq!(Writing::new("e.zip".into(), 0, String::new()).ratio(), 1.0);
    }
}
