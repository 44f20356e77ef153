//! Benchmarks of the domain core: loading and validating the embedded questionnaires,
//! reading and writing an assessment file, and scoring a complete assessment.
//! Run with `cargo bench --bench core`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use soc2_ready::assessment::file::{from_toml, to_toml};
use soc2_ready::assessment::sample;
use soc2_ready::diagnostics::SourceText;
use soc2_ready::questionnaire::{QuestionnaireSource, load};
use soc2_ready::scoring::{Policy, score};

fn core(c: &mut Criterion) {
    c.bench_function("questionnaire: load + validate built-in", |b| {
        b.iter(|| load(black_box(&QuestionnaireSource::BuiltIn)).expect("valid"));
    });
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    let assessment = sample::complete(&questionnaire);
    let text = to_toml(&assessment);
    c.bench_function("assessment: parse complete file", |b| {
        b.iter(|| from_toml(SourceText::new("complete.toml", black_box(&text))).expect("valid"));
    });
    c.bench_function("assessment: serialize complete file", |b| {
        b.iter(|| to_toml(black_box(&assessment)))
    });
    c.bench_function("scoring: complete assessment", |b| {
        b.iter(|| {
            score(
                black_box(&questionnaire),
                black_box(&assessment),
                &Policy::default(),
            )
        });
    });
}

criterion_group!(benches, core);
criterion_main!(benches);
