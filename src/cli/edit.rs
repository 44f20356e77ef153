//! The one way a command changes an assessment file: take the edit lock (so the wizard and
//! a script never overwrite each other), load, change, stamp the time and today's history
//! snapshot, and save atomically (which upgrades an old schema and keeps its backup).
//! A refused change leaves the file untouched.

use std::path::Path;

use jiff::civil::Date;
use soc2_ready::assessment::Assessment;
use soc2_ready::assessment::store::{self, LockError};
use soc2_ready::clock::Clock;
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::scoring::Policy;
use soc2_ready::time::coverage;
use soc2_ready::time::history;

use super::{Failure, Output, open_assessment};

/// Applies `change` to the assessment at `path` and saves it; `change` returns the line to
/// print, or refuses with a [`Failure`] (nothing is written then). Answers under retired
/// question ids move to their replacements first (see [`open_assessment`]), so a change
/// made by id lands on the record the wizard and the report use.
pub fn edit(
    path: &Path,
    clock: &Clock,
    questionnaire: &Questionnaire,
    change: impl FnOnce(&mut Assessment) -> Result<String, Failure>,
) -> Result<Output, Failure> {
    store::load(path)?;
    let _lock = store::lock_for_editing(path).map_err(|error| match error {
        LockError::Held(_) => Failure::Runtime(format!(
            "{} is open in a soc2-ready window; close it there first, nothing was changed",
            path.display()
        )),
        unsafe_lock @ LockError::Unsafe { .. } => {
            Failure::Runtime(format!("{unsafe_lock}; nothing was changed"))
        }
        LockError::Io(error) => Failure::from(error),
    })?;
    let (mut assessment, mut warnings, stamp) = open_assessment(path, questionnaire)?;
    // An atomic save gives this name a new file; other hard links keep the old one.
    let links = stamp.links();
    let stdout = change(&mut assessment)?;
    assessment.updated = Some(clock.now());
    let card = coverage::scorecard(
        questionnaire,
        &assessment,
        &Policy::default(),
        clock.today(),
    );
    history::record(
        &mut assessment,
        clock.today(),
        history::stage_percents(&card),
    );
    store::save(path, &assessment)?;
    if links > 1 {
        warnings.push(format!(
            "{} had {links} hard links: the change is saved under this name only, so the other names keep the old answers",
            path.display()
        ));
    }
    Ok(Output { stdout, warnings })
}

/// Parses the `YYYY-MM-DD` value of a command-line option such as `--due`.
pub fn date_arg(option: &str, text: &str) -> Result<Date, Failure> {
    match text.trim().parse::<Date>() {
        Ok(date) if text.trim().len() == 10 => Ok(date),
        _ => Err(Failure::Invalid(format!(
            "{option}: expected a date such as 2027-01-31, found \"{text}\""
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert_eq!(
            date_arg("--due", "2028-02-29").ok(),
            Some(Date::constant(2028, 2, 29))
        );
        for bad in ["2027-02-29", "2027-1-5", "tomorrow", ""] {
            let Err(Failure::Invalid(message)) = date_arg("--due", bad) else {
                panic!("{bad} accepted");
            };
            assert!(message.starts_with("--due: expected a date"), "{message}");
        }
    }
}
