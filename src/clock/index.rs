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
//! 5,270 weeks: about 110 KiB, built in a few tenths of a millisecond.
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

use super::dst::{offset_nanos, wall_to_nanos};
use crate::coverage::{Coverage, Schedule, Window, DAY_NANOS};
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One local day, in nanoseconds.
const DAY: i64 = DAY_NANOS as i64;
/// Seven local days, in nanoseconds of wall time.
const WEEK: i64 = 7 * DAY;

/// One open stretch `[start, end)` in nanoseconds from the start of its week, with the service
/// time before it in the week.
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

/// What a week looks like: where it starts, how long it lasts, its open intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pattern {
    /// The week's first instant minus its first local midnight read as UTC (minus the offset).
    delta: i64,
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

/// The weeks of a coverage over its supported range, their patterns, and a look-up table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Index {
    /// First supported instant.
    pub(crate) range_start: i64,
    /// Last supported instant.
    pub(crate) range_end: i64,
    /// `starts[k]`: the first instant of week `k`; the last entry is the end of the range.
    starts: Vec<i64>,
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

/// The windows of each local day of the range that differ from the weekly schedule.
struct Exceptions<'a> {
    /// Day numbers (from the first day of the range) of the holidays, ascending.
    holidays: Vec<u32>,
    /// Special hours as `(first day, last day, hours)`, ascending and disjoint.
    special: Vec<(u32, u32, &'a Schedule)>,
}

impl Exceptions<'_> {
    fn new(coverage: &Coverage, first: NaiveDate, last: NaiveDate) -> Option<Exceptions<'_>> {
        let day = |d: NaiveDate| u32::try_from((d - first).num_days()).ok();
        let holidays = match coverage.calendar() {
            Some(calendar) => calendar
                .holidays_between(first, last)
                .ok()?
                .filter_map(|h| day(h.date()))
                .collect(),
            None => Vec::new(),
        };
        let special = coverage
            .special_hours()
            .iter()
            .filter(|s| s.last() >= first && s.first() <= last)
            .filter_map(|s| {
                Some((
                    day(s.first().max(first))?,
                    day(s.last().min(last))?,
                    s.hours(),
                ))
            })
            .collect();
        Some(Exceptions { holidays, special })
    }
}

/// A week being built: where it is and which of its days are not plain.
struct WeekPlan {
    /// Day number of the week's first day.
    day0: u32,
    /// Days of the week inside the range (7 but for a last, shorter week).
    days: u32,
    /// The week's first local midnight read as UTC.
    local: i64,
    /// The week's first instant, and the offset then.
    start: i64,
    offset: i64,
    delta: i64,
    len: i64,
    /// The offset at the start of the next week.
    next_offset: i64,
    /// Whether the offset changes inside the week, or its first midnight was skipped.
    shifts: bool,
}

/// Builds the index, interning patterns.
struct Builder<'a> {
    coverage: &'a Coverage,
    first: NaiveDate,
    /// The weekday and weekly windows of day `d` of any week (weeks start on the range's
    /// first weekday).
    weekdays: [Weekday; 7],
    weekly: [&'a [Window]; 7],
    exceptions: Exceptions<'a>,
    /// Cursors into the exceptions: the first not before the current week.
    next_holiday: usize,
    next_special: usize,
    patterns: Vec<Pattern>,
    intervals: Vec<Interval>,
    by_hash: HashMap<u64, u16, BuildHasherDefault<Prehashed>>,
    /// Patterns of whole weeks without special hours or offset change, by offset (`delta`,
    /// a few) and by which days are holidays (a bit a day: 128 slots, `u16::MAX` when none).
    plain: Vec<(i64, [u16; 128])>,
    scratch: Vec<Interval>,
}

impl Index {
    /// The index of `coverage` over the local days `first..=last`. `None` when an offset change
    /// of the time zone cannot be resolved, or a date cannot be represented.
    pub(crate) fn build(coverage: &Coverage, first: NaiveDate, last: NaiveDate) -> Option<Index> {
        let tz = coverage.time_zone();
        let days = u32::try_from((last - first).num_days() + 1).ok()?;
        let week_count = days.div_ceil(7) as usize;
        let nominal = first
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp_nanos_opt()?;
        let range_start = wall_to_nanos(tz, first, 0)?;
        let range_end = wall_to_nanos(tz, last, DAY_NANOS)?;
        // The first instant of week `k` and the UTC offset then, given the offset of the week
        // before: one offset look-up a week, and the wall-clock rule only when it changed.
        let week_start = |k: usize, offset: i64| -> Option<(i64, i64)> {
            if k == week_count {
                return Some((range_end, offset_nanos(tz, range_end)?));
            }
            let guess = nominal + k as i64 * WEEK - offset;
            if offset_nanos(tz, guess)? == offset {
                return Some((guess, offset));
            }
            let date = first.checked_add_days(Days::new(7 * k as u64))?;
            let start = wall_to_nanos(tz, date, 0)?;
            Some((start, offset_nanos(tz, start)?))
        };
        let mut builder = Builder::new(coverage, first, last)?;
        let mut befores = Vec::with_capacity(week_count + 1);
        let mut starts = Vec::with_capacity(week_count + 1);
        let mut weeks = Vec::with_capacity(week_count);
        let mut before = 0i64;
        let (mut start, mut offset) = (range_start, offset_nanos(tz, range_start)?);
        for k in 0..week_count {
            let (next, next_offset) = week_start(k + 1, offset)?;
            let day0 = u32::try_from(7 * k).ok()?;
            let local = nominal + k as i64 * WEEK;
            let plan = WeekPlan {
                day0,
                days: (days - day0).min(7),
                local,
                start,
                offset,
                delta: start - local,
                len: next - start,
                next_offset,
                shifts: offset != next_offset || start != local - offset,
            };
            let id = builder.week(&plan)?;
            starts.push(plan.start);
            befores.push(before);
            weeks.push(id);
            before += builder.patterns.get(usize::from(id))?.total;
            (start, offset) = (next, next_offset);
        }
        befores.push(before);
        starts.push(range_end);
        let (service_shift, service_buckets) = service_buckets(&befores);
        let Builder {
            mut patterns,
            mut intervals,
            ..
        } = builder;
        patterns.shrink_to_fit();
        intervals.shrink_to_fit();
        Some(Index {
            range_start,
            range_end,
            starts,
            befores,
            weeks,
            patterns,
            intervals,
            service_shift,
            service_buckets,
        })
    }

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
        let guess = (((t - self.range_start) / WEEK) as usize).min(last);
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
        let closed = |m: usize| self.week_start(m) - self.range_start - self.before(m);
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
    #[cfg_attr(not(test), allow(dead_code))] // for the explanation, which classifies the gaps
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
                    (start, Some(pattern)) => match self.intervals_of(pattern).get(i) {
                        Some(iv) => {
                            i += 1;
                            break Some((start + iv.start, start + iv.end));
                        }
                        None => (k, i) = (k + 1, 0),
                    },
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

    /// Heap bytes held by the index (for the footprint report and tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.befores.capacity() * size_of::<i64>()
            + self.starts.capacity() * size_of::<i64>()
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

/// The service bucket table over `befores` (the service before each week, then the total).
fn service_buckets(befores: &[i64]) -> (u32, Vec<u16>) {
    let weeks = befores.len() - 1;
    let total = befores.last().copied().unwrap_or(0);
    // A power of two at least the mean service of a week: a shift, not a division, per query.
    let shift = (0u32..63)
        .find(|&s| (1i64 << s) * weeks.max(1) as i64 >= total)
        .unwrap_or(63);
    let count = usize::try_from((total >> shift) + 2).unwrap_or(0);
    let mut table = Vec::with_capacity(count);
    let mut k = 0usize;
    for j in 0..count {
        let at = (j as i64) << shift;
        while k + 1 < weeks && befores.get(k + 1).is_some_and(|&after| after < at) {
            k += 1;
        }
        table
            .push(u16::try_from(k).expect("invariant: the supported range has under 65,536 weeks"));
    }
    (shift, table)
}

impl<'a> Builder<'a> {
    fn new(coverage: &'a Coverage, first: NaiveDate, last: NaiveDate) -> Option<Builder<'a>> {
        let mut weekdays = [first.weekday(); 7];
        let mut weekly: [&[Window]; 7] = [&[]; 7];
        let mut weekday = first.weekday();
        for (day, windows) in weekdays.iter_mut().zip(&mut weekly) {
            *day = weekday;
            *windows = coverage.schedule().windows(weekday);
            weekday = weekday.succ();
        }
        Some(Builder {
            coverage,
            first,
            weekdays,
            weekly,
            exceptions: Exceptions::new(coverage, first, last)?,
            next_holiday: 0,
            next_special: 0,
            patterns: Vec::new(),
            intervals: Vec::new(),
            by_hash: HashMap::default(),
            plain: Vec::new(),
            scratch: Vec::new(),
        })
    }

    /// The pattern id of the week `plan`, interned.
    fn week(&mut self, plan: &WeekPlan) -> Option<u16> {
        let end = plan.day0 + plan.days;
        let holidays = &self.exceptions.holidays;
        while holidays
            .get(self.next_holiday)
            .is_some_and(|&d| d < plan.day0)
        {
            self.next_holiday += 1;
        }
        let special = &self.exceptions.special;
        while special
            .get(self.next_special)
            .is_some_and(|s| s.1 < plan.day0)
        {
            self.next_special += 1;
        }
        let special_days = special.get(self.next_special).is_some_and(|s| s.0 < end);
        // A whole week without special hours or offset change is known by its holidays: the
        // bit `d` of `closed` is set when day `d` is one.
        let closed = holidays
            .get(self.next_holiday..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&d| d < end)
            .fold(0u8, |mask, &d| mask | 1 << (d - plan.day0));
        let plain = !special_days && !plan.shifts && plan.days == 7;
        if plain {
            let known = self
                .plain
                .iter()
                .find(|(delta, _)| *delta == plan.delta)
                .and_then(|(_, ids)| ids.get(usize::from(closed)))
                .filter(|&&id| id != u16::MAX);
            if let Some(&id) = known {
                return Some(id);
            }
        }
        self.fill_scratch(plan)?;
        let id = self.intern(plan)?;
        if plain {
            let at = match self
                .plain
                .iter()
                .position(|(delta, _)| *delta == plan.delta)
            {
                Some(at) => at,
                None => {
                    self.plain.push((plan.delta, [u16::MAX; 128]));
                    self.plain.len() - 1
                }
            };
            if let Some(slot) = self
                .plain
                .get_mut(at)
                .and_then(|(_, ids)| ids.get_mut(usize::from(closed)))
            {
                *slot = id;
            }
        }
        Some(id)
    }

    /// The windows of day `day` (day `d` of its week).
    fn windows(&self, day: u32, d: usize) -> &'a [Window] {
        let holidays = &self.exceptions.holidays;
        if holidays
            .get(self.next_holiday..)
            .is_some_and(|h| h.iter().take(7).any(|&x| x == day))
        {
            return &[];
        }
        let special = self.exceptions.special.get(self.next_special..);
        if let Some(&(_, _, hours)) =
            special.and_then(|s| s.iter().take(8).find(|s| s.0 <= day && day <= s.1))
        {
            let weekday = self
                .weekdays
                .get(d)
                .expect("invariant: a week has seven days");
            return hours.windows(*weekday);
        }
        self.weekly
            .get(d)
            .expect("invariant: a week has seven days")
    }

    /// The joined intervals of the week `plan` into `scratch`.
    fn fill_scratch(&mut self, plan: &WeekPlan) -> Option<()> {
        let tz = self.coverage.time_zone();
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        // Each day's first instant and offset; on a day whose offset changes, each window edge
        // goes through the wall-clock rule, on the others it is the day's midnight plus the
        // wall time (never before the day's first instant, which may follow a skipped hour).
        let (mut day_start, mut offset) = (plan.start, plan.offset);
        for d in 0..plan.days as usize {
            let day = plan.day0 + d as u32;
            let local = plan.local + d as i64 * DAY;
            let (next_start, next_offset) = if !plan.shifts {
                (day_start + DAY, offset)
            } else if d + 1 == plan.days as usize {
                (plan.start + plan.len, plan.next_offset)
            } else {
                let guess = local + DAY - offset;
                if offset_nanos(tz, guess)? == offset {
                    (guess, offset)
                } else {
                    let date = self.first.checked_add_days(Days::new(u64::from(day) + 1))?;
                    let start = wall_to_nanos(tz, date, 0)?;
                    (start, offset_nanos(tz, start)?)
                }
            };
            let date = if next_offset == offset {
                None
            } else {
                Some(self.first.checked_add_days(Days::new(u64::from(day)))?)
            };
            for window in self.windows(day, d) {
                let (open, close) = (window.open_nanos(), window.close_nanos());
                let (open, close) = match date {
                    Some(date) => (
                        wall_to_nanos(tz, date, open)?,
                        wall_to_nanos(tz, date, close)?,
                    ),
                    None => (
                        (local - offset + open as i64).max(day_start),
                        (local - offset + close as i64).max(day_start),
                    ),
                };
                let (open, close) = (open - plan.start, (close - plan.start).min(plan.len));
                if open >= close {
                    continue; // wholly inside a skipped hour
                }
                match scratch.last_mut() {
                    Some(last) if last.end >= open => last.end = last.end.max(close),
                    _ => scratch.push(Interval {
                        start: open,
                        end: close,
                        before: 0,
                    }),
                }
            }
            (day_start, offset) = (next_start, next_offset);
        }
        let mut before = 0;
        for iv in &mut scratch {
            iv.before = before;
            before += iv.end - iv.start;
        }
        self.scratch = scratch;
        Some(())
    }

    /// The id of the pattern of `plan` with the intervals in `scratch`, stored if new.
    fn intern(&mut self, plan: &WeekPlan) -> Option<u16> {
        let hash = hash_week(plan.delta, plan.len, &self.scratch);
        if let Some(&id) = self.by_hash.get(&hash) {
            let same = self.patterns.get(usize::from(id)).is_some_and(|p| {
                (p.delta, p.len) == (plan.delta, plan.len)
                    && self
                        .intervals
                        .get(p.first as usize..(p.first + p.count) as usize)
                        == Some(&self.scratch[..])
            });
            if same {
                return Some(id);
            }
        }
        let id = u16::try_from(self.patterns.len()).ok()?;
        let ivs = &self.scratch;
        let total = ivs.last().map_or(0, Interval::after);
        let first_where = |f: &dyn Fn(&Interval) -> bool| {
            u8::try_from(ivs.partition_point(|iv| !f(iv)))
                .expect("invariant: a week has at most 7 * MAX_WINDOWS_PER_DAY intervals")
        };
        let service_shift = (0u8..63).find(|&s| total >> s < 16).unwrap_or(63);
        let by_day = std::array::from_fn(|d| first_where(&|iv| iv.end > d as i64 * DAY));
        let by_service =
            std::array::from_fn(|j| first_where(&|iv| iv.after() >= (j as i64) << service_shift));
        self.patterns.push(Pattern {
            delta: plan.delta,
            len: plan.len,
            first: u32::try_from(self.intervals.len()).ok()?,
            count: u32::try_from(ivs.len()).ok()?,
            total,
            by_day,
            by_service,
            service_shift,
        });
        self.intervals.extend_from_slice(&self.scratch);
        self.by_hash.entry(hash).or_insert(id);
        Some(id)
    }
}

/// The hasher of keys that are hashes already ([`hash_week`]).
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A fast hash of a week's shape (FxHash's mixing step): patterns are compared in full on a
/// hit, so a collision only costs a duplicate pattern.
fn hash_week(delta: i64, len: i64, intervals: &[Interval]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mix = |h: u64, x: i64| (h.rotate_left(5) ^ x as u64).wrapping_mul(K);
    intervals.iter().fold(mix(mix(0, delta), len), |h, iv| {
        mix(mix(h, iv.start), iv.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::coverage::Schedule;

    /// The open intervals of `coverage` over `first..=last`, joined, the plain way: day by day.
    fn day_by_day(coverage: &Coverage, first: NaiveDate, last: NaiveDate) -> Vec<(i64, i64)> {
        let tz = coverage.time_zone();
        let mut out: Vec<(i64, i64)> = Vec::new();
        for date in first.iter_days().take_while(|d| *d <= last) {
            for w in coverage.day_plan(date).unwrap().windows() {
                let a = wall_to_nanos(tz, date, w.open_nanos()).unwrap();
                let b = wall_to_nanos(tz, date, w.close_nanos()).unwrap();
                if a >= b {
                    continue;
                }
                match out.last_mut() {
                    Some(last) if last.1 >= a => last.1 = last.1.max(b),
                    _ => out.push((a, b)),
                }
            }
        }
        out
    }

    fn coverages() -> Vec<Coverage> {
        let s = |text: &str| text.parse::<Schedule>().unwrap();
        vec![
            Coverage::standard(),
            Coverage::always(),
            Coverage::new(s("mon-fri 00:00-06:00 22:00-24:00"), Calendar::madrid()),
            Coverage::ignoring_holidays(s("mon-fri 02:00-03:00 03:00-04:30; sat-sun 00:00-24:00"))
                .with_time_zone(chrono_tz::America::Havana),
            Coverage::ignoring_holidays(s("sun 01:30-02:30"))
                .with_time_zone(chrono_tz::America::New_York),
        ]
    }

    #[test]
    fn the_weeks_answer_as_the_day_by_day_intervals() {
        let first = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(); // not whole weeks
        for coverage in coverages() {
            let index = Index::build(&coverage, first, last).unwrap();
            let want = day_by_day(&coverage, first, last);
            let got: Vec<_> = index
                .open_intervals(index.range_start, index.range_end)
                .collect();
            assert_eq!(got, want, "{coverage:?}");
            let mut before = 0;
            let mut probes = 0;
            for (k, &(a, b)) in want.iter().enumerate() {
                assert_eq!(index.service_before(a), before);
                assert!(index.is_open(a) && !index.is_open(b) || b == index.range_end);
                assert_eq!(index.next_open((a - 1).max(index.range_start)), Some(a));
                assert_eq!(index.next_close(a), (b < index.range_end).then_some(b));
                assert_eq!(index.service_before((a + b) / 2), before + (b - a) / 2);
                assert_eq!(index.reach_forward(before + (b - a)), Some(b));
                assert_eq!(index.reach_backward(before), Some(a));
                before += b - a;
                if let Some(&(next, _)) = want.get(k + 1) {
                    assert_eq!(index.next_open(b), Some(next));
                    assert_eq!(index.service_before(next - 1), before);
                }
                probes += 1;
            }
            assert_eq!(index.total(), before);
            assert!(probes > 0);
            let (a, b) = (want[want.len() / 3].0 + 17, want[want.len() / 2].1 - 5);
            let some: Vec<_> = index.open_intervals(a, b).collect();
            let inside: Vec<_> = want
                .iter()
                .filter(|iv| iv.1 > a && iv.0 < b)
                .map(|iv| (iv.0.max(a), iv.1.min(b)))
                .collect();
            assert_eq!(some, inside);
        }
    }

    #[test]
    fn identical_weeks_are_stored_once() {
        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        let index = Index::build(&Coverage::standard(), first, last).unwrap();
        assert_eq!(index.weeks.len(), 5_270);
        assert!(
            index.patterns.len() < 200,
            "{} patterns",
            index.patterns.len()
        );
        assert!(
            index.heap_bytes() < 128 * 1024,
            "{} bytes",
            index.heap_bytes()
        );
        let always = Index::build(&Coverage::always(), first, last).unwrap();
        assert!(
            always.patterns.len() <= 8,
            "{} patterns",
            always.patterns.len()
        );
    }
}
#[cfg(test)]
mod timing {
    //! CPU cost of building, for `perf stat -e task-clock` on a busy machine (ignored).
    use super::*;

    fn range() -> (NaiveDate, NaiveDate) {
        (
            NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2100, 12, 31).unwrap(),
        )
    }

    #[test]
    #[ignore]
    fn timing_build_standard_1000() {
        let (first, last) = range();
        let c = Coverage::standard();
        for _ in 0..1000 {
            std::hint::black_box(Index::build(&c, first, last));
        }
    }

    #[test]
    #[ignore]
    fn timing_offsets_1000() {
        let (first, _) = range();
        let tz = chrono_tz::Europe::Madrid;
        for _ in 0..1000 {
            let start = wall_to_nanos(tz, first, 0).unwrap();
            let s: i64 = (0..5270)
                .map(|k| offset_nanos(tz, start + k * WEEK).unwrap())
                .sum();
            std::hint::black_box(s);
        }
    }
}
