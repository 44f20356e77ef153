//! The report model: every fact a gap report shows, computed once from the scorecard so the
//! PDF, Markdown, JSON and CSV renderers only lay it out and can never disagree. The field
//! names double as the JSON format (documented in `docs/report-json.md`).

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::insights::{Action, HeatCell, NaIssues, OwnerLine, SignOff};
use super::prepared::Branding;
use super::registers::RegistersSection;
use super::schedule::ScheduledControl;

use crate::assessment::Answer;
use crate::claims_scan::ClaimsScan;
use crate::questionnaire::{AnswerKind, Category, Level, Question, Stage, Target};
use crate::scoring::{HeadStart, Severity, Tally, Verdict};
use crate::time::progress::Progress;

/// The JSON schema version of [`ReportModel`]; bumped when a field changes meaning or goes.
pub const REPORT_SCHEMA: u32 = 2;

/// The gap register's columns, in the formats that print it as a table (PDF, Markdown).
pub const REGISTER_COLUMNS: [&str; 8] = [
    "#",
    "Severity",
    "Control",
    "Criterion",
    "Current → needed",
    "Owner",
    "Due",
    "Size",
];

/// Everything a gap report says about one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportModel {
    /// [`REPORT_SCHEMA`].
    pub schema: u32,
    /// The organisation assessed.
    pub organization: String,
    /// Who ran the assessment.
    pub assessor: String,
    /// When the assessment was started.
    #[serde(serialize_with = "iso_date")]
    pub assessment_created: Date,
    /// The report date.
    #[serde(serialize_with = "iso_date")]
    pub generated: Date,
    /// The report type aimed for.
    pub target: Target,
    /// Categories in scope, Security first.
    pub scope: Vec<Category>,
    /// The questionnaire version the answers were given with.
    pub questionnaire_version: String,
    /// The weakest of the three stage verdicts.
    pub overall: Verdict,
    /// The executive summary paragraph.
    pub summary: String,
    /// The few things to do first, in plain words.
    pub actions: Vec<Action>,
    /// The assessor's "Key observations" (may be empty).
    pub observations: String,
    /// N/A answers an auditor will question.
    pub na_issues: NaIssues,
    /// Who prepared and reviewed the report, when, which version.
    pub sign_off: SignOff,
    /// Answer counts over every question in scope.
    pub tally: Tally,
    /// The counts in words, exactly as `soc2-ready score` prints them.
    pub counts: String,
    /// Compliance, attestation and "certification", in that order.
    pub stages: Vec<StageCard>,
    /// Type 1 and Type 2 readiness, in that order.
    pub targets: Vec<TargetCard>,
    /// Readiness of each category in scope.
    pub categories: Vec<CategoryBar>,
    /// Readiness toward the target by criterion family (CC1 … P8).
    pub heat_map: Vec<HeatCell>,
    /// Gaps per owner, most first; unowned last.
    pub owners: Vec<OwnerLine>,
    /// Answered questions below the level the target needs, most urgent first.
    pub gaps: Vec<GapItem>,
    /// The gaps grouped into the three remediation phases.
    pub roadmap: Vec<PhasePlan>,
    /// Questions in scope with no answer yet, key controls first.
    pub unanswered: Vec<QuestionRef>,
    /// Questions answered "Unsure", to follow up.
    pub unsure: Vec<QuestionRef>,
    /// Every question in scope with its answer, grouped by criterion.
    pub answers: Vec<CriterionAnswers>,
    /// Answer ids the questionnaire does not know (kept in the file, not scored).
    pub unscored_answers: Vec<String>,
    /// History, due controls, report dates and claims (see docs/time.md).
    pub progress: Progress,
    /// Every periodic control in scope that is in place or logged, most urgent first, with
    /// its owner and the evidence to keep (`progress.due` is the part of it that needs
    /// attention now).
    pub schedule: Vec<ScheduledControl>,
    /// The policy, vendor and risk registers with their findings (empty lists when none).
    pub registers: RegistersSection,
    /// How the numbers were computed.
    pub method: Method,
    /// What SOC 2 ends in: an attestation report, not a certificate.
    pub attestation_note: String,
    /// This is a self-assessment, not an auditor's opinion.
    pub disclaimer: String,
    /// The ISO 27001 head start ("certification" stage): which ISO/IEC 27001:2022 controls
    /// and clauses the SOC 2 answers already cover, by Annex A theme.
    pub iso27001_head_start: HeadStart,
    /// What the claims checker found in customer-facing text, when it was run for this
    /// report (`report --claims`, or the wizard after a check); `null` otherwise.
    pub claims: Option<ClaimsScan>,
    /// Who prepared the report (firm, contact, logo), printed on the PDF only.
    #[serde(skip)]
    pub branding: Branding,
    /// Whether the PDF and Markdown carry the appendix of gap cards (steps, evidence and
    /// notes per gap); without it they are a short version with the register only. JSON and
    /// CSV always carry every field.
    #[serde(skip)]
    pub gap_cards: bool,
}

impl ReportModel {
    /// The score card of one stage.
    pub fn stage(&self, stage: Stage) -> &StageCard {
        &self.stages[stage as usize]
    }

    /// The gaps of one remediation phase, in priority order.
    pub fn gaps_in(&self, phase: Phase) -> impl Iterator<Item = &GapItem> {
        self.gaps.iter().filter(move |gap| gap.phase == phase)
    }

    /// The answer line of question `id`, when it is in scope.
    pub fn answer_line(&self, id: &str) -> Option<&AnswerLine> {
        self.answers
            .iter()
            .flat_map(|group| &group.questions)
            .find(|line| line.id == id)
    }

    /// The categories in scope as words ("Security, Availability").
    pub fn scope_label(&self) -> String {
        let labels: Vec<_> = self.scope.iter().map(|category| category.label()).collect();
        labels.join(", ")
    }
}

/// A question named by id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionRef {
    /// The question id, e.g. `CC6.1.mfa`.
    pub id: String,
    /// Its short title.
    pub title: String,
    /// The criterion it cites (`CC6.1`, `ATT`, `CERT`).
    pub criterion: String,
    /// Whether it is a key control.
    pub key: bool,
}

impl QuestionRef {
    /// The reference to `question`.
    pub fn to(question: &Question) -> Self {
        Self {
            id: question.id.clone(),
            title: question.title.clone(),
            criterion: question.criterion.clone(),
            key: question.key,
        }
    }
}

/// A key question that keeps a verdict from "ready".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockerItem {
    /// The question.
    #[serde(flatten)]
    pub question: QuestionRef,
    /// Its current answer in words ("Unanswered" when none).
    pub current: String,
    /// The current answer as written in assessment files, or `unanswered`.
    pub current_key: &'static str,
    /// The level it needs, in words.
    pub needed: String,
    /// The level it needs as written in files (`in_place`, `evidenced`, `operating`, `yes`).
    pub needed_key: &'static str,
}

/// One stage's readiness, verdict and blockers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageCard {
    /// Which stage.
    pub stage: Stage,
    /// Its name for people ([`Stage::label`]).
    pub label: &'static str,
    /// What the stage is about, in one line.
    pub about: &'static str,
    /// Readiness in whole percent; `None` when nothing counts.
    pub readiness_percent: Option<u32>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is what it is.
    pub explanation: String,
    /// Answer counts.
    pub tally: Tally,
    /// Answered key questions below the level they need, in gap rank order.
    pub blockers: Vec<BlockerItem>,
    /// Key questions not answered yet.
    pub open_keys: u32,
}

/// Readiness toward one report type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetCard {
    /// Type 1 or Type 2.
    pub target: Target,
    /// Readiness in whole percent; `None` when nothing counts.
    pub readiness_percent: Option<u32>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the verdict is what it is.
    pub explanation: String,
    /// How many key questions hold it back.
    pub blockers: usize,
}

/// One category's readiness: controls in place, evidenced now, operating over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryBar {
    /// Which category.
    pub category: Category,
    /// Its name for people.
    pub label: &'static str,
    /// Percent of controls at least in place.
    pub in_place_percent: Option<u32>,
    /// Percent evidenced now (enough for Type 1).
    pub type1_percent: Option<u32>,
    /// Percent operating over time (enough for Type 2).
    pub type2_percent: Option<u32>,
    /// Answer counts.
    pub tally: Tally,
}

/// When a gap should be closed. The phases follow the target: a Type 1 report has no
/// observation window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Key controls not yet at the Type 1 level: they block any report.
    Now,
    /// Everything else the first report needs at one date: design, evidence, audit preparation.
    BeforeType1,
    /// Controls that must operate, with evidence kept, across the observation window.
    Type2Window,
    /// Describing the result accurately ("certification" questions): before the report is shared.
    Communicate,
}

impl Phase {
    /// All phases, in order.
    pub const ALL: [Phase; 4] = [
        Phase::Now,
        Phase::BeforeType1,
        Phase::Type2Window,
        Phase::Communicate,
    ];

    /// The phases of a plan toward `target`, in order.
    pub fn for_target(target: Target) -> Vec<Phase> {
        Phase::ALL
            .into_iter()
            .filter(|&phase| target == Target::Type2 || phase != Phase::Type2Window)
            .collect()
    }

    /// The phase's heading in a plan toward `target`.
    pub fn label(self, target: Target) -> &'static str {
        match (self, target) {
            (Phase::Now, _) => "Now: key controls",
            (Phase::BeforeType1, Target::Type1) => "Before the Type 1 report",
            (Phase::BeforeType1, Target::Type2) => "Before the observation window starts",
            (Phase::Type2Window, _) => "During the Type 2 observation window",
            (Phase::Communicate, _) => "Before you share the report",
        }
    }

    /// The phase of a gap on `question`, currently at `level`.
    pub fn of(question: &Question, level: Level) -> Phase {
        if question.stage == Stage::Certification {
            Phase::Communicate
        } else if !question.applies_to(Target::Type1)
            || level >= question.required_for(Target::Type1)
        {
            Phase::Type2Window
        } else if question.key {
            Phase::Now
        } else {
            Phase::BeforeType1
        }
    }
}

/// A rough size of the work that closes a gap, from how far the answer is from the level
/// needed: one step is small, two medium, three or more (or a No) large.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Size {
    /// One level short.
    S,
    /// Two levels short.
    M,
    /// Three or more levels short, or a yes/no question answered No.
    L,
}

impl Size {
    /// The size of a gap from `current` to `needed` on `question`.
    pub fn of(question: &Question, current: Level, needed: Level) -> Size {
        if question.kind == AnswerKind::YesNo {
            return Size::L;
        }
        match needed.number().saturating_sub(current.number()) {
            0 | 1 => Size::S,
            2 => Size::M,
            _ => Size::L,
        }
    }

    /// The letter shown in the register.
    pub fn label(self) -> &'static str {
        match self {
            Size::S => "S",
            Size::M => "M",
            Size::L => "L",
        }
    }
}

/// One answered question below the level the target needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapItem {
    /// Position in the prioritised list, from 1.
    pub rank: usize,
    /// The question.
    #[serde(flatten)]
    pub question: QuestionRef,
    /// The criterion's topic, or the stage name for `ATT` / `CERT`.
    pub criterion_title: String,
    /// The stage the question belongs to.
    pub stage: Stage,
    /// How urgent it is.
    pub severity: Severity,
    /// When to close it.
    pub phase: Phase,
    /// The current answer, in words.
    pub current: String,
    /// The current answer as written in assessment files (`planned`, `no`, `unsure`, …).
    pub current_key: &'static str,
    /// The level needed, in words.
    pub needed: String,
    /// The level needed as written in files (`in_place`, `evidenced`, `operating`, `yes`).
    pub needed_key: &'static str,
    /// Steps that close the gap.
    pub remediation: Vec<String>,
    /// What an auditor will ask to see.
    pub evidence: Vec<String>,
    /// Who will close it (may be empty).
    pub owner: String,
    /// When it should be closed.
    #[serde(serialize_with = "iso_date_opt")]
    pub due: Option<Date>,
    /// Whether the due date is before the report date.
    pub overdue: bool,
    /// How big the work is.
    pub size: Size,
    /// The assessor's note (may be empty).
    pub note: String,
    /// The ISO/IEC 27001:2022 controls and clauses the question corresponds to.
    pub iso27001: Vec<&'static str>,
}

impl GapItem {
    /// The remediation steps numbered from 1 (`1. …`), as every renderer lists them.
    pub fn numbered_steps(&self) -> Vec<String> {
        self.remediation
            .iter()
            .enumerate()
            .map(|(index, step)| format!("{}. {step}", index + 1))
            .collect()
    }
}

/// One remediation phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhasePlan {
    /// Which phase.
    pub phase: Phase,
    /// Its heading.
    pub label: &'static str,
    /// What the phase is about.
    pub description: String,
    /// Actions besides the gaps (finish the assessment, resolve "Unsure").
    pub actions: Vec<String>,
    /// The ids of the gaps to close in this phase, in priority order.
    pub gap_ids: Vec<String>,
}

/// The answers to one criterion's questions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionAnswers {
    /// The criterion id (`CC6.1`, `ATT`, `CERT`).
    pub criterion: String,
    /// Its topic.
    pub title: String,
    /// Each question in scope, in questionnaire order.
    pub questions: Vec<AnswerLine>,
}

/// One question with everything recorded for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerLine {
    /// The question id.
    pub id: String,
    /// Its short title.
    pub title: String,
    /// The answer in words, or "Unanswered".
    pub answer: String,
    /// The answer as written in assessment files, or `unanswered`.
    pub answer_key: &'static str,
    /// The assessor's note.
    pub note: String,
    /// Why the question does not apply, for N/A answers.
    pub na_reason: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due.
    #[serde(serialize_with = "iso_date_opt")]
    pub due: Option<Date>,
    /// The ISO/IEC 27001:2022 controls and clauses the question corresponds to.
    pub iso27001: Vec<&'static str>,
}

impl AnswerLine {
    /// "Owner: CTO, due 2027-01-31", "Owner: CTO", "Due 2027-01-31", or `None`.
    pub fn assignment(&self) -> Option<String> {
        match (self.owner.trim(), self.due) {
            ("", None) => None,
            ("", Some(due)) => Some(format!("Due {due}")),
            (owner, None) => Some(format!("Owner: {owner}")),
            (owner, Some(due)) => Some(format!("Owner: {owner}, due {due}")),
        }
    }
}

/// One step of the answer scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScaleStep {
    /// The key pressed in the wizard (`0`–`4`, `n`, `?`).
    pub key: &'static str,
    /// The answer's name.
    pub label: &'static str,
    /// What it means.
    pub meaning: &'static str,
    /// What it earns credit for.
    pub credits: &'static str,
}

/// How the numbers were computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Method {
    /// The answer scale.
    pub scale: Vec<ScaleStep>,
    /// Readiness needed (with no key control short) for "ready", in percent.
    pub ready_percent: u32,
    /// Readiness needed for "getting there", in percent.
    pub getting_there_percent: u32,
    /// Plain-words notes: weights, key controls, N/A, Unsure, unanswered, severity.
    pub notes: Vec<String>,
}

/// The answer as written in assessment files, or `unanswered`.
pub fn answer_key(answer: Option<Answer>) -> &'static str {
    answer.map_or("unanswered", Answer::key)
}

/// The answer to `question` in words, or "Unanswered".
pub fn answer_label(question: &Question, answer: Option<Answer>) -> String {
    answer
        .map_or("Unanswered", |answer| answer.label(question))
        .to_string()
}

/// The level `question` needs, in words ("Yes" for yes/no questions).
pub fn level_label(question: &Question, level: Level) -> String {
    match question.kind {
        AnswerKind::YesNo => "Yes".to_string(),
        AnswerKind::Scale => question.level_label(level).to_string(),
    }
}

/// The level `question` needs as written in files (`yes` for yes/no questions).
pub fn level_key(question: &Question, level: Level) -> &'static str {
    match question.kind {
        AnswerKind::YesNo => "yes",
        AnswerKind::Scale => level.key(),
    }
}

/// Formats a percentage for people: "72 %", or "n/a" when nothing counts.
pub fn percent_text(percent: Option<u32>) -> String {
    percent.map_or_else(|| "n/a".to_string(), |value| format!("{value} %"))
}

fn iso_date<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

fn iso_date_opt<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.collect_str(date),
        None => serializer.serialize_none(),
    }
}

/// A due date for people: `2027-01-31`, or empty when none is set.
pub fn due_text(due: Option<Date>) -> String {
    due.map(|date| date.to_string()).unwrap_or_default()
}
