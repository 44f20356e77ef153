//! `soc2-ready new`: creates an assessment file (never overwriting one) and prints its path.
//! In the data directory a name already taken (by any file) moves on to the next free one,
//! `acme-inc-2.toml`, and says so; an explicit `--output` that exists is refused.

use soc2_ready::assessment::Assessment;
use soc2_ready::assessment::store;
use soc2_ready::questionnaire::{Category, Target};

use super::args::{NewArgs, TargetArg};
use super::{Failure, GlobalArgs, Output, clock, data_dir, load_config, load_questionnaire};

/// Creates the assessment described by `args`.
pub fn run(global: &GlobalArgs, args: &NewArgs) -> Result<Output, Failure> {
    if args.org.trim().is_empty() {
        return Err(Failure::Invalid("--org must not be empty".into()));
    }
    let defaults = load_config(global)?.defaults;
    let scope = match &args.scope {
        Some(names) => parse_scope(names)?,
        None => defaults.scope.unwrap_or_default(),
    };
    let today = clock()?.today();
    let questionnaire = load_questionnaire(global)?;
    let target = match args.target {
        Some(TargetArg::Type1) => Target::Type1,
        Some(TargetArg::Type2) => Target::Type2,
        None => defaults.target.unwrap_or(Target::Type2),
    };
    let assessor = args.assessor.as_deref().or(defaults.assessor.as_deref());
    let mut assessment = Assessment::new(
        &args.org,
        assessor.unwrap_or_default(),
        today,
        target,
        scope,
    );
    assessment.questionnaire_version = questionnaire.version().to_string();
    let mut warnings = Vec::new();
    let path = match &args.output {
        Some(path) => {
            store::create(path, &assessment)?;
            path.clone()
        }
        None => {
            let dir = data_dir(global)?;
            store::ensure_dir(&dir)?;
            soc2_ready::atomic_file::sweep_stale(&dir);
            let path = store::create_in(&dir, &assessment)?;
            let first = store::candidate_names(&assessment.organization)
                .next()
                .unwrap_or_default();
            if path.file_name().is_some_and(|name| *name != *first) {
                warnings.push(format!(
                    "{first} is already taken in {}, so the new assessment is {}",
                    dir.display(),
                    path.display()
                ));
            }
            path
        }
    };
    Ok(Output {
        stdout: format!("{}\n", path.display()),
        warnings,
    })
}

/// Parses `--scope` names; Security is always in scope, so naming it is allowed.
fn parse_scope(names: &[String]) -> Result<Vec<Category>, Failure> {
    names
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .map(|name| {
            Category::from_key(name).ok_or_else(|| {
                Failure::Invalid(format!(
                    "--scope: unknown category \"{name}\" (availability, processing-integrity, confidentiality, privacy)"
                ))
            })
        })
        .collect()
}
