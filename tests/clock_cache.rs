//! `ClockCache`: clocks built through a cache answer as clocks built alone, equal coverages
//! share, different ones do not, and a cache serves several threads.

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use std::sync::Arc;
use support_sla::calendar::Calendar;
use support_sla::clock::{Clock, ClockCache};
use support_sla::coverage::{Coverage, Schedule, SpecialHours};
use support_sla::policy::{CoverageKind, PolicyConfig};
use support_sla::{Error, SupportPolicy};

fn hours(text: &str) -> Schedule {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} is a schedule: {e}"))
}

/// Instants spread over 2000–2100, at odd offsets, with DST days among them.
fn instants() -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    for year in [2000, 2013, 2025, 2026, 2062, 2099, 2100] {
        for (month, day, hour) in [(1, 1, 0), (3, 30, 2), (6, 15, 13), (10, 26, 2), (12, 24, 9)] {
            if let Some(t) = Madrid
                .with_ymd_and_hms(year, month, day, hour, 17, 41)
                .earliest()
            {
                out.push(t.to_utc());
            }
        }
    }
    out
}

fn same_answers(a: &Clock, b: &Clock) {
    let ts = instants();
    for &s in &ts {
        assert_eq!(a.is_open(s).ok(), b.is_open(s).ok(), "is_open({s})");
        assert_eq!(a.next_open(s).ok(), b.next_open(s).ok(), "next_open({s})");
        assert_eq!(
            a.next_close(s).ok(),
            b.next_close(s).ok(),
            "next_close({s})"
        );
        for &e in &ts {
            assert_eq!(
                a.elapsed(s, e).ok(),
                b.elapsed(s, e).ok(),
                "elapsed({s}, {e})"
            );
        }
        for budget in [
            TimeDelta::hours(5),
            TimeDelta::days(-40),
            TimeDelta::nanoseconds(7),
        ] {
            assert_eq!(
                a.deadline(s, budget).ok(),
                b.deadline(s, budget).ok(),
                "deadline({s}, {budget})"
            );
        }
    }
}

fn coverages() -> Vec<Coverage> {
    let madrid = Arc::new(Calendar::madrid());
    let eve = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap_or_default();
    let short = SpecialHours::on("Nochebuena", eve, hours("mon-fri 09:00-14:00"))
        .unwrap_or_else(|e| panic!("{e}"));
    vec![
        Coverage::standard(),
        Coverage::plus(),
        Coverage::always(),
        Coverage::new(
            hours("mon-fri 00:00-02:30 22:00-24:00"),
            Arc::clone(&madrid),
        ),
        Coverage::standard()
            .with_special_hours(vec![short])
            .unwrap_or_else(|e| panic!("{e}")),
        Coverage::new(hours("mon-sun 01:30-03:30"), madrid)
            .with_time_zone(chrono_tz::America::Havana),
        Coverage::ignoring_holidays(hours("mon-sun 02:00-02:30"))
            .with_time_zone(chrono_tz::Australia::Lord_Howe),
    ]
}

#[test]
fn clocks_built_through_a_cache_answer_as_clocks_built_alone() {
    let cache = ClockCache::new();
    for coverage in coverages() {
        let alone = Clock::new(coverage.clone()).unwrap_or_else(|e| panic!("{e}"));
        let cached = cache
            .clock(coverage.clone())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cached.coverage(), &coverage);
        same_answers(&alone, &cached);
    }
}

#[test]
fn equal_coverages_give_the_same_clock_and_different_ones_different_answers() {
    let cache = ClockCache::new();
    let madrid = Arc::new(Calendar::madrid());
    let early = cache
        .clock(Coverage::new(
            hours("mon-fri 08:00-16:00"),
            Arc::clone(&madrid),
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    // An equal coverage on another (equal) calendar value: the same clock.
    let again = cache
        .clock(Coverage::new(
            hours("mon-fri 08:00-16:00"),
            Calendar::madrid(),
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    let late = cache
        .clock(Coverage::new(hours("mon-fri 09:00-17:00"), madrid))
        .unwrap_or_else(|e| panic!("{e}"));
    let monday = |h| Madrid.with_ymd_and_hms(2025, 3, 3, h, 0, 0).unwrap();
    assert_eq!(early.coverage(), again.coverage());
    assert_eq!(
        early.next_close(monday(10)).ok(),
        Some(Some(monday(16).to_utc()))
    );
    assert_eq!(
        again.next_close(monday(10)).ok(),
        Some(Some(monday(16).to_utc()))
    );
    assert_eq!(
        late.next_close(monday(10)).ok(),
        Some(Some(monday(17).to_utc()))
    );
    // Same hours, another zone: another clock.
    let lisbon = cache
        .clock(Coverage::standard().with_time_zone(chrono_tz::Europe::Lisbon))
        .unwrap_or_else(|e| panic!("{e}"));
    let standard = cache
        .clock(Coverage::standard())
        .unwrap_or_else(|e| panic!("{e}"));
    let nine = monday(9);
    assert_eq!(standard.is_open(nine).ok(), Some(true));
    assert_eq!(lisbon.is_open(nine).ok(), Some(false)); // 08:00 in Lisbon
}

#[test]
fn a_cache_refuses_what_clock_new_refuses() {
    let cache = ClockCache::new();
    let never = Coverage::ignoring_holidays(Schedule::closed());
    assert!(matches!(
        cache.clock(never),
        Err(Error::CoverageNeverOpen { .. })
    ));
}

#[test]
fn threads_share_one_cache() {
    fn send_sync<T: Send + Sync + Clone>() {}
    send_sync::<ClockCache>();
    let cache = ClockCache::new();
    let handles: Vec<_> = (0..4)
        .map(|n| {
            let cache = cache.clone();
            std::thread::spawn(move || {
                let text = if n % 2 == 0 {
                    "mon-fri 08:00-15:00"
                } else {
                    "mon-fri 10:00-18:00"
                };
                cache.clock(Coverage::new(hours(text), Calendar::madrid()))
            })
        })
        .collect();
    let clocks: Vec<Clock> = handles
        .into_iter()
        .map(|h| {
            h.join()
                .unwrap_or_else(|_| panic!("a thread panicked"))
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    let monday = Madrid.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    assert_eq!(clocks[0].is_open(monday).ok(), Some(true));
    assert_eq!(clocks[1].is_open(monday).ok(), Some(false));
    assert_eq!(clocks[0].coverage(), clocks[2].coverage());
}

#[test]
fn policies_built_through_a_cache_equal_policies_built_alone() {
    let cache = ClockCache::new();
    let mut early = PolicyConfig::default();
    early.standard_hours = hours("mon-fri 07:00-15:00");
    for config in [PolicyConfig::default(), early] {
        let alone = SupportPolicy::from_config(config.clone()).unwrap_or_else(|e| panic!("{e}"));
        let cached =
            SupportPolicy::from_config_in(config.clone(), &cache).unwrap_or_else(|e| panic!("{e}"));
        let built = SupportPolicy::builder()
            .standard_hours(config.standard_hours.clone())
            .build_in(&cache)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(alone, cached);
        assert_eq!(alone, built);
        for kind in [
            CoverageKind::Standard,
            CoverageKind::Plus,
            CoverageKind::Always,
        ] {
            same_answers(alone.clock(kind), cached.clock(kind));
        }
    }
    // A refusal names its field, as without a cache.
    let mut never = PolicyConfig::default();
    never.plus_hours = Schedule::closed();
    assert_eq!(
        SupportPolicy::from_config_in(never.clone(), &cache).err(),
        SupportPolicy::from_config(never).err()
    );
}

/// Clocks built with `Clock::new` at once in several threads, of several zones (sharing, or
/// racing to compute, their zone's weeks), answer as clocks of the same coverages built one
/// after another.
#[test]
fn clocks_built_alone_at_once_in_threads_answer_alike() {
    let zones = [
        Madrid,
        chrono_tz::America::Havana,
        chrono_tz::Australia::Lord_Howe,
        chrono_tz::Europe::Lisbon,
    ];
    let coverage = |n: usize| {
        let zone = zones[n % zones.len()];
        let schedule = if n % 2 == 0 {
            "mon-fri 00:30-02:45"
        } else {
            "mon-sun 01:00-03:00"
        };
        Coverage::ignoring_holidays(hours(schedule)).with_time_zone(zone)
    };
    let built: Vec<Clock> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..8)
            .map(|n| scope.spawn(move || Clock::new(coverage(n))))
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .expect("a thread builds its clock")
                    .expect("accepted")
            })
            .collect()
    });
    for (n, clock) in built.iter().enumerate() {
        let alone = Clock::new(coverage(n)).expect("accepted");
        assert_eq!(clock.coverage(), alone.coverage());
        same_answers(clock, &alone);
    }
}
