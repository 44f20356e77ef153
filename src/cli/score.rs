//! `soc2-ready score`: readiness per stage with verdicts and blockers, per report type and
//! category, answer counts and the top gaps — as text for people or JSON for scripts.

use std::fmt::Write;

use serde::Serialize;
use soc2_ready::assessment::Assessment;
use soc2_ready::import::recorded;
use soc2_ready::questionnaire::{Level, Questionnaire, Stage};
use soc2_ready::scoring::{Measure, Policy, Readiness, Scorecard, advice};
use soc2_ready::text_safety::json_escaped;
use soc2_ready::time::coverage;

use super::args::{ScoreArgs, ScoreFormat};
use super::score_time::TimeFacts;
use super::{
    Failure, GlobalArgs, Output, answer_warnings, clock, load_assessment, load_config,
    load_questionnaire,
};

/// How many gaps the text summary shows.
const TOP_GAPS: usize = 10;

/// Scores the assessment at `args.path`.
pub fn run(global: &GlobalArgs, args: &ScoreArgs) -> Result<Output, Failure> {
    let policy = load_config(global)?.policy();
    let questionnaire = load_questionnaire(global)?;
    let (assessment, mut warnings) = load_assessment(&args.path, &questionnaire)?;
    let today = clock()?.today();
    let card = coverage::scorecard(&questionnaire, &assessment, &policy, today);
    let time = TimeFacts::of(&questionnaire, &assessment, today);
    warnings.extend(answer_warnings(&args.path, &assessment, &questionnaire));
    let stdout = match args.format {
        ScoreFormat::Text => {
            let mut out = text(&questionnaire, &assessment, &card);
            time.write_text(&mut out);
            super::registers::score_text::write(
                &mut out,
                &questionnaire,
                &assessment,
                &card,
                today,
            );
            out
        }
        ScoreFormat::Json => json(&assessment, &card, &time),
    };
    Ok(Output { stdout, warnings })
}

fn percent(readiness: Readiness) -> String {
    readiness
        .percent()
        .map_or_else(|| "  n/a".to_string(), |percent| format!("{percent:>4} %"))
}

fn text(questionnaire: &Questionnaire, assessment: &Assessment, card: &Scorecard) -> String {
    let policy = &card.policy;
    let mut out = String::new();
    let scope: Vec<_> = assessment
        .scope()
        .iter()
        .map(|category| category.label())
        .collect();
    let _ = writeln!(
        out,
        "{} — SOC 2 readiness, aiming for a {} report",
        assessment.organization,
        card.target.label()
    );
    let _ = writeln!(out, "Scope: {}", scope.join(", "));
    let _ = writeln!(out, "Counts: {}", card.counts());
    if !card.not_yet_relevant.is_empty() {
        let _ = writeln!(
            out,
            "Not yet relevant (left out until the answer they wait for is given): {}",
            card.not_yet_relevant.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "Overall: {} (the weakest of the three stages)",
        card.overall.label()
    );
    let _ = writeln!(out, "Thresholds: {}", policy.describe());

    let _ = writeln!(out, "\nStages");
    for stage in &card.stages {
        let name = match stage.stage {
            Stage::Attestation => format!("{} ({})", stage.stage.label(), card.target.label()),
            _ => stage.stage.label().to_string(),
        };
        write_measure(&mut out, &name, &stage.measure, questionnaire, policy);
    }
    let _ = writeln!(
        out,
        "\nReport types (controls evidenced now / operating over time, plus audit readiness)"
    );
    for target in &card.targets {
        write_measure(
            &mut out,
            target.target.label(),
            &target.measure,
            questionnaire,
            policy,
        );
    }

    let _ = writeln!(out, "\nCategories             In place   Type 1   Type 2");
    for category in &card.categories {
        let _ = writeln!(
            out,
            "  {:<20} {}   {}   {}",
            category.category.label(),
            percent(category.compliance),
            percent(category.type1),
            percent(category.type2)
        );
    }

    let shown = card.gaps.len().min(TOP_GAPS);
    let _ = writeln!(
        out,
        "\nTop {shown} of {} gaps (toward {}); {} open questions are not counted as gaps",
        card.gaps.len(),
        card.target.label(),
        card.open.len()
    );
    for (index, gap) in card.gaps.iter().take(TOP_GAPS).enumerate() {
        let Some(question) = questionnaire.question(&gap.question) else {
            continue;
        };
        let current = gap.current.label(question);
        let _ = writeln!(
            out,
            "  {:>2}. {:<8} {:<6} {} — {} → needs {}",
            index + 1,
            gap.severity.label(),
            gap.criterion,
            question.title,
            current,
            question.level_label(gap.needed)
        );
        let level = gap.current.effective_level().unwrap_or(Level::NotInPlace);
        let steps = advice::next_steps(question, level, gap.needed, assessment.audit.window_months);
        if let Some(step) = steps.first() {
            let _ = writeln!(out, "      Next step: {step}");
        }
        for line in assessment
            .record(&gap.question)
            .map(recorded::finding_lines)
            .unwrap_or_default()
        {
            let _ = writeln!(out, "      {line}");
        }
    }
    out
}

fn write_measure(
    out: &mut String,
    name: &str,
    measure: &Measure,
    questionnaire: &Questionnaire,
    policy: &Policy,
) {
    let _ = writeln!(
        out,
        "  {:<26} {}  {:<13} {}",
        name,
        percent(measure.readiness),
        measure.verdict.label(),
        measure.explanation(policy)
    );
    if !measure.blockers.is_empty() {
        let names: Vec<String> = measure
            .blockers
            .iter()
            .take(5)
            .map(|blocker| {
                let title = questionnaire
                    .question(&blocker.question)
                    .map_or("", |q| q.title.as_str());
                format!("{} {title}", blocker.question)
            })
            .collect();
        let more = measure.blockers.len().saturating_sub(5);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {:<26} held back by: {}{tail}", "", names.join("; "));
    }
}

#[derive(Serialize)]
struct JsonScore<'a> {
    organization: &'a str,
    assessor: &'a str,
    created: String,
    scope: Vec<&'static str>,
    questionnaire_version: &'a str,
    #[serde(flatten)]
    scorecard: &'a Scorecard,
    #[serde(flatten)]
    time: &'a TimeFacts,
}

fn json(assessment: &Assessment, card: &Scorecard, time: &TimeFacts) -> String {
    let value = JsonScore {
        organization: &assessment.organization,
        assessor: &assessment.assessor,
        created: assessment.created.to_string(),
        scope: assessment.scope_keys(),
        questionnaire_version: &assessment.questionnaire_version,
        scorecard: card,
        time,
    };
    let text = serde_json::to_string_pretty(&value).expect("a scorecard always serializes");
    format!("{}\n", json_escaped(&text))
}
