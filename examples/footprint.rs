//! The heap each clock and policy holds, counted by a global allocator, and how long each takes
//! to build: `cargo run --release --example footprint`.
//!
//! "held" is what stays allocated once the value is built (what a service pays per value),
//! "peak" the most allocated at once while building it, both beyond what was allocated before.

#[path = "../benches/common/mod.rs"]
mod common;

use common::footprint::{many_holidays, tenants, worst_special, worst_windows};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};
use support_sla::calendar::Calendar;
use support_sla::clock::{Clock, ClockCache};
use support_sla::coverage::Coverage;
use support_sla::policy::PolicyConfig;
use support_sla::SupportPolicy;

/// The system allocator, counting the bytes allocated now and the most at once.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(bytes: usize) {
    let now = HELD.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            HELD.fetch_sub(layout.size(), Relaxed);
            grow(new_size);
        }
        new
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What building a value cost: its heap held, the peak while building, the time.
struct Cost {
    held: usize,
    peak: usize,
    time: Duration,
}

/// Builds a value with `build` (the best time of `runs` runs) and counts what it holds.
fn measure<T>(runs: u32, mut build: impl FnMut() -> T) -> (T, Cost) {
    measure_from(runs, || (), |()| build())
}

/// As [`measure`], building from an input made by `setup` (not counted).
fn measure_from<I, T>(
    runs: u32,
    mut setup: impl FnMut() -> I,
    mut build: impl FnMut(I) -> T,
) -> (T, Cost) {
    let mut best = Duration::MAX;
    for _ in 1..runs {
        let input = setup();
        let start = Instant::now();
        let value = build(input);
        best = best.min(start.elapsed());
        drop(black_box(value));
    }
    let input = setup();
    let before = HELD.load(Relaxed);
    PEAK.store(before, Relaxed);
    let start = Instant::now();
    let value = black_box(build(input));
    let time = best.min(start.elapsed());
    let cost = Cost {
        held: HELD.load(Relaxed) - before,
        peak: PEAK.load(Relaxed) - before,
        time,
    };
    (value, cost)
}

fn row(name: &str, cost: &Cost) {
    println!(
        "| {name:<40} | {:>12.1} | {:>12.1} | {:>11.3} |",
        cost.held as f64 / 1024.0,
        cost.peak as f64 / 1024.0,
        cost.time.as_secs_f64() * 1e3,
    );
}

fn clock_of(name: &str, coverage: &Coverage) {
    let (clock, cost) = measure_from(9, || coverage.clone(), |c| Clock::new(c).unwrap());
    row(&format!("Clock::new({name})"), &cost);
    drop(clock);
}

/// Tenants in the last rows (10,000 unless `FOOTPRINT_TENANTS` says otherwise).
static TENANTS_ENV: &str = "FOOTPRINT_TENANTS";

fn main() {
    let count: u64 = std::env::var(TENANTS_ENV)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    println!("| value | held KiB | peak KiB | build ms |");
    println!("|---|---:|---:|---:|");
    let (calendar, cost) = measure(3, Calendar::madrid);
    row("Calendar::madrid()", &cost);
    drop(calendar);
    let (coverage, cost) = measure(3, Coverage::standard);
    row("Coverage::standard() (its calendar)", &cost);
    drop(coverage);
    for (name, coverage) in [
        ("standard", Coverage::standard()),
        ("plus", Coverage::plus()),
        ("always", Coverage::always()),
        ("many_holidays", many_holidays()),
        ("worst_windows", worst_windows()),
        ("worst_special", worst_special()),
    ] {
        clock_of(name, &coverage);
    }
    let (clock, cost) = measure(5, || Clock::new(Coverage::standard()).unwrap());
    row("Clock::new(Coverage::standard()) in all", &cost);
    drop(clock);
    // A service's usual case: another clock of the zone is alive, and the new clock shares the
    // zone's weeks instead of computing them.
    let anchor = Clock::new(Coverage::always()).unwrap();
    let standard = Coverage::standard();
    let (clock, cost) = measure_from(9, || standard.clone(), |c| Clock::new(c).unwrap());
    row("Clock::new(standard), Madrid in use", &cost);
    drop((clock, anchor));
    let (policy, cost) = measure(5, SupportPolicy::madrid);
    row("SupportPolicy::madrid()", &cost);
    drop(policy);
    let (coverages, cost) = measure(1, || tenants(count));
    row(
        &format!("{count} tenant coverages (shared calendar)"),
        &cost,
    );
    let (clocks, cost) = measure_from(
        2,
        || coverages.clone(),
        |coverages| {
            coverages
                .into_iter()
                .map(|coverage| Clock::new(coverage).unwrap())
                .collect::<Vec<_>>()
        },
    );
    row(&format!("{count} distinct tenant clocks"), &cost);
    drop(clocks);
    // The way a multi-tenant service builds them: through one cache, so the zone's weeks are
    // computed and held once (the cache counted in, built afresh for each run).
    let (clocks, cost) = measure_from(
        2,
        || coverages.clone(),
        |coverages| {
            let cache = ClockCache::new();
            let clocks = coverages
                .into_iter()
                .map(|coverage| cache.clock(coverage).unwrap())
                .collect::<Vec<_>>();
            (cache, clocks)
        },
    );
    row(
        &format!("{count} distinct tenant clocks, one ClockCache"),
        &cost,
    );
    drop(clocks);
    let (policies, cost) = measure(3, || {
        let cache = ClockCache::new();
        let policies = (0..count)
            .map(|_| SupportPolicy::from_config_in(PolicyConfig::default(), &cache).unwrap())
            .collect::<Vec<_>>();
        (cache, policies)
    });
    row(
        &format!("{count} SupportPolicy::madrid(), one ClockCache"),
        &cost,
    );
    drop(policies);
}
