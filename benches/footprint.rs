//! What building a clock costs: `Clock::new` for the presets, the Madrid policy, a history of
//! eleven versions (`history10`: its distinct clocks built, then folded into one index), a coverage
//! with a closure every week, 1,000 distinct tenant clocks, and the worst configurations a
//! clock accepts (the most windows a day; special hours on every day, each its own windows).
//! `standard_first_of_zone` is `Clock::new` with no other clock of its zone alive, so that it
//! computes the zone's weeks; the other `Clock::new` cases run while a clock of Madrid lives, and
//! share them. Through a `ClockCache`: a clock built over its zone's cached weeks
//! (`*_in_cache`), a cache hit (`standard_cache_hit`), the 1,000 tenants
//! (`tenants_1000_in_cache`, a new cache each time; as for `tenants_1000`, the first clock of
//! each iteration computes the zone's weeks).
//! The heap each holds is printed by `cargo run --release --example footprint`.

mod common;

use common::footprint::{many_holidays, tenants, worst_special, worst_windows};
use common::ten_versions;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use support_sla::clock::{Clock, ClockCache};
use support_sla::coverage::Coverage;
use support_sla::SupportPolicy;

fn bench(c: &mut Criterion) {
    // The first clock of a zone in the process (no clock of Madrid alive): it computes the
    // zone's week starts, an offset look-up a week.
    c.bench_function("footprint/build/standard_first_of_zone", |b| {
        b.iter_batched(
            Coverage::standard,
            |coverage| drop(black_box(Clock::new(black_box(coverage)).unwrap())),
            BatchSize::SmallInput,
        );
    });
    // A service's usual case: another clock of the zone is alive, whose week starts the new
    // clock shares.
    let anchor = Clock::new(Coverage::always()).unwrap();
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
    drop(anchor);
    // Alone: no other clock of Madrid alive, so its three clocks compute the zone's week starts
    // once.
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
    // From here no clock of Madrid is alive, nor a cache keeping its weeks: the first clock of
    // each iteration computes them.
    drop((held, cache));
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
