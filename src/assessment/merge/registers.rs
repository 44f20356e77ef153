//! Three-way merge of the registers: policies and vendors by name, risks by title, each
//! entry whole; a policy's staff acceptances merge as a union of their own.

use super::keyed::merge_keyed;
use crate::registers::{PolicyRecord, Registers};

/// Merges the three registers; entries both sides changed keep OURS' and are noted.
pub fn merge_registers(
    base: &Registers,
    ours: &Registers,
    theirs: &Registers,
    kept_ours: &mut Vec<String>,
) -> Registers {
    let name = |text: &str| text.trim().to_lowercase();
    let bare = |list: &[PolicyRecord]| -> Vec<PolicyRecord> {
        let strip = |policy: &PolicyRecord| PolicyRecord {
            acceptances: Vec::new(),
            ..policy.clone()
        };
        list.iter().map(strip).collect()
    };
    let (mut policies, disagreed) = merge_keyed(
        &bare(&base.policies),
        &bare(&ours.policies),
        &bare(&theirs.policies),
        |policy| name(&policy.name),
    );
    note(kept_ours, "policy", disagreed);
    for policy in &mut policies {
        let acceptances = |list: &[PolicyRecord]| {
            list.iter()
                .find(|other| name(&other.name) == name(&policy.name))
                .map(|other| other.acceptances.clone())
                .unwrap_or_default()
        };
        let (merged, _) = merge_keyed(
            &acceptances(&base.policies),
            &acceptances(&ours.policies),
            &acceptances(&theirs.policies),
            |acceptance| acceptance.clone(),
        );
        policy.acceptances = merged;
    }
    let (vendors, disagreed) =
        merge_keyed(&base.vendors, &ours.vendors, &theirs.vendors, |vendor| {
            name(&vendor.name)
        });
    note(kept_ours, "vendor", disagreed);
    let (risks, disagreed) = merge_keyed(&base.risks, &ours.risks, &theirs.risks, |risk| {
        name(&risk.title)
    });
    note(kept_ours, "risk", disagreed);
    Registers {
        policies,
        vendors,
        risks,
    }
}

/// Notes register entries both sides changed.
fn note(kept_ours: &mut Vec<String>, kind: &str, names: Vec<String>) {
    for name in names {
        kept_ours.push(format!(
            "{kind} \"{name}\" changed on both sides; ours kept"
        ));
    }
}
