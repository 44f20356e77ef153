//! Benchmarks of the domain core: loading and validating the embedded questionnaires (and a
//! very large custom one), reading and writing an assessment file, and scoring a complete
//! assessment. Run with `cargo bench --bench core`.

use std::hint::black_box;

#[path = "support/large_questionnaire.rs"]
mod large_questionnaire;

use criterion::{Criterion, criterion_group, criterion_main};
use soc2_ready::assessment::file::{from_toml, to_toml};
use soc2_ready::assessment::sample;
use soc2_ready::diagnostics::SourceText;
use soc2_ready::questionnaire::{QuestionnaireSource, load, parse_files};
use soc2_ready::scoring::{Policy, score};

fn core(c: &mut Criterion) {
    c.bench_function("questionnaire: load + validate built-in", |b| {
        b.iter(|| load(black_box(&QuestionnaireSource::BuiltIn)).expect("valid"));
    });
    let large = large_questionnaire::with_extra_questions(20_000);
    c.bench_function(
        "questionnaire: load + validate with 20,000 extra questions on one criterion",
        |b| b.iter(|| parse_files(black_box(&large), "bench".into()).expect("valid")),
    );
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
