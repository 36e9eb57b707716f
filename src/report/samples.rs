//! The service times of a report, and their nearest-rank percentiles.

use super::Percentiles;
use chrono::TimeDelta;

/// Service times, kept as `i64` nanoseconds (half the memory of `TimeDelta`, cheaper to
/// compare) when they fit, that is within ±292 years; those that do not (never from a policy,
/// whose clocks span 2000–2100) go, exactly, to the `low` or `high` list, wholly below or above
/// every `i64` value. Ranks are counted across the three in that order.
#[derive(Debug, Default)]
pub(super) struct Samples {
    low: Vec<TimeDelta>,
    mid: Vec<i64>,
    high: Vec<TimeDelta>,
}

impl Samples {
    pub(super) fn push(&mut self, value: TimeDelta) {
        match value.num_nanoseconds() {
            Some(nanos) => self.mid.push(nanos),
            None if value < TimeDelta::zero() => self.low.push(value),
            None => self.high.push(value),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.low.len() + self.mid.len() + self.high.len()
    }

    pub(super) fn extend(&mut self, other: &Samples) {
        self.low.extend_from_slice(&other.low);
        self.mid.extend_from_slice(&other.mid);
        self.high.extend_from_slice(&other.high);
    }

    /// The value of 1-based rank `k` in ascending order (reorders the lists).
    pub(super) fn rank(&mut self, k: usize) -> Option<TimeDelta> {
        let i = k.checked_sub(1)?;
        if i < self.low.len() {
            return Some(*self.low.select_nth_unstable(i).1);
        }
        let i = i - self.low.len();
        if i < self.mid.len() {
            return Some(TimeDelta::nanoseconds(*self.mid.select_nth_unstable(i).1));
        }
        let i = i - self.mid.len();
        if i < self.high.len() {
            return Some(*self.high.select_nth_unstable(i).1);
        }
        None
    }

    /// The nearest-rank median and p90, or `None` when empty: linear-time selection, no sort.
    pub(super) fn percentiles(&mut self) -> Option<Percentiles> {
        let n = self.len();
        // 1-based ranks ⌈n/2⌉ and ⌈9n/10⌉ = n - ⌊n/10⌋ (no overflow).
        let median = self.rank(n.div_ceil(2))?;
        let p90 = self.rank(n - n / 10)?;
        Some(Percentiles {
            count: n as u64,
            median,
            p90,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values beyond ±292 years do not fit in `i64` nanoseconds: ranks still count them exactly.
    #[test]
    fn ranks_span_the_values_too_large_for_nanoseconds() {
        let huge = TimeDelta::days(200 * 365);
        let mut samples = Samples::default();
        for v in [
            huge * 2,
            TimeDelta::hours(1),
            -huge * 2,
            TimeDelta::zero(),
            huge * 3,
        ] {
            samples.push(v);
        }
        assert_eq!(
            (samples.low.len(), samples.mid.len(), samples.high.len()),
            (1, 2, 2)
        );
        let p = samples.percentiles().unwrap();
        assert_eq!(p.count, 5);
        assert_eq!(p.median, TimeDelta::hours(1)); // rank 3 of -400y, 0, 1h, 400y, 600y
        assert_eq!(p.p90, huge * 3); // rank 5
        assert_eq!(samples.rank(1), Some(-huge * 2));
        assert_eq!(samples.rank(6), None);
        assert_eq!(Samples::default().percentiles(), None);
    }
}
