//! `soc2-ready config`: the effective settings and where each came from (the config file
//! with its line, or the built-in default); `--path` prints only where the file is; an
//! assessment argument adds the thresholds that apply to it.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use soc2_ready::assessment::{locker, store};
use soc2_ready::config::Config;
use soc2_ready::scoring::{Policy, ThresholdSource, whole_percent};

use clap::Args;

use super::{Failure, GlobalArgs, Output, config_path, load_config};

/// Arguments of `config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print only where the config file is (or would be).
    #[arg(long)]
    pub path: bool,
    /// Also show the thresholds that apply to this assessment file.
    #[arg(value_name = "ASSESSMENT", conflicts_with = "path")]
    pub assessment: Option<PathBuf>,
}

/// Prints the settings, or the file's path with `--path`.
pub fn run(global: &GlobalArgs, args: &ConfigArgs) -> Result<Output, Failure> {
    let Some((path, _)) = config_path(global) else {
        return Err(Failure::Runtime(
            "the system reports no home directory, so there is no default config file; pass --config PATH".into(),
        ));
    };
    if args.path {
        return Ok(Output::text(format!("{}\n", path.display())));
    }
    let config = load_config(global)?;
    let mut out = String::new();
    let state = if config.path.is_some() {
        ""
    } else {
        " (not found: every setting is the built-in default)"
    };
    let _ = writeln!(out, "Config file: {}{state}", path.display());
    let _ = writeln!(
        out,
        "Command-line flags win over the config; an assessment's own [thresholds] win over both.\n"
    );
    let _ = writeln!(out, "{:<26} {:<40} from", "setting", "value");
    for (key, value) in rows(&config) {
        let from = match value {
            Some(_) => config.origin(key),
            None => "not set".to_string(),
        };
        let value = value.unwrap_or_else(|| "—".to_string());
        let _ = writeln!(out, "{key:<26} {value:<40} {from}");
    }
    if let Some(assessment) = &args.assessment {
        write_assessment(&mut out, &config.policy(), assessment)?;
    }
    Ok(Output::text(out))
}

/// Every setting with its effective value (`None`: not set and no default).
fn rows(config: &Config) -> Vec<(&'static str, Option<String>)> {
    let policy = config.policy();
    let defaults = &config.defaults;
    let branding = &config.branding;
    let fraction = |value: f64| format!("{value} ({} %)", whole_percent(value));
    vec![
        ("thresholds.ready", Some(fraction(policy.ready))),
        (
            "thresholds.getting_there",
            Some(fraction(policy.getting_there)),
        ),
        ("defaults.assessor", defaults.assessor.clone()),
        (
            "defaults.scope",
            Some(defaults.scope.as_ref().map_or_else(
                || "security".to_string(),
                |scope| {
                    let mut keys = vec!["security"];
                    keys.extend(scope.iter().map(|c| c.key()).filter(|k| *k != "security"));
                    keys.join(", ")
                },
            )),
        ),
        (
            "defaults.target",
            Some(defaults.target.map_or("type2", |t| t.key()).to_string()),
        ),
        (
            "defaults.paper",
            Some(Config::paper_key(defaults.paper.unwrap_or_default()).to_string()),
        ),
        (
            "defaults.theme",
            Some(Config::theme_key(defaults.theme.unwrap_or_default()).to_string()),
        ),
        (
            "defaults.evidence_folder",
            Some(
                defaults
                    .evidence_folder
                    .clone()
                    .unwrap_or_else(|| locker::DEFAULT_FOLDER.to_string()),
            ),
        ),
        (
            "defaults.export_folder",
            Some(
                defaults
                    .export_folder
                    .clone()
                    .unwrap_or_else(|| "the folder the wizard is started from".to_string()),
            ),
        ),
        ("report.firm", branding.firm.clone()),
        ("report.contact", branding.contact.clone()),
        (
            "report.logo",
            branding.logo.as_ref().map(|logo| {
                format!(
                    "{} ({}, {} KB)",
                    logo.path.display(),
                    logo.format,
                    logo.bytes.len().div_ceil(1024)
                )
            }),
        ),
    ]
}

/// The thresholds that apply to one assessment, and where they come from.
fn write_assessment(out: &mut String, base: &Policy, path: &Path) -> Result<(), Failure> {
    let assessment = store::load(path)?;
    let policy = base.for_assessment(&assessment);
    let _ = writeln!(
        out,
        "\nFor {} ({}): {}",
        path.display(),
        assessment.organization,
        policy.describe()
    );
    if policy.ready_from != ThresholdSource::Assessment {
        let _ = writeln!(
            out,
            "  (the assessment agrees no thresholds of its own; add a [thresholds] table with ready and getting_there to set them)"
        );
    }
    Ok(())
}
