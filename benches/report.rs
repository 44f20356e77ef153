//! Benchmarks of the gap report on the complete sample assessment (every category in
//! scope, every question answered): building the [`ReportModel`] from the scorecard, then
//! each renderer (PDF, Markdown, JSON, CSV) on that model; then the PDF of the worst case,
//! every question a gap. Rendering only, no file writes.
//! Run with `cargo bench --bench report`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::Date;
use soc2_ready::assessment::sample;
use soc2_ready::questionnaire::{QuestionnaireSource, load};
use soc2_ready::report::{Format, Paper, ReportModel, render};
use soc2_ready::scoring::{Policy, score};

fn report(c: &mut Criterion) {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    let assessment = sample::complete(&questionnaire);
    let policy = Policy::default();
    let card = score(&questionnaire, &assessment, &policy);
    let today = Date::constant(2026, 11, 24);
    c.bench_function("report: build model", |b| {
        b.iter(|| {
            ReportModel::build(
                black_box(&questionnaire),
                black_box(&assessment),
                black_box(&card),
                &policy,
                today,
            )
        });
    });
    let model = ReportModel::build(&questionnaire, &assessment, &card, &policy, today);
    let mut group = c.benchmark_group("report: render");
    for format in Format::ALL {
        if format == Format::Pdf {
            // A PDF takes tens of milliseconds; fewer samples keep `cargo bench` short.
            group.sample_size(20);
        } else {
            group.sample_size(100);
        }
        group.bench_function(format.extension(), |b| {
            b.iter(|| render(format, black_box(&model), Paper::A4));
        });
    }
    group.finish();
    // The worst case: every question of all five categories a gap (the longest PDF).
    let worst = sample::every_question_a_gap(&questionnaire);
    let card = score(&questionnaire, &worst, &policy);
    let model = ReportModel::build(&questionnaire, &worst, &card, &policy, today);
    let mut group = c.benchmark_group("report: render worst case");
    group.sample_size(20);
    group.bench_function("pdf", |b| {
        b.iter(|| render(Format::Pdf, black_box(&model), Paper::A4).bytes);
    });
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
