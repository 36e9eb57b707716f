//! What building a clock costs: `Clock::new` for the presets, the Madrid policy, a coverage
//! with a closure every week, 1,000 distinct tenant clocks, and the worst configurations a
//! clock accepts (the most windows a day; special hours on every day, each its own windows).
//! The heap each holds is printed by `cargo run --release --example footprint`.

mod common;

use common::footprint::{many_holidays, tenants, worst_special, worst_windows};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use support_sla::clock::Clock;
use support_sla::coverage::Coverage;
use support_sla::SupportPolicy;

fn bench(c: &mut Criterion) {
    for (name, coverage) in [
        ("standard", Coverage::standard()),
        ("plus", Coverage::plus()),
        ("always", Coverage::always()),
        ("many_holidays", many_holidays()),
        ("worst_windows", worst_windows()),
        ("worst_special", worst_special()),
    ] {
        c.bench_function(&format!("footprint/build/{name}"), |b| {
            b.iter_batched(
                || coverage.clone(),
                |coverage| Clock::new(black_box(coverage)).unwrap(),
                BatchSize::SmallInput,
            );
        });
    }
    c.bench_function("footprint/build/policy_madrid", |b| {
        b.iter(SupportPolicy::madrid);
    });
    let tenants = tenants(1_000);
    let mut group = c.benchmark_group("footprint/build");
    group.sample_size(10);
    group.bench_function("tenants_1000", |b| {
        b.iter_batched(
            || tenants.clone(),
            |tenants| {
                tenants
                    .into_iter()
                    .map(|coverage| Clock::new(coverage).unwrap())
                    .collect::<Vec<_>>()
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
