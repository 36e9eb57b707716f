//! The clock's entry points in jiff.

use super::{computed, signed_duration, to_chrono, to_time_delta};
use crate::clock::{Clock, Explanation};
use crate::error::Error;
use jiff::{SignedDuration, Timestamp};
use std::ops::RangeInclusive;

impl Clock {
    /// This clock, answering in jiff: the same entry points with `jiff::Timestamp`,
    /// `&jiff::ZonedDateTime` and `jiff::SignedDuration` (see [`jiff_1`](crate::jiff_1)).
    ///
    /// ```
    /// use jiff::{SignedDuration, Timestamp};
    /// use support_sla::{clock::Clock, coverage::Coverage};
    ///
    /// let clock = Clock::new(Coverage::always())?;
    /// let start: Timestamp = "2025-10-25T22:00:00Z".parse()?; // Sunday 26 October, 00:00 in Madrid
    /// // The last Sunday of October 2025 lasts 25 hours in Madrid.
    /// let monday = clock.jiff().deadline(start, SignedDuration::from_hours(25))?;
    /// assert_eq!(monday.to_string(), "2025-10-26T23:00:00Z");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn jiff(&self) -> JiffClock<'_> {
        JiffClock { clock: self }
    }
}

/// A [`Clock`] answering in jiff, from [`Clock::jiff`]. Each method is the chrono method of the
/// same name, with its laws, edge cases and errors; instants are `impl Into<Timestamp>`
/// (`Timestamp`, `ZonedDateTime`, `&ZonedDateTime`).
///
/// ```
/// use jiff::{SignedDuration, ZonedDateTime};
/// use support_sla::{clock::Clock, coverage::Coverage};
///
/// let clock = Clock::new(Coverage::standard())?;
/// let jiff = clock.jiff();
/// let monday = |time: &str| -> ZonedDateTime {
///     format!("2025-03-03T{time}[Europe/Madrid]").parse().unwrap()
/// };
/// assert!(jiff.is_open(&monday("09:00"))?);
/// assert!(!jiff.is_open(&monday("17:30"))?); // [09:00, 17:30)
/// assert_eq!(jiff.next_close(&monday("10:00"))?, Some(monday("17:30").timestamp()));
/// assert_eq!(jiff.elapsed(&monday("08:00"), &monday("18:00"))?, SignedDuration::from_mins(510));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
pub struct JiffClock<'a> {
    clock: &'a Clock,
}

impl<'a> JiffClock<'a> {
    /// The clock in chrono.
    pub fn chrono(&self) -> &'a Clock {
        self.clock
    }

    /// As [`Clock::supported_range`].
    pub fn supported_range(&self) -> RangeInclusive<Timestamp> {
        let range = self.clock.supported_range();
        computed(*range.start())..=computed(*range.end())
    }

    /// As [`Clock::is_open`].
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `at` is outside the supported range.
    pub fn is_open(&self, at: impl Into<Timestamp>) -> Result<bool, Error> {
        self.clock.is_open(to_chrono(at))
    }

    /// As [`Clock::next_open`].
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `at` is outside the supported range.
    pub fn next_open(&self, at: impl Into<Timestamp>) -> Result<Option<Timestamp>, Error> {
        Ok(self.clock.next_open(to_chrono(at))?.map(computed))
    }

    /// As [`Clock::next_close`].
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `at` is outside the supported range.
    pub fn next_close(&self, at: impl Into<Timestamp>) -> Result<Option<Timestamp>, Error> {
        Ok(self.clock.next_close(to_chrono(at))?.map(computed))
    }

    /// As [`Clock::elapsed`]: the signed service time inside `[from, to)`.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `from` or `to` is outside the supported range.
    pub fn elapsed(
        &self,
        from: impl Into<Timestamp>,
        to: impl Into<Timestamp>,
    ) -> Result<SignedDuration, Error> {
        let elapsed = self.clock.elapsed(to_chrono(from), to_chrono(to))?;
        Ok(signed_duration(elapsed))
    }

    /// As [`Clock::deadline`]: the first instant reached at which `budget` of service time from
    /// `start` is used up.
    ///
    /// # Errors
    ///
    /// As [`Clock::deadline`]; a budget beyond chrono's `TimeDelta` (about ±292 million years)
    /// is [`Error::DurationOutOfRange`].
    pub fn deadline(
        &self,
        start: impl Into<Timestamp>,
        budget: SignedDuration,
    ) -> Result<Timestamp, Error> {
        let start = to_chrono(start);
        let budget = self.budget(start, budget)?;
        Ok(computed(self.clock.deadline(start, budget)?))
    }

    /// As [`Clock::explain_elapsed`].
    ///
    /// # Errors
    ///
    /// As [`elapsed`](JiffClock::elapsed).
    pub fn explain_elapsed(
        &self,
        from: impl Into<Timestamp>,
        to: impl Into<Timestamp>,
    ) -> Result<Explanation, Error> {
        self.clock.explain_elapsed(to_chrono(from), to_chrono(to))
    }

    /// As [`Clock::explain_deadline`].
    ///
    /// # Errors
    ///
    /// As [`deadline`](JiffClock::deadline).
    pub fn explain_deadline(
        &self,
        start: impl Into<Timestamp>,
        budget: SignedDuration,
    ) -> Result<Explanation, Error> {
        let start = to_chrono(start);
        let budget = self.budget(start, budget)?;
        self.clock.explain_deadline(start, budget)
    }

    /// `budget` in chrono. Beyond `TimeDelta` it runs past any supported range: the clock's
    /// own error for `start` first (a start outside the range), else the deadline's.
    fn budget(
        self,
        start: chrono::DateTime<chrono::Utc>,
        budget: SignedDuration,
    ) -> Result<chrono::TimeDelta, Error> {
        if let Some(budget) = to_time_delta(budget) {
            return Ok(budget);
        }
        self.clock.is_open(start)?; // InstantOutOfRange for a start outside the range
        Err(Error::DurationOutOfRange {
            seconds: budget.as_secs(),
            nanos: budget.subsec_nanos(),
        })
    }
}
