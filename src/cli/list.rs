//! `soc2-ready list`: the portfolio — every assessment in the data directory with its
//! organisation, target, answered of total, readiness and verdict per stage, overall
//! verdict and last change, as aligned text, TSV or JSON. A file that cannot be read is
//! listed with the reason, never skipped.

use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;
use soc2_ready::assessment::store::{self, Listed};
use soc2_ready::clock::Clock;
use soc2_ready::portfolio::{SortKey, StageSummary, Summary};
use soc2_ready::questionnaire::{Questionnaire, Target};
use soc2_ready::scoring::{Policy, Verdict};

use clap::{Args, ValueEnum};

use super::args::ListFormat;
use super::lists::table;
use super::{Failure, GlobalArgs, Output, clock, data_dir, load_config, load_questionnaire};

/// Output format of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    /// Aligned columns for people.
    Text,
    /// Tab-separated values with a header row, for spreadsheets and scripts.
    Tsv,
    /// A JSON array, one object per file.
    Json,
}

/// Orders of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Organisation name, A to Z.
    Name,
    /// Most recently changed first.
    LastChange,
    /// Most ready toward the targeted report first.
    Readiness,
}

/// Arguments of `list`.
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = PortfolioFormat::Text)]
    pub format: PortfolioFormat,
    /// Order of the rows (unreadable files always come last).
    #[arg(long, value_enum, default_value_t = SortArg::LastChange)]
    pub sort: SortArg,
}

/// One file of the data directory: its summary or why it cannot be read.
struct Line {
    file: String,
    loaded: Result<Summary, String>,
}

/// Lists the data directory.
pub fn run(global: &GlobalArgs, args: &PortfolioArgs) -> Result<Output, Failure> {
    let policy = load_config(global)?.policy();
    let questionnaire = load_questionnaire(global)?;
    let dir = data_dir(global)?;
    let listed = store::list(&dir)?;
    let clock = clock()?;
    let today = clock.today();
    let mut lines: Vec<Line> = listed
        .iter()
        .map(|listed| line(listed, &questionnaire, &policy, today))
        .collect();
    let key = match args.sort {
        SortArg::Name => SortKey::Name,
        SortArg::LastChange => SortKey::LastChange,
        SortArg::Readiness => SortKey::Readiness,
    };
    lines.sort_by(|a, b| key.compare(sort_item(a), sort_item(b)));
    let unreadable = lines.iter().filter(|line| line.loaded.is_err()).count();
    let stdout = match args.format {
        PortfolioFormat::Json => json(&lines),
        PortfolioFormat::Tsv => tsv(&lines),
        PortfolioFormat::Text if lines.is_empty() => {
            format!(
                "No assessments in {} yet; create one with `soc2-ready new --org NAME`.\n",
                dir.display()
            )
        }
        PortfolioFormat::Text => format!("{}{}", text(&lines, &clock), thresholds(&lines)),
    };
    let mut warnings: Vec<String> = listed
        .iter()
        .filter_map(|listed| {
            let assessment = listed.assessment.as_ref().ok()?;
            super::merge::conflict_notice(&listed.path, assessment, &questionnaire)
        })
        .collect();
    if unreadable > 0 {
        warnings.push(format!(
            "{unreadable} file(s) in {} cannot be read; they are listed with the reason and were left untouched",
            dir.display()
        ));
    }
    Ok(Output { stdout, warnings })
}

fn line(listed: &Listed, questionnaire: &Questionnaire, policy: &Policy, today: Date) -> Line {
    Line {
        file: file_name(&listed.path),
        loaded: match &listed.assessment {
            Ok(assessment) => Ok(Summary::of(assessment, questionnaire, policy, today)),
            // One line per problem, joined: a table cell holds one line.
            Err(error) => Err(error.to_string().replace('\n', "; ")),
        },
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn sort_item(line: &Line) -> (&str, Option<&Summary>) {
    match &line.loaded {
        Ok(summary) => (&summary.organization, Some(summary)),
        Err(_) => (&line.file, None),
    }
}

fn stage_cell(stage: &StageSummary) -> String {
    match stage.readiness {
        Some(percent) => format!("{percent} % {}", stage.verdict.label()),
        None => format!("n/a {}", stage.verdict.label()),
    }
}

/// The last change: RFC 3339 in UTC for machines, or, given the one clock, minutes in its
/// time zone for people.
fn last_change(summary: &Summary, people: Option<&Clock>) -> String {
    match (summary.updated, people) {
        (Some(time), Some(clock)) => clock.local(time).strftime("%Y-%m-%d %H:%M").to_string(),
        (Some(time), None) => time.to_string(),
        (None, _) => summary.created.to_string(),
    }
}

fn text(lines: &[Line], clock: &Clock) -> String {
    let rows = lines.iter().map(|line| match &line.loaded {
        Ok(summary) => {
            let mut row = vec![
                summary.organization.clone(),
                summary.target.label().to_string(),
                format!("{}/{}", summary.answered, summary.questions),
            ];
            row.extend(summary.stages.iter().map(stage_cell));
            row.push(summary.verdict.label().to_string());
            row.push(last_change(summary, Some(clock)));
            row.push(summary.report_date.to_string());
            row.push(line.file.clone());
            row
        }
        Err(reason) => {
            let mut row = vec![line.file.clone()];
            row.extend(std::iter::repeat_n("—".to_string(), 6));
            row.push("cannot be read".to_string());
            row.push(String::new());
            row.push(reason.clone());
            row
        }
    });
    table(
        ListFormat::Text,
        &[
            "Organisation",
            "Target",
            "Answered",
            "Compliance",
            "Attestation",
            "Certification",
            "Overall",
            "Last change",
            "Earliest report",
            "File",
        ],
        rows,
    )
}

/// Which thresholds decided the verdicts: one line per distinct set, naming the assessments
/// that agreed their own.
fn thresholds(lines: &[Line]) -> String {
    let mut sets: Vec<(String, Vec<&str>)> = Vec::new();
    for summary in lines.iter().filter_map(|line| line.loaded.as_ref().ok()) {
        let described = summary.policy.describe();
        match sets.iter_mut().find(|(text, _)| *text == described) {
            Some((_, names)) => names.push(&summary.organization),
            None => sets.push((described, vec![&summary.organization])),
        }
    }
    let mut out = String::new();
    for (described, names) in &sets {
        if sets.len() == 1 {
            out.push_str(&format!("\nVerdicts: {described}\n"));
        } else {
            out.push_str(&format!("\nVerdicts of {}: {described}", names.join(", ")));
        }
    }
    if sets.len() > 1 {
        out.push('\n');
    }
    out
}

fn tsv(lines: &[Line]) -> String {
    let rows = lines.iter().map(|line| {
        let mut row = vec![line.file.clone()];
        match &line.loaded {
            Ok(summary) => {
                row.extend([
                    summary.organization.clone(),
                    summary.target.key().to_string(),
                    summary.answered.to_string(),
                    summary.questions.to_string(),
                ]);
                for stage in &summary.stages {
                    row.push(stage.readiness.map(|p| p.to_string()).unwrap_or_default());
                    row.push(verdict_key(stage.verdict).to_string());
                }
                row.push(verdict_key(summary.verdict).to_string());
                row.push(last_change(summary, None));
                row.push(format!("{}", summary.policy.ready));
                row.push(format!("{}", summary.policy.getting_there));
                row.push(summary.report_date.to_string());
                row.push(String::new());
            }
            Err(reason) => {
                row.extend(std::iter::repeat_n(String::new(), 15));
                row.push(reason.clone());
            }
        }
        row
    });
    table(
        ListFormat::Tsv,
        &[
            "file",
            "organization",
            "target",
            "answered",
            "questions",
            "compliance_percent",
            "compliance_verdict",
            "attestation_percent",
            "attestation_verdict",
            "certification_percent",
            "certification_verdict",
            "overall",
            "last_change",
            "ready_threshold",
            "getting_there_threshold",
            "earliest_report",
            "error",
        ],
        rows,
    )
}

fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::NotAssessed => "not_assessed",
        Verdict::NotReady => "not_ready",
        Verdict::GettingThere => "getting_there",
        Verdict::Ready => "ready",
    }
}

#[derive(Serialize)]
struct JsonLine<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answered: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    questions: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stages: Option<&'a [StageSummary]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overall: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_change: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<&'a Policy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    earliest_report: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn json(lines: &[Line]) -> String {
    let values: Vec<JsonLine<'_>> = lines
        .iter()
        .map(|line| match &line.loaded {
            Ok(summary) => JsonLine {
                file: &line.file,
                organization: Some(&summary.organization),
                target: Some(summary.target),
                answered: Some(summary.answered),
                questions: Some(summary.questions),
                stages: Some(&summary.stages),
                overall: Some(summary.verdict),
                last_change: Some(last_change(summary, None)),
                policy: Some(&summary.policy),
                earliest_report: Some(summary.report_date.to_string()),
                error: None,
            },
            Err(reason) => JsonLine {
                file: &line.file,
                organization: None,
                target: None,
                answered: None,
                questions: None,
                stages: None,
                overall: None,
                last_change: None,
                policy: None,
                earliest_report: None,
                error: Some(reason),
            },
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&values).expect("the portfolio serializes");
    text.push('\n');
    text
}
