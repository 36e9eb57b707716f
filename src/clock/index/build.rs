//! Building the index: the days that differ from the weekly schedule, each week's intervals
//! over its zone's weeks, and interning of the weeks' patterns.

use super::{Index, Interval, Pattern, Starts, DAY, WEEK};
use crate::clock::dst::{wall_to_nanos, DayEdges, ZoneWeeks};
use crate::clock::fx::Fx;
use crate::coverage::{Coverage, Schedule, Window};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

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
    /// When the offset changes inside the week, or its first midnight was skipped: the first
    /// instant and offset of each day (see [`ZoneWeeks::shifted`]).
    edges: Option<DayEdges>,
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
    patterns: PatternStore,
    /// Patterns of whole weeks without special hours or offset change, by offset (`delta`,
    /// a few) and by which days are holidays (a bit a day: 128 slots, `u16::MAX` when none).
    plain: Vec<(i64, [u16; 128])>,
    scratch: Vec<Interval>,
}

impl Index {
    /// The index of `coverage` over the local days `first..=last`. `None` when an offset change
    /// of the time zone cannot be resolved, or a date cannot be represented.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn build(coverage: &Coverage, first: NaiveDate, last: NaiveDate) -> Option<Index> {
        let zone = ZoneWeeks::new(coverage.time_zone(), first, last)?;
        Index::build_in(coverage, &zone)
    }

    /// The index of `coverage` over the weeks of `zone` (which must be of the coverage's time
    /// zone). `None` when an offset change of the time zone cannot be resolved, or a date
    /// cannot be represented.
    pub(crate) fn build_in(coverage: &Coverage, zone: &ZoneWeeks) -> Option<Index> {
        if zone.tz != coverage.time_zone() {
            return None;
        }
        let (first, day_count, nominal) = (zone.first, zone.days, zone.nominal);
        let last = first.checked_add_days(Days::new(u64::from(day_count) - 1))?;
        let week_count = zone.weeks();
        let starts = Starts::from(Arc::clone(&zone.starts));
        let (&range_start, &range_end) = (starts.first()?, starts.last()?);
        let mut builder = Builder::new(coverage, first, last)?;
        let mut weeks = Vec::with_capacity(week_count);
        let mut shifted = zone.shifted.iter().peekable();
        // The pattern of the last quiet week (whole, no offset change, no holiday, no special
        // hours) and its offset: most weeks are quiet, and take it without being looked at.
        let mut quiet: Option<(i64, u16)> = None;
        for (k, edges) in starts.windows(2).enumerate() {
            let &[start, next] = edges else {
                return None;
            };
            let day0 = u32::try_from(7 * k).ok()?;
            let local = nominal + k as i64 * WEEK;
            let edges = shifted
                .next_if(|week| week.week == k)
                .map(|week| week.edges(local));
            let whole = edges.is_none() && day0 + 7 <= day_count;
            let offset = match edges {
                Some([(_, offset), ..]) => offset,
                None => zone.offset(k)?,
            };
            if let Some((delta, id)) = quiet {
                if whole && delta == start - local && builder.quiet(day0 + 7) {
                    weeks.push(id);
                    continue;
                }
            }
            let plan = WeekPlan {
                day0,
                days: (day_count - day0).min(7),
                local,
                start,
                offset,
                delta: start - local,
                len: next - start,
                edges,
            };
            // `week` moved the cursors to the week: a quiet week is one with nothing before
            // its end; after it, they move past it, for the next week's check.
            let id = builder.week(&plan)?;
            if whole && builder.quiet(day0 + 7) {
                quiet = Some((plan.delta, id));
            }
            builder.skip_before(day0 + plan.days);
            weeks.push(id);
        }
        let PatternStore {
            patterns,
            intervals,
            ..
        } = builder.patterns;
        Index::assemble((range_start, range_end), starts, weeks, patterns, intervals)
    }

    /// The index of the weeks starting at `starts` (one entry more: the end of the last week),
    /// week `k` of pattern `weeks[k]`, answering for the instants of `range` (inside the weeks).
    /// `None` when a week's pattern is not in `patterns`.
    pub(super) fn assemble(
        range: (i64, i64),
        starts: Starts,
        weeks: Vec<u16>,
        mut patterns: Vec<Pattern>,
        mut intervals: Vec<Interval>,
    ) -> Option<Index> {
        let mut befores = Vec::with_capacity(weeks.len() + 1);
        let mut before = 0i64;
        for &id in &weeks {
            befores.push(before);
            before += patterns.get(usize::from(id))?.total;
        }
        befores.push(before);
        let (service_shift, service_buckets) = service_buckets(&befores);
        patterns.shrink_to_fit();
        intervals.shrink_to_fit();
        Some(Index {
            range_start: range.0,
            range_end: range.1,
            origin: *starts.first()?,
            starts,
            befores,
            weeks,
            patterns,
            intervals,
            service_shift,
            service_buckets,
        })
    }
}

/// The patterns of an index being made and their intervals, each distinct shape (a week's
/// length and intervals) stored once: what building and folding an index both intern into.
#[derive(Default)]
pub(super) struct PatternStore {
    pub(super) patterns: Vec<Pattern>,
    pub(super) intervals: Vec<Interval>,
    /// Pattern ids by the hash of their shape ([`hash_week`]).
    by_hash: HashMap<u64, u16, BuildHasherDefault<Fx>>,
}

impl PatternStore {
    /// The id of the pattern of a week lasting `len` with the intervals `ivs` (joined, with
    /// the service before each), stored if new. `None` when the ids are used up.
    pub(super) fn intern(&mut self, len: i64, ivs: &[Interval]) -> Option<u16> {
        let hash = hash_week(len, ivs);
        if let Some(&id) = self.by_hash.get(&hash) {
            let same = self.patterns.get(usize::from(id)).is_some_and(|p| {
                p.len == len
                    && self
                        .intervals
                        .get(p.first as usize..(p.first + p.count) as usize)
                        == Some(ivs)
            });
            if same {
                return Some(id);
            }
        }
        let id = u16::try_from(self.patterns.len()).ok()?;
        let pattern = Pattern::new(len, self.intervals.len(), ivs)?;
        self.patterns.push(pattern);
        self.intervals.extend_from_slice(ivs);
        self.by_hash.entry(hash).or_insert(id);
        Some(id)
    }
}

impl Pattern {
    /// The pattern of a week lasting `len`, whose intervals `ivs` (joined, with the service
    /// before each) are stored from `first`. `None` when a count does not fit.
    fn new(len: i64, first: usize, ivs: &[Interval]) -> Option<Pattern> {
        let total = ivs.last().map_or(0, Interval::after);
        let first_where = |f: &dyn Fn(&Interval) -> bool| {
            u8::try_from(ivs.partition_point(|iv| !f(iv)))
                .expect("invariant: a week has at most 7 * MAX_WINDOWS_PER_DAY (built) or MAX_STRETCHES_PER_WEEK (folded) intervals")
        };
        let service_shift = (0u8..63).find(|&s| total >> s < 16).unwrap_or(63);
        let by_day = std::array::from_fn(|d| first_where(&|iv| iv.end > d as i64 * DAY));
        let by_service =
            std::array::from_fn(|j| first_where(&|iv| iv.after() >= (j as i64) << service_shift));
        Some(Pattern {
            len,
            first: u32::try_from(first).ok()?,
            count: u32::try_from(ivs.len()).ok()?,
            total,
            by_day,
            by_service,
            service_shift,
        })
    }
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
            patterns: PatternStore::default(),
            plain: Vec::new(),
            scratch: Vec::new(),
        })
    }

    /// The pattern id of the week `plan`, interned.
    fn week(&mut self, plan: &WeekPlan) -> Option<u16> {
        let end = plan.day0 + plan.days;
        self.skip_before(plan.day0);
        let holidays = &self.exceptions.holidays;
        let special = &self.exceptions.special;
        let special_days = special.get(self.next_special).is_some_and(|s| s.0 < end);
        // A whole week without special hours or offset change is known by its holidays: the
        // bit `d` of `closed` is set when day `d` is one.
        let closed = holidays
            .get(self.next_holiday..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&d| d < end)
            .fold(0u8, |mask, &d| mask | 1 << (d - plan.day0));
        let whole_week = !special_days && plan.edges.is_none() && plan.days == 7;
        if whole_week {
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
        if whole_week {
            let at = self
                .plain
                .iter()
                .position(|(delta, _)| *delta == plan.delta)
                .unwrap_or_else(|| {
                    self.plain.push((plan.delta, [u16::MAX; 128]));
                    self.plain.len() - 1
                });
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

    /// Moves the cursors into the exceptions past those wholly before day `day`.
    fn skip_before(&mut self, day: u32) {
        let holidays = &self.exceptions.holidays;
        while holidays.get(self.next_holiday).is_some_and(|&d| d < day) {
            self.next_holiday += 1;
        }
        let special = &self.exceptions.special;
        while special.get(self.next_special).is_some_and(|s| s.1 < day) {
            self.next_special += 1;
        }
    }

    /// Whether no holiday and no special hours come before day `end` (from the cursors on,
    /// so for the days after those already built).
    fn quiet(&self, end: u32) -> bool {
        let holiday = self.exceptions.holidays.get(self.next_holiday);
        let special = self.exceptions.special.get(self.next_special);
        holiday.is_none_or(|&d| d >= end) && special.is_none_or(|s| s.0 >= end)
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
        // Each day's first instant and offset (the zone's, on a week whose offset changes);
        // on a day whose offset changes, each window edge goes through the wall-clock rule, on
        // the others it is the day's midnight plus the wall time (never before the day's first
        // instant, which may follow a skipped hour).
        let (mut day_start, mut offset) = (plan.start, plan.offset);
        for d in 0..plan.days as usize {
            let day = plan.day0 + d as u32;
            let local = plan.local + d as i64 * DAY;
            let (next_start, next_offset) = match plan.edges {
                Some(edges) => *edges.get(d + 1)?,
                None => (day_start + DAY, offset),
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
                Interval::join(&mut scratch, open, close);
            }
            (day_start, offset) = (next_start, next_offset);
        }
        Interval::count_before(&mut scratch);
        self.scratch = scratch;
        Some(())
    }

    /// The id of the pattern of `plan` with the intervals in `scratch`, stored if new.
    fn intern(&mut self, plan: &WeekPlan) -> Option<u16> {
        self.patterns.intern(plan.len, &self.scratch)
    }
}

/// A fast hash of a week's shape: patterns are compared in full on a hit, so a collision only
/// costs a duplicate pattern.
fn hash_week(len: i64, intervals: &[Interval]) -> u64 {
    let mut hasher = Fx::default();
    hasher.write_i64(len);
    for iv in intervals {
        hasher.write_i64(iv.start);
        hasher.write_i64(iv.end);
    }
    hasher.finish()
}
