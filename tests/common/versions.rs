//! A brute-force reference for clocks of policy versions (DESIGN.md, "Policy over time": the
//! coverage in force at each instant counts), sharing no code with `src/`.
//!
//! Each version is a [`RefCoverage`] in force from its start instant to the next version's. The
//! reference lists, day by day, every open interval of each version's coverage, keeps the part
//! inside the version's span, and then sums, scans or walks that one list, as the single-coverage
//! reference does. It answers only inside a window of instants `[lo, hi)` given when built, and
//! says `None` when an answer would need instants past it.

use super::{first_date, last_date, local_date, RefCoverage};

/// Versions `(from, coverage)`, their open intervals inside `[lo, hi)`, in order.
#[derive(Debug, Clone)]
pub struct RefHistory {
    /// The versions, each from its instant (the first from the start of its range).
    pub versions: Vec<(i64, RefCoverage)>,
    lo: i64,
    hi: i64,
    intervals: Vec<(i64, i64)>,
}

impl RefHistory {
    /// The history of `versions` (`from` strictly increasing; the first's `None` is the start of
    /// its coverage's range), answering inside `[lo, hi)`.
    pub fn new(versions: Vec<(Option<i64>, RefCoverage)>, lo: i64, hi: i64) -> RefHistory {
        let versions: Vec<(i64, RefCoverage)> = versions
            .into_iter()
            .map(|(from, c)| (from.unwrap_or_else(|| c.range().0), c))
            .collect();
        let mut intervals = Vec::new();
        for (i, (from, coverage)) in versions.iter().enumerate() {
            let until = versions
                .get(i + 1)
                .map_or(coverage.range().1, |(next, _)| *next);
            let (start, end) = ((*from).max(lo), until.min(hi));
            if start >= end {
                continue;
            }
            let first = local_date(coverage.tz, start)
                .pred_opt()
                .expect("date")
                .max(first_date());
            let last = local_date(coverage.tz, end)
                .succ_opt()
                .expect("date")
                .min(last_date());
            for (s, e) in coverage.intervals(first, last) {
                let (s, e) = (s.max(start), e.min(end));
                if s < e {
                    intervals.push((s, e));
                }
            }
        }
        for pair in intervals.windows(2) {
            assert!(
                pair[0].1 <= pair[1].0,
                "reference intervals overlap: {pair:?}"
            );
        }
        RefHistory {
            versions,
            lo,
            hi,
            intervals,
        }
    }

    /// Service time inside `[a, b)`, signed.
    pub fn elapsed(&self, a: i64, b: i64) -> i64 {
        if b < a {
            return -self.elapsed(b, a);
        }
        self.intervals
            .iter()
            .map(|&(s, e)| (e.min(b) - s.max(a)).max(0))
            .sum()
    }

    /// Whether `t` is inside an open interval.
    pub fn is_open(&self, t: i64) -> bool {
        self.intervals.iter().any(|&(s, e)| s <= t && t < e)
    }

    /// The earliest open instant at or after `t`, if inside the window.
    pub fn next_open(&self, t: i64) -> Option<i64> {
        self.intervals
            .iter()
            .find(|&&(_, e)| e > t)
            .map(|&(s, _)| s.max(t))
    }

    /// The earliest closed instant at or after `t` (touching intervals are one stretch), if
    /// inside the window.
    pub fn next_close(&self, t: i64) -> Option<i64> {
        let mut walk = self.intervals.iter().skip_while(|&&(_, e)| e <= t);
        let mut end = match walk.next() {
            Some(&(s, e)) if s <= t => e,
            _ => return Some(t),
        };
        for &(s, e) in walk {
            if s != end {
                break;
            }
            end = e;
        }
        (end < self.hi).then_some(end)
    }

    /// The first instant reached from `start` in the direction of `budget` at which `|budget|`
    /// of service time has been counted, if inside the window.
    pub fn deadline(&self, start: i64, budget: i64) -> Option<i64> {
        if budget == 0 {
            return Some(start);
        }
        let mut remaining = budget.abs();
        if budget > 0 {
            for &(s, e) in self.intervals.iter().filter(|&&(_, e)| e > start) {
                let from = s.max(start);
                if remaining <= e - from {
                    return Some(from + remaining);
                }
                remaining -= e - from;
            }
        } else {
            for &(s, e) in self.intervals.iter().rev().filter(|&&(s, _)| s < start) {
                let to = e.min(start);
                if remaining <= to - s {
                    let t = to - remaining;
                    return (t > self.lo).then_some(t);
                }
                remaining -= to - s;
            }
        }
        None
    }
}
