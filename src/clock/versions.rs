//! A clock made of versions: the coverage in force at each instant counts.
//!
//! A history of coverages `c0` (in force until `f1`), `c1` (from `f1` until `f2`), … is one
//! clock whose index is the *fold* of its versions' indexes (see `index/fold.rs`): at each
//! instant it holds what the index of the version in force then holds. So `elapsed`,
//! `deadline`, `is_open`, `next_open` and `next_close` take the very steps they take on a clock
//! of one coverage, at the same cost, whatever the number of versions.
//!
//! The versions' own clocks are kept for what only they know: the coverage in force, which
//! explanations read to say why the service was closed (`pieces`). Versions whose coverages
//! are equal share one built clock (the caller builds them once).

use super::index::{CrowdedWeek, Index, Part, MAX_STRETCHES_PER_WEEK};
use super::{Clock, Inner};
use crate::error::Error;
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// One version's span `[from, until)` in UTC nanoseconds and its clock.
#[derive(Debug, Clone)]
struct Span {
    from: i64,
    until: i64,
    clock: Clock,
}

/// The spans of a clock of several versions, in order, covering its range without gaps.
#[derive(Debug, Clone)]
pub(crate) struct Versions {
    spans: Vec<Span>,
}

impl Versions {
    /// The versions: `first` from `start` (the start of its clock's range when `None`), then
    /// each of `rest` from its instant. The caller has checked that the instants strictly
    /// increase; each must lie inside the supported range of the clock before it and of its own.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when an instant is outside those ranges.
    fn new(
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
            // A version on the very clock of the one before (an equal coverage, built once)
            // changes nothing here: its span extends the one before.
            match spans.last_mut() {
                Some(last) if Arc::ptr_eq(&last.clock.inner, &clock.inner) => last.until = until,
                _ => spans.push(Span { from, until, clock }),
            }
        }
        Ok(Versions { spans })
    }

    /// The index of the span in force at `t` (`t` in the range): the last starting at or
    /// before it.
    fn span_index(&self, t: i64) -> usize {
        self.spans
            .partition_point(|s| s.from <= t)
            .saturating_sub(1)
    }

    /// The spans overlapping `[a, b)`, each with the part of `[a, b)` inside it.
    pub(crate) fn pieces(&self, a: i64, b: i64) -> impl Iterator<Item = (&Clock, i64, i64)> + '_ {
        self.spans
            .iter()
            .skip(self.span_index(a))
            .take_while(move |s| s.from < b)
            .map(move |s| (&s.clock, s.from.max(a), s.until.min(b)))
    }

    /// The index answering for every version at once.
    fn fold(&self) -> Result<Index, Error> {
        let parts: Vec<Part<'_>> = self
            .spans
            .iter()
            .map(|s| Part {
                from: s.from,
                until: s.until,
                index: &s.clock.inner.index,
            })
            .collect();
        match Index::fold(&parts) {
            Ok(index) => Ok(index.expect(
                "invariant: a history's spans follow each other inside their clocks' ranges",
            )),
            Err(CrowdedWeek { week_start, count }) => Err(Error::TooManyStretches {
                week_start: DateTime::from_timestamp_nanos(week_start),
                count,
                limit: MAX_STRETCHES_PER_WEEK,
            }),
        }
    }
}

impl Clock {
    /// The clock of a history of coverages: `first` from `start` (the start of its supported
    /// range when `None`), then each clock of `rest` from its instant, each counting until the
    /// next takes effect. With no `rest` and no `start`, `first` itself. Its
    /// [`coverage`](Clock::coverage) is the last version's.
    ///
    /// The instants must strictly increase (the caller checks it).
    ///
    /// # Errors
    ///
    /// - [`Error::InstantOutOfRange`] when an instant is outside the supported range of the
    ///   clock before it or of its own;
    /// - [`Error::TooManyStretches`] when versions a few hours apart crowd one week.
    pub(crate) fn versioned(
        start: Option<DateTime<Utc>>,
        first: Clock,
        rest: Vec<(DateTime<Utc>, Clock)>,
    ) -> Result<Clock, Error> {
        if start.is_none() && rest.is_empty() {
            return Ok(first);
        }
        let versions = Versions::new(start, first, rest)?;
        if let [only] = versions.spans.as_slice() {
            if start.is_none() {
                // Every version counts on one clock (equal coverages): that clock.
                return Ok(only.clock.clone());
            }
        }
        let index = versions.fold()?;
        let coverage = versions
            .spans
            .last()
            .expect("invariant: a history has at least one version")
            .clock
            .coverage()
            .clone();
        Ok(Clock {
            inner: Arc::new(Inner {
                coverage,
                index,
                _zone: None,
            }),
            versions: Some(Arc::new(versions)),
        })
    }
}
