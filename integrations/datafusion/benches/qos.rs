//! The monthly quality-of-service SQL (`sql/monthly_qos.sql`: `sla_status` + GROUP BY) over
//! 10M tickets of the synthetic history held in memory, and its event-log form
//! (`sql/monthly_qos_timeline.sql`: `array_agg` per ticket + `sla_timeline_status` + GROUP BY)
//! over the events of 1M tickets.
//!
//! `cargo bench -p support-sla-datafusion --bench qos`; under `cargo test --benches` they run
//! once over 20 000 tickets.

#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use datafusion::arrow::array::RecordBatch;
use datafusion::datasource::MemTable;
use datafusion::prelude::{SessionConfig, SessionContext};
use std::sync::Arc;
use std::time::Duration;
use support_sla::SupportPolicy;

const QOS: &str = include_str!("../sql/monthly_qos.sql");
const TIMELINE: &str = include_str!("../sql/monthly_qos_timeline.sql");

/// Splits `rows` into batches of `batch` consecutive rows made by `make`, dealt round-robin to
/// `partitions` partitions.
fn partitioned(
    rows: i64,
    partitions: usize,
    make: impl Fn(std::ops::Range<i64>) -> RecordBatch,
) -> Vec<Vec<RecordBatch>> {
    let batch = 64 * 1024;
    let mut parts: Vec<Vec<RecordBatch>> = vec![Vec::new(); partitions];
    for (i, start) in (0..rows).step_by(batch).enumerate() {
        let end = (start + batch as i64).min(rows);
        parts[i % partitions].push(make(start..end));
    }
    parts
}

fn bench(c: &mut Criterion) {
    let full = std::env::args().any(|a| a == "--bench");
    let (tickets, label, timeline_tickets, timeline_label) = if full {
        (10_000_000i64, "10M", 1_000_000i64, "1M")
    } else {
        (20_000, "20k", 20_000, "20k")
    };
    let partitions = std::thread::available_parallelism().map_or(2, |n| n.get());
    // Each partition a list of batches of consecutive tickets (or of their events).
    let parts = partitioned(tickets, partitions, |ids| {
        synthetic::tickets_batch(2025, ids)
    });
    let table = MemTable::try_new(synthetic::tickets_schema(), parts).unwrap();
    let events = partitioned(timeline_tickets, partitions, |ids| {
        let tickets: Vec<_> = ids.map(|id| synthetic::ticket(2025, id)).collect();
        synthetic::events_of(&tickets)
    });
    let events = MemTable::try_new(synthetic::events_schema(), events).unwrap();
    let ctx =
        SessionContext::new_with_config(SessionConfig::new().with_target_partitions(partitions));
    support_sla_datafusion::register(&ctx, &SupportPolicy::madrid());
    ctx.register_table("tickets", Arc::new(table)).unwrap();
    ctx.register_table("events", Arc::new(events)).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().build().unwrap();
    let mut group = c.benchmark_group("qos");
    group.sample_size(10);
    if full {
        group.measurement_time(Duration::from_secs(30));
    }
    group.bench_function(format!("monthly/{label}"), |b| {
        b.iter(|| runtime.block_on(async { ctx.sql(QOS).await.unwrap().collect().await.unwrap() }))
    });
    group.bench_function(format!("timeline/{timeline_label}"), |b| {
        b.iter(|| {
            runtime.block_on(async { ctx.sql(TIMELINE).await.unwrap().collect().await.unwrap() })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
