//! The wizard marks a question with a merge conflict waiting and settles it with `<`
//! (keep ours) or `>` (take theirs) (issue 20 §3).

use soc2_ready::assessment::Answer;
use soc2_ready::assessment::conflicts::FieldConflict;
use soc2_ready::assessment::store;
use soc2_ready::questionnaire::Level;
use soc2_ready::tui::keymap::Key;

use super::support::{Fixture, press};

fn with_conflict() -> Fixture {
    let fixture = Fixture::new(false);
    let mut assessment = fixture.saved();
    let conflict = FieldConflict {
        theirs: "planned".into(),
        base: String::new(),
    };
    assessment.add_conflict("CC1.1.conduct-breaches", "answer", conflict);
    store::save(&fixture.acme_path(), &assessment).unwrap();
    fixture.open_acme()
}

#[test]
fn a_conflict_is_marked_and_taking_theirs_saves_their_answer() {
    let mut fixture = with_conflict();
    let screen = fixture.render(120, 40);
    assert!(
        screen.contains(
            "Merge conflict (answer: ours (none), theirs Planned) — < keeps ours, > takes"
        ),
        "{screen}"
    );
    press(&mut fixture.app, &[Key::Char('>')]);
    let saved = fixture.saved();
    assert!(saved.conflicts.is_empty());
    assert_eq!(
        saved.answers["CC1.1.conduct-breaches"].answer,
        Some(Answer::Level(Level::Planned))
    );
    assert!(!fixture.render(120, 40).contains("Merge conflict"));
}

#[test]
fn keeping_ours_keeps_the_answer_and_a_question_without_conflict_says_so() {
    let mut fixture = with_conflict();
    press(&mut fixture.app, &[Key::Char('<')]);
    let saved = fixture.saved();
    assert!(saved.conflicts.is_empty());
    assert!(!saved.answers.contains_key("CC1.1.conduct-breaches"));
    press(&mut fixture.app, &[Key::Char('<')]);
    assert_eq!(
        fixture.app.status.text,
        "No merge conflict waits on this question."
    );
}
