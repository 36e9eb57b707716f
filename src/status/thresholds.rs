//! The instants at which fractions of an objective's budget are used: when to notify.

use super::walk::Walk;
use super::{nanos, ObjectiveKind, Timeline};
use crate::{error::Error, policy::SupportPolicy};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};

/// When a fraction of an objective's budget is used, as far as the timeline tells at `now`.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::status::Threshold;
///
/// let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
/// assert_eq!(Threshold::Expected { at }.at(), Some(at));
/// assert_eq!(Threshold::NotBeforeResume.at(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Threshold {
    /// Reached at `at`, at or before `now`.
    Reached {
        /// When it was reached.
        at: DateTime<Utc>,
    },
    /// Will be reached at `at`, after `now`, if nothing changes (no pause, no
    /// re-classification, no answer before it).
    Expected {
        /// When it will be reached.
        at: DateTime<Utc>,
    },
    /// Not reached, and the clock is stopped at `now` (waiting on the customer): not before
    /// the pause ends, when it will be known.
    NotBeforeResume,
    /// Not reached before the objective was answered: it never will be.
    Answered,
}

impl Threshold {
    /// The instant, when it is known.
    pub const fn at(self) -> Option<DateTime<Utc>> {
        match self {
            Threshold::Reached { at } | Threshold::Expected { at } => Some(at),
            Threshold::NotBeforeResume | Threshold::Answered => None,
        }
    }
}

/// One threshold of an objective: a fraction of its budget and when it is used.
///
/// With the `serde` feature: `{"per_mille": 500, "used": "PT4H", "when": {"reached": {"at":
/// "2025-03-03T13:00:00Z"}}}` (durations in ISO 8601, instants in RFC 3339 UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ThresholdInstant {
    /// The fraction of the budget, in thousandths (`750` is 75 %).
    pub per_mille: u16,
    /// That fraction of the budget: `budget × per_mille / 1000`, rounded down to the
    /// nanosecond.
    #[cfg_attr(feature = "serde", serde(with = "super::iso_serde"))]
    pub used: TimeDelta,
    /// When that much service time is used.
    pub when: Threshold,
}

/// The threshold instants of a ticket's two objectives, in the order of the policy's
/// [`thresholds_per_mille`](crate::policy::PolicyConfig::thresholds_per_mille) (ascending).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Thresholds {
    /// The first-response objective's.
    pub response: Vec<ThresholdInstant>,
    /// The resolution objective's.
    pub resolution: Vec<ThresholdInstant>,
}

/// `budget × per_mille / 1000`, rounded down to the nanosecond: exact, and within the budget
/// since `per_mille <= 1000` (checked when the policy is built).
fn fraction(budget: TimeDelta, per_mille: u16) -> TimeDelta {
    let amount = nanos(budget) * i128::from(per_mille) / 1000;
    let seconds = i64::try_from(amount.div_euclid(i128::from(crate::iso::NANOS_PER_SECOND)))
        .expect("invariant: a fraction of a budget fits in a TimeDelta");
    let subsec = u32::try_from(amount.rem_euclid(i128::from(crate::iso::NANOS_PER_SECOND)))
        .expect("invariant: a remainder of 1e9 fits in u32");
    TimeDelta::new(seconds, subsec).expect("invariant: a fraction of a budget is a TimeDelta")
}

impl SupportPolicy {
    /// The instants at which the policy's threshold fractions of each objective's budget are
    /// used ([`thresholds_per_mille`](crate::policy::PolicyConfig::thresholds_per_mille):
    /// 50 %, 75 %, 90 % and 100 % by default), given the events of `timeline` known at `now`:
    /// what a service needs to schedule its notifications instead of polling.
    ///
    /// Each fraction of the budget (rounded down to the nanosecond) is found by the walk of
    /// [`timeline_status`](SupportPolicy::timeline_status), the same stretches and
    /// re-classification rule as `used` and `due`; the 100 % threshold is the due instant when
    /// the clock runs. Each is [`Reached`](Threshold::Reached) at or before `now`,
    /// [`Expected`](Threshold::Expected) after it, [`NotBeforeResume`](Threshold::NotBeforeResume)
    /// while a pause holds the clock, or [`Answered`](Threshold::Answered) when the objective
    /// was answered first. The list is ordered: instants never decrease along it, and unknown
    /// ones come last.
    ///
    /// Without pauses or re-classification, `elapsed(registration, at)` equals the fraction of
    /// the budget for each known instant `at`.
    ///
    /// Cost: one `elapsed` per event and one `deadline` per threshold, each in constant time.
    ///
    /// # Errors
    ///
    /// As [`timeline_status`](SupportPolicy::timeline_status).
    ///
    /// # Example
    ///
    /// A Vip S1 ticket (around the clock, 8 h resolution) registered on Monday 3 March 2025 at
    /// 09:00 UTC, waiting on the customer since 11:00: 2 hours used, so the 50 % threshold
    /// (4 hours) waits for the customer. The first response (1 hour) is not paused: its 50 %
    /// was reached at 09:30 and its 100 % at 10:00.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use support_sla::status::{Event, EventKind, Threshold, Timeline};
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// let at = |h, m| Utc.with_ymd_and_hms(2025, 3, 3, h, m, 0).unwrap();
    /// let timeline = Timeline::new(vec![
    ///     Event::new(at(9, 0), EventKind::Registered { tier: Tier::Vip, severity: Severity::S1 }),
    ///     Event::new(at(11, 0), EventKind::Paused),
    /// ])?;
    /// let thresholds = policy.thresholds(&timeline, at(12, 0))?;
    /// assert_eq!(thresholds.response[0].per_mille, 500);
    /// assert_eq!(thresholds.response[0].when, Threshold::Reached { at: at(9, 30) });
    /// assert_eq!(thresholds.response[3].when, Threshold::Reached { at: at(10, 0) });
    /// assert_eq!(thresholds.resolution[0].used, TimeDelta::hours(4));
    /// assert_eq!(thresholds.resolution[0].when, Threshold::NotBeforeResume);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn thresholds<Z: TimeZone>(
        &self,
        timeline: &Timeline,
        now: DateTime<Z>,
    ) -> Result<Thresholds, Error> {
        let now = now.to_utc();
        // The fractions of the version in force at the registration (policy history).
        let fractions = &self
            .in_force_at(timeline.registered_at())
            .config()
            .thresholds_per_mille;
        let objective = |kind| {
            let walk = Walk::new(self, timeline, kind, now);
            let targets: Vec<TimeDelta> = fractions
                .iter()
                .map(|&per_mille| fraction(walk.budget, per_mille))
                .collect();
            let tally = walk.tally(&targets)?;
            let mut crossings = tally.crossings.iter();
            fractions
                .iter()
                .zip(targets)
                .map(|(&per_mille, used)| {
                    let when = match crossings.next() {
                        Some(&at) if at <= now => Threshold::Reached { at },
                        Some(&at) => Threshold::Expected { at },
                        None if walk.answer.is_some() => Threshold::Answered,
                        None if tally.tail.running => Threshold::Expected {
                            at: tally.project(used)?,
                        },
                        None => Threshold::NotBeforeResume,
                    };
                    Ok(ThresholdInstant {
                        per_mille,
                        used,
                        when,
                    })
                })
                .collect::<Result<Vec<_>, Error>>()
        };
        Ok(Thresholds {
            response: objective(ObjectiveKind::Response)?,
            resolution: objective(ObjectiveKind::Resolution)?,
        })
    }
}
