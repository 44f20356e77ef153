//! `soc2-ready minutes` and `soc2-ready workshop` from the command line (issue 20 §1): the
//! minutes of a session recorded in the file, read back as Markdown and from the PDF, the
//! answers changed against the history, the parking lot with Unsure answers, the readiness
//! before and after as `score` gives it, and the refusals that protect the user's files.

mod report_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use report_support::{fixture, read_pdf, soc2_ready};
use tempfile::TempDir;

/// A session on 2026-11-24 with two attendees, a decision and a parked question.
const SESSION: &str = r#"
[[workshops]]
date = 2026-11-24
started = 2026-11-24T13:00:00Z
ended = 2026-11-24T14:30:00Z
attendees = ["Jane Doe", "Sam Lee"]

[[workshops.decisions]]
text = "MFA is enforced through the identity provider for everyone"
question = "CC6.1.mfa"

[[workshops.follow_ups]]
question = "ATT.auditor"
owner = "CTO"
due = 2026-12-18
note = "shortlist three firms"
"#;

/// Runs the binary on `day` (SOC2_READY_TODAY) with `args`.
fn run_on(day: &str, args: &[&str]) -> Output {
    soc2_ready()
        .env("SOC2_READY_TODAY", day)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Acme's assessment with history on 2026-11-20 (MFA planned) and a workshop on
/// 2026-11-24 where MFA became evidenced and peer review was answered Unsure.
struct Workshop {
    dir: TempDir,
}

impl Workshop {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let workshop = Self { dir };
        let path = workshop.path();
        fs::copy(fixture("partial"), &path).unwrap();
        workshop.answer("2026-11-20", &["CC6.1.mfa", "planned"]);
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str(SESSION);
        fs::write(&path, text).unwrap();
        workshop.answer("2026-11-24", &["CC6.1.mfa", "evidenced"]);
        workshop.answer("2026-11-24", &["CC8.1.change-approval", "u"]);
        workshop
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("acme.toml")
    }

    fn path_str(&self) -> String {
        self.path().display().to_string()
    }

    fn answer(&self, day: &str, args: &[&str]) {
        let path = self.path_str();
        let mut all = vec!["answer", path.as_str()];
        all.extend_from_slice(args);
        succeeded(&run_on(day, &all));
    }

    /// `minutes` on 2026-11-25 with `args`.
    fn minutes(&self, args: &[&str]) -> Output {
        let path = self.path_str();
        let mut all = vec!["minutes", path.as_str()];
        all.extend_from_slice(args);
        run_on("2026-11-25", &all)
    }

    fn markdown(&self, args: &[&str]) -> String {
        let mut all = vec!["--format", "md", "--output", "-"];
        all.extend_from_slice(args);
        succeeded(&self.minutes(&all))
    }
}

/// The three stage percents `score` shows for the file on `day`.
fn score_percents(path: &Path, day: &str) -> Vec<String> {
    let text = succeeded(&run_on(day, &["score", path.to_str().unwrap()]));
    ["Compliance", "Attestation", "“Certification”"]
        .iter()
        .map(|stage| {
            let line = text
                .lines()
                .find(|line| line.trim_start().starts_with(stage))
                .unwrap_or_else(|| panic!("no {stage} line in {text}"));
            let words: Vec<&str> = line.split_whitespace().collect();
            let at = words.iter().position(|word| *word == "%").unwrap();
            words[at - 1].to_string()
        })
        .collect()
}

#[test]
fn markdown_minutes_hold_the_session_the_changes_the_follow_ups_and_the_decisions() {
    let workshop = Workshop::new();
    let text = workshop.markdown(&[]);
    assert!(text.starts_with("# Workshop minutes: Acme Inc"), "{text}");
    assert!(
        text.contains("| Session | 2026-11-24, 13:00–14:30 (1 h 30 min) |"),
        "{text}"
    );
    assert!(text.contains("| Compared with | "), "{text}");
    assert!(text.contains("- Jane Doe\n- Sam Lee\n"), "{text}");
    // Only what changed in the session, against the history before it.
    assert!(
        text.contains("| CC6.1 | CC6.1.mfa | Multi-factor authentication | Planned → Evidenced |"),
        "{text}"
    );
    assert!(
        text.contains(
            "| CC8.1 | CC8.1.change-approval | Peer-reviewed changes | unanswered → Unsure |"
        ),
        "{text}"
    );
    assert!(!text.contains("CC6.4.office-access"), "unchanged: {text}");
    // The parked question, then the Unsure answers in scope.
    assert!(
        text.contains(
            "| ATT.auditor | Licensed CPA firm chosen | CTO | 2026-12-18 | shortlist three firms |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| CC8.1.change-approval | Peer-reviewed changes | no owner yet | no due date | Answered Unsure: find out and answer |"),
        "{text}"
    );
    assert!(
        text.contains("- CC6.1.mfa: MFA is enforced through the identity provider for everyone"),
        "{text}"
    );
    assert!(text.contains("no certificate is issued"), "{text}");
    assert!(!text.to_lowercase().contains("soc 2 certified"), "{text}");
}

#[test]
fn readiness_before_and_after_is_what_score_said_on_those_days() {
    let workshop = Workshop::new();
    let text = workshop.markdown(&[]);
    let after = score_percents(&workshop.path(), "2026-11-25");
    // Before the session: the fixture with only the answer given on 2026-11-20.
    let before_file = workshop.dir.path().join("before.toml");
    fs::copy(fixture("partial"), &before_file).unwrap();
    let before_str = before_file.display().to_string();
    succeeded(&run_on(
        "2026-11-20",
        &["answer", &before_str, "CC6.1.mfa", "planned"],
    ));
    let before = score_percents(&before_file, "2026-11-25");
    for (stage, (was, is)) in ["Compliance", "Attestation", "“Certification”"]
        .iter()
        .zip(before.iter().zip(&after))
    {
        let line = format!("- {stage} {was} % → {is} %");
        assert!(text.contains(&line), "{line:?} not in {text}");
    }
}

#[test]
fn the_pdf_minutes_read_back_with_the_same_content_on_either_paper() {
    let workshop = Workshop::new();
    for (paper, width) in [("a4", 595.0), ("letter", 612.0)] {
        let out = workshop.dir.path().join(format!("minutes-{paper}.pdf"));
        let out_str = out.display().to_string();
        let stdout = succeeded(
            &workshop.minutes(&["--format", "pdf", "--output", &out_str, "--paper", paper]),
        );
        assert_eq!(stdout.trim(), out_str);
        let pdf = read_pdf(fs::read(&out).unwrap());
        pdf.assert_contains("SOC 2 readiness workshop minutes");
        pdf.assert_contains("Acme Inc");
        pdf.assert_contains("Attendees Jane Doe, Sam Lee");
        pdf.assert_contains("CC6.1.mfa");
        pdf.assert_contains("Planned → Evidenced");
        pdf.assert_contains("shortlist three firms");
        pdf.assert_contains("MFA is enforced through the identity provider for everyone");
        let page = pdf.doc.get_pages()[&1];
        let media = pdf
            .doc
            .get_object(page)
            .and_then(lopdf::Object::as_dict)
            .and_then(|page| page.get(b"MediaBox"))
            .and_then(lopdf::Object::as_array)
            .expect("a media box")
            .clone();
        let media_width = media[2].as_float().unwrap();
        assert!((media_width - width).abs() < 1.0, "{paper}: {media_width}");
    }
}

#[test]
fn by_default_the_minutes_go_beside_the_assessment_named_after_the_session() {
    let workshop = Workshop::new();
    let stdout = succeeded(&workshop.minutes(&["--format", "md"]));
    let expected = workshop
        .dir
        .path()
        .join("acme-inc-soc2-workshop-minutes-2026-11-24.md");
    assert_eq!(stdout.trim(), expected.display().to_string());
    assert!(fs::read_to_string(&expected).unwrap().contains("Sam Lee"));
}

#[test]
fn since_takes_every_session_from_that_day_and_refuses_a_bad_date() {
    let workshop = Workshop::new();
    let text = workshop.markdown(&["--since", "2026-11-01"]);
    assert!(text.contains("CC6.1.mfa"), "{text}");
    // Against the history before November nothing is known: every answer is new.
    assert!(text.contains("| Compared with | nothing"), "{text}");

    let output = workshop.minutes(&["--since", "24/11/2026", "--format", "md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--since"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("24/11/2026"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_file_without_a_session_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    fs::copy(fixture("partial"), &path).unwrap();
    let output = run_on(
        "2026-11-25",
        &["minutes", path.to_str().unwrap(), "--format", "md"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("workshop"), "{}", stderr(&output));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
}

#[test]
fn pdf_to_standard_output_and_over_the_assessment_are_refused() {
    let workshop = Workshop::new();
    let before = fs::read(workshop.path()).unwrap();
    let output = workshop.minutes(&["--format", "pdf", "--output", "-"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("standard output"),
        "{}",
        stderr(&output)
    );

    let path = workshop.path_str();
    let output = workshop.minutes(&["--format", "md", "--output", &path]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("is the assessment"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(workshop.path()).unwrap(), before, "unchanged");
}

#[test]
fn a_missing_output_folder_is_named() {
    let workshop = Workshop::new();
    let out = workshop.dir.path().join("no/such/folder/minutes.md");
    let out_str = out.display().to_string();
    let output = workshop.minutes(&["--format", "md", "--output", &out_str]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(&out_str) || stderr(&output).contains("no/such/folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_workshop_command_needs_a_terminal_and_a_sensible_length() {
    let workshop = Workshop::new();
    let path = workshop.path_str();
    let output = run_on("2026-11-25", &["workshop", &path]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("the wizard needs a terminal"),
        "{}",
        stderr(&output)
    );
    let output = run_on("2026-11-25", &["workshop", &path, "--length", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--length"), "{}", stderr(&output));
    let output = run_on("2026-11-25", &["workshop", &path, "--by", "colour"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("owner"), "{}", stderr(&output));
}
