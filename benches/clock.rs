//! `elapsed` and `deadline` over spans from one hour to ten years, on the `standard` and
//! `always` coverages and on `special` (standard with one special day a month, 2020–2029). The goal: the same cost whatever the span.
//! `history10` is the Standard clock of a policy history of ten versions (summer hours from
//! 1 July and back on 15 September, 2021–2025): the same cost with versions.
//!
//! Each iteration answers one query, cycling over 64 start instants spread across 2025 (at
//! nanosecond offsets), so the figures are not those of one cached path.

mod common;

use chrono::{DateTime, TimeDelta, Utc};
use common::{ten_versions, SplitMix64};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use support_sla::clock::Clock;
use support_sla::coverage::{Coverage, SpecialHours};
use support_sla::policy::CoverageKind;
use support_sla::SupportPolicy;

const SPANS: [(&str, i64); 5] = [
    ("1h", 3_600),
    ("1d", 86_400),
    ("30d", 30 * 86_400),
    ("1y", 365 * 86_400),
    ("10y", 3_652 * 86_400),
];

fn starts() -> Vec<DateTime<Utc>> {
    let mut rng = SplitMix64(42);
    let base = 1_735_689_600_i64; // 2025-01-01T00:00:00Z
    (0..64)
        .map(|_| {
            let secs = base + rng.below(365 * 86_400) as i64;
            let nanos = rng.below(1_000_000_000) as u32;
            DateTime::from_timestamp(secs, nanos).unwrap_or_default()
        })
        .collect()
}

/// Standard hours with one special day a month over ten years (2020–2029): the 15th closes at
/// 14:00.
fn standard_with_special_days() -> Coverage {
    let days = (2020..=2029).flat_map(|year| {
        (1..=12).filter_map(move |month| {
            let date = chrono::NaiveDate::from_ymd_opt(year, month, 15)?;
            let hours = "mon-fri 09:00-14:00".parse().ok()?;
            SpecialHours::on("Jornada reducida", date, hours).ok()
        })
    });
    match Coverage::standard().with_special_hours(days.collect()) {
        Ok(coverage) => coverage,
        Err(error) => panic!("the special days of the bench are disjoint: {error}"),
    }
}

fn bench(c: &mut Criterion) {
    let starts = starts();
    for (name, coverage) in [
        ("standard", Coverage::standard()),
        ("always", Coverage::always()),
        ("special", standard_with_special_days()),
    ] {
        let Ok(clock) = Clock::new(coverage) else {
            panic!("the {name} preset builds a clock");
        };
        spans(c, &starts, name, &clock);
    }
    let policy = SupportPolicy::from_history(ten_versions()).unwrap();
    spans(
        c,
        &starts,
        "history10",
        policy.clock(CoverageKind::Standard),
    );
}

fn spans(c: &mut Criterion, starts: &[DateTime<Utc>], name: &str, clock: &Clock) {
    for (label, seconds) in SPANS {
        let span = TimeDelta::seconds(seconds);
        let ends: Vec<_> = starts.iter().map(|s| *s + span).collect();
        let budgets: Vec<TimeDelta> = starts
            .iter()
            .zip(&ends)
            .map(|(s, e)| clock.elapsed(*s, *e).unwrap_or_default())
            .collect();
        let mut i = 0usize;
        c.bench_function(&format!("clock/elapsed/{name}/{label}"), |b| {
            b.iter(|| {
                i = (i + 1) & 63;
                clock.elapsed(black_box(starts[i]), black_box(ends[i]))
            });
        });
        let mut i = 0usize;
        c.bench_function(&format!("clock/deadline/{name}/{label}"), |b| {
            b.iter(|| {
                i = (i + 1) & 63;
                clock.deadline(black_box(starts[i]), black_box(budgets[i]))
            });
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
