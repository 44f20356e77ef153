//! Benchmarks of the importers: a 50,000-row Prowler SOC 2 compliance CSV and a
//! 10,000-user AWS IAM credential report, from bytes to findings and proposals. Run with
//! `cargo bench --bench import`; `benches/import-measure.sh` times the whole process
//! against Python's csv module reading the same files.

use std::hint::black_box;

#[path = "support/import_exports.rs"]
mod import_exports;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use soc2_ready::assessment::sample;
use soc2_ready::import::{Source, propose};
use soc2_ready::questionnaire::{QuestionnaireSource, load};

fn import(c: &mut Criterion) {
    let questionnaire = load(&QuestionnaireSource::BuiltIn).expect("valid");
    let assessment = sample::complete(&questionnaire);
    let prowler = import_exports::prowler_csv(50_000);
    let report = import_exports::credential_report(10_000);
    let today = date(2026, 12, 1);
    let mut group = c.benchmark_group("import");
    group.sample_size(20);
    group.bench_function("prowler: 50,000 rows to findings and proposals", |b| {
        b.iter(|| {
            let findings = Source::Prowler
                .read("soc2_aws.csv", black_box(prowler.as_bytes()), today)
                .expect("valid");
            propose(&questionnaire, &assessment, &findings).0.len()
        });
    });
    group.bench_function(
        "aws-credential-report: 10,000 users to findings and proposals",
        |b| {
            b.iter(|| {
                let findings = Source::AwsCredentialReport
                    .read("report.csv", black_box(report.as_bytes()), today)
                    .expect("valid");
                propose(&questionnaire, &assessment, &findings).0.len()
            });
        },
    );
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
