//! Builds the [`ReportModel`] from a questionnaire, an assessment and its scorecard: a pure
//! function, so every renderer shows the same facts and the facts are tested once.

use jiff::civil::Date;

use super::insights::{self, SignOff};
use super::model::{
    AnswerLine, BlockerItem, CategoryBar, CriterionAnswers, GapItem, Method, Phase, PhasePlan,
    QuestionRef, REPORT_SCHEMA, ReportModel, Size, StageCard, TargetCard, answer_key, answer_label,
    level_key, level_label,
};
use super::prepared::{Branding, thresholds_note};
use super::registers::RegistersSection;
use super::schedule::schedule;
use super::text;
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Level, Question, Questionnaire, criterion};
use crate::scoring::{Blocker, Policy, Scorecard, advice, head_start};
use crate::time::overdue::is_late;
use crate::time::progress::Progress;

impl ReportModel {
    /// Builds the report of `assessment`, scored as `card` under `policy`, dated `today`.
    pub fn build(
        questionnaire: &Questionnaire,
        assessment: &Assessment,
        card: &Scorecard,
        policy: &Policy,
        today: Date,
    ) -> Self {
        // The thresholds the card was scored with: the assessment's own, where it has them.
        debug_assert_eq!(card.policy, policy.for_assessment(assessment));
        let policy = &card.policy;
        // Questions not yet relevant are no open question either: `card.not_yet_relevant`.
        let in_scope: Vec<&Question> = questionnaire
            .questions()
            .iter()
            .filter(|question| assessment.in_scope(question) && assessment.is_relevant(question))
            .collect();
        let gaps = gap_items(questionnaire, assessment, card, today);
        let blockers = |list: &[Blocker]| blocker_items(questionnaire, list, &gaps);
        let stages = card
            .stages
            .iter()
            .map(|score| StageCard {
                stage: score.stage,
                label: score.stage.label(),
                about: score.stage.summary(),
                readiness_percent: score.measure.readiness.percent(),
                verdict: score.measure.verdict,
                explanation: score.measure.explanation(policy),
                tally: score.measure.tally,
                blockers: blockers(&score.measure.blockers),
                open_keys: score.measure.open_keys,
            })
            .collect();
        let targets = card
            .targets
            .iter()
            .map(|score| TargetCard {
                target: score.target,
                readiness_percent: score.measure.readiness.percent(),
                verdict: score.measure.verdict,
                explanation: score.measure.explanation(policy),
                blockers: score.measure.blockers.len(),
            })
            .collect();
        let categories = card
            .categories
            .iter()
            .map(|score| CategoryBar {
                category: score.category,
                label: score.category.label(),
                in_place_percent: score.compliance.percent(),
                type1_percent: score.type1.percent(),
                type2_percent: score.type2.percent(),
                tally: score.tally,
            })
            .collect();
        let with_answer = |wanted: fn(Option<Answer>) -> bool| -> Vec<QuestionRef> {
            in_scope
                .iter()
                .filter(|question| wanted(assessment.answer(&question.id)))
                .map(|question| QuestionRef::to(question))
                .collect()
        };
        // Scoring's list: key controls first, the ones to answer before anything else.
        let unanswered: Vec<QuestionRef> = card
            .open
            .iter()
            .filter_map(|id| questionnaire.question(id))
            .map(QuestionRef::to)
            .collect();
        let unsure = with_answer(|answer| answer == Some(Answer::Unsure));
        let roadmap = roadmap(assessment, &gaps, &unanswered, unsure.len());
        let answers = answers_by_criterion(&in_scope, assessment);
        let key = |id: &str| questionnaire.question(id).is_some_and(|q| q.key);
        let ready_percent = whole_percent(policy.ready);
        let getting_there_percent = whole_percent(policy.getting_there);
        let mut model = ReportModel {
            schema: REPORT_SCHEMA,
            organization: assessment.organization.clone(),
            assessor: assessment.assessor.clone(),
            assessment_created: assessment.created,
            generated: today,
            target: assessment.target,
            scope: assessment.scope().iter().copied().collect(),
            questionnaire_version: assessment.questionnaire_version.clone(),
            overall: card.overall,
            summary: String::new(),
            actions: insights::actions(&gaps, &unanswered, unsure.len()),
            observations: assessment.report.observations.trim().to_string(),
            na_issues: insights::na_issues(&answers, key),
            sign_off: SignOff::new(&assessment.assessor, &assessment.report, today),
            tally: card.tally,
            counts: card.counts(),
            stages,
            targets,
            categories,
            heat_map: insights::heat_map(&card.criteria),
            owners: insights::owners(&gaps),
            gaps,
            roadmap,
            unanswered,
            unsure,
            answers,
            unscored_answers: assessment
                .unknown_ids(questionnaire)
                .map(str::to_string)
                .collect(),
            progress: Progress::build(questionnaire, assessment, card, policy, today),
            schedule: schedule(questionnaire, assessment, today),
            registers: RegistersSection::build(questionnaire, assessment, card, today),
            method: Method {
                scale: text::scale(),
                ready_percent,
                getting_there_percent,
                notes: text::method_notes(ready_percent, getting_there_percent),
            },
            attestation_note: text::ATTESTATION_NOTE.to_string(),
            disclaimer: text::DISCLAIMER.to_string(),
            iso27001_head_start: head_start(questionnaire, assessment),
            claims: None,
            branding: Branding::default(),
            gap_cards: true,
        };
        model.method.notes.push(thresholds_note(policy));
        model.summary = text::summary(&model);
        model
            .summary
            .push_str(&text::conflicts_sentence(&assessment.conflict_views()));
        model
    }
}

fn whole_percent(ratio: f64) -> u32 {
    // Thresholds are between 0 and 1, so the rounded value always fits.
    (ratio * 100.0).round().clamp(0.0, 100.0) as u32
}

/// The blockers as report items, in the order of their gaps' ranks (the same order as the
/// register and the cards).
fn blocker_items(
    questionnaire: &Questionnaire,
    blockers: &[Blocker],
    gaps: &[GapItem],
) -> Vec<BlockerItem> {
    let rank = |id: &str| {
        gaps.iter()
            .find(|gap| gap.question.id == id)
            .map_or(usize::MAX, |gap| gap.rank)
    };
    let mut ordered: Vec<&Blocker> = blockers.iter().collect();
    ordered.sort_by_key(|blocker| rank(&blocker.question));
    ordered
        .into_iter()
        .filter_map(|blocker| {
            let question = questionnaire.question(&blocker.question)?;
            Some(BlockerItem {
                question: QuestionRef::to(question),
                current: answer_label(question, blocker.current),
                current_key: answer_key(blocker.current),
                needed: level_label(question, blocker.needed),
                needed_key: level_key(question, blocker.needed),
            })
        })
        .collect()
}

/// The criterion's topic, or "Attestation readiness" for the stage questions.
fn criterion_title(question: &Question) -> String {
    criterion(&question.criterion).map_or_else(
        || format!("{} readiness", question.stage.label()),
        |criterion| criterion.title.to_string(),
    )
}

/// The scorecard's gaps with everything a reader needs to close them.
fn gap_items(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    card: &Scorecard,
    today: Date,
) -> Vec<GapItem> {
    card.gaps
        .iter()
        .filter_map(|gap| {
            let answer = gap.current;
            let question = questionnaire.question(&gap.question)?;
            let record = assessment.record(&question.id).cloned().unwrap_or_default();
            let level = answer.effective_level().unwrap_or(Level::NotInPlace);
            let note = crate::import::recorded::card_note(&record);
            Some(GapItem {
                rank: 0,
                question: QuestionRef::to(question),
                criterion_title: criterion_title(question),
                stage: question.stage,
                severity: gap.severity,
                phase: Phase::of(question, level),
                current: answer_label(question, Some(answer)),
                current_key: answer.key(),
                needed: level_label(question, gap.needed),
                needed_key: level_key(question, gap.needed),
                remediation: advice::next_steps(
                    question,
                    level,
                    gap.needed,
                    assessment.audit.window_months,
                ),
                evidence: question.evidence.clone(),
                owner: record.owner,
                due: record.due,
                overdue: record.due.is_some_and(|due| is_late(due, today)),
                size: Size::of(question, level, gap.needed),
                note,
                iso27001: question.iso27001.iter().map(|iso| iso.id).collect(),
            })
        })
        .enumerate()
        .map(|(index, gap)| GapItem {
            rank: index + 1,
            ..gap
        })
        .collect()
}

fn roadmap(
    assessment: &Assessment,
    gaps: &[GapItem],
    unanswered: &[QuestionRef],
    unsure: usize,
) -> Vec<PhasePlan> {
    Phase::for_target(assessment.target)
        .into_iter()
        .map(|phase| {
            let mut actions = Vec::new();
            if phase == Phase::Now {
                if !unanswered.is_empty() {
                    let keys = unanswered.iter().filter(|question| question.key).count();
                    actions.push(text::answer_the_rest(unanswered.len(), keys));
                }
                if unsure > 0 {
                    actions.push(text::resolve_unsure(unsure));
                }
            }
            PhasePlan {
                phase,
                label: phase.label(assessment.target),
                description: text::phase_description(phase, assessment.target),
                actions,
                gap_ids: gaps
                    .iter()
                    .filter(|gap| gap.phase == phase)
                    .map(|gap| gap.question.id.clone())
                    .collect(),
            }
        })
        .collect()
}

fn answers_by_criterion(in_scope: &[&Question], assessment: &Assessment) -> Vec<CriterionAnswers> {
    let mut groups: Vec<CriterionAnswers> = Vec::new();
    for question in in_scope {
        let record = assessment.record(&question.id).cloned().unwrap_or_default();
        let line = AnswerLine {
            id: question.id.clone(),
            title: question.title.clone(),
            answer: answer_label(question, record.answer),
            answer_key: answer_key(record.answer),
            note: record.note,
            na_reason: record.na_reason,
            owner: record.owner,
            due: record.due,
            iso27001: question.iso27001.iter().map(|iso| iso.id).collect(),
        };
        match groups
            .iter_mut()
            .find(|group| group.criterion == question.criterion)
        {
            Some(group) => group.questions.push(line),
            None => groups.push(CriterionAnswers {
                criterion: question.criterion.clone(),
                title: criterion_title(question),
                questions: vec![line],
            }),
        }
    }
    groups
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
