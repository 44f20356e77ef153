//! The evidence request list an auditor sends after the kickoff (often called the PBC
//! list, "provided by client"), answered: one row per tested control with what an auditor
//! asks for, the evidence entries with their dates and covered periods, what the latest
//! imports found, the coverage of the observation window and a status. Pure: the package writer turns it into
//! `request-list.csv`, `request-list.md`, `README.txt` and the member names of the files.

mod csv;
mod markdown;
mod readme;
mod registers;
#[cfg(test)]
mod tests;

pub use csv::render as render_csv;
pub use markdown::render as render_markdown;
pub use readme::{Contents, render as render_readme};
pub use registers::{REGISTERS_FOLDER, RegisterFile, register_files};

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use crate::assessment::Assessment;
use crate::assessment::locker::{numbered, safe_part};
use crate::import::recorded;
use crate::questionnaire::{Question, Questionnaire, Target};
use crate::time::coverage::{self, CoverageReport, Status, StatusCounts, Window};

/// Where the evidence files sit inside the package.
pub const EVIDENCE_FOLDER: &str = "evidence";

/// The request list of one assessment on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestList {
    /// The organisation under examination.
    pub organization: String,
    /// Who prepared the assessment.
    pub assessor: String,
    /// The report the company aims for.
    pub target: Target,
    /// The observation window coverage is measured over.
    pub window: Window,
    /// The day the list was made.
    pub today: Date,
    /// How many tested controls have each status.
    pub counts: StatusCounts,
    /// Tested controls first, in questionnaire order, then other questions with evidence.
    pub rows: Vec<RequestRow>,
}

/// One control of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRow {
    /// The criterion (`CC6.1`), or `ATT` / `CERT` for the later stages.
    pub criterion: String,
    /// The question id.
    pub question: String,
    /// The control's short name.
    pub title: String,
    /// What an auditor asks to see (the question's evidence examples).
    pub asks_for: Vec<String>,
    /// The evidence entries recorded for it.
    pub entries: Vec<EntryLine>,
    /// What the latest import of each source found (`Imported 2026-11-30: …`).
    pub findings: Vec<String>,
    /// The coverage of the window in words ("2 of 4 quarterly occurrences covered …").
    pub coverage: String,
    /// Provided, partly, missing, out of period or expired.
    pub status: Status,
    /// Whether an auditor tests it (an in-scope control); `false` for other questions
    /// listed only because they hold evidence.
    pub tested: bool,
}

/// One evidence entry of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLine {
    /// Its title.
    pub title: String,
    /// Where it was said to be (a text-only entry's only pointer).
    pub location: String,
    /// The day it was collected.
    pub collected: Date,
    /// The period it shows, both days included.
    pub period: Option<(Date, Date)>,
    /// The day it stops counting.
    pub expires: Option<Date>,
    /// Whether it has expired on the list's day.
    pub expired: bool,
    /// Its files.
    pub files: Vec<FileLine>,
}

/// One evidence file and where it goes in the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLine {
    /// Its path inside the evidence folder, as recorded.
    pub recorded: String,
    /// Its member name in the package: `evidence/CRITERION/QUESTION-ID/FILE`.
    pub member: String,
    /// Its recorded size in bytes.
    pub size: u64,
    /// Its recorded SHA-256.
    pub sha256: String,
}

impl RequestList {
    /// The request list of `assessment` on `today`.
    pub fn build(questionnaire: &Questionnaire, assessment: &Assessment, today: Date) -> Self {
        let report = CoverageReport::of(questionnaire, assessment, today);
        let mut rows: Vec<RequestRow> = report
            .controls
            .iter()
            .filter_map(|control| {
                let question = questionnaire.question(&control.question)?;
                Some(row(
                    question,
                    assessment,
                    control.describe(),
                    control.status,
                    true,
                    today,
                ))
            })
            .collect();
        let supporting = questionnaire.questions().iter().filter(|question| {
            report.control(&question.id).is_none()
                && assessment
                    .record(&question.id)
                    .is_some_and(|record| !record.evidence.is_empty())
        });
        for question in supporting {
            let entries = &assessment
                .record(&question.id)
                .expect("filtered on its record")
                .evidence;
            let control = coverage::coverage_of(&question.id, None, entries, report.window, today);
            rows.push(row(
                question,
                assessment,
                control.describe(),
                control.status,
                false,
                today,
            ));
        }
        Self {
            organization: assessment.organization.clone(),
            assessor: assessment.assessor.clone(),
            target: assessment.target,
            window: report.window,
            today,
            counts: report.counts,
            rows,
        }
    }

    /// Every file of the list, in row order.
    pub fn files(&self) -> impl Iterator<Item = &FileLine> {
        self.rows
            .iter()
            .flat_map(|row| &row.entries)
            .flat_map(|entry| &entry.files)
    }

    /// Rows that are tested controls.
    pub fn tested(&self) -> impl Iterator<Item = &RequestRow> {
        self.rows.iter().filter(|row| row.tested)
    }
}

/// The row of `question`, with member names for its files.
fn row(
    question: &Question,
    assessment: &Assessment,
    coverage: String,
    status: Status,
    tested: bool,
    today: Date,
) -> RequestRow {
    let folder = format!(
        "{EVIDENCE_FOLDER}/{}/{}",
        safe_part(&question.criterion),
        safe_part(&question.id)
    );
    let mut names = MemberNames::default();
    let record = assessment.record(&question.id);
    let entries = record
        .map_or(&[][..], |record| &record.evidence)
        .iter()
        .map(|entry| EntryLine {
            title: entry.title.clone(),
            location: entry.location.clone(),
            collected: entry.collected,
            period: entry.period,
            expires: entry.expires,
            expired: entry.expired(today),
            files: entry
                .files
                .iter()
                .map(|file| FileLine {
                    recorded: file.path.clone(),
                    member: format!("{folder}/{}", names.name_for(&file.path)),
                    size: file.size,
                    sha256: file.sha256.clone(),
                })
                .collect(),
        })
        .collect();
    RequestRow {
        criterion: question.criterion.clone(),
        question: question.id.clone(),
        title: question.title.clone(),
        asks_for: question.evidence.clone(),
        entries,
        findings: record.map(recorded::finding_lines).unwrap_or_default(),
        coverage,
        status,
        tested,
    }
}

/// The file names taken inside one question's folder.
#[derive(Default)]
struct MemberNames {
    /// Lowercased names already given out.
    taken: HashSet<String>,
    /// Recorded path → the name it got, so a file two entries share is packed once.
    given: HashMap<String, String>,
}

impl MemberNames {
    /// The recorded file's own name made safe, numbered (`scan-2.pdf`) when another file
    /// of the same question already took it, ignoring case.
    fn name_for(&mut self, recorded: &str) -> String {
        if let Some(name) = self.given.get(recorded) {
            return name.clone();
        }
        let base = safe_part(recorded.rsplit('/').next().unwrap_or(recorded));
        let mut name = base.clone();
        let mut n = 2;
        while !self.taken.insert(name.to_lowercase()) {
            name = numbered(&base, n);
            n += 1;
        }
        self.given.insert(recorded.to_string(), name.clone());
        name
    }
}

/// A period as the lists write it: `2026-07-01..2026-09-30`.
fn period_text((from, to): (Date, Date)) -> String {
    format!("{from}..{to}")
}

/// One entry on one line: title, collected day, period, expiry and file count.
fn entry_text(entry: &EntryLine) -> String {
    let mut text = format!("{} (collected {}", entry.title, entry.collected);
    if let Some(period) = entry.period {
        text.push_str(&format!(", covers {}", period_text(period)));
    }
    match (entry.expires, entry.expired) {
        (Some(day), true) => text.push_str(&format!(", expired {day}")),
        (Some(day), false) => text.push_str(&format!(", expires {day}")),
        (None, _) => {}
    }
    match entry.files.len() {
        0 if !entry.location.is_empty() => text.push_str(&format!(", at {}", entry.location)),
        0 => text.push_str(", no file"),
        1 => text.push_str(", 1 file"),
        n => text.push_str(&format!(", {n} files")),
    }
    text.push(')');
    text
}
