//! `soc2-ready sheet export|import`: the questions for one owner or some criteria go out as
//! a CSV or XLSX sheet to fill, and come back as a diff applied all or nothing. A bad cell
//! anywhere refuses the whole file (exit 2, every bad cell located, the assessment
//! untouched); a field changed in the assessment since the export is a conflict: its row
//! is left as it is, the other rows are applied, and the command exits 1 naming each one.
//! Importing takes the edit lock and saves atomically, as `answer` does.

use std::fmt::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use soc2_ready::assessment::sheet::{self, Change, Conflict, Field, Filter, Plan};
use soc2_ready::assessment::store;
use soc2_ready::atomic_file;
use soc2_ready::report::sheet::{About, read, render_csv, render_xlsx};
use soc2_ready::text_safety::visible_text;

use super::edit::edit;
use super::import::read_export;
use super::report::is_stdout;
use super::{
    Failure, GlobalArgs, Output, clock, format_problems, load_assessment, load_questionnaire,
};

/// The `sheet` subcommands.
#[derive(Debug, Subcommand)]
pub enum SheetCommand {
    /// Write the questions in scope (for one owner, or some criteria) as a sheet to fill:
    /// id, the question, why it matters, what an auditor asks for, and answer, na_reason,
    /// note, owner, due.
    Export(SheetExportArgs),
    /// Read a filled sheet back: show the diff and apply it all or nothing (a bad cell
    /// refuses the file; answers changed since the export are conflicts, left as they are).
    Import(SheetImportArgs),
}

impl SheetCommand {
    /// The assessment argument, for name resolution.
    pub fn path_mut(&mut self) -> &mut PathBuf {
        match self {
            SheetCommand::Export(args) => &mut args.path,
            SheetCommand::Import(args) => &mut args.path,
        }
    }
}

/// File format of `sheet export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// A workbook with answer drop-downs, a locked id column and frozen headers.
    Xlsx,
    /// CSV with a header row (UTF-8 with a byte order mark).
    Csv,
}

/// Arguments of `sheet export`.
#[derive(Debug, Args)]
pub struct SheetExportArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// Only the questions this person owns (the answers' owner, any case).
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only the questions counting toward these criteria or series, comma-separated
    /// (CC6 takes every CC6.x; CC7.2, A1, ATT and CERT work too).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub criteria: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SheetFormat::Xlsx)]
    pub format: SheetFormat,
    /// The file to write (never an assessment); `-` writes CSV to standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
}

/// Arguments of `sheet import`.
#[derive(Debug, Args)]
pub struct SheetImportArgs {
    /// The assessment file.
    pub path: PathBuf,
    /// The filled sheet: XLSX or CSV.
    pub file: PathBuf,
    /// Only show what would change; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs a `sheet` subcommand.
pub fn run(global: &GlobalArgs, command: &SheetCommand) -> Result<Output, Failure> {
    match command {
        SheetCommand::Export(args) => export(global, args),
        SheetCommand::Import(args) => import(global, args),
    }
}

/// Writes the sheet.
fn export(global: &GlobalArgs, args: &SheetExportArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
    let filter = Filter {
        owner: args.owner.clone().filter(|owner| !owner.trim().is_empty()),
        criteria: args
            .criteria
            .iter()
            .map(|criterion| criterion.trim().to_string())
            .filter(|criterion| !criterion.is_empty())
            .collect(),
    };
    let unknown = sheet::unknown_criteria(&questionnaire, &filter);
    if !unknown.is_empty() {
        return Err(Failure::Invalid(format!(
            "--criteria: no question counts toward {} (`soc2-ready criteria` lists them); nothing was written",
            unknown.join(", ")
        )));
    }
    let rows = sheet::export_rows(&questionnaire, &assessment, &filter);
    let selection = selection(&filter);
    if rows.is_empty() {
        return Err(Failure::Invalid(format!(
            "no question in scope matches {selection}; nothing was written"
        )));
    }
    if is_stdout(&args.output) {
        if args.format != SheetFormat::Csv {
            return Err(Failure::Invalid(
                "an XLSX sheet cannot be written to standard output; pass --output FILE or --format csv".into(),
            ));
        }
        return Ok(Output {
            stdout: render_csv(&rows),
            warnings,
        });
    }
    let clock = clock()?;
    let bytes = match args.format {
        SheetFormat::Csv => render_csv(&rows).into_bytes(),
        SheetFormat::Xlsx => render_xlsx(
            &rows,
            &About {
                organization: assessment.organization.clone(),
                assessment: args.path.display().to_string(),
                exported: clock.now().to_string(),
                date: clock.today(),
                selection: selection.clone(),
            },
        ),
    };
    store::check_report_target(&args.output, &[&args.path])?;
    atomic_file::write_output(&args.output, &bytes).map_err(|error| {
        Failure::Runtime(format!("cannot write {}: {error}", args.output.display()))
    })?;
    Ok(Output {
        stdout: format!(
            "{}: {} question(s), {selection}\n",
            args.output.display(),
            rows.len()
        ),
        warnings,
    })
}

/// The questions a filter takes, in words.
fn selection(filter: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(owner) = &filter.owner {
        parts.push(format!("owner {owner}"));
    }
    if !filter.criteria.is_empty() {
        parts.push(format!("criteria {}", filter.criteria.join(", ")));
    }
    if parts.is_empty() {
        "every question in scope".into()
    } else {
        parts.join(" and ")
    }
}

/// Reads the sheet back and applies it.
fn import(global: &GlobalArgs, args: &SheetImportArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let bytes = read_export(&args.file, "nothing was changed")?;
    let name = args.file.display().to_string();
    let read = read(&name, &bytes).map_err(|problems| refused(&name, &problems))?;
    let (assessment, warnings) = load_assessment(&args.path, &questionnaire)?;
    let planned = sheet::plan(&questionnaire, &assessment, &read)
        .map_err(|problems| refused(&name, &problems))?;
    if args.dry_run || planned.changes.is_empty() {
        let stdout = diff(&planned, &name, args.dry_run);
        return finish(Output { stdout, warnings }, &planned);
    }
    // Planned again under the lock, on the file as it is then.
    let clock = clock()?;
    let mut applied = Plan::default();
    let output = edit(&args.path, &clock, &questionnaire, |assessment| {
        applied = sheet::plan(&questionnaire, assessment, &read)
            .map_err(|problems| refused(&name, &problems))?;
        applied.apply(assessment);
        Ok(diff(&applied, &name, false))
    })?;
    finish(output, &applied)
}

/// The refusal of a sheet with bad cells.
fn refused(name: &str, problems: &[soc2_ready::diagnostics::Problem]) -> Failure {
    Failure::Invalid(format_problems(
        &format!("{name} was not imported, nothing was changed"),
        problems,
    ))
}

/// The output, or exit 1 naming the conflicts when any were left.
fn finish(output: Output, plan: &Plan) -> Result<Output, Failure> {
    if plan.conflicts.is_empty() {
        return Ok(output);
    }
    let mut message = format!(
        "{} field(s) changed in the assessment since the sheet was exported were left as they are (their rows were not applied):\n",
        plan.conflicts.len()
    );
    for conflict in &plan.conflicts {
        let _ = writeln!(message, "  {}", conflict_line(conflict));
    }
    message
        .push_str("settle each with `soc2-ready answer`, or export a new sheet and fill it again");
    for warning in &output.warnings {
        let _ = write!(message, "\nwarning: {warning}");
    }
    Err(Failure::Finding {
        stdout: visible_text(&output.stdout).into_owned(),
        message: visible_text(&message).into_owned(),
    })
}

/// The diff: one line per field changed, then a summary line.
fn diff(plan: &Plan, name: &str, dry_run: bool) -> String {
    let mut text = String::new();
    for change in &plan.changes {
        let _ = writeln!(text, "{}", change_line(change));
    }
    let changes = plan.changes.len();
    let questions = plan.questions_changed();
    let _ = match (changes, dry_run) {
        (0, _) => writeln!(
            text,
            "{name}: no changes to apply ({} row(s) read)",
            plan.rows
        ),
        (_, true) => writeln!(
            text,
            "{name}: would change {changes} field(s) of {questions} question(s); nothing was changed (--dry-run)"
        ),
        (_, false) => writeln!(
            text,
            "{name}: changed {changes} field(s) of {questions} question(s)"
        ),
    };
    text
}

/// `CC6.1.mfa answer: planned → evidenced`.
fn change_line(change: &Change) -> String {
    format!(
        "{} {}: {} → {}",
        change.id,
        change.field.key(),
        shown(change.field, &change.old),
        shown(change.field, &change.new)
    )
}

/// `CC6.1.mfa answer: exported planned, now in_place in the assessment, the sheet says evidenced`.
fn conflict_line(conflict: &Conflict) -> String {
    format!(
        "{} {}: exported {}, now {} in the assessment (kept), the sheet says {}",
        conflict.id,
        conflict.field.key(),
        shown(conflict.field, &conflict.exported),
        shown(conflict.field, &conflict.current),
        shown(conflict.field, &conflict.sheet)
    )
}

/// The most characters of free text a diff line shows.
const SHOWN_CHARS: usize = 60;

/// A value as a diff line shows it: `(none)` for nothing, free text quoted on one line
/// and cut.
fn shown(field: Field, value: &str) -> String {
    if value.is_empty() {
        return "(none)".into();
    }
    if matches!(field, Field::Answer | Field::Due) {
        return value.to_string();
    }
    let line = value.replace('\n', " / ");
    match line.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("\"{}…\"", &line[..cut]),
        None => format!("\"{line}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_lines_quote_free_text_and_cut_it() {
        let change = Change {
            id: "CC6.1.mfa".into(),
            field: Field::Note,
            old: String::new(),
            new: format!("first line\n{}", "x".repeat(80)),
        };
        let line = change_line(&change);
        assert!(
            line.starts_with("CC6.1.mfa note: (none) → \"first line / xxx"),
            "{line}"
        );
        assert!(line.ends_with("…\""), "{line}");
        assert_eq!(shown(Field::Answer, "evidenced"), "evidenced");
    }

    #[test]
    fn the_selection_is_said_in_words() {
        assert_eq!(selection(&Filter::default()), "every question in scope");
        let filter = Filter {
            owner: Some("Dana".into()),
            criteria: vec!["CC6".into(), "CC7".into()],
        };
        assert_eq!(selection(&filter), "owner Dana and criteria CC6, CC7");
    }
}
