//! Reading `config.toml` text into [`Config`]: every problem (syntax, unknown key, a value
//! out of range, a logo that is missing or not an image) is reported at once, each with
//! file, line, column, section and key.

use std::ops::Range;

use toml::de::DeTable;

use super::{Branding, Config, Defaults, Logo, PAPERS, THEMES};
use crate::assessment::locker::NAME_PLACEHOLDER;
use crate::assessment::thresholds::{self, DEFAULT_GETTING_THERE, DEFAULT_READY};
use crate::diagnostics::{Problem, SourceText};
use crate::questionnaire::{Category, Target};
use crate::toml_fields::{Fields, parse_document};

/// Parses config text. `resolve_logo` turns the `logo` value as written into the image, or
/// says why it cannot (the only part that touches the disk, injected so this stays pure).
pub fn parse(
    source: SourceText<'_>,
    resolve_logo: &dyn Fn(&str) -> Result<Logo, String>,
) -> Result<Config, Vec<Problem>> {
    let document = parse_document(source, source.text)?;
    let mut top = Fields::new(source, document.get_ref(), document.span());
    let thresholds_table = top.table(thresholds::TABLE);
    let defaults_table = top.table("defaults");
    let report_table = top.table("report");
    let import_table = top.table("import");
    let mut problems = top.finish();
    let mut config = Config::default();
    if let Some((table, span)) = thresholds_table.clone() {
        let (read, found) = thresholds::read(
            source,
            table,
            span,
            Some((DEFAULT_READY, DEFAULT_GETTING_THERE)),
        );
        problems.extend(found);
        config.thresholds = read.values;
    }
    if let Some((table, span)) = defaults_table.clone() {
        config.defaults = read_defaults(source, table, span, &mut problems);
    }
    if let Some((table, span)) = report_table.clone() {
        config.branding = read_branding(source, table, span, resolve_logo, &mut problems);
    }
    if let Some((table, span)) = import_table {
        let (mappings, found) = crate::import::read_mappings(source, table, span);
        problems.extend(found);
        config.imports = mappings;
    }
    for (section, table) in [
        (thresholds::TABLE, thresholds_table),
        ("defaults", defaults_table),
        ("report", report_table),
    ] {
        for (key, value) in table.iter().flat_map(|(table, _)| table.iter()) {
            let line = source.line_column(value.span().start).0;
            config
                .lines
                .insert(format!("{section}.{}", key.get_ref()), line);
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|problem| (problem.line, problem.column));
        Err(problems)
    }
}

fn read_defaults(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    problems: &mut Vec<Problem>,
) -> Defaults {
    let mut fields = Fields::new(source, table, span);
    fields.set_item("defaults");
    let assessor = non_empty(&mut fields, "assessor");
    let scope = fields.text_list("scope", false).map(|names| {
        let mut scope = Vec::with_capacity(names.len());
        for name in names {
            match Category::from_key(&name) {
                Some(category) => scope.push(category),
                None => fields.report(
                    "scope",
                    format!("unknown category \"{name}\" (availability, processing-integrity, confidentiality, privacy)"),
                ),
            }
        }
        scope
    });
    let target = choice(
        &mut fields,
        "target",
        &[("type1", Target::Type1), ("type2", Target::Type2)],
    );
    let paper = choice(&mut fields, "paper", &PAPERS);
    let theme = choice(&mut fields, "theme", &THEMES);
    let evidence_folder = non_empty(&mut fields, "evidence_folder").filter(|folder| {
        let named = folder.contains(NAME_PLACEHOLDER);
        if !named {
            fields.report(
                "evidence_folder",
                format!("\"{folder}\" must contain {NAME_PLACEHOLDER}, so each assessment keeps its own evidence (e.g. \"evidence/{NAME_PLACEHOLDER}\")"),
            );
        }
        named
    });
    let export_folder = non_empty(&mut fields, "export_folder");
    problems.extend(fields.finish());
    Defaults {
        assessor,
        scope,
        target,
        paper,
        theme,
        evidence_folder,
        export_folder,
    }
}

fn read_branding(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    resolve_logo: &dyn Fn(&str) -> Result<Logo, String>,
    problems: &mut Vec<Problem>,
) -> Branding {
    let mut fields = Fields::new(source, table, span);
    fields.set_item("report");
    let firm = non_empty(&mut fields, "firm");
    let contact = non_empty(&mut fields, "contact");
    let logo = non_empty(&mut fields, "logo").and_then(|written| match resolve_logo(&written) {
        Ok(logo) => Some(logo),
        Err(reason) => {
            fields.report("logo", format!("\"{written}\": {reason}"));
            None
        }
    });
    problems.extend(fields.finish());
    Branding {
        firm,
        contact,
        logo,
    }
}

/// An optional text that, when present, must not be blank.
fn non_empty(fields: &mut Fields<'_, '_>, key: &'static str) -> Option<String> {
    let text = fields.text(key)?;
    if text.trim().is_empty() {
        fields.report(key, "must not be empty (leave the key out instead)");
        return None;
    }
    Some(text.trim().to_string())
}

/// One of a fixed set of names.
fn choice<T: Copy>(
    fields: &mut Fields<'_, '_>,
    key: &'static str,
    table: &[(&str, T)],
) -> Option<T> {
    let name = fields.text(key)?;
    let found = table
        .iter()
        .find(|(candidate, _)| candidate.eq_ignore_ascii_case(name.trim()))
        .map(|(_, value)| *value);
    if found.is_none() {
        let names: Vec<_> = table
            .iter()
            .map(|(name, _)| format!("\"{name}\""))
            .collect();
        fields.report(
            key,
            format!("must be {}, found \"{name}\"", names.join(" or ")),
        );
    }
    found
}
