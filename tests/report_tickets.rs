//! Tracker tickets (`report --format tickets --tracker jira|linear|github`), read back with
//! the csv crate: one ticket per gap in the order of the JSON report, the header each
//! tracker's import maps, priorities, labels, due dates, stable external ids, and hostile
//! text (quotes, commas, line breaks, CJK, leading `=`/`+`/`@`) kept intact but never run as
//! a formula.

mod report_support;

use std::path::Path;

use report_support::{FIXTURES, fixture, json, report_stdout, soc2_ready};
use serde_json::Value;

/// The tickets CSV of the assessment at `path` for `tracker`: the header and the rows.
fn tickets_at(path: &Path, tracker: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let text = report_stdout(path, &["--format", "tickets", "--tracker", tracker]);
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    (header, rows)
}

/// The tickets of fixture `name` for `tracker`.
fn tickets(name: &str, tracker: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    tickets_at(&fixture(name), tracker)
}

fn column(header: &[String], title: &str) -> usize {
    header
        .iter()
        .position(|name| name == title)
        .unwrap_or_else(|| panic!("no column {title} in {header:?}"))
}

/// The fields each tracker's import needs, by its own names: summary, description,
/// priority-or-labels, due date, assignee, external id.
const TRACKERS: [(&str, [&str; 5]); 3] = [
    (
        "jira",
        [
            "Summary",
            "Description",
            "Due Date",
            "Assignee",
            "External ID",
        ],
    ),
    (
        "linear",
        [
            "Title",
            "Description",
            "Due Date",
            "Assignee",
            "External ID",
        ],
    ),
    (
        "github",
        ["title", "body", "due_date", "assignees", "external_id"],
    ),
];

#[test]
fn one_ticket_per_gap_in_rank_order_for_every_tracker() {
    for name in FIXTURES {
        let model = json(name);
        let gaps = model["gaps"].as_array().unwrap();
        for (tracker, [summary, description, due, assignee, id]) in TRACKERS {
            let (header, rows) = tickets(name, tracker);
            assert_eq!(rows.len(), gaps.len(), "{name} {tracker}");
            for (row, gap) in rows.iter().zip(gaps) {
                let question = gap["id"].as_str().unwrap();
                assert_eq!(&row[column(&header, id)], format!("soc2-ready:{question}"));
                assert!(row[column(&header, summary)].ends_with(gap["title"].as_str().unwrap()));
                let body = &row[column(&header, description)];
                assert!(body.contains("Remediation steps:"), "{body}");
                assert!(body.ends_with(&format!("soc2-ready id: soc2-ready:{question}")));
                assert_eq!(
                    &row[column(&header, due)],
                    gap["due"].as_str().unwrap_or("")
                );
                assert_eq!(
                    &row[column(&header, assignee)],
                    gap["owner"].as_str().unwrap().trim()
                );
            }
        }
    }
}

fn gap<'a>(model: &'a Value, id: &str) -> &'a Value {
    model["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|gap| gap["id"] == id)
        .unwrap()
}

#[test]
fn each_tracker_gets_its_own_priorities_and_labels() {
    let model = json("early-stage");
    let first = &model["gaps"][0];
    assert_eq!(first["severity"], "critical");
    let criterion = first["criterion"].as_str().unwrap();
    let stage = format!("stage-{}", first["stage"].as_str().unwrap());

    let (header, rows) = tickets("early-stage", "jira");
    assert_eq!(header.iter().filter(|name| *name == "Labels").count(), 4);
    assert_eq!(&rows[0][column(&header, "Priority")], "Highest");
    assert_eq!(&rows[0][column(&header, "Issue Type")], "Task");
    let labels: Vec<&str> = header
        .iter()
        .zip(rows[0].iter())
        .filter(|(name, _)| *name == "Labels")
        .map(|(_, label)| label)
        .collect();
    assert!(
        labels.contains(&"soc2") && labels.contains(&criterion) && labels.contains(&stage.as_str())
    );
    assert!(
        labels.iter().all(|label| !label.contains(' ')),
        "{labels:?}"
    );

    let (header, rows) = tickets("early-stage", "linear");
    assert_eq!(&rows[0][column(&header, "Priority")], "Urgent");
    assert_eq!(&rows[0][column(&header, "Status")], "Todo");
    let labels: Vec<&str> = rows[0][column(&header, "Labels")].split(',').collect();
    assert!(labels.contains(&criterion) && labels.contains(&stage.as_str()));

    let (header, rows) = tickets("early-stage", "github");
    let labels: Vec<&str> = rows[0][column(&header, "labels")].split(',').collect();
    assert!(labels.contains(&"priority:critical"), "{labels:?}");
    let with_due = (0..rows.len())
        .find(|&at| !rows[at][column(&header, "due_date")].is_empty())
        .expect("a gap with a due date");
    let due = &rows[with_due][column(&header, "due_date")];
    assert!(rows[with_due][column(&header, "body")].contains(&format!("Due {due}.")));
}

#[test]
fn hostile_text_arrives_intact_and_is_never_a_formula() {
    let model = json("export-hostile");
    let (header, rows) = tickets("export-hostile", "jira");
    let id = column(&header, "External ID");
    let mfa = rows
        .iter()
        .find(|row| &row[id] == "soc2-ready:CC6.1.mfa")
        .expect("the MFA ticket");
    assert_eq!(
        &mfa[column(&header, "Assignee")],
        "'=cmd|' /C calc'!A0",
        "a formula gets a leading apostrophe"
    );
    let note = gap(&model, "CC6.1.mfa")["note"].as_str().unwrap();
    assert!(note.contains('\n') && note.contains(',') && note.contains('"'));
    assert!(
        mfa[column(&header, "Description")].contains(note),
        "the note with its quotes, commas, line break and CJK"
    );
    let plan = rows
        .iter()
        .find(|row| &row[id] == "soc2-ready:CC7.4.incident-response-plan")
        .unwrap();
    assert_eq!(&plan[column(&header, "Assignee")], "'+SUM(A1:A9)");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '@']) || cell.starts_with("+ "),
                "{cell:?} could run as a formula"
            );
        }
    }
}

/// The external ids of the Jira tickets of the assessment at `path`.
fn external_ids(path: &Path) -> Vec<String> {
    let (header, rows) = tickets_at(path, "jira");
    let id = column(&header, "External ID");
    rows.iter().map(|row| row[id].to_string()).collect()
}

#[test]
fn a_second_export_after_a_change_matches_the_first_by_external_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    std::fs::copy(fixture("early-stage"), &path).unwrap();
    let first = external_ids(&path);
    let mut unique = first.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), first.len(), "one id per question");
    let closed = first[0].strip_prefix("soc2-ready:").unwrap().to_string();
    let answer = soc2_ready()
        .arg("answer")
        .arg(&path)
        .args([closed.as_str(), "operating"])
        .output()
        .unwrap();
    assert!(
        answer.status.success(),
        "{}",
        String::from_utf8_lossy(&answer.stderr)
    );
    let second = external_ids(&path);
    assert_eq!(second.len(), first.len() - 1);
    assert!(!second.contains(&first[0]), "the closed gap has no ticket");
    assert!(
        second.iter().all(|id| first.contains(id)),
        "every other ticket keeps its id"
    );
}

#[test]
fn an_unknown_tracker_is_refused_with_the_choices() {
    let output = soc2_ready()
        .arg("report")
        .arg(fixture("partial"))
        .args([
            "--format",
            "tickets",
            "--tracker",
            "trello",
            "--output",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("trello") && stderr.contains("jira") && stderr.contains("github"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}
