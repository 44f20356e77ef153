//! Which questions go in a sheet, and the cells of each row: the questions in scope, for
//! one owner and/or some criteria (`CC6` takes every CC6.x, `CC6.1` just that one).

use super::super::{Answer, AnswerRecord, Assessment};
use super::{Field, ID, header};
use crate::questionnaire::{Question, Questionnaire};

/// Which questions a sheet holds; empty parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only questions whose recorded owner is this (any case).
    pub owner: Option<String>,
    /// Only questions counting toward one of these criteria or series (`CC6`, `CC7.2`,
    /// `A1`, `ATT`).
    pub criteria: Vec<String>,
}

impl Filter {
    /// Whether `question`, with its record in `assessment`, belongs in the sheet.
    fn takes(&self, question: &Question, assessment: &Assessment) -> bool {
        let owner_fits = self.owner.as_deref().is_none_or(|owner| {
            assessment
                .record(&question.id)
                .is_some_and(|record| record.owner.trim().eq_ignore_ascii_case(owner.trim()))
        });
        let criteria_fit = self.criteria.is_empty()
            || self
                .criteria
                .iter()
                .any(|wanted| question.criteria().any(|own| within(own, wanted)));
        owner_fits && criteria_fit
    }
}

/// Whether criterion `own` is `wanted` or in the series `wanted` names (`CC6.1` in `CC6`).
fn within(own: &str, wanted: &str) -> bool {
    let wanted = wanted.trim();
    own.eq_ignore_ascii_case(wanted)
        || own
            .get(..wanted.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(wanted))
            && own[wanted.len()..].starts_with('.')
}

/// The `--criteria` entries no question of `questionnaire` counts toward.
pub fn unknown_criteria<'f>(questionnaire: &Questionnaire, filter: &'f Filter) -> Vec<&'f str> {
    filter
        .criteria
        .iter()
        .map(String::as_str)
        .filter(|wanted| {
            !questionnaire
                .questions()
                .iter()
                .any(|question| question.criteria().any(|own| within(own, wanted)))
        })
        .collect()
}

/// One question going out in a sheet, with its record as it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow<'q> {
    /// The question.
    pub question: &'q Question,
    /// Its record (blank when nothing is recorded yet).
    pub record: AnswerRecord,
}

impl ExportRow<'_> {
    /// The cells of the row as text, in [`header`] order: the values at export repeat
    /// the fields to fill.
    pub fn cells(&self) -> Vec<String> {
        let question = self.question;
        let context = [
            question.criteria().collect::<Vec<_>>().join(", "),
            question.title.clone(),
            question.prompt.clone(),
            question.why.clone(),
            question
                .evidence
                .iter()
                .map(|item| format!("• {item}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ];
        let fields = Field::ALL.map(|field| field.text(&self.record));
        let cells: Vec<String> = std::iter::once(question.id.clone())
            .chain(context)
            .chain(fields.clone())
            .chain(fields)
            .collect();
        debug_assert_eq!(cells.len(), header().len());
        cells
    }

    /// The answers the question takes, for a drop-down list.
    pub fn choices(&self) -> Vec<&'static str> {
        Answer::choices(self.question)
    }
}

/// The rows of a sheet: the questions in scope that `filter` takes, in questionnaire order.
pub fn export_rows<'q>(
    questionnaire: &'q Questionnaire,
    assessment: &Assessment,
    filter: &Filter,
) -> Vec<ExportRow<'q>> {
    questionnaire
        .questions()
        .iter()
        .filter(|question| assessment.in_scope(question) && filter.takes(question, assessment))
        .map(|question| ExportRow {
            question,
            record: assessment.record(&question.id).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The column index of `name` in [`header`].
pub fn column(name: &str) -> usize {
    header()
        .iter()
        .position(|column| *column == name)
        .unwrap_or_else(|| panic!("{name} is a sheet column ({ID} first)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::sample;
    use crate::questionnaire::{QuestionnaireSource, load};

    #[test]
    fn criteria_take_their_series_and_owners_match_in_any_case() {
        assert!(within("CC6.1", "CC6"));
        assert!(within("CC6.1", "cc6.1"));
        assert!(!within("CC6.1", "CC6.10"));
        assert!(!within("CC61.1", "CC6"));
        assert!(within("ATT", "ATT"));
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment = sample::complete(&questionnaire);
        assessment.edit("CC6.1.mfa", |record| record.owner = "Dana Ops".into());
        let filter = Filter {
            owner: Some(" dana ops".into()),
            criteria: Vec::new(),
        };
        let rows = export_rows(&questionnaire, &assessment, &filter);
        assert_eq!(
            rows.iter()
                .map(|row| row.question.id.as_str())
                .collect::<Vec<_>>(),
            ["CC6.1.mfa"]
        );
        let filter = Filter {
            owner: None,
            criteria: vec!["CC6".into(), "CC99".into()],
        };
        let rows = export_rows(&questionnaire, &assessment, &filter);
        assert!(!rows.is_empty());
        assert!(
            rows.iter()
                .all(|row| row.question.criteria().any(|c| c.starts_with("CC6.")))
        );
        assert_eq!(unknown_criteria(&questionnaire, &filter), ["CC99"]);
    }

    #[test]
    fn a_row_repeats_its_fields_as_the_values_at_export() {
        let questionnaire = load(&QuestionnaireSource::BuiltIn).unwrap();
        let mut assessment = sample::complete(&questionnaire);
        assessment.edit("CC6.1.mfa", |record| {
            record.note = "root account left".into();
            record.due = Some(jiff::civil::Date::constant(2027, 1, 31));
        });
        let filter = Filter {
            owner: None,
            criteria: vec!["CC6.1".into()],
        };
        let rows = export_rows(&questionnaire, &assessment, &filter);
        let row = rows
            .iter()
            .find(|row| row.question.id == "CC6.1.mfa")
            .unwrap();
        let cells = row.cells();
        assert_eq!(cells[column(ID)], "CC6.1.mfa");
        for field in Field::ALL {
            assert_eq!(
                cells[column(field.key())],
                cells[column(field.exported_key())]
            );
        }
        assert_eq!(cells[column("note")], "root account left");
        assert_eq!(cells[column("due")], "2027-01-31");
        assert!(cells[column("auditor_asks_for")].starts_with("• "));
    }
}
