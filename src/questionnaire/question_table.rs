//! Reads and checks one `[[question]]` table of a questionnaire file.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::links::read_links;
use super::{
    AnswerKind, Category, IsoRef, Level, Question, Stage, Target, cadence, criterion, parse_iso_ref,
};
use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// What a question inherits from the header of its file.
#[derive(Debug, Clone, Copy)]
pub struct FileContext {
    /// The file's stage.
    pub stage: Stage,
    /// The file's category (compliance files only).
    pub category: Option<Category>,
}

/// Reads one question, returning it when it is valid and every problem found either way.
pub fn read_question(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    context: FileContext,
) -> (Option<Question>, Vec<Problem>) {
    let mut fields = Fields::new(source, table, span);
    let id = fields.required_line("id");
    if let Some(id) = &id {
        fields.set_item(id);
    }
    let criterion_id = fields.required_text("criterion");
    if let Some(criterion_id) = &criterion_id {
        check_criterion(&mut fields, criterion_id, context);
    }
    if let (Some(id), Some(criterion_id)) = (&id, &criterion_id) {
        check_id(&mut fields, id, criterion_id);
    }
    let iso27001 = read_iso27001(&mut fields, context.stage);
    let title = fields.required_line("title");
    let frequency = cadence::read_frequency(&mut fields);
    let effort = cadence::read_effort(&mut fields);
    let prompt = fields.required_text("prompt");
    let why = fields.required_text("why");
    let evidence = fields.text_list("evidence", true);
    let remediation = fields.text_list("remediation", true);
    let collect = fields.text("collect");
    let operate = fields.text("operate");
    let (links, link_problems) = read_links(
        source,
        &mut fields,
        id.as_deref(),
        criterion_id.as_deref(),
        context.stage,
    );
    let weight = read_weight(&mut fields);
    let key = fields.boolean("key").unwrap_or(false);
    let kind = read_kind(&mut fields);
    let levels = read_levels(&mut fields, kind);
    let required = read_required(&mut fields, context.stage, kind);
    let targets = read_targets(&mut fields, context.stage);
    check_steps(
        &mut fields,
        context.stage,
        kind,
        &[("collect", &collect), ("operate", &operate)],
    );
    let mut problems = fields.finish();
    problems.extend(link_problems);
    let question = match (id, criterion_id, title, prompt, why, evidence, remediation) {
        (
            Some(id),
            Some(criterion),
            Some(title),
            Some(prompt),
            Some(why),
            Some(evidence),
            Some(remediation),
        ) if problems.is_empty() => Some(Question {
            id,
            criterion,
            iso27001,
            stage: context.stage,
            category: context.category,
            title,
            frequency,
            effort,
            prompt,
            why,
            evidence,
            remediation,
            collect,
            operate,
            also_supports: links.also_supports,
            replaces: links.replaces,
            relevant_when: links.relevant_when,
            weight: weight.unwrap_or(1),
            key,
            kind: kind.unwrap_or(AnswerKind::Scale),
            levels,
            required: required.unwrap_or(Level::InPlace),
            targets: targets.unwrap_or_else(|| Target::ALL.to_vec()),
        }),
        _ => None,
    };
    (question, problems)
}

/// `collect` and `operate` are the steps between the levels of the 0–4 scale, so they only
/// mean something on compliance questions answered on it; an empty step says nothing.
fn check_steps(
    fields: &mut Fields<'_, '_>,
    stage: Stage,
    kind: Option<AnswerKind>,
    steps: &[(&str, &Option<String>)],
) {
    let on_the_scale = stage == Stage::Compliance && kind != Some(AnswerKind::YesNo);
    for (key, step) in steps {
        let Some(step) = step else { continue };
        if !on_the_scale {
            fields.report(
                key,
                "only compliance questions answered 0–4 take a per-step text",
            );
        } else if step.trim().is_empty() {
            fields.report(key, "is empty (leave it out to use the general sentence)");
        }
    }
}

fn check_criterion(fields: &mut Fields<'_, '_>, id: &str, context: FileContext) {
    if let Some(expected) = context.stage.pseudo_criterion() {
        if id != expected {
            let stage = context.stage.key();
            fields.report(
                "criterion",
                format!("{stage} questions cite `{expected}`, found `{id}`"),
            );
        }
        return;
    }
    match criterion(id) {
        None => fields.report(
            "criterion",
            format!("`{id}` is not one of the 61 Trust Services Criteria (e.g. CC6.1, A1.2, P4.3)"),
        ),
        // Without a valid file category there is nothing to compare against.
        Some(found) => {
            if let Some(file_category) = context.category
                && found.category != file_category
            {
                fields.report(
                    "criterion",
                    format!(
                        "{id} belongs to {}, but this file is {}",
                        found.category.key(),
                        file_category.key()
                    ),
                );
            }
        }
    }
}

fn check_id(fields: &mut Fields<'_, '_>, id: &str, criterion_id: &str) {
    let slug = id
        .strip_prefix(criterion_id)
        .and_then(|rest| rest.strip_prefix('.'));
    match slug {
        Some(slug) if !slug.is_empty() && !slug.contains(char::is_whitespace) => {}
        _ => fields.report(
            "id",
            format!("must be `{criterion_id}.<name>` without spaces (e.g. `{criterion_id}.mfa`)"),
        ),
    }
}

/// The optional `iso27001` list: known, distinct references, on compliance questions only.
/// Every bad entry is reported at its own place.
fn read_iso27001(fields: &mut Fields<'_, '_>, stage: Stage) -> Vec<&'static IsoRef> {
    const KEY: &str = "iso27001";
    let Some(value) = fields.value(KEY) else {
        return Vec::new();
    };
    if stage != Stage::Compliance {
        fields.report(
            KEY,
            "only compliance questions carry ISO/IEC 27001 references",
        );
        return Vec::new();
    }
    let DeValue::Array(items) = value.get_ref() else {
        let found = value.get_ref().type_str();
        let message = format!("expected a list such as [\"A.5.15\", \"6.1.2\"], found {found}");
        fields.report_at(value.span(), KEY, message);
        return Vec::new();
    };
    let mut refs: Vec<&'static IsoRef> = Vec::with_capacity(items.len());
    for item in items.iter() {
        let DeValue::String(text) = item.get_ref() else {
            let found = item.get_ref().type_str();
            fields.report_at(item.span(), KEY, format!("expected text, found {found}"));
            continue;
        };
        match parse_iso_ref(text) {
            Ok(found) if refs.contains(&found) => {
                fields.report_at(item.span(), KEY, format!("`{text}` is listed twice"));
            }
            Ok(found) => refs.push(found),
            Err(reason) => fields.report_at(item.span(), KEY, reason),
        }
    }
    refs
}

fn read_weight(fields: &mut Fields<'_, '_>) -> Option<u8> {
    let weight = fields.integer("weight")?;
    match u8::try_from(weight) {
        Ok(weight @ 1..=5) => Some(weight),
        _ => {
            fields.report(
                "weight",
                format!("must be a whole number from 1 to 5, found {weight}"),
            );
            None
        }
    }
}

fn read_kind(fields: &mut Fields<'_, '_>) -> Option<AnswerKind> {
    match fields.text("kind")?.as_str() {
        "scale" => Some(AnswerKind::Scale),
        "yes_no" => Some(AnswerKind::YesNo),
        other => {
            fields.report(
                "kind",
                format!("must be \"scale\" or \"yes_no\", found \"{other}\""),
            );
            None
        }
    }
}

fn read_levels(fields: &mut Fields<'_, '_>, kind: Option<AnswerKind>) -> Option<[String; 5]> {
    let labels = fields.text_list("levels", false)?;
    if kind == Some(AnswerKind::YesNo) {
        fields.report("levels", "only scale questions have level labels");
        return None;
    }
    match <[String; 5]>::try_from(labels) {
        Ok(labels) => Some(labels),
        Err(labels) => {
            let count = labels.len();
            fields.report(
                "levels",
                format!("must list exactly 5 labels (levels 0–4), found {count}"),
            );
            None
        }
    }
}

fn read_required(
    fields: &mut Fields<'_, '_>,
    stage: Stage,
    kind: Option<AnswerKind>,
) -> Option<Level> {
    let name = fields.text("required")?;
    if stage == Stage::Compliance {
        fields.report(
            "required",
            "compliance questions take the level their report type needs",
        );
        return None;
    }
    if kind == Some(AnswerKind::YesNo) {
        fields.report("required", "a yes/no question always needs \"yes\"");
        return None;
    }
    let level = Level::from_key(&name);
    if level.is_none() {
        fields.report(
            "required",
            format!("must be planned, in_place, evidenced or operating, found \"{name}\""),
        );
    }
    level
}

fn read_targets(fields: &mut Fields<'_, '_>, stage: Stage) -> Option<Vec<Target>> {
    let names = fields.text_list("targets", false)?;
    if stage != Stage::Attestation {
        fields.report(
            "targets",
            "only attestation questions can be limited to a report type",
        );
        return None;
    }
    if names.is_empty() {
        fields.report("targets", "list type1, type2 or both");
        return None;
    }
    let targets: Vec<_> = names
        .iter()
        .filter_map(|name| Target::from_key(name))
        .collect();
    if targets.len() != names.len() {
        fields.report(
            "targets",
            format!("entries must be \"type1\" or \"type2\", found {names:?}"),
        );
        return None;
    }
    Some(targets)
}
