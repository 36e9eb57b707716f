//! `repair` over a million tickets: a month of tickets (November 2025, see
//! `common::november_tickets`) under the policy of the text and under the same policy with a
//! closure day added on Friday 14 November 2025, the run a desk makes after such a change. The
//! goal: under a second on one core.

mod common;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;
use support_sla::calendar::{CalendarOverrides, Holiday, Level, Provenance};
use support_sla::policy::PolicyConfig;
use support_sla::status::repair;
use support_sla::SupportPolicy;

const TICKETS: usize = 1_000_000;

fn with_closure() -> SupportPolicy {
    let mut config = PolicyConfig::default();
    config.calendar_overrides = CalendarOverrides::new().add_day(Holiday::new(
        NaiveDate::from_ymd_opt(2025, 11, 14).unwrap(),
        Level::Company,
        "Cierre de oficina",
        Provenance::Custom {
            source: "bench".into(),
        },
    ));
    SupportPolicy::from_config(config).unwrap()
}

fn bench(c: &mut Criterion) {
    let tickets = common::november_tickets(TICKETS, 7);
    let (old, new) = (SupportPolicy::madrid(), with_closure());
    let now = common::instant(common::DECEMBER_2025_MADRID, 0);
    let moved = repair(&old, &new, tickets.iter().map(|(id, t)| (*id, t)), now);
    assert!(!moved.is_empty() && moved.len() < TICKETS);
    println!("repair: {} of {TICKETS} tickets moved", moved.len());
    let mut group = c.benchmark_group("repair");
    group.sample_size(10);
    group.bench_function("1M_tickets_closure_day", |b| {
        b.iter(|| {
            repair(
                black_box(&old),
                black_box(&new),
                tickets.iter().map(|(id, t)| (*id, t)),
                now,
            )
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
