//! The count both Prowler formats share (the SOC 2 compliance CSV and the JSON-OCSF
//! findings): each check result on a resource under a SOC 2 requirement goes to the
//! question its check bears on, once per question however many requirements file it;
//! muted results, manual requirements and checks no question covers are counted in notes.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Finding, Findings, Source, agree, all, count, name_list, prowler_rules};

/// What Prowler says of one check on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The check passed.
    Pass,
    /// The check failed.
    Fail,
    /// A requirement Prowler cannot check by itself.
    Manual,
}

/// One check result under one SOC 2 requirement.
pub struct CheckResult {
    /// The criterion of the requirement (`CC6.1`).
    pub criterion: String,
    /// Pass, fail or manual.
    pub outcome: Outcome,
    /// The check id (`iam_user_mfa_enabled_console_access`).
    pub check: String,
    /// The resource as people name it.
    pub resource: String,
    /// What tells this result apart from another of the same check: the resource's id
    /// and name, its account and region.
    pub identity: (String, String),
    /// Whether it was muted in Prowler.
    pub muted: bool,
    /// Prowler's own sentence about it.
    pub detail: String,
}

/// The results of one question.
#[derive(Default)]
struct Group {
    seen: HashSet<(String, String, String)>,
    checked: usize,
    failing: Vec<String>,
    criteria: BTreeSet<String>,
    first_failure: Option<String>,
}

/// The count so far.
#[derive(Default)]
pub struct Tally {
    groups: BTreeMap<&'static str, Group>,
    unmapped: BTreeMap<String, BTreeSet<String>>,
    manual: BTreeSet<String>,
    muted: HashSet<(String, String, String)>,
    dated: Option<Date>,
}

impl Tally {
    /// Counts one result.
    pub fn add(&mut self, result: CheckResult) {
        if result.outcome == Outcome::Manual || result.check.eq_ignore_ascii_case("manual") {
            self.manual.insert(result.criterion);
            return;
        }
        let key = (result.check.clone(), result.identity.0, result.identity.1);
        if result.muted {
            self.muted.insert(key);
            return;
        }
        let Some(question) = prowler_rules::question_for(&result.check) else {
            self.unmapped
                .entry(result.check)
                .or_default()
                .insert(result.criterion);
            return;
        };
        let group = self.groups.entry(question).or_default();
        group.criteria.insert(result.criterion);
        if !group.seen.insert(key) {
            return;
        }
        group.checked += 1;
        if result.outcome == Outcome::Fail {
            let name = format!("{} ({})", result.resource, result.check);
            if !group.failing.contains(&name) {
                group.failing.push(name);
            }
            if group.first_failure.is_none() && !result.detail.is_empty() {
                group.first_failure = Some(result.detail);
            }
        }
    }

    /// Notes the day of a result; the export is dated by its latest.
    pub fn dated(&mut self, day: Date) {
        self.dated = Some(self.dated.map_or(day, |known| known.max(day)));
    }

    /// The findings of `rows` rows or items.
    pub fn findings(self, rows: usize) -> Findings {
        let notes = notes(&self.muted, &self.manual, &self.unmapped);
        Findings {
            title: Source::Prowler.describe().to_string(),
            dated: self.dated,
            rows,
            findings: self
                .groups
                .into_iter()
                .map(|(question, group)| finding(question, group))
                .collect(),
            notes,
        }
    }
}

/// The finding of one question in words.
fn finding(question: &str, group: Group) -> Finding {
    let criteria = group.criteria.into_iter().collect::<Vec<_>>().join(", ");
    let results = count(group.checked, "Prowler result", "Prowler results");
    let (sentence, fix) = if group.failing.is_empty() {
        let every = all(group.checked, "Prowler result", "Prowler results");
        let verb = agree(group.checked, "passes", "pass");
        (format!("{every} {verb} ({criteria})"), String::new())
    } else {
        let first = group
            .first_failure
            .map(|text| format!(" (first: \"{text}\")"))
            .unwrap_or_default();
        (
            format!(
                "{} of {results} {} ({criteria}): {}",
                group.failing.len(),
                agree(group.failing.len(), "fails", "fail"),
                name_list(&group.failing, 5)
            ),
            format!(
                "fix each failing resource{first}, then run Prowler again and import the new file"
            ),
        )
    };
    Finding {
        question: question.to_string(),
        checked: group.checked,
        failing: group.failing,
        sentence,
        fix,
    }
}

/// Muted results, manual requirements and checks no question covers, in words.
fn notes(
    muted: &HashSet<(String, String, String)>,
    manual: &BTreeSet<String>,
    unmapped: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut notes = Vec::new();
    if !muted.is_empty() {
        notes.push(format!(
            "{} muted in Prowler, counted neither as passing nor failing",
            count(muted.len(), "result is", "results are")
        ));
    }
    if !manual.is_empty() {
        let ids: Vec<String> = manual.iter().cloned().collect();
        notes.push(format!(
            "{} {} a manual check Prowler cannot make: {}",
            count(ids.len(), "requirement", "requirements"),
            agree(ids.len(), "needs", "need"),
            name_list(&ids, 8)
        ));
    }
    if !unmapped.is_empty() {
        let checks: Vec<String> = unmapped
            .iter()
            .map(|(check, criteria)| {
                format!(
                    "{check} ({})",
                    criteria.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            })
            .collect();
        notes.push(format!(
            "{} on no question of the questionnaire and {} not counted: {}",
            count(checks.len(), "check bears", "checks bear"),
            agree(checks.len(), "was", "were"),
            name_list(&checks, 5)
        ));
    }
    notes
}

/// `cc_6_1` → `CC6.1`, `a_1_2` → `A1.2`, `pi_1_3` → `PI1.3` (an id already written
/// `CC6.1` is kept); `None` for what is not a criterion id.
pub fn criterion(id: &str) -> Option<String> {
    let id = id.trim();
    let (letters, rest) = match id.split_once('_') {
        Some((letters, rest)) => (letters, rest.replace('_', ".")),
        None => {
            let split = id.find(|c: char| c.is_ascii_digit())?;
            (&id[..split], id[split..].to_string())
        }
    };
    let known = ["cc", "a", "c", "pi", "p"];
    let (group, item) = rest.split_once('.')?;
    let numeric = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    (known.contains(&letters.to_ascii_lowercase().as_str()) && numeric(group) && numeric(item))
        .then(|| format!("{}{group}.{item}", letters.to_ascii_uppercase()))
}

/// The day of a Prowler timestamp: `2026-11-30 09:14:03.123456`, ISO 8601, or the Unix
/// seconds Prowler writes with `--unix-timestamp`.
pub fn day_of(text: &str) -> Option<Date> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        let seconds: i64 = text.parse().ok()?;
        return Timestamp::from_second(seconds)
            .ok()
            .map(|at| jiff::tz::Offset::UTC.to_datetime(at).date());
    }
    text.get(..10)?.parse().ok()
}
