//! Prowler's SOC 2 compliance CSV (`soc2_aws`, `soc2_azure`, `soc2_gcp` under
//! `output/compliance/`): semicolon-separated, one row per check result, resource and
//! requirement (`cc_6_1` is CC6.1), with STATUS PASS, FAIL or MANUAL and MUTED apart.
//! A result filed under several requirements counts once per question; muted results and
//! manual requirements are counted in notes, not as passes or failures.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::Timestamp;
use jiff::civil::Date;

use super::ImportError;
use super::table::{Row, Table};
use super::{Finding, Findings, Source, agree, all, count, name_list, prowler_rules};

const WHAT: &str = "a Prowler SOC 2 compliance CSV (output/compliance/…_soc2_aws.csv)";

/// The results of one question.
#[derive(Default)]
struct Group {
    seen: HashSet<(String, String, String)>,
    checked: usize,
    failing: Vec<String>,
    criteria: BTreeSet<String>,
    first_failure: Option<String>,
}

/// Reads the CSV text of a Prowler SOC 2 compliance output.
pub fn read(name: &str, text: &str) -> Result<Findings, ImportError> {
    let table = Table::new(name, text, b";\t")?;
    let [requirement, status, check] =
        table.columns(["REQUIREMENTS_ID", "STATUS", "CHECKID"], WHAT)?;
    let optional = |column: &str| table.find(column);
    let (extended, resource_id, resource_name, dated, muted, account, region) = (
        optional("STATUSEXTENDED"),
        optional("RESOURCEID"),
        optional("RESOURCENAME"),
        optional("ASSESSMENTDATE"),
        optional("MUTED"),
        optional("ACCOUNTID")
            .or_else(|| optional("SUBSCRIPTIONID"))
            .or_else(|| optional("PROJECTID")),
        optional("REGION").or_else(|| optional("LOCATION")),
    );
    let field =
        |row: &Row, column: Option<usize>| column.map_or("", |index| row.get(index)).to_string();
    let mut groups: BTreeMap<&'static str, Group> = BTreeMap::new();
    let mut unmapped: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut manual = BTreeSet::new();
    let mut muted_results = HashSet::new();
    let mut date: Option<Date> = None;
    let mut rows = 0;
    for row in table.rows() {
        let row = row?;
        rows += 1;
        let criterion = criterion(row.get(requirement)).ok_or_else(|| {
            table.problem(
                &row,
                requirement,
                format!(
                    "\"{}\" is not a SOC 2 requirement id such as cc_6_1; is this the file of another framework?",
                    row.get(requirement)
                ),
            )
        })?;
        if let Some(index) = dated {
            let day = assessment_date(row.get(index)).ok_or_else(|| {
                table.problem(&row, index, format!("\"{}\" is not a date", row.get(index)))
            })?;
            date = Some(date.map_or(day, |known| known.max(day)));
        }
        let state = row.get(status).to_ascii_uppercase();
        let check_id = row.get(check).to_string();
        if state == "MANUAL" || check_id.eq_ignore_ascii_case("manual") {
            manual.insert(criterion);
            continue;
        }
        if state != "PASS" && state != "FAIL" {
            return Err(table.problem(
                &row,
                status,
                format!("\"{}\" is not PASS, FAIL or MANUAL", row.get(status)),
            ));
        }
        let resource = match field(&row, resource_name) {
            empty if empty.is_empty() => field(&row, resource_id),
            named => named,
        };
        let key = (
            check_id.clone(),
            format!("{}/{}", field(&row, resource_id), resource),
            format!("{}/{}", field(&row, account), field(&row, region)),
        );
        if muted.is_some_and(|index| row.get(index).eq_ignore_ascii_case("true")) {
            muted_results.insert(key);
            continue;
        }
        let Some(question) = prowler_rules::question_for(&check_id) else {
            unmapped.entry(check_id).or_default().insert(criterion);
            continue;
        };
        let group = groups.entry(question).or_default();
        group.criteria.insert(criterion);
        if !group.seen.insert(key) {
            continue;
        }
        group.checked += 1;
        if state == "FAIL" {
            let name = format!("{resource} ({check_id})");
            if !group.failing.contains(&name) {
                group.failing.push(name);
            }
            if group.first_failure.is_none() {
                group.first_failure = Some(field(&row, extended)).filter(|text| !text.is_empty());
            }
        }
    }
    if rows == 0 {
        return Err(table.no_rows());
    }
    let findings = groups
        .into_iter()
        .map(|(question, group)| finding(question, group))
        .collect();
    Ok(Findings {
        title: Source::Prowler.describe().to_string(),
        dated: date,
        rows,
        findings,
        notes: notes(&muted_results, &manual, &unmapped),
    })
}

/// The finding of one question in words.
fn finding(question: &str, group: Group) -> Finding {
    let criteria = group.criteria.into_iter().collect::<Vec<_>>().join(", ");
    let results = count(group.checked, "Prowler result", "Prowler results");
    let (sentence, fix) = if group.failing.is_empty() {
        let every = all(group.checked, "Prowler result", "Prowler results");
        let verb = agree(group.checked, "passes", "pass");
        (format!("{every} {verb} ({criteria})"), String::new())
    } else {
        let first = group
            .first_failure
            .map(|text| format!(" (first: \"{text}\")"))
            .unwrap_or_default();
        (
            format!(
                "{} of {results} {} ({criteria}): {}",
                group.failing.len(),
                agree(group.failing.len(), "fails", "fail"),
                name_list(&group.failing, 5)
            ),
            format!(
                "fix each failing resource{first}, then run Prowler again and import the new file"
            ),
        )
    };
    Finding {
        question: question.to_string(),
        checked: group.checked,
        failing: group.failing,
        sentence,
        fix,
    }
}

/// Muted results, manual requirements and checks no question covers, in words.
fn notes(
    muted: &HashSet<(String, String, String)>,
    manual: &BTreeSet<String>,
    unmapped: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut notes = Vec::new();
    if !muted.is_empty() {
        notes.push(format!(
            "{} muted in Prowler, counted neither as passing nor failing",
            count(muted.len(), "result is", "results are")
        ));
    }
    if !manual.is_empty() {
        let ids: Vec<String> = manual.iter().cloned().collect();
        notes.push(format!(
            "{} {} a manual check Prowler cannot make: {}",
            count(ids.len(), "requirement", "requirements"),
            agree(ids.len(), "needs", "need"),
            name_list(&ids, 8)
        ));
    }
    if !unmapped.is_empty() {
        let checks: Vec<String> = unmapped
            .iter()
            .map(|(check, criteria)| {
                format!(
                    "{check} ({})",
                    criteria.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        notes.push(format!(
            "{} on no question of the questionnaire and {} not counted: {}",
            count(checks.len(), "check bears", "checks bear"),
            agree(checks.len(), "was", "were"),
            name_list(&checks, 5)
        ));
    }
    notes
}

/// `cc_6_1` → `CC6.1`, `a_1_2` → `A1.2`, `pi_1_3` → `PI1.3` (an id already written
/// `CC6.1` is kept); `None` for what is not a criterion id.
fn criterion(id: &str) -> Option<String> {
    let id = id.trim();
    let (letters, rest) = match id.split_once('_') {
        Some((letters, rest)) => (letters, rest.replace('_', ".")),
        None => {
            let split = id.find(|c: char| c.is_ascii_digit())?;
            (&id[..split], id[split..].to_string())
        }
    };
    let known = ["cc", "a", "c", "pi", "p"];
    let (group, item) = rest.split_once('.')?;
    let numeric = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    (known.contains(&letters.to_ascii_lowercase().as_str()) && numeric(group) && numeric(item))
        .then(|| format!("{}{group}.{item}", letters.to_ascii_uppercase()))
}

/// The day of an ASSESSMENTDATE: `2026-11-30 09:14:03.123456`, ISO 8601, or the Unix
/// seconds Prowler writes with `--unix-timestamp`.
fn assessment_date(text: &str) -> Option<Date> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        let seconds: i64 = text.parse().ok()?;
        return Timestamp::from_second(seconds)
            .ok()
            .map(|at| jiff::tz::Offset::UTC.to_datetime(at).date());
    }
    text.get(..10)?.parse().ok()
}

#[cfg(test)]
mod tests;
