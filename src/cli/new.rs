//! `soc2-ready new`: creates an assessment file (never overwriting one) and prints its path.

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
    let path = match &args.output {
        Some(path) => path.clone(),
        None => {
            let dir = data_dir(global)?;
            store::ensure_dir(&dir)?;
            store::path_for_new(&dir, &assessment.organization)?
        }
    };
    store::create(&path, &assessment)?;
    Ok(Output::text(format!("{}\n", path.display())))
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
