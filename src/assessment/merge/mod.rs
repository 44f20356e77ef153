//! The three-way merge of assessments, as git's merge driver runs it (`soc2-ready merge
//! BASE OURS THEIRS`). Pure: the three assessments come in already read (and migrated in
//! memory), the merged one goes out; the caller writes it. Answers, evidence, history,
//! registers and workshop sessions merge per entry; the same field changed differently on both sides keeps OURS'
//! value and THEIRS' as a conflict ([`crate::assessment::conflicts`]), so nothing is lost.

mod history;
mod keyed;
mod records;
mod registers;

use super::Assessment;
use super::conflicts::{self, ASSESSMENT, ASSESSMENT_FIELDS, FieldConflict};
use keyed::pick;

/// The merged assessment and what the merge could not settle.
#[derive(Debug)]
pub struct Merged {
    /// The result (OURS' values wherever both sides disagreed).
    pub assessment: Assessment,
    /// Places where both sides changed something that has no conflict record (registers,
    /// evidence, settings): OURS' version was kept; the merge still counts as conflicted.
    pub kept_ours: Vec<String>,
}

impl Merged {
    /// Whether the user has something to settle (conflicts recorded or entries kept).
    pub fn is_conflicted(&self) -> bool {
        !self.assessment.conflicts.is_empty() || !self.kept_ours.is_empty()
    }
}

/// Merges OURS and THEIRS, both descended from BASE.
pub fn merge(base: &Assessment, ours: &Assessment, theirs: &Assessment) -> Merged {
    let mut merged = ours.clone();
    merged.migrated_from = None;
    merged.na_lines.clear();
    merged.updated = ours.updated.max(theirs.updated);
    for (subject, fields) in &theirs.conflicts {
        for (field, conflict) in fields {
            if !merged
                .conflicts
                .get(subject)
                .is_some_and(|own| own.contains_key(field))
            {
                merged.add_conflict(subject, field, conflict.clone());
            }
        }
    }
    let mut kept_ours = Vec::new();
    merge_text_fields(base, ours, theirs, &mut merged);
    merge_settings(base, ours, theirs, &mut merged, &mut kept_ours);
    records::merge_answers(base, ours, theirs, &mut merged, &mut kept_ours);
    merged.history = history::merge_history(&base.history, &ours.history, &theirs.history);
    merged.registers = registers::merge_registers(
        &base.registers,
        &ours.registers,
        &theirs.registers,
        &mut kept_ours,
    );
    let (workshops, disagreed) = keyed::merge_keyed(
        &base.workshops,
        &ours.workshops,
        &theirs.workshops,
        |session| session.started,
    );
    for started in disagreed {
        kept_ours.push(format!(
            "workshop session started {started} changed on both sides; ours kept"
        ));
    }
    merged.workshops = workshops;
    Merged {
        assessment: merged,
        kept_ours,
    }
}

/// The assessment's own text fields: one-sided changes win, two-sided ones conflict.
fn merge_text_fields(
    base: &Assessment,
    ours: &Assessment,
    theirs: &Assessment,
    merged: &mut Assessment,
) {
    for field in ASSESSMENT_FIELDS {
        let [b, o, t] = [base, ours, theirs].map(|side| conflicts::assessment_field(side, field));
        match pick(Some(&b), &o, &t) {
            Some(value) => conflicts::set_assessment_field(merged, field, value)
                .expect("a field read from a file parses again"),
            None => merged.add_conflict(ASSESSMENT, field, FieldConflict { theirs: t, base: b }),
        }
    }
}

/// Settings without a conflict record: one-sided changes win; two-sided ones keep OURS'.
fn merge_settings(
    base: &Assessment,
    ours: &Assessment,
    theirs: &Assessment,
    merged: &mut Assessment,
    kept_ours: &mut Vec<String>,
) {
    let mut note = |name: &str, settled: bool| {
        if !settled {
            kept_ours.push(format!("{name} changed on both sides; ours kept"));
        }
    };
    let scope = pick(Some(base.scope()), ours.scope(), theirs.scope());
    note("scope", scope.is_some());
    merged.set_scope(scope.unwrap_or(ours.scope()).clone());
    let thresholds = pick(Some(&base.thresholds), &ours.thresholds, &theirs.thresholds);
    note("thresholds", thresholds.is_some());
    merged.thresholds = *thresholds.unwrap_or(&ours.thresholds);
    let audit = pick(Some(&base.audit), &ours.audit, &theirs.audit);
    note("audit plan", audit.is_some());
    merged.audit = *audit.unwrap_or(&ours.audit);
    let version = pick(
        Some(&base.questionnaire_version),
        &ours.questionnaire_version,
        &theirs.questionnaire_version,
    );
    merged.questionnaire_version = version.unwrap_or(&ours.questionnaire_version).clone();
}

#[cfg(test)]
mod tests;
