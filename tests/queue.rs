//! The queue order through the public API: `QueueKey` is the lexicographic order of
//! (priority, registration instant, ticket number), total, and `sort_queue` computes it.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::cmp::Ordering;
use support_sla::queue::{sort_by_queue, sort_queue, QueueKey};
use support_sla::{Priority, Severity, TicketId, Tier};

/// The order `QueueKey` must have, spelled out.
fn parts(key: &QueueKey) -> (Priority, DateTime<Utc>, TicketId) {
    (key.priority(), key.registered(), key.id())
}

fn key(rank: u8, at: DateTime<Utc>, id: u64) -> QueueKey {
    QueueKey::new(Priority::from_rank(rank).unwrap(), at, TicketId::new(id))
}

/// The instant `seconds` after the epoch plus `nanos` (up to `1_999_999_999`: a nanosecond count of
/// 10^9 or more is a leap second, which chrono only allows on second 59 of a minute; elsewhere
/// the count is taken modulo 10^9).
fn instant(seconds: i64, nanos: u32) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, nanos)
        .or_else(|| DateTime::from_timestamp(seconds, nanos % 1_000_000_000))
        .unwrap()
}

/// `seconds` moved to second 59 of its minute when that stays in `range`, so `instant` can
/// make it a leap second.
fn on_second_59(seconds: i64, range: &std::ops::RangeInclusive<i64>) -> i64 {
    let moved = seconds - seconds.rem_euclid(60) + 59;
    if range.contains(&moved) {
        moved
    } else {
        seconds
    }
}

/// The whole range of `DateTime<Utc>`, in seconds.
fn whole_range() -> std::ops::RangeInclusive<i64> {
    DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp()
}

/// Seconds of 2000-01-01T00:00:00Z to 2100-12-31T23:59:59Z: the supported range.
const SUPPORTED: std::ops::RangeInclusive<i64> = 946_684_800..=4_133_980_799;

/// A leap-second instant on `date`: 23:59:59 and `nanos` past, `nanos` in 10^9..2*10^9.
fn leap(date: NaiveDate, nanos: u32) -> DateTime<Utc> {
    date.and_hms_nano_opt(23, 59, 59, nanos).unwrap().and_utc()
}

fn any_priority() -> impl Strategy<Value = Priority> {
    (1u8..=12).prop_map(|rank| Priority::from_rank(rank).unwrap())
}

/// Instants mostly in the supported years at nanosecond resolution, some of them leap seconds,
/// some anywhere in chrono's range, and the two ends of that range.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        6 => (SUPPORTED, 0u32..1_000_000_000).prop_map(|(s, n)| instant(s, n)),
        2 => (SUPPORTED, 1_000_000_000u32..2_000_000_000)
            .prop_map(|(s, n)| instant(on_second_59(s, &SUPPORTED), n)),
        2 => (whole_range(), 0u32..2_000_000_000)
            .prop_map(|(s, n)| instant(on_second_59(s, &whole_range()), n)),
        1 => Just(DateTime::<Utc>::MIN_UTC),
        1 => Just(DateTime::<Utc>::MAX_UTC),
    ]
}

/// Keys whose parts often coincide, so that ties on each part are exercised.
fn any_key() -> impl Strategy<Value = QueueKey> {
    let base = instant(1_750_000_000, 0);
    let instant = prop_oneof![
        any_instant(),
        (0i64..3).prop_map(move |s| base + chrono::TimeDelta::seconds(s)),
    ];
    let id = prop_oneof![any::<u64>(), 0u64..3, Just(u64::MAX)];
    let priority = prop_oneof![any_priority(), Just(Priority::HIGHEST)];
    (priority, instant, id).prop_map(|(p, t, i)| QueueKey::new(p, t, TicketId::new(i)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn the_order_of_keys_is_the_order_of_their_parts(
        (p1, t1, i1) in (any_priority(), any_instant(), any::<u64>()),
        (p2, t2, i2) in (any_priority(), any_instant(), any::<u64>()),
    ) {
        let a = QueueKey::new(p1, t1, TicketId::new(i1));
        let b = QueueKey::new(p2, t2, TicketId::new(i2));
        prop_assert_eq!(a.cmp(&b), (p1, t1, i1).cmp(&(p2, t2, i2)));
        // The same ticket and instant, the other way round, breaks ties by instant then id.
        let c = QueueKey::new(p1, t2, TicketId::new(i2));
        prop_assert_eq!(a.cmp(&c), (t1, i1).cmp(&(t2, i2)));
    }

    #[test]
    fn a_key_gives_back_its_parts(p in any_priority(), t in any_instant(), id in any::<u64>()) {
        let k = QueueKey::new(p, t, TicketId::new(id));
        prop_assert_eq!(k.priority(), p);
        prop_assert_eq!(k.registered(), t);
        prop_assert_eq!(k.id(), TicketId::new(id));
        let by_ticket = QueueKey::for_ticket(p.tier(), p.severity(), t, TicketId::new(id));
        prop_assert_eq!(by_ticket, k);
    }

    #[test]
    fn a_key_in_another_time_zone_is_the_same_key(
        t in (SUPPORTED, 0u32..1_000_000_000).prop_map(|(s, n)| instant(s, n)),
        offset in -86_399i32..=86_399,
    ) {
        let zone = FixedOffset::east_opt(offset).unwrap();
        let local = t.with_timezone(&zone);
        let k = QueueKey::new(Priority::HIGHEST, local, TicketId::new(1));
        prop_assert_eq!(k, QueueKey::new(Priority::HIGHEST, t, TicketId::new(1)));
        prop_assert_eq!(k.registered(), t);
    }

    #[test]
    fn severity_dominates_tier(
        (s1, s2) in (0usize..4, 0usize..4).prop_filter("two severities", |(a, b)| a < b),
        t1 in 0usize..3, t2 in 0usize..3,
        at1 in any_instant(), at2 in any_instant(),
        id1 in any::<u64>(), id2 in any::<u64>(),
    ) {
        let urgent = QueueKey::for_ticket(Tier::ALL[t1], Severity::ALL[s1], at1, TicketId::new(id1));
        let later = QueueKey::for_ticket(Tier::ALL[t2], Severity::ALL[s2], at2, TicketId::new(id2));
        prop_assert!(urgent < later);
    }

    #[test]
    fn within_a_severity_the_higher_tier_comes_first(
        s in 0usize..4,
        (t1, t2) in (0usize..3, 0usize..3).prop_filter("two tiers", |(a, b)| a > b),
        at1 in any_instant(), at2 in any_instant(),
        id1 in any::<u64>(), id2 in any::<u64>(),
    ) {
        // Tier::ALL runs from lowest to highest precedence, so t1 > t2 is the higher tier.
        let higher = QueueKey::for_ticket(Tier::ALL[t1], Severity::ALL[s], at1, TicketId::new(id1));
        let lower = QueueKey::for_ticket(Tier::ALL[t2], Severity::ALL[s], at2, TicketId::new(id2));
        prop_assert!(higher < lower);
    }

    #[test]
    fn the_order_is_total(a in any_key(), b in any_key(), c in any_key()) {
        // Antisymmetric, and consistent with equality.
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a == b, parts(&a) == parts(&b));
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        // Transitive.
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        if a < b && b < c {
            prop_assert!(a < c);
        }
    }
}

/// How a random slice for `sort_queue` is drawn: where its instants lie and how far apart, how
/// its ticket numbers are spread, how many ranks it uses, whether keys repeat.
#[derive(Debug, Clone)]
struct Shape {
    /// Seconds the instants may lie apart (0: all at the same second).
    spread: i64,
    /// Whether the instants may be anywhere in chrono's range (else in the supported years).
    anywhere: bool,
    /// Whether sub-second parts are drawn (else all instants are on whole seconds).
    nanos: bool,
    /// The smallest ticket number and how far numbers may lie above it.
    first_id: u64,
    id_spread: u64,
    /// How many ranks the slice uses, from P1 up.
    ranks: u8,
    /// Whether keys are drawn from the first few only, so many are equal.
    duplicates: bool,
}

/// About 17 years: 2^29 seconds, where the packed form of `sort_queue` stops applying.
const SEVENTEEN_YEARS: i64 = 1 << 29;

fn any_shape() -> impl Strategy<Value = Shape> {
    let spread = prop_oneof![
        Just(0i64),
        Just(1),
        Just(60),
        Just(30 * 86_400),
        Just(SEVENTEEN_YEARS - 1),
        Just(SEVENTEEN_YEARS + 1),
        Just(100 * 365 * 86_400),
        Just(i64::MAX),
    ];
    let id_spread = prop_oneof![
        Just(0u64),
        Just(10),
        Just(2_000),
        Just(1 << 20),
        Just(1 << 40),
        Just(u64::MAX),
    ];
    let first_id = prop_oneof![Just(0u64), any::<u64>()];
    (
        spread,
        any::<bool>(),
        any::<bool>(),
        first_id,
        id_spread,
        prop_oneof![Just(1u8), Just(2), Just(12)],
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(spread, anywhere, nanos, first_id, id_spread, ranks, duplicates)| Shape {
                spread,
                anywhere,
                nanos,
                first_id,
                id_spread: id_spread.min(u64::MAX - first_id),
                ranks,
                duplicates,
            },
        )
}

/// Draws a slice of the shape from raw random numbers, one triple per key.
fn keys_of(shape: &Shape, base: u64, raw: &[(u64, u64, u64)]) -> Vec<QueueKey> {
    let range = if shape.anywhere {
        whole_range()
    } else {
        SUPPORTED
    };
    let room = range.end().abs_diff(*range.start());
    let spread = shape.spread.unsigned_abs().min(room);
    let start = range
        .start()
        .saturating_add_unsigned(base % (room - spread + 1));
    let mut keys: Vec<QueueKey> = raw
        .iter()
        .map(|&(a, b, c)| {
            let rank = (a % u64::from(shape.ranks)) as u8 + 1;
            let seconds = start.saturating_add_unsigned(b % spread.saturating_add(1));
            let nanos = if shape.nanos {
                (a >> 8) as u32 % 2_000_000_000
            } else {
                0
            };
            // Half the sub-second draws are 10^9 or more: make them leap seconds.
            let seconds = if nanos >= 1_000_000_000 {
                on_second_59(seconds, &range)
            } else {
                seconds
            };
            let id = shape.first_id + c % shape.id_spread.saturating_add(1);
            key(rank, instant(seconds, nanos), id)
        })
        .collect();
    if shape.duplicates {
        let pool: Vec<QueueKey> = keys.iter().take(5).copied().collect();
        for (i, k) in keys.iter_mut().enumerate() {
            *k = pool[i % pool.len()];
        }
    }
    keys
}

fn reference_sort(keys: &[QueueKey]) -> Vec<QueueKey> {
    let mut expected = keys.to_vec();
    expected.sort_by_key(|k| (k.priority(), k.registered(), k.id()));
    expected
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn sort_queue_sorts_by_priority_then_instant_then_id(
        shape in any_shape(),
        base in any::<u64>(),
        raw in prop::collection::vec(any::<(u64, u64, u64)>(), 0..2000),
    ) {
        let keys = keys_of(&shape, base, &raw);
        let mut sorted = keys.clone();
        sort_queue(&mut sorted);
        prop_assert_eq!(&sorted, &reference_sort(&keys));
    }

    #[test]
    fn sort_by_queue_orders_tickets_like_sort_queue(
        shape in any_shape(),
        base in any::<u64>(),
        raw in prop::collection::vec(any::<(u64, u64, u64)>(), 0..200),
    ) {
        let keys = keys_of(&shape, base, &raw);
        let mut tickets: Vec<(&str, QueueKey)> = keys.iter().map(|&k| ("ticket", k)).collect();
        sort_by_queue(&mut tickets, |&(_, k)| k);
        let by_tickets: Vec<QueueKey> = tickets.into_iter().map(|(_, k)| k).collect();
        prop_assert_eq!(by_tickets, reference_sort(&keys));
    }
}

/// Sorts `keys` with `sort_queue` and checks it against the reference, in both input orders.
fn assert_sorts(mut keys: Vec<QueueKey>) {
    let expected = reference_sort(&keys);
    let mut sorted = keys.clone();
    sort_queue(&mut sorted);
    assert_eq!(sorted, expected);
    keys.reverse();
    sort_queue(&mut keys);
    assert_eq!(keys, expected);
}

/// A small deterministic generator (`SplitMix64`) for the fixed-shape slices below.
fn numbers(seed: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    })
}

/// `n` keys of random ranks, instants between `from` and `from + span_nanos` and ids in
/// `first_id..=first_id + id_span`, plus the two ends of both ranges.
fn spread_keys(
    n: usize,
    from: DateTime<Utc>,
    span_nanos: i64,
    first_id: u64,
    id_span: u64,
) -> Vec<QueueKey> {
    let mut r = numbers(n as u64 ^ first_id);
    let mut keys: Vec<QueueKey> = (0..n)
        .map(|_| {
            let rank = (r.next().unwrap() % 12) as u8 + 1;
            let at = from
                + chrono::TimeDelta::nanoseconds(
                    (r.next().unwrap() % (span_nanos as u64 + 1)) as i64,
                );
            key(
                rank,
                at,
                first_id + r.next().unwrap() % id_span.saturating_add(1),
            )
        })
        .collect();
    keys.push(key(7, from, first_id));
    keys.push(key(
        7,
        from + chrono::TimeDelta::nanoseconds(span_nanos),
        first_id + id_span,
    ));
    keys
}

#[test]
fn sort_queue_of_nothing_and_of_one_key() {
    assert_sorts(vec![]);
    assert_sorts(vec![key(3, instant(0, 0), 9)]);
}

#[test]
fn sort_queue_of_a_large_backlog_at_nanosecond_resolution() {
    // Thirty days of registrations, numbered closely: the bucketed path.
    let from = instant(1_735_689_600, 0);
    assert_sorts(spread_keys(
        200_000,
        from,
        30 * 86_400 * 1_000_000_000,
        1_000_000,
        300_000,
    ));
    // The same with ticket numbers anywhere: the packed u128 path.
    assert_sorts(spread_keys(
        50_000,
        from,
        30 * 86_400 * 1_000_000_000,
        0,
        u64::MAX,
    ));
    // One second, few numbers: the whole key fits in 64 bits.
    assert_sorts(spread_keys(50_000, from, 1_000_000_000, 0, 1_000));
}

#[test]
fn sort_queue_at_the_seventeen_year_limit_of_the_packed_form() {
    // The packed form takes spans below 2^60 units of 2^-31 s, that is below 2^29 s.
    let from = instant(1_000_000_000, 0);
    let limit = SEVENTEEN_YEARS * 1_000_000_000;
    for span in [limit - 1, limit, limit + 1] {
        for id_span in [0, 3, 5_000, u64::MAX] {
            assert_sorts(spread_keys(5_000, from, span, 0, id_span));
        }
    }
}

#[test]
fn sort_queue_across_the_whole_range_of_chrono() {
    // Seventy years of instants and the two ends of chrono's range: the fallback path.
    let mut keys = spread_keys(3_000, instant(0, 0), i64::MAX / 4, 0, 3_000);
    for (i, at) in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC]
        .into_iter()
        .enumerate()
    {
        keys.push(key(1, at, i as u64));
        keys.push(key(12, at, u64::MAX));
    }
    assert_sorts(keys);
}

#[test]
fn sort_queue_of_leap_seconds() {
    let day = NaiveDate::from_ymd_opt(2016, 12, 31).unwrap();
    let before = day
        .and_hms_nano_opt(23, 59, 59, 999_999_999)
        .unwrap()
        .and_utc();
    let after = instant(before.timestamp() + 1, 0);
    let mut keys = vec![key(2, after, 1), key(2, before, 1)];
    for (i, nanos) in [1_000_000_000, 1_500_000_000, 1_999_999_999]
        .into_iter()
        .enumerate()
    {
        keys.push(key(2, leap(day, nanos), i as u64));
        keys.push(key(1, leap(day, nanos), i as u64));
    }
    let expected = reference_sort(&keys);
    // A leap second lies after 23:59:59.999999999 and before the next midnight.
    let order: Vec<DateTime<Utc>> = expected
        .iter()
        .filter(|k| k.priority().rank() == 2)
        .map(QueueKey::registered)
        .collect();
    assert_eq!(order.first(), Some(&before));
    assert_eq!(order.last(), Some(&after));
    assert_sorts(keys);
}

#[test]
fn leap_seconds_at_the_ends_of_chrono_round_trip_and_order() {
    let first = NaiveDate::MIN;
    let last = NaiveDate::MAX;
    for date in [first, last] {
        let at = leap(date, 1_500_000_000);
        let k = key(4, at, 4);
        assert_eq!(
            parts(&k),
            (Priority::from_rank(4).unwrap(), at, TicketId::new(4))
        );
        let before = date
            .and_hms_nano_opt(23, 59, 59, 999_999_999)
            .unwrap()
            .and_utc();
        assert!(key(4, before, 4) < k);
    }
}

#[test]
fn keys_with_equal_parts_are_equal() {
    let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    let zone = FixedOffset::east_opt(3600).unwrap();
    assert_eq!(
        key(5, at, 8),
        QueueKey::for_ticket(
            Tier::Plus,
            Severity::S2,
            at.with_timezone(&zone),
            TicketId::new(8)
        )
    );
    assert_ne!(key(5, at, 8), key(5, at, 9));
    assert_ne!(key(5, at, 8), key(6, at, 8));
    assert_ne!(
        key(5, at, 8),
        key(5, at + chrono::TimeDelta::nanoseconds(1), 8)
    );
}

#[test]
fn sort_by_queue_computes_each_key_once() {
    let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    let mut tickets: Vec<u64> = (0..1000).rev().collect();
    let mut calls = 0;
    sort_by_queue(&mut tickets, |&id| {
        calls += 1;
        QueueKey::for_ticket(Tier::Plus, Severity::S2, at, TicketId::new(id))
    });
    assert_eq!(calls, 1000);
    assert_eq!(tickets, (0..1000).collect::<Vec<u64>>());
}

#[test]
fn a_key_gives_back_its_priority_and_instant_at_the_extremes() {
    let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap() + chrono::TimeDelta::nanoseconds(7);
    let key = QueueKey::for_ticket(Tier::Standard, Severity::S4, at, TicketId::new(3));
    assert_eq!(key.priority(), Priority::LOWEST);
    assert_eq!(key.registered(), at);
    let earliest = QueueKey::new(
        Priority::HIGHEST,
        DateTime::<Utc>::MIN_UTC,
        TicketId::new(1),
    );
    assert_eq!(earliest.registered(), DateTime::<Utc>::MIN_UTC);
    assert_eq!(earliest.priority(), Priority::HIGHEST);
}
