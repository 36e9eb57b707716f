//! The jiff 1.x surface (feature `jiff-1`, alias `jiff`): the same entry points with
//! [`jiff::Timestamp`], [`&jiff::ZonedDateTime`](jiff::ZonedDateTime) and [`jiff::SignedDuration`] in, jiff types
//! out.
//!
//! ```
//! use jiff::{SignedDuration, ZonedDateTime};
//! use support_sla::{clock::Clock, coverage::Coverage};
//!
//! let clock = Clock::new(Coverage::standard())?;
//! // Wednesday 30 April 2025, 18:00 in Madrid; 1 and 2 May are holidays, then a weekend.
//! let registered: ZonedDateTime = "2025-04-30T18:00[Europe/Madrid]".parse()?;
//! let due = clock.jiff().deadline(&registered, SignedDuration::from_hours(4))?;
//! assert_eq!(due.to_string(), "2025-05-05T11:00:00Z"); // 13:00 in Madrid
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Design: a view per entry point, converting at the edge
//!
//! [`Clock::jiff`](crate::clock::Clock::jiff) and
//! [`SupportPolicy::jiff`](crate::SupportPolicy::jiff) return a borrowed view
//! ([`JiffClock`], [`JiffPolicy`]) whose methods have the names, arguments and laws of the
//! chrono entry points; every instant argument is `impl Into<Timestamp>` (so a `Timestamp`, a
//! `ZonedDateTime` or a `&ZonedDateTime`), every budget a `SignedDuration`, and every instant or duration
//! returned is jiff's. Each method converts its arguments, calls the chrono entry point of the
//! same name and converts the answer: one engine, nothing of the computation is duplicated, and
//! the chrono surface stays the default one.
//!
//! Why a view and not the alternatives peers use:
//!
//! - conversion traits at the boundary (`impl Into<Instant>` on the chrono methods) would let a
//!   jiff value in but could only give chrono values back, since a return type cannot depend on
//!   the argument's library without making every entry point generic over an output type;
//! - generic parameters over a "time library" trait would put that trait in every signature and
//!   every error message of the crate, for all users, to serve some;
//! - a view says at the call site which library the caller speaks (`clock.jiff().deadline(…)`),
//!   answers in it, and leaves the chrono signatures untouched.
//!
//! The feature is versioned (`jiff-1`, as `serde_with`'s `chrono_0_4` or confik's `jiff-1`), so a
//! later jiff 2 can get its own `jiff-2` surface without breaking anyone; `jiff` is an alias
//! that will always mean jiff 1.x. The library depends on jiff without its default features
//! (only `std`): it needs the conversions, not jiff's time-zone database.
//!
//! Rich answers (a [`TicketStatus`](crate::status::TicketStatus)'s states, thresholds,
//! explanations, intake answers, the report) keep their one type, with its serde form, `Display`
//! and the report that sums it; where their numbers matter to a caller, the view adds them in
//! jiff beside the crate's value ([`JiffTicketStatus`]), and [`timestamp`] and
//! [`signed_duration`] convert any other.
//!
//! # The zone database
//!
//! The crate keeps its own rules (chrono-tz's) for the coverage's zone: a `ZonedDateTime` argument
//! gives only its instant, its zone is not read, and the service hours are laid out in the
//! coverage's zone by chrono-tz's database as for a chrono argument. So an answer does not
//! depend on which surface asked, nor on the tzdb version jiff was built with.
//!
//! # Conversions
//!
//! Exact to the nanosecond both ways. jiff → chrono never fails for an instant (jiff's years
//! −9999 to 9999 lie inside chrono's); an instant outside a clock's supported range gives
//! [`Error::InstantOutOfRange`] from the clock, as for chrono. A `SignedDuration` beyond chrono's
//! `TimeDelta` (about ±292 million years) is [`Error::DurationOutOfRange`], never clamped. chrono → jiff never fails for a duration; an instant outside
//! jiff's range (only possible for one built or deserialized by the caller) gives
//! [`Error::InstantOutOfRange`] with jiff's range.

mod clock;
mod policy;

pub use clock::JiffClock;
pub use policy::{JiffDeadlines, JiffObjective, JiffPolicy, JiffTicketStatus};

use crate::error::Error;
use chrono::{DateTime, TimeDelta, Utc};
use jiff::{SignedDuration, Timestamp};

/// `at` as a chrono instant, exactly. Infallible: every jiff instant is a chrono instant.
///
/// # Panics
///
/// Never: jiff's range (years −9999 to 9999) lies inside chrono's.
///
/// ```
/// use support_sla::jiff_1::to_chrono;
///
/// let at: jiff::Timestamp = "2025-03-30T01:00:00.000000001Z".parse()?;
/// assert_eq!(to_chrono(at).to_rfc3339(), "2025-03-30T01:00:00.000000001+00:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_chrono(at: impl Into<Timestamp>) -> DateTime<Utc> {
    let at = at.into();
    // jiff's nanoseconds carry the sign of its seconds; chrono's are always positive.
    let (seconds, nanos) = euclidean(at.as_second(), at.subsec_nanosecond())
        .expect("invariant: jiff's seconds (years -9999 to 9999) are far from i64::MIN");
    DateTime::from_timestamp(seconds, nanos)
        .expect("invariant: jiff's range (years -9999 to 9999) lies inside chrono's")
}

/// `duration` as a chrono `TimeDelta`, exactly, or `None` when it is beyond `TimeDelta`'s range
/// (about ±292 million years).
///
/// ```
/// use jiff::SignedDuration;
/// use support_sla::jiff_1::to_time_delta;
///
/// assert_eq!(to_time_delta(SignedDuration::new(-1, -5)), Some(chrono::TimeDelta::nanoseconds(-1_000_000_005)));
/// assert_eq!(to_time_delta(SignedDuration::MAX), None);
/// ```
pub fn to_time_delta(duration: SignedDuration) -> Option<TimeDelta> {
    let (seconds, nanos) = euclidean(duration.as_secs(), duration.subsec_nanos())?;
    TimeDelta::new(seconds, nanos)
}

/// Seconds and nanoseconds of the same sign (jiff's form) as seconds and nanoseconds in
/// `0..10^9` (chrono's form), or `None` when the seconds overflow.
fn euclidean(seconds: i64, nanos: i32) -> Option<(i64, u32)> {
    let (seconds, nanos) = if nanos < 0 {
        (seconds.checked_sub(1)?, nanos + 1_000_000_000)
    } else {
        (seconds, nanos)
    };
    let nanos = u32::try_from(nanos).expect("invariant: jiff's nanoseconds are above -10^9");
    Some((seconds, nanos))
}

/// `at` as a jiff `Timestamp`, exactly.
///
/// # Errors
///
/// [`Error::InstantOutOfRange`] (with jiff's range) when `at` is outside jiff's years −9999 to
/// 9999. Never for an instant the crate computed: those lie in a clock's supported range.
///
/// # Panics
///
/// Never: chrono's nanoseconds, below 10^9 once a leap second is carried, fit in an `i32`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::jiff_1::timestamp;
///
/// let at = Utc.with_ymd_and_hms(2025, 10, 26, 1, 0, 0).unwrap();
/// assert_eq!(timestamp(at)?.to_string(), "2025-10-26T01:00:00Z");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timestamp(at: DateTime<Utc>) -> Result<Timestamp, Error> {
    // chrono counts a leap second's nanoseconds past 10^9; jiff has no leap seconds, so a
    // leap second is the next second's start, as in chrono's own timestamp arithmetic.
    let (seconds, nanos) = match at.timestamp_subsec_nanos() {
        n if n >= 1_000_000_000 => (at.timestamp() + 1, n - 1_000_000_000),
        n => (at.timestamp(), n),
    };
    let nanos = i32::try_from(nanos).expect("invariant: nanoseconds below 10^9 fit in an i32");
    Timestamp::new(seconds, nanos).map_err(|_| Error::InstantOutOfRange {
        instant: at,
        supported: to_chrono(Timestamp::MIN)..=to_chrono(Timestamp::MAX),
    })
}

/// `delta` as a jiff `SignedDuration`, exactly. Infallible: every `TimeDelta` is one.
///
/// ```
/// use chrono::TimeDelta;
/// use support_sla::jiff_1::signed_duration;
///
/// assert_eq!(signed_duration(TimeDelta::hours(-25)), jiff::SignedDuration::from_hours(-25));
/// ```
pub fn signed_duration(delta: TimeDelta) -> SignedDuration {
    // `subsec_nanos` has the sign of `num_seconds`, as `SignedDuration::new` wants; the seconds
    // of a `TimeDelta` (at most i64::MAX / 1000) leave room for the carry.
    SignedDuration::new(delta.num_seconds(), delta.subsec_nanos())
}

/// An instant the crate computed inside a clock's supported range, in jiff.
fn computed(at: DateTime<Utc>) -> Timestamp {
    timestamp(at).expect("invariant: a clock answers in i64 nanoseconds since 1970 (years 1677-2262), inside jiff's range")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NANOS_PER_SECOND: i128 = 1_000_000_000;

    #[test]
    fn a_leap_second_is_the_start_of_the_next_second() {
        let leap = chrono::NaiveDate::from_ymd_opt(2016, 12, 31)
            .unwrap()
            .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
            .unwrap()
            .and_utc();
        assert_eq!(
            timestamp(leap).unwrap().to_string(),
            "2017-01-01T00:00:00.5Z"
        );
    }

    #[test]
    fn instants_keep_their_nanoseconds_both_ways() {
        for nanos in [
            0,
            1,
            -1,
            1_743_296_400_000_000_001,
            -999_999_999,
            Timestamp::MIN.as_nanosecond(),
            Timestamp::MAX.as_nanosecond(),
            Timestamp::MIN.as_nanosecond() + 1,
            Timestamp::MAX.as_nanosecond() - 1,
        ] {
            let at = Timestamp::from_nanosecond(nanos).unwrap();
            let chrono = to_chrono(at);
            assert_eq!(
                i128::from(chrono.timestamp()) * NANOS_PER_SECOND
                    + i128::from(chrono.timestamp_subsec_nanos()),
                nanos
            );
            assert_eq!(timestamp(chrono).unwrap(), at);
        }
    }

    #[test]
    fn a_chrono_instant_beyond_jiff_is_a_range_error_not_a_clamp() {
        let beyond = to_chrono(Timestamp::MAX) + TimeDelta::nanoseconds(1);
        let err = timestamp(beyond).unwrap_err();
        assert!(matches!(err, Error::InstantOutOfRange { instant, .. } if instant == beyond));
        let before = to_chrono(Timestamp::MIN) - TimeDelta::nanoseconds(1);
        assert!(matches!(
            timestamp(before),
            Err(Error::InstantOutOfRange { .. })
        ));
        assert!(timestamp(DateTime::<Utc>::MAX_UTC).is_err());
        assert!(timestamp(DateTime::<Utc>::MIN_UTC).is_err());
    }

    #[test]
    fn durations_keep_their_nanoseconds_both_ways() {
        for delta in [
            TimeDelta::zero(),
            TimeDelta::nanoseconds(1),
            TimeDelta::nanoseconds(-1),
            TimeDelta::nanoseconds(-1_500_000_000),
            TimeDelta::MAX,
            TimeDelta::MIN,
            TimeDelta::MAX - TimeDelta::nanoseconds(1),
            TimeDelta::MIN + TimeDelta::nanoseconds(1),
        ] {
            let jiff = signed_duration(delta);
            assert_eq!(
                jiff.as_nanos(),
                i128::from(delta.num_seconds()) * NANOS_PER_SECOND
                    + i128::from(delta.subsec_nanos())
            );
            assert_eq!(to_time_delta(jiff), Some(delta));
        }
    }

    #[test]
    fn a_duration_beyond_time_delta_is_none_not_a_clamp() {
        assert_eq!(to_time_delta(SignedDuration::MAX), None);
        assert_eq!(to_time_delta(SignedDuration::MIN), None);
        let just_over = signed_duration(TimeDelta::MAX) + SignedDuration::from_nanos(1);
        assert_eq!(to_time_delta(just_over), None);
        let just_under = signed_duration(TimeDelta::MIN) - SignedDuration::from_nanos(1);
        assert_eq!(to_time_delta(just_under), None);
    }
}
