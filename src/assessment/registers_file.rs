//! The schema-4 part of the assessment file: the `[[policies]]` (with their
//! `[[policies.acceptances]]`), `[[vendors]]` and `[[risks]]` registers, written in a stable
//! order and read back with located errors (unknown fields, bad values, duplicate names).

use serde::Serialize;

use super::time_file::date;
use crate::diagnostics::{Problem, SourceText};
use crate::registers::{
    Acceptance, Criticality, PolicyRecord, Registers, ReportType, Risk, Treatment, Vendor,
    same_name,
};
use crate::toml_fields::Fields;
use toml::de::{DeTable, DeValue};

/// The three registers as written.
#[derive(Serialize)]
pub(super) struct RegistersOut<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    policies: Vec<PolicyOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    vendors: Vec<VendorOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    risks: Vec<RiskOut<'a>>,
}

#[derive(Serialize)]
struct PolicyOut<'a> {
    name: &'a str,
    owner: &'a str,
    version: &'a str,
    approved: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    file: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    acceptances: Vec<AcceptanceOut<'a>>,
}

#[derive(Serialize)]
struct AcceptanceOut<'a> {
    person: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    email: &'a str,
    version: &'a str,
    date: String,
}

#[derive(Serialize)]
struct VendorOut<'a> {
    name: &'a str,
    criticality: &'a str,
    service: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    data: &'a str,
    report: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    report_period_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bridge_letter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cuecs_reviewed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<String>,
}

#[derive(Serialize)]
struct RiskOut<'a> {
    title: &'a str,
    likelihood: u8,
    impact: u8,
    treatment: &'a str,
    owner: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    controls: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<String>,
    #[serde(skip_serializing_if = "str::is_empty")]
    approver: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    approved: Option<String>,
}

fn text_date(date: Option<jiff::civil::Date>) -> Option<String> {
    date.map(|date| date.to_string())
}

impl<'a> RegistersOut<'a> {
    /// The written form of `registers`.
    pub(super) fn new(registers: &'a Registers) -> Self {
        Self {
            policies: registers.policies.iter().map(policy_out).collect(),
            vendors: registers.vendors.iter().map(vendor_out).collect(),
            risks: registers.risks.iter().map(risk_out).collect(),
        }
    }
}

fn policy_out(policy: &PolicyRecord) -> PolicyOut<'_> {
    PolicyOut {
        name: &policy.name,
        owner: &policy.owner,
        version: &policy.version,
        approved: policy.approved.to_string(),
        file: &policy.file,
        acceptances: policy
            .acceptances
            .iter()
            .map(|acceptance| AcceptanceOut {
                person: &acceptance.person,
                email: &acceptance.email,
                version: &acceptance.version,
                date: acceptance.date.to_string(),
            })
            .collect(),
    }
}

fn vendor_out(vendor: &Vendor) -> VendorOut<'_> {
    VendorOut {
        name: &vendor.name,
        criticality: vendor.criticality.key(),
        service: &vendor.service,
        data: &vendor.data,
        report: vendor.report.key(),
        report_period_end: text_date(vendor.report_period_end),
        bridge_letter: text_date(vendor.bridge_letter),
        cuecs_reviewed: text_date(vendor.cuecs_reviewed),
        reviewed: text_date(vendor.reviewed),
    }
}

fn risk_out(risk: &Risk) -> RiskOut<'_> {
    RiskOut {
        title: &risk.title,
        likelihood: risk.likelihood,
        impact: risk.impact,
        treatment: risk.treatment.key(),
        owner: &risk.owner,
        controls: &risk.controls,
        reviewed: text_date(risk.reviewed),
        approver: &risk.approver,
        approved: text_date(risk.approved),
    }
}

/// Reads the three registers from the top level of the file.
pub(super) fn read_registers(
    fields: &mut Fields<'_, '_>,
    source: SourceText<'_>,
) -> (Registers, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut registers = Registers::default();
    // Names seen so far, valid entries or not, so a duplicate is found either way.
    let mut seen = Vec::new();
    for (table, span) in fields.tables("policies") {
        let mut entry = Fields::new(source, table, span);
        entry.set_item("policies");
        let policy = read_policy(&mut entry, source, &mut problems);
        unique(&mut entry, table, "name", &mut seen);
        collect(entry, policy, &mut registers.policies, &mut problems);
    }
    seen.clear();
    for (table, span) in fields.tables("vendors") {
        let mut entry = Fields::new(source, table, span);
        entry.set_item("vendors");
        let vendor = read_vendor(&mut entry);
        unique(&mut entry, table, "name", &mut seen);
        collect(entry, vendor, &mut registers.vendors, &mut problems);
    }
    seen.clear();
    for (table, span) in fields.tables("risks") {
        let mut entry = Fields::new(source, table, span);
        entry.set_item("risks");
        let risk = read_risk(&mut entry);
        unique(&mut entry, table, "title", &mut seen);
        collect(entry, risk, &mut registers.risks, &mut problems);
    }
    (registers, problems)
}

/// Keeps `item` when its table had no problem.
pub(super) fn collect<T>(
    entry: Fields<'_, '_>,
    item: Option<T>,
    into: &mut Vec<T>,
    problems: &mut Vec<Problem>,
) {
    let found = entry.finish();
    if found.is_empty()
        && let Some(item) = item
    {
        into.push(item);
    }
    problems.extend(found);
}

/// Reports the text of `field` when an earlier entry has the same one, and remembers it.
fn unique(
    entry: &mut Fields<'_, '_>,
    table: &DeTable<'_>,
    field: &'static str,
    seen: &mut Vec<String>,
) {
    let Some(DeValue::String(name)) = table.get(field).map(|value| value.get_ref()) else {
        return;
    };
    if seen.iter().any(|other| same_name(other, name)) {
        entry.report(
            field,
            format!(
                "\"{name}\" is already in the register (names are unique, whatever their case)"
            ),
        );
    }
    seen.push(name.to_string());
}

/// A date that must be present.
pub(super) fn required_date(
    entry: &mut Fields<'_, '_>,
    key: &'static str,
) -> Option<jiff::civil::Date> {
    let value = date(entry, key);
    if entry.value(key).is_none() {
        entry.report(key, "missing required field (a date such as 2026-11-24)");
    }
    value
}

/// A field naming one of a fixed set of values.
fn choice<T>(
    entry: &mut Fields<'_, '_>,
    key: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> Option<T> {
    let name = entry.required_text(key)?;
    let value = parse(&name);
    if value.is_none() {
        entry.report(
            key,
            format!("unknown value \"{name}\" (expected {expected})"),
        );
    }
    value
}

fn read_policy(
    entry: &mut Fields<'_, '_>,
    source: SourceText<'_>,
    problems: &mut Vec<Problem>,
) -> Option<PolicyRecord> {
    let name = entry.required_line("name");
    let owner = entry.required_text("owner");
    let version = entry.required_line("version");
    let approved = required_date(entry, "approved");
    let file = entry.text("file").unwrap_or_default();
    let mut acceptances = Vec::new();
    for (table, span) in entry.tables("acceptances") {
        let mut fields = Fields::new(source, table, span);
        fields.set_item(name.as_deref().unwrap_or("policies"));
        let person = fields.required_line("person");
        let email = fields.text("email").unwrap_or_default();
        let accepted_version = fields.required_line("version");
        let day = required_date(&mut fields, "date");
        let found = fields.finish();
        if let (true, Some(person), Some(version), Some(date)) =
            (found.is_empty(), person, accepted_version, day)
        {
            acceptances.push(Acceptance {
                person,
                email,
                version,
                date,
            });
        }
        problems.extend(found);
    }
    Some(PolicyRecord {
        name: name?,
        owner: owner?,
        version: version?,
        approved: approved?,
        file,
        acceptances,
    })
}

fn read_vendor(entry: &mut Fields<'_, '_>) -> Option<Vendor> {
    let name = entry.required_line("name");
    let criticality = choice(
        entry,
        "criticality",
        Criticality::from_key,
        "high, medium or low",
    );
    let service = entry.required_text("service");
    let data = entry.text("data").unwrap_or_default();
    let report = choice(
        entry,
        "report",
        ReportType::from_key,
        "soc2-type2, soc2-type1, iso27001 or none",
    );
    // Every field is read before any is found missing, so none is taken for a typo.
    let report_period_end = date(entry, "report_period_end");
    let bridge_letter = date(entry, "bridge_letter");
    let cuecs_reviewed = date(entry, "cuecs_reviewed");
    let reviewed = date(entry, "reviewed");
    let vendor = Vendor {
        name: name?,
        criticality: criticality?,
        service: service?,
        data,
        report: report?,
        report_period_end,
        bridge_letter,
        cuecs_reviewed,
        reviewed,
    };
    if let Err(refusal) = vendor.check() {
        let field = refusal.field.trim_start_matches("--").replace('-', "_");
        entry.report(&field, refusal.why);
        return None;
    }
    Some(vendor)
}

fn read_rating(entry: &mut Fields<'_, '_>, key: &'static str) -> Option<u8> {
    let value = entry.integer(key);
    if entry.value(key).is_none() {
        entry.report(key, "missing required field (1 to 5)");
        return None;
    }
    match value.map(u8::try_from) {
        Some(Ok(rating @ 1..=5)) => Some(rating),
        Some(_) => {
            entry.report(
                key,
                format!("must be from 1 to 5, found {}", value.unwrap_or_default()),
            );
            None
        }
        None => None,
    }
}

fn read_risk(entry: &mut Fields<'_, '_>) -> Option<Risk> {
    let title = entry.required_line("title");
    let likelihood = read_rating(entry, "likelihood");
    let impact = read_rating(entry, "impact");
    let treatment = choice(
        entry,
        "treatment",
        Treatment::from_key,
        "mitigate, accept, transfer or avoid",
    );
    let owner = entry.required_text("owner");
    let controls = entry.text_list("controls", false).unwrap_or_default();
    let reviewed = date(entry, "reviewed");
    let approver = entry.text("approver").unwrap_or_default();
    let approved = date(entry, "approved");
    Some(Risk {
        title: title?,
        likelihood: likelihood?,
        impact: impact?,
        treatment: treatment?,
        owner: owner?,
        controls,
        reviewed,
        approver,
        approved,
    })
}

#[cfg(test)]
#[path = "registers_file_tests.rs"]
mod tests;
