//! The "Registers" lines of `score`: what each register shows on the criteria it bears on,
//! and its findings, when the assessment has any register entries.

use jiff::civil::Date;
use soc2_ready::assessment::Assessment;
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::scoring::Scorecard;
use soc2_ready::time::register_notes::{POLICY_CRITERIA, RISK_CRITERIA, VENDOR_CRITERION, note};
use soc2_ready::time::registers::findings;

use super::findings_text;

/// Appends the registers' summary to `out` (nothing when the registers are empty).
pub fn write(
    out: &mut String,
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    card: &Scorecard,
    today: Date,
) {
    if assessment.registers.is_empty() {
        return;
    }
    let found = findings(questionnaire, assessment, card, today);
    out.push_str("\nRegisters\n");
    for (criteria, first) in [
        (POLICY_CRITERIA.join(", "), POLICY_CRITERIA[0]),
        (RISK_CRITERIA.join(", "), RISK_CRITERIA[0]),
        (VENDOR_CRITERION.to_string(), VENDOR_CRITERION),
    ] {
        if let Some(sentence) = note(assessment, &found, first, today) {
            out.push_str(&format!("  {sentence} ({criteria})\n"));
        }
    }
    out.push_str(&findings_text(&found));
}
