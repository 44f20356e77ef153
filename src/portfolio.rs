//! The portfolio: one summary line per assessment — organisation, target, answered of
//! total, readiness and verdict per stage, overall verdict, last change, earliest realistic
//! date of the targeted report — shared by
//! `soc2-ready list` and the wizard's Home, and the orders a consultant sorts them in.
//! Pure: scores in, summaries out.

use std::cmp::Ordering;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::assessment::Assessment;
use crate::assessment::migrate::migrate;
use crate::questionnaire::{Questionnaire, Stage, Target};
use crate::scoring::{Policy, Verdict, score};
use crate::time::timeline::timeline;

/// Readiness and verdict of one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StageSummary {
    /// Which stage.
    pub stage: Stage,
    /// Readiness in whole percent; `None` when nothing counts.
    pub readiness: Option<u32>,
    /// The stage's verdict.
    pub verdict: Verdict,
}

/// What the portfolio shows about one readable assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The organisation.
    pub organization: String,
    /// The report type aimed for.
    pub target: Target,
    /// Questions in scope with an answer (Unsure not counted).
    pub answered: u32,
    /// Questions in scope.
    pub questions: u32,
    /// Compliance, attestation and "certification", in that order.
    pub stages: Vec<StageSummary>,
    /// Readiness toward the targeted report (the attestation stage), in percent.
    pub readiness: Option<u32>,
    /// The weakest stage verdict.
    pub verdict: Verdict,
    /// When it was last changed, if it ever was.
    pub updated: Option<Timestamp>,
    /// When it was started.
    pub created: Date,
    /// The thresholds its verdicts were decided with.
    pub policy: Policy,
    /// The earliest realistic date of the targeted report (see [`timeline`]).
    pub report_date: Date,
}

impl Summary {
    /// Scores `assessment` for the portfolio under `policy` (its own thresholds win) and
    /// dates its targeted report from `today`.
    pub fn of(
        assessment: &Assessment,
        questionnaire: &Questionnaire,
        policy: &Policy,
        today: Date,
    ) -> Self {
        // Answers under retired ids count as they will once the file is opened.
        let mut migrated = assessment.clone();
        migrate(&mut migrated, questionnaire);
        let assessment = &migrated;
        let card = score(questionnaire, assessment, policy);
        let dates = timeline(questionnaire, assessment, today);
        Self {
            organization: assessment.organization.clone(),
            target: assessment.target,
            answered: card.tally.answered,
            questions: card.tally.questions,
            stages: card
                .stages
                .iter()
                .map(|stage| StageSummary {
                    stage: stage.stage,
                    readiness: stage.measure.readiness.percent(),
                    verdict: stage.measure.verdict,
                })
                .collect(),
            readiness: card.stage(Stage::Attestation).measure.readiness.percent(),
            verdict: card.overall,
            updated: assessment.updated,
            created: assessment.created,
            policy: card.policy,
            report_date: match assessment.target {
                Target::Type1 => dates.type1.date,
                Target::Type2 => dates.type2.date,
            },
        }
    }

    /// When it last changed: the last save, or the day it was started.
    pub fn last_change(&self) -> Timestamp {
        self.updated.unwrap_or_else(|| {
            TimeZone::UTC
                .to_timestamp(self.created.to_datetime(jiff::civil::Time::midnight()))
                .unwrap_or(Timestamp::MIN)
        })
    }
}

/// The orders the portfolio can be sorted in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Organisation name, A to Z.
    Name,
    /// Most recently changed first.
    #[default]
    LastChange,
    /// Most ready (toward the targeted report) first.
    Readiness,
}

impl SortKey {
    /// The order in words.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::LastChange => "last change",
            SortKey::Readiness => "readiness",
        }
    }

    /// The next order in the cycle name → last change → readiness.
    pub fn next(self) -> Self {
        match self {
            SortKey::Name => SortKey::LastChange,
            SortKey::LastChange => SortKey::Readiness,
            SortKey::Readiness => SortKey::Name,
        }
    }

    /// Orders two entries, each a display name and its summary (`None`: unreadable).
    /// Unreadable files come last in every order, by name.
    pub fn compare(self, a: (&str, Option<&Summary>), b: (&str, Option<&Summary>)) -> Ordering {
        let by_name = || {
            a.0.to_lowercase()
                .cmp(&b.0.to_lowercase())
                .then(a.0.cmp(b.0))
        };
        match (a.1, b.1) {
            (None, None) => by_name(),
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => match self {
                SortKey::Name => by_name(),
                SortKey::LastChange => y.last_change().cmp(&x.last_change()).then_with(by_name),
                SortKey::Readiness => y.readiness.cmp(&x.readiness).then_with(by_name),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Answer, sample};
    use crate::questionnaire::{Category, Level, QuestionnaireSource, load};

    const TODAY: Date = Date::constant(2026, 11, 24);

    fn summaries() -> (Summary, Summary) {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let complete = sample::complete(&questionnaire);
        let mut early = Assessment::new(
            "acme",
            "",
            Date::constant(2026, 1, 5),
            Target::Type1,
            [Category::Privacy],
        );
        early.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Evidenced)));
        (
            Summary::of(&complete, &questionnaire, &Policy::default(), TODAY),
            Summary::of(&early, &questionnaire, &Policy::default(), TODAY),
        )
    }

    #[test]
    fn a_summary_has_every_stage_and_the_counts() {
        let (complete, early) = summaries();
        assert_eq!(complete.stages.len(), 3);
        // The sample answers everything; its Unsure answers do not count as answered.
        assert!(complete.answered < complete.questions && complete.answered > 150);
        assert!(complete.readiness > early.readiness);
        assert_eq!(early.answered, 1);
        assert!(early.questions > 100);
        assert_eq!(early.verdict, Verdict::NotAssessed, "one answer is too few");
        assert_eq!(early.last_change(), "2026-01-05T00:00:00Z".parse().unwrap());
    }

    #[test]
    fn every_order_puts_unreadable_files_last() {
        let (complete, early) = summaries();
        let mut entries = vec![
            ("zz-broken.toml", None),
            ("acme", Some(&early)),
            ("aa-broken.toml", None),
            ("Sample Co", Some(&complete)),
        ];
        let names = |entries: &[(&str, Option<&Summary>)]| -> Vec<String> {
            entries.iter().map(|(name, _)| name.to_string()).collect()
        };
        entries.sort_by(|a, b| SortKey::Name.compare(*a, *b));
        assert_eq!(
            names(&entries),
            ["acme", "Sample Co", "aa-broken.toml", "zz-broken.toml"]
        );
        entries.sort_by(|a, b| SortKey::Readiness.compare(*a, *b));
        assert_eq!(names(&entries)[..2], ["Sample Co", "acme"]);
        // The sample was started in November, acme in January: the sample changed last.
        entries.sort_by(|a, b| SortKey::LastChange.compare(*a, *b));
        assert_eq!(names(&entries)[..2], ["Sample Co", "acme"]);
        assert_eq!(SortKey::Name.next().next().next(), SortKey::Name);
    }

    #[test]
    fn the_report_date_is_the_timeline_date_of_the_targeted_report() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let (complete, early) = summaries();
        let complete_plan = timeline(&questionnaire, &sample::complete(&questionnaire), TODAY);
        assert_eq!(complete.target, Target::Type2);
        assert_eq!(complete.report_date, complete_plan.type2.date);
        // The early Type 1 assessment has almost everything still to do: its date is the
        // Type 1 date of its own timeline, well after today.
        assert_eq!(early.target, Target::Type1);
        assert!(early.report_date > TODAY, "{}", early.report_date);
        assert!(
            early.report_date
                < complete_plan
                    .type2
                    .date
                    .saturating_add(jiff::Span::new().years(5))
        );
    }
}
