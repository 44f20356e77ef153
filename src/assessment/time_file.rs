//! The schema-2 parts of the assessment file: evidence entries inside each answer's table,
//! the `[audit]` plan and the `[[history]]` snapshots — written in a stable order and read
//! back with located errors.

use jiff::civil::Date;
use serde::Serialize;

use super::time_records::{check_locker_path, is_sha256_hex};
use super::{Answer, AuditPlan, Evidence, EvidenceFile, Snapshot, WINDOW_MONTHS};
use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// The word a history entry uses for an answer that was cleared.
const CLEARED: &str = "none";

/// One evidence entry as written.
#[derive(Serialize)]
pub(super) struct EvidenceOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    location: &'a str,
    collected: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    files: &'a [EvidenceFile],
}

impl serde::Serialize for EvidenceFile {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("EvidenceFile", 3)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("size", &self.size)?;
        out.serialize_field("sha256", &self.sha256)?;
        out.end()
    }
}

impl<'a> EvidenceOut<'a> {
    /// The written form of `evidence`.
    pub(super) fn new(evidence: &'a Evidence) -> Self {
        Self {
            title: &evidence.title,
            location: &evidence.location,
            collected: evidence.collected.to_string(),
            from: evidence.period.map(|(from, _)| from.to_string()),
            to: evidence.period.map(|(_, to)| to.to_string()),
            expires: evidence.expires.map(|date| date.to_string()),
            files: &evidence.files,
        }
    }
}

/// The audit plan as written.
#[derive(Serialize)]
pub(super) struct AuditOut {
    window_months: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
}

impl AuditOut {
    /// The written form of `plan`.
    pub(super) fn new(plan: &AuditPlan) -> Self {
        Self {
            window_months: plan.window_months,
            start: plan.start.map(|date| date.to_string()),
        }
    }
}

/// One history snapshot as written: its date and `id=answer` changes, sorted by id.
#[derive(Serialize)]
pub(super) struct SnapshotOut {
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    readiness: Option<[u8; 3]>,
    changes: Vec<String>,
}

impl SnapshotOut {
    /// The written form of `snapshot`.
    pub(super) fn new(snapshot: &Snapshot) -> Self {
        Self {
            date: snapshot.date.to_string(),
            readiness: snapshot.readiness,
            changes: snapshot
                .changes
                .iter()
                .map(|(id, answer)| format!("{id}={}", answer.map_or(CLEARED, Answer::key)))
                .collect(),
        }
    }
}

/// Reads a date field written as `"2027-01-31"` or a bare TOML date.
pub(super) fn date(fields: &mut Fields<'_, '_>, key: &'static str) -> Option<Date> {
    let text = fields.text_or_datetime(key)?;
    match text.parse::<Date>() {
        Ok(date) if text.len() == 10 => Some(date),
        _ => {
            fields.report(
                key,
                format!("expected a date such as 2027-01-31, found \"{text}\""),
            );
            None
        }
    }
}

/// Reads the `[[answers."id".evidence]]` entries of one answer.
pub(super) fn read_evidence(
    fields: &mut Fields<'_, '_>,
    source: SourceText<'_>,
    id: &str,
) -> (Vec<Evidence>, Vec<Problem>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (table, span) in fields.tables("evidence") {
        let mut entry = Fields::new(source, table, span);
        entry.set_item(id);
        let title = entry.required_text("title");
        let location = entry.text("location").unwrap_or_default();
        let collected = date(&mut entry, "collected");
        if entry.value("collected").is_none() {
            entry.report(
                "collected",
                "missing required field (a date such as 2026-11-24)",
            );
        }
        let from = date(&mut entry, "from");
        let to = date(&mut entry, "to");
        let period = match (from, to) {
            (Some(from), Some(to)) if from <= to => Some((from, to)),
            (Some(_), Some(_)) => {
                entry.report("to", "the period ends before it starts");
                None
            }
            (None, None) => None,
            (Some(_), None) => {
                entry.report("from", "a period needs both `from` and `to`");
                None
            }
            (None, Some(_)) => {
                entry.report("to", "a period needs both `from` and `to`");
                None
            }
        };
        let expires = date(&mut entry, "expires");
        let (files, file_problems) = read_files(&mut entry, source, id);
        let entry_problems = entry.finish();
        let valid = entry_problems.is_empty() && file_problems.is_empty();
        problems.extend(entry_problems);
        problems.extend(file_problems);
        if let (true, Some(title), Some(collected)) = (valid, title, collected) {
            entries.push(Evidence {
                title,
                location,
                collected,
                period,
                expires,
                files,
            });
        }
    }
    (entries, problems)
}

/// Reads the `[[answers."id".evidence.files]]` records of one evidence entry. A path must
/// stay inside the evidence folder: relative, `/`-separated, no `..`, no control characters.
fn read_files(
    entry: &mut Fields<'_, '_>,
    source: SourceText<'_>,
    id: &str,
) -> (Vec<EvidenceFile>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (table, span) in entry.tables("files") {
        let mut fields = Fields::new(source, table, span);
        fields.set_item(id);
        let path = fields.required_text("path");
        if let Some(path) = &path
            && let Err(why) = check_locker_path(path)
        {
            fields.report("path", why);
        }
        let size = fields.integer("size");
        if fields.value("size").is_none() {
            fields.report("size", "missing required field (the size in bytes)");
        }
        let size = size.and_then(|size| {
            let size = u64::try_from(size).ok();
            if size.is_none() {
                fields.report("size", "must not be negative");
            }
            size
        });
        let sha256 = fields.required_text("sha256");
        if let Some(hash) = &sha256
            && !is_sha256_hex(hash)
        {
            fields.report(
                "sha256",
                format!("expected 64 lowercase hexadecimal digits, found \"{hash}\""),
            );
        }
        let file_problems = fields.finish();
        if let (true, Some(path), Some(size), Some(sha256)) =
            (file_problems.is_empty(), path, size, sha256)
        {
            files.push(EvidenceFile { path, size, sha256 });
        }
        problems.extend(file_problems);
    }
    (files, problems)
}

/// Reads the `[audit]` table; missing means the default plan.
pub(super) fn read_audit(
    fields: &mut Fields<'_, '_>,
    source: SourceText<'_>,
) -> (AuditPlan, Vec<Problem>) {
    let Some((table, span)) = fields.table("audit") else {
        return (AuditPlan::default(), Vec::new());
    };
    let mut audit = Fields::new(source, table, span);
    let mut plan = AuditPlan::default();
    if let Some(months) = audit.integer("window_months") {
        match u8::try_from(months) {
            Ok(months) if WINDOW_MONTHS.contains(&months) => plan.window_months = months,
            _ => audit.report(
                "window_months",
                format!(
                    "must be 3, 6, 9 or 12 (months of the Type 2 observation window), found {months}"
                ),
            ),
        }
    }
    plan.start = date(&mut audit, "start");
    (plan, audit.finish())
}

/// Reads the `[[history]]` snapshots, which must be in date order, one per day.
pub(super) fn read_history(
    fields: &mut Fields<'_, '_>,
    source: SourceText<'_>,
) -> (Vec<Snapshot>, Vec<Problem>) {
    let mut snapshots = Vec::new();
    let mut problems = Vec::new();
    let mut last_date: Option<Date> = None;
    for (table, span) in fields.tables("history") {
        let mut entry = Fields::new(source, table, span);
        let date = date(&mut entry, "date");
        if entry.value("date").is_none() {
            entry.report("date", "missing required field (a date such as 2026-11-24)");
        }
        if let (Some(date), Some(last)) = (date, last_date)
            && date <= last
        {
            entry.report(
                "date",
                format!("snapshots must be in date order, one a day; {date} follows {last}"),
            );
        }
        last_date = date.or(last_date);
        let mut changes = std::collections::BTreeMap::new();
        for change in entry.text_list("changes", false).unwrap_or_default() {
            let parsed = change.rsplit_once('=').and_then(|(id, answer)| {
                let answer = match answer {
                    CLEARED => None,
                    key => Some(Answer::from_key(key)?),
                };
                (!id.is_empty()).then(|| (id.to_string(), answer))
            });
            match parsed {
                Some((id, answer)) => {
                    changes.insert(id, answer);
                }
                None => entry.report(
                    "changes",
                    format!("expected \"question-id=answer\" (an answer name or {CLEARED}), found \"{change}\""),
                ),
            }
        }
        let readiness = read_readiness(&mut entry);
        let entry_problems = entry.finish();
        let valid = entry_problems.is_empty();
        problems.extend(entry_problems);
        if let (true, Some(date)) = (valid, date) {
            snapshots.push(Snapshot {
                date,
                changes,
                readiness,
            });
        }
    }
    (snapshots, problems)
}

/// Reads `readiness = [compliance, attestation, certification]` percentages.
fn read_readiness(entry: &mut Fields<'_, '_>) -> Option<[u8; 3]> {
    let value = entry.value("readiness")?;
    let numbers: Option<Vec<u8>> = match value.get_ref() {
        toml::de::DeValue::Array(items) => items
            .iter()
            .map(|item| match item.get_ref() {
                toml::de::DeValue::Integer(number) => number
                    .as_str()
                    .parse::<u8>()
                    .ok()
                    .filter(|percent| *percent <= 100),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    let readiness = numbers.and_then(|numbers| <[u8; 3]>::try_from(numbers).ok());
    if readiness.is_none() {
        entry.report(
            "readiness",
            "expected three percentages from 0 to 100 (compliance, attestation, certification)",
        );
    }
    readiness
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::EvidenceFile;
    use crate::assessment::file::{from_toml, to_toml};
    use crate::assessment::{AnswerRecord, Assessment};
    use crate::questionnaire::{Level, Target};

    fn parse(text: &str) -> Result<Assessment, Vec<String>> {
        from_toml(SourceText::new("a.toml", text))
            .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    const HEAD: &str =
        "schema = 2\norganization = \"A\"\ncreated = \"2026-11-24\"\ntarget = \"type2\"\n";

    #[test]
    fn schema_2_round_trips_evidence_audit_and_history() {
        let mut assessment =
            Assessment::new("A", "", Date::constant(2026, 11, 24), Target::Type2, []);
        assessment.answers.insert(
            "CC6.3.access-reviews".into(),
            AnswerRecord {
                answer: Some(Answer::Level(Level::Operating)),
                evidence: vec![
                    Evidence {
                        title: "Q3 review".into(),
                        location: "JIRA-12".into(),
                        collected: Date::constant(2026, 10, 2),
                        period: Some((Date::constant(2026, 7, 1), Date::constant(2026, 9, 30))),
                        expires: None,
                        files: Vec::new(),
                    },
                    Evidence {
                        title: "Screenshot".into(),
                        location: String::new(),
                        collected: Date::constant(2026, 11, 1),
                        period: None,
                        expires: None,
                        files: Vec::new(),
                    },
                ],
                ..AnswerRecord::default()
            },
        );
        assessment.audit = AuditPlan {
            window_months: 6,
            start: Some(Date::constant(2027, 1, 1)),
        };
        assessment.history = vec![
            Snapshot {
                date: Date::constant(2026, 11, 20),
                changes: [(
                    "CC6.3.access-reviews".to_string(),
                    Some(Answer::Level(Level::Planned)),
                )]
                .into(),
                readiness: Some([1, 0, 0]),
            },
            Snapshot {
                date: Date::constant(2026, 11, 24),
                changes: [
                    (
                        "CC6.3.access-reviews".to_string(),
                        Some(Answer::Level(Level::Operating)),
                    ),
                    ("CC1.1.gone".to_string(), None),
                ]
                .into(),
                readiness: None,
            },
        ];
        let text = to_toml(&assessment);
        assert!(
            text.contains("[[answers.\"CC6.3.access-reviews\".evidence]]"),
            "{text}"
        );
        assert!(text.contains("changes = [\"CC1.1.gone=none\", "), "{text}");
        assert!(
            text.find("[audit]") < text.find("[answers.")
                && text.find("[answers.") < text.find("[[history]]"),
            "stable order: audit, answers, history\n{text}"
        );
        assert_eq!(parse(&text), Ok(assessment));
    }

    #[test]
    fn every_offered_window_length_loads() {
        for months in WINDOW_MONTHS {
            let text = format!("{HEAD}[audit]\nwindow_months = {months}\n");
            assert_eq!(parse(&text).unwrap().audit.window_months, months);
        }
        assert!(WINDOW_MONTHS.contains(&9), "a nine-month window is offered");
    }

    #[test]
    fn schema_1_files_load_and_are_marked_for_upgrade() {
        let old = parse("schema = 1\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type1\"\n[answers.\"CC6.1.mfa\"]\nanswer = \"evidenced\"\n").unwrap();
        assert_eq!(old.migrated_from, Some(1));
        assert_eq!(old.audit, AuditPlan::default());
        assert!(old.history.is_empty());
        let text = to_toml(&old);
        assert!(text.contains("schema = 5"), "{text}");
        assert_eq!(parse(&text).unwrap().migrated_from, None);
    }

    #[test]
    fn schema_2_text_entries_load_and_schema_3_keeps_files_and_expiry() {
        let old = parse("schema = 2\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type2\"\n[[answers.\"CC7.1.scans\".evidence]]\ntitle = \"scan\"\ncollected = 2026-11-01\n").unwrap();
        assert_eq!(old.migrated_from, Some(2));
        let mut assessment = old.clone();
        assessment.edit("CC7.1.scans", |record| {
            let entry = &mut record.evidence[0];
            assert!(entry.files.is_empty() && entry.expires.is_none());
            entry.expires = Some(Date::constant(2027, 6, 30));
            entry.files.push(EvidenceFile {
                path: "CC7.1.scans/scan report.pdf".into(),
                size: 1234,
                sha256: "ab".repeat(32),
            });
        });
        assessment.migrated_from = None;
        let text = to_toml(&assessment);
        assert!(
            text.contains("[[answers.\"CC7.1.scans\".evidence.files]]"),
            "{text}"
        );
        assert_eq!(parse(&text), Ok(assessment));
    }

    #[test]
    fn recorded_files_must_stay_in_the_folder_and_carry_a_real_hash() {
        let text = "schema = 3\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type2\"\n[[answers.\"Q\".evidence]]\ntitle = \"t\"\ncollected = 2026-11-01\nexpires = \"soon\"\n[[answers.\"Q\".evidence.files]]\npath = \"../../etc/passwd\"\nsize = -1\nsha256 = \"XYZ\"\n[[answers.\"Q\".evidence.files]]\npath = \"/abs\"\n";
        let problems = parse(text).unwrap_err().join("\n");
        for expected in [
            "a.toml:8:11",
            "field `expires`: expected a date",
            "no empty, `.` or `..` parts",
            "field `size`: must not be negative",
            "64 lowercase hexadecimal digits",
            "is absolute",
            "field `sha256`: missing",
        ] {
            assert!(problems.contains(expected), "{expected} in\n{problems}");
        }
    }

    #[test]
    fn bad_time_fields_are_located() {
        let text = format!(
            "{HEAD}[audit]\nwindow_months = 4\nstart = \"soon\"\n\
             [answers.\"CC6.2.x\"]\nanswer = \"operating\"\n\
             [[answers.\"CC6.2.x\".evidence]]\nlocation = \"drive\"\ncollected = \"2026-11-31\"\nfrom = 2026-09-01\nto = 2026-08-01\n\
             [[answers.\"CC6.2.x\".evidence]]\ntitle = \"t\"\ncollected = 2026-11-01\nfrom = 2026-09-01\n\
             [[history]]\ndate = 2026-11-24\nchanges = [\"CC6.2.x=great\", \"nothing\"]\nreadiness = [1, 2]\n\
             [[history]]\ndate = 2026-11-23\n"
        );
        let problems = parse(&text).unwrap_err();
        let expected = [
            "a.toml:6:17: field `window_months`: must be 3, 6, 9 or 12",
            "a.toml:7:9: field `start`: expected a date such as 2027-01-31, found \"soon\"",
            "a.toml:10:1: CC6.2.x: field `title`: missing required field",
            "a.toml:12:13: CC6.2.x: field `collected`: expected a date such as 2027-01-31, found \"2026-11-31\"",
            "a.toml:14:6: CC6.2.x: field `to`: the period ends before it starts",
            "a.toml:18:8: CC6.2.x: field `from`: a period needs both `from` and `to`",
            "a.toml:21:11: field `changes`: expected \"question-id=answer\" (an answer name or none), found \"CC6.2.x=great\"",
            "a.toml:21:11: field `changes`: expected \"question-id=answer\" (an answer name or none), found \"nothing\"",
            "a.toml:22:13: field `readiness`: expected three percentages",
            "a.toml:24:8: field `date`: snapshots must be in date order, one a day; 2026-11-23 follows 2026-11-24",
        ];
        for want in expected {
            assert!(
                problems.iter().any(|p| p.starts_with(want)),
                "missing {want:?} in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }
}
