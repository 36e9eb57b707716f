//! The precomputed service time of a coverage: what makes every query cost the same whatever
//! its span.
//!
//! When a clock is built, every open stretch of the supported range is turned into an interval
//! of UTC nanoseconds (windows that touch, such as 22:00–24:00 and 00:00–06:00, are joined), and
//! each interval records the service time before it. Two bucket tables then find the interval
//! of an instant (by UTC day) and of an amount of service time (by equal service slices) in
//! constant time, followed by a binary search over the few intervals of one bucket. No query
//! steps over the span.

use super::dst::wall_to_nanos;
use crate::coverage::{Coverage, DAY_NANOS};
use chrono::NaiveDate;

/// One open stretch `[start, end)` in UTC nanoseconds, with the service time before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Interval {
    start: i64,
    end: i64,
    before: i64,
}

impl Interval {
    fn after(&self) -> i64 {
        self.before + (self.end - self.start)
    }
}

/// Width of a time bucket: one day of UTC time.
const TIME_BUCKET: i64 = DAY_NANOS as i64;

/// The open intervals of a coverage over its supported range, and their look-up tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Index {
    /// First supported instant.
    pub(crate) range_start: i64,
    /// Last supported instant.
    pub(crate) range_end: i64,
    intervals: Vec<Interval>,
    /// Service time of the whole range.
    total: i64,
    /// `time_buckets[k]`: the first interval ending after `range_start + k * TIME_BUCKET`.
    time_buckets: Vec<u32>,
    /// Width of a service bucket, in nanoseconds of service (at least 1).
    service_width: i64,
    /// `service_buckets[j]`: the first interval whose service after it reaches `j * service_width`.
    service_buckets: Vec<u32>,
}

impl Index {
    /// The index of `coverage` over the local days `first..=last`.
    pub(crate) fn build(coverage: &Coverage, first: NaiveDate, last: NaiveDate) -> Option<Index> {
        let tz = coverage.time_zone();
        let range_start = wall_to_nanos(tz, first, 0)?;
        let range_end = wall_to_nanos(tz, last, DAY_NANOS)?;
        let mut intervals: Vec<Interval> = Vec::new();
        let mut total = 0i64;
        for date in first.iter_days().take_while(|d| *d <= last) {
            for window in coverage.day_plan(date).windows() {
                let start = wall_to_nanos(tz, date, window.open_nanos())?.max(range_start);
                let end = wall_to_nanos(tz, date, window.close_nanos())?.min(range_end);
                if start >= end {
                    continue; // wholly inside a skipped hour
                }
                match intervals.last_mut() {
                    Some(last) if last.end >= start => {
                        total += end.max(last.end) - last.end;
                        last.end = last.end.max(end);
                    }
                    _ => {
                        intervals.push(Interval {
                            start,
                            end,
                            before: total,
                        });
                        total += end - start;
                    }
                }
            }
        }
        let count = u32::try_from(intervals.len()).ok()?;
        let buckets = (range_end - range_start) / TIME_BUCKET + 1;
        let mut time_buckets = Vec::with_capacity(usize::try_from(buckets).ok()? + 1);
        let mut next = 0usize;
        for k in 0..=buckets {
            let at = range_start + k * TIME_BUCKET;
            while intervals.get(next).is_some_and(|iv| iv.end <= at) {
                next += 1;
            }
            time_buckets.push(u32::try_from(next).unwrap_or(count));
        }
        let service_width = (total / buckets).max(1);
        let mut service_buckets = Vec::new();
        let mut next = 0usize;
        let mut j = 0i64;
        loop {
            let at = j * service_width;
            while intervals.get(next).is_some_and(|iv| iv.after() < at) {
                next += 1;
            }
            service_buckets.push(u32::try_from(next).unwrap_or(count));
            if at > total {
                break;
            }
            j += 1;
        }
        Some(Index {
            range_start,
            range_end,
            intervals,
            total,
            time_buckets,
            service_width,
            service_buckets,
        })
    }

    /// The intervals that may hold the answer for bucket `k` of `table`: from `table[k]` to
    /// `table[k + 1]` included (or to the end).
    fn candidates(&self, table: &[u32], k: usize) -> (usize, &[Interval]) {
        let lo = table.get(k).map_or(self.intervals.len(), |&i| i as usize);
        let hi = table.get(k + 1).map_or(self.intervals.len(), |&i| {
            (i as usize + 1).min(self.intervals.len())
        });
        (lo, self.intervals.get(lo..hi.max(lo)).unwrap_or(&[]))
    }

    /// The first interval ending after `t` (`t` in the supported range), or the count of
    /// intervals when none does.
    fn interval_after(&self, t: i64) -> usize {
        let k = ((t - self.range_start) / TIME_BUCKET) as usize;
        let (lo, slice) = self.candidates(&self.time_buckets, k);
        lo + slice.partition_point(|iv| iv.end <= t)
    }

    /// Service time from the start of the range to `t`.
    pub(crate) fn service_before(&self, t: i64) -> i64 {
        match self.intervals.get(self.interval_after(t)) {
            Some(iv) if iv.start < t => iv.before + (t - iv.start),
            Some(iv) => iv.before,
            None => self.total,
        }
    }

    /// Whether `t` is inside an open interval.
    pub(crate) fn is_open(&self, t: i64) -> bool {
        self.intervals
            .get(self.interval_after(t))
            .is_some_and(|iv| iv.start <= t)
    }

    /// The open interval holding `t`, or the next one, as `(start, end)`.
    pub(crate) fn current_or_next(&self, t: i64) -> Option<(i64, i64)> {
        self.intervals
            .get(self.interval_after(t))
            .map(|iv| (iv.start, iv.end))
    }

    /// Service time of the whole range.
    pub(crate) fn total(&self) -> i64 {
        self.total
    }

    /// The earliest instant by which `target` of service time has been counted since the start
    /// of the range (`0 < target <= total`).
    pub(crate) fn reach_forward(&self, target: i64) -> Option<i64> {
        let j = usize::try_from(target / self.service_width).ok()?;
        let (lo, slice) = self.candidates(&self.service_buckets, j);
        let iv = self
            .intervals
            .get(lo + slice.partition_point(|iv| iv.after() < target))?;
        Some(iv.start + (target - iv.before))
    }

    /// The latest instant at which exactly `target` of service time has been counted since the
    /// start of the range (`0 <= target < total`).
    pub(crate) fn reach_backward(&self, target: i64) -> Option<i64> {
        let j = usize::try_from(target / self.service_width).ok()?;
        let (lo, slice) = self.candidates(&self.service_buckets, j);
        let iv = self
            .intervals
            .get(lo + slice.partition_point(|iv| iv.after() <= target))?;
        Some(iv.start + (target - iv.before))
    }
}
