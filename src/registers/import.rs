//! CSV imports of the registers: a staff acknowledgement list (`name,email,date`), a vendor
//! list and a risk list with the columns named like the file's fields. Pure: text in,
//! checked entries out, or the first refusal naming the line, the column and the value.

use jiff::civil::Date;

use super::input::{self, RiskText, VendorText, optional_date, required};
use super::{Refusal, Risk, Vendor};

/// The columns of a vendor list; the first three are required.
pub const VENDOR_COLUMNS: [&str; 9] = [
    "name",
    "criticality",
    "service",
    "data",
    "report_type",
    "report_period_end",
    "bridge_letter",
    "cuecs_reviewed",
    "reviewed",
];

/// The columns of a risk list; the first five are required.
pub const RISK_COLUMNS: [&str; 9] = [
    "title",
    "likelihood",
    "impact",
    "treatment",
    "owner",
    "controls",
    "reviewed",
    "approver",
    "approved",
];

/// The columns of an acknowledgement list; `email` and `date` may be left empty.
pub const ACCEPTANCE_COLUMNS: [&str; 3] = ["name", "email", "date"];

/// One acknowledgement row of a CSV list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptanceRow {
    /// The row's line in the file.
    pub line: usize,
    /// Who acknowledged.
    pub person: String,
    /// Their email (may be empty).
    pub email: String,
    /// When, if the row says.
    pub date: Option<Date>,
}

/// A CSV table read with its header: the column index of each known name.
struct Table {
    columns: Vec<Option<usize>>,
    rows: Vec<(usize, csv::StringRecord)>,
}

impl Table {
    /// Reads `text`, checking the header against `known` (the first `required` of them
    /// must be there).
    fn read(text: &str, known: &[&str], required: usize) -> Result<Self, Refusal> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .flexible(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = reader
            .headers()
            .map_err(|error| Refusal::new("line 1", "", format!("not a CSV header: {error}")))?
            .clone();
        let names: Vec<String> = header.iter().map(str::to_lowercase).collect();
        if let Some(unknown) = names.iter().find(|name| !known.contains(&name.as_str())) {
            return Err(Refusal::new(
                "line 1",
                unknown,
                format!("unknown column; the columns are {}", known.join(", ")),
            ));
        }
        if let Some(missing) = known[..required]
            .iter()
            .find(|key| !names.iter().any(|name| name == *key))
        {
            return Err(Refusal::new(
                "line 1",
                &names.join(","),
                format!(
                    "the column `{missing}` is missing (required: {})",
                    known[..required].join(", ")
                ),
            ));
        }
        let columns = known
            .iter()
            .map(|key| names.iter().position(|name| name == key))
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|error| {
                let line = error
                    .position()
                    .map_or(0, |position| position.line() as usize);
                Refusal::new(
                    &format!("line {line}"),
                    "",
                    format!("not a CSV row: {error}"),
                )
            })?;
            let line = record
                .position()
                .map_or(0, |position| position.line() as usize);
            if record.iter().all(str::is_empty) {
                continue;
            }
            rows.push((line, record));
        }
        Ok(Self { columns, rows })
    }

    /// The value of the `index`th known column in `record` (`None` when the file lacks it).
    fn cell<'r>(&self, record: &'r csv::StringRecord, index: usize) -> Option<&'r str> {
        self.columns[index].and_then(|column| record.get(column))
    }
}

/// How a CSV cell is named in a refusal.
fn place(line: usize) -> impl Fn(&str) -> String {
    move |key| format!("line {line}, column {key}")
}

/// Reads a vendor list.
pub fn vendors(text: &str) -> Result<Vec<Vendor>, Refusal> {
    let table = Table::read(text, &VENDOR_COLUMNS, 3)?;
    let mut vendors = Vec::new();
    for (line, record) in &table.rows {
        let cell = |index| table.cell(record, index);
        let row = VendorText {
            name: cell(0).unwrap_or_default(),
            criticality: cell(1).unwrap_or_default(),
            service: cell(2).unwrap_or_default(),
            data: cell(3),
            report_type: cell(4),
            report_period_end: cell(5),
            bridge_letter: cell(6),
            cuecs_reviewed: cell(7),
            reviewed: cell(8),
        };
        vendors.push(input::vendor(&row, place(*line))?);
    }
    Ok(vendors)
}

/// Reads a risk list; `controls` holds question ids separated by `;` or spaces.
pub fn risks(text: &str, known: impl Fn(&str) -> bool) -> Result<Vec<Risk>, Refusal> {
    let table = Table::read(text, &RISK_COLUMNS, 5)?;
    let mut risks = Vec::new();
    for (line, record) in &table.rows {
        let cell = |index| table.cell(record, index);
        let row = RiskText {
            title: cell(0).unwrap_or_default(),
            likelihood: cell(1).unwrap_or_default(),
            impact: cell(2).unwrap_or_default(),
            treatment: cell(3).unwrap_or_default(),
            owner: cell(4).unwrap_or_default(),
            controls: cell(5).unwrap_or_default().split([';', ' ']).collect(),
            reviewed: cell(6),
            approver: cell(7),
            approved: cell(8),
        };
        risks.push(input::risk(&row, place(*line), &known)?);
    }
    Ok(risks)
}

/// Reads an acknowledgement list: a name on every row, email and date optional.
pub fn acceptances(text: &str) -> Result<Vec<AcceptanceRow>, Refusal> {
    let table = Table::read(text, &ACCEPTANCE_COLUMNS, 1)?;
    let mut rows = Vec::new();
    for (line, record) in &table.rows {
        let name = place(*line);
        let person = required(&name("name"), table.cell(record, 0).unwrap_or_default())?;
        let email = table.cell(record, 1).unwrap_or_default().to_string();
        let date = optional_date(&name("date"), table.cell(record, 2))?;
        rows.push(AcceptanceRow {
            line: *line,
            person,
            email,
            date,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::{Criticality, Treatment};

    #[test]
    fn a_vendor_list_reads_with_any_column_order() {
        let text = "\u{feff}Service,name,criticality,report_type,report_period_end\nhosting,Cloudhost,high,soc2-type2,2026-06-30\n\npayments, Payco ,medium,,\n";
        let vendors = vendors(text).unwrap();
        assert_eq!(vendors.len(), 2);
        assert_eq!(vendors[1].name, "Payco");
        assert_eq!(vendors[1].criticality, Criticality::Medium);
        assert_eq!(
            vendors[0].report_period_end,
            Some(Date::constant(2026, 6, 30))
        );
    }

    #[test]
    fn a_bad_cell_names_its_line_and_column() {
        let refusal = vendors("name,criticality,service\nA,high,s\nB,urgent,s\n").unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "line 3, column criticality \"urgent\": expected high, medium or low"
        );
        let refusal = vendors("name,criticality,colour\n").unwrap_err();
        assert!(refusal.why.starts_with("unknown column"), "{refusal}");
        let refusal = vendors("name,criticality\n").unwrap_err();
        assert!(refusal.why.contains("`service` is missing"), "{refusal}");
        let refusal = vendors("name,criticality,service\nA,high\n").unwrap_err();
        assert!(refusal.to_string().starts_with("line 2"), "{refusal}");
    }

    #[test]
    fn a_risk_list_splits_its_controls() {
        let text = "title,likelihood,impact,treatment,owner,controls\nLaptop theft,3,4,mitigate,IT,CC6.7.disk;CC6.1.mfa\nOutage,2,9,accept,CTO,\n";
        let refusal = risks(text, |_| true).unwrap_err();
        assert_eq!(refusal.field, "line 3, column impact");
        assert_eq!(refusal.value, "9");
        let risks = risks(&text.replace(",9,", ",5,"), |_| true).unwrap();
        assert_eq!(risks[0].controls, ["CC6.7.disk", "CC6.1.mfa"]);
        assert_eq!(risks[1].treatment, Treatment::Accept);
    }

    #[test]
    fn an_acknowledgement_list_needs_names_and_real_dates() {
        let rows = acceptances("name,email,date\nAna,ana@acme.test,2026-02-01\nBen,,\n").unwrap();
        assert_eq!(
            rows[0],
            AcceptanceRow {
                line: 2,
                person: "Ana".into(),
                email: "ana@acme.test".into(),
                date: Some(Date::constant(2026, 2, 1))
            }
        );
        assert_eq!((rows[1].line, rows[1].date), (3, None));
        let refusal = acceptances("name,email,date\n,x@y,2026-02-01\n").unwrap_err();
        assert_eq!(refusal.field, "line 2, column name");
        let refusal = acceptances("name,date\nAna,01/02/2026\n").unwrap_err();
        assert_eq!(
            refusal.to_string(),
            "line 2, column date \"01/02/2026\": expected a date such as 2027-01-31"
        );
    }
}
