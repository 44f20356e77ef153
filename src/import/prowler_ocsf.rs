//! Prowler's JSON-OCSF findings (`prowler aws --output-formats json-ocsf`: a JSON array of
//! OCSF Detection Findings). Each finding is one check on one resource: `status_code` PASS,
//! FAIL or MANUAL, `metadata.event_code` the check id, `resources[0]` the resource, and the
//! SOC 2 requirements it is filed under in `unmapped.compliance.SOC2` (`cc_6_1`), or in
//! older files in `compliance.requirements` as `SOC2: ['cc_6_1']`. A muted finding has the
//! status `Suppressed`. Findings filed under no SOC 2 requirement are left out of the count.

use serde_json::Value;

use super::prowler_tally::{CheckResult, Outcome, Tally, criterion, day_of};
use super::{Findings, ImportError, json};

/// Reads the JSON-OCSF findings of a Prowler scan.
pub fn read(name: &str, text: &str) -> Result<Findings, ImportError> {
    let document = json::parse(name, text)?;
    let Value::Array(items) = &document else {
        return Err(json::problem(
            name,
            0,
            "findings",
            "expected the JSON array of findings Prowler's json-ocsf output holds",
        ));
    };
    if items.is_empty() {
        return Err(json::problem(
            name,
            0,
            "findings",
            "the file holds no findings",
        ));
    }
    let mut tally = Tally::default();
    let mut filed = 0;
    for (index, item) in items.iter().enumerate() {
        let requirements = soc2_requirements(item);
        if requirements.is_empty() {
            continue;
        }
        filed += 1;
        let outcome = match json::text(item, "/status_code")
            .to_ascii_uppercase()
            .as_str()
        {
            "PASS" => Outcome::Pass,
            "FAIL" => Outcome::Fail,
            "MANUAL" => Outcome::Manual,
            "" => {
                return Err(json::problem(
                    name,
                    index,
                    "status_code",
                    "missing; is this Prowler's json-ocsf output?",
                ));
            }
            other => {
                return Err(json::problem(
                    name,
                    index,
                    "status_code",
                    format!("\"{other}\" is not PASS, FAIL or MANUAL"),
                ));
            }
        };
        let check = json::text(item, "/metadata/event_code");
        if check.is_empty() {
            return Err(json::problem(
                name,
                index,
                "metadata.event_code",
                "missing: the check id is needed to know what was checked",
            ));
        }
        if let Some(day) = finding_day(item) {
            tally.dated(day);
        }
        let resource = match json::text(item, "/resources/0/name") {
            "" => json::text(item, "/resources/0/uid"),
            named => named,
        };
        let identity = (
            format!("{}/{resource}", json::text(item, "/resources/0/uid")),
            format!(
                "{}/{}",
                json::text(item, "/cloud/account/uid"),
                json::text(item, "/resources/0/region")
            ),
        );
        let detail = match json::text(item, "/status_detail") {
            "" => json::text(item, "/message"),
            detail => detail,
        };
        for requirement in requirements {
            let criterion = criterion(&requirement).ok_or_else(|| {
                json::problem(
                    name,
                    index,
                    "unmapped.compliance.SOC2",
                    format!("\"{requirement}\" is not a SOC 2 requirement id such as cc_6_1"),
                )
            })?;
            tally.add(CheckResult {
                criterion,
                outcome,
                check: check.to_string(),
                resource: resource.to_string(),
                identity: identity.clone(),
                muted: json::text(item, "/status").eq_ignore_ascii_case("suppressed"),
                detail: detail.to_string(),
            });
        }
    }
    if filed == 0 {
        return Err(json::problem(
            name,
            0,
            "unmapped.compliance",
            format!(
                "none of the {} findings is filed under a SOC 2 requirement; run Prowler with its SOC 2 framework (e.g. --compliance soc2_aws)",
                items.len()
            ),
        ));
    }
    Ok(tally.findings(items.len()))
}

/// The SOC 2 requirement ids a finding is filed under.
fn soc2_requirements(item: &Value) -> Vec<String> {
    let is_soc2 = |framework: &str| framework.trim().to_ascii_uppercase().starts_with("SOC2");
    if let Some(Value::Object(frameworks)) = item.pointer("/unmapped/compliance") {
        return frameworks
            .iter()
            .filter(|(framework, _)| is_soc2(framework))
            .filter_map(|(_, ids)| ids.as_array())
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
    }
    // Older files: `"SOC2: ['cc_6_1', 'cc_6_2']"` strings.
    let Some(Value::Array(lines)) = item.pointer("/compliance/requirements") else {
        return Vec::new();
    };
    lines
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|line| line.split_once(':'))
        .filter(|(framework, _)| is_soc2(framework))
        .flat_map(|(_, ids)| {
            ids.split(',')
                .map(|id| id.trim_matches(|c: char| c.is_whitespace() || "[]'\"".contains(c)))
                .filter(|id| !id.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The day of a finding: `time_dt` or `finding_info.created_time_dt`, else `time` (Unix
/// seconds, or the text older files wrote).
fn finding_day(item: &Value) -> Option<jiff::civil::Date> {
    ["/time_dt", "/finding_info/created_time_dt"]
        .iter()
        .find_map(|pointer| day_of(json::text(item, pointer)))
        .or_else(|| match item.get("time")? {
            Value::Number(seconds) => day_of(&seconds.as_u64()?.to_string()),
            Value::String(text) => day_of(text),
            _ => None,
        })
}

#[cfg(test)]
mod tests;
