//! `soc2-ready criteria` and `soc2-ready questions`: the content as tables, for people
//! (aligned text) or scripts (`--format tsv`).

use soc2_ready::questionnaire::{CRITERIA, IsoRef};

use super::args::{ListArgs, ListFormat};
use super::{Failure, GlobalArgs, Output, load_questionnaire};

/// Lists the criteria with their question counts.
pub fn criteria(global: &GlobalArgs, args: &ListArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let rows = CRITERIA.iter().map(|criterion| {
        let count = questionnaire.questions_for(criterion.id).count();
        vec![
            criterion.id.to_string(),
            criterion.category.key().to_string(),
            count.to_string(),
            criterion.title.to_string(),
        ]
    });
    Ok(Output::text(table(
        args.format,
        &["id", "category", "questions", "title"],
        rows,
    )))
}

/// Lists every question.
pub fn questions(global: &GlobalArgs, args: &ListArgs) -> Result<Output, Failure> {
    let questionnaire = load_questionnaire(global)?;
    let rows = questionnaire.questions().iter().map(|question| {
        vec![
            question.id.clone(),
            question.criterion.clone(),
            question.stage.key().to_string(),
            if question.key { "key" } else { "" }.to_string(),
            question.weight.to_string(),
            iso_list(&question.iso27001),
            question.prompt.clone(),
        ]
    });
    Ok(Output::text(table(
        args.format,
        &[
            "id",
            "criterion",
            "stage",
            "key",
            "weight",
            "iso27001",
            "prompt",
        ],
        rows,
    )))
}

/// ISO/IEC 27001 references as one cell: `A.5.15 A.8.5`.
pub(super) fn iso_list(refs: &[&IsoRef]) -> String {
    refs.iter().map(|r| r.id).collect::<Vec<_>>().join(" ")
}

/// Renders rows as TSV or as left-aligned columns (the last column is not padded).
pub(super) fn table(
    format: ListFormat,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> String {
    let header: Vec<String> = header.iter().map(ToString::to_string).collect();
    let rows: Vec<Vec<String>> = std::iter::once(header).chain(rows).collect();
    let mut text = String::new();
    match format {
        ListFormat::Tsv => {
            for row in &rows {
                let cells: Vec<String> = row
                    .iter()
                    .map(|cell| cell.replace(['\t', '\n'], " "))
                    .collect();
                text.push_str(&cells.join("\t"));
                text.push('\n');
            }
        }
        ListFormat::Text => {
            let columns = rows[0].len();
            let widths: Vec<usize> = (0..columns)
                .map(|column| {
                    rows.iter()
                        .map(|row| row[column].chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for row in &rows {
                let mut line = String::new();
                for (column, cell) in row.iter().enumerate() {
                    if column + 1 == columns {
                        line.push_str(cell);
                    } else {
                        line.push_str(cell);
                        line.push_str(&" ".repeat(widths[column] - cell.chars().count() + 2));
                    }
                }
                text.push_str(line.trim_end());
                text.push('\n');
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_escapes_tabs_and_text_aligns_columns() {
        let rows = vec![
            vec!["a\tb".to_string(), "x".to_string()],
            vec!["long".to_string(), "y".to_string()],
        ];
        assert_eq!(
            table(ListFormat::Tsv, &["k", "v"], rows.clone().into_iter()),
            "k\tv\na b\tx\nlong\ty\n"
        );
        assert_eq!(
            table(ListFormat::Text, &["k", "v"], rows.into_iter()),
            "k     v\na\tb   x\nlong  y\n"
        );
    }
}
