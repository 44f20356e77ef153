//! Importing a tool's export from the evidence log (`PATH | SOURCE`), through the same code
//! as `soc2-ready import`: the file is read whole (refused unread when special or too
//! large), read as its source, kept and hashed in the evidence folder, and recorded as one
//! dated entry on every question in scope it bears on. The answers it proposes wait in the
//! log until `A` sets them; the same file again (same SHA-256) adds nothing.

use std::fmt::Write;

use super::evidence::refresh_files;
use super::persist;
use crate::assessment::locker;
use crate::import::{self, Proposal, Source, count, outcome};
use crate::questionnaire::Questionnaire;
use crate::tui::app::{App, LastImport, Status, Tone};

/// Imports the export typed as `PATH | SOURCE`.
pub fn import(app: &mut App, text: &str) -> Result<(), String> {
    let (path, source) = parse(text)?;
    let bytes = app
        .storage
        .read_export(path)
        .map_err(|error| format!("Nothing imported: {error}."))?;
    let today = app.clock.today();
    let findings = source
        .read(path, &bytes, today)
        .map_err(|problem| format!("Nothing imported: {problem}."))?;
    let dated = findings.dated.unwrap_or(today);
    if dated > today {
        return Err(format!(
            "Nothing imported: the export is dated {dated}, after today ({today})."
        ));
    }
    let Some(session) = app.session.as_ref() else {
        return Ok(());
    };
    let (proposals, _) = import::propose(&app.questionnaire, &session.assessment, &findings);
    let Some(first) = proposals.first() else {
        return Err(outcome::nothing_in_scope(path, &findings));
    };
    let sha256 = locker::hash_bytes(&bytes);
    let proposed = outcome::changes(&proposals);
    let summary = if let Some(earlier) = outcome::imported_on(&session.assessment, &sha256) {
        format!("{path}: already imported on {earlier} (same SHA-256); no evidence added.")
    } else {
        let folder = locker::folder_for(&session.path, app.evidence_folder.as_deref());
        let kept = app
            .storage
            .keep_evidence(&folder, &first.question, path)
            .map_err(|error| format!("Nothing imported: {error}."))?;
        let [one] = kept.as_slice() else {
            locker::discard(&folder, &kept);
            return Err(format!("Nothing imported: {path} is not one regular file."));
        };
        if one.file.sha256 != sha256 {
            locker::discard(&folder, &kept);
            return Err(format!(
                "Nothing imported: {path} changed while it was imported; import it again."
            ));
        }
        let session = app.session.as_mut().expect("checked above");
        outcome::record_entries(
            &mut session.assessment,
            &proposals,
            &findings,
            (source.key(), path),
            dated,
            &one.file,
        );
        format!(
            "{path}: {} dated {dated}, recorded on {}.",
            findings.title,
            count(proposals.len(), "question", "questions")
        )
    };
    let summary = summary + &proposed_text(&app.questionnaire, &proposals);
    if let Some(session) = app.session.as_mut() {
        session.last_import = Some(LastImport { summary, proposed });
    }
    persist(app);
    refresh_files(app);
    Ok(())
}

/// Sets the answers the last import proposed.
pub fn apply(app: &mut App) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let Some(last) = session
        .last_import
        .as_mut()
        .filter(|last| !last.proposed.is_empty())
    else {
        app.status = Status::new(
            Tone::Error,
            "No answers are waiting: i imports an export, and A then sets what it proposes.",
        );
        return;
    };
    let changes = std::mem::take(&mut last.proposed);
    let set = outcome::apply_changes(&mut session.assessment, &changes);
    last.summary = format!(
        "Set {} the import proposed.",
        count(set, "answer", "answers")
    );
    persist(app);
}

/// `PATH | SOURCE` split, with the source checked.
fn parse(text: &str) -> Result<(&str, Source), String> {
    let keys: Vec<&str> = Source::ALL.iter().map(|source| source.key()).collect();
    let Some((path, source)) = text.rsplit_once('|') else {
        return Err(format!(
            "Type the path, then | and the source: {}.",
            keys.join(", ")
        ));
    };
    let (path, source) = (path.trim(), source.trim());
    if path.is_empty() {
        return Err("Type the path of the export before the |.".into());
    }
    let source = Source::from_key(&source.to_ascii_lowercase()).ok_or_else(|| {
        format!(
            "\"{source}\" is not a source; one of {} (a CSV with a mapping imports with `soc2-ready import csv`).",
            keys.join(", ")
        )
    })?;
    Ok((path, source))
}

/// The proposed changes in words: ` Proposed: CC6.1.mfa In place → Planned. A sets them.`
fn proposed_text(questionnaire: &Questionnaire, proposals: &[Proposal<'_>]) -> String {
    let mut out = String::new();
    for proposal in proposals {
        let (Some(change), Some(question)) =
            (proposal.change, questionnaire.question(&proposal.question))
        else {
            continue;
        };
        let current = proposal
            .current
            .map_or("unanswered", |answer| answer.label(question));
        let _ = write!(
            out,
            "{} {} {current} → {}",
            if out.is_empty() { " Proposed:" } else { ";" },
            question.id,
            change.label(question)
        );
    }
    if out.is_empty() {
        " No answer to change.".to_string()
    } else {
        out + ". A sets them."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_is_a_path_then_a_known_source() {
        assert_eq!(
            parse("~/exports/a|b.csv | Prowler").map(|(path, source)| (path, source.key())),
            Ok(("~/exports/a|b.csv", "prowler"))
        );
        let unknown = parse("scan.csv | nessus").unwrap_err();
        assert!(
            unknown.contains("\"nessus\" is not a source") && unknown.contains("okta-users"),
            "{unknown}"
        );
        assert!(
            parse("scan.csv")
                .unwrap_err()
                .starts_with("Type the path, then |")
        );
        assert!(parse(" | prowler").unwrap_err().contains("path"));
    }
}
