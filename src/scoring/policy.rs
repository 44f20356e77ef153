//! Verdict thresholds ("Ready" from 85 %, "Getting there" from 50 % unless set otherwise)
//! and where each came from: the assessment's agreed value wins over the user's config,
//! which wins over the built-in default.

use serde::Serialize;

use crate::assessment::Assessment;
use crate::assessment::thresholds::{self, Thresholds};

/// Where a verdict threshold came from; the nearer source wins (assessment over config
/// over built-in).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdSource {
    /// The built-in default.
    #[default]
    BuiltIn,
    /// The user's config file.
    Config,
    /// The assessment file (agreed for this engagement).
    Assessment,
}

impl ThresholdSource {
    /// Where the threshold came from, in words.
    pub fn label(self) -> &'static str {
        match self {
            ThresholdSource::BuiltIn => "built-in default",
            ThresholdSource::Config => "from the config file",
            ThresholdSource::Assessment => "agreed in this assessment",
        }
    }
}

/// Thresholds that turn a readiness ratio into a verdict, and where each came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Policy {
    /// Readiness needed (with no key control short) for "ready"; default 0.85.
    pub ready: f64,
    /// Readiness needed for "getting there"; default 0.5.
    pub getting_there: f64,
    /// Where `ready` came from.
    pub ready_from: ThresholdSource,
    /// Where `getting_there` came from.
    pub getting_there_from: ThresholdSource,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            ready: thresholds::DEFAULT_READY,
            getting_there: thresholds::DEFAULT_GETTING_THERE,
            ready_from: ThresholdSource::BuiltIn,
            getting_there_from: ThresholdSource::BuiltIn,
        }
    }
}

impl Policy {
    /// This policy with the values `thresholds` sets, marked as coming from `source`.
    pub fn overridden(mut self, thresholds: &Thresholds, source: ThresholdSource) -> Self {
        if let Some(ready) = thresholds.ready {
            self.ready = ready;
            self.ready_from = source;
        }
        if let Some(getting_there) = thresholds.getting_there {
            self.getting_there = getting_there;
            self.getting_there_from = source;
        }
        self
    }

    /// The policy that applies to `assessment`: its own agreed thresholds win.
    pub fn for_assessment(&self, assessment: &Assessment) -> Self {
        self.overridden(&assessment.thresholds, ThresholdSource::Assessment)
    }

    /// The thresholds in words, e.g. "Ready from 85 %, Getting there from 50 % (built-in
    /// default)".
    pub fn describe(&self) -> String {
        let ready = whole_percent(self.ready);
        let getting_there = whole_percent(self.getting_there);
        if self.ready_from == self.getting_there_from {
            format!(
                "Ready from {ready} %, Getting there from {getting_there} % ({})",
                self.ready_from.label()
            )
        } else {
            format!(
                "Ready from {ready} % ({}), Getting there from {getting_there} % ({})",
                self.ready_from.label(),
                self.getting_there_from.label()
            )
        }
    }
}

/// A fraction as a whole percentage, rounded to the nearest (0.855 → 86).
pub fn whole_percent(fraction: f64) -> u32 {
    // Thresholds are checked to lie in 0..=1, so the result fits.
    (fraction * 100.0).round().clamp(0.0, 100.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::sample;
    use crate::questionnaire::{QuestionnaireSource, Stage, load};
    use crate::scoring::{Verdict, score};

    fn bar(ready: f64, getting_there: f64) -> Thresholds {
        Thresholds {
            ready: Some(ready),
            getting_there: Some(getting_there),
        }
    }

    #[test]
    fn a_threshold_change_changes_the_verdict_and_its_explanation() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment = sample::complete(&questionnaire);
        let card = score(&questionnaire, &assessment, &Policy::default());
        let percent = card
            .stage(Stage::Compliance)
            .measure
            .readiness
            .percent()
            .unwrap();
        let at = f64::from(percent) / 100.0;
        let above = f64::from(percent + 1) / 100.0;
        // "Getting there" exactly at the sample's readiness: getting there.
        let lenient = Policy::default().overridden(&bar(1.0, at), ThresholdSource::Config);
        let card = score(&questionnaire, &assessment, &lenient);
        let measure = &card.stage(Stage::Compliance).measure;
        assert_eq!(measure.verdict, Verdict::GettingThere);
        // One point higher: not ready, and the explanation names both thresholds and their source.
        let strict = Policy::default().overridden(&bar(1.0, above), ThresholdSource::Config);
        let card = score(&questionnaire, &assessment, &strict);
        let measure = &card.stage(Stage::Compliance).measure;
        assert_eq!(measure.verdict, Verdict::NotReady);
        let why = measure.explanation(&card.policy);
        assert!(
            why.contains(&format!(
                "the 100 % threshold and the {} % needed for Getting there (from the config file)",
                percent + 1
            )),
            "{why}"
        );
        // The assessment's own thresholds win over the config's, and say so.
        assessment.thresholds = bar(1.0, at);
        let card = score(&questionnaire, &assessment, &strict);
        assert_eq!(
            card.stage(Stage::Compliance).measure.verdict,
            Verdict::GettingThere
        );
        assert_eq!(card.policy.getting_there_from, ThresholdSource::Assessment);
        assert_eq!(card.policy.getting_there, at);
    }

    #[test]
    fn whole_percent_rounds_to_the_nearest() {
        assert_eq!(whole_percent(0.855), 86);
        assert_eq!(whole_percent(0.5), 50);
        assert_eq!(whole_percent(1.0), 100);
    }
}
