//! The report's fixed wording and the generated executive summary. Kept in one place so
//! every format says the same thing, and so the rule "SOC 2 is an attestation, never a
//! certification" is checked against one file.

use super::model::{Phase, ReportModel, ScaleStep, percent_text};
use crate::assessment::conflicts::ConflictView;
use crate::questionnaire::{Stage, Target};
use crate::scoring::{MIN_ASSESSED_PERCENT, Severity};

/// The disclaimer on every report.
pub const DISCLAIMER: &str = "This report is a self-assessment of readiness, built from the \
answers the organisation gave. It is not an audit, not an auditor's opinion and not a SOC 2 \
report: nothing in it was tested or verified. Only an independent, licensed CPA firm can examine \
the controls and issue a SOC 2 report, and its scope, sampling and judgement may lead to \
different conclusions. Use this report to plan the work, not to make claims to customers.";

/// Why the register's gap numbers skip: each is the gap's rank among all gaps, the same
/// number as its card, while the rows are grouped by when to close them.
pub const GAP_NUMBERS: &str = "The number is each gap's rank among all gaps, most severe \
first, and its card's number; the groups follow when to close a gap, so numbers skip within a \
group.";

/// What SOC 2 ends in.
pub const ATTESTATION_NOTE: &str = "SOC 2 ends in an attestation report, not a certificate. \
A licensed CPA firm examines the controls against the AICPA Trust Services Criteria and issues \
a SOC 2 report: Type 1 covers their design at one date, Type 2 how they operated over an \
observation period of typically 3–12 months. Nobody is \u{201c}SOC 2 certified\u{201d}: say \
\u{201c}our SOC 2 Type 2 report is available under NDA\u{201d}. A customer who needs a \
certificate is asking for ISO 27001.";

/// The answer scale.
pub fn scale() -> Vec<ScaleStep> {
    let step = |key, label, meaning, credits| ScaleStep {
        key,
        label,
        meaning,
        credits,
    };
    vec![
        step("0", "Not in place", "nothing exists", "none"),
        step(
            "1",
            "Planned",
            "an owner and a plan, not yet working",
            "none",
        ),
        step(
            "2",
            "In place",
            "working, little or no evidence",
            "compliance",
        ),
        step(
            "3",
            "Evidenced",
            "working, evidence exists now",
            "compliance, Type 1",
        ),
        step(
            "4",
            "Operating over time",
            "evidence retained across a period",
            "compliance, Type 1, Type 2",
        ),
        step(
            "x",
            "Not applicable",
            "does not apply; needs a one-line justification",
            "left out of every total",
        ),
        step("u", "Unsure", "counts as 0, flagged for follow-up", "none"),
    ]
}

/// How readiness, verdicts, severities and phases are computed, in plain words.
pub fn method_notes(ready_percent: u32, getting_there_percent: u32) -> Vec<String> {
    vec![
        "Readiness of a set of questions is the weighted credit divided by the weighted total. \
         Each question weighs 1 to 5; key controls are the ones an auditor will not let pass \
         or first reports most often fail on (e.g. MFA, admin access, patching, change review)."
            .to_string(),
        "Compliance credits a control once it is in place (level 2). Attestation credits it at \
         the level the report type needs — evidenced (3) for Type 1, operating over time (4) for \
         Type 2, never point-in-time evidence — together with the audit-preparation questions. \
         \u{201c}Certification\u{201d} credits describing the result accurately."
            .to_string(),
        "Yes/no questions: Yes meets any requirement, No counts as nothing in place.".to_string(),
        "Not applicable answers are left out of both the credit and the total; each needs a \
         justification, because auditors ask for one."
            .to_string(),
        "Counts: every question in scope is answered (a level, Yes or No), N/A, Unsure or \
         open (no answer yet); the four add up to the questions in scope. A gap is an answered or \
         Unsure question below the level the target needs. Open questions count as zero but are \
         never called gaps, because their state is not known yet; Unsure answers are gaps and are \
         also listed for follow-up."
            .to_string(),
        format!(
            "Verdicts: Ready needs {ready_percent} % and no key control below the level it needs; \
             Getting there needs {getting_there_percent} %; anything less is Not ready. While fewer \
             than {MIN_ASSESSED_PERCENT} % of a stage's questions are answered or N/A, its verdict \
             is Not assessed yet. The overall verdict is the weakest of the three stages."
        ),
        format!(
            "The {ready_percent} % and {getting_there_percent} % thresholds are this tool's own \
             planning cut-offs, not an AICPA rule: an auditor forms an opinion on each control, \
             not on a percentage."
        ),
        "Severity: Critical is a key control not in place; High a key control short of its level, \
         or a heavy control (weight 3 or more) not in place; Medium a control not in place; Low a \
         control in place but not yet evidenced as the report type needs. Within a severity, gaps \
         are ordered by weight times levels short, doubled for key controls."
            .to_string(),
    ]
}

/// What a roadmap phase is about, for a report aiming at `target`.
pub fn phase_description(phase: Phase, target: Target) -> String {
    match (phase, target) {
        (Phase::Now, _) => "Key controls below the Type 1 level. An auditor will not let these \
             pass, so they block any SOC 2 report; start here."
            .to_string(),
        (Phase::BeforeType1, Target::Type1) => "Every other control or preparation step below \
             the level a Type 1 report needs: designed, working and evidenced at one date."
            .to_string(),
        (Phase::BeforeType1, Target::Type2) => "Every other control or preparation step that \
             must be working and evidenced before the observation window can start."
            .to_string(),
        (Phase::Type2Window, _) => "Controls that work and are evidenced today but must keep \
             operating, with evidence retained, across the whole observation window (typically \
             3–12 months) — plus the preparation a Type 2 period needs. Start the window only \
             once these run reliably."
            .to_string(),
        (Phase::Communicate, _) => "How the result is described to customers: no auditor \
             examines these, but getting them wrong (\u{201c}SOC 2 certified\u{201d}) undermines \
             the report. Settle them before the report is shared."
            .to_string(),
    }
}

/// The roadmap action for unanswered questions.
pub fn answer_the_rest(unanswered: usize, keys: usize) -> String {
    let noun = if unanswered == 1 {
        "question"
    } else {
        "questions"
    };
    let key_part = match keys {
        0 => String::new(),
        1 => ", starting with the key control among them".to_string(),
        n => format!(", starting with the {n} key controls among them"),
    };
    format!(
        "Finish the assessment: answer the {unanswered} open {noun}{key_part}. They count as \
         zero until answered."
    )
}

/// The roadmap action for "Unsure" answers.
pub fn resolve_unsure(unsure: usize) -> String {
    let noun = if unsure == 1 { "question" } else { "questions" };
    format!(
        "Find out the real state of the {unsure} {noun} answered Unsure and record what exists."
    )
}

/// The summary's closing sentence when merge conflicts wait in the file ("" when none):
/// the report shows OURS' values until they are resolved.
pub fn conflicts_sentence(views: &[ConflictView]) -> String {
    let mut subjects: Vec<&str> = views.iter().map(|view| view.subject.as_str()).collect();
    subjects.dedup();
    match subjects.len() {
        0 => String::new(),
        n => format!(
            " {n} merge conflict(s) are waiting ({}): this report shows one side's values until \
             they are resolved with `soc2-ready resolve`.",
            subjects.join(", ")
        ),
    }
}

/// The executive summary paragraph.
pub fn summary(model: &ReportModel) -> String {
    let tally = model.tally;
    let scope: Vec<String> = model
        .scope
        .iter()
        .map(|category| category.label().to_string())
        .collect();
    let mut text = format!(
        "{} is preparing for a SOC 2 {} report covering {}. ",
        model.organization,
        model.target.label(),
        join_words(&scope)
    );
    if tally.assessed() + tally.unsure == 0 {
        let keys = model.unanswered.iter().filter(|q| q.key).count();
        text.push_str(&format!(
            "No question has been answered yet, so every readiness figure below is zero. Answer \
             the {} questions in scope — the {keys} key controls first — to get a meaningful \
             picture.",
            tally.questions
        ));
        return text;
    }
    text.push_str(&format!("{}. ", tally.sentence()));
    let stage = |stage: Stage| {
        let card = model.stage(stage);
        format!(
            "{} ({})",
            percent_text(card.readiness_percent),
            card.verdict.label().to_lowercase()
        )
    };
    text.push_str(&format!(
        "Overall verdict: {}. Compliance stands at {}, attestation toward a {} report at {}, and \
         {} — describing the result accurately — at {}. ",
        model.overall.label(),
        stage(Stage::Compliance),
        model.target.label(),
        stage(Stage::Attestation),
        Stage::Certification.label().to_lowercase(),
        stage(Stage::Certification),
    ));
    text.push_str(&gap_sentence(model));
    if !model.unanswered.is_empty() {
        text.push_str(
            " Unanswered questions count as zero until answered and are listed separately.",
        );
    }
    text
}

fn gap_sentence(model: &ReportModel) -> String {
    if model.gaps.is_empty() {
        return format!(
            "The answers show no gaps toward a {} report.",
            model.target.label()
        );
    }
    let counts: Vec<String> = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ]
    .into_iter()
    .filter_map(|severity| {
        let count = model
            .gaps
            .iter()
            .filter(|gap| gap.severity == severity)
            .count();
        (count > 0).then(|| format!("{count} {}", severity.label().to_lowercase()))
    })
    .collect();
    let noun = if model.gaps.len() == 1 { "gap" } else { "gaps" };
    format!(
        "The answers show {} {noun} ({}).",
        model.gaps.len(),
        counts.join(", ")
    )
}

/// "a", "a and b", "a, b and c".
fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn words_are_joined_like_a_sentence() {
        let words =
            |items: &[&str]| join_words(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(words(&[]), "");
        assert_eq!(words(&["a"]), "a");
        assert_eq!(words(&["a", "b"]), "a and b");
        assert_eq!(words(&["a", "b", "c"]), "a, b and c");
    }

    /// "Certified" and "certification" may only appear inside curly quotes, where the text
    /// says the word is wrong.
    pub(crate) fn assert_quoted_when_certified(text: &str) {
        let lower = text.to_lowercase();
        let hits = ["certified", "certification"]
            .into_iter()
            .flat_map(|word| lower.match_indices(word));
        for (at, word) in hits {
            let before = &lower[..at];
            let opened = before.rfind('\u{201c}');
            let closed = before.rfind('\u{201d}');
            assert!(
                opened.is_some() && opened > closed,
                "unquoted {word:?} at byte {at} in {text:?}"
            );
        }
    }

    #[test]
    fn the_fixed_texts_never_call_soc2_a_certification() {
        let mut texts = vec![DISCLAIMER.to_string(), ATTESTATION_NOTE.to_string()];
        texts.extend(method_notes(85, 50));
        for phase in Phase::ALL {
            for target in Target::ALL {
                texts.push(phase_description(phase, target));
            }
        }
        for text in texts {
            assert_quoted_when_certified(&text);
        }
    }
}
