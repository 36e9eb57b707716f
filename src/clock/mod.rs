//! The service clock: is the service open, when does it open or close, how much service time
//! lies between two instants, and when is a budget of service time used up.
//!
//! A [`Clock`] is built once from a [`Coverage`] and then answers every question in a time that
//! does not grow with the span asked about: a query over ten years costs what one over an hour
//! does (see `benches/clock.rs`).
//!
//! # The laws
//!
//! For every instant `a`, `b`, `c` and budget `d` inside the supported range:
//!
//! - `elapsed(a, b) == -elapsed(b, a)` and `elapsed(a, c) == elapsed(a, b) + elapsed(b, c)`;
//! - `elapsed(s, deadline(s, d)?) == d`, and `deadline` is the *first* instant reached, walking
//!   from `s` in the direction of `d`, at which that much service time has been counted;
//! - `next_open(t)` is the earliest instant at or after `t` at which the coverage is open, and
//!   `next_close(t)` the earliest at or after `t` at which it is closed.
//!
//! # Time
//!
//! Service time is real elapsed time, exact to the nanosecond: an around-the-clock day in Madrid
//! lasts 23 hours on the last Sunday of March and 25 hours on the last Sunday of October. Windows
//! are wall-clock times; a window edge that falls in a skipped or repeated local hour is resolved
//! by one rule: *the earliest instant at which the local clock reads that wall time or later*.
//! So on 30 March 2025 a window opening at 02:30 opens at 03:00 CEST, the instant the clock jumps;
//! on 26 October 2025 a window opening at 02:30 opens at the first 02:30 (CEST). A holiday
//! removes the whole local day.
//!
//! Offset changes come from the IANA database as `chrono-tz` ships it, whose rules stop after
//! 2099: in 2100 a zone keeps the offset it has at the start of the year (Madrid stays on winter
//! time), so a 24x7 day in late March or October 2100 counts 24 hours.
//!
//! Leap seconds do not exist for this clock (as for `chrono`'s timestamps): a leap-second instant
//! counts as the second after it.

mod cache;
mod dst;
mod explain;
mod fx;
mod index;
mod versions;
mod zones;

pub use cache::ClockCache;
pub use explain::{
    Answer, Explanation, SkipReason, SpecialHoursDays, Stretch, StretchKind, Summary,
};

use crate::coverage::{Coverage, MAX_WINDOWS_PER_DAY};
use crate::error::Error;
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use dst::ZoneWeeks;
use index::Index;
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::Arc;

/// The service clock of a [`Coverage`]: counts service time and finds deadlines, exactly and in
/// constant time.
///
/// Building a clock precomputes the service time of every week of the supported years, each
/// distinct week stored once (about 0.1 ms and 65 KiB for an office-hours coverage, a few MiB
/// and a few tens of milliseconds at most for the busiest coverage accepted); build it once and
/// share it: cloning is cheap (the index is shared) and it is `Send + Sync`. The clocks of one
/// time zone share the zone's weeks (see [`Clock::new`]).
///
/// The supported range is from local midnight of 1 January 2000 to local midnight of 1 January
/// 2101 in the coverage's time zone; every method returns an error for an instant outside it.
///
/// Peers call these operations `between`/`add` (workclock), `business_time_between`/
/// `business_hours.after` (`business_time`) or `time ... after` (biz): here they are
/// [`elapsed`](Clock::elapsed) and [`deadline`](Clock::deadline).
///
/// # Example
///
/// A Standard ticket registered on Friday 5 December 2025 at 13:00 in Madrid, with 4 hours of
/// budget: one hour on Friday (09:00–14:00), Saturday and Sunday closed, Monday 8 December is a
/// holiday (Inmaculada Concepción), so the deadline is Tuesday at 12:00 (11:00 UTC).
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::clock::Clock;
/// use support_sla::coverage::Coverage;
///
/// let clock = Clock::new(Coverage::standard())?;
/// let registered = Madrid.with_ymd_and_hms(2025, 12, 5, 13, 0, 0).unwrap();
/// let due = clock.deadline(registered, TimeDelta::hours(4))?;
/// assert_eq!(due.to_rfc3339(), "2025-12-09T11:00:00+00:00");
/// assert_eq!(clock.elapsed(registered, due)?, TimeDelta::hours(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Clock {
    /// The coverage and index; of a clock of versions, the coverage of the last version and
    /// the index folded from all of them (see `versions.rs`).
    inner: Arc<Inner>,
    /// The versions of a clock built from a policy history (see `versions.rs`); `None` for one
    /// coverage.
    versions: Option<Arc<versions::Versions>>,
}

struct Inner {
    coverage: Coverage,
    index: Index,
    /// The weeks of the coverage's zone the index was built over, kept so that the clocks of
    /// the zone built later share them (see `zones.rs`); `None` for a folded index, whose
    /// versions' clocks keep theirs.
    _zone: Option<Arc<ZoneWeeks>>,
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Clock")
            .field("coverage", &self.inner.coverage)
            .field("supported_range", &self.supported_range())
            .finish_non_exhaustive()
    }
}

impl Clock {
    /// The clock of `coverage`, over the supported years.
    ///
    /// The first instant of each week of the supported years in the coverage's time zone, and
    /// the days of the weeks whose offset changes, are the same for every coverage of that
    /// zone: while a clock of the zone is alive, a new clock shares them (about 55 KiB) instead
    /// of computing them, process-wide, whoever built that clock. The first clock of a zone
    /// computes them, an offset look-up a week: about 0.3 ms for an office-hours coverage where
    /// a later one takes 0.08 ms. Nothing is kept once the last clock of a zone is dropped, and
    /// sharing never changes an answer (they depend on the zone alone). To also share the
    /// clocks of equal coverages, build through a [`ClockCache`].
    ///
    /// # Errors
    ///
    /// - [`Error::TooManyWindows`] when a day of the coverage's schedule or special hours has
    ///   more than [`MAX_WINDOWS_PER_DAY`] windows;
    /// - [`Error::CoverageNeverOpen`] when the coverage is never open inside the supported range
    ///   (its schedule has no window, or every day with one is a holiday);
    /// - [`Error::TimeZoneRule`] when the coverage's time zone has, on some date of the supported
    ///   years, an offset change this crate cannot resolve (two changes within 36 hours). No
    ///   zone of Europe is such a zone.
    pub fn new(coverage: Coverage) -> Result<Clock, Error> {
        Clock::check_windows(&coverage)?;
        let zone = zones::supported_weeks(coverage.time_zone())?;
        Clock::with_zone(coverage, zone)
    }

    /// [`Error::TooManyWindows`] when a day of `coverage` has too many windows for a clock.
    fn check_windows(coverage: &Coverage) -> Result<(), Error> {
        match coverage.busiest_day_over_limit() {
            Some((weekday, count)) => Err(Error::TooManyWindows {
                weekday,
                count,
                limit: MAX_WINDOWS_PER_DAY,
            }),
            None => Ok(()),
        }
    }

    /// The clock of `coverage` (its windows checked) over the weeks of its zone, `zone`.
    fn with_zone(coverage: Coverage, zone: Arc<ZoneWeeks>) -> Result<Clock, Error> {
        let index = Index::build_in(&coverage, &zone).ok_or_else(|| Error::TimeZoneRule {
            zone: coverage.time_zone().name().to_owned(),
        })?;
        if index.total() == 0 {
            return Err(Error::CoverageNeverOpen {
                schedule: coverage.schedule().to_string(),
                zone: coverage.time_zone().name().to_owned(),
            });
        }
        Ok(Clock {
            inner: Arc::new(Inner {
                coverage,
                index,
                _zone: Some(zone),
            }),
            versions: None,
        })
    }

    /// The coverage this clock counts; of a clock built from a policy history, the coverage of
    /// its last version.
    pub fn coverage(&self) -> &Coverage {
        &self.inner.coverage
    }

    /// The instants this clock answers for, both ends included.
    pub fn supported_range(&self) -> RangeInclusive<DateTime<Utc>> {
        let index = &self.inner.index;
        DateTime::from_timestamp_nanos(index.range_start)
            ..=DateTime::from_timestamp_nanos(index.range_end)
    }

    /// Whether the coverage is open at `at`. Windows are half-open: at the closing instant the
    /// coverage is closed, at the opening instant it is open. The end of the supported range
    /// counts as closed.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `at` is outside [`supported_range`](Clock::supported_range).
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::{clock::Clock, coverage::Coverage};
    ///
    /// let clock = Clock::new(Coverage::standard())?;
    /// let monday = |h, m| Madrid.with_ymd_and_hms(2025, 3, 3, h, m, 0).unwrap();
    /// assert!(clock.is_open(monday(9, 0))?);
    /// assert!(clock.is_open(monday(17, 29))?);
    /// assert!(!clock.is_open(monday(17, 30))?); // [09:00, 17:30)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_open(&self, at: impl AsInstant) -> Result<bool, Error> {
        let t = self.instant(&at)?;
        Ok(self.inner.index.is_open(t))
    }

    /// The earliest instant at or after `at` at which the coverage is open: `at` itself when it
    /// is open, else the next opening. `None` when the coverage never opens again inside the
    /// supported range (a schedule with no window, for instance).
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `at` is outside [`supported_range`](Clock::supported_range).
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::{clock::Clock, coverage::Coverage};
    ///
    /// let clock = Clock::new(Coverage::standard())?;
    /// // Friday 5 December 2025, 15:00: closed; next opening is Tuesday 9th (8th is a holiday).
    /// let friday = Madrid.with_ymd_and_hms(2025, 12, 5, 15, 0, 0).unwrap();
    /// let opens = clock.next_open(friday)?.unwrap();
    /// assert_eq!(opens, Madrid.with_ymd_and_hms(2025, 12, 9, 9, 0, 0).unwrap());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_open(&self, at: impl AsInstant) -> Result<Option<DateTime<Utc>>, Error> {
        let t = self.instant(&at)?;
        Ok(self
            .inner
            .index
            .next_open(t)
            .map(DateTime::from_timestamp_nanos))
    }

    /// The earliest instant at or after `at` at which the coverage is closed: `at` itself when it
    /// is closed, else the end of the open stretch holding `at` (windows that touch, across
    /// midnight for instance, are one stretch). `None` when the coverage stays open to the end of
    /// the supported range (always for [`Coverage::always`]).
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `at` is outside [`supported_range`](Clock::supported_range).
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::{clock::Clock, coverage::Coverage};
    ///
    /// let clock = Clock::new(Coverage::plus())?;
    /// let tuesday = |h| Madrid.with_ymd_and_hms(2025, 3, 4, h, 0, 0).unwrap();
    /// assert_eq!(clock.next_close(tuesday(10))?, Some(tuesday(20).to_utc()));
    /// assert_eq!(clock.next_close(tuesday(21))?, Some(tuesday(21).to_utc()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_close(&self, at: impl AsInstant) -> Result<Option<DateTime<Utc>>, Error> {
        let t = self.instant(&at)?;
        Ok(self
            .inner
            .index
            .next_close(t)
            .map(DateTime::from_timestamp_nanos))
    }

    /// The service time inside `[from, to)`: the time the coverage is open between the two
    /// instants. Signed: when `to` is before `from` it is minus the service time inside
    /// `[to, from)`, so `elapsed(a, c) == elapsed(a, b) + elapsed(b, c)` for any `a`, `b`, `c`.
    ///
    /// Exact to the nanosecond, real time across DST changes; costs the same for any span.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `from` or `to` is outside
    /// [`supported_range`](Clock::supported_range).
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone};
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::{clock::Clock, coverage::Coverage};
    ///
    /// // Around the clock, the last Sunday of October 2025 lasts 25 hours in Madrid.
    /// let always = Clock::new(Coverage::always())?;
    /// let day = |d| Madrid.with_ymd_and_hms(2025, 10, d, 0, 0, 0).unwrap();
    /// assert_eq!(always.elapsed(day(26), day(27))?, TimeDelta::hours(25));
    /// assert_eq!(always.elapsed(day(27), day(26))?, TimeDelta::hours(-25));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "between")]
    pub fn elapsed(&self, from: impl AsInstant, to: impl AsInstant) -> Result<TimeDelta, Error> {
        let (a, b) = (self.instant(&from)?, self.instant(&to)?);
        let index = &self.inner.index;
        Ok(TimeDelta::nanoseconds(
            index.service_before(b) - index.service_before(a),
        ))
    }

    /// The instant at which a budget of service time starting at `start` is used up: the first
    /// instant reached, walking from `start` in the budget's direction, at which the service time
    /// counted equals `|budget|`.
    ///
    /// - Forward (`budget > 0`): the earliest `t` with `elapsed(start, t) == budget`. A budget
    ///   used up exactly at a closing instant gives that closing instant, not the next opening.
    ///   A start outside the coverage's hours starts counting at the next opening.
    /// - Backward (`budget < 0`): the latest `t` with `elapsed(t, start) == -budget`. A budget
    ///   used up exactly at an opening gives that opening instant, not the previous closing.
    /// - A zero budget gives `start`.
    ///
    /// Costs the same for any budget.
    ///
    /// # Errors
    ///
    /// - [`Error::InstantOutOfRange`] when `start` is outside
    ///   [`supported_range`](Clock::supported_range);
    /// - [`Error::DeadlineOutOfRange`] when the budget is not used up inside it (including any
    ///   non-zero budget on a coverage that is never open).
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone};
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::{clock::Clock, coverage::Coverage};
    ///
    /// let clock = Clock::new(Coverage::standard())?;
    /// let monday = |h, m| Madrid.with_ymd_and_hms(2025, 3, 3, h, m, 0).unwrap().to_utc();
    /// // Used up exactly at closing: the closing instant, not Tuesday's opening.
    /// assert_eq!(clock.deadline(monday(9, 0), TimeDelta::minutes(510))?, monday(17, 30));
    /// // Backwards, used up exactly at the opening: the opening instant.
    /// assert_eq!(clock.deadline(monday(10, 0), TimeDelta::hours(-1))?, monday(9, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "add")]
    #[doc(alias = "due")]
    pub fn deadline(
        &self,
        start: impl AsInstant,
        budget: TimeDelta,
    ) -> Result<DateTime<Utc>, Error> {
        let s = self.instant(&start)?;
        let index = &self.inner.index;
        let out_of_range = || self.deadline_out_of_range(s, budget);
        let amount = budget.num_nanoseconds().ok_or_else(out_of_range)?;
        let target = index
            .service_before(s)
            .checked_add(amount)
            .ok_or_else(out_of_range)?;
        let t = match amount {
            0 => s,
            a if a > 0 && target <= index.total() => {
                index.reach_forward(target).ok_or_else(out_of_range)?
            }
            a if a < 0 && target >= 0 => index.reach_backward(target).ok_or_else(out_of_range)?,
            _ => return Err(out_of_range()),
        };
        Ok(DateTime::from_timestamp_nanos(t))
    }

    /// The error of a budget `budget` from `start` not used up inside the supported range.
    fn deadline_out_of_range(&self, start: i64, budget: TimeDelta) -> Error {
        Error::DeadlineOutOfRange {
            start: DateTime::from_timestamp_nanos(start),
            budget,
            supported: self.supported_range(),
        }
    }

    /// `at` as nanoseconds since the epoch, checked against the supported range.
    pub(crate) fn nanos<Tz: TimeZone>(&self, at: &DateTime<Tz>) -> Result<i64, Error> {
        self.instant(at)
    }

    /// `at` as nanoseconds since the epoch, checked against the supported range.
    #[inline]
    fn instant(&self, at: &impl AsInstant) -> Result<i64, Error> {
        let index = &self.inner.index;
        match at.nanos() {
            Some(t) if t >= index.range_start && t <= index.range_end => Ok(t),
            _ => Err(Error::InstantOutOfRange {
                instant: at.utc(),
                supported: self.supported_range(),
            }),
        }
    }
}

/// An instant a [`Clock`] accepts: a [`DateTime`] in any time zone, by value or by reference,
/// so callers need not clone (`clock.elapsed(&from, &to)` as well as `clock.elapsed(from, to)`).
///
/// Sealed: implemented for `DateTime<Tz>` and `&DateTime<Tz>` only.
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::{clock::Clock, coverage::Coverage};
///
/// let clock = Clock::new(Coverage::standard())?;
/// let from = Madrid.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
/// let to = Madrid.with_ymd_and_hms(2025, 3, 3, 12, 0, 0).unwrap();
/// assert_eq!(clock.elapsed(&from, &to)?, TimeDelta::hours(3));
/// assert_eq!(clock.elapsed(from, to.to_utc())?, TimeDelta::hours(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait AsInstant: sealed::Sealed {
    /// Nanoseconds since the Unix epoch; `None` when they do not fit an `i64`.
    #[doc(hidden)]
    fn nanos(&self) -> Option<i64>;
    /// The instant in UTC.
    #[doc(hidden)]
    fn utc(&self) -> DateTime<Utc>;
}

mod sealed {
    pub trait Sealed {}
    impl<Tz: chrono::TimeZone> Sealed for chrono::DateTime<Tz> {}
    impl<Tz: chrono::TimeZone> Sealed for &chrono::DateTime<Tz> {}
}

impl<Tz: TimeZone> AsInstant for DateTime<Tz> {
    fn nanos(&self) -> Option<i64> {
        self.timestamp_nanos_opt()
    }
    fn utc(&self) -> DateTime<Utc> {
        self.to_utc()
    }
}

impl<Tz: TimeZone> AsInstant for &DateTime<Tz> {
    fn nanos(&self) -> Option<i64> {
        self.timestamp_nanos_opt()
    }
    fn utc(&self) -> DateTime<Utc> {
        self.to_utc()
    }
}
