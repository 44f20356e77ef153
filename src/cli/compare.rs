//! `soc2-ready compare`: what changed since a date or the last snapshot, or between two
//! assessment files — readiness then → now, questions improved and regressed, gaps closed
//! and opened — as text or JSON.

use std::fmt::Write;
use std::path::Path;

use soc2_ready::assessment::{Answer, Assessment};
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::scoring::score;
use soc2_ready::time::compare::{CategoryFigure, Change, Comparison, Side, compare};
use soc2_ready::time::history;

use super::args::{CompareArgs, ScoreFormat};
use super::edit::date_arg;
use super::{Failure, GlobalArgs, Output, clock, load_assessment, load_config, load_questionnaire};

/// Compares as `args` asks.
pub fn run(global: &GlobalArgs, args: &CompareArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let policy = load_config(global)?.policy();
    let (current, mut warnings) = load_assessment(&args.path, &questionnaire)?;
    let (then_label, then, now_label, now) = match &args.newer {
        Some(newer) => (file_label(&args.path), current, file_label(newer), {
            let (newer, notice) = load_assessment(newer, &questionnaire)?;
            warnings.extend(notice);
            newer
        }),
        None => {
            let today = clock()?.today();
            let (date, answers) = match &args.since {
                Some(text) => {
                    let since = date_arg("--since", text)?;
                    let answers = history::as_of(&current.history, since)
                        .ok_or_else(|| no_history(&current, &format!("on or before {since}")))?;
                    (since, answers)
                }
                None => current
                    .history
                    .iter()
                    .rev()
                    .find(|snapshot| snapshot.date < today)
                    .and_then(|snapshot| {
                        Some((
                            snapshot.date,
                            history::as_of(&current.history, snapshot.date)?,
                        ))
                    })
                    .ok_or_else(|| no_history(&current, &format!("before today ({today})")))?,
            };
            let then = history::with_answers(&current, &answers);
            (date.to_string(), then, format!("now ({today})"), current)
        }
    };
    let (then_card, now_card) = (
        score(&questionnaire, &then, &policy),
        score(&questionnaire, &now, &policy),
    );
    let comparison = compare(
        &questionnaire,
        (&then_label, &then, &then_card),
        (&now_label, &now, &now_card),
    );
    let stdout = match args.format {
        ScoreFormat::Json => {
            let mut text = serde_json::to_string_pretty(&comparison).expect("serializes");
            text.push('\n');
            text
        }
        ScoreFormat::Text => text(&questionnaire, &now.organization, &comparison),
    };
    Ok(Output { stdout, warnings })
}

fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn no_history(assessment: &Assessment, when: &str) -> Failure {
    let first = assessment.history.first().map_or_else(
        || {
            "it has no history yet (a snapshot is taken on the first change of each day)"
                .to_string()
        },
        |snapshot| format!("its history starts on {}", snapshot.date),
    );
    Failure::Invalid(format!("no snapshot {when} to compare with: {first}"))
}

fn percent(value: Option<u32>) -> String {
    value.map_or_else(|| "n/a".to_string(), |percent| format!("{percent} %"))
}

fn delta(then: Option<u32>, now: Option<u32>) -> String {
    match (then, now) {
        (Some(then), Some(now)) => format!("{:+}", i64::from(now) - i64::from(then)),
        _ => String::new(),
    }
}

fn text(questionnaire: &Questionnaire, organization: &str, comparison: &Comparison) -> String {
    let (then, now) = (&comparison.then, &comparison.now);
    let mut out = format!("{organization}: {} → {}\n", then.label, now.label);
    let _ = writeln!(
        out,
        "Report aimed for: {} → {}\n\nReadiness              then      now   change",
        then.target.label(),
        now.target.label()
    );
    let rows = then
        .stages
        .iter()
        .zip(&now.stages)
        .map(|(a, b)| (a.name.label(), a.percent, b.percent, a.verdict, b.verdict))
        .chain(
            then.targets
                .iter()
                .zip(&now.targets)
                .map(|(a, b)| (a.name.label(), a.percent, b.percent, a.verdict, b.verdict)),
        );
    for (name, before, after, verdict_then, verdict_now) in rows {
        let _ = writeln!(
            out,
            "  {name:<18} {:>7}  {:>7}   {:<6} {} → {}",
            percent(before),
            percent(after),
            delta(before, after),
            verdict_then.label(),
            verdict_now.label()
        );
    }
    write_categories(&mut out, then, now);
    write_changes(&mut out, questionnaire, "Improved", &comparison.improved);
    write_changes(&mut out, questionnaire, "Regressed", &comparison.regressed);
    for (name, ids) in [
        ("Gaps closed", &comparison.gaps_closed),
        ("Gaps opened", &comparison.gaps_opened),
    ] {
        let list = if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        };
        let _ = writeln!(out, "\n{name} ({}): {list}", ids.len());
    }
    out
}

fn write_categories(out: &mut String, then: &Side, now: &Side) {
    let _ = writeln!(out, "\nCategories (in place / Type 1 / Type 2)");
    for after in &now.categories {
        let before = then
            .categories
            .iter()
            .find(|before| before.category == after.category);
        let figures = |category: Option<&CategoryFigure>| {
            category.map_or_else(
                || "not in scope".to_string(),
                |c| {
                    format!(
                        "{} / {} / {}",
                        percent(c.compliance),
                        percent(c.type1),
                        percent(c.type2)
                    )
                },
            )
        };
        let _ = writeln!(
            out,
            "  {:<22} {} → {}",
            after.category.label(),
            figures(before),
            figures(Some(after))
        );
    }
}

fn write_changes(out: &mut String, questionnaire: &Questionnaire, name: &str, changes: &[Change]) {
    let _ = writeln!(out, "\n{name} ({})", changes.len());
    for change in changes {
        let label =
            |answer: Option<Answer>| match (answer, questionnaire.question(&change.question)) {
                (Some(answer), Some(question)) => answer.label(question).to_string(),
                (Some(answer), None) => answer.key().to_string(),
                (None, _) => "Unanswered".to_string(),
            };
        let _ = writeln!(
            out,
            "  {} {}: {} → {}",
            change.question,
            change.title,
            label(change.then),
            label(change.now)
        );
    }
}
