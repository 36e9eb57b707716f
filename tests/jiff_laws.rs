//! The clock's laws through the jiff surface, and its agreement with the chrono surface on the
//! same random cases: one engine, so every answer must be the chrono answer converted.
//!
//! Clocks: the three presets on the Madrid calendar. Instants: uniform over 2000–2100, and
//! within two days of the Madrid DST changes of 2025 (30 March, 26 October) to the nanosecond.
#![cfg(feature = "jiff-1")]

use chrono::{DateTime, TimeDelta, Utc};
use jiff::{SignedDuration, Timestamp, ZonedDateTime};
use proptest::prelude::*;
use std::sync::OnceLock;
use support_sla::clock::Clock;
use support_sla::coverage::Coverage;
use support_sla::jiff_1::{signed_duration, timestamp, to_chrono, to_time_delta};
use support_sla::status::{Event, EventKind, SlaState, TicketFacts, Timeline};
use support_sla::{Error, Severity, SupportPolicy, Tier};

const SECOND: i64 = 1_000_000_000;
const HOUR: i64 = 3600 * SECOND;
const DAY: i64 = 24 * HOUR;
/// 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z, in nanoseconds.
const Y2000: i64 = 946_684_800 * SECOND;
const Y2100: i64 = 4_102_444_800 * SECOND;
/// The Madrid offset changes of 2025: 2025-03-30T01:00Z and 2025-10-26T01:00Z.
const SPRING_2025: i64 = 1_743_296_400 * SECOND;
const FALL_2025: i64 = 1_761_440_400 * SECOND;

fn clocks() -> &'static [Clock; 3] {
    static CLOCKS: OnceLock<[Clock; 3]> = OnceLock::new();
    CLOCKS.get_or_init(|| {
        [
            Clock::new(Coverage::standard()).unwrap(),
            Clock::new(Coverage::plus()).unwrap(),
            Clock::new(Coverage::always()).unwrap(),
        ]
    })
}

fn ts(nanos: i64) -> Timestamp {
    Timestamp::from_nanosecond(i128::from(nanos)).unwrap()
}

fn utc(nanos: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(nanos)
}

fn zoned(text: &str) -> ZonedDateTime {
    text.parse().unwrap()
}

/// An instant: anywhere in 2000–2100, or near a 2025 DST change.
fn instant() -> impl Strategy<Value = i64> {
    prop_oneof![
        Y2000..Y2100,
        (SPRING_2025 - 2 * DAY)..(SPRING_2025 + 2 * DAY),
        (FALL_2025 - 2 * DAY)..(FALL_2025 + 2 * DAY),
    ]
}

/// A budget of service time, either sign, from nanoseconds to weeks.
fn budget() -> impl Strategy<Value = i64> {
    prop_oneof![
        -3i64..=3,
        -(30 * DAY)..=(30 * DAY),
        -(8 * HOUR)..=(8 * HOUR)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_clock_answer_in_jiff_is_the_chrono_answer(
        which in 0usize..3, a in instant(), b in instant(), d in budget(),
    ) {
        let clock = &clocks()[which];
        let jiff = clock.jiff();
        prop_assert_eq!(jiff.is_open(ts(a)), clock.is_open(utc(a)));
        prop_assert_eq!(
            jiff.next_open(ts(a)).unwrap().map(to_chrono),
            clock.next_open(utc(a)).unwrap()
        );
        prop_assert_eq!(
            jiff.next_close(ts(a)).unwrap().map(to_chrono),
            clock.next_close(utc(a)).unwrap()
        );
        prop_assert_eq!(
            jiff.elapsed(ts(a), ts(b)).map(to_time_delta),
            clock.elapsed(utc(a), utc(b)).map(Some)
        );
        let budget = TimeDelta::nanoseconds(d);
        prop_assert_eq!(
            jiff.deadline(ts(a), signed_duration(budget)).map(to_chrono),
            clock.deadline(utc(a), budget)
        );
        prop_assert_eq!(
            jiff.explain_deadline(ts(a), signed_duration(budget)),
            clock.explain_deadline(utc(a), budget)
        );
        prop_assert_eq!(jiff.explain_elapsed(ts(a), ts(b)), clock.explain_elapsed(utc(a), utc(b)));
    }

    #[test]
    fn deadline_then_elapsed_gives_the_budget_back_through_jiff(
        which in 0usize..3, s in instant(), d in budget(),
    ) {
        let jiff = clocks()[which].jiff();
        let budget = SignedDuration::from_nanos(d);
        if let Ok(due) = jiff.deadline(ts(s), budget) {
            prop_assert_eq!(jiff.elapsed(ts(s), due).unwrap(), budget);
        }
    }

    #[test]
    fn the_deadline_is_the_first_instant_reached_through_jiff(
        which in 0usize..3, s in instant(), d in 1i64..=(30 * DAY),
    ) {
        let jiff = clocks()[which].jiff();
        let budget = SignedDuration::from_nanos(d);
        let due = jiff.deadline(ts(s), budget).unwrap();
        let just_before = due - SignedDuration::from_nanos(1);
        prop_assert!(jiff.elapsed(ts(s), just_before).unwrap() < budget);
    }

    #[test]
    fn elapsed_through_jiff_is_additive(
        which in 0usize..3, a in instant(), b in instant(), c in instant(),
    ) {
        let jiff = clocks()[which].jiff();
        let (a, b, c) = (ts(a), ts(b), ts(c));
        prop_assert_eq!(
            jiff.elapsed(a, c).unwrap(),
            jiff.elapsed(a, b).unwrap() + jiff.elapsed(b, c).unwrap()
        );
    }

    #[test]
    fn instants_and_durations_survive_the_round_trip(
        nanos in (Timestamp::MIN.as_nanosecond())..=(Timestamp::MAX.as_nanosecond()),
        seconds in any::<i64>(), subsec in -999_999_999i32..=999_999_999,
    ) {
        let at = Timestamp::from_nanosecond(nanos).unwrap();
        prop_assert_eq!(timestamp(to_chrono(at)).unwrap(), at);
        let duration = SignedDuration::new(seconds, subsec);
        match to_time_delta(duration) {
            Some(delta) => prop_assert_eq!(signed_duration(delta), duration),
            None => prop_assert!(
                duration > signed_duration(TimeDelta::MAX) || duration < signed_duration(TimeDelta::MIN)
            ),
        }
    }

    #[test]
    fn a_zoned_in_any_zone_gives_the_answer_of_its_instant(
        which in 0usize..3, s in instant(), d in budget(),
    ) {
        // The coverage's zone rules are the crate's: the ZonedDateTime's zone is not read.
        let jiff = clocks()[which].jiff();
        let budget = SignedDuration::from_nanos(d);
        let in_new_york = ts(s).in_tz("America/New_York").unwrap();
        prop_assert_eq!(jiff.deadline(&in_new_york, budget), jiff.deadline(ts(s), budget));
        prop_assert_eq!(jiff.is_open(&in_new_york), jiff.is_open(ts(s)));
    }
}

#[test]
fn spring_forward_2025_lasts_23_hours_through_jiff() {
    let always = clocks()[2].jiff();
    let (sunday, monday) = (
        zoned("2025-03-30T00:00[Europe/Madrid]"),
        zoned("2025-03-31T00:00[Europe/Madrid]"),
    );
    assert_eq!(
        always.elapsed(&sunday, &monday).unwrap(),
        SignedDuration::from_hours(23)
    );
    assert_eq!(
        always
            .deadline(&sunday, SignedDuration::from_hours(23))
            .unwrap(),
        monday.timestamp()
    );
}

#[test]
fn fall_back_2025_lasts_25_hours_through_jiff() {
    let always = clocks()[2].jiff();
    let (sunday, monday) = (
        zoned("2025-10-26T00:00[Europe/Madrid]"),
        zoned("2025-10-27T00:00[Europe/Madrid]"),
    );
    assert_eq!(
        always.elapsed(&sunday, &monday).unwrap(),
        SignedDuration::from_hours(25)
    );
    assert_eq!(
        always.elapsed(&monday, &sunday).unwrap(),
        SignedDuration::from_hours(-25)
    );
    assert_eq!(
        always
            .deadline(&monday, SignedDuration::from_hours(-25))
            .unwrap(),
        sunday.timestamp()
    );
}

#[test]
fn a_deadline_from_a_zoned_the_evening_before_a_madrid_holiday() {
    let clock = &clocks()[0];
    let registered = zoned("2025-04-30T18:00[Europe/Madrid]");
    let due = clock
        .jiff()
        .deadline(&registered, SignedDuration::from_hours(4))
        .unwrap();
    assert_eq!(due, zoned("2025-05-05T13:00[Europe/Madrid]").timestamp());
    assert_eq!(
        clock.jiff().next_open(&registered).unwrap(),
        Some(zoned("2025-05-05T09:00[Europe/Madrid]").timestamp())
    );
    assert_eq!(
        clock.jiff().next_close(&registered).unwrap(),
        Some(registered.timestamp())
    );
}

#[test]
fn a_status_from_zoned_values_agrees_with_chrono() {
    let policy = SupportPolicy::madrid();
    let registered = zoned("2025-03-03T16:30[Europe/Madrid]");
    let now = zoned("2025-03-04T10:00[Europe/Madrid]");
    let facts = TicketFacts::new_jiff(Tier::Standard, Severity::S3, &registered);
    let status = policy.jiff().status(&facts, &now).unwrap();
    assert_eq!(
        status.response.due,
        zoned("2025-03-04T12:00[Europe/Madrid]").timestamp()
    );
    assert_eq!(status.response.used, SignedDuration::from_hours(2));
    assert_eq!(status.response.remaining, SignedDuration::from_hours(2));
    assert_eq!(status.response.state, SlaState::Pending);
    assert_eq!(status.registered, registered.timestamp());
    let chrono_facts = TicketFacts::new(
        Tier::Standard,
        Severity::S3,
        to_chrono(registered.timestamp()),
    );
    let chrono_status = policy
        .status(&chrono_facts, to_chrono(now.timestamp()))
        .unwrap();
    assert_eq!(status.chrono, chrono_status);
    assert_eq!(chrono_status.to_jiff().unwrap(), status);

    let answered = facts.with_first_response_jiff(zoned("2025-03-04T12:00[Europe/Madrid]"));
    let status = policy.jiff().status(&answered, &now).unwrap();
    assert!(matches!(status.response.state, SlaState::Met { .. }));
    assert_eq!(status.response.answered, Some(status.response.due));
}

#[test]
fn due_and_timeline_status_from_zoned_values_agree_with_chrono() {
    let policy = SupportPolicy::madrid();
    let at = |text: &str| zoned(&format!("2025-03-{text}[Europe/Madrid]"));
    let due = policy
        .jiff()
        .due(Tier::Plus, Severity::S2, at("03T09:00"))
        .unwrap();
    let chrono_due = policy
        .due(Tier::Plus, Severity::S2, to_chrono(at("03T09:00")))
        .unwrap();
    assert_eq!(to_chrono(due.response), chrono_due.response);
    assert_eq!(to_chrono(due.resolution), chrono_due.resolution);

    let registration = EventKind::Registered {
        tier: Tier::Plus,
        severity: Severity::S2,
    };
    let timeline = Timeline::new([
        Event::new_jiff(at("03T09:00"), registration),
        Event::new_jiff(at("03T10:00"), EventKind::Paused),
        Event::new_jiff(at("04T10:00"), EventKind::Resumed),
    ])
    .unwrap();
    let now = at("04T12:00");
    let status = policy.jiff().timeline_status(&timeline, &now).unwrap();
    let chrono_now = to_chrono(&now);
    assert_eq!(
        status.chrono,
        policy.timeline_status(&timeline, chrono_now).unwrap()
    );
    assert_eq!(
        policy.jiff().thresholds(&timeline, &now).unwrap(),
        policy.thresholds(&timeline, chrono_now).unwrap()
    );
}

#[test]
fn instants_outside_the_clock_give_its_range_error() {
    let jiff = clocks()[0].jiff();
    for outside in [Timestamp::MIN, Timestamp::MAX, ts(Y2000 - 2 * DAY)] {
        assert!(matches!(
            jiff.is_open(outside),
            Err(Error::InstantOutOfRange { .. })
        ));
        assert!(matches!(
            jiff.deadline(outside, SignedDuration::MAX),
            Err(Error::InstantOutOfRange { .. })
        ));
    }
    let range = jiff.supported_range();
    let past_end = *range.end() + SignedDuration::from_nanos(1);
    assert!(matches!(
        jiff.elapsed(*range.start(), past_end),
        Err(Error::InstantOutOfRange { .. })
    ));
}

#[test]
fn a_budget_beyond_chrono_is_a_duration_range_error_not_a_panic() {
    let jiff = clocks()[2].jiff();
    let start = zoned("2025-03-03T09:00[Europe/Madrid]");
    for budget in [
        SignedDuration::MAX,
        SignedDuration::MIN,
        signed_duration(TimeDelta::MAX) + SignedDuration::from_nanos(1),
    ] {
        let err = jiff.deadline(&start, budget).unwrap_err();
        assert!(
            matches!(err, Error::DurationOutOfRange { seconds, nanos } if seconds == budget.as_secs() && nanos == budget.subsec_nanos()),
            "{err}"
        );
        assert!(jiff.explain_deadline(&start, budget).is_err());
    }
    // The largest TimeDelta is converted, and runs past the range in the engine itself.
    assert!(matches!(
        jiff.deadline(&start, signed_duration(TimeDelta::MAX)),
        Err(Error::DeadlineOutOfRange { .. })
    ));
}
