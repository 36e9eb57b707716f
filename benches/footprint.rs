//! What building a clock costs: `Clock::new` for the presets, the Madrid policy, a history of
//! eleven versions (`history10`: its distinct clocks built, then folded into one index), a coverage
//! with a closure every week, 1,000 distinct tenant clocks, and the worst configurations a
//! clock accepts (the most windows a day; special hours on every day, each its own windows).
//! Through a `ClockCache`: a clock built over its zone's cached weeks (`*_in_cache`), a cache
//! hit (`standard_cache_hit`), the 1,000 tenants (`tenants_1000_in_cache`, a new cache each
//! time, so the zone's weeks are computed once per iteration).
//! The heap each holds is printed by `cargo run --release --example footprint`.

mod common;

use common::footprint::{many_holidays, tenants, worst_special, worst_windows};
use common::ten_versions;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use support_sla::clock::{Clock, ClockCache};
use support_sla::coverage::Coverage;
use support_sla::policy::PolicyConfig;
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
    // Eleven versions, two distinct Standard coverages: two clocks built, then folded.
    c.bench_function("footprint/build/history10", |b| {
        b.iter_batched(
            ten_versions,
            |history| SupportPolicy::from_history(black_box(history)).unwrap(),
            BatchSize::SmallInput,
        );
    });
    let cache = ClockCache::new();
    for (name, coverage) in [
        ("standard", Coverage::standard()),
        ("always", Coverage::always()),
    ] {
        // Each clock is dropped as soon as built (the cache holds clocks weakly), so each
        // iteration builds one, over the zone's weeks the cache keeps.
        c.bench_function(&format!("footprint/build/{name}_in_cache"), |b| {
            b.iter_batched(
                || coverage.clone(),
                |coverage| drop(black_box(cache.clock(black_box(coverage)).unwrap())),
                BatchSize::SmallInput,
            );
        });
    }
    // A hit: an equal coverage on the same calendar (`Arc`), and on an equal calendar value
    // (compared in full).
    let held = cache.clock(Coverage::standard()).unwrap();
    let same_calendar = held.coverage().clone();
    c.bench_function("footprint/build/standard_cache_hit", |b| {
        b.iter_batched(
            || same_calendar.clone(),
            |coverage| cache.clock(black_box(coverage)).unwrap(),
            BatchSize::SmallInput,
        );
    });
    c.bench_function("footprint/build/standard_cache_hit_equal_calendar", |b| {
        b.iter_batched(
            Coverage::standard,
            |coverage| cache.clock(black_box(coverage)).unwrap(),
            BatchSize::SmallInput,
        );
    });
    drop(held);
    c.bench_function("footprint/build/policy_madrid_in_cache", |b| {
        b.iter(|| {
            SupportPolicy::from_config_in(PolicyConfig::default(), &ClockCache::new()).unwrap()
        });
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
    group.bench_function("tenants_1000_in_cache", |b| {
        b.iter_batched(
            || tenants.clone(),
            |tenants| {
                let cache = ClockCache::new();
                tenants
                    .into_iter()
                    .map(|coverage| cache.clock(coverage).unwrap())
                    .collect::<Vec<_>>()
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
