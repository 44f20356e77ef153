//! Command dispatch: every command returns its output or a [`Failure`]; printing and exit
//! codes are decided here, once (0 success, 1 the system failed us, 2 bad input). Whatever
//! is printed passes through [`visible_text`], so no text from a file can drive the terminal.

mod answer;
mod args;
mod claims;
mod compare;
mod config;
mod crosswalk;
mod docs;
mod due;
mod edit;
mod evidence;
mod evidence_files;
mod exports;
mod help;
mod history;
mod import;
mod list;
mod lists;
mod locate;
mod merge;
mod minutes;
mod new;
mod package;
mod registers;
mod report;
mod score;
mod score_time;
mod sheet;
mod validate;
mod wizard;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;
use soc2_ready::assessment::Assessment;
use soc2_ready::assessment::migrate::migrate;
use soc2_ready::assessment::store::{self, FileStamp, StoreError};
use soc2_ready::clock::Clock;
use soc2_ready::config::{self as settings, Config, LoadError};
pub use soc2_ready::diagnostics::summarise_ids;
use soc2_ready::diagnostics::{Problem, problem_lines};
use soc2_ready::questionnaire::{Questionnaire, QuestionnaireSource, load};
use soc2_ready::text_safety::visible_text;

pub use args::{Cli, Command, GlobalArgs};

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The user's input is wrong (files, arguments): exit code 2.
    Invalid(String),
    /// The system failed (I/O, permissions, full disk): exit code 1.
    Runtime(String),
    /// The command ran and found something to act on (e.g. an overdue control): its
    /// output is printed as usual, then the message on standard error, exit code 1.
    Finding {
        /// What the command prints on standard output.
        stdout: String,
        /// The one-line finding.
        message: String,
    },
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Invalid(problems) => {
                Failure::Invalid(format_problems("the assessment file is invalid", &problems))
            }
            StoreError::Exists(_)
            | StoreError::NotRegular { .. }
            | StoreError::TooLarge { .. }
            | StoreError::Protected { .. }
            | StoreError::ChangedOnDisk(_) => Failure::Invalid(error.to_string()),
            other => Failure::Runtime(other.to_string()),
        }
    }
}

/// What a successful command prints.
#[derive(Debug, Default)]
pub struct Output {
    /// The result, on standard output.
    pub stdout: String,
    /// Warnings, on standard error.
    pub warnings: Vec<String>,
}

impl Output {
    /// Output with no warnings.
    pub fn text(stdout: String) -> Self {
        Self {
            stdout,
            warnings: Vec::new(),
        }
    }
}

/// Parses the command line, runs the command and turns the outcome into an exit code.
pub fn run() -> ExitCode {
    let mut cli = match Cli::from_arg_matches(&help::command().get_matches()) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    if let Some(command) = cli.command.as_mut()
        && let Err(failure) = locate::resolve(&cli.global, command)
    {
        return finish(Err(failure));
    }
    let outcome = match cli.command {
        Some(Command::Validate(args)) => validate::run(&cli.global, &args),
        Some(Command::Criteria(args)) => lists::criteria(&cli.global, &args),
        Some(Command::Questions(args)) => lists::questions(&cli.global, &args),
        Some(Command::New(args)) => new::run(&cli.global, &args),
        Some(Command::Score(args)) => score::run(&cli.global, &args),
        Some(Command::Report(args)) => report::run(&cli.global, &args),
        Some(Command::Calendar(args)) => exports::calendar(&cli.global, &args),
        Some(Command::Soa(args)) => exports::soa(&cli.global, &args),
        Some(Command::Minutes(args)) => minutes::run(&cli.global, &args),
        Some(Command::Answer(args)) => answer::run(&cli.global, &args),
        Some(Command::Evidence(command)) => evidence::run(&cli.global, &command),
        Some(Command::Package(args)) => package::run(&cli.global, &args),
        Some(Command::History(args)) => history::run(&cli.global, &args),
        Some(Command::Import(args)) => import::run(&cli.global, &args),
        Some(Command::Compare(args)) => compare::run(&cli.global, &args),
        Some(Command::Due(args)) => due::run(&cli.global, &args),
        Some(Command::Policy(command)) => registers::run_policy(&cli.global, &command),
        Some(Command::Vendor(command)) => registers::run_vendor(&cli.global, &command),
        Some(Command::Risk(command)) => registers::run_risk(&cli.global, &command),
        Some(Command::Crosswalk(args)) => crosswalk::run(&cli.global, &args),
        Some(Command::Claims(args)) => return claims::run(&args),
        Some(Command::Sheet(command)) => sheet::run(&cli.global, &command),
        Some(Command::Merge(args)) => merge::run(&cli.global, &args),
        Some(Command::Resolve(args)) => merge::resolve(&cli.global, &args),
        Some(Command::Open { path }) => wizard::run(&cli.global, Some(&path), None),
        Some(Command::Workshop(args)) => wizard::workshop(&cli.global, &args),
        Some(Command::List(args)) => list::run(&cli.global, &args),
        Some(Command::Config(args)) => config::run(&cli.global, &args),
        Some(Command::Completions { shell }) => docs::completions(shell),
        Some(Command::Man) => docs::man(),
        None => wizard::run(&cli.global, None, None),
    };
    finish(outcome)
}

/// Prints a command's outcome and turns it into the exit code.
fn finish(outcome: Result<Output, Failure>) -> ExitCode {
    match outcome {
        Ok(output) => {
            let code = print_stdout(&visible_text(&output.stdout));
            for warning in &output.warnings {
                eprintln!("warning: {}", visible_text(warning));
            }
            code
        }
        Err(Failure::Invalid(message)) => {
            eprintln!("error: {}", visible_text(&message));
            ExitCode::from(2)
        }
        Err(Failure::Runtime(message)) => {
            eprintln!("error: {}", visible_text(&message));
            ExitCode::from(1)
        }
        Err(Failure::Finding { stdout, message }) => {
            print_stdout(&stdout);
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
fn print_stdout(text: &str) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write output: {error}");
            ExitCode::from(1)
        }
    }
}

/// A heading with the number of problems, followed by one located problem per line (at
/// most [`SHOWN_PROBLEMS`](soc2_ready::diagnostics::SHOWN_PROBLEMS) of them).
pub fn format_problems(heading: &str, problems: &[Problem]) -> String {
    let count = problems.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    format!(
        "{heading} ({count} {noun}):\n{}",
        problem_lines(problems, "  ")
    )
}

/// The questionnaire selected by `--questionnaires` (built-in by default).
pub fn questionnaire_source(global: &GlobalArgs) -> QuestionnaireSource {
    global
        .questionnaires
        .clone()
        .map_or(QuestionnaireSource::BuiltIn, QuestionnaireSource::Directory)
}

/// Loads the selected questionnaire; invalid files are a [`Failure::Invalid`].
pub fn load_questionnaire(global: &GlobalArgs) -> Result<Questionnaire, Failure> {
    load(&questionnaire_source(global)).map_err(|problems| {
        Failure::Invalid(format_problems("invalid questionnaire files", &problems))
    })
}

/// The assessment at `path` with the answers under retired question ids moved to the
/// questions that replace them (as the wizard does on opening), and the notice to print
/// when any moved. Every command reads assessments through this, so a renamed question is
/// the same question everywhere.
pub fn load_assessment(
    path: &std::path::Path,
    questionnaire: &Questionnaire,
) -> Result<(Assessment, Vec<String>), Failure> {
    open_assessment(path, questionnaire).map(|(assessment, notices, _)| (assessment, notices))
}

/// [`load_assessment`], with the stamp of what the file held (its hard links among it).
pub fn open_assessment(
    path: &std::path::Path,
    questionnaire: &Questionnaire,
) -> Result<(Assessment, Vec<String>, FileStamp), Failure> {
    let (mut assessment, stamp) = store::open(path)?;
    let notice = migrate(&mut assessment, questionnaire).notice();
    Ok((assessment, notice.into_iter().collect(), stamp))
}

/// What a loaded assessment file holds that is kept but not scored as written: answers to
/// questions the questionnaire does not know, N/A answers without a reason (with their
/// line) and merge conflicts waiting, each as a warning naming the file.
pub fn answer_warnings(
    path: &std::path::Path,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> Vec<String> {
    let mut warnings = Vec::new();
    let unknown: Vec<_> = assessment.unknown_ids(questionnaire).collect();
    if !unknown.is_empty() {
        warnings.push(format!(
            "{} answer(s) for questions this questionnaire does not know (kept in the file, not scored): {}",
            unknown.len(),
            summarise_ids(&unknown)
        ));
    }
    let file = path.display();
    warnings.extend(
        assessment
            .na_reason_messages()
            .into_iter()
            .map(|message| format!("{file}: {message}")),
    );
    warnings.extend(merge::conflict_notice(path, assessment, questionnaire));
    warnings
}

/// The data directory: `--data-dir`, `SOC2_READY_DATA_DIR` or the platform default.
pub fn data_dir(global: &GlobalArgs) -> Result<PathBuf, Failure> {
    match &global.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => store::default_data_dir().map_err(Failure::from),
    }
}

/// Where the config file is, and whether the user named it (`--config`,
/// `SOC2_READY_CONFIG`); `None` when the system has no config directory.
pub fn config_path(global: &GlobalArgs) -> Option<(PathBuf, bool)> {
    match &global.config {
        Some(path) => Some((path.clone(), true)),
        None => settings::default_path().map(|path| (path, false)),
    }
}

/// The user's settings; a bad file is a [`Failure::Invalid`] naming every problem.
pub fn load_config(global: &GlobalArgs) -> Result<Config, Failure> {
    let Some((path, named)) = config_path(global) else {
        return Ok(Config::default());
    };
    settings::load(&path, named).map_err(|error| match error {
        LoadError::Invalid(problems) => {
            Failure::Invalid(format_problems("invalid config file", &problems))
        }
        LoadError::Unreadable(reason) => Failure::Runtime(reason),
    })
}

/// The one clock: the system clock, adjusted by `SOC2_READY_TODAY` or `SOURCE_DATE_EPOCH`;
/// a bad value of either is bad input.
pub fn clock() -> Result<Clock, Failure> {
    Clock::from_env().map_err(Failure::Invalid)
}
