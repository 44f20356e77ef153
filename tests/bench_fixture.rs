//! The committed benchmark fixtures (benches/fixtures/complete.toml and worst.toml) are
//! exactly what the sample generators produce, so whole-process measurements always run on
//! the same work. Regenerate with `UPDATE_FIXTURES=1 cargo test --test bench_fixture`.

use std::path::Path;

use soc2_ready::assessment::file::to_toml;
use soc2_ready::assessment::sample;
use soc2_ready::questionnaire::{QuestionnaireSource, load};

#[test]
fn complete_fixture_is_up_to_date() {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    check("complete.toml", &to_toml(&sample::complete(&questionnaire)));
}

#[test]
fn worst_case_fixture_is_up_to_date() {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    check(
        "worst.toml",
        &to_toml(&sample::every_question_a_gap(&questionnaire)),
    );
}

fn check(name: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/fixtures")
        .join(name);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, generated).expect("fixture written");
    }
    let committed = std::fs::read_to_string(&path).expect("fixture exists");
    assert!(
        committed == generated,
        "benches/fixtures/{name} is stale: rerun with UPDATE_FIXTURES=1"
    );
}
