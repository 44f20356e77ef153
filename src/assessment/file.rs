//! The assessment file format: human-readable TOML, written in a stable order and read
//! back with located errors. Pure text in, text out; [`super::store`] does the disk work.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;
use toml::de::DeTable;

use super::conflicts_file::{ConflictsOut, conflicts_out, read_conflicts};
use super::registers_file::{RegistersOut, read_registers};
use super::thresholds::{self, Thresholds};
use super::time_file::{self, AuditOut, EvidenceOut, SnapshotOut};
use super::workshop_file::{WorkshopsOut, read_workshops};
use super::{Answer, AnswerRecord, Assessment, ReportNotes, SCHEMA};
use crate::diagnostics::{LineStarts, Problem, SourceText};
use crate::questionnaire::{Category, Target};
use crate::toml_fields::{Fields, parse_document};

const HEADER: &str = "\
# soc2-ready assessment. Safe to read and edit by hand; soc2-ready rewrites it on every change:
# a save keeps a byte-order mark and CRLF line endings, but not comments or your own layout.
# answer = not_in_place | planned | in_place | evidenced | operating | yes | no | na | unsure
";

#[derive(Serialize)]
struct FileOut<'a> {
    schema: i64,
    organization: &'a str,
    assessor: &'a str,
    created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    target: &'a str,
    scope: Vec<&'a str>,
    questionnaire_version: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    observations: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    reviewed_by: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    report_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    thresholds: Option<ThresholdsOut>,
    audit: AuditOut,
    answers: BTreeMap<&'a str, RecordOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    history: Vec<SnapshotOut>,
    #[serde(flatten)]
    registers: RegistersOut<'a>,
    #[serde(flatten)]
    workshops: WorkshopsOut<'a>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    conflicts: ConflictsOut<'a>,
}

#[derive(Serialize)]
struct ThresholdsOut {
    ready: f64,
    getting_there: f64,
}

#[derive(Serialize)]
struct RecordOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    owner: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "str::is_empty")]
    na_reason: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<EvidenceOut<'a>>,
}

/// Writes an assessment as TOML text.
pub fn to_toml(assessment: &Assessment) -> String {
    let file = FileOut {
        schema: SCHEMA,
        organization: &assessment.organization,
        assessor: &assessment.assessor,
        created: assessment.created.to_string(),
        updated: assessment.updated.map(|time| time.to_string()),
        target: assessment.target.key(),
        scope: assessment.scope_keys(),
        questionnaire_version: &assessment.questionnaire_version,
        observations: &assessment.report.observations,
        reviewed_by: &assessment.report.reviewed_by,
        report_version: &assessment.report.version,
        thresholds: match assessment.thresholds {
            Thresholds {
                ready: Some(ready),
                getting_there: Some(getting_there),
            } => Some(ThresholdsOut {
                ready,
                getting_there,
            }),
            _ => None,
        },
        audit: AuditOut::new(&assessment.audit),
        answers: assessment
            .answers
            .iter()
            .map(|(id, record)| {
                let out = RecordOut {
                    answer: record.answer.map(Answer::key),
                    note: &record.note,
                    owner: &record.owner,
                    due: record.due.map(|date| date.to_string()),
                    na_reason: &record.na_reason,
                    evidence: record.evidence.iter().map(EvidenceOut::new).collect(),
                };
                (id.as_str(), out)
            })
            .collect(),
        history: assessment.history.iter().map(SnapshotOut::new).collect(),
        registers: RegistersOut::new(&assessment.registers),
        workshops: WorkshopsOut::new(&assessment.workshops),
        conflicts: conflicts_out(&assessment.conflicts),
    };
    let body = toml::to_string(&file).expect("an assessment always serializes to TOML");
    format!("{HEADER}{body}")
}

/// Reads an assessment from TOML text, reporting every problem with its place.
pub fn from_toml(source: SourceText<'_>) -> Result<Assessment, Vec<Problem>> {
    let lines = LineStarts::new(source.text);
    let source = source.with_lines(&lines);
    let document = parse_document(source, source.text)?;
    let mut fields = Fields::new(source, document.get_ref(), document.span());
    let schema = check_schema(&mut fields);
    let organization = fields.required_text("organization");
    let assessor = fields.text("assessor").unwrap_or_default();
    let created = time_file::date(&mut fields, "created");
    if fields.value("created").is_none() {
        fields.report(
            "created",
            "missing required field (a date such as 2026-11-24)",
        );
    }
    let updated =
        fields
            .text_or_datetime("updated")
            .and_then(|text| match text.parse::<Timestamp>() {
                Ok(time) => Some(time),
                Err(_) => {
                    fields.report(
                        "updated",
                        format!("expected a time such as 2026-11-24T10:00:00Z, found \"{text}\""),
                    );
                    None
                }
            });
    let target = read_target(&mut fields);
    let scope = read_scope(&mut fields);
    let questionnaire_version = fields.text("questionnaire_version").unwrap_or_default();
    let report = ReportNotes {
        observations: fields.text("observations").unwrap_or_default(),
        reviewed_by: fields.text("reviewed_by").unwrap_or_default(),
        version: fields.text("report_version").unwrap_or_default(),
    };
    let thresholds_table = fields.table(thresholds::TABLE);
    let answers_table = fields.table("answers");
    let conflicts_table = fields.table("conflicts");
    let (audit, mut problems) = time_file::read_audit(&mut fields, source);
    let (history, history_problems) = time_file::read_history(&mut fields, source);
    problems.extend(history_problems);
    let (registers, register_problems) = read_registers(&mut fields, source);
    problems.extend(register_problems);
    let (workshops, workshop_problems) = read_workshops(&mut fields, source);
    problems.extend(workshop_problems);
    problems.extend(fields.finish());
    let agreed = thresholds_table.map_or_else(Thresholds::default, |(table, span)| {
        thresholds::read_agreed(source, table, span, &mut problems)
    });
    let answers = match answers_table {
        Some((table, _)) => read_answers(source, table, &mut problems),
        None => BTreeMap::new(),
    };
    let conflicts = conflicts_table.map_or_else(Default::default, |(table, _)| {
        read_conflicts(source, table, &mut problems)
    });
    let na_lines = answers_table.map_or_else(BTreeMap::new, |(table, _)| {
        na_lines(source, table, &answers)
    });
    match (organization, created, target) {
        (Some(organization), Some(created), Some(target)) if problems.is_empty() => {
            let mut assessment = Assessment::new(&organization, &assessor, created, target, scope);
            assessment.updated = updated;
            assessment.questionnaire_version = questionnaire_version;
            assessment.report = report;
            assessment.answers = answers;
            assessment.thresholds = agreed;
            assessment.audit = audit;
            assessment.history = history;
            assessment.registers = registers;
            assessment.workshops = workshops;
            assessment.conflicts = conflicts;
            assessment.migrated_from = schema.filter(|&schema| schema < SCHEMA);
            assessment.na_lines = na_lines;
            Ok(assessment)
        }
        _ => {
            problems.sort_by_key(|problem| (problem.line, problem.column));
            Err(problems)
        }
    }
}

/// The oldest schema this version still reads (and upgrades on the next save).
const OLDEST_SCHEMA: i64 = 1;

/// Checks the `schema` field and returns it when this version can read the file.
fn check_schema(fields: &mut Fields<'_, '_>) -> Option<i64> {
    match fields.integer("schema") {
        Some(schema @ OLDEST_SCHEMA..=SCHEMA) => return Some(schema),
        Some(newer) if newer > SCHEMA => fields.report(
            "schema",
            format!("written by a newer soc2-ready (schema {newer}); this version reads schemas {OLDEST_SCHEMA} to {SCHEMA} — please upgrade; the file was left untouched"),
        ),
        Some(other) => fields.report("schema", format!("unknown schema {other}; this version reads schemas {OLDEST_SCHEMA} to {SCHEMA}")),
        None if fields.value("schema").is_none() => {
            fields.report("schema", format!("missing required field (schema = {SCHEMA})"));
        }
        None => {}
    }
    None
}

fn read_target(fields: &mut Fields<'_, '_>) -> Option<Target> {
    let name = fields.required_text("target")?;
    let target = Target::from_key(&name);
    if target.is_none() {
        fields.report(
            "target",
            format!("must be \"type1\" or \"type2\", found \"{name}\""),
        );
    }
    target
}

fn read_scope(fields: &mut Fields<'_, '_>) -> Vec<Category> {
    let names = fields.text_list("scope", false).unwrap_or_default();
    let mut scope = Vec::with_capacity(names.len());
    for name in names {
        match Category::from_key(&name) {
            Some(category) => scope.push(category),
            None => fields.report(
                "scope",
                format!("unknown category \"{name}\" (security, availability, processing-integrity, confidentiality, privacy)"),
            ),
        }
    }
    scope
}

fn read_answers(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, AnswerRecord> {
    let mut answers = BTreeMap::new();
    for (id, value) in table {
        let id = id.get_ref().to_string();
        let toml::de::DeValue::Table(record_table) = value.get_ref() else {
            let problem = source.problem_at(
                value.span(),
                format!("expected a table, found {}", value.get_ref().type_str()),
            );
            problems.push(problem.in_item(&id));
            continue;
        };
        let mut fields = Fields::new(source, record_table, value.span());
        fields.set_item(&id);
        let answer = fields.text("answer").and_then(|name| {
            let answer = Answer::from_key(&name);
            if answer.is_none() {
                fields.report(
                    "answer",
                    format!("unknown answer \"{name}\" (not_in_place, planned, in_place, evidenced, operating, yes, no, na, unsure)"),
                );
            }
            answer
        });
        let record = AnswerRecord {
            answer,
            note: fields.text("note").unwrap_or_default(),
            owner: fields.text("owner").unwrap_or_default(),
            due: time_file::date(&mut fields, "due"),
            na_reason: fields.text("na_reason").unwrap_or_default(),
            evidence: Vec::new(),
        };
        let (evidence, evidence_problems) = time_file::read_evidence(&mut fields, source, &id);
        let record = AnswerRecord { evidence, ..record };
        problems.extend(evidence_problems);
        problems.extend(fields.finish());
        answers.insert(id, record);
    }
    answers
}

/// The line of the `answer` field of every N/A answer read without a reason.
fn na_lines(
    source: SourceText<'_>,
    table: &DeTable<'_>,
    answers: &BTreeMap<String, AnswerRecord>,
) -> BTreeMap<String, usize> {
    table
        .iter()
        .filter(|(id, _)| {
            answers
                .get(id.get_ref().as_ref())
                .is_some_and(AnswerRecord::lacks_na_reason)
        })
        .filter_map(|(id, value)| {
            let toml::de::DeValue::Table(record) = value.get_ref() else {
                return None;
            };
            let answer = record.get("answer")?;
            Some((
                id.get_ref().to_string(),
                source.line_column(answer.span().start).0,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Level;
    use jiff::civil::Date;

    fn parse(text: &str) -> Result<Assessment, Vec<String>> {
        from_toml(SourceText::new("a.toml", text))
            .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn round_trip_keeps_every_field_including_unknown_ids() {
        let mut assessment = Assessment::new(
            "Müller & Søn GmbH",
            "Jane \"JD\" Doe",
            Date::constant(2026, 11, 24),
            Target::Type2,
            [Category::Availability, Category::Privacy],
        );
        assessment.updated = Some("2026-11-24T10:00:00Z".parse().unwrap());
        assessment.questionnaire_version = "builtin-0.1.0".into();
        assessment.edit("CC6.1.mfa", |record| {
            record.answer = Some(Answer::Level(Level::Evidenced));
            record.note = "Enforced in Workspace — “not” yet on root\nsecond line".into();
            record.owner = "CTO".into();
            record.due = Some(Date::constant(2027, 1, 31));
        });
        assessment.edit("X.unknown.id", |record| {
            record.answer = Some(Answer::NotApplicable);
            record.na_reason = "no offices".into();
        });
        assessment.edit("CC1.1.note-only", |record| {
            record.note = "to discuss".into()
        });
        assessment.report = ReportNotes {
            observations: "Strong engineering culture.\n\nNo one owns vendor risk yet.".into(),
            reviewed_by: "Sam Lee".into(),
            version: "1.0".into(),
        };
        let text = to_toml(&assessment);
        assert!(text.contains("reviewed_by = \"Sam Lee\""), "{text}");
        assert_eq!(parse(&text), Ok(assessment));
    }

    #[test]
    fn n_a_without_a_reason_is_kept_and_its_line_remembered() {
        let text = "schema = 2\norganization = \"A\"\ncreated = \"2026-11-24\"\ntarget = \"type1\"\n\n[answers.\"CC6.4.office-access\"]\nnote = \"remote\"\nanswer = \"na\"\n\n[answers.\"CC6.1.mfa\"]\nanswer = \"na\"\nna_reason = \"no logins\"\n";
        let assessment = parse(text).unwrap();
        assert_eq!(
            assessment.na_lines,
            BTreeMap::from([("CC6.4.office-access".to_string(), 8)])
        );
        let record = assessment.record("CC6.4.office-access").unwrap();
        assert_eq!(record.answer, Some(Answer::NotApplicable));
        assert_eq!(assessment.answer("CC6.4.office-access"), None);
        // Written back as it was read: the file keeps its N/A.
        assert!(to_toml(&assessment).contains("answer = \"na\""));
    }

    #[test]
    fn report_notes_are_optional_and_must_be_text() {
        let base =
            "schema = 1\norganization = \"A\"\ncreated = \"2026-11-24\"\ntarget = \"type1\"\n";
        let plain = parse(base).unwrap();
        assert_eq!(plain.report, ReportNotes::default());
        assert!(
            !to_toml(&plain).contains("observations"),
            "empty notes are not written"
        );
        let problems = parse(&format!("{base}observations = 3\n")).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("a.toml:5:16: field `observations`: expected text"),
            "{problems:?}"
        );
    }

    #[test]
    fn accepts_the_documented_example() {
        let text = r#"schema = 1
organization = "Acme Inc"
assessor = "Jane Doe"
created = "2026-11-24"
target = "type2"
scope = ["security", "availability"]
[answers."CC6.1.mfa"]
answer = "evidenced"
note = "Enforced in Workspace; not yet on the cloud root account"
owner = "CTO"
due = "2027-01-31"
na_reason = ""
"#;
        let assessment = parse(text).unwrap();
        assert_eq!(
            assessment.answer("CC6.1.mfa"),
            Some(Answer::Level(Level::Evidenced))
        );
        assert_eq!(assessment.scope().len(), 2);
    }

    #[test]
    fn every_problem_is_located() {
        let text = "schema = 1\norganization = \"\"\ncreated = \"24/11/2026\"\ntarget = \"type3\"\nscope = [\"securty\"]\ncolour = 1\n[answers.\"CC6.1.mfa\"]\nanswer = \"done\"\ndue = \"soon\"\n";
        let problems = parse(text).unwrap_err();
        let expected = [
            "a.toml:2:16: field `organization`: must not be empty",
            "a.toml:3:11: field `created`: expected a date such as 2027-01-31, found \"24/11/2026\"",
            "a.toml:4:10: field `target`: must be \"type1\" or \"type2\", found \"type3\"",
            "a.toml:5:9: field `scope`: unknown category \"securty\"",
            "a.toml:6:1: field `colour`: unknown field (a typo?)",
            "a.toml:8:10: CC6.1.mfa: field `answer`: unknown answer \"done\"",
            "a.toml:9:7: CC6.1.mfa: field `due`: expected a date such as 2027-01-31, found \"soon\"",
        ];
        for want in expected {
            assert!(
                problems.iter().any(|p| p.starts_with(want)),
                "missing {want:?} in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    #[test]
    fn agreed_thresholds_round_trip_and_need_both_values() {
        let mut assessment =
            Assessment::new("Acme", "", Date::constant(2026, 11, 24), Target::Type1, []);
        assessment.thresholds = Thresholds {
            ready: Some(0.9),
            getting_there: Some(0.6),
        };
        let text = to_toml(&assessment);
        assert!(
            text.contains("[thresholds]\nready = 0.9\ngetting_there = 0.6\n"),
            "{text}"
        );
        assert_eq!(parse(&text), Ok(assessment));
        let problems = parse(
            "schema = 1\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type1\"\n[thresholds]\nready = 0.9\n",
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "a.toml:5:1: thresholds: field `getting_there`: missing: an assessment's [thresholds] sets both `ready` and `getting_there`"
            ]
        );
        let problems = parse(
            "schema = 1\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type1\"\n[thresholds]\nready = 0.5\ngetting_there = 0.7\n",
        )
        .unwrap_err();
        assert!(
            problems[0].starts_with(
                "a.toml:7:17: thresholds: field `getting_there`: must be below `ready` (0.5)"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn newer_schema_asks_for_an_upgrade() {
        let problems =
            parse("schema = 6\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type1\"\n")
                .unwrap_err();
        assert!(
            problems[0].contains("newer soc2-ready (schema 6)"),
            "{problems:?}"
        );
        let problems =
            parse("organization = \"A\"\ncreated = 2026-11-24\ntarget = \"type1\"\n").unwrap_err();
        assert!(
            problems[0].contains("field `schema`: missing"),
            "{problems:?}"
        );
    }
}
