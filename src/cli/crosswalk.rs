//! `soc2-ready crosswalk`: the ISO/IEC 27001:2022 references of every compliance question,
//! or (`--by-control`) every Annex A control and clause with the questions that cover it.

use soc2_ready::questionnaire::{ISO27001, Questionnaire, Stage};

use super::args::CrosswalkArgs;
use super::lists::{iso_list, table};
use super::{Failure, GlobalArgs, Output, load_questionnaire};

/// Lists question → ISO references, or ISO reference → questions.
pub fn run(global: &GlobalArgs, args: &CrosswalkArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let text = if args.by_control {
        by_control(&questionnaire, args)
    } else {
        by_question(&questionnaire, args)
    };
    Ok(Output::text(text))
}

fn by_question(questionnaire: &Questionnaire, args: &CrosswalkArgs) -> String {
    let rows = questionnaire
        .questions()
        .iter()
        .filter(|question| question.stage == Stage::Compliance)
        .map(|question| {
            vec![
                question.id.clone(),
                question.criterion.clone(),
                iso_list(&question.iso27001),
                question.title.clone(),
            ]
        });
    table(args.format, &["id", "criterion", "iso27001", "title"], rows)
}

fn by_control(questionnaire: &Questionnaire, args: &CrosswalkArgs) -> String {
    let rows = ISO27001.iter().map(|iso| {
        let questions: Vec<&str> = questionnaire
            .questions()
            .iter()
            .filter(|question| question.iso27001.contains(&iso))
            .map(|question| question.id.as_str())
            .collect();
        vec![
            iso.id.to_string(),
            iso.theme().label().to_string(),
            questions.len().to_string(),
            iso.title.to_string(),
            questions.join(" "),
        ]
    });
    table(
        args.format,
        &["iso27001", "theme", "questions", "title", "question ids"],
        rows,
    )
}
