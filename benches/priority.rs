//! Queue ordering of 1,000,000 tickets by `QueueKey`, beside `sort_unstable` of the same keys and a plain sort of 1,000,000 `u64`s.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::SplitMix64;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use support_sla::queue::{sort_queue, QueueKey};
use support_sla::{Severity, TicketId, Tier};

const N: usize = 1_000_000;

fn keys() -> Vec<QueueKey> {
    let mut rng = SplitMix64(2025);
    let base = DateTime::<Utc>::from_timestamp(1_735_689_600, 0).unwrap(); // 2025-01-01
    (0..N)
        .map(|i| {
            let severity = Severity::ALL[rng.below(4) as usize];
            let tier = Tier::ALL[rng.below(3) as usize];
            // A realistic backlog: registrations spread over 30 days, at nanosecond resolution.
            let offset = TimeDelta::nanoseconds(rng.below(30 * 86_400 * 1_000_000_000) as i64);
            QueueKey::for_ticket(tier, severity, base + offset, TicketId::new(i as u64))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let keys = keys();
    let mut rng = SplitMix64(7);
    let plain: Vec<u64> = (0..N).map(|_| rng.next_u64()).collect();
    let mut group = c.benchmark_group("queue/sort");
    group.sample_size(20);
    group.bench_function("1M/queue_key", |b| {
        b.iter_batched_ref(
            || keys.clone(),
            |k| sort_queue(black_box(k)),
            BatchSize::LargeInput,
        );
    });
    group.bench_function("1M/queue_key_sort_unstable", |b| {
        b.iter_batched_ref(
            || keys.clone(),
            |k| black_box(k).sort_unstable(),
            BatchSize::LargeInput,
        );
    });
    group.bench_function("1M/u64", |b| {
        b.iter_batched_ref(
            || plain.clone(),
            |v| black_box(v).sort_unstable(),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
