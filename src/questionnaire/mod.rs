//! The questionnaire: the vocabulary of SOC 2 readiness (stages, categories, answer levels,
//! report targets), the catalogue of the 61 criteria, and the questions loaded from TOML.

use std::collections::HashMap;

mod cadence;
mod catalogue;
mod embedded;
mod iso27001;
mod links;
mod load;
mod question_table;
mod vocabulary;

pub use cadence::{Frequency, MAX_EFFORT_WEEKS};
pub use catalogue::{CRITERIA, Criterion, criterion, family, family_topic};
pub use embedded::{BUILT_IN_FILES, built_in};
pub use iso27001::{ISO27001, IsoRef, IsoTheme, parse_iso_ref};
pub use links::Condition;
pub use load::{QuestionnaireSource, load, parse_files};
pub use vocabulary::{AnswerKind, Category, Level, Stage, Target};

/// One question of the questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id, e.g. `CC6.1.mfa`.
    pub id: String,
    /// The criterion it evidences (`CC6.1`), or `ATT` / `CERT` for the later stages.
    pub criterion: String,
    /// The ISO/IEC 27001:2022 controls and clauses it corresponds to (compliance questions).
    pub iso27001: Vec<&'static IsoRef>,
    /// The stage the question belongs to.
    pub stage: Stage,
    /// The category, for compliance questions.
    pub category: Option<Category>,
    /// A short name for the control.
    pub title: String,
    /// How often a periodic control must run, if it is periodic.
    pub frequency: Option<Frequency>,
    /// Weeks of work to close the control from nothing, if the questionnaire says.
    pub effort: Option<u8>,
    /// The question itself.
    pub prompt: String,
    /// Why it matters, in plain words.
    pub why: String,
    /// What an auditor will ask to see.
    pub evidence: Vec<String>,
    /// Steps that close the gap.
    pub remediation: Vec<String>,
    /// The step once the control is in place but not evidenced: what to collect for an
    /// auditor, where a sentence built from `evidence` does not fit (optional).
    pub collect: Option<String>,
    /// The step once the control is evidenced but not yet operating over time: what to keep
    /// doing and log each time, where the general sentence does not fit (optional).
    pub operate: Option<String>,
    /// Other criteria the question also counts toward, asked once instead of twice.
    pub also_supports: Vec<String>,
    /// Older question ids whose answers move to this question on load.
    pub replaces: Vec<String>,
    /// The answer to another question that makes this one relevant; `None`: always.
    pub relevant_when: Option<Condition>,
    /// How much it counts (1–5).
    pub weight: u8,
    /// A control an auditor will not let pass.
    pub key: bool,
    /// Scale or yes/no.
    pub kind: AnswerKind,
    /// Labels that replace the default level names, lowest first.
    pub levels: Option<[String; 5]>,
    /// For attestation and certification questions, the level that counts as done.
    pub required: Level,
    /// The report types the question matters for.
    pub targets: Vec<Target>,
}

impl Question {
    /// The label of a level for this question (its own labels when it has them).
    pub fn level_label(&self, level: Level) -> &str {
        match &self.levels {
            Some(labels) => &labels[usize::from(level.number())],
            None => level.label(),
        }
    }

    /// Whether the question counts toward `criterion`: its own or one it also supports.
    pub fn supports(&self, criterion: &str) -> bool {
        self.criterion == criterion || self.also_supports.iter().any(|id| id == criterion)
    }

    /// Every criterion the question counts toward, its own first.
    pub fn criteria(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.criterion.as_str())
            .chain(self.also_supports.iter().map(String::as_str))
    }

    /// Whether the question counts toward a report of type `target`.
    pub fn applies_to(&self, target: Target) -> bool {
        self.targets.contains(&target)
    }

    /// The level this question needs to count as done toward `target`.
    /// Compliance controls need the target's evidence level; the stage questions their own.
    pub fn required_for(&self, target: Target) -> Level {
        match self.stage {
            Stage::Compliance => target.required_level(),
            Stage::Attestation | Stage::Certification => self.required,
        }
    }
}

/// The loaded questions, in stage, category and file order.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    questions: Vec<Question>,
    index: HashMap<String, usize>,
    /// Retired id → position of the question that replaces it.
    replaced: HashMap<String, usize>,
    files: Vec<FileSummary>,
    version: String,
}

/// What one questionnaire file contributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    /// The file name.
    pub name: String,
    /// The file's title.
    pub title: String,
    /// The file's stage.
    pub stage: Stage,
    /// The file's category, for compliance files.
    pub category: Option<Category>,
    /// How many questions it holds.
    pub questions: usize,
}

impl Questionnaire {
    /// Builds a questionnaire from validated parts.
    pub(crate) fn new(questions: Vec<Question>, files: Vec<FileSummary>, version: String) -> Self {
        let index = questions
            .iter()
            .enumerate()
            .map(|(position, question)| (question.id.clone(), position))
            .collect();
        let replaced = questions
            .iter()
            .enumerate()
            .flat_map(|(position, question)| {
                question
                    .replaces
                    .iter()
                    .map(move |old| (old.clone(), position))
            })
            .collect();
        Self {
            questions,
            index,
            replaced,
            files,
            version,
        }
    }

    /// Every question, in order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The files the questions came from.
    pub fn files(&self) -> &[FileSummary] {
        &self.files
    }

    /// A version string saved with assessments: `builtin-<crate version>` or a content hash.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Looks a question up by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index
            .get(id)
            .map(|&position| &self.questions[position])
    }

    /// The questions counting toward a criterion (or `ATT` / `CERT`), its own or as
    /// `also_supports`.
    pub fn questions_for<'a>(&'a self, criterion: &'a str) -> impl Iterator<Item = &'a Question> {
        self.questions
            .iter()
            .filter(move |question| question.supports(criterion))
    }

    /// The question that replaces a retired id, if one says so.
    pub fn replacement(&self, old_id: &str) -> Option<&Question> {
        self.replaced
            .get(old_id)
            .map(|&position| &self.questions[position])
    }
}
