//! The real binary, end to end: help, validation, listings, creating and scoring
//! assessments, and the unhappy paths with their messages and exit codes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-ready"));
    command.env_remove("SOC2_READY_DATA_DIR");
    command
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

#[test]
fn help_and_version() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    for command in ["validate", "criteria", "questions", "new", "score"] {
        assert!(stdout(&help).contains(command), "help lists {command}");
    }
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("soc2-ready {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn validate_summarises_the_built_in_questionnaires() {
    let output = run(&["validate"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Criteria covered: 61 of 61"), "{text}");
    assert!(text.contains("security.toml"));
    assert!(text.contains("“Certification”"));
}

#[test]
fn validate_accepts_a_folder_of_valid_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let output = run(&["validate", "--questionnaires", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("(custom-"));
}

/// Each folder under tests/fixtures/invalid/questionnaires holds bad files and the exact
/// located messages (`expected.txt`) they must produce, all at once, with exit code 2.
#[test]
fn invalid_questionnaires_give_located_errors() {
    let root = fixture("invalid/questionnaires");
    let mut cases = 0;
    for entry in fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        let output = run(&["validate", "--questionnaires", dir.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", dir.display());
        let errors = stderr(&output).replace(&format!("{}/", dir.display()), "");
        let lines: Vec<&str> = expected.lines().filter(|line| !line.is_empty()).collect();
        assert!(!lines.is_empty(), "{} has expectations", dir.display());
        for line in &lines {
            assert!(
                errors.contains(line),
                "{}: missing\n  {line}\nin\n{errors}",
                dir.display()
            );
        }
        assert!(
            errors.contains(&format!("({} problem", lines.len())),
            "{}: {errors}",
            dir.display()
        );
        cases += 1;
    }
    assert!(cases >= 12, "only {cases} cases");
}

/// Each bad assessment under tests/fixtures/invalid/assessments has a `.expected` file.
#[test]
fn invalid_assessments_give_located_errors_and_stay_untouched() {
    let root = fixture("invalid/assessments");
    let mut cases = 0;
    for entry in fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        let before = fs::read(&path).unwrap();
        let expected = fs::read_to_string(path.with_extension("expected")).unwrap();
        let output = run(&["score", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        for line in expected.lines().filter(|line| !line.is_empty()) {
            assert!(
                stderr(&output).contains(line),
                "{}: missing {line}\n{}",
                path.display(),
                stderr(&output)
            );
        }
        assert_eq!(fs::read(&path).unwrap(), before, "file left untouched");
        cases += 1;
    }
    assert!(cases >= 6);
}

#[test]
fn criteria_and_questions_list_as_tsv() {
    let criteria = stdout(&run(&["criteria", "--format", "tsv"]));
    let lines: Vec<&str> = criteria.lines().collect();
    assert_eq!(lines[0], "id\tcategory\tquestions\ttitle");
    assert_eq!(lines.len(), 62);
    assert!(
        lines
            .iter()
            .skip(1)
            .all(|line| line.split('\t').count() == 4)
    );
    assert!(lines.iter().any(|line| line.starts_with("P6.7\tprivacy\t")));

    let questions = stdout(&run(&["questions", "--format", "tsv"]));
    let rows: Vec<&str> = questions.lines().collect();
    assert_eq!(
        rows[0],
        "id\tcriterion\tstage\tkey\tweight\tiso27001\tprompt"
    );
    assert!(rows.len() > 200);
    assert!(
        rows.iter()
            .any(|row| row.starts_with("CC6.1.mfa\tCC6.1\tcompliance\tkey\t4\tA.5.17 A.8.5\t"))
    );
    assert!(
        rows.iter()
            .any(|row| row.starts_with("CERT.claims\tCERT\tcertification\t"))
    );
    let text = stdout(&run(&["criteria"]));
    assert!(text.lines().next().unwrap().starts_with("id     category"));
}

#[test]
fn new_creates_a_private_file_in_the_data_dir_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap();
    let args = [
        "--data-dir",
        data_arg,
        "new",
        "--org",
        "Acme Inc",
        "--assessor",
        "Jane",
        "--scope",
        "availability,privacy",
        "--target",
        "type1",
    ];
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = PathBuf::from(stdout(&output).trim());
    assert_eq!(path, data.join("acme-inc.toml"));
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("organization = \"Acme Inc\""));
    assert!(text.contains("scope = [\"security\", \"availability\", \"privacy\"]"));
    assert!(text.contains("target = \"type1\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(&data).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }

    fs::write(
        &path,
        text.replace("assessor = \"Jane\"", "assessor = \"Jane (edited)\""),
    )
    .unwrap();
    let again = run(&args);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        PathBuf::from(stdout(&again).trim()),
        data.join("acme-inc-2.toml"),
        "the same name again takes the next free file"
    );
    assert!(
        stderr(&again).contains("acme-inc.toml is already taken"),
        "{}",
        stderr(&again)
    );
    assert!(
        fs::read_to_string(&path).unwrap().contains("Jane (edited)"),
        "existing file untouched"
    );

    let output_arg = run(&["new", "--org", "Other", "--output", path.to_str().unwrap()]);
    assert_eq!(output_arg.status.code(), Some(2));
    assert!(fs::read_to_string(&path).unwrap().contains("Jane (edited)"));
}

#[test]
fn new_rejects_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let bad_scope = run(&[
        "--data-dir",
        data,
        "new",
        "--org",
        "Acme",
        "--scope",
        "availabilty",
    ]);
    assert_eq!(bad_scope.status.code(), Some(2));
    assert!(stderr(&bad_scope).contains("unknown category \"availabilty\""));
    let empty_org = run(&["--data-dir", data, "new", "--org", "  "]);
    assert_eq!(empty_org.status.code(), Some(2));
    let bad_target = run(&["--data-dir", data, "new", "--org", "A", "--target", "type3"]);
    assert_eq!(bad_target.status.code(), Some(2));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn new_reports_a_read_only_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_read_only) = common::ReadOnlyDir::new(dir.path()) else {
        return;
    };
    let output = run(&[
        "--data-dir",
        dir.path().to_str().unwrap(),
        "new",
        "--org",
        "Acme",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "cannot save {}",
            dir.path().join("acme.toml").display()
        )),
        "{message}"
    );
    assert!(
        message.contains("permission denied") || message.contains("not permitted"),
        "{message}"
    );
}

#[test]
fn new_with_an_unusable_home_says_where_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("home-is-a-file");
    fs::write(&not_a_folder, "x").unwrap();
    let output = bin()
        .args(["new", "--org", "Acme"])
        .env("HOME", &not_a_folder)
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("cannot create folder"), "{message}");
    assert!(
        message.contains(not_a_folder.to_str().unwrap()),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&not_a_folder).unwrap(), "x");
}

#[test]
fn score_prints_stages_categories_counts_and_gaps() {
    let path = fixture("assessments/cli-partial.toml");
    let output = run(&["score", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "Acme Inc — SOC 2 readiness, aiming for a Type 1 report",
        "Compliance",
        "Attestation (Type 1)",
        "“Certification”",
        "Type 2",
        "Security",
        "Top 2 of 2 gaps (toward Type 1); 155 open questions are not counted as gaps",
        "Not assessed yet",
        "held back by:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(
        text.contains(
            "Counts: 159 questions in scope: 2 answered, 1 N/A, 1 unsure, 155 open; 2 gaps; \
             5 not yet relevant"
        ),
        "four counts that add up: {text}"
    );
    assert!(
        stderr(&output).contains("X.retired.question"),
        "unknown id warned about"
    );
}

#[test]
fn n_a_without_a_reason_is_named_with_its_line_and_counted_as_open() {
    let path = fixture("assessments/cli-na-without-reason.toml");
    let before = fs::read(&path).unwrap();
    let name = path.to_str().unwrap();
    let expected = format!(
        "warning: {name}: N/A needs a reason: CC6.4.office-access at line 18 (counted as open until a reason is given)"
    );
    let output = run(&["score", name]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("159 questions in scope: 2 answered, 0 N/A, 1 unsure, 156 open"),
        "counted as open, not N/A: {}",
        stdout(&output)
    );
    let output = run(&["validate", name]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(&format!(
            "Assessment {name}: readable, 5 answer(s), 2 warning(s) below."
        )),
        "{}",
        stdout(&output)
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the file is not changed");
    // With the reason given the warning goes and the answer is N/A again.
    let output = run(&[
        "validate",
        fixture("assessments/cli-partial.toml").to_str().unwrap(),
    ]);
    assert!(
        !stderr(&output).contains("N/A needs a reason"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn validate_names_every_problem_of_an_invalid_assessment() {
    let path = fixture("invalid/assessments");
    let file = fs::read_dir(&path)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .unwrap();
    let output = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(file.to_str().unwrap()),
        "{}",
        stderr(&output)
    );
}

#[test]
fn score_json_is_machine_readable() {
    let path = fixture("assessments/cli-partial.toml");
    let output = run(&["score", path.to_str().unwrap(), "--format", "json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["organization"], "Acme Inc");
    assert_eq!(json["target"], "type1");
    let stages: Vec<&str> = json["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(stages, ["compliance", "attestation", "certification"]);
    let compliance = &json["stages"][0];
    assert_eq!(compliance["tally"]["not_applicable"], 1);
    assert_eq!(compliance["tally"]["unsure"], 1);
    assert!(
        compliance["readiness"]["credit"].as_u64().unwrap() > 0,
        "MFA evidenced earns credit"
    );
    assert_eq!(
        compliance["verdict"], "not_assessed",
        "4 answers of 160 are too few for a verdict"
    );
    assert_eq!(json["open"].as_array().unwrap().len(), 155);
    assert_eq!(json["not_yet_relevant"].as_array().unwrap().len(), 5);
    let gaps = json["gaps"].as_array().unwrap();
    assert!(
        gaps.iter()
            .any(|gap| gap["question"] == "CC8.1.change-approval" && gap["current"] == "planned")
    );
    assert!(
        gaps.iter()
            .all(|gap| gap["question"] != "CC6.4.office-access"),
        "N/A is not a gap"
    );
    assert!(
        gaps.iter().all(|gap| gap["question"] != "CC6.1.mfa"),
        "evidenced meets Type 1"
    );
}

#[test]
fn score_of_a_missing_file_says_where() {
    let output = run(&["score", "/nonexistent/acme.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read /nonexistent/acme.toml: no such file or folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_next_step_follows_the_answer_not_the_build_steps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let path = path.to_str().unwrap();
    let data = dir.path().to_str().unwrap();
    let made = run(&[
        "--data-dir",
        data,
        "new",
        "--org",
        "Acme",
        "--target",
        "type2",
        "--output",
        path,
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    let step_for = |answer: &str| {
        let set = run(&["--data-dir", data, "answer", path, "CC6.1.mfa", answer]);
        assert!(set.status.success(), "{}", stderr(&set));
        let text = stdout(&run(&["--data-dir", data, "score", path]));
        let at = text
            .find("Multi-factor authentication — ")
            .expect("the MFA gap is listed");
        let step = text[at..].lines().nth(1).unwrap_or_default().to_string();
        assert!(step.trim_start().starts_with("Next step: "), "{text}");
        step
    };
    let build = step_for("planned");
    assert!(build.contains("Enforce MFA for every user"), "{build}");
    let collect = step_for("in_place");
    assert!(!collect.contains("Enforce MFA for every user"), "{collect}");
    let operate = step_for("evidenced");
    assert!(
        !operate.contains("Enforce MFA") && operate != collect,
        "{operate}"
    );
}
