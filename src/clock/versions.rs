//! A clock made of versions: the coverage in force at each instant counts.
//!
//! A history of coverages `c0` (in force until `f1`), `c1` (from `f1` until `f2`), … is answered
//! by one [`Clock`] per version, each asked only about its own span `[f_i, f_{i+1})`. Every span
//! records the service time of the spans before it and its clock's count at its start, so the
//! service time counted since the start of the range is
//! `S(t) = before[v] + (index_v(t) − index_v(f_v))` for the version `v` in force at `t`, where
//! `index_v(t)` is the precomputed count of `v`'s clock; and:
//!
//! - `elapsed(a, b) = S(b) − S(a)`: one index look-up per instant, whatever the span;
//! - `deadline(s, d)` finds the span where `S(s) + d` is reached by a binary search over the
//!   spans' service totals, then one index search in that span's clock.
//!
//! So a query costs what it costs on one clock plus a binary search over the few versions.
//! Versions whose coverages are equal share one built clock.

use super::Clock;
use crate::Error;
use chrono::{DateTime, TimeDelta, Utc};
use std::ops::RangeInclusive;
use std::sync::Arc;

/// One version's span `[from, until)` in UTC nanoseconds, with the service time counted before
/// it and the clock that answers inside it.
#[derive(Debug, Clone)]
struct Span {
    from: i64,
    until: i64,
    /// Service time from the start of the range to `from`.
    before: i64,
    /// Service time inside `[from, until)`.
    service: i64,
    /// The count of the clock's own index at `from`.
    base: i64,
    clock: Clock,
}

impl Span {
    fn after(&self) -> i64 {
        self.before + self.service
    }
}

/// The spans of a clock of several versions, in order, covering its range without gaps.
#[derive(Debug, Clone)]
pub(crate) struct Versions {
    spans: Vec<Span>,
}

fn at(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(t)
}

impl Versions {
    /// The versions: `first` from `start` (the start of its clock's range when `None`), then
    /// each of `rest` from its instant. The caller has checked that the instants strictly
    /// increase; each must lie inside the supported range of the clock before it and of its own.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when an instant is outside those ranges.
    pub(crate) fn new(
        start: Option<DateTime<Utc>>,
        first: Clock,
        rest: Vec<(DateTime<Utc>, Clock)>,
    ) -> Result<Versions, Error> {
        let start = match start {
            Some(start) => start,
            None => *first.supported_range().start(),
        };
        let mut spans: Vec<Span> = Vec::with_capacity(rest.len() + 1);
        let mut pending = std::iter::once((start, first)).chain(rest).peekable();
        while let Some((from, clock)) = pending.next() {
            let from = clock.nanos(&from)?;
            let until = match pending.peek() {
                Some((next, _)) => clock.nanos(next)?,
                None => clock.nanos(clock.supported_range().end())?,
            };
            let index = &clock.inner.index;
            let base = index.service_before(from);
            let service = index.service_before(until) - base;
            let before = spans.last().map_or(0, Span::after);
            spans.push(Span {
                from,
                until,
                before,
                service,
                base,
                clock,
            });
        }
        Ok(Versions { spans })
    }

    fn first(&self) -> &Span {
        self.spans
            .first()
            .expect("invariant: a history has at least one version")
    }

    fn last(&self) -> &Span {
        self.spans
            .last()
            .expect("invariant: a history has at least one version")
    }

    /// The clock of the last version.
    fn latest(&self) -> &Clock {
        &self.last().clock
    }

    /// The instants answered for, both ends included.
    pub(crate) fn supported_range(&self) -> RangeInclusive<DateTime<Utc>> {
        at(self.first().from)..=at(self.last().until)
    }

    /// `t` checked against the supported range.
    pub(crate) fn check(&self, t: Option<i64>, instant: DateTime<Utc>) -> Result<i64, Error> {
        match t {
            Some(t) if t >= self.first().from && t <= self.last().until => Ok(t),
            _ => Err(Error::InstantOutOfRange {
                instant,
                supported: self.supported_range(),
            }),
        }
    }

    /// The index of the span in force at `t` (`t` in the range): the last starting at or
    /// before it.
    fn span_index(&self, t: i64) -> usize {
        self.spans
            .partition_point(|s| s.from <= t)
            .saturating_sub(1)
    }

    fn span(&self, t: i64) -> &Span {
        self.spans
            .get(self.span_index(t))
            .expect("invariant: a history has at least one version")
    }

    /// The clock in force at `t` (`t` in the range).
    pub(crate) fn clock_at(&self, t: i64) -> &Clock {
        &self.span(t).clock
    }

    /// The spans overlapping `[a, b)`, each with the part of `[a, b)` inside it.
    pub(crate) fn pieces(&self, a: i64, b: i64) -> impl Iterator<Item = (&Clock, i64, i64)> + '_ {
        self.spans
            .iter()
            .skip(self.span_index(a))
            .take_while(move |s| s.from < b)
            .map(move |s| (&s.clock, s.from.max(a), s.until.min(b)))
    }

    /// Service time from the start of the range to `t` (`t` in the range).
    fn service_before(&self, t: i64) -> i64 {
        let span = self.span(t);
        span.before + (span.clock.inner.index.service_before(t) - span.base)
    }

    /// [`Clock::elapsed`] over the versions (`a` and `b` in the range).
    pub(crate) fn elapsed(&self, a: i64, b: i64) -> TimeDelta {
        TimeDelta::nanoseconds(self.service_before(b) - self.service_before(a))
    }

    /// Whether the coverage in force at `t` is open.
    pub(crate) fn is_open(&self, t: i64) -> Result<bool, Error> {
        self.clock_at(t).is_open(at(t))
    }

    /// The earliest instant at or after `t` at which the coverage in force is open.
    pub(crate) fn next_open(&self, t: i64) -> Result<Option<DateTime<Utc>>, Error> {
        let last = self.spans.len() - 1;
        for (i, span) in self.spans.iter().enumerate().skip(self.span_index(t)) {
            match span.clock.next_open(at(t.max(span.from)))? {
                Some(open) if i == last || open.timestamp_nanos_opt() < Some(span.until) => {
                    return Ok(Some(open));
                }
                _ => {}
            }
        }
        Ok(None)
    }

    /// The earliest instant at or after `t` at which the coverage in force is closed.
    pub(crate) fn next_close(&self, t: i64) -> Result<Option<DateTime<Utc>>, Error> {
        let last = self.spans.len() - 1;
        for (i, span) in self.spans.iter().enumerate().skip(self.span_index(t)) {
            let close = span.clock.next_close(at(t.max(span.from)))?;
            if i == last {
                return Ok(close);
            }
            if let Some(close) = close.filter(|c| c.timestamp_nanos_opt() < Some(span.until)) {
                return Ok(Some(close));
            }
        }
        Ok(None)
    }

    /// The instant at which `target` of service time has been counted since the start of the
    /// range: the earliest such instant when `forward`, else the latest.
    fn reach(&self, target: i64, forward: bool) -> Option<i64> {
        // Forward: the first span whose count reaches the target (before < target <= after).
        // Backward: the span in which the count passes it (before <= target < after).
        let i = self.spans.partition_point(|s| {
            if forward {
                s.after() < target
            } else {
                s.after() <= target
            }
        });
        let span = self.spans.get(i)?;
        let index = &span.clock.inner.index;
        // The same count on the span's own clock, which stays inside the span (see the
        // module docs): its earliest (latest) instant is the answer.
        let local = target - span.before + span.base;
        if forward {
            index.reach_forward(local)
        } else {
            index.reach_backward(local)
        }
    }

    /// Service time of the whole range.
    fn total(&self) -> i64 {
        self.last().after()
    }

    /// [`Clock::deadline`] over the versions, from `s` (in the range).
    pub(crate) fn deadline(&self, s: i64, budget: TimeDelta) -> Result<DateTime<Utc>, Error> {
        let out_of_range = || Error::DeadlineOutOfRange {
            start: at(s),
            budget,
            supported: self.supported_range(),
        };
        let amount = budget.num_nanoseconds().ok_or_else(out_of_range)?;
        let target = self
            .service_before(s)
            .checked_add(amount)
            .ok_or_else(out_of_range)?;
        let t = match amount {
            0 => Some(s),
            a if a > 0 && target <= self.total() => self.reach(target, true),
            a if a < 0 && target >= 0 => self.reach(target, false),
            _ => None,
        };
        t.map(at).ok_or_else(out_of_range)
    }
}

impl Clock {
    /// The clock of a history of coverages: `first` from `start` (the start of its supported
    /// range when `None`), then each clock of `rest` from its instant, each counting until the
    /// next takes effect. With no `rest` and no `start`, `first` itself.
    ///
    /// The instants must strictly increase (the caller checks it).
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when an instant is outside the supported range of the
    /// clock before it or of its own.
    pub(crate) fn versioned(
        start: Option<DateTime<Utc>>,
        first: Clock,
        rest: Vec<(DateTime<Utc>, Clock)>,
    ) -> Result<Clock, Error> {
        if start.is_none() && rest.is_empty() {
            return Ok(first);
        }
        let versions = Versions::new(start, first, rest)?;
        Ok(Clock {
            inner: versions.latest().inner.clone(),
            versions: Some(Arc::new(versions)),
        })
    }
}
