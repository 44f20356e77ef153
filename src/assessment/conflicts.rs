//! Merge conflicts waiting in an assessment: where a three-way merge (see [`super::merge`])
//! found the same field changed differently on both sides. The field keeps OURS' value;
//! the conflict keeps THEIRS' (and the base's) as written in the file, so nothing is lost
//! and the user picks a side later with `soc2-ready resolve`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::{Answer, AnswerRecord, Assessment};
use crate::questionnaire::Target;

/// The subject of conflicts on the assessment's own fields (never a question id).
pub const ASSESSMENT: &str = "assessment";

/// The fields of an answer record that can conflict.
pub const RECORD_FIELDS: [&str; 5] = ["answer", "note", "owner", "due", "na_reason"];

/// The assessment's own fields that can conflict.
pub const ASSESSMENT_FIELDS: [&str; 6] = [
    "organization",
    "assessor",
    "target",
    "observations",
    "reviewed_by",
    "report_version",
];

/// The other side of one conflicting field, as written in the file ("" for none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldConflict {
    /// THEIRS' value.
    pub theirs: String,
    /// The common ancestor's value.
    pub base: String,
}

/// Conflicts by subject (a question id or [`ASSESSMENT`]), then by field name.
pub type Conflicts = BTreeMap<String, BTreeMap<String, FieldConflict>>;

/// Which side a resolution takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    /// Keep the value in the file (OURS at merge time).
    Ours,
    /// Replace it with the other side's value.
    Theirs,
}

/// One conflict as shown to the user: both sides as file text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictView {
    /// A question id or [`ASSESSMENT`].
    pub subject: String,
    /// The field name.
    pub field: String,
    /// The value kept in the file.
    pub ours: String,
    /// The other side's value.
    pub theirs: String,
}

/// The text of an answer-record field as written in the file.
pub fn record_field(record: &AnswerRecord, field: &str) -> String {
    match field {
        "answer" => record
            .answer
            .map(Answer::key)
            .unwrap_or_default()
            .to_string(),
        "note" => record.note.clone(),
        "owner" => record.owner.clone(),
        "due" => record.due.map(|date| date.to_string()).unwrap_or_default(),
        _ => record.na_reason.clone(),
    }
}

/// The text of one of the assessment's own fields as written in the file.
pub fn assessment_field(assessment: &Assessment, field: &str) -> String {
    match field {
        "organization" => assessment.organization.clone(),
        "assessor" => assessment.assessor.clone(),
        "target" => assessment.target.key().to_string(),
        "observations" => assessment.report.observations.clone(),
        "reviewed_by" => assessment.report.reviewed_by.clone(),
        _ => assessment.report.version.clone(),
    }
}

/// Sets an answer-record field from file text; an error names what does not parse.
pub(super) fn set_record_field(
    record: &mut AnswerRecord,
    field: &str,
    text: &str,
) -> Result<(), String> {
    match field {
        "answer" if text.is_empty() => record.answer = None,
        "answer" => {
            record.answer =
                Some(Answer::from_key(text).ok_or_else(|| format!("unknown answer \"{text}\""))?)
        }
        "note" => record.note = text.to_string(),
        "owner" => record.owner = text.to_string(),
        "due" if text.is_empty() => record.due = None,
        "due" => {
            record.due = Some(
                text.parse::<Date>()
                    .map_err(|_| format!("expected a date, found \"{text}\""))?,
            )
        }
        _ => record.na_reason = text.to_string(),
    }
    Ok(())
}

/// Sets one of the assessment's own fields from file text.
pub(super) fn set_assessment_field(
    assessment: &mut Assessment,
    field: &str,
    text: &str,
) -> Result<(), String> {
    match field {
        "organization" => assessment.organization = text.to_string(),
        "assessor" => assessment.assessor = text.to_string(),
        "target" => {
            assessment.target =
                Target::from_key(text).ok_or_else(|| format!("unknown target \"{text}\""))?
        }
        "observations" => assessment.report.observations = text.to_string(),
        "reviewed_by" => assessment.report.reviewed_by = text.to_string(),
        _ => assessment.report.version = text.to_string(),
    }
    Ok(())
}

impl Assessment {
    /// Every conflict waiting, by subject then field, with both sides' values.
    pub fn conflict_views(&self) -> Vec<ConflictView> {
        let mut views = Vec::new();
        for (subject, fields) in &self.conflicts {
            for (field, conflict) in fields {
                let ours = if subject == ASSESSMENT {
                    assessment_field(self, field)
                } else {
                    let record = self.answers.get(subject).cloned().unwrap_or_default();
                    record_field(&record, field)
                };
                views.push(ConflictView {
                    subject: subject.clone(),
                    field: field.clone(),
                    ours,
                    theirs: conflict.theirs.clone(),
                });
            }
        }
        views
    }

    /// Resolves every conflict of `subject` (a question id or [`ASSESSMENT`]) by taking one
    /// side; returns how many fields were resolved (0 when none waited).
    pub fn resolve(&mut self, subject: &str, take: Take) -> Result<usize, String> {
        let Some(fields) = self.conflicts.get(subject).cloned() else {
            return Ok(0);
        };
        if take == Take::Theirs {
            let mut record = self.answers.get(subject).cloned().unwrap_or_default();
            for (field, conflict) in &fields {
                if subject == ASSESSMENT {
                    set_assessment_field(self, field, &conflict.theirs)?;
                } else {
                    set_record_field(&mut record, field, &conflict.theirs)?;
                }
            }
            if subject != ASSESSMENT {
                self.answers.insert(subject.to_string(), record);
                self.answers.retain(|_, record| !record.is_blank());
            }
        }
        self.conflicts.remove(subject);
        Ok(fields.len())
    }

    /// Records a conflict on `field` of `subject`, keeping THEIRS' and the base's text.
    pub fn add_conflict(&mut self, subject: &str, field: &str, conflict: FieldConflict) {
        self.conflicts
            .entry(subject.to_string())
            .or_default()
            .insert(field.to_string(), conflict);
    }
}

/// Checks a conflict's file text parses for its field (used when the file is read).
pub fn check_field(subject: &str, field: &str, text: &str) -> Result<(), String> {
    if subject == ASSESSMENT {
        if !ASSESSMENT_FIELDS.contains(&field) {
            return Err(format!(
                "unknown field \"{field}\" (one of {})",
                ASSESSMENT_FIELDS.join(", ")
            ));
        }
        if field == "target" && Target::from_key(text).is_none() {
            return Err(format!("unknown target \"{text}\""));
        }
        return Ok(());
    }
    if !RECORD_FIELDS.contains(&field) {
        return Err(format!(
            "unknown field \"{field}\" (one of {})",
            RECORD_FIELDS.join(", ")
        ));
    }
    set_record_field(&mut AnswerRecord::default(), field, text)
}
