//! Three-way merge of a list whose entries have an identity: an entry added on one side is
//! added, one removed on one side (and unchanged on the other) is removed, one changed on one
//! side takes that change. Changed differently on both sides, OURS' entry stays and its key
//! is reported; removed on one side and changed on the other, the changed entry stays.

/// The merged list (OURS' order, then THEIRS' additions) and the keys both sides changed.
pub fn merge_keyed<T, K>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
) -> (Vec<T>, Vec<K>)
where
    T: Clone + PartialEq,
    K: PartialEq,
{
    let find = |list: &[T], wanted: &K| list.iter().find(|item| key(item) == *wanted).cloned();
    let mut merged = Vec::new();
    let mut disagreed = Vec::new();
    for item in ours {
        let id = key(item);
        let before = find(base, &id);
        match (before, find(theirs, &id)) {
            (None, None) => merged.push(item.clone()),
            (Some(before), None) if before == *item => {}
            (Some(_), None) => merged.push(item.clone()),
            (before, Some(other)) => {
                let picked = pick(before.as_ref(), item, &other);
                if picked.is_none() {
                    disagreed.push(id);
                }
                merged.push(picked.unwrap_or(item).clone());
            }
        }
    }
    for item in theirs {
        let id = key(item);
        if find(ours, &id).is_some() {
            continue;
        }
        match find(base, &id) {
            Some(before) if before == *item => {}
            _ => merged.push(item.clone()),
        }
    }
    (merged, disagreed)
}

/// The three-way pick of one value: the side that changed, or `None` when both changed it
/// differently.
pub fn pick<'a, T: PartialEq>(base: Option<&T>, ours: &'a T, theirs: &'a T) -> Option<&'a T> {
    if ours == theirs || base == Some(theirs) {
        Some(ours)
    } else if base == Some(ours) {
        Some(theirs)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(
        base: &[(u8, &str)],
        ours: &[(u8, &str)],
        theirs: &[(u8, &str)],
    ) -> (Vec<(u8, &'static str)>, Vec<u8>) {
        let own = |list: &[(u8, &str)]| -> Vec<(u8, String)> {
            list.iter().map(|(k, v)| (*k, v.to_string())).collect()
        };
        let (merged, disagreed) = merge_keyed(&own(base), &own(ours), &own(theirs), |item| item.0);
        let merged = merged
            .into_iter()
            .map(|(k, v)| (k, &*Box::leak(v.into_boxed_str())))
            .collect();
        (merged, disagreed)
    }

    #[test]
    fn additions_on_both_sides_are_kept_and_removals_honoured() {
        let (merged, disagreed) = run(
            &[(1, "a"), (2, "b")],
            &[(1, "a"), (3, "c")],
            &[(2, "b"), (4, "d")],
        );
        assert_eq!(merged, vec![(3, "c"), (4, "d")]);
        assert!(disagreed.is_empty());
    }

    #[test]
    fn a_one_sided_change_wins_and_a_two_sided_one_keeps_ours_and_is_reported() {
        let (merged, disagreed) = run(
            &[(1, "a"), (2, "b")],
            &[(1, "A"), (2, "x")],
            &[(1, "a"), (2, "y")],
        );
        assert_eq!(merged, vec![(1, "A"), (2, "x")]);
        assert_eq!(disagreed, vec![2]);
    }

    #[test]
    fn a_change_beats_a_removal() {
        let (merged, _) = run(&[(1, "a")], &[], &[(1, "changed")]);
        assert_eq!(merged, vec![(1, "changed")]);
    }
}
