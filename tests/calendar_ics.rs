//! The control calendar (`soc2-ready calendar PATH --format ics`), parsed back with the
//! icalendar crate: one recurring event per periodic control in the report's schedule, one
//! event per gap with a due date, stable UIDs, RFC 5545 framing (CRLF, folded lines of at
//! most 75 octets) and hostile text escaped and read back intact.

mod report_support;

use std::path::Path;

use icalendar::{Calendar, Component, Event};
use report_support::{FIXTURES, command_stdout, fixture, json, soc2_ready};
use serde_json::Value;

/// The iCalendar file of the assessment at `path`, from standard output.
fn ics_of(path: &Path) -> String {
    command_stdout("calendar", path, &["--format", "ics"])
}

fn events(text: &str) -> Vec<Event> {
    let calendar: Calendar = text.parse().expect("an iCalendar file");
    calendar
        .components
        .iter()
        .filter_map(|component| component.as_event().cloned())
        .collect()
}

fn uid(event: &Event) -> &str {
    event.get_uid().expect("every event has a UID")
}

#[test]
fn every_fixture_gives_one_event_per_control_and_dated_gap() {
    for name in FIXTURES {
        let model = json(name);
        let text = ics_of(&fixture(name));
        assert!(
            text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{name}"
        );
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            text.split("\r\n")
                .all(|line| line.len() <= 75 && !line.contains('\n')),
            "{name}: CRLF lines of at most 75 octets"
        );
        let events = events(&text);
        let schedule = model["schedule"].as_array().unwrap();
        let dated: Vec<&Value> = model["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|gap| !gap["due"].is_null())
            .collect();
        assert_eq!(events.len(), schedule.len() + dated.len(), "{name}");
        let recurring = events
            .iter()
            .filter(|event| event.property_value("RRULE").is_some())
            .count();
        assert_eq!(recurring, schedule.len(), "{name}: the controls recur");
        let mut uids: Vec<&str> = events.iter().map(uid).collect();
        assert!(
            uids.iter()
                .all(|uid| uid.is_ascii() && uid.ends_with("@soc2-ready"))
        );
        uids.sort_unstable();
        uids.dedup();
        assert_eq!(uids.len(), events.len(), "{name}: one UID per event");
    }
}

#[test]
fn controls_recur_from_their_next_due_date_and_overdue_ones_start_today() {
    let text = ics_of(&fixture("export-hostile"));
    let events = events(&text);
    let find = |needle: &str| {
        events
            .iter()
            .find(|event| uid(event).contains(needle))
            .unwrap_or_else(|| panic!("no event {needle}"))
    };
    let reviews = find("control.CC6.3.access-reviews");
    assert_eq!(
        reviews.property_value("RRULE"),
        Some("FREQ=MONTHLY;INTERVAL=3")
    );
    assert_eq!(
        reviews.property_value("DTSTART"),
        Some("20261124"),
        "overdue: today"
    );
    assert!(reviews.get_summary().unwrap().starts_with("Overdue: "));
    let pentest = find("control.CC4.1.penetration-test");
    assert_eq!(pentest.property_value("DTSTART"), Some("20270620"));
    assert_eq!(
        pentest.property_value("RRULE"),
        Some("FREQ=MONTHLY;INTERVAL=12")
    );
    let description = pentest.get_description().unwrap();
    assert!(description.contains("Owner: CTO"), "{description}");
    assert!(description.contains("Evidence to keep each time:"));

    let mfa = find("gap.CC6.1.mfa");
    assert_eq!(mfa.property_value("DTSTART"), Some("20270131"));
    assert_eq!(mfa.property_value("RRULE"), None);
    let plan = find("gap.CC7.4.incident-response-plan");
    assert_eq!(plan.property_value("DTSTART"), Some("20261124"));
    assert!(
        plan.get_summary()
            .unwrap()
            .starts_with("Overdue since 2026-10-01: ")
    );
}

#[test]
fn hostile_text_is_escaped_and_read_back_intact() {
    let model = json("export-hostile");
    let text = ics_of(&fixture("export-hostile"));
    assert!(text.contains("\\,") && text.contains("\\;") && text.contains("\\n"));
    let events = events(&text);
    let reviews = events
        .iter()
        .find(|event| uid(event).contains("CC6.3.access-reviews"))
        .unwrap();
    let owner = "Dana, Security; \"lead\"";
    assert!(
        reviews
            .get_description()
            .unwrap()
            .contains(&format!("Owner: {owner}")),
        "{:?}",
        reviews.get_description()
    );
    let mfa = events
        .iter()
        .find(|event| uid(event).contains("gap.CC6.1.mfa"))
        .unwrap();
    let description = mfa.get_description().unwrap();
    let owner = model["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|gap| gap["id"] == "CC6.1.mfa")
        .unwrap()["owner"]
        .as_str()
        .unwrap();
    assert!(
        description.contains(&format!("Owner: {owner}")),
        "{description}"
    );
    assert!(
        description.contains("Remediation steps:\n1. "),
        "{description}"
    );
    let calendar: Calendar = text.parse().unwrap();
    assert_eq!(
        calendar.property_value("X-WR-CALNAME"),
        Some("SOC 2 controls: Acme \"Ltd\", 株式会社; R&D")
    );
}

#[test]
fn the_same_file_each_time_and_refused_over_the_assessment() {
    let first = ics_of(&fixture("partial"));
    assert_eq!(first, ics_of(&fixture("partial")), "stable UIDs and stamps");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    std::fs::copy(fixture("partial"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let output = soc2_ready()
        .arg("calendar")
        .arg(&path)
        .arg("--output")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the assessment is kept"
    );
    let written = soc2_ready().arg("calendar").arg(&path).output().unwrap();
    assert!(written.status.success());
    let out = dir
        .path()
        .join("acme-inc-soc2-control-calendar-2026-11-24.ics");
    assert_eq!(
        String::from_utf8_lossy(&written.stdout).trim(),
        out.display().to_string()
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
}
