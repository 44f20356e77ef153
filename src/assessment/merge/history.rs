//! Three-way merge of the history: snapshots by day (at most one per day). A day only one
//! side touched takes that side's snapshot; a day both sides recorded differently keeps the
//! union of their answer changes (OURS' where both changed one id) and OURS' readiness,
//! because both are true records of that day rather than competing values.

use super::keyed::merge_keyed;
use crate::assessment::Snapshot;

/// The merged history, oldest first.
pub fn merge_history(base: &[Snapshot], ours: &[Snapshot], theirs: &[Snapshot]) -> Vec<Snapshot> {
    let (mut merged, both) = merge_keyed(base, ours, theirs, |snapshot| snapshot.date);
    for day in both {
        let Some(other) = theirs.iter().find(|snapshot| snapshot.date == day) else {
            continue;
        };
        if let Some(snapshot) = merged.iter_mut().find(|snapshot| snapshot.date == day) {
            for (id, answer) in &other.changes {
                snapshot.changes.entry(id.clone()).or_insert(*answer);
            }
        }
    }
    merged.sort_by_key(|snapshot| snapshot.date);
    merged
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use jiff::civil::Date;

    use super::*;
    use crate::assessment::Answer;

    fn day(d: i8, changes: &[(&str, Answer)]) -> Snapshot {
        let changes: BTreeMap<_, _> = changes
            .iter()
            .map(|(id, a)| (id.to_string(), Some(*a)))
            .collect();
        Snapshot {
            date: Date::constant(2026, 3, d),
            changes,
            readiness: None,
        }
    }

    #[test]
    fn the_same_day_on_both_sides_keeps_both_changes_and_days_are_sorted() {
        let base = [day(1, &[("A", Answer::No)])];
        let ours = [day(1, &[("A", Answer::No)]), day(5, &[("A", Answer::Yes)])];
        let theirs = [
            day(1, &[("A", Answer::No)]),
            day(3, &[]),
            day(5, &[("B", Answer::Yes)]),
        ];
        let merged = merge_history(&base, &ours, &theirs);
        let dates: Vec<i8> = merged.iter().map(|s| s.date.day()).collect();
        assert_eq!(dates, vec![1, 3, 5]);
        assert_eq!(merged[2].changes.len(), 2);
    }
}
