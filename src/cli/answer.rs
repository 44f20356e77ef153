//! `soc2-ready answer`: sets one answer from a script, with the wizard's rules (the answer
//! must suit the question, N/A needs a reason), its lock and its atomic save.

use soc2_ready::assessment::{Answer, Assessment};
use soc2_ready::questionnaire::{Question, Questionnaire};

use super::args::AnswerArgs;
use super::edit::{date_arg, edit};
use super::{Failure, GlobalArgs, Output, clock, load_questionnaire};

/// Sets the answer described by `args`.
pub fn run(global: &GlobalArgs, args: &AnswerArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let clock = clock()?;
    let question = find_question(&questionnaire, &args.question)?;
    let answer = parse_answer(&args.answer, question)?;
    let due = args
        .due
        .as_deref()
        .map(|text| date_arg("--due", text))
        .transpose()?;
    if args.reason.is_some() && answer != Answer::NotApplicable {
        return Err(Failure::Invalid(
            "--reason is the justification of an N/A answer (na or x); leave it out".into(),
        ));
    }
    edit(&args.path, &clock, &questionnaire, |assessment| {
        apply(assessment, question, answer, args, due)
    })
}

/// The question with `id`, or a clear error.
pub fn find_question<'q>(
    questionnaire: &'q Questionnaire,
    id: &str,
) -> Result<&'q Question, Failure> {
    questionnaire.question(id).ok_or_else(|| {
        Failure::Invalid(format!(
            "unknown question id \"{id}\" (`soc2-ready questions` lists them); nothing was changed"
        ))
    })
}

/// Parses an answer given as its file name (`evidenced`) or its wizard key (`3`, `x`, `y`).
fn parse_answer(text: &str, question: &Question) -> Result<Answer, Failure> {
    Answer::parse_for(text, question)
        .map_err(|why| Failure::Invalid(format!("{}: {why}; nothing was changed", question.id)))
}

/// Changes the record and says what changed.
fn apply(
    assessment: &mut Assessment,
    question: &Question,
    answer: Answer,
    args: &AnswerArgs,
    due: Option<jiff::civil::Date>,
) -> Result<String, Failure> {
    let previous = assessment.answer(&question.id);
    let reason = args.reason.as_deref().map(str::trim).unwrap_or_default();
    let kept_reason = assessment
        .record(&question.id)
        .is_some_and(|record| !record.na_reason.trim().is_empty());
    if answer == Answer::NotApplicable && reason.is_empty() && !kept_reason {
        return Err(Failure::Invalid(format!(
            "{}: N/A needs a one-line justification (auditors ask): add --reason \"...\"; nothing was changed",
            question.id
        )));
    }
    assessment.edit(&question.id, |record| {
        record.answer = Some(answer);
        if answer != Answer::NotApplicable {
            record.na_reason.clear();
        } else if !reason.is_empty() {
            record.na_reason = reason.to_string();
        }
        if let Some(note) = &args.note {
            record.note = note.clone();
        }
        if let Some(owner) = &args.owner {
            record.owner = owner.trim().to_string();
        }
        if due.is_some() {
            record.due = due;
        }
    });
    let was = previous.map_or("unanswered", |previous| previous.label(question));
    Ok(format!(
        "{}: {} (was {was})\n",
        question.id,
        answer.label(question)
    ))
}
