//! The generic `csv` source: a mapping kept in the config says, for an export no built-in
//! source knows, which column names each row, which column is tested, which values pass
//! and which question the result bears on.
//!
//! ```toml
//! [[import.csv]]
//! name = "laptops"                       # soc2-ready import csv FILE --mapping laptops
//! title = "MDM laptop export"            # the evidence title (default: the name)
//! question = "CC6.7.device-encryption"
//! key = "Device name"                    # the column naming each row
//! column = "FileVault"                   # the column tested
//! pass = ["On", "Enabled"]               # values that pass, any case
//! ```

use std::ops::Range;

use toml::de::DeTable;

use super::table::Table;
use super::{Finding, Findings, ImportError, agree, all, count, decode, name_list};
use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// One mapping from the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvMapping {
    /// The name given with `--mapping`.
    pub name: String,
    /// The title of its evidence entries.
    pub title: String,
    /// The question its finding bears on.
    pub question: String,
    /// The column naming each row.
    pub key: String,
    /// The column tested.
    pub column: String,
    /// The values of `column` that pass (compared in any case, spaces trimmed).
    pub pass: Vec<String>,
}

/// The `[[import.csv]]` mappings of the config's `[import]` table, with every problem.
pub fn read_mappings(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> (Vec<CsvMapping>, Vec<Problem>) {
    let mut top = Fields::new(source, table, span);
    top.set_item("import");
    let tables = top.tables("csv");
    let mut problems = top.finish();
    let mut mappings: Vec<CsvMapping> = Vec::new();
    for (table, span) in tables {
        let mut fields = Fields::new(source, table, span);
        fields.set_item("import.csv");
        let name = fields.required_line("name");
        let title = fields.text("title");
        let question = fields.required_line("question");
        let key = fields.required_line("key");
        let column = fields.required_line("column");
        let pass = fields.text_list("pass", true);
        if let Some(name) = &name
            && mappings.iter().any(|mapping| &mapping.name == name)
        {
            fields.report("name", format!("a second mapping named \"{name}\""));
        }
        let found = fields.finish();
        let complete = found.is_empty();
        problems.extend(found);
        if let (true, Some(name), Some(question), Some(key), Some(column), Some(pass)) =
            (complete, name, question, key, column, pass)
        {
            mappings.push(CsvMapping {
                title: title.unwrap_or_else(|| name.clone()),
                name,
                question,
                key,
                column,
                pass,
            });
        }
    }
    (mappings, problems)
}

/// Reads a CSV export with `mapping`: one finding naming the rows whose tested value does
/// not pass.
pub fn read_csv(name: &str, bytes: &[u8], mapping: &CsvMapping) -> Result<Findings, ImportError> {
    let text = decode(name, bytes)?;
    let table = Table::new(name, &text, b",;\t")?;
    let what = format!("the export the mapping \"{}\" describes", mapping.name);
    let [key, column] = table.columns([mapping.key.as_str(), mapping.column.as_str()], &what)?;
    let passes = |value: &str| {
        mapping
            .pass
            .iter()
            .any(|pass| pass.trim().eq_ignore_ascii_case(value))
    };
    let mut checked = 0;
    let mut failing = Vec::new();
    for row in table.rows() {
        let row = row?;
        checked += 1;
        if !passes(row.get(column)) {
            let value = match row.get(column) {
                "" => "empty".to_string(),
                value => format!("\"{value}\""),
            };
            failing.push(format!("{} ({} {value})", row.get(key), mapping.column));
        }
    }
    if checked == 0 {
        return Err(table.no_rows());
    }
    let rows = count(checked, "row", "rows");
    let sentence = if failing.is_empty() {
        format!(
            "{} {} {} ({})",
            all(checked, "row", "rows"),
            agree(checked, "passes", "pass"),
            mapping.column,
            mapping.pass.join(", ")
        )
    } else {
        format!(
            "{} of {rows} {} {}: {}",
            failing.len(),
            agree(failing.len(), "fails", "fail"),
            mapping.column,
            name_list(&failing, 5)
        )
    };
    Ok(Findings {
        title: mapping.title.clone(),
        dated: None,
        rows: checked,
        findings: vec![Finding {
            question: mapping.question.clone(),
            checked,
            fix: if failing.is_empty() {
                String::new()
            } else {
                format!(
                    "bring {} to {} for each of them",
                    mapping.column,
                    mapping.pass.join(" or ")
                )
            },
            failing,
            sentence,
        }],
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toml_fields::parse_document;

    fn mappings(text: &str) -> (Vec<CsvMapping>, Vec<Problem>) {
        let source = SourceText::new("config.toml", text);
        let document = parse_document(source, text).unwrap();
        let (table, span) = match document
            .get_ref()
            .get("import")
            .map(|value| (value.get_ref(), value.span()))
        {
            Some((toml::de::DeValue::Table(table), span)) => (table.clone(), span),
            _ => panic!("no [import]"),
        };
        read_mappings(source, &table, span)
    }

    const CONFIG: &str = "[[import.csv]]\nname = \"laptops\"\ntitle = \"MDM laptop export\"\nquestion = \"CC6.7.device-encryption\"\nkey = \"Device name\"\ncolumn = \"FileVault\"\npass = [\"On\", \"Enabled\"]\n";

    #[test]
    fn a_mapping_is_read_from_the_config() {
        let (mappings, problems) = mappings(CONFIG);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(mappings[0].name, "laptops");
        assert_eq!(mappings[0].pass, ["On", "Enabled"]);
    }

    #[test]
    fn mapping_problems_have_their_place() {
        let (found, problems) = mappings(
            "[[import.csv]]\nname = \"x\"\nquestion = \"Q\"\nkey = \"k\"\ncolum = \"typo\"\npass = [\"y\"]\n",
        );
        assert!(found.is_empty());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|line| line.contains("field `column`")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|line| line.starts_with("config.toml:5:1") && line.contains("unknown field")),
            "{text:?}"
        );
        let (_, twice) = mappings(&format!("{CONFIG}{CONFIG}"));
        assert!(
            twice[0]
                .message
                .contains("a second mapping named \"laptops\""),
            "{twice:?}"
        );
    }

    #[test]
    fn rows_whose_value_does_not_pass_are_named() {
        let (mappings, _) = mappings(CONFIG);
        let csv = "Device name,Owner,FileVault\r\nmac-01,ann,On\r\nmac-02,ben,Off\r\nmac-03,cy,\r\nmac-04,dee,enabled\r\n";
        let findings = read_csv("devices.csv", csv.as_bytes(), &mappings[0]).unwrap();
        assert_eq!(findings.title, "MDM laptop export");
        assert_eq!(
            findings.findings[0].sentence,
            "2 of 4 rows fail FileVault: mac-02 (FileVault \"Off\"), mac-03 (FileVault empty)"
        );
        let problem = read_csv("devices.csv", b"Name,Encrypted\nx,y\n", &mappings[0]).unwrap_err();
        assert!(
            problem
                .message
                .contains("missing columns Device name, FileVault"),
            "{problem}"
        );
        assert!(problem.message.contains("mapping \"laptops\""), "{problem}");
    }
}
