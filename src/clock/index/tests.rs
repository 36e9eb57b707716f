//! The index against a day-by-day construction, and (ignored) build timings.

use super::{Index, WEEK};
use crate::clock::dst::{offset_nanos, wall_to_nanos};
use crate::coverage::Coverage;
use chrono::NaiveDate;

mod laws {
    use super::*;
    use crate::calendar::Calendar;
    use crate::coverage::Schedule;

    /// The open intervals of `coverage` over `first..=last`, joined, the plain way: day by day.
    fn day_by_day(coverage: &Coverage, first: NaiveDate, last: NaiveDate) -> Vec<(i64, i64)> {
        let tz = coverage.time_zone();
        let mut out: Vec<(i64, i64)> = Vec::new();
        for date in first.iter_days().take_while(|d| *d <= last) {
            for w in coverage.day_plan(date).unwrap().windows() {
                let a = wall_to_nanos(tz, date, w.open_nanos()).unwrap();
                let b = wall_to_nanos(tz, date, w.close_nanos()).unwrap();
                if a >= b {
                    continue;
                }
                match out.last_mut() {
                    Some(last) if last.1 >= a => last.1 = last.1.max(b),
                    _ => out.push((a, b)),
                }
            }
        }
        out
    }

    fn coverages() -> Vec<Coverage> {
        let s = |text: &str| text.parse::<Schedule>().unwrap();
        vec![
            Coverage::standard(),
            Coverage::always(),
            Coverage::new(s("mon-fri 00:00-06:00 22:00-24:00"), Calendar::madrid()),
            Coverage::ignoring_holidays(s("mon-fri 02:00-03:00 03:00-04:30; sat-sun 00:00-24:00"))
                .with_time_zone(chrono_tz::America::Havana),
            Coverage::ignoring_holidays(s("sun 01:30-02:30"))
                .with_time_zone(chrono_tz::America::New_York),
        ]
    }

    #[test]
    fn the_weeks_answer_as_the_day_by_day_intervals() {
        let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(); // not whole weeks
        for coverage in coverages() {
            let index = Index::build(&coverage, first, last).unwrap();
            let want = day_by_day(&coverage, first, last);
            let got: Vec<_> = index
                .open_intervals(index.range_start, index.range_end)
                .collect();
            assert_eq!(got, want, "{coverage:?}");
            let mut before = 0;
            let mut probes = 0;
            for (k, &(a, b)) in want.iter().enumerate() {
                assert_eq!(index.service_before(a), before);
                assert!(index.is_open(a) && !index.is_open(b) || b == index.range_end);
                assert_eq!(index.next_open((a - 1).max(index.range_start)), Some(a));
                assert_eq!(index.next_close(a), (b < index.range_end).then_some(b));
                assert_eq!(index.service_before((a + b) / 2), before + (b - a) / 2);
                assert_eq!(index.reach_forward(before + (b - a)), Some(b));
                assert_eq!(index.reach_backward(before), Some(a));
                before += b - a;
                if let Some(&(next, _)) = want.get(k + 1) {
                    assert_eq!(index.next_open(b), Some(next));
                    assert_eq!(index.service_before(next - 1), before);
                }
                probes += 1;
            }
            assert_eq!(index.total(), before);
            assert!(probes > 0);
            let (a, b) = (want[want.len() / 3].0 + 17, want[want.len() / 2].1 - 5);
            let some: Vec<_> = index.open_intervals(a, b).collect();
            let inside: Vec<_> = want
                .iter()
                .filter(|iv| iv.1 > a && iv.0 < b)
                .map(|iv| (iv.0.max(a), iv.1.min(b)))
                .collect();
            assert_eq!(some, inside);
        }
    }

    #[test]
    fn identical_weeks_are_stored_once() {
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        let index = Index::build(&Coverage::standard(), first, last).unwrap();
        assert_eq!(index.weeks.len(), 5_270);
        assert!(
            index.patterns.len() < 200,
            "{} patterns",
            index.patterns.len()
        );
        assert!(
            index.heap_bytes() < 128 * 1024,
            "{} bytes",
            index.heap_bytes()
        );
        let always = Index::build(&Coverage::always(), first, last).unwrap();
        assert!(
            always.patterns.len() <= 8,
            "{} patterns",
            always.patterns.len()
        );
    }
}
mod timing {
    //! CPU cost of building, for `perf stat -e task-clock` on a busy machine (ignored).
    use super::*;

    fn range() -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2100, 12, 31).unwrap(),
        )
    }

    #[test]
    #[ignore = "timing loop for `perf stat`, asserts nothing and takes seconds"]
    fn timing_build_standard_1000() {
        let (first, last) = range();
        let c = Coverage::standard();
        for _ in 0..1000 {
            std::hint::black_box(Index::build(&c, first, last));
        }
    }

    #[test]
    #[ignore = "timing loop for `perf stat`, asserts nothing and takes seconds"]
    fn timing_build_in_zone_standard_1000() {
        let (first, last) = range();
        let c = Coverage::standard();
        let zone = crate::clock::dst::ZoneWeeks::new(c.time_zone(), first, last).unwrap();
        for _ in 0..1000 {
            std::hint::black_box(Index::build_in(&c, &zone));
        }
    }

    #[test]
    #[ignore = "timing loop for `perf stat`, asserts nothing and takes seconds"]
    fn timing_zone_weeks_1000() {
        let (first, last) = range();
        for _ in 0..1000 {
            let zone = crate::clock::dst::ZoneWeeks::new(chrono_tz::Europe::Madrid, first, last);
            std::hint::black_box(zone);
        }
    }

    #[test]
    #[ignore = "timing loop for `perf stat`, asserts nothing and takes seconds"]
    fn timing_offsets_1000() {
        let (first, _) = range();
        let tz = chrono_tz::Europe::Madrid;
        for _ in 0..1000 {
            let start = wall_to_nanos(tz, first, 0).unwrap();
            let s: i64 = (0..5270)
                .map(|k| offset_nanos(tz, start + k * WEEK).unwrap())
                .sum();
            std::hint::black_box(s);
        }
    }
}

mod query_timing {
    //! Query cost, for `valgrind --tool=cachegrind` (instructions and branch misses do not
    //! depend on the machine's load) or `perf stat` (ignored).
    use super::*;

    /// 64 instants spread over 2025 (as `benches/clock.rs` does), and each plus `span`.
    fn instants(index: &Index, span: i64) -> Vec<(i64, i64)> {
        let mut x = 42u64;
        let mut next = move || {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        let base = 1_735_689_600_000_000_000i64;
        (0..64)
            .map(|_| {
                let t = base + (next() % (365 * 86_400_000_000_000)) as i64;
                (t, (t + span).min(index.range_end))
            })
            .collect()
    }

    #[test]
    #[ignore = "timing loop for cachegrind or `perf stat`, asserts nothing"]
    fn timing_elapsed_and_reach_standard() {
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        let index = Index::build(&Coverage::standard(), first, last).unwrap();
        let pairs = instants(&index, 30 * 86_400_000_000_000);
        let mut sum = 0i64;
        for _ in 0..20_000 {
            for &(a, b) in &pairs {
                let a = std::hint::black_box(a);
                let d = index.service_before(b) - index.service_before(a);
                sum = sum.wrapping_add(d);
                let target = index.service_before(a) + (d >> 1) + 1;
                sum = sum.wrapping_add(index.reach_forward(target).unwrap_or(0));
            }
        }
        std::hint::black_box(sum);
    }
}
