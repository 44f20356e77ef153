//! An assessment: who is assessed, what is in scope, which report is targeted, and the
//! answers. The types here are pure; [`file`] turns them into TOML and back, [`store`]
//! puts them on disk safely.

pub mod backup;
pub mod conflicts;
mod conflicts_file;
pub mod file;
pub mod locker;
pub mod merge;
pub mod migrate;
pub mod package;
mod registers_file;
pub mod sample;
pub mod store;
pub mod thresholds;
mod time_file;
mod time_records;
pub mod workshop;
mod workshop_file;

pub use time_records::{
    AuditPlan, Evidence, EvidenceFile, Snapshot, WINDOW_MONTHS, check_locker_path, is_sha256_hex,
};

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::questionnaire::{AnswerKind, Category, Level, Question, Questionnaire, Target};
use crate::registers::Registers;

/// The assessment file schema this version writes.
pub const SCHEMA: i64 = 5;

/// One answer on the scale, or yes/no, N/A or unsure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A level of the 0–4 scale.
    Level(Level),
    /// Yes, for yes/no questions: meets any requirement.
    Yes,
    /// No, for yes/no questions: counts as nothing in place.
    No,
    /// Not applicable: excluded from every denominator; needs a reason.
    NotApplicable,
    /// Unsure: counts as zero and is flagged for follow-up.
    Unsure,
}

impl Answer {
    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Level(level) => level.key(),
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "na",
            Answer::Unsure => "unsure",
        }
    }

    /// Parses an answer name as written in files.
    pub fn from_key(key: &str) -> Option<Answer> {
        match key {
            "yes" => Some(Answer::Yes),
            "no" => Some(Answer::No),
            "na" => Some(Answer::NotApplicable),
            "unsure" => Some(Answer::Unsure),
            other => Level::from_key(other).map(Answer::Level),
        }
    }

    /// The level the answer amounts to for scoring; `None` for N/A.
    pub fn effective_level(self) -> Option<Level> {
        match self {
            Answer::Level(level) => Some(level),
            Answer::Yes => Some(Level::Operating),
            Answer::No | Answer::Unsure => Some(Level::NotInPlace),
            Answer::NotApplicable => None,
        }
    }

    /// Whether the answer suits how `question` is answered: levels for scale questions,
    /// yes/no for yes/no questions; N/A and Unsure for any.
    pub fn fits(self, question: &Question) -> bool {
        match self {
            Answer::Level(_) => question.kind == AnswerKind::Scale,
            Answer::Yes | Answer::No => question.kind == AnswerKind::YesNo,
            Answer::NotApplicable | Answer::Unsure => true,
        }
    }

    /// The answer as shown for `question` (its own level labels when it has them).
    pub fn label(self, question: &Question) -> &str {
        match self {
            Answer::Level(level) => question.level_label(level),
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::NotApplicable => "Not applicable",
            Answer::Unsure => "Unsure",
        }
    }
}

/// Everything recorded for one question. A record may carry a note before it has an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerRecord {
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// Free text: what exists, what is missing, where the evidence lives.
    pub note: String,
    /// Who will close the gap.
    pub owner: String,
    /// When the gap should be closed.
    pub due: Option<Date>,
    /// Why the question does not apply (required with N/A: auditors ask).
    pub na_reason: String,
    /// Evidence collected for the control, oldest first.
    pub evidence: Vec<Evidence>,
}

impl AnswerRecord {
    /// The answer that counts: an N/A without a reason counts as open (`None`) until a
    /// reason is given, because a file edited by hand can hold one the wizard never allows.
    pub fn effective_answer(&self) -> Option<Answer> {
        self.answer.filter(|_| !self.lacks_na_reason())
    }

    /// Whether the record says N/A but gives no reason.
    pub fn lacks_na_reason(&self) -> bool {
        self.answer == Some(Answer::NotApplicable) && self.na_reason.trim().is_empty()
    }

    /// Whether the record holds nothing worth saving.
    pub fn is_blank(&self) -> bool {
        self.answer.is_none()
            && self.note.is_empty()
            && self.owner.is_empty()
            && self.due.is_none()
            && self.na_reason.is_empty()
            && self.evidence.is_empty()
    }
}

/// A readiness assessment of one organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The organisation assessed.
    pub organization: String,
    /// Who ran the assessment.
    pub assessor: String,
    /// When the assessment was started.
    pub created: Date,
    /// When it was last changed (set on every save).
    pub updated: Option<Timestamp>,
    /// Type 1 or Type 2.
    pub target: Target,
    /// Categories in scope; Security is always among them.
    scope: BTreeSet<Category>,
    /// The questionnaire version the assessment was last answered with.
    pub questionnaire_version: String,
    /// Answers by question id, including ids the current questionnaire does not know.
    pub answers: BTreeMap<String, AnswerRecord>,
    /// What the gap report adds beyond the answers: commentary and sign-off.
    pub report: ReportNotes,
    /// Verdict thresholds agreed for this engagement; they win over the user's config.
    pub thresholds: thresholds::Thresholds,
    /// The planned audit (observation window, start).
    pub audit: AuditPlan,
    /// Dated snapshots of the answers, oldest first (see [`crate::time::history`]).
    pub history: Vec<Snapshot>,
    /// The policy, vendor and risk registers (schema 4).
    pub registers: Registers,
    /// The workshop sessions, oldest first (schema 5).
    pub workshops: Vec<workshop::Workshop>,
    /// Merge conflicts waiting for the user to pick a side (schema 5; see [`conflicts`]).
    pub conflicts: conflicts::Conflicts,
    /// The older schema the file was read from, when it was (its first save upgrades it
    /// and keeps a backup of the old file).
    pub migrated_from: Option<i64>,
    /// The file line of each N/A answer that was read without a reason, by question id, so
    /// messages can point at it (empty for an assessment made in memory).
    pub na_lines: BTreeMap<String, usize>,
}

/// Free text the gap report prints as written: the assessor's commentary and the sign-off.
/// Every field is optional (empty when not set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportNotes {
    /// "Key observations": the assessor's commentary, printed after the executive summary.
    pub observations: String,
    /// Who reviewed the report before it was sent.
    pub reviewed_by: String,
    /// The report's version, e.g. "1.0" or "draft 2".
    pub version: String,
}

impl Assessment {
    /// A new, empty assessment; Security is added to the scope if missing.
    pub fn new(
        organization: &str,
        assessor: &str,
        created: Date,
        target: Target,
        scope: impl IntoIterator<Item = Category>,
    ) -> Self {
        let mut assessment = Self {
            organization: organization.trim().to_string(),
            assessor: assessor.trim().to_string(),
            created,
            updated: None,
            target,
            scope: BTreeSet::new(),
            questionnaire_version: String::new(),
            answers: BTreeMap::new(),
            report: ReportNotes::default(),
            thresholds: thresholds::Thresholds::default(),
            audit: AuditPlan::default(),
            history: Vec::new(),
            registers: Registers::default(),
            workshops: Vec::new(),
            conflicts: conflicts::Conflicts::new(),
            migrated_from: None,
            na_lines: BTreeMap::new(),
        };
        assessment.set_scope(scope);
        assessment
    }

    /// The categories in scope, Security first.
    pub fn scope(&self) -> &BTreeSet<Category> {
        &self.scope
    }

    /// The file names of the categories in scope (`"security"`, …), Security first.
    pub fn scope_keys(&self) -> Vec<&'static str> {
        self.scope.iter().map(|category| category.key()).collect()
    }

    /// Replaces the scope; Security always stays in.
    pub fn set_scope(&mut self, scope: impl IntoIterator<Item = Category>) {
        self.scope = scope.into_iter().collect();
        self.scope.insert(Category::Security);
    }

    /// Whether a question counts for this assessment: its category is in scope (stage
    /// questions always are) and it matters for the targeted report type.
    pub fn in_scope(&self, question: &Question) -> bool {
        self.in_scope_for(question, self.target)
    }

    /// Whether a question counts toward a report of type `target`, with this scope.
    pub fn in_scope_for(&self, question: &Question, target: Target) -> bool {
        question
            .category
            .is_none_or(|category| self.scope.contains(&category))
            && question.applies_to(target)
    }

    /// Whether a question applies yet: it has no condition, or the question its condition
    /// names is answered at (or above) the level it asks for. N/A there never makes it apply.
    pub fn is_relevant(&self, question: &Question) -> bool {
        question.relevant_when.as_ref().is_none_or(|condition| {
            self.answer(&condition.question)
                .and_then(Answer::effective_level)
                .is_some_and(|level| level >= condition.at_least)
        })
    }

    /// Whether a question counts in the scores toward `target`: in scope and relevant yet.
    pub fn counts_for(&self, question: &Question, target: Target) -> bool {
        self.in_scope_for(question, target) && self.is_relevant(question)
    }

    /// The record for a question id, if any.
    pub fn record(&self, id: &str) -> Option<&AnswerRecord> {
        self.answers.get(id)
    }

    /// The answer that counts for a question id, if any: an N/A without a reason counts as
    /// open (see [`AnswerRecord::effective_answer`]).
    pub fn answer(&self, id: &str) -> Option<Answer> {
        self.answers
            .get(id)
            .and_then(AnswerRecord::effective_answer)
    }

    /// Changes the record of a question id; a record left blank is removed.
    pub fn edit(&mut self, id: &str, change: impl FnOnce(&mut AnswerRecord)) {
        let record = self.answers.entry(id.to_string()).or_default();
        change(record);
        if record.is_blank() {
            self.answers.remove(id);
        }
    }

    /// Sets the answer of a question id, keeping its note, owner and due date.
    pub fn set_answer(&mut self, id: &str, answer: Option<Answer>) {
        self.edit(id, |record| record.answer = answer);
    }

    /// Answer ids the questionnaire does not know: kept on save, reported as warnings.
    pub fn unknown_ids<'a>(
        &'a self,
        questionnaire: &'a Questionnaire,
    ) -> impl Iterator<Item = &'a str> {
        self.answers
            .keys()
            .map(String::as_str)
            .filter(|id| questionnaire.question(id).is_none())
    }

    /// N/A answers without a reason, in question order.
    pub fn na_without_reason(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .filter(|(_, record)| record.lacks_na_reason())
            .map(|(id, _)| id.as_str())
    }

    /// One message for each N/A answer without a reason, naming the question and, when the
    /// assessment was read from a file, its line: "N/A needs a reason: CC6.4.office at line 41".
    pub fn na_reason_messages(&self) -> Vec<String> {
        self.na_without_reason()
            .map(|id| match self.na_lines.get(id) {
                Some(line) => format!("N/A needs a reason: {id} at line {line} (counted as open until a reason is given)"),
                None => format!("N/A needs a reason: {id} (counted as open until a reason is given)"),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Assessment {
        Assessment::new(
            "Acme",
            "Jane",
            Date::constant(2026, 11, 24),
            Target::Type2,
            [Category::Privacy],
        )
    }

    #[test]
    fn security_is_always_in_scope() {
        let mut assessment = sample();
        assert!(assessment.scope().contains(&Category::Security));
        assessment.set_scope([]);
        assert_eq!(
            assessment.scope().iter().copied().collect::<Vec<_>>(),
            [Category::Security]
        );
    }

    #[test]
    fn answer_keys_round_trip_and_levels_are_effective() {
        for key in [
            "not_in_place",
            "planned",
            "in_place",
            "evidenced",
            "operating",
            "yes",
            "no",
            "na",
            "unsure",
        ] {
            assert_eq!(Answer::from_key(key).map(Answer::key), Some(key));
        }
        assert_eq!(Answer::from_key("certified"), None);
        assert_eq!(Answer::Unsure.effective_level(), Some(Level::NotInPlace));
        assert_eq!(Answer::Yes.effective_level(), Some(Level::Operating));
        assert_eq!(Answer::NotApplicable.effective_level(), None);
    }

    #[test]
    fn editing_keeps_notes_and_drops_blank_records() {
        let mut assessment = sample();
        assessment.edit("CC6.1.mfa", |record| {
            record.note = "root account left".into()
        });
        assessment.set_answer("CC6.1.mfa", Some(Answer::Level(Level::Evidenced)));
        assert_eq!(
            assessment.record("CC6.1.mfa").unwrap().note,
            "root account left"
        );
        assessment.edit("CC6.1.mfa", |record| *record = AnswerRecord::default());
        assert!(assessment.answers.is_empty());
    }

    #[test]
    fn na_needs_a_reason() {
        let mut assessment = sample();
        assessment.set_answer("CC6.4.office", Some(Answer::NotApplicable));
        assert_eq!(
            assessment.na_without_reason().collect::<Vec<_>>(),
            ["CC6.4.office"]
        );
        // Until a reason is given the answer counts as open, not as N/A.
        assert_eq!(assessment.answer("CC6.4.office"), None);
        assessment.na_lines.insert("CC6.4.office".into(), 41);
        assert_eq!(
            assessment.na_reason_messages(),
            [
                "N/A needs a reason: CC6.4.office at line 41 (counted as open until a reason is given)"
            ]
        );
        assessment.edit("CC6.4.office", |record| {
            record.na_reason = "fully remote".into()
        });
        assert_eq!(assessment.na_without_reason().count(), 0);
        assert!(assessment.na_reason_messages().is_empty());
        assert_eq!(
            assessment.answer("CC6.4.office"),
            Some(Answer::NotApplicable)
        );
    }
}
