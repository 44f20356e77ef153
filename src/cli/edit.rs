//! The one way a command changes an assessment file: take the edit lock (so the wizard and
//! a script never overwrite each other), load, change, stamp the time and today's history
//! snapshot, and save atomically (which upgrades an old schema and keeps its backup).
//! A refused change leaves the file untouched. Another command holding the lock is waited
//! for (scripts run many at once); a wizard window holding it is refused at once.

use std::path::Path;
use std::time::Duration;

use jiff::civil::Date;
use soc2_ready::assessment::Assessment;
use soc2_ready::assessment::store::{self, LockError};
use soc2_ready::clock::Clock;
use soc2_ready::questionnaire::Questionnaire;
use soc2_ready::scoring::Policy;
use soc2_ready::time::coverage;
use soc2_ready::time::history;

use super::{Failure, Output, open_assessment};

/// How long a command waits while another command holds the file's lock.
const LOCK_WAIT: Duration = Duration::from_secs(10);
/// The longest command line written into the lock file to name the holder.
const NAMED_CHARS: usize = 120;

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
    let _lock = store::lock_for_command(path, &this_command(), LOCK_WAIT).map_err(|error| match error {
        LockError::Held(_) => Failure::Runtime(format!(
            "{} is open in a soc2-ready window; close it there first, nothing was changed",
            path.display()
        )),
        LockError::Busy { holder, waited, .. } => Failure::Runtime(format!(
            "{} stayed locked by another soc2-ready command ({holder}) for {} s; nothing was changed, run this one again",
            path.display(),
            waited.as_secs()
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

/// This process's command line, short and on one line, to name it in the lock file.
fn this_command() -> String {
    let line = std::iter::once("soc2-ready".to_string())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ");
    let line: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match line.char_indices().nth(NAMED_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
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
