//! The config file end to end: thresholds that change verdicts in `score` and say where
//! they came from, an assessment's own thresholds winning, defaults for `new` and
//! `report`, `config` and `config --path`, and every bad config refused with exit 2 and a
//! located message — by every command that uses it, the wizard included.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// The binary with no config or data directory from the environment, and HOME in `home`.
fn bin(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_soc2-ready"));
    command
        .env_remove("SOC2_READY_DATA_DIR")
        .env_remove("SOC2_READY_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home);
    command
}

fn run(home: &Path, args: &[&str]) -> Output {
    bin(home).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn config(name: &str) -> String {
    fixture(&format!("config/{name}")).display().to_string()
}

fn compliance_line(text: &str) -> String {
    text.lines()
        .find(|line| line.trim_start().starts_with("Compliance"))
        .expect("a compliance line")
        .to_string()
}

#[test]
fn config_thresholds_change_the_verdict_in_score_and_say_where_they_came_from() {
    let home = tempfile::tempdir().unwrap();
    // Enough answers for a verdict (a nearly empty one is "Not assessed yet" under any bar).
    let assessment = fixture("assessments/report-partial.toml");
    let assessment = assessment.to_str().unwrap();

    let built_in = run(home.path(), &["score", assessment]);
    assert!(built_in.status.success(), "{}", stderr(&built_in));
    let text = stdout(&built_in);
    assert!(compliance_line(&text).contains("Not ready"), "{text}");
    assert!(
        text.contains("Thresholds: Ready from 85 %, Getting there from 50 % (built-in default)"),
        "{text}"
    );

    let configured = run(
        home.path(),
        &["--config", &config("full.toml"), "score", assessment],
    );
    assert!(configured.status.success(), "{}", stderr(&configured));
    let text = stdout(&configured);
    let line = compliance_line(&text);
    assert!(line.contains("Getting there"), "{text}");
    assert!(
        line.contains("the 90 % threshold (from the config file)"),
        "{line}"
    );
    assert!(
        text.contains("Thresholds: Ready from 90 %, Getting there from 1 % (from the config file)"),
        "{text}"
    );

    let json = run(
        home.path(),
        &[
            "--config",
            &config("full.toml"),
            "score",
            assessment,
            "--format",
            "json",
        ],
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["policy"]["ready"], 0.9);
    assert_eq!(value["policy"]["ready_from"], "config");
    assert_eq!(value["stages"][0]["verdict"], "getting_there");
}

#[test]
fn an_assessments_own_thresholds_win_over_the_config() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("agreed.toml");
    let text = fs::read_to_string(fixture("assessments/report-partial.toml")).unwrap();
    let (head, answers) = text.split_once("\n[answers").unwrap();
    fs::write(
        &path,
        format!("{head}\n[thresholds]\nready = 0.95\ngetting_there = 0.9\n\n[answers{answers}"),
    )
    .unwrap();
    let output = run(
        home.path(),
        &[
            "--config",
            &config("full.toml"),
            "score",
            path.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(compliance_line(&text).contains("Not ready"), "{text}");
    assert!(
        text.contains("Ready from 95 %, Getting there from 90 % (agreed in this assessment)"),
        "{text}"
    );
    let shown = stdout(&run(
        home.path(),
        &[
            "--config",
            &config("full.toml"),
            "config",
            path.to_str().unwrap(),
        ],
    ));
    assert!(shown.contains("(agreed in this assessment)"), "{shown}");
}

#[test]
fn config_prints_every_setting_with_its_origin() {
    let home = tempfile::tempdir().unwrap();
    let full = config("full.toml");
    let output = run(home.path(), &["--config", &full, "config"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for (key, value, line) in [
        ("thresholds.ready", "0.9 (90 %)", 3),
        ("defaults.assessor", "Jane Doe", 7),
        ("defaults.paper", "letter", 10),
        ("report.firm", "Northwind Advisory", 14),
    ] {
        let row = text.lines().find(|row| row.starts_with(key)).unwrap();
        assert!(row.contains(value), "{row}");
        assert!(row.ends_with(&format!("{full}:{line}")), "{row}");
    }
    let logo = text
        .lines()
        .find(|row| row.starts_with("report.logo"))
        .unwrap();
    assert!(logo.contains("logo.png (PNG, 1 KB)"), "{logo}");

    // No file at the default place: every value is the built-in default.
    let output = run(home.path(), &["config"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("not found: every setting is the built-in default"),
        "{text}"
    );
    let row = text
        .lines()
        .find(|row| row.starts_with("thresholds.ready"))
        .unwrap();
    assert!(row.ends_with("built-in default"), "{row}");
}

#[test]
fn config_path_follows_the_flag_the_variable_and_the_default() {
    let home = tempfile::tempdir().unwrap();
    let default = run(home.path(), &["config", "--path"]);
    assert_eq!(
        stdout(&default).trim(),
        home.path()
            .join(".config/soc2-ready/config.toml")
            .display()
            .to_string()
    );
    let named = run(
        home.path(),
        &["--config", "/somewhere/else.toml", "config", "--path"],
    );
    assert_eq!(stdout(&named).trim(), "/somewhere/else.toml");
    let from_env = bin(home.path())
        .env("SOC2_READY_CONFIG", "/from/env.toml")
        .args(["config", "--path"])
        .output()
        .unwrap();
    assert_eq!(stdout(&from_env).trim(), "/from/env.toml");
}

#[test]
fn the_config_at_the_default_place_is_read() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/soc2-ready");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("config.toml"),
        "[defaults]\nassessor = \"Default Dana\"\n",
    )
    .unwrap();
    let text = stdout(&run(home.path(), &["config"]));
    let row = text
        .lines()
        .find(|row| row.starts_with("defaults.assessor"))
        .unwrap();
    assert!(row.contains("Default Dana"), "{row}");
    assert!(row.ends_with("config.toml:2"), "{row}");
}

#[test]
fn new_takes_its_defaults_from_the_config_and_flags_win() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let data = data.to_str().unwrap();
    let full = config("full.toml");
    let output = run(
        home.path(),
        &[
            "--config",
            &full,
            "--data-dir",
            data,
            "new",
            "--org",
            "Globex",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let written = fs::read_to_string(stdout(&output).trim()).unwrap();
    assert!(written.contains("assessor = \"Jane Doe\""), "{written}");
    assert!(written.contains("target = \"type1\""), "{written}");
    assert!(
        written.contains("scope = [\"security\", \"availability\", \"confidentiality\"]"),
        "{written}"
    );
    let output = run(
        home.path(),
        &[
            "--config",
            &full,
            "--data-dir",
            data,
            "new",
            "--org",
            "Initech",
            "--assessor",
            "Bob",
            "--target",
            "type2",
            "--scope",
            "privacy",
        ],
    );
    let written = fs::read_to_string(stdout(&output).trim()).unwrap();
    assert!(written.contains("assessor = \"Bob\""), "{written}");
    assert!(written.contains("target = \"type2\""), "{written}");
    assert!(
        written.contains("scope = [\"security\", \"privacy\"]"),
        "{written}"
    );
}

#[test]
fn report_takes_the_paper_size_from_the_config() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("r.pdf");
    let assessment = fixture("assessments/cli-partial.toml");
    let output = run(
        home.path(),
        &[
            "--config",
            &config("full.toml"),
            "report",
            assessment.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = lopdf::Document::load(&out).unwrap();
    let page = pdf.get_pages().into_values().next().unwrap();
    let media_box = pdf
        .get_object(page)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"MediaBox")
        .unwrap();
    let width = media_box.as_array().unwrap()[2].as_float().unwrap();
    assert!(
        (width - 612.0).abs() < 1.0,
        "Letter is 612 pt wide, found {width}"
    );
}

/// Every invalid fixture with the located messages it must produce.
const INVALID: &[(&str, &[&str])] = &[
    (
        "invalid.toml",
        &[
            "invalid.toml:2:9: thresholds: field `ready`: must be a fraction from 0 to 1, found 85 (write 0.85 for 85 %)",
            "invalid.toml:6:9: defaults: field `paper`: must be \"a4\" or \"letter\", found \"a5\"",
            "invalid.toml:7:1: defaults: field `colour`: unknown field (a typo?)",
            "invalid.toml:10:8: report: field `logo`: \"missing.png\": cannot read ",
        ],
    ),
    (
        "not-an-image.toml",
        &[
            "not-an-image.toml:2:8: report: field `logo`: \"notes.txt\": not an image soc2-ready can read; the logo must be a PNG or JPEG image",
        ],
    ),
    (
        "wrong-order.toml",
        &[
            "wrong-order.toml:3:17: thresholds: field `getting_there`: must be below `ready` (0.6), found 0.7",
        ],
    ),
    ("syntax.toml", &["syntax.toml:1:12: TOML syntax: "]),
];

#[test]
fn every_bad_config_is_refused_with_located_messages_by_every_command() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    // Enough answers for a verdict (a nearly empty one is "Not assessed yet" under any bar).
    let assessment = fixture("assessments/report-partial.toml");
    let assessment = assessment.to_str().unwrap();
    for (name, messages) in INVALID {
        let path = config(name);
        for args in [
            vec!["score", assessment],
            vec!["list"],
            vec!["config"],
            vec!["new", "--org", "Never Written"],
            vec!["report", assessment, "--format", "md", "-o", "-"],
            vec!["open", assessment],
            vec![],
        ] {
            let output = bin(home.path())
                .env("SOC2_READY_CONFIG", &path)
                .arg("--data-dir")
                .arg(&data)
                .args(&args)
                .output()
                .unwrap();
            let errors = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{name} {args:?}: {errors}");
            assert!(
                errors.starts_with("error: invalid config file ("),
                "{errors}"
            );
            assert_eq!(
                errors.lines().count(),
                messages.len() + 1,
                "one line per problem: {errors}"
            );
            for message in *messages {
                let located = format!("{}/{message}", fixture("config").display());
                assert!(
                    errors.contains(&located),
                    "{name} {args:?}: no {located:?} in {errors}"
                );
            }
        }
    }
    assert!(!data.exists(), "nothing was written with a bad config");
}

#[test]
fn a_named_config_that_does_not_exist_is_bad_input() {
    let home = tempfile::tempdir().unwrap();
    let output = run(home.path(), &["--config", "/no/such/config.toml", "config"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/no/such/config.toml: no such config file"),
        "{}",
        stderr(&output)
    );
}
