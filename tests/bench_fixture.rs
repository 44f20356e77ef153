//! The committed benchmark fixture (benches/fixtures/complete.toml) is exactly what the
//! sample generator produces, so whole-process measurements always run on the same work.
//! Regenerate with `UPDATE_FIXTURES=1 cargo test --test bench_fixture`.

use std::path::Path;

use soc2_ready::assessment::file::to_toml;
use soc2_ready::assessment::sample;
use soc2_ready::questionnaire::{QuestionnaireSource, load};

#[test]
fn complete_fixture_is_up_to_date() {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    let generated = to_toml(&sample::complete(&questionnaire));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/fixtures/complete.toml");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &generated).expect("fixture written");
    }
    let committed = std::fs::read_to_string(&path).expect("fixture exists");
    assert!(
        committed == generated,
        "benches/fixtures/complete.toml is stale: rerun with UPDATE_FIXTURES=1"
    );
}
