//! The command line, declared once with clap: help, usage errors and `--version` come from here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use soc2_ready::config::Config;
use soc2_ready::report::Paper;

pub use super::config::ConfigArgs;
pub use super::docs::ShellArg;
pub use super::exports::{CalendarArgs, SoaArgs, TrackerArg};
pub use super::import::ImportArgs;
pub use super::list::PortfolioArgs;
pub use super::minutes::MinutesArgs;
pub use super::registers::{PolicyCommand, RiskCommand, VendorCommand};
pub use super::sheet::SheetCommand;
pub use super::validate::ValidateArgs;
pub use super::wizard::WorkshopArgs;

/// Offline SOC 2 readiness wizard: scores compliance, attestation and "certification"
/// readiness separately and exports a gap report. Run without a command to open the wizard.
#[derive(Debug, Parser)]
#[command(name = "soc2-ready", version, about, long_about = None)]
pub struct Cli {
    /// Options shared by every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do (default: open the wizard).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options shared by every command.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Load questionnaires from this folder instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub questionnaires: Option<PathBuf>,
    /// Where assessments live (default: the user's data directory).
    #[arg(long, global = true, value_name = "DIR", env = "SOC2_READY_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Colours of the wizard (NO_COLOR turns colours off in any theme) [default: the
    /// config's `theme`, else dark].
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,
    /// The config file (default: config.toml in the user's config directory; see `config --path`).
    #[arg(long, global = true, value_name = "PATH", env = "SOC2_READY_CONFIG")]
    pub config: Option<PathBuf>,
}

/// The wizard's colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Light text on a dark terminal.
    Dark,
    /// Dark text on white.
    Light,
    /// High contrast and bold, for a projector.
    Projector,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check questionnaire files and summarise them (and an assessment file, if given).
    Validate(ValidateArgs),
    /// List the 61 Trust Services Criteria with their question counts.
    Criteria(ListArgs),
    /// List every question.
    Questions(ListArgs),
    /// Create a new assessment file and print its path.
    New(NewArgs),
    /// Score an assessment: readiness per stage, verdicts, top gaps.
    Score(ScoreArgs),
    /// Write the gap report of an assessment (PDF, Markdown, JSON, CSV, an XLSX workbook, or
    /// tickets for Jira, Linear or GitHub).
    Report(ReportArgs),
    /// Write the control calendar as iCalendar: periodic controls and gap due dates.
    Calendar(CalendarArgs),
    /// Write a draft ISO/IEC 27001:2022 Statement of Applicability (CSV, XLSX or PDF).
    Soa(SoaArgs),
    /// Write the minutes of a workshop session (Markdown or PDF): attendees, answers changed,
    /// follow-ups, decisions, readiness before and after.
    Minutes(MinutesArgs),
    /// Set one answer from a script (same rules, lock and atomic save as the wizard).
    Answer(AnswerArgs),
    /// Write the auditor's package: a ZIP with the request list, the evidence files, the
    /// gap report and SHA256SUMS, checkable with `sha256sum -c`.
    Package(super::package::PackageArgs),
    /// Keep the dated evidence log of a control: add, list, remove.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// Record an export (Prowler, AWS credential report, GitHub branch protection, Google Workspace
    /// or Okta users, any CSV with a mapping) as evidence and propose the answers
    /// it shows; --apply sets them.
    Import(ImportArgs),
    /// List the dated snapshots of an assessment with the three stage readiness figures.
    History(HistoryArgs),
    /// Show what changed: since a date (or the last snapshot), or between two files.
    Compare(CompareArgs),
    /// List gaps past their due date and periodic controls overdue or due soon (exit code 1
    /// when either is overdue).
    Due(DueArgs),
    /// The policy register: add, accept, list, remove, and the starter templates.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// The vendor register (CC9.2): add, list, import, remove.
    #[command(subcommand)]
    Vendor(VendorCommand),
    /// The risk register (CC3.1-CC3.4): add, list with the heat map, import, remove.
    #[command(subcommand)]
    Risk(RiskCommand),
    /// List the ISO/IEC 27001:2022 references of every compliance question.
    Crosswalk(CrosswalkArgs),
    /// Find statements that misdescribe SOC 2 in text, Markdown and HTML files or folders.
    Claims(ClaimsArgs),
    /// Spreadsheets out and back: export the questions for one owner or some criteria as
    /// an XLSX or CSV sheet to fill, and import it again as a diff applied all or nothing.
    #[command(subcommand)]
    Sheet(SheetCommand),
    /// Git's merge driver for assessment files (`merge %O %A %B`): writes the three-way
    /// merge into OURS; exit 1 when conflicts are left to `resolve`.
    Merge(MergeArgs),
    /// Settle merge conflicts waiting in an assessment by taking ours or theirs.
    Resolve(ResolveArgs),
    /// Open an assessment file in the wizard, skipping the list of assessments.
    Open {
        /// The assessment file.
        path: PathBuf,
    },
    /// Present an assessment in a workshop: one question large on a projector, the agenda
    /// with planned minutes and a running clock, follow-ups, decisions and attendees saved
    /// as they are made (then `minutes` writes them up).
    Workshop(WorkshopArgs),
    /// List every assessment in the data directory: readiness and verdict per stage, overall
    /// verdict, last change; unreadable files with the reason.
    List(PortfolioArgs),
    /// Print the effective settings and where each came from (config file, built-in default,
    /// or the assessment given).
    Config(ConfigArgs),
    /// Print a shell completion script (e.g. `soc2-ready completions bash > ~/.local/share/bash-completion/completions/soc2-ready`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the man page (e.g. `soc2-ready man > ~/.local/share/man/man1/soc2-ready.1`).
    Man,
}

/// Output format of the list commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Text,
    /// Tab-separated values with a header row, for scripts.
    Tsv,
}

/// Arguments of `criteria` and `questions`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// Arguments of `crosswalk`.
#[derive(Debug, Args)]
pub struct CrosswalkArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// One row per ISO control and clause, with the questions that cover it.
    #[arg(long)]
    pub by_control: bool,
}

/// Output format of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    /// `file:line:column` findings for people and editors.
    Text,
    /// Every finding and unreadable file as JSON.
    Json,
}

/// Arguments of `claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Files and folders to check (folders are walked for .txt, .md and .html files).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
    pub format: ClaimsFormat,
}

/// Report type named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// Type 1: controls designed and evidenced at a point in time.
    Type1,
    /// Type 2: controls operating over an observation period.
    Type2,
}

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The organisation assessed.
    #[arg(long, value_name = "NAME")]
    pub org: String,
    /// Who runs the assessment [default: the config's `assessor`, else nobody].
    #[arg(long, value_name = "NAME")]
    pub assessor: Option<String>,
    /// Categories in scope besides Security (always in), comma-separated:
    /// availability, processing-integrity, confidentiality, privacy [default: the config's
    /// `scope`, else Security only].
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub scope: Option<Vec<String>>,
    /// The SOC 2 report type aimed for [default: the config's `target`, else type2].
    #[arg(long, value_enum)]
    pub target: Option<TargetArg>,
    /// Write the file here instead of the data directory (never overwrites).
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Output format of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// A summary for people.
    Text,
    /// The full scorecard as JSON.
    Json,
}

/// Arguments of `score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// File format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A printable PDF document.
    Pdf,
    /// Markdown text.
    #[value(alias = "markdown")]
    Md,
    /// Every fact as JSON (fields documented in docs/report-json.md).
    Json,
    /// The gap list, one row per gap.
    Csv,
    /// A workbook: summary, gaps, answers, owners, calendar.
    Xlsx,
    /// One ticket per gap, as CSV for the tracker's import (see --tracker).
    Tickets,
}

/// Paper size of a PDF report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl PaperArg {
    /// The paper of `arg`, else the config's, else A4.
    pub fn or_config(arg: Option<Self>, config: &Config) -> Paper {
        match arg {
            Some(PaperArg::A4) => Paper::A4,
            Some(PaperArg::Letter) => Paper::Letter,
            None => config.defaults.paper.unwrap_or_default(),
        }
    }
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Pdf)]
    pub format: ReportFormat,
    /// Write the report here (default: next to the assessment, named
    /// <organisation>-soc2-gap-report-<date>.<ext>); `-` writes text formats to standard output.
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Paper size of the PDF [default: the config's `paper`, else a4].
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// Check these files or folders of customer-facing text (website copy, decks, RFP
    /// answers) with the claims checker and add a "What you tell customers" section.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub claims: Vec<PathBuf>,
    /// The PDF's and Markdown's appendix of gap cards (steps, evidence, notes per gap);
    /// `none` gives a short version with the gap register only (pdf and md only).
    #[arg(long, value_enum, default_value_t = AppendixArg::Cards)]
    pub appendix: AppendixArg,
    /// The tracker whose CSV import `--format tickets` is shaped for.
    #[arg(long, value_enum, default_value_t = TrackerArg::Jira)]
    pub tracker: TrackerArg,
}

/// Whether a report carries the gap cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AppendixArg {
    /// The register only: a short version.
    None,
    /// Every gap's card after the register.
    Cards,
}

/// Arguments of `answer`.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The question id (`soc2-ready questions` lists them), e.g. CC6.1.mfa.
    pub question: String,
    /// not_in_place, planned, in_place, evidenced, operating (or 0-4), yes, no (y, n),
    /// na (x, needs --reason) or unsure (u).
    pub answer: String,
    /// Replace the note.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Replace the owner.
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Set the due date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Why the question does not apply (required with na).
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

/// Arguments of `merge` (git's `%O %A %B`).
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version, replaced by the result (git's %A).
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
}

/// Arguments of `resolve`.
#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The question id whose conflicts to settle (`assessment` for the organisation,
    /// target and report fields).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub question: Option<String>,
    /// Settle every conflict waiting.
    #[arg(long)]
    pub all: bool,
    /// Which side to keep.
    #[arg(long, value_enum)]
    pub take: TakeArg,
}

/// The side `resolve` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TakeArg {
    /// The value in the file (this branch's, at merge time).
    Ours,
    /// The other branch's value.
    Theirs,
}

/// Arguments of `history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The assessment file (the older one when two are given).
    pub path: PathBuf,
    /// A newer assessment file to compare with the first.
    pub newer: Option<PathBuf>,
    /// Compare with the answers as they stood on this date (YYYY-MM-DD; default: the last
    /// snapshot before today).
    #[arg(long, value_name = "DATE", conflicts_with = "newer")]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// Arguments of `due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// How many days ahead count as "due soon".
    #[arg(long, value_name = "DAYS", default_value_t = 30, value_parser = clap::value_parser!(i32).range(0..=3660))]
    pub within: i32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
    pub format: ScoreFormat,
}

/// The `evidence` subcommands.
#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Add an evidence entry to a question.
    Add(EvidenceAddArgs),
    /// List the evidence of every question, or of one, with its files.
    List {
        /// The assessment file.
        path: PathBuf,
        /// Only this question.
        question: Option<String>,
        /// Output format (json: every entry with its files, sha256, size, period, expiry).
        #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
        format: ScoreFormat,
    },
    /// Re-hash every evidence file and name each one changed, missing or unreadable
    /// (exit 1 when any, 0 when all hold).
    Verify {
        /// The assessment file.
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ScoreFormat::Text)]
        format: ScoreFormat,
    },
    /// Remove entry N (as numbered by `evidence list`) of a question.
    Remove {
        /// The assessment file.
        path: PathBuf,
        /// The question id.
        question: String,
        /// The entry's number, from 1.
        number: usize,
    },
}

/// Arguments of `evidence add`.
#[derive(Debug, Args)]
pub struct EvidenceAddArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The question id, e.g. CC6.2.access-review.
    pub question: String,
    /// What the evidence is.
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    /// Where it is: a path, URL or ticket id (just text, never opened).
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub location: String,
    /// When it was collected (YYYY-MM-DD; default today).
    #[arg(long, value_name = "DATE")]
    pub collected: Option<String>,
    /// First day of the period it covers (with --to).
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last day of the period it covers (with --from).
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// The period it covers, both days included (e.g. 2026-07-01..2026-09-30).
    #[arg(long, value_name = "FROM..TO", conflicts_with_all = ["from", "to"])]
    pub covers: Option<String>,
    /// The day it stops counting (a pen-test report, a vendor's SOC 2 report).
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// A file to keep as this evidence, copied into the evidence folder and hashed
    /// (repeatable; a folder adds every file inside it).
    #[arg(long, value_name = "FILE")]
    pub file: Vec<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn scope_takes_a_comma_separated_list() {
        let cli = Cli::parse_from([
            "soc2-ready",
            "new",
            "--org",
            "Acme",
            "--scope",
            "availability,privacy",
        ]);
        let Some(Command::New(args)) = cli.command else {
            panic!("not new")
        };
        assert_eq!(args.scope.unwrap(), ["availability", "privacy"]);
        assert_eq!(args.target, None);
    }
}
