//! The schema-5 part of the assessment file: the `[[workshops]]` sessions with their
//! `[[workshops.decisions]]` and `[[workshops.follow_ups]]`, written in a stable order and
//! read back with located errors (unknown fields, bad dates and times, empty names).

use jiff::Timestamp;
use serde::Serialize;

use super::registers_file::{collect, required_date};
use super::time_file::date;
use super::workshop::{Decision, FollowUp, Workshop};
use crate::diagnostics::{Problem, SourceText};
use crate::toml_fields::Fields;

/// The workshop sessions as written.
#[derive(Serialize)]
pub(super) struct WorkshopsOut<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    workshops: Vec<WorkshopOut<'a>>,
}

#[derive(Serialize)]
struct WorkshopOut<'a> {
    date: String,
    started: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    ended: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attendees: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    decisions: Vec<DecisionOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    follow_ups: Vec<FollowUpOut<'a>>,
}

#[derive(Serialize)]
struct DecisionOut<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<&'a str>,
}

#[derive(Serialize)]
struct FollowUpOut<'a> {
    question: &'a str,
    owner: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

impl<'a> WorkshopsOut<'a> {
    /// The written form of `workshops`.
    pub(super) fn new(workshops: &'a [Workshop]) -> Self {
        Self {
            workshops: workshops.iter().map(workshop_out).collect(),
        }
    }
}

fn workshop_out(workshop: &Workshop) -> WorkshopOut<'_> {
    WorkshopOut {
        date: workshop.date.to_string(),
        started: workshop.started.to_string(),
        ended: workshop.ended.map(|time| time.to_string()),
        attendees: &workshop.attendees,
        decisions: workshop
            .decisions
            .iter()
            .map(|decision| DecisionOut {
                text: &decision.text,
                question: decision.question.as_deref(),
            })
            .collect(),
        follow_ups: workshop
            .follow_ups
            .iter()
            .map(|follow_up| FollowUpOut {
                question: &follow_up.question,
                owner: &follow_up.owner,
                due: follow_up.due.map(|due| due.to_string()),
                note: &follow_up.note,
            })
            .collect(),
    }
}

/// Reads the workshop sessions from the top level of the file.
pub(super) fn read_workshops(
    fields: &mut Fields<'_, '_>,
    source: SourceText<'_>,
) -> (Vec<Workshop>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut workshops = Vec::new();
    for (table, span) in fields.tables("workshops") {
        let mut entry = Fields::new(source, table, span);
        entry.set_item("workshops");
        let workshop = read_workshop(&mut entry, source, &mut problems);
        collect(entry, workshop, &mut workshops, &mut problems);
    }
    (workshops, problems)
}

/// A time such as 2026-12-05T13:00:00Z.
fn time(entry: &mut Fields<'_, '_>, key: &'static str) -> Option<Timestamp> {
    let text = entry.text_or_datetime(key)?;
    let time = text.parse::<Timestamp>().ok();
    if time.is_none() {
        entry.report(
            key,
            format!("expected a time such as 2026-12-05T13:00:00Z, found \"{text}\""),
        );
    }
    time
}

fn read_workshop(
    entry: &mut Fields<'_, '_>,
    source: SourceText<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Workshop> {
    let day = required_date(entry, "date");
    let started = time(entry, "started");
    if entry.value("started").is_none() {
        entry.report(
            "started",
            "missing required field (a time such as 2026-12-05T13:00:00Z)",
        );
    }
    let ended = time(entry, "ended");
    let attendees = entry.text_list("attendees", false).unwrap_or_default();
    let mut decisions = Vec::new();
    for (table, span) in entry.tables("decisions") {
        let mut fields = Fields::new(source, table, span);
        fields.set_item("workshops.decisions");
        let text = fields.required_line("text");
        let question = fields.text("question").filter(|id| !id.trim().is_empty());
        let decision = text.map(|text| Decision { text, question });
        collect(fields, decision, &mut decisions, problems);
    }
    let mut follow_ups = Vec::new();
    for (table, span) in entry.tables("follow_ups") {
        let mut fields = Fields::new(source, table, span);
        fields.set_item("workshops.follow_ups");
        let question = fields.required_line("question");
        let owner = fields.required_line("owner");
        let due = date(&mut fields, "due");
        let note = fields.text("note").unwrap_or_default();
        let follow_up = question.zip(owner).map(|(question, owner)| FollowUp {
            question,
            owner,
            due,
            note,
        });
        collect(fields, follow_up, &mut follow_ups, problems);
    }
    Some(Workshop {
        date: day?,
        started: started?,
        ended,
        attendees,
        decisions,
        follow_ups,
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::super::file::{from_toml, to_toml};
    use super::*;
    use crate::assessment::Assessment;
    use crate::questionnaire::Target;

    fn parse(text: &str) -> Result<Assessment, Vec<String>> {
        from_toml(SourceText::new("a.toml", text))
            .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    const HEAD: &str =
        "schema = 5\norganization = \"A\"\ncreated = 2026-11-24\ntarget = \"type2\"\n";

    #[test]
    fn sessions_round_trip() {
        let mut assessment =
            Assessment::new("Acme", "", Date::constant(2026, 11, 24), Target::Type2, []);
        let mut session = Workshop::new(
            Date::constant(2026, 12, 5),
            "2026-12-05T13:00:00Z".parse().unwrap(),
        );
        session.ended = Some("2026-12-05T14:30:00Z".parse().unwrap());
        session.attendees = vec!["Ana Díaz".into(), "Ben \"B\" Okafor".into()];
        session.decisions.push(Decision {
            text: "Laptops get disk encryption by MDM".into(),
            question: Some("CC6.7.disk-encryption".into()),
        });
        session.decisions.push(Decision {
            text: "Quarterly access reviews start in January".into(),
            question: None,
        });
        session.follow_up(FollowUp {
            question: "CC6.1.mfa".into(),
            owner: "CTO".into(),
            due: Some(Date::constant(2026, 12, 19)),
            note: "root account?".into(),
        });
        assessment.workshops.push(session);
        let text = to_toml(&assessment);
        assert!(text.contains("[[workshops.follow_ups]]"), "{text}");
        assert!(text.contains("[[workshops.decisions]]"), "{text}");
        assert_eq!(parse(&text), Ok(assessment));
    }

    #[test]
    fn bad_fields_are_located() {
        let text = format!(
            "{HEAD}\n[[workshops]]\ndate = \"5/12/2026\"\nstarted = \"1pm\"\nroom = 3\n\n[[workshops.follow_ups]]\nquestion = \"CC6.1.mfa\"\ndue = \"soon\"\n"
        );
        let problems = parse(&text).unwrap_err();
        let expected = [
            "a.toml:7:8: workshops: field `date`: expected a date",
            "a.toml:8:11: workshops: field `started`: expected a time such as 2026-12-05T13:00:00Z, found \"1pm\"",
            "a.toml:9:1: workshops: field `room`: unknown field",
            "a.toml:11:1: workshops.follow_ups: field `owner`: missing required field",
            "a.toml:13:7: workshops.follow_ups: field `due`: expected a date",
        ];
        for want in expected {
            assert!(
                problems.iter().any(|problem| problem.contains(want)),
                "missing {want:?} in {problems:#?}"
            );
        }
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    }

    #[test]
    fn a_schema_4_file_has_no_sessions_and_upgrades_on_save() {
        let old = parse(&HEAD.replace("schema = 5", "schema = 4")).unwrap();
        assert!(old.workshops.is_empty());
        assert_eq!(old.migrated_from, Some(4));
        let text = to_toml(&old);
        assert!(text.contains("schema = 5"), "{text}");
        assert!(!text.contains("workshops"), "{text}");
    }
}
