//! Prowler's SOC 2 compliance CSV (`soc2_aws`, `soc2_azure`, `soc2_gcp` under
//! `output/compliance/`): semicolon-separated, one row per check result, resource and
//! requirement (`cc_6_1` is CC6.1), with STATUS PASS, FAIL or MANUAL and MUTED apart.
//! The count itself is [`prowler_tally`](super::prowler_tally), shared with JSON-OCSF.

use super::Findings;
use super::ImportError;
use super::prowler_tally::{CheckResult, Outcome, Tally, criterion, day_of};
use super::table::{Row, Table};

const WHAT: &str = "a Prowler SOC 2 compliance CSV (output/compliance/…_soc2_aws.csv)";

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
    let mut tally = Tally::default();
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
            let day = day_of(row.get(index)).ok_or_else(|| {
                table.problem(&row, index, format!("\"{}\" is not a date", row.get(index)))
            })?;
            tally.dated(day);
        }
        let outcome = match row.get(status).to_ascii_uppercase().as_str() {
            "PASS" => Outcome::Pass,
            "FAIL" => Outcome::Fail,
            "MANUAL" => Outcome::Manual,
            _ if row.get(check).eq_ignore_ascii_case("manual") => Outcome::Manual,
            _ => {
                return Err(table.problem(
                    &row,
                    status,
                    format!("\"{}\" is not PASS, FAIL or MANUAL", row.get(status)),
                ));
            }
        };
        let resource = match field(&row, resource_name) {
            empty if empty.is_empty() => field(&row, resource_id),
            named => named,
        };
        tally.add(CheckResult {
            criterion,
            outcome,
            check: row.get(check).to_string(),
            identity: (
                format!("{}/{resource}", field(&row, resource_id)),
                format!("{}/{}", field(&row, account), field(&row, region)),
            ),
            resource,
            muted: muted.is_some_and(|index| row.get(index).eq_ignore_ascii_case("true")),
            detail: field(&row, extended),
        });
    }
    if rows == 0 {
        return Err(table.no_rows());
    }
    Ok(tally.findings(rows))
}

#[cfg(test)]
mod tests;
