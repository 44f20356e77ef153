//! Loading stays linear in the size of a questionnaire: 20 000 extra questions citing one
//! criterion in one file (4.5 MB) load and validate in a fraction of a second. The bound
//! below is deliberately generous (a debug build on a busy machine takes under 1 s; the
//! quadratic loader, 3.6 s of CPU for 5 000 in a debug build, would need about a minute),
//! so it fails only on a return of the quadratic behaviour, never on a slow machine.

use std::time::{Duration, Instant};

use soc2_ready::questionnaire::{QuestionnaireSource, load, parse_files};

#[path = "../benches/support/large_questionnaire.rs"]
mod large_questionnaire;

#[test]
fn twenty_thousand_questions_on_one_criterion_load_in_linear_time() {
    let files = large_questionnaire::with_extra_questions(20_000);
    let start = Instant::now();
    let questionnaire = parse_files(&files, "scale".into()).expect("valid");
    let took = start.elapsed();
    let built_in = load(&QuestionnaireSource::BuiltIn).expect("valid");
    assert_eq!(
        questionnaire.questions().len(),
        built_in.questions().len() + 20_000
    );
    assert!(
        took < Duration::from_secs(10),
        "loading took {took:?}: quadratic again?"
    );
}
