//! Moves answers from retired question ids to the questions that replace them (a question
//! says so with `replaces`), so answers survive renames and merges of the content. The whole
//! record moves — answer, note, owner, due date, N/A reason, evidence log — and so do the
//! answer's changes in the dated history.

use super::Assessment;
use crate::diagnostics::summarise_ids;
use crate::questionnaire::Questionnaire;

/// What a migration did: the records moved, and those left where they were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Migration {
    /// `(old id, new id)` for every record moved.
    pub moved: Vec<(String, String)>,
    /// `(old id, new id)` for records kept under their old id because the new question
    /// already had a record; nothing is lost, the old record stays in the file.
    pub kept: Vec<(String, String)>,
}

impl Migration {
    /// Whether nothing was found to move.
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.kept.is_empty()
    }

    /// One line for the user, or `None` when nothing happened.
    pub fn notice(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let pairs = |list: &[(String, String)]| {
            let moves: Vec<String> = list
                .iter()
                .map(|(old, new)| format!("{old} → {new}"))
                .collect();
            summarise_ids(&moves)
        };
        let mut text = String::new();
        if !self.moved.is_empty() {
            text.push_str(&format!(
                "moved {} answer(s) to renamed or merged questions: {}",
                self.moved.len(),
                pairs(&self.moved)
            ));
        }
        if !self.kept.is_empty() {
            if !text.is_empty() {
                text.push_str("; ");
            }
            text.push_str(&format!(
                "kept {} answer(s) under their old id because the new question is already answered: {}",
                self.kept.len(),
                pairs(&self.kept)
            ));
        }
        Some(text)
    }
}

/// Moves every record under a retired id to the question that replaces it, unless that
/// question already has a record. Pure: changes the assessment in memory only.
pub fn migrate(assessment: &mut Assessment, questionnaire: &Questionnaire) -> Migration {
    let mut migration = Migration::default();
    let retired: Vec<(String, String)> = assessment
        .answers
        .keys()
        .filter(|id| questionnaire.question(id).is_none())
        .filter_map(|id| {
            questionnaire
                .replacement(id)
                .map(|question| (id.clone(), question.id.clone()))
        })
        .collect();
    for (old, new) in retired {
        if assessment.answers.contains_key(&new) {
            migration.kept.push((old, new));
        } else if let Some(record) = assessment.answers.remove(&old) {
            assessment.answers.insert(new.clone(), record);
            // The dated history of the answer moves with it, so progress stays comparable.
            for snapshot in &mut assessment.history {
                if let Some(change) = snapshot.changes.remove(&old) {
                    snapshot.changes.entry(new.clone()).or_insert(change);
                }
            }
            migration.moved.push((old, new));
        }
    }
    migration
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::*;
    use crate::assessment::{Answer, AnswerRecord, Snapshot};
    use crate::questionnaire::{Category, Level, Target, parse_files};

    fn questionnaire() -> Questionnaire {
        let question = |id: &str, extra: &str| {
            format!(
                "[[question]]\nid = \"{id}\"\ncriterion = \"CC4.1\"\ntitle = \"T\"\nprompt = \"P\"\nwhy = \"W\"\nevidence = [\"E\"]\nremediation = [\"R\"]\n{extra}\n"
            )
        };
        let text = format!(
            "schema = 1\nstage = \"compliance\"\ncategory = \"security\"\ntitle = \"S\"\n{}{}",
            question(
                "CC4.1.pentest",
                "replaces = [\"CC7.1.pentest\", \"CC4.1.old-pentest\"]"
            ),
            question("CC4.1.other", "")
        );
        parse_files(&[("security.toml".into(), text)], "t".into()).expect("valid")
    }

    fn record(answer: Level, note: &str) -> AnswerRecord {
        AnswerRecord {
            answer: Some(Answer::Level(answer)),
            note: note.into(),
            owner: "Sam".into(),
            due: Some(Date::constant(2027, 1, 31)),
            ..AnswerRecord::default()
        }
    }

    fn assessment(records: &[(&str, AnswerRecord)]) -> Assessment {
        let mut assessment = Assessment::new(
            "Acme",
            "Jane",
            Date::constant(2026, 11, 24),
            Target::Type2,
            [Category::Security],
        );
        for (id, record) in records {
            assessment.answers.insert(id.to_string(), record.clone());
        }
        assessment
    }

    #[test]
    fn a_retired_id_moves_its_whole_record() {
        let old = record(Level::Evidenced, "Report from Acme Testing, March");
        let mut assessment = assessment(&[
            ("CC7.1.pentest", old.clone()),
            ("CC9.9.unknown", record(Level::Planned, "kept")),
        ]);
        assessment.history.push(Snapshot {
            date: Date::constant(2026, 10, 1),
            changes: [("CC7.1.pentest".to_string(), old.answer)].into(),
            readiness: None,
        });
        let migration = migrate(&mut assessment, &questionnaire());
        let changes = &assessment.history[0].changes;
        assert_eq!(changes.get("CC4.1.pentest"), Some(&old.answer));
        assert!(!changes.contains_key("CC7.1.pentest"));
        assert_eq!(
            migration.moved,
            [("CC7.1.pentest".to_string(), "CC4.1.pentest".to_string())]
        );
        assert_eq!(assessment.record("CC4.1.pentest"), Some(&old));
        assert_eq!(assessment.record("CC7.1.pentest"), None);
        // Ids no question replaces stay as they were.
        assert_eq!(assessment.record("CC9.9.unknown").unwrap().note, "kept");
        assert_eq!(
            migration.notice().unwrap(),
            "moved 1 answer(s) to renamed or merged questions: CC7.1.pentest → CC4.1.pentest"
        );
        // A long list names the first few moves and counts the rest.
        let many = Migration {
            moved: (0..25)
                .map(|n| (format!("old-{n}"), format!("new-{n}")))
                .collect(),
            kept: Vec::new(),
        };
        let notice = many.notice().unwrap();
        assert!(notice.starts_with("moved 25 answer(s)"), "{notice}");
        assert!(notice.ends_with("old-9 → new-9 … and 15 more"), "{notice}");
        // A second load finds nothing left to move.
        assert!(
            migrate(&mut assessment, &questionnaire())
                .notice()
                .is_none()
        );
    }

    #[test]
    fn an_answered_new_question_keeps_its_record_and_the_old_one_stays() {
        let current = record(Level::Operating, "current");
        let mut assessment = assessment(&[
            ("CC4.1.pentest", current.clone()),
            ("CC7.1.pentest", record(Level::Planned, "old")),
        ]);
        let migration = migrate(&mut assessment, &questionnaire());
        assert!(migration.moved.is_empty());
        assert_eq!(assessment.record("CC4.1.pentest"), Some(&current));
        assert_eq!(assessment.record("CC7.1.pentest").unwrap().note, "old");
        assert!(
            migration
                .notice()
                .unwrap()
                .starts_with("kept 1 answer(s) under their old id")
        );
    }

    #[test]
    fn two_merged_ids_move_the_first_and_keep_the_second() {
        let mut assessment = assessment(&[
            ("CC4.1.old-pentest", record(Level::InPlace, "a")),
            ("CC7.1.pentest", record(Level::Evidenced, "b")),
        ]);
        let migration = migrate(&mut assessment, &questionnaire());
        assert_eq!(migration.moved.len(), 1);
        assert_eq!(migration.kept.len(), 1);
        assert_eq!(assessment.answers.len(), 2, "nothing is lost");
        let notice = migration.notice().unwrap();
        assert!(
            notice.contains("moved 1") && notice.contains("; kept 1"),
            "{notice}"
        );
    }
}
