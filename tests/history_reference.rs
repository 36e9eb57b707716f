//! Clocks of policy histories against the brute-force reference of `tests/common/versions.rs`
//! (which walks each version's days and keeps what falls in its span): random histories of up to
//! four versions, with hours changing mid-week, versions taking effect inside the hours of the
//! DST changes, special hours in one version only and a change of zone; and a history of one
//! version is the policy itself.

mod common;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use common::versions::RefHistory;
use common::{RefCoverage, Week, DAY, HOUR, SECOND};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use support_sla::calendar::Calendar;
use support_sla::clock::Clock;
use support_sla::coverage::{Schedule, SpecialHours};
use support_sla::policy::{CoverageKind, PolicyConfig, PolicyHistory};
use support_sla::{Severity, SupportPolicy, Tier};

const MINUTE: i64 = 60 * SECOND;
const ZONES: [Tz; 3] = [
    chrono_tz::Europe::Madrid,
    chrono_tz::Europe::London,
    chrono_tz::America::New_York,
];
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn utc(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(t)
}

fn ns(y: i32, m: u32, d: u32, h: u32, mi: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, h, mi, 0)
        .unwrap()
        .timestamp_nanos_opt()
        .unwrap()
}

/// The window the reference answers in, and the instants asked about (well inside it).
fn window() -> (i64, i64) {
    (ns(2024, 6, 1, 0, 0), ns(2027, 1, 1, 0, 0))
}
fn asked() -> (i64, i64) {
    (ns(2024, 12, 1, 0, 0), ns(2026, 2, 1, 0, 0))
}

fn madrid_holidays() -> &'static BTreeSet<NaiveDate> {
    static SET: OnceLock<BTreeSet<NaiveDate>> = OnceLock::new();
    SET.get_or_init(|| {
        let calendar = Calendar::madrid();
        (2000..=2100)
            .flat_map(|y| calendar.holidays_in_year(y).unwrap().to_vec())
            .map(|h| h.date())
            .collect()
    })
}

fn wall_time(n: i64) -> NaiveTime {
    if n == DAY {
        return NaiveTime::MIN; // the builder reads a closing 00:00 as 24:00
    }
    NaiveTime::from_num_seconds_from_midnight_opt((n / SECOND) as u32, (n % SECOND) as u32).unwrap()
}

fn schedule_of(week: &Week) -> Schedule {
    let mut builder = Schedule::builder();
    for (day, list) in week.iter().enumerate() {
        for &(open, close) in list {
            builder = if (open, close) == (0, DAY) {
                builder.all_day(WEEKDAYS[day])
            } else {
                builder.window(WEEKDAYS[day], wall_time(open), wall_time(close))
            };
        }
    }
    builder.build().unwrap()
}

/// A window edge: a quarter-hour, often inside the hours of the DST changes, or midnight.
fn edge() -> impl Strategy<Value = i64> {
    prop_oneof![
        (0i64..=96).prop_map(|q| q * 15 * MINUTE),
        (4i64..=14).prop_map(|q| q * 15 * MINUTE), // 01:00–03:30
        Just(0),
        Just(DAY),
    ]
}

/// 0–2 windows a weekday; Monday has at least one, so the hours open.
fn week() -> impl Strategy<Value = Week> {
    let day = |min| {
        prop::collection::vec((edge(), edge()), min..=2).prop_map(|pairs| {
            let mut points: Vec<i64> = pairs.into_iter().flat_map(|(a, b)| [a, b]).collect();
            points.sort_unstable();
            points
                .chunks(2)
                .filter_map(|p| (p[0] < p[1]).then_some((p[0], p[1])))
                .collect::<Vec<_>>()
        })
    };
    (day(1), day(0), day(0), day(0), day(0), day(0), day(0)).prop_map(|(a, b, c, d, e, f, g)| {
        let mut week: Week = [a, b, c, d, e, f, g];
        if week[0].is_empty() {
            week[0].push((9 * HOUR, 17 * HOUR));
        }
        week
    })
}

#[derive(Debug, Clone)]
struct Version {
    from: i64,
    zone: usize,
    week: Week,
    /// Special hours `(first day of 2025, days)`, with its own week.
    special: Option<(u32, u32, Week)>,
}

/// A start instant: inside the hours of the 2025 DST changes, at a local midnight, or any
/// quarter-hour of 2025.
fn start() -> impl Strategy<Value = i64> {
    prop_oneof![
        (0i64..16).prop_map(|q| ns(2025, 3, 30, 0, 0) + q * 15 * MINUTE),
        (0i64..16).prop_map(|q| ns(2025, 10, 26, 0, 0) + q * 15 * MINUTE),
        (0i64..365).prop_map(|d| ns(2024, 12, 31, 23, 0) + d * DAY),
        (0i64..365 * 96).prop_map(|q| ns(2025, 1, 1, 0, 0) + q * 15 * MINUTE),
    ]
}

fn version() -> impl Strategy<Value = Version> {
    (
        start(),
        0..ZONES.len(),
        week(),
        prop::option::weighted(0.3, (0u32..300, 1u32..40, week())),
    )
        .prop_map(|(from, zone, week, special)| Version {
            from,
            zone,
            week,
            special,
        })
}

fn history() -> impl Strategy<Value = Vec<Version>> {
    prop::collection::vec(version(), 1..=4).prop_map(|mut versions| {
        versions.sort_by_key(|v| v.from);
        versions.dedup_by_key(|v| v.from);
        versions
    })
}

fn special_dates(first: u32, days: u32) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(first.into());
    (start, start + chrono::Days::new(days.into()))
}

/// The policy of the versions (the first from the start of the range) and the reference of its
/// Standard and around-the-clock coverages.
fn build(versions: &[Version]) -> (SupportPolicy, RefHistory, RefHistory) {
    let mut history: Option<PolicyHistory> = None;
    let (mut standard, mut always) = (Vec::new(), Vec::new());
    for (i, v) in versions.iter().enumerate() {
        let tz = ZONES[v.zone];
        let mut config = PolicyConfig::default();
        config.standard_hours = schedule_of(&v.week);
        config.time_zone = tz;
        let mut special = Vec::new();
        if let Some((first, days, week)) = &v.special {
            let (first, last) = special_dates(*first, *days);
            config.special_hours =
                vec![SpecialHours::new("special", first, last, schedule_of(week)).unwrap()];
            special.push((first, last, week.clone()));
        }
        let from = (i > 0).then_some(v.from);
        history = Some(match history {
            None => PolicyHistory::new(config),
            Some(h) => h.then(utc(v.from), config),
        });
        standard.push((
            from,
            RefCoverage {
                tz,
                windows: v.week.clone(),
                holidays: Some(madrid_holidays().clone()),
                special,
            },
        ));
        always.push((
            from,
            RefCoverage {
                tz,
                windows: std::array::from_fn(|_| vec![(0, DAY)]),
                holidays: None,
                special: Vec::new(),
            },
        ));
    }
    let policy = SupportPolicy::from_history(history.unwrap()).unwrap();
    let (lo, hi) = window();
    (
        policy,
        RefHistory::new(standard, lo, hi),
        RefHistory::new(always, lo, hi),
    )
}

/// An instant asked about: near a version's start, or anywhere in the asked range.
fn instant() -> impl Strategy<Value = (Option<usize>, i64)> {
    let (lo, hi) = asked();
    prop_oneof![
        (0usize..4, -2 * DAY..2 * DAY).prop_map(|(v, d)| (Some(v), d - d % MINUTE)),
        (lo..hi).prop_map(|t| (None, t - t % (15 * MINUTE))),
        (lo..hi).prop_map(|t| (None, t)),
    ]
}

fn resolve(versions: &[Version], (near, t): (Option<usize>, i64)) -> i64 {
    let (lo, hi) = asked();
    match near {
        Some(v) => (versions[v % versions.len()].from + t).clamp(lo, hi),
        None => t,
    }
}

fn check(clock: &Clock, reference: &RefHistory, a: i64, b: i64, budget: i64) {
    assert_eq!(
        clock.elapsed(utc(a), utc(b)).unwrap(),
        TimeDelta::nanoseconds(reference.elapsed(a, b)),
        "elapsed {} → {}",
        utc(a),
        utc(b)
    );
    assert_eq!(
        clock.is_open(utc(a)).unwrap(),
        reference.is_open(a),
        "is_open {}",
        utc(a)
    );
    if let Some(open) = reference.next_open(a) {
        assert_eq!(
            clock.next_open(utc(a)).unwrap(),
            Some(utc(open)),
            "next_open {}",
            utc(a)
        );
    }
    if let Some(close) = reference.next_close(a) {
        assert_eq!(
            clock.next_close(utc(a)).unwrap(),
            Some(utc(close)),
            "next_close {}",
            utc(a)
        );
    }
    for budget in [budget, -budget] {
        if let Some(due) = reference.deadline(a, budget) {
            assert_eq!(
                clock
                    .deadline(utc(a), TimeDelta::nanoseconds(budget))
                    .unwrap(),
                utc(due),
                "deadline {} {}",
                utc(a),
                budget
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn clocks_of_histories_agree_with_the_reference(
        versions in history(),
        queries in prop::collection::vec(
            (instant(), instant(), (1i64..200 * 4).prop_map(|q| q * 15 * MINUTE + 7 * SECOND)),
            40,
        ),
    ) {
        let (policy, standard, always) = build(&versions);
        let standard_clock = policy.clock(CoverageKind::Standard);
        let always_clock = policy.clock(CoverageKind::Always);
        for (a, b, budget) in queries {
            let (a, b) = (resolve(&versions, a), resolve(&versions, b));
            check(standard_clock, &standard, a, b, budget);
            check(always_clock, &always, a, b, budget);
        }
    }

    #[test]
    fn a_history_of_one_version_answers_as_its_policy(
        week in week(),
        registered in 0i64..(365 * 96),
        tier in prop::sample::select(vec![Tier::Standard, Tier::Plus, Tier::Vip]),
        severity in prop::sample::select(vec![Severity::S1, Severity::S2, Severity::S3, Severity::S4]),
    ) {
        let mut config = PolicyConfig::default();
        config.plus_hours = schedule_of(&week);
        let plain = SupportPolicy::from_config(config.clone()).unwrap();
        let history = SupportPolicy::from_history(PolicyHistory::new(config)).unwrap();
        let at = utc(ns(2025, 1, 1, 0, 0) + registered * 15 * MINUTE + 11 * SECOND);
        prop_assert_eq!(history.due(tier, severity, at), plain.due(tier, severity, at));
        let facts = support_sla::status::TicketFacts::new(tier, severity, at);
        let now = at + TimeDelta::hours(30);
        prop_assert_eq!(history.status(&facts, now), plain.status(&facts, now));
        prop_assert_eq!(&history, &plain);
    }
}

#[test]
fn the_reference_sees_a_summer_version() {
    // Summer hours from 1 July 2025 (Madrid): Monday 30 June counts 1 h 30 min from 16:00.
    let mut summer = RefCoverage {
        tz: chrono_tz::Europe::Madrid,
        windows: Default::default(),
        holidays: None,
        special: Vec::new(),
    };
    let mut winter = summer.clone();
    for day in 0..4 {
        winter.windows[day] = vec![(9 * HOUR, 17 * HOUR + 30 * MINUTE)];
    }
    winter.windows[4] = vec![(9 * HOUR, 14 * HOUR)];
    for day in 0..5 {
        summer.windows[day] = vec![(9 * HOUR, 14 * HOUR)];
    }
    let (lo, hi) = window();
    let reference = RefHistory::new(
        vec![(None, winter), (Some(ns(2025, 6, 30, 22, 0)), summer)],
        lo,
        hi,
    );
    let registered = ns(2025, 6, 30, 14, 0); // 16:00 in Madrid
    assert_eq!(
        reference.elapsed(registered, ns(2025, 7, 1, 15, 30)),
        6 * HOUR + 30 * MINUTE
    );
    assert_eq!(
        reference.deadline(registered, 4 * HOUR),
        Some(ns(2025, 7, 1, 9, 30))
    );
}
