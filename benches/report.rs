//! The `QoS` report over a million tickets, and the cost per ticket from facts to report.
//!
//! `report/qos/1M`: the aggregation alone, over 1,000,000 statuses computed once (the fixture
//! takes about a second). `report/status_plus_qos/100k`: computing 100,000 statuses with
//! `SupportPolicy::status` and aggregating them on the fly, so the end-to-end cost per ticket
//! shows.

mod common;

use common::{instant, november_tickets, DECEMBER_2025_MADRID, NOVEMBER_2025_MADRID};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use support_sla::report::QosReport;
use support_sla::status::TicketStatus;
use support_sla::{SupportPolicy, TicketId};

fn bench(c: &mut Criterion) {
    let policy = SupportPolicy::madrid();
    let period = instant(NOVEMBER_2025_MADRID, 0)..instant(DECEMBER_2025_MADRID, 0);
    let now = period.end;

    let facts = november_tickets(1_000_000, 2025);
    let statuses: Vec<(TicketId, TicketStatus)> = facts
        .iter()
        .filter_map(|(id, f)| policy.status(f, now).ok().map(|s| (*id, s)))
        .collect();
    assert_eq!(statuses.len(), facts.len(), "every fixture status computes");
    let report = QosReport::new(statuses.iter().map(|(id, s)| (*id, s)), period.clone());
    eprintln!(
        "fixture: {} tickets, first response met {}, resolution met {}, {} breaches",
        report.tickets(),
        report.total().first_response.share_met(),
        report.total().resolution.share_met(),
        report.breaches().len()
    );

    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    group.bench_function("qos/1M", |b| {
        b.iter(|| {
            QosReport::new(
                black_box(&statuses).iter().map(|(id, s)| (*id, s)),
                black_box(period.clone()),
            )
        });
    });
    let facts_100k = &facts[..100_000];
    group.bench_function("status_plus_qos/100k", |b| {
        b.iter(|| {
            QosReport::new(
                black_box(facts_100k)
                    .iter()
                    .filter_map(|(id, f)| policy.status(f, now).ok().map(|s| (*id, s))),
                black_box(period.clone()),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
