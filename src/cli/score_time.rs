//! The time facts `score` adds to its text and JSON: the earliest report dates with their
//! assumptions, the evidence coverage of the observation window, and the answers that are
//! *claimed, not evidenced*.

use std::fmt::Write;

use jiff::civil::Date;
use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::time::coverage::CoverageReport;
use soc2_ready::time::evidence::{self, ClaimedAnswer};
use soc2_ready::time::timeline::{Timeline, timeline};

/// How many claims the text lists by name.
const LISTED_CLAIMS: usize = 10;

/// What `score` says about time.
#[derive(Debug, Serialize)]
pub struct TimeFacts {
    /// The day the figures are for.
    pub today: Date,
    /// The earliest realistic report dates.
    pub timeline: Timeline,
    /// The evidence coverage of the observation window, per control.
    pub coverage: CoverageReport,
    /// Answers of "evidenced" or "operating" that the evidence log does not back.
    pub claimed_not_evidenced: Vec<ClaimedAnswer>,
}

impl TimeFacts {
    /// The facts of `assessment` on `today`.
    pub fn of(questionnaire: &Questionnaire, assessment: &Assessment, today: Date) -> Self {
        Self {
            today,
            timeline: timeline(questionnaire, assessment, today),
            coverage: CoverageReport::of(questionnaire, assessment, today),
            claimed_not_evidenced: evidence::claims(questionnaire, assessment),
        }
    }

    /// The facts as text, after the rest of the score.
    pub fn write_text(&self, out: &mut String) {
        let timeline = &self.timeline;
        let _ = writeln!(
            out,
            "\nEarliest realistic report dates (as of {})",
            self.today
        );
        for (name, estimate) in [("Type 1", &timeline.type1), ("Type 2", &timeline.type2)] {
            let _ = writeln!(out, "  {name}  {}", estimate.date);
            for assumption in &estimate.assumptions {
                let _ = writeln!(out, "          - {assumption}");
            }
        }
        self.write_coverage(out);
        let claims = &self.claimed_not_evidenced;
        if claims.is_empty() {
            return;
        }
        let _ = writeln!(
            out,
            "\nClaimed, not evidenced: {} answer{} (the score takes them at their word; an auditor will not)",
            claims.len(),
            if claims.len() == 1 { "" } else { "s" }
        );
        for claimed in claims.iter().take(LISTED_CLAIMS) {
            let _ = writeln!(out, "  {}  {}", claimed.question, claimed.claim.describe());
        }
        if claims.len() > LISTED_CLAIMS {
            let _ = writeln!(
                out,
                "  … and {} more (`soc2-ready evidence list` shows all)",
                claims.len() - LISTED_CLAIMS
            );
        }
    }

    /// The coverage of the window: the counts, then each control with evidence or a
    /// missed occurrence (the first [`LISTED_CLAIMS`] of them).
    fn write_coverage(&self, out: &mut String) {
        let coverage = &self.coverage;
        let _ = writeln!(
            out,
            "\nEvidence coverage of the observation window {} to {}: {}",
            coverage.window.from,
            coverage.window.to,
            coverage.counts.sentence()
        );
        let notable: Vec<_> = coverage.notable().collect();
        for control in notable.iter().take(LISTED_CLAIMS) {
            let _ = writeln!(
                out,
                "  {:<13} {}  {}",
                control.status.label(),
                control.question,
                control.describe()
            );
            if let Some(shortfall) = control.type2_shortfall() {
                let _ = writeln!(out, "                {shortfall}");
            }
        }
        if notable.len() > LISTED_CLAIMS {
            let _ = writeln!(
                out,
                "  … and {} more (`soc2-ready score --format json` lists every control)",
                notable.len() - LISTED_CLAIMS
            );
        }
    }
}
