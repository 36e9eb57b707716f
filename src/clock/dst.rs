//! The one rule that turns a wall-clock window edge into an instant, DST days included, and
//! the weeks of a time zone that every index in that zone shares.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;
use std::sync::Arc;

/// One local day, in nanoseconds of wall time.
const DAY: i64 = crate::coverage::DAY_NANOS as i64;
/// Seven local days, in nanoseconds of wall time.
const WEEK: i64 = 7 * DAY;
/// Nanoseconds in a second, as the offsets of [`ShiftedWeek`] count.
const SECOND: i64 = crate::iso::NANOS_PER_SECOND as i64;

/// The weeks of the local days `first..=last` in one time zone: the first instant of each week
/// (weeks start on `first`'s weekday), and the first instant and offset of each day of the few
/// weeks whose offset changes. They depend on the zone alone, not on any coverage: the clocks of
/// one zone share them (see `zones.rs`), and an index keeps the starts. Computing them is one
/// offset look-up a week, most of the cost of building an office-hours index.
#[derive(Debug)]
pub(crate) struct ZoneWeeks {
    pub(crate) tz: Tz,
    pub(crate) first: NaiveDate,
    /// Local days in the range.
    pub(crate) days: u32,
    /// `first`'s midnight read as UTC.
    pub(crate) nominal: i64,
    /// `starts[k]`: the first instant of week `k`; the last entry is the end of the range.
    pub(crate) starts: Arc<[i64]>,
    /// The weeks whose offset changes, or whose first midnight was skipped, ascending. Every
    /// other week keeps one offset throughout (see [`ZoneWeeks::offset`]).
    pub(crate) shifted: Box<[ShiftedWeek]>,
}

/// `(first instant, offset then)` of each day of a week, then of the next week's first day
/// (entries past a shorter last week unused).
pub(crate) type DayEdges = [(i64, i64); 8];

/// A week whose offset changes, or whose first midnight was skipped, in half the bytes of its
/// [`DayEdges`]: for each day, then the next week's first day, its midnight read as UTC less
/// its first instant, and the offset then, in seconds (an offset change of the IANA database
/// falls on a whole second).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShiftedWeek {
    /// The week's number.
    pub(crate) week: usize,
    days: [(i32, i32); 8],
}

impl ShiftedWeek {
    /// Week `week`, whose first midnight read as UTC is `local`, with the edges `edges`.
    fn new(week: usize, local: i64, edges: &DayEdges) -> ShiftedWeek {
        // `chrono-tz` counts its transitions and offsets in whole seconds, and an offset is
        // under a day: a day's first instant is a midnight or a transition, so both fit.
        let seconds = |nanos: i64| {
            debug_assert_eq!(nanos % SECOND, 0, "a whole second");
            i32::try_from(nanos / SECOND).expect("invariant: an offset is under a day")
        };
        let mut days = [(0, 0); 8];
        for (d, (day, &(start, offset))) in days.iter_mut().zip(edges).enumerate() {
            *day = (seconds(local + d as i64 * DAY - start), seconds(offset));
        }
        ShiftedWeek { week, days }
    }

    /// The week's edges, its first midnight read as UTC being `local`.
    pub(crate) fn edges(&self, local: i64) -> DayEdges {
        let mut edges = [(0, 0); 8];
        for (d, (edge, &(reading, offset))) in edges.iter_mut().zip(&self.days).enumerate() {
            let midnight = local + d as i64 * DAY;
            *edge = (
                midnight - i64::from(reading) * SECOND,
                i64::from(offset) * SECOND,
            );
        }
        edges
    }
}

impl ZoneWeeks {
    /// The weeks of `first..=last` in `tz`. `None` when an offset change of the zone cannot be
    /// resolved, or a date cannot be represented.
    pub(crate) fn new(tz: Tz, first: NaiveDate, last: NaiveDate) -> Option<ZoneWeeks> {
        let days = u32::try_from((last - first).num_days() + 1).ok()?;
        let week_count = days.div_ceil(7) as usize;
        let nominal = first
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp_nanos_opt()?;
        let range_start = wall_to_nanos(tz, first, 0)?;
        let range_end = wall_to_nanos(tz, last, crate::coverage::DAY_NANOS)?;
        let mut starts = Vec::with_capacity(week_count + 1);
        let mut offsets = Vec::with_capacity(week_count + 1);
        let (mut start, mut offset) = (range_start, offset_nanos(tz, range_start)?);
        starts.push(start);
        offsets.push(offset);
        // Given the offset of the week before: one offset look-up a week, and the wall-clock
        // rule only when it changed. The week's first date is stepped by seven days (cheaper
        // than converting each guess from nanoseconds to a date, a fifth of a build).
        let mut date = first;
        for k in 1..week_count {
            date = date.checked_add_days(Days::new(7))?;
            (start, offset) = day_start(tz, date, nominal + k as i64 * WEEK, offset)?;
            starts.push(start);
            offsets.push(offset);
        }
        starts.push(range_end);
        offsets.push(offset_nanos(tz, range_end)?);
        let mut shifted = Vec::new();
        for (k, (edges, offsets)) in starts.windows(2).zip(offsets.windows(2)).enumerate() {
            let (&[start, next], &[offset, next_offset]) = (edges, offsets) else {
                return None;
            };
            let local = nominal + k as i64 * WEEK;
            if offset != next_offset || start != local - offset {
                let first_day = u32::try_from(7 * k).ok()?;
                let length = (days - first_day).min(7);
                let day_edges = ZoneWeeks::day_edges(
                    tz,
                    first,
                    first_day,
                    length,
                    local,
                    (start, offset),
                    (next, next_offset),
                )?;
                shifted.push(ShiftedWeek::new(k, local, &day_edges));
            }
        }
        Some(ZoneWeeks {
            tz,
            first,
            days,
            nominal,
            starts: starts.into(),
            shifted: shifted.into(),
        })
    }

    /// The first instant and offset of each of the `week_days` days of the week starting on
    /// day `day0` (its first midnight `local` read as UTC), starting at `start` and followed
    /// by a week starting at `next`: the offset looked up each day, and the wall-clock rule
    /// applied when it changed.
    fn day_edges(
        tz: Tz,
        first: NaiveDate,
        day0: u32,
        week_days: u32,
        local: i64,
        start: (i64, i64),
        next: (i64, i64),
    ) -> Option<DayEdges> {
        let mut edges = [next; 8];
        let mut edge = start;
        let mut date = first.checked_add_days(Days::new(u64::from(day0)))?;
        for (d, slot) in edges.iter_mut().enumerate().take(week_days as usize) {
            *slot = edge;
            let offset = edge.1;
            if d + 1 == week_days as usize {
                break;
            }
            date = date.succ_opt()?;
            edge = day_start(tz, date, local + (d as i64 + 1) * DAY, offset)?;
        }
        if let Some(slot) = edges.get_mut(week_days as usize) {
            *slot = next;
        }
        Some(edges)
    }

    /// The number of weeks (the last may be shorter).
    pub(crate) fn weeks(&self) -> usize {
        self.starts.len() - 1
    }

    /// The offset of week `k` (`k < weeks`) throughout, for a week not in `shifted`: its first
    /// midnight read as UTC less its first instant.
    pub(crate) fn offset(&self, k: usize) -> Option<i64> {
        Some(self.nominal + k as i64 * WEEK - self.starts.get(k)?)
    }

    /// Heap bytes held (the starts counted once, whoever shares them).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.starts.len() * size_of::<i64>() + self.shifted.len() * size_of::<ShiftedWeek>()
    }
}

/// The UTC offset of `tz` at the instant `utc_nanos` (nanoseconds since the epoch), in
/// nanoseconds (east of UTC positive). `None` only for an instant chrono cannot represent.
pub(crate) fn offset_nanos(tz: Tz, utc_nanos: i64) -> Option<i64> {
    offset_at(tz, &DateTime::from_timestamp_nanos(utc_nanos).naive_utc())
}

/// The first instant of `date` in `tz` and the offset then, given the offset `offset` of the
/// day or week before and `date`'s midnight read as UTC, `local`: midnight at that offset when
/// it still holds (one look-up), else the wall-clock rule.
fn day_start(tz: Tz, date: NaiveDate, local: i64, offset: i64) -> Option<(i64, i64)> {
    if offset_at(tz, &midnight_in_utc(date, offset)?)? == offset {
        return Some((local - offset, offset));
    }
    let start = wall_to_nanos(tz, date, 0)?;
    Some((start, offset_nanos(tz, start)?))
}

/// The UTC date and time of midnight on `date` at a UTC offset of `offset` nanoseconds (whole
/// seconds, under a day either way), without converting through a count of days.
fn midnight_in_utc(date: NaiveDate, offset: i64) -> Option<NaiveDateTime> {
    const DAY_SECONDS: i64 = 86_400;
    let seconds = offset / i64::from(crate::iso::NANOS_PER_SECOND);
    let (day, second) = if seconds > 0 {
        (date.pred_opt()?, DAY_SECONDS - seconds)
    } else {
        (date, -seconds)
    };
    let time = NaiveTime::from_num_seconds_from_midnight_opt(u32::try_from(second).ok()?, 0)?;
    Some(day.and_time(time))
}

/// The UTC offset of `tz` at the UTC date and time `utc`, in nanoseconds.
fn offset_at(tz: Tz, utc: &NaiveDateTime) -> Option<i64> {
    let seconds = tz.offset_from_utc_datetime(utc).fix().local_minus_utc();
    i64::from(seconds).checked_mul(i64::from(crate::iso::NANOS_PER_SECOND))
}

/// The instant of the wall time `nanos` after midnight on `date` in `tz`, as nanoseconds since
/// the Unix epoch. `nanos` may be a whole day (24:00), which is the next day's midnight.
///
/// **The rule**: a wall-clock edge is *the earliest instant at which the local clock reads that
/// wall time or later*. So:
///
/// - a wall time that exists once is that instant;
/// - a wall time that exists twice (the repeated hour when clocks go back) is its first
///   occurrence: in Madrid on 26 October 2025, 02:30 is 00:30 UTC, not 01:30 UTC;
/// - a wall time that does not exist (the skipped hour when clocks go forward) is the instant
///   the clock jumps, when it reads the first wall time after the gap: in Madrid on
///   30 March 2025, 02:30 is 01:00 UTC (03:00 CEST).
///
/// The rule is monotone (a later wall time never gives an earlier instant), so a window never
/// inverts; a window lying wholly inside a skipped hour becomes empty.
///
/// Returns `None` only for a date that chrono cannot represent.
pub(crate) fn wall_to_nanos(tz: Tz, date: NaiveDate, nanos: u64) -> Option<i64> {
    let local = date
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(TimeDelta::nanoseconds(i64::try_from(nanos).ok()?))?;
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(instant) => instant.timestamp_nanos_opt(),
        chrono::LocalResult::Ambiguous(a, b) => a.min(b).timestamp_nanos_opt(),
        chrono::LocalResult::None => jump_over(tz, local),
    }
}

/// The earliest instant whose local reading is `local` or later, for a `local` inside a gap:
/// a binary search for the transition over the 72 hours around it (a zone changes offset at most
/// once in such a span).
fn jump_over(tz: Tz, local: NaiveDateTime) -> Option<i64> {
    let reads_at_least = |utc_nanos: i64| {
        let instant = DateTime::from_timestamp_nanos(utc_nanos);
        let offset = tz.offset_from_utc_datetime(&instant.naive_utc()).fix();
        instant.naive_utc() + offset >= local
    };
    let guess = local.and_utc().timestamp_nanos_opt()?;
    let span = 36 * 3_600 * i64::from(crate::iso::NANOS_PER_SECOND);
    let (mut lo, mut hi) = (guess.checked_sub(span)?, guess.checked_add(span)?);
    if reads_at_least(lo) || !reads_at_least(hi) {
        return None;
    }
    // Invariant: reads_at_least(lo) is false, reads_at_least(hi) is true.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reads_at_least(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use chrono_tz::Europe::Madrid;

    fn utc(s: &str) -> i64 {
        s.parse::<DateTime<Utc>>()
            .ok()
            .and_then(|t| t.timestamp_nanos_opt())
            .unwrap_or(i64::MIN)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    const H: u64 = 3_600_000_000_000;

    #[test]
    fn spring_forward_2025_skipped_wall_time_is_the_jump_instant() {
        let at = wall_to_nanos(Madrid, d(2025, 3, 30), 2 * H + H / 2);
        assert_eq!(at, Some(utc("2025-03-30T01:00:00Z")));
        let two = wall_to_nanos(Madrid, d(2025, 3, 30), 2 * H);
        assert_eq!(two, Some(utc("2025-03-30T01:00:00Z")));
        let three = wall_to_nanos(Madrid, d(2025, 3, 30), 3 * H);
        assert_eq!(three, Some(utc("2025-03-30T01:00:00Z")));
    }

    #[test]
    fn fall_back_2025_repeated_wall_time_is_its_first_occurrence() {
        let at = wall_to_nanos(Madrid, d(2025, 10, 26), 2 * H + H / 2);
        assert_eq!(at, Some(utc("2025-10-26T00:30:00Z")));
        let three = wall_to_nanos(Madrid, d(2025, 10, 26), 3 * H);
        assert_eq!(three, Some(utc("2025-10-26T02:00:00Z")));
    }

    /// Every day's first instant and offset, from the weeks (a week's one offset, or its days'
    /// edges), are those of the wall-clock rule and of the zone, in zones whose changes fall at
    /// midnight (Havana, Santiago, Gaza), on half hours (Lord Howe), a few weeks apart
    /// (Casablanca's Ramadan), across a skipped day (Apia, 30 December 2011) or by two hours
    /// (Troll).
    #[test]
    fn every_day_of_the_weeks_starts_as_the_zone_says() {
        use chrono_tz::{Africa, America, Antarctica, Asia, Australia, Pacific};
        let (first, last) = (d(2000, 1, 1), d(2040, 12, 31));
        for tz in [
            Madrid,
            America::Havana,
            America::Santiago,
            Asia::Gaza,
            Australia::Lord_Howe,
            Africa::Casablanca,
            Pacific::Apia,
            Antarctica::Troll,
        ] {
            let weeks = ZoneWeeks::new(tz, first, last).unwrap();
            let mut shifted = weeks.shifted.iter().peekable();
            for k in 0..weeks.weeks() {
                let local = weeks.nominal + k as i64 * WEEK;
                let edges = shifted.next_if(|w| w.week == k).map(|w| w.edges(local));
                let days = (weeks.days - 7 * k as u32).min(7);
                if let Some(edges) = edges {
                    let next = weeks.starts[k + 1];
                    let expected = (next, offset_nanos(tz, next).unwrap());
                    assert_eq!(edges[days as usize], expected, "{tz}, after week {k}");
                }
                for d in 0..days {
                    let date = first + Days::new(u64::from(7 * k as u32 + d));
                    let (start, offset) = if let Some(edges) = edges {
                        edges[d as usize]
                    } else {
                        let offset = weeks.offset(k).unwrap();
                        (local + i64::from(d) * DAY - offset, offset)
                    };
                    let expected = wall_to_nanos(tz, date, 0).unwrap();
                    assert_eq!(start, expected, "{tz} {date}");
                    assert_eq!(offset, offset_nanos(tz, expected).unwrap(), "{tz} {date}");
                }
            }
            assert!(shifted.next().is_none());
        }
    }

    #[test]
    fn end_of_day_is_next_midnight() {
        let end = wall_to_nanos(Madrid, d(2025, 10, 26), 24 * H);
        assert_eq!(end, Some(utc("2025-10-26T23:00:00Z")));
    }
}
