//! The fields that link a question to other criteria and other questions:
//! `also_supports` (more criteria it counts toward), `replaces` (older ids whose answers move
//! to it) and `relevant_when` (the answer that makes it relevant). Reads them from one
//! question table, then checks across all files that the links point somewhere valid.

use std::collections::HashMap;

use super::{AnswerKind, Level, Question, Stage, criterion};
use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// The answer to another question that makes a question relevant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The id of the question whose answer decides.
    pub question: String,
    /// The lowest level (of that question's scale; "yes" is the top) that makes it relevant.
    pub at_least: Level,
}

/// The link fields of one question, as read from its table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// Other criteria the question counts toward.
    pub also_supports: Vec<String>,
    /// Older ids this question replaces.
    pub replaces: Vec<String>,
    /// When the question becomes relevant; `None` for always.
    pub relevant_when: Option<Condition>,
}

/// Reads `also_supports`, `replaces` and `relevant_when` of the question `id` citing
/// `primary`. Problems about the nested `relevant_when` table are returned separately.
pub fn read_links(
    source: SourceText<'_>,
    fields: &mut Fields<'_, '_>,
    id: Option<&str>,
    primary: Option<&str>,
    stage: Stage,
) -> (Links, Vec<Problem>) {
    let also_supports = read_also_supports(fields, primary, stage);
    let replaces = read_replaces(fields, id);
    let (relevant_when, problems) = read_condition(source, fields, id);
    let links = Links {
        also_supports: also_supports.unwrap_or_default(),
        replaces: replaces.unwrap_or_default(),
        relevant_when,
    };
    (links, problems)
}

fn read_also_supports(
    fields: &mut Fields<'_, '_>,
    primary: Option<&str>,
    stage: Stage,
) -> Option<Vec<String>> {
    let ids = fields.text_list("also_supports", false)?;
    if stage != Stage::Compliance {
        fields.report(
            "also_supports",
            "only compliance questions count toward criteria",
        );
        return None;
    }
    let mut seen: Vec<&str> = Vec::new();
    for id in &ids {
        if criterion(id).is_none() {
            fields.report(
                "also_supports",
                format!("`{id}` is not one of the 61 Trust Services Criteria"),
            );
        } else if Some(id.as_str()) == primary {
            fields.report(
                "also_supports",
                format!("`{id}` is already the question's own criterion"),
            );
        } else if seen.contains(&id.as_str()) {
            fields.report("also_supports", format!("`{id}` is listed twice"));
        }
        seen.push(id);
    }
    Some(ids)
}

fn read_replaces(fields: &mut Fields<'_, '_>, id: Option<&str>) -> Option<Vec<String>> {
    let old = fields.text_list("replaces", false)?;
    for (at, old_id) in old.iter().enumerate() {
        if old_id.contains(char::is_whitespace) {
            fields.report(
                "replaces",
                format!("`{old_id}` is not an id (it has spaces)"),
            );
        } else if Some(old_id.as_str()) == id {
            fields.report("replaces", "a question cannot replace itself");
        } else if old[..at].contains(old_id) {
            fields.report("replaces", format!("`{old_id}` is listed twice"));
        }
    }
    Some(old)
}

fn read_condition(
    source: SourceText<'_>,
    fields: &mut Fields<'_, '_>,
    id: Option<&str>,
) -> (Option<Condition>, Vec<Problem>) {
    let Some((table, span)) = fields.table("relevant_when") else {
        return (None, Vec::new());
    };
    let mut inner = Fields::new(source, table, span);
    if let Some(id) = id {
        inner.set_item(id);
    }
    let question = inner.required_text("question");
    let at_least = inner.required_text("at_least").and_then(|name| {
        let level = match name.as_str() {
            "yes" => Some(Level::Operating),
            other => Level::from_key(other),
        };
        if level.is_none() {
            inner.report(
                "at_least",
                format!("must be planned, in_place, evidenced, operating or yes, found \"{name}\""),
            );
        }
        level
    });
    if question
        .as_deref()
        .is_some_and(|question| Some(question) == id)
    {
        inner.report("question", "a question cannot depend on itself");
    }
    let problems = inner
        .finish()
        .into_iter()
        .map(|problem| {
            let field = problem.field.clone().unwrap_or_default();
            problem.in_field(&format!("relevant_when.{field}"))
        })
        .collect::<Vec<_>>();
    let condition = match (question, at_least) {
        (Some(question), Some(at_least)) if problems.is_empty() => {
            Some(Condition { question, at_least })
        }
        _ => None,
    };
    (condition, problems)
}

/// A problem found across files: which question, which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// The question whose field is wrong.
    pub question: String,
    /// The field.
    pub field: &'static str,
    /// What is wrong.
    pub message: String,
}

/// Checks the links of all questions together: replaced ids are retired (no current
/// question has them, no two questions claim one) and conditions name a question that
/// exists, is not itself conditional, and can reach the level asked for.
pub fn check_links(questions: &[&Question]) -> Vec<LinkProblem> {
    let by_id: HashMap<&str, &Question> = questions
        .iter()
        .map(|question| (question.id.as_str(), *question))
        .collect();
    let mut problems = Vec::new();
    let mut claimed: HashMap<&str, &str> = HashMap::new();
    for question in questions {
        let mut report = |field, message: String| {
            problems.push(LinkProblem {
                question: question.id.clone(),
                field,
                message,
            })
        };
        for old in &question.replaces {
            if by_id.contains_key(old.as_str()) {
                report(
                    "replaces",
                    format!("`{old}` is still a question; only retired ids can be replaced"),
                );
            } else if let Some(first) = claimed.insert(old, &question.id) {
                report(
                    "replaces",
                    format!("`{old}` is already replaced by `{first}`"),
                );
            }
        }
        let Some(condition) = &question.relevant_when else {
            continue;
        };
        match by_id.get(condition.question.as_str()) {
            None => report(
                "relevant_when",
                format!("no question has the id `{}`", condition.question),
            ),
            Some(decider) if decider.relevant_when.is_some() => report(
                "relevant_when",
                format!(
                    "`{}` is itself conditional; name a question that is always asked",
                    decider.id
                ),
            ),
            Some(decider)
                if decider.kind == AnswerKind::YesNo && condition.at_least != Level::Operating =>
            {
                report(
                    "relevant_when",
                    format!(
                        "`{}` is a yes/no question: use at_least = \"yes\"",
                        decider.id
                    ),
                )
            }
            Some(_) => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::parse_files;

    fn file(questions: &str) -> Vec<(String, String)> {
        let text = format!(
            "schema = 1\nstage = \"compliance\"\ncategory = \"security\"\ntitle = \"S\"\n{questions}"
        );
        vec![("security.toml".to_string(), text)]
    }

    fn question(id: &str, extra: &str) -> String {
        let criterion = id.rsplit_once('.').map_or(id, |(criterion, _)| criterion);
        format!(
            "[[question]]\nid = \"{id}\"\ncriterion = \"{criterion}\"\ntitle = \"T\"\nprompt = \"P\"\nwhy = \"W\"\nevidence = [\"E\"]\nremediation = [\"R\"]\n{extra}\n"
        )
    }

    fn problems(questions: &str) -> Vec<String> {
        match parse_files(&file(questions), "t".into()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn good_links_are_read() {
        let text = question(
            "CC4.1.a",
            "also_supports = [\"CC7.1\", \"C1.1\"]\nreplaces = [\"CC7.1.old\"]",
        ) + &question(
            "CC4.1.b",
            "relevant_when = { question = \"CC4.1.a\", at_least = \"evidenced\" }",
        );
        let questionnaire = parse_files(&file(&text), "t".into()).expect("valid");
        let a = questionnaire.question("CC4.1.a").unwrap();
        assert_eq!(a.also_supports, ["CC7.1", "C1.1"]);
        assert_eq!(a.replaces, ["CC7.1.old"]);
        assert!(a.supports("CC7.1") && a.supports("CC4.1") && !a.supports("CC6.1"));
        let b = questionnaire.question("CC4.1.b").unwrap();
        assert_eq!(
            b.relevant_when,
            Some(Condition {
                question: "CC4.1.a".into(),
                at_least: Level::Evidenced
            })
        );
    }

    #[test]
    fn bad_also_supports_are_located() {
        let found = problems(&question(
            "CC4.1.a",
            "also_supports = [\"CC9.9\", \"CC4.1\", \"CC7.1\", \"CC7.1\"]",
        ));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].contains("security.toml:13:")
                && found[0].contains("`CC9.9` is not one of the 61")
        );
        assert!(found[1].contains("already the question's own criterion"));
        assert!(found[2].contains("`CC7.1` is listed twice"));
    }

    #[test]
    fn replaced_ids_must_be_retired_and_claimed_once() {
        let found = problems(&question("CC4.1.a", "replaces = [\"CC4.1.a\", \"x y\"]"));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("cannot replace itself"));
        assert!(found[1].contains("`x y` is not an id"));
        let text = question("CC4.1.a", "replaces = [\"CC4.1.b\"]")
            + &question("CC4.1.b", "replaces = [\"CC4.1.old\"]")
            + &question("CC4.1.c", "replaces = [\"CC4.1.old\"]");
        let found = problems(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("CC4.1.a") && found[0].contains("`CC4.1.b` is still a question"));
        assert!(
            found
                .iter()
                .any(|p| p.contains("CC4.1.c") && p.contains("already replaced by `CC4.1.b`"))
        );
    }

    #[test]
    fn conditions_must_name_an_unconditional_question_and_a_level() {
        let text = question("CC4.1.a", "kind = \"yes_no\"")
            + &question(
                "CC4.1.b",
                "relevant_when = { question = \"CC4.1.a\", at_least = \"planned\" }",
            )
            + &question(
                "CC4.1.c",
                "relevant_when = { question = \"CC4.1.b\", at_least = \"yes\" }",
            )
            + &question(
                "CC4.1.d",
                "relevant_when = { question = \"CC4.1.zz\", at_least = \"yes\" }",
            );
        let found = problems(&text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("CC4.1.b") && found[0].contains("use at_least = \"yes\""));
        assert!(found[1].contains("CC4.1.c") && found[1].contains("is itself conditional"));
        assert!(
            found[2].contains("CC4.1.d") && found[2].contains("no question has the id `CC4.1.zz`")
        );
        let found = problems(&question(
            "CC4.1.e",
            "relevant_when = { question = \"CC4.1.e\", at_least = \"done\", typo = 1 }",
        ));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].contains("security.toml:13:")
                && found[0]
                    .contains("field `relevant_when.question`: a question cannot depend on itself")
        );
        assert!(
            found[1].contains("field `relevant_when.at_least`")
                && found[1].contains("found \"done\"")
        );
        assert!(found[2].contains("field `relevant_when.typo`: unknown field"));
    }

    #[test]
    fn stage_questions_cannot_support_criteria() {
        let text = "schema = 1\nstage = \"attestation\"\ntitle = \"A\"\n[[question]]\nid = \"ATT.x\"\ncriterion = \"ATT\"\ntitle = \"T\"\nprompt = \"P\"\nwhy = \"W\"\nevidence = [\"E\"]\nremediation = [\"R\"]\nalso_supports = [\"CC1.1\"]\n";
        let found = match parse_files(&[("attestation.toml".into(), text.into())], "t".into()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("only compliance questions count toward criteria"));
    }
}
