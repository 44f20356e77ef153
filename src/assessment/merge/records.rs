//! Three-way merge of the answers, field by field: a field changed on one side takes that
//! change; changed differently on both, OURS' value stays and THEIRS' is kept as a conflict.
//! Evidence entries merge by identity (collected date, title, location).

use std::collections::{BTreeMap, BTreeSet};

use super::keyed::merge_keyed;
use crate::assessment::conflicts::{self, FieldConflict, RECORD_FIELDS};
use crate::assessment::{AnswerRecord, Assessment};

/// Merges THEIRS' and OURS' answers (against BASE) into `merged`, adding conflicts there.
pub fn merge_answers(
    base: &Assessment,
    ours: &Assessment,
    theirs: &Assessment,
    merged: &mut Assessment,
    notes: &mut Vec<String>,
) {
    let ids: BTreeSet<&String> = ours.answers.keys().chain(theirs.answers.keys()).collect();
    let blank = AnswerRecord::default();
    let mut answers = BTreeMap::new();
    for id in ids {
        let get = |side: &Assessment| side.answers.get(id).unwrap_or(&blank).clone();
        let (before, own, other) = (get(base), get(ours), get(theirs));
        let mut record = own.clone();
        for field in RECORD_FIELDS {
            let [b, o, t] =
                [&before, &own, &other].map(|record| conflicts::record_field(record, field));
            if o == t || t == b {
                continue;
            }
            if o == b {
                conflicts::set_record_field(&mut record, field, &t)
                    .expect("a field read from a file parses again");
            } else {
                merged.add_conflict(id, field, FieldConflict { theirs: t, base: b });
            }
        }
        let (evidence, disagreed) =
            merge_keyed(&before.evidence, &own.evidence, &other.evidence, |item| {
                (item.collected, item.title.clone(), item.location.clone())
            });
        record.evidence = evidence;
        for (collected, title, _) in disagreed {
            notes.push(format!(
                "{id}: evidence \"{title}\" ({collected}) changed on both sides; ours kept"
            ));
        }
        if !record.is_blank() {
            answers.insert(id.clone(), record);
        }
    }
    merged.answers = answers;
}
