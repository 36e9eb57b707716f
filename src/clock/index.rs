//! The precomputed service time of a coverage: what makes every query cost the same whatever
//! its span, in a little memory.
//!
//! The supported range is cut into weeks of seven local days, counted from its first day. Most
//! weeks of a coverage look alike: the same windows at the same offsets from the week's start.
//! So a week is stored as three numbers, its first instant, the service time before it and the
//! id of its *pattern*, and each distinct pattern once: its open intervals relative to the
//! week's start (windows that touch are joined), with the service time before each. A week
//! with a holiday, special hours or an offset change is one more pattern, shared by every week
//! that looks the same (a holiday on a Thursday in winter, the week of the last Sunday of
//! March…). An office-hours coverage over the 101 supported years holds about 60 patterns and
//! 5,270 weeks: about 110 KiB, of which the week starts (42 KiB) are shared by every index of
//! the zone, built in under a tenth of a millisecond once the zone's weeks are known.
//!
//! Offsets are looked up once a week (at each week's first midnight), so a zone must not change
//! its offset and change it back within one week: none of the IANA database does over
//! 2000–2100 (the closest, Asia/Gaza's predicted Ramadan changes, are seven days apart).
//!
//! Queries: the week of an instant is found by division (one step either way corrects for the
//! offset), the week of an amount of service time by a bucket table over equal service slices,
//! then a binary search over the few weeks of one bucket and over the intervals of one pattern.
//! No query steps over the span.
//!
//! The cost of building grows with the number of distinct weeks times their windows, so a
//! schedule may hold at most `MAX_WINDOWS_PER_DAY` (16) windows a day: at most 5,270 patterns of
//! at most 112 intervals, about 14 MiB, whatever the holidays and special hours.

use crate::coverage::DAY_NANOS;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// One local day, in nanoseconds.
const DAY: i64 = DAY_NANOS as i64;
/// Seven local days, in nanoseconds of wall time.
const WEEK: i64 = 7 * DAY;

/// One open stretch `[start, end)` in nanoseconds from the start of its week, with the service
/// time before it in the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Interval {
    start: i64,
    end: i64,
    before: i64,
}

impl Interval {
    fn after(&self) -> i64 {
        self.before + (self.end - self.start)
    }

    /// Appends `[start, end)` to `ivs` (in order), joined with the last interval if they touch.
    fn join(ivs: &mut Vec<Interval>, start: i64, end: i64) {
        match ivs.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => ivs.push(Interval {
                start,
                end,
                before: 0,
            }),
        }
    }

    /// Sets the service time before each of `ivs` (in order).
    fn count_before(ivs: &mut [Interval]) {
        let mut before = 0;
        for iv in ivs {
            iv.before = before;
            before += iv.end - iv.start;
        }
    }
}

/// What a week looks like: where it starts, how long it lasts, its open intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pattern {
    /// The week's length in real time (7 days, one hour less or more across an offset change).
    len: i64,
    /// The pattern's intervals: `intervals[first..first + count]`.
    first: u32,
    count: u32,
    /// Service time of the week.
    total: i64,
    /// `by_day[d]`: the first interval ending after `d` days from the week's start (`count`
    /// when none does), so the interval of an instant is searched among a day's few.
    by_day: [u8; 9],
    /// `by_service[j]`: the first interval whose service after it reaches
    /// `j << service_shift`, so the interval of an amount of service is searched among a few.
    by_service: [u8; 17],
    /// The smallest shift that leaves `total >> service_shift` under 16.
    service_shift: u8,
}

impl Pattern {
    /// The candidates `[lo, hi)` for an answer known to lie between `table[j]` and
    /// `table[j + 1]` (both included), out of `count` intervals.
    #[inline]
    fn between(table: &[u8], j: usize, count: usize) -> (usize, usize) {
        let at = |j: usize| table.get(j).map_or(count, |&i| usize::from(i));
        (at(j), (at(j + 1) + 1).min(count))
    }

    /// The candidates for the first interval ending after `rel` (`0 <= rel <= len`).
    #[inline]
    fn by_time(&self, rel: i64) -> (usize, usize) {
        let d = usize::try_from(rel / DAY).unwrap_or(0);
        Pattern::between(&self.by_day, d, self.count as usize)
    }

    /// The candidates for the first interval whose service after it reaches (or passes)
    /// `rel` (`0 <= rel <= total`).
    #[inline]
    fn by_service(&self, rel: i64) -> (usize, usize) {
        let j = usize::try_from(rel >> self.service_shift).unwrap_or(0);
        Pattern::between(&self.by_service, j, self.count as usize)
    }
}

/// The first instant of each week, then the end of the last week: the same for every index of
/// one zone (see `dst::ZoneWeeks`), so shared by them, not copied; a change (`DerefMut`) copies
/// them first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Starts(Arc<[i64]>);

impl Deref for Starts {
    type Target = [i64];
    #[inline]
    fn deref(&self) -> &[i64] {
        &self.0
    }
}

impl DerefMut for Starts {
    fn deref_mut(&mut self) -> &mut [i64] {
        Arc::make_mut(&mut self.0)
    }
}

impl From<Arc<[i64]>> for Starts {
    fn from(starts: Arc<[i64]>) -> Starts {
        Starts(starts)
    }
}

/// The weeks of a coverage over its supported range, their patterns, and a look-up table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Index {
    /// First supported instant.
    pub(crate) range_start: i64,
    /// Last supported instant.
    pub(crate) range_end: i64,
    /// The first instant of week 0, from which weeks are counted (`range_start` but for a
    /// folded index, whose first version may take effect later: see `fold.rs`).
    origin: i64,
    /// `starts[k]`: the first instant of week `k`; the last entry is the end of the weeks.
    starts: Starts,
    /// `befores[k]`: service time before week `k`; the last entry is the service of the range.
    befores: Vec<i64>,
    /// The pattern of each week (at least one week).
    weeks: Vec<u16>,
    patterns: Vec<Pattern>,
    intervals: Vec<Interval>,
    /// A service bucket is `1 << service_shift` nanoseconds of service (at least a week's mean).
    service_shift: u32,
    /// `service_buckets[j]`: the first week whose service after it reaches
    /// `j << service_shift` (the last week when none does).
    service_buckets: Vec<u16>,
}

impl Index {
    /// The first instant of week `k` (`k <= weeks`; the end of the range for `k == weeks`) and,
    /// for `k < weeks`, its pattern.
    #[inline]
    fn week(&self, k: usize) -> (i64, Option<&Pattern>) {
        let pattern = self.weeks.get(k).map(|&id| {
            self.patterns
                .get(usize::from(id))
                .expect("invariant: every week's pattern is stored")
        });
        (self.week_start(k), pattern)
    }

    /// The first instant of week `k` (`k <= weeks`; the end of the range for `k == weeks`).
    #[inline]
    fn week_start(&self, k: usize) -> i64 {
        *self
            .starts
            .get(k)
            .expect("invariant: weeks are asked for inside the range")
    }

    /// The week holding `t` (`range_start <= t <= range_end`), its first instant, its pattern.
    #[inline]
    fn week_of(&self, t: i64) -> (usize, i64, &Pattern) {
        let last = self.weeks.len() - 1;
        let guess = (((t - self.origin) / WEEK) as usize).min(last);
        let k = if t < self.week_start(guess) {
            guess - 1
        } else if guess < last && t >= self.week_start(guess + 1) {
            guess + 1
        } else {
            guess
        };
        let (start, pattern) = self.week(k);
        (
            k,
            start,
            pattern.expect("invariant: an instant of the range is in one of its weeks"),
        )
    }

    #[inline]
    fn intervals_of(&self, pattern: &Pattern) -> &[Interval] {
        let first = pattern.first as usize;
        self.intervals
            .get(first..first + pattern.count as usize)
            .expect("invariant: a pattern's intervals are stored")
    }

    #[inline]
    fn before(&self, k: usize) -> i64 {
        *self
            .befores
            .get(k)
            .expect("invariant: a week's service before it is stored")
    }

    /// The week, its first instant and pattern, and the first interval of it ending after `t`
    /// (its count when none does).
    #[inline]
    fn locate(&self, t: i64) -> (usize, i64, &Pattern, usize) {
        let (k, start, pattern) = self.week_of(t);
        let rel = t - start;
        let (lo, hi) = pattern.by_time(rel);
        let candidates = self.intervals_of(pattern).get(lo..hi).unwrap_or(&[]);
        (
            k,
            start,
            pattern,
            lo + first_not(candidates, |iv| iv.end <= rel),
        )
    }

    /// Service time from the start of the range to `t`.
    #[inline]
    pub(crate) fn service_before(&self, t: i64) -> i64 {
        let (k, start, pattern) = self.week_of(t);
        let rel = t - start;
        // A day's candidates are few (at most `MAX_WINDOWS_PER_DAY` + 1): scan them.
        let (lo, hi) = pattern.by_time(rel);
        let candidates = self.intervals_of(pattern).get(lo..hi).unwrap_or(&[]);
        let inner = match candidates.iter().find(|iv| iv.end > rel) {
            Some(iv) if iv.start < rel => iv.before + (rel - iv.start),
            Some(iv) => iv.before,
            None => pattern.total,
        };
        self.before(k) + inner
    }

    /// Whether `t` is inside an open interval.
    #[inline]
    pub(crate) fn is_open(&self, t: i64) -> bool {
        let (_, start, pattern, i) = self.locate(t);
        self.intervals_of(pattern)
            .get(i)
            .is_some_and(|iv| iv.start <= t - start)
    }

    /// The earliest open instant at or after `t`, if any.
    pub(crate) fn next_open(&self, t: i64) -> Option<i64> {
        let (k, start, pattern, i) = self.locate(t);
        if let Some(iv) = self.intervals_of(pattern).get(i) {
            return Some(start + iv.start.max(t - start));
        }
        // The first later week with service time.
        let served = self.before(k + 1);
        let later = self.befores.get(k + 1..)?;
        let m = k + 1 + later.partition_point(|&b| b <= served);
        let (start, pattern) = self.week(m.checked_sub(1)?);
        let first = self.intervals_of(pattern?).first()?;
        Some(start + first.start)
    }

    /// The earliest closed instant at or after `t`; `None` when the coverage stays open to the
    /// end of the range.
    pub(crate) fn next_close(&self, t: i64) -> Option<i64> {
        let (k, start, pattern, i) = self.locate(t);
        match self.intervals_of(pattern).get(i) {
            Some(iv) if iv.start <= t - start => {
                let close = if iv.end < pattern.len {
                    start + iv.end
                } else {
                    self.close_after_week(k)
                };
                (close < self.range_end).then_some(close)
            }
            _ => Some(t),
        }
    }

    /// The first closed instant after week `k`, which is open up to its end: the first later
    /// week with some closed time is found by a binary search over the closed time before each
    /// week (which never decreases).
    fn close_after_week(&self, k: usize) -> i64 {
        let closed = |m: usize| self.week_start(m) - self.origin - self.before(m);
        let open_through = closed(k + 1);
        // Find the first m in k + 2 ..= weeks with closed(m) > open_through.
        let (mut lo, mut hi) = (k + 2, self.weeks.len() + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if closed(mid) > open_through {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        match self.week(lo - 1) {
            (start, Some(pattern)) => match self.intervals_of(pattern).first() {
                Some(iv) if iv.start == 0 => start + iv.end,
                _ => start,
            },
            (end, None) => end,
        }
    }

    /// Service time of the whole range.
    #[inline]
    pub(crate) fn total(&self) -> i64 {
        *self
            .befores
            .last()
            .expect("invariant: the service time of the range is stored")
    }

    /// The week in which `target` of service time is reached: the first week whose service
    /// after it passes `target` (reaches it when `reach` is true).
    #[inline]
    fn week_reaching(&self, target: i64, reach: bool) -> usize {
        let j = usize::try_from(target >> self.service_shift).unwrap_or(0);
        let bucket = |j: usize| {
            self.service_buckets
                .get(j)
                .map_or(self.weeks.len() - 1, |&k| usize::from(k))
        };
        let (lo, hi) = (bucket(j), bucket(j + 1));
        let afters = self
            .befores
            .get(lo + 1..=hi + 1)
            .expect("invariant: the service buckets point at stored weeks");
        lo + first_not(afters, |&b| if reach { b < target } else { b <= target })
    }

    /// The earliest instant by which `target` of service time has been counted since the start
    /// of the range (`0 < target <= total`).
    #[inline]
    pub(crate) fn reach_forward(&self, target: i64) -> Option<i64> {
        let k = self.week_reaching(target, true);
        let (start, pattern) = self.week(k);
        let rel = target - self.befores.get(k)?;
        let pattern = pattern?;
        let (lo, hi) = pattern.by_service(rel);
        let candidates = self.intervals_of(pattern).get(lo..hi)?;
        let iv = candidates.get(first_not(candidates, |iv| iv.after() < rel))?;
        Some(start + iv.start + (rel - iv.before))
    }

    /// The latest instant at which exactly `target` of service time has been counted since the
    /// start of the range (`0 <= target < total`).
    #[inline]
    pub(crate) fn reach_backward(&self, target: i64) -> Option<i64> {
        let k = self.week_reaching(target, false);
        let (start, pattern) = self.week(k);
        let rel = target - self.befores.get(k)?;
        let pattern = pattern?;
        let (lo, hi) = pattern.by_service(rel);
        let candidates = self.intervals_of(pattern).get(lo..hi)?;
        let iv = candidates.get(first_not(candidates, |iv| iv.after() <= rel))?;
        Some(start + iv.start + (rel - iv.before))
    }

    /// The open intervals within `[from, to)` (both in range), in order, as `(start, end)`;
    /// intervals that touch across weeks are joined.
    pub(crate) fn open_intervals(
        &self,
        from: i64,
        to: i64,
    ) -> impl Iterator<Item = (i64, i64)> + '_ {
        let (mut k, _, _, mut i) = self.locate(from);
        let mut pending: Option<(i64, i64)> = None;
        let mut done = from >= to;
        std::iter::from_fn(move || loop {
            if done {
                return pending.take();
            }
            let raw = loop {
                match self.week(k) {
                    (start, Some(pattern)) => {
                        if let Some(iv) = self.intervals_of(pattern).get(i) {
                            i += 1;
                            break Some((start + iv.start, start + iv.end));
                        }
                        (k, i) = (k + 1, 0);
                    }
                    (_, None) => break None,
                }
            };
            match raw {
                Some((a, b)) if a < to => {
                    let (a, b) = (a.max(from), b.min(to));
                    match pending {
                        Some((pa, pb)) if pb == a => pending = Some((pa, b)),
                        Some(stretch) => {
                            pending = Some((a, b));
                            return Some(stretch);
                        }
                        None => pending = Some((a, b)),
                    }
                }
                _ => done = true,
            }
        })
    }

    /// Whether this index and `other` share their week starts (tests of the cache).
    #[cfg(test)]
    pub(crate) fn shares_starts(&self, other: &Index) -> bool {
        Arc::ptr_eq(&self.starts.0, &other.starts.0)
    }

    /// Heap bytes held by the index (for the footprint report and tests), its week starts
    /// counted in even when shared with other indexes.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.befores.capacity() * size_of::<i64>()
            + self.starts.len() * size_of::<i64>()
            + self.weeks.capacity() * size_of::<u16>()
            + self.patterns.capacity() * size_of::<Pattern>()
            + self.intervals.capacity() * size_of::<Interval>()
            + self.service_buckets.capacity() * size_of::<u16>()
    }
}

/// The index of the first item of `items` for which `before` is false (`before` holds for a
/// prefix): a linear scan over the few candidates a table usually leaves (faster than a binary
/// search there), a binary search over more.
#[inline]
fn first_not<T>(items: &[T], before: impl Fn(&T) -> bool) -> usize {
    if items.len() > 8 {
        return items.partition_point(before);
    }
    items
        .iter()
        .position(|item| !before(item))
        .unwrap_or(items.len())
}

mod build;
mod fold;

pub(crate) use fold::{CrowdedWeek, Part, MAX_STRETCHES_PER_WEEK};

#[cfg(test)]
mod tests;
