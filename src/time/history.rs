//! History: at most one dated snapshot of the answers a day, stored as changes since the
//! snapshot before, and compacted so a year of daily use stays small — every day of the
//! last [`DAILY_DAYS`] days is kept, older days are merged into one snapshot per month.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::assessment::{Answer, Assessment, Snapshot};
use crate::scoring::Scorecard;

/// How many recent days keep one snapshot each; older ones are kept one per month.
pub const DAILY_DAYS: i32 = 90;

/// Answers by question id, as history sees them (levels only, no notes).
pub type Answers = BTreeMap<String, Answer>;

/// The answers of an assessment now.
pub fn current(assessment: &Assessment) -> Answers {
    assessment
        .answers
        .iter()
        .filter_map(|(id, record)| Some((id.clone(), record.answer?)))
        .collect()
}

/// Applies one snapshot's changes to `answers`.
fn apply(answers: &mut Answers, snapshot: &Snapshot) {
    for (id, answer) in &snapshot.changes {
        match answer {
            Some(answer) => answers.insert(id.clone(), *answer),
            None => answers.remove(id),
        };
    }
}

/// The answers as they stood at each snapshot, oldest first.
pub fn replay(history: &[Snapshot]) -> Vec<(Date, Answers)> {
    let mut answers = Answers::new();
    history
        .iter()
        .map(|snapshot| {
            apply(&mut answers, snapshot);
            (snapshot.date, answers.clone())
        })
        .collect()
}

/// The answers as they stood on `date` (the last snapshot on or before it), if any.
pub fn as_of(history: &[Snapshot], date: Date) -> Option<Answers> {
    let mut answers = None;
    for snapshot in history.iter().take_while(|snapshot| snapshot.date <= date) {
        apply(answers.get_or_insert_with(Answers::new), snapshot);
    }
    answers
}

/// The assessment with its answers replaced by `answers` (no notes, evidence or history):
/// what it looked like on the day of a snapshot, for scoring.
pub fn with_answers(assessment: &Assessment, answers: &Answers) -> Assessment {
    let mut then = Assessment::new(
        &assessment.organization,
        &assessment.assessor,
        assessment.created,
        assessment.target,
        assessment.scope().iter().copied(),
    );
    then.audit = assessment.audit;
    for (id, answer) in answers {
        then.set_answer(id, Some(*answer));
    }
    then
}

/// The changes that turn `before` into `after`.
fn diff(before: &Answers, after: &Answers) -> BTreeMap<String, Option<Answer>> {
    let mut changes: BTreeMap<String, Option<Answer>> = after
        .iter()
        .filter(|(id, answer)| before.get(*id) != Some(answer))
        .map(|(id, answer)| (id.clone(), Some(*answer)))
        .collect();
    for id in before.keys().filter(|id| !after.contains_key(*id)) {
        changes.insert(id.clone(), None);
    }
    changes
}

/// The three stage readiness figures of a scorecard, in whole percent.
pub fn stage_percents(card: &Scorecard) -> [u8; 3] {
    let percent = |index: usize| {
        card.stages[index]
            .measure
            .readiness
            .percent()
            .map_or(0, |percent| u8::try_from(percent.min(100)).unwrap_or(100))
    };
    [percent(0), percent(1), percent(2)]
}

/// Records today's answers after a change, with the `readiness` they score: a new
/// snapshot, or today's (or a later-dated one's, if the clock went back) updated; nothing
/// when the answers match the last one. Then compacts the history.
pub fn record(assessment: &mut Assessment, today: Date, readiness: [u8; 3]) {
    let now = current(assessment);
    let history = &mut assessment.history;
    match history.last() {
        Some(last) if last.date >= today => {
            let before = as_of(&history[..history.len() - 1], last.date).unwrap_or_default();
            let changes = diff(&before, &now);
            if changes.is_empty() && history.len() > 1 {
                history.pop();
            } else if let Some(last) = history.last_mut() {
                last.changes = changes;
                last.readiness = Some(readiness);
            }
        }
        _ => {
            let latest = as_of(history, today).unwrap_or_default();
            let changes = diff(&latest, &now);
            if changes.is_empty() && !history.is_empty() {
                return;
            }
            history.push(Snapshot {
                date: today,
                changes,
                readiness: Some(readiness),
            });
        }
    }
    compact(history, today);
}

/// Merges the snapshots older than [`DAILY_DAYS`] days into one per calendar month (dated
/// by the last day merged), keeping every recent day.
pub fn compact(history: &mut Vec<Snapshot>, today: Date) {
    let cutoff = today.checked_sub(DAILY_DAYS.days()).unwrap_or(Date::MIN);
    let mut compacted: Vec<Snapshot> = Vec::with_capacity(history.len());
    for snapshot in history.drain(..) {
        match compacted.last_mut() {
            Some(last)
                if snapshot.date < cutoff
                    && (last.date.year(), last.date.month())
                        == (snapshot.date.year(), snapshot.date.month()) =>
            {
                last.changes.extend(snapshot.changes);
                last.date = snapshot.date;
                last.readiness = snapshot.readiness;
            }
            _ => compacted.push(snapshot),
        }
    }
    *history = compacted;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{Level, Target};

    fn day(y: i16, m: i8, d: i8) -> Date {
        Date::constant(y, m, d)
    }

    fn assessment() -> Assessment {
        Assessment::new("A", "", day(2026, 1, 1), Target::Type2, [])
    }

    fn level(level: Level) -> Option<Answer> {
        Some(Answer::Level(level))
    }

    #[test]
    fn one_snapshot_a_day_holding_only_changes() {
        let mut a = assessment();
        a.set_answer("q1", level(Level::Planned));
        record(&mut a, day(2026, 1, 5), [1, 0, 0]);
        a.set_answer("q2", level(Level::InPlace));
        record(&mut a, day(2026, 1, 5), [1, 0, 0]);
        assert_eq!(a.history.len(), 1, "same day: merged");
        assert_eq!(a.history[0].changes.len(), 2);

        a.set_answer("q1", level(Level::Evidenced));
        a.set_answer("q2", None);
        record(&mut a, day(2026, 1, 6), [2, 0, 0]);
        assert_eq!(a.history.len(), 2);
        assert_eq!(
            a.history[1].changes,
            [
                ("q1".to_string(), level(Level::Evidenced)),
                ("q2".to_string(), None)
            ]
            .into()
        );
        let states = replay(&a.history);
        assert_eq!(states[0].1.len(), 2);
        assert_eq!(states[1].1, current(&a));
        assert_eq!(as_of(&a.history, day(2026, 1, 4)), None);
        assert_eq!(as_of(&a.history, day(2026, 1, 5)).unwrap().len(), 2);
    }

    #[test]
    fn a_note_only_change_or_an_undo_adds_nothing() {
        let mut a = assessment();
        a.set_answer("q1", level(Level::Planned));
        record(&mut a, day(2026, 1, 5), [1, 0, 0]);
        a.edit("q1", |r| r.note = "note".into());
        record(&mut a, day(2026, 1, 6), [2, 0, 0]);
        assert_eq!(a.history.len(), 1);
        a.set_answer("q1", level(Level::InPlace));
        record(&mut a, day(2026, 1, 7), [3, 0, 0]);
        a.set_answer("q1", level(Level::Planned));
        record(&mut a, day(2026, 1, 7), [3, 0, 0]);
        assert_eq!(a.history.len(), 1, "undone the same day: the snapshot goes");
    }

    #[test]
    fn a_clock_set_back_updates_the_last_snapshot_instead_of_breaking_the_order() {
        let mut a = assessment();
        a.set_answer("q1", level(Level::Planned));
        record(&mut a, day(2026, 3, 1), [1, 0, 0]);
        a.set_answer("q1", level(Level::InPlace));
        record(&mut a, day(2026, 2, 1), [2, 0, 0]);
        assert_eq!(a.history.len(), 1);
        assert_eq!(a.history[0].date, day(2026, 3, 1));
        assert_eq!(a.history[0].readiness, Some([2, 0, 0]));
        assert_eq!(current(&a), replay(&a.history)[0].1);
    }

    #[test]
    fn old_days_are_merged_per_month_and_recent_days_kept() {
        // Daily changes for a year (2026 is not a leap year: 365 days).
        let mut a = assessment();
        let mut date = day(2026, 1, 1);
        for n in 0..365 {
            let levels = [Level::Planned, Level::InPlace, Level::Evidenced];
            a.set_answer(&format!("q{}", n % 200), level(levels[n % 3]));
            record(&mut a, date, [(n % 100) as u8, 0, 0]);
            date = date.tomorrow().unwrap();
        }
        let today = day(2026, 12, 31);
        // Cutoff 2026-10-02: Jan–Sep become 9 monthly snapshots (the last of Oct 1 too:
        // it is older than the cutoff and the only one of its month before it), the 91 days
        // from Oct 2 to Dec 31 stay daily.
        assert_eq!(a.history.len(), 9 + 1 + 91);
        assert_eq!(a.history[0].date, day(2026, 1, 31));
        assert_eq!(
            a.history[0].readiness,
            Some([30, 0, 0]),
            "the last day of January's"
        );
        assert_eq!(a.history[1].date, day(2026, 2, 28));
        assert_eq!(a.history[9].date, day(2026, 10, 1));
        assert_eq!(a.history[10].date, day(2026, 10, 2));
        assert_eq!(a.history.last().unwrap().date, today);
        assert_eq!(replay(&a.history).last().unwrap().1, current(&a));
        let bytes = crate::assessment::file::to_toml(&a).len();
        assert!(bytes < 50_000, "a year of daily history is {bytes} bytes");
    }
}
