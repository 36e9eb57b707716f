//! The monthly quality-of-service SQL (`sql/monthly_qos.sql`: `sla_status` + GROUP BY) over
//! 10M tickets of the synthetic history held in memory.
//!
//! `cargo bench -p support-sla-datafusion --bench qos`; under `cargo test --benches` it runs
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

fn bench(c: &mut Criterion) {
    let full = std::env::args().any(|a| a == "--bench");
    let (tickets, label) = if full {
        (10_000_000i64, "10M")
    } else {
        (20_000, "20k")
    };
    let partitions = std::thread::available_parallelism().map_or(2, |n| n.get());
    let batch = 64 * 1024;
    // Each partition a list of batches of consecutive tickets.
    let mut parts: Vec<Vec<RecordBatch>> = vec![Vec::new(); partitions];
    for (i, start) in (0..tickets).step_by(batch).enumerate() {
        let end = (start + batch as i64).min(tickets);
        parts[i % partitions].push(synthetic::tickets_batch(2025, start..end));
    }
    let table = MemTable::try_new(synthetic::tickets_schema(), parts).unwrap();
    let ctx =
        SessionContext::new_with_config(SessionConfig::new().with_target_partitions(partitions));
    support_sla_datafusion::register(&ctx, &SupportPolicy::madrid());
    ctx.register_table("tickets", Arc::new(table)).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().build().unwrap();
    let mut group = c.benchmark_group("qos");
    group.sample_size(10);
    if full {
        group.measurement_time(Duration::from_secs(30));
    }
    group.bench_function(format!("monthly/{label}"), |b| {
        b.iter(|| runtime.block_on(async { ctx.sql(QOS).await.unwrap().collect().await.unwrap() }))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
