//! The iCalendar renderer (RFC 5545): one recurring all-day event per periodic control on
//! the calendar, with an RRULE for its cadence, and one all-day event per gap with a due
//! date. Written by hand rather than with a crate: the file needs a handful of properties
//! with DATE values, and the rules that make it open everywhere — CRLF line ends, lines
//! folded at 75 octets without splitting a character, TEXT escaping — are a few lines,
//! tested here and read back with an independent parser in the tests.
//!
//! - A control's event starts on its next due date; an overdue control, or one never
//!   logged, starts today, so it shows up now. The cadence is counted in months from that
//!   day; a day after the 28th repeats on that day or the month's last day when shorter
//!   (`BYMONTHDAY=28,29,30;BYSETPOS=-1`), so no month is skipped.
//! - A gap's event is on its due date, or today once that date has passed.
//! - UIDs are stable and ASCII (`<kind>.<question id>.<organisation key>@soc2-ready`, the
//!   key being the first 12 hex digits of the organisation name's SHA-256), so importing a
//!   newer file updates the events instead of adding copies, and two organisations in one
//!   calendar never share an event.
//! - DTSTAMP is the report date, so the same report on the same day gives the same file.

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::Date;
use sha2::{Digest, Sha256};

use super::model::{GapItem, ReportModel};
use super::schedule::ScheduledControl;
use crate::questionnaire::Frequency;
use crate::text_safety::visible_text;
use crate::time::calendar::DueState;

/// The longest line, in octets, before it is folded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// Renders the control calendar and the gap due dates of `model` as an iCalendar file.
pub fn render(model: &ReportModel) -> String {
    let mut out = Lines::default();
    let org = organisation_key(&model.organization);
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//soc2-ready//SOC 2 control calendar//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text(
        "X-WR-CALNAME",
        &format!("SOC 2 controls: {}", model.organization),
    );
    for control in &model.schedule {
        control_event(&mut out, model, &org, control);
    }
    for gap in model.gaps.iter().filter(|gap| gap.due.is_some()) {
        gap_event(&mut out, model, &org, gap);
    }
    out.line("END:VCALENDAR");
    out.0
}

/// The RRULE of a cadence starting on `start`: every so many months, on the same day of
/// the month, or the month's last day when the month is shorter.
fn rrule(frequency: Frequency, start: Date) -> String {
    let mut rule = format!("FREQ=MONTHLY;INTERVAL={}", frequency.months());
    let day = start.day();
    if day > 28 {
        let days: Vec<String> = (28..=day).map(|day| day.to_string()).collect();
        let _ = write!(rule, ";BYMONTHDAY={};BYSETPOS=-1", days.join(","));
    }
    rule
}

fn control_event(out: &mut Lines, model: &ReportModel, org: &str, control: &ScheduledControl) {
    let item = &control.item;
    let start = match (item.state, item.due) {
        (DueState::Overdue | DueState::NeverLogged, _) | (_, None) => model.generated,
        (_, Some(due)) => due,
    };
    let prefix = match item.state {
        DueState::Overdue => "Overdue: ",
        DueState::NeverLogged => "Log it: ",
        DueState::DueSoon | DueState::Upcoming => "",
    };
    let mut description = format!(
        "SOC 2 periodic control {} ({}), {}.",
        item.question,
        control.criterion,
        item.frequency.key()
    );
    match (item.last, item.due) {
        (Some(last), Some(due)) => {
            let _ = write!(
                description,
                "\nLast done {last}; due {due} ({}).",
                item.state.label()
            );
        }
        _ => description.push_str("\nIn place, but no evidence says when it last ran."),
    }
    let owner = control.owner.trim();
    let _ = write!(
        description,
        "\nOwner: {}",
        if owner.is_empty() {
            "nobody yet"
        } else {
            owner
        }
    );
    description.push_str("\n\nEvidence to keep each time:");
    for evidence in &control.evidence {
        let _ = write!(description, "\n- {evidence}");
    }
    out.begin_event(
        &format!("control.{}.{org}", item.question),
        model.generated,
        start,
    );
    out.line(&format!("RRULE:{}", rrule(item.frequency, start)));
    out.text(
        "SUMMARY",
        &format!("{prefix}{} ({})", item.title, item.frequency.key()),
    );
    out.text("DESCRIPTION", &description);
    out.list("CATEGORIES", &["SOC 2", &control.criterion]);
    out.line("TRANSP:TRANSPARENT");
    out.line("END:VEVENT");
}

fn gap_event(out: &mut Lines, model: &ReportModel, org: &str, gap: &GapItem) {
    let Some(due) = gap.due else {
        return;
    };
    let (day, prefix) = if gap.overdue {
        (model.generated, format!("Overdue since {due}: "))
    } else {
        (due, String::new())
    };
    let mut description = format!(
        "SOC 2 gap #{} ({}, {}): {} → {}.\nOwner: {}\n\nRemediation steps:\n{}",
        gap.rank,
        gap.severity.label(),
        gap.question.id,
        gap.current,
        gap.needed,
        if gap.owner.trim().is_empty() {
            "nobody yet"
        } else {
            gap.owner.trim()
        },
        gap.numbered_steps().join("\n"),
    );
    description.push_str("\n\nEvidence to collect:");
    for evidence in &gap.evidence {
        let _ = write!(description, "\n- {evidence}");
    }
    out.begin_event(
        &format!("gap.{}.{org}", gap.question.id),
        model.generated,
        day,
    );
    out.text(
        "SUMMARY",
        &format!("{prefix}Close gap: {}", gap.question.title),
    );
    out.text("DESCRIPTION", &description);
    out.list("CATEGORIES", &["SOC 2", &gap.question.criterion, "gap"]);
    out.line("TRANSP:TRANSPARENT");
    out.line("END:VEVENT");
}

/// An iCalendar file being written: CRLF-terminated, folded content lines.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Adds one content line, folded at [`LINE_OCTETS`] without splitting a character.
    fn line(&mut self, line: &str) {
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > LINE_OCTETS {
                self.0.push_str("\r\n ");
                used = 1;
            }
            self.0.push(c);
            used += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }

    /// Adds a TEXT property, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// Adds a property whose value is a list of TEXT values, each escaped, separated by
    /// commas.
    fn list(&mut self, name: &str, values: &[&str]) {
        let values: Vec<String> = values.iter().map(|value| escape_text(value)).collect();
        self.line(&format!("{name}:{}", values.join(",")));
    }

    /// Opens an all-day VEVENT on `day`.
    fn begin_event(&mut self, uid: &str, stamp: Date, day: Date) {
        self.line("BEGIN:VEVENT");
        self.text("UID", &format!("{uid}@soc2-ready"));
        self.line(&format!("DTSTAMP:{}T000000Z", ics_date(stamp)));
        self.line(&format!("DTSTART;VALUE=DATE:{}", ics_date(day)));
        let next = day.checked_add(1.day()).unwrap_or(day);
        self.line(&format!("DTEND;VALUE=DATE:{}", ics_date(next)));
    }
}

/// The organisation's part of every UID: 12 hex digits of the SHA-256 of its name.
fn organisation_key(organization: &str) -> String {
    Sha256::digest(organization.as_bytes())
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A DATE value: `20270131`.
fn ics_date(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other
/// control characters are made visible first.
fn escape_text(value: &str) -> String {
    let visible = visible_text(value).replace("\r\n", "\n");
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut lines = Lines::default();
        let value = "漢字".repeat(40);
        lines.text("SUMMARY", &value);
        let physical: Vec<&str> = lines.0.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(physical.len() > 1);
        assert!(physical.iter().all(|line| line.len() <= LINE_OCTETS));
        assert!(physical[1..].iter().all(|line| line.starts_with(' ')));
        let unfolded: String = lines.0.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape_text("x\u{1b}y"), "x^[y");
        assert_eq!(ics_date(Date::constant(2027, 1, 5)), "20270105");
    }

    #[test]
    fn the_organisation_key_is_ascii_stable_and_tells_organisations_apart() {
        let key = organisation_key("株式会社 Acme");
        assert_eq!(key.len(), 12);
        assert!(key.bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_eq!(key, organisation_key("株式会社 Acme"));
        assert_ne!(key, organisation_key("株式会社 Acme2"));
    }

    #[test]
    fn cadences_repeat_by_months_without_skipping_short_months() {
        let mid = Date::constant(2027, 1, 15);
        assert_eq!(rrule(Frequency::Quarterly, mid), "FREQ=MONTHLY;INTERVAL=3");
        assert_eq!(rrule(Frequency::Annual, mid), "FREQ=MONTHLY;INTERVAL=12");
        assert_eq!(
            rrule(Frequency::Monthly, Date::constant(2027, 1, 31)),
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
        );
        assert_eq!(
            rrule(Frequency::Annual, Date::constant(2028, 2, 29)),
            "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=28,29;BYSETPOS=-1"
        );
    }

    #[test]
    fn a_list_escapes_each_value_and_keeps_the_separating_commas() {
        let mut lines = Lines::default();
        lines.list("CATEGORIES", &["SOC 2", "a,b"]);
        assert_eq!(lines.0, "CATEGORIES:SOC 2,a\\,b\r\n");
    }
}
