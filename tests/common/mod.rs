//! A brute-force reference for the service clock, written from DESIGN.md ("Time semantics") and
//! the documented edge rule only; it shares no code with `src/`.
//!
//! It is meant to be slow and obviously correct: it walks the local days one by one, maps every
//! window edge of every day to an instant with `chrono-tz`, and sums, searches or accumulates
//! over the resulting list of half-open intervals. Instants are nanoseconds since the Unix epoch
//! (`i64`), which covers the supported years 2000–2100 with room to spare.
//!
//! The edge rule (crate docs of `clock`): *a wall-clock edge is the earliest instant at which the
//! local clock reads that wall time or later*. So a wall time that happens once is that instant,
//! one that happens twice (the repeated hour in autumn) is the earlier one, and one that never
//! happens (the skipped hour in spring) is the instant of the jump, found here by scanning
//! second by second. `24:00` is the next day's `00:00` by the same rule.

#![allow(dead_code)] // each test file uses a part of the reference

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use std::collections::BTreeSet;

pub mod ticket;
pub mod versions;

/// Nanoseconds in one second.
pub const SECOND: i64 = 1_000_000_000;
/// Nanoseconds in one hour.
pub const HOUR: i64 = 3600 * SECOND;
/// Nanoseconds in a civil day of 24 hours (a wall-clock length, not a real-time one).
pub const DAY: i64 = 24 * HOUR;

/// First and last local dates of the supported range.
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date")
}
pub fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 12, 31).expect("valid date")
}

/// Windows per weekday, Monday first: half-open `(open, close)` in nanoseconds after local
/// midnight, `close` up to `DAY` (24:00).
pub type Week = [Vec<(i64, i64)>; 7];

/// A coverage as plain data: the reference's own description, not the crate's types.
#[derive(Debug, Clone)]
pub struct RefCoverage {
    /// The zone the windows are read in.
    pub tz: Tz,
    /// Per weekday, Monday first: half-open windows `(open, close)` in nanoseconds after local
    /// midnight, `close` up to `DAY` (24:00). Sorted, non-overlapping (they may touch).
    pub windows: Week,
    /// Holidays (whole local days closed); `None` when holidays are worked.
    pub holidays: Option<BTreeSet<NaiveDate>>,
    /// Special hours: on the dates `first..=last`, the week given replaces `windows` (a holiday
    /// still closes the day).
    pub special: Vec<(NaiveDate, NaiveDate, Week)>,
}

/// An instant as nanoseconds since the epoch.
pub fn nanos<Z: TimeZone>(t: &DateTime<Z>) -> i64 {
    t.timestamp_nanos_opt()
        .expect("instant within i64 nanoseconds")
}

/// The local wall clock at instant `t`.
pub fn local(tz: Tz, t: i64) -> NaiveDateTime {
    DateTime::from_timestamp_nanos(t)
        .with_timezone(&tz)
        .naive_local()
}

/// The local date at instant `t`.
pub fn local_date(tz: Tz, t: i64) -> NaiveDate {
    local(tz, t).date()
}

/// The UTC offset at instant `t`, in seconds.
pub fn offset_seconds(tz: Tz, t: i64) -> i32 {
    tz.offset_from_utc_datetime(&DateTime::from_timestamp_nanos(t).naive_utc())
        .fix()
        .local_minus_utc()
}

/// The instant of wall time `wall` (nanoseconds after midnight, up to `DAY`) on local `date`,
/// by the edge rule: the earliest instant at which the local clock reads that wall time or later.
pub fn wall_edge(tz: Tz, date: NaiveDate, wall: i64) -> i64 {
    assert!((0..=DAY).contains(&wall), "wall time {wall} out of a day");
    if wall == DAY {
        let next = date.checked_add_days(Days::new(1)).expect("next day");
        return wall_edge(tz, next, 0);
    }
    let naive = date.and_hms_opt(0, 0, 0).expect("midnight") + chrono::TimeDelta::nanoseconds(wall);
    let edge = match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => nanos(&t),
        LocalResult::Ambiguous(a, b) => nanos(&a).min(nanos(&b)),
        LocalResult::None => gap_edge(tz, naive),
    };
    // Self-check of the rule: the clock reads `naive` or later at the edge, and earlier than
    // `naive` one nanosecond before it.
    assert!(
        local(tz, edge) >= naive,
        "edge of {naive} in {tz} too early"
    );
    assert!(
        local(tz, edge - 1) < naive,
        "edge of {naive} in {tz} not the earliest"
    );
    edge
}

/// A wall time that the local clock skips: the instant of the jump, by scanning whole seconds
/// forward from three hours of wall time before it (offset changes of these zones happen on
/// whole seconds; `wall_edge` re-checks the nanosecond before).
fn gap_edge(tz: Tz, naive: NaiveDateTime) -> i64 {
    let before = naive - chrono::TimeDelta::hours(3);
    let start = match tz.from_local_datetime(&before) {
        LocalResult::Single(t) => nanos(&t),
        LocalResult::Ambiguous(a, b) => nanos(&a).min(nanos(&b)),
        LocalResult::None => panic!("two gaps within three hours in {tz} at {naive}"),
    };
    let mut t = start.div_euclid(SECOND) * SECOND;
    let mut steps = 0;
    while local(tz, t) < naive {
        t += SECOND;
        steps += 1;
        assert!(steps < 6 * 3600, "no jump found for {naive} in {tz}");
    }
    t
}

impl RefCoverage {
    /// The supported range: local midnight of 1 January 2000 to local midnight of 1 January 2101.
    pub fn range(&self) -> (i64, i64) {
        let start = wall_edge(self.tz, first_date(), 0);
        let end = wall_edge(self.tz, last_date(), DAY);
        (start, end)
    }

    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.as_ref().is_some_and(|h| h.contains(&date))
    }

    /// The open intervals of local `date` (none on a holiday or outside the supported dates),
    /// in order; a window whose edges land on the same instant (inside a skipped hour) is empty
    /// and left out.
    pub fn day_intervals(&self, date: NaiveDate) -> Vec<(i64, i64)> {
        if date < first_date() || date > last_date() || self.is_holiday(date) {
            return Vec::new();
        }
        let weekday = date.weekday().num_days_from_monday() as usize;
        let week = self
            .special
            .iter()
            .find(|(first, last, _)| *first <= date && date <= *last)
            .map_or(&self.windows, |(_, _, week)| week);
        week[weekday]
            .iter()
            .map(|&(open, close)| {
                (
                    wall_edge(self.tz, date, open),
                    wall_edge(self.tz, date, close),
                )
            })
            .filter(|(start, end)| start < end)
            .collect()
    }

    /// All open intervals of the local dates `first..=last`, in order.
    pub fn intervals(&self, first: NaiveDate, last: NaiveDate) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::new();
        let mut date = first;
        while date <= last {
            for iv in self.day_intervals(date) {
                if let Some(prev) = out.last() {
                    assert!(
                        prev.1 <= iv.0,
                        "reference intervals overlap: {prev:?} {iv:?}"
                    );
                }
                out.push(iv);
            }
            date = date.succ_opt().expect("next date");
        }
        out
    }

    /// The local dates around instants `a <= b`, one day of margin either side.
    fn dates_around(&self, a: i64, b: i64) -> (NaiveDate, NaiveDate) {
        let first = local_date(self.tz, a).pred_opt().expect("previous date");
        let last = local_date(self.tz, b).succ_opt().expect("next date");
        (first, last)
    }

    /// Service time inside `[from, to)`, signed (minus that of `[to, from)` when `to < from`).
    pub fn elapsed(&self, from: i64, to: i64) -> i64 {
        if to < from {
            return -self.elapsed(to, from);
        }
        let (first, last) = self.dates_around(from, to);
        self.intervals(first, last)
            .iter()
            .map(|&(s, e)| (e.min(to) - s.max(from)).max(0))
            .sum()
    }

    /// Whether `t` lies inside an open interval.
    pub fn is_open(&self, t: i64) -> bool {
        let (first, last) = self.dates_around(t, t);
        self.intervals(first, last)
            .iter()
            .any(|&(s, e)| s <= t && t < e)
    }

    /// Walks the intervals forward from the day before `t`'s local date, one day at a time, to
    /// the end of the supported dates.
    fn forward_from(&self, t: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let start = local_date(self.tz, t).pred_opt().expect("previous date");
        start
            .iter_days()
            .take_while(|d| *d <= last_date())
            .flat_map(move |d| self.day_intervals(d))
    }

    /// Walks the intervals backward from the day after `t`'s local date, one day at a time, to
    /// the start of the supported dates.
    fn backward_from(&self, t: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let start = local_date(self.tz, t).succ_opt().expect("next date");
        let mut date = Some(start);
        std::iter::from_fn(move || {
            let d = date?;
            if d < first_date() {
                return None;
            }
            date = d.pred_opt();
            let mut ivs = self.day_intervals(d);
            ivs.reverse();
            Some(ivs)
        })
        .flatten()
    }

    /// The earliest instant at or after `t` at which the coverage is open.
    pub fn next_open(&self, t: i64) -> Option<i64> {
        self.forward_from(t)
            .find(|&(_, e)| e > t)
            .map(|(s, _)| s.max(t))
    }

    /// The earliest instant at or after `t` at which the coverage is closed; touching intervals
    /// are one stretch; `None` when the stretch runs to the end of the supported range.
    pub fn next_close(&self, t: i64) -> Option<i64> {
        let (_, range_end) = self.range();
        let mut walk = self.forward_from(t).skip_while(|&(_, e)| e <= t);
        let mut end = match walk.next() {
            Some((s, e)) if s <= t => e,
            _ => return Some(t),
        };
        for (s, e) in walk {
            if s != end {
                break;
            }
            end = e;
        }
        (end < range_end).then_some(end)
    }

    /// The opening of the last open stretch with service before `t` (touching intervals are
    /// one stretch); `None` when there is no service before `t` in the supported range.
    pub fn last_opening_before(&self, t: i64) -> Option<i64> {
        let mut walk = self.backward_from(t).filter(|&(s, _)| s < t);
        let (mut start, _) = walk.next()?;
        for (s, e) in walk {
            if e != start {
                break;
            }
            start = s;
        }
        Some(start)
    }

    /// The first instant reached from `start` in the direction of `budget` at which `|budget|`
    /// of service time has been counted; `None` when the supported range runs out first.
    pub fn deadline(&self, start: i64, budget: i64) -> Option<i64> {
        if budget == 0 {
            return Some(start);
        }
        let mut remaining = budget.unsigned_abs() as i64;
        if budget > 0 {
            for (s, e) in self.forward_from(start).filter(|&(_, e)| e > start) {
                let from = s.max(start);
                if remaining <= e - from {
                    return Some(from + remaining);
                }
                remaining -= e - from;
            }
        } else {
            for (s, e) in self.backward_from(start).filter(|&(s, _)| s < start) {
                let to = e.min(start);
                if remaining <= to - s {
                    return Some(to - remaining);
                }
                remaining -= to - s;
            }
        }
        None
    }
}

/// The instants inside 2000–2100 at which `tz` changes its UTC offset, found by sampling every
/// six hours and bisecting to the second.
pub fn offset_changes(tz: Tz) -> Vec<i64> {
    let start = nanos(&chrono::Utc.with_ymd_and_hms(1999, 12, 30, 0, 0, 0).unwrap());
    let end = nanos(&chrono::Utc.with_ymd_and_hms(2101, 1, 2, 0, 0, 0).unwrap());
    let step = 6 * HOUR;
    let mut out = Vec::new();
    let mut t = start;
    while t < end {
        if offset_seconds(tz, t) != offset_seconds(tz, t + step) {
            // Invariant: offset at lo differs from offset at hi; lo, hi whole seconds.
            let (mut lo, mut hi) = (t, t + step);
            while hi - lo > SECOND {
                let mid = lo + (hi - lo) / SECOND / 2 * SECOND;
                if offset_seconds(tz, mid) == offset_seconds(tz, lo) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            out.push(hi);
        }
        t += step;
    }
    out
}
