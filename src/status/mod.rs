//! The SLA status of a ticket, computed from facts the caller passes.
//!
//! Pure: the caller passes the facts of a ticket (tier, severity, registration, first response
//! and resolution if any) and the instant `now`; [`SupportPolicy::status`] answers, for each
//! objective, its due instant, the service time used and remaining, and whether it is met,
//! pending or breached.
//!
//! # Source
//!
//! > «Para los tiempos de respuesta y tiempos de resolución, sólo se consideran las horas que
//! > transcurren dentro del horario oficial de servicio.»
//!
//! Gloss: response and resolution times count only the hours inside the official service hours.
//!
//! A ticket's whole life — pauses while waiting on the customer, changes of tier or severity,
//! reopenings — is a [`Timeline`] of [`Event`]s; [`SupportPolicy::timeline_status`] answers for
//! it with the same [`TicketStatus`], and [`SupportPolicy::thresholds`] gives the instants at
//! which fractions of each objective's budget are used, to schedule notifications. A timeline
//! with no pause and no re-classification has exactly the status of its plain facts.
//!
//! # Where each method lives
//!
//! The status of a ticket is asked of the policy, whose own methods (objectives, coverages,
//! clocks, [`SupportPolicy::due`]) live in [`policy`](crate::policy). This module adds four
//! methods to [`SupportPolicy`]:
//!
//! | method | answers | file |
//! |---|---|---|
//! | [`SupportPolicy::status`] | [`TicketStatus`] of [`TicketFacts`] | `status/mod.rs` |
//! | [`SupportPolicy::timeline_status`] | [`TicketStatus`] of a [`Timeline`] | `status/mod.rs` |
//! | [`SupportPolicy::thresholds`] | [`Thresholds`] of a [`Timeline`] | `status/thresholds.rs` |
//! | [`SupportPolicy::explain_due`] | [`DueExplanation`] of an objective of a [`Timeline`] | `status/explain.rs` |
//!
//! The last three read one walk over the ticket's stretches (`status/walk.rs`): from one event
//! to the next, the classification in force, and whether the stretch counts or why not
//! (paused, resolved, before a restart).

mod explain;
#[cfg(feature = "serde")]
mod iso_serde;
mod repair;
mod thresholds;
mod timeline;
mod walk;

pub use crate::error::TimelineRule;
pub use crate::objective::ObjectiveKind;
pub use explain::{DueExplanation, DueSummary, TicketSkip, TicketStretch, TicketStretchKind};
pub use repair::{changes, repair, Changes, Moved, Outcome, RepairTicket, Repaired};
pub use thresholds::{Threshold, ThresholdInstant, Thresholds};
pub use timeline::{Event, EventKind, Timeline};

use crate::policy::{ObjectiveSource, Reclassification};
use crate::{
    error::Error, policy::SupportPolicy, priority::Priority, severity::Severity, tier::Tier,
};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use walk::Walk;

/// What the caller knows of a ticket.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::status::TicketFacts;
/// use support_sla::{Severity, Tier};
///
/// let registered = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
/// let facts = TicketFacts::new(Tier::Plus, Severity::S2, registered);
/// assert_eq!(facts.first_response, None);
/// let facts = facts.with_first_response(registered).with_resolution(registered);
/// assert_eq!(facts.resolved, Some(registered));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct TicketFacts {
    /// The client's tier.
    pub tier: Tier,
    /// The incident's severity.
    pub severity: Severity,
    /// When the ticket was registered.
    pub registered: DateTime<Utc>,
    /// When support first responded, if it has.
    #[cfg_attr(feature = "serde", serde(default))]
    pub first_response: Option<DateTime<Utc>>,
    /// When the ticket was resolved, if it has been.
    #[cfg_attr(feature = "serde", serde(default))]
    pub resolved: Option<DateTime<Utc>>,
}

impl TicketFacts {
    /// A ticket of `tier` and `severity` registered at `registered`, not yet answered.
    pub fn new<Z: TimeZone>(tier: Tier, severity: Severity, registered: DateTime<Z>) -> Self {
        TicketFacts {
            tier,
            severity,
            registered: registered.to_utc(),
            first_response: None,
            resolved: None,
        }
    }

    /// These facts with the first response at `at`.
    #[must_use]
    pub fn with_first_response<Z: TimeZone>(mut self, at: DateTime<Z>) -> Self {
        self.first_response = Some(at.to_utc());
        self
    }

    /// These facts with the resolution at `at`.
    #[must_use]
    pub fn with_resolution<Z: TimeZone>(mut self, at: DateTime<Z>) -> Self {
        self.resolved = Some(at.to_utc());
        self
    }
}

/// Whether an objective is met, pending or breached.
///
/// The instant decides, never the service time: answered at or before the due instant is
/// [`Met`](SlaState::Met) (exactly at due included); answered after it, or unanswered once `now`
/// is past it, is [`Breached`](SlaState::Breached) at the due instant.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::status::{SlaState, TicketFacts};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// // Vip S1 at 03:00 on a Sunday: the response is due at 04:00.
/// let at = |h, m| Madrid.with_ymd_and_hms(2025, 3, 9, h, m, 0).unwrap();
/// let facts = TicketFacts::new(Tier::Vip, Severity::S1, at(3, 0));
/// let status = policy.status(&facts, at(4, 30))?;
/// assert_eq!(status.response.state, SlaState::Breached { at: at(4, 0).to_utc() });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum SlaState {
    /// Answered at or before its due instant.
    Met {
        /// When it was answered.
        at: DateTime<Utc>,
    },
    /// Not answered, and `now` is not after its due instant.
    Pending,
    /// Answered after its due instant, or not answered and `now` is after it.
    Breached {
        /// The instant of the breach: the due instant.
        at: DateTime<Utc>,
    },
}

/// The status of one objective of a ticket.
///
/// With the `serde` feature it serializes with `snake_case` names, instants in RFC 3339 UTC and
/// durations in ISO 8601 (`"PT4H"`), and reads back the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ObjectiveStatus {
    /// The service time the objective allows.
    #[cfg_attr(feature = "serde", serde(with = "iso_serde"))]
    pub budget: TimeDelta,
    /// When it falls due.
    pub due: DateTime<Utc>,
    /// The service time from registration to the answer, or to `now` when unanswered.
    #[cfg_attr(feature = "serde", serde(with = "iso_serde"))]
    pub used: TimeDelta,
    /// `budget - used`; negative once the objective is overrun.
    #[cfg_attr(feature = "serde", serde(with = "iso_serde"))]
    pub remaining: TimeDelta,
    /// Met, pending or breached.
    pub state: SlaState,
    /// When the objective was answered (first response, resolution), if it was.
    pub answered: Option<DateTime<Utc>>,
    /// Pending, with less than the policy's at-risk fraction of the budget left
    /// ([`PolicyConfig::at_risk_per_mille`](crate::policy::PolicyConfig::at_risk_per_mille),
    /// 25 % by default): `remaining < fraction × budget`, compared exactly. Never true for a
    /// met or breached objective.
    pub at_risk: bool,
    /// The objective's clock is stopped at `now` with the objective unanswered: the ticket is
    /// waiting on the customer (or, on a [`Timeline`] reopened later than `now`, resolved at
    /// `now`). Then `due` is the instant the budget would be used up **if the clock ran again
    /// at `now`**: it moves later for as long as the pause lasts. Always false for the
    /// first response (pauses do not stop it) and in the plain [`SupportPolicy::status`].
    pub paused: bool,
    /// Where the budget comes from: [`CrateDefault`](ObjectiveSource::CrateDefault) when it is
    /// the crate's placeholder table (the policy text gives no figures), so a breach then means
    /// "beyond the crate's default", not "beyond the contract"; [`Configured`](ObjectiveSource::Configured)
    /// when the caller set it. Serialized as `"source": "crate_default"` or `"configured"`.
    pub source: ObjectiveSource,
}

impl ObjectiveStatus {
    /// The status of an objective of `budget` (from `source`) due at `due`, with `used` service time and
    /// `answer`, at `now`; the state rule of [`SupportPolicy::status`], shared with the
    /// timeline.
    fn new(
        (budget, source): (TimeDelta, ObjectiveSource),
        due: DateTime<Utc>,
        used: TimeDelta,
        answer: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
        paused: bool,
        at_risk_per_mille: u16,
    ) -> ObjectiveStatus {
        let state = match answer {
            Some(at) if at <= due => SlaState::Met { at },
            Some(_) => SlaState::Breached { at: due },
            None if now > due => SlaState::Breached { at: due },
            None => SlaState::Pending,
        };
        let remaining = budget - used;
        // remaining < per_mille / 1000 × budget, exactly, in nanoseconds.
        let at_risk = state == SlaState::Pending
            && nanos(remaining) * 1000 < i128::from(at_risk_per_mille) * nanos(budget);
        ObjectiveStatus {
            budget,
            due,
            used,
            remaining,
            state,
            answered: answer,
            at_risk,
            paused,
            source,
        }
    }
}

/// `delta` in nanoseconds, exactly (a `TimeDelta` always fits in an `i128` of nanoseconds).
fn nanos(delta: TimeDelta) -> i128 {
    i128::from(delta.num_seconds()) * i128::from(crate::iso::NANOS_PER_SECOND)
        + i128::from(delta.subsec_nanos())
}

/// The SLA status of a ticket: its priority and the status of its two objectives.
///
/// With the `serde` feature it serializes as the JSON a service returns (`snake_case` names,
/// instants in RFC 3339 UTC, durations in ISO 8601) and reads back the same.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::status::{TicketFacts, TicketStatus};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// let at = |d, h, m| Madrid.with_ymd_and_hms(2025, 3, d, h, m, 0).unwrap();
/// let facts = TicketFacts::new(Tier::Standard, Severity::S3, at(3, 16, 30));
/// let status = policy.status(&facts, at(4, 10, 0))?;
/// let json = serde_json::to_value(&status)?;
/// assert_eq!(json["response"]["due"], "2025-03-04T11:00:00Z");
/// assert_eq!(json["response"]["used"], "PT2H");
/// assert_eq!(json["response"]["state"], "pending");
/// assert_eq!(json["response"]["source"], "crate_default");
/// assert_eq!(serde_json::from_value::<TicketStatus>(json)?, status);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct TicketStatus {
    /// The ticket's priority (its tier and severity: [`Priority::tier`], [`Priority::severity`]).
    pub priority: Priority,
    /// When the ticket was registered.
    pub registered: DateTime<Utc>,
    /// The first-response objective.
    pub response: ObjectiveStatus,
    /// The resolution objective.
    pub resolution: ObjectiveStatus,
    /// The policy's [`Reclassification`] rule when a re-classification of the ticket's
    /// [`Timeline`] took effect on an objective (before its answer, or before `now`); `None`
    /// when the ticket kept its classification (always in the plain [`SupportPolicy::status`]).
    pub rule: Option<Reclassification>,
}

impl SupportPolicy {
    /// The SLA status of the ticket of `facts` at `now`.
    ///
    /// For each objective (first response, resolution), on the ticket's coverage clock:
    ///
    /// - `due` = [`deadline`](crate::clock::Clock::deadline)`(registered, budget)`;
    /// - `used` = [`elapsed`](crate::clock::Clock::elapsed)`(registered, answer)` when answered,
    ///   else `elapsed(registered, now)`; `remaining = budget - used`;
    /// - `state` = [`Met`](SlaState::Met) when answered at or before `due` (answered exactly
    ///   at `due` is met), [`Breached`](SlaState::Breached) `{ at: due }` when answered after
    ///   `due`, or unanswered and `now` is after `due`; else [`Pending`](SlaState::Pending)
    ///   (unanswered and `now` at or before `due`).
    /// - `at_risk` when pending with `remaining` under the policy's at-risk fraction of the
    ///   budget ([`PolicyConfig::at_risk_per_mille`](crate::policy::PolicyConfig::at_risk_per_mille),
    ///   25 % by default); `paused` is always false and `rule` always `None` here (see
    ///   [`timeline_status`](SupportPolicy::timeline_status) for pauses and re-classification).
    ///
    /// Edge cases: a ticket registered out of hours starts consuming service time at the next
    /// opening, by construction of `elapsed`, so `used` is zero until then. An answer is a fact:
    /// it decides the state even when it lies after `now`. When `now` (or an answer) is before
    /// the registration, `used` is negative (elapsed is signed) and nothing is reported as
    /// breached.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when an instant of `facts` or `now` is outside the clocks'
    /// supported range; [`Error::DeadlineOutOfRange`] when a due instant would fall after it.
    ///
    /// # Example
    ///
    /// A Standard S3 ticket registered on Monday 3 March 2025 at 16:30 in Madrid: 1 hour of
    /// service on Monday, so the 4-hour response is due Tuesday at 12:00. At Tuesday 10:00 two
    /// hours are used and the response is pending.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone};
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::status::{SlaState, TicketFacts};
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// let at = |d, h, m| Madrid.with_ymd_and_hms(2025, 3, d, h, m, 0).unwrap();
    /// let facts = TicketFacts::new(Tier::Standard, Severity::S3, at(3, 16, 30));
    /// let status = policy.status(&facts, at(4, 10, 0))?;
    /// assert_eq!(status.response.due, at(4, 12, 0));
    /// assert_eq!(status.response.used, TimeDelta::hours(2));
    /// assert_eq!(status.response.remaining, TimeDelta::hours(2));
    /// assert_eq!(status.response.state, SlaState::Pending);
    ///
    /// let answered = facts.with_first_response(at(4, 12, 0)); // exactly at due: met
    /// let status = policy.status(&answered, at(4, 15, 0))?;
    /// assert_eq!(status.response.state, SlaState::Met { at: at(4, 12, 0).to_utc() });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status<Z: TimeZone>(
        &self,
        facts: &TicketFacts,
        now: DateTime<Z>,
    ) -> Result<TicketStatus, Error> {
        let now = now.to_utc();
        // The objectives of the version in force at the registration (policy history).
        let policy = self.in_force_at(facts.registered);
        let objective = policy.objective(facts.tier, facts.severity);
        let deadlines = policy.due(facts.tier, facts.severity, facts.registered)?;
        let at_risk = policy.config().at_risk_per_mille;
        let source = policy.objectives().source(facts.tier, facts.severity);
        let one = |budget: TimeDelta, due: DateTime<Utc>, answer: Option<DateTime<Utc>>| {
            let clock = policy.coverage_clock(facts.tier, facts.severity);
            let used = clock.elapsed(facts.registered, answer.unwrap_or(now))?;
            Ok::<_, Error>(ObjectiveStatus::new(
                (budget, source),
                due,
                used,
                answer,
                now,
                false,
                at_risk,
            ))
        };
        Ok(TicketStatus {
            priority: self.priority(facts.tier, facts.severity),
            registered: facts.registered,
            response: one(
                objective.first_response(),
                deadlines.response,
                facts.first_response,
            )?,
            resolution: one(objective.resolution(), deadlines.resolution, facts.resolved)?,
            rule: None,
        })
    }
}

impl SupportPolicy {
    /// The SLA status of the ticket of `timeline` at `now`: the same [`TicketStatus`] as
    /// [`status`](SupportPolicy::status), read from the ticket's events. A timeline with no
    /// pause and no re-classification has exactly the status of its plain facts.
    ///
    /// For each objective, the walk reads the events before its answer (the first response;
    /// the last resolution when no reopening follows it) or, unanswered, those at or before
    /// `now`, and cuts the time from registration into stretches at each event:
    ///
    /// - **used**: the sum of `elapsed(a, b)` over the stretches that count — for the
    ///   resolution, those not paused and not resolved; for the first response, all of them —
    ///   on the clock of the classification in force in that stretch, or as the policy's
    ///   [`Reclassification`] rule says (`Restart`: only the stretches since the change;
    ///   `Retroactive`: all of them, on the new classification's clock);
    /// - **budget**: that of the classification in force at the answer, or at `now`;
    /// - **due**: when the budget is used up inside a stretch walked, `deadline(stretch start,
    ///   budget - used before it)` on that stretch's clock (so it may be *before* a
    ///   re-classification that left less budget than was used); else, when the clock runs at
    ///   the end, the deadline continuing the last stretch; else (paused at `now`) as if the
    ///   clock ran again at `now`, with [`paused`](ObjectiveStatus::paused) set;
    /// - **state**, **remaining**, **at risk**: as in [`status`](SupportPolicy::status).
    ///
    /// `priority` is that of the timeline's last classification; `rule` says which
    /// re-classification rule applied, if one took effect on an objective. Events after the
    /// answer or after `now` are facts too: an answer after `now` decides the state, as in
    /// [`status`](SupportPolicy::status).
    ///
    /// Cost: one `elapsed` per event and one `deadline` per objective, each in constant time.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when an event or `now` is outside the clocks' supported
    /// range; [`Error::DeadlineOutOfRange`] when a due instant would fall after it.
    ///
    /// # Example
    ///
    /// A Plus S2 ticket (2 h response, 16 h resolution, Monday to Friday 09:00–20:00) registered
    /// on Monday 3 March 2025 at 09:00 in Madrid, answered at 10:00, waiting on the customer
    /// from 11:00 to Tuesday 11:00. The resolution has used 2 hours (09:00–11:00); the pause
    /// pushed its due instant by the 11 service hours it held (Monday 11:00–20:00, Tuesday
    /// 09:00–11:00): from Tuesday 11:00, 14 hours left: 9 on Tuesday, 5 on Wednesday, due
    /// Wednesday at 14:00 instead of Tuesday at 14:00.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone};
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::status::{Event, EventKind, SlaState, Timeline};
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// let at = |d, h| Madrid.with_ymd_and_hms(2025, 3, d, h, 0, 0).unwrap();
    /// let timeline = Timeline::new(vec![
    ///     Event::new(at(3, 9), EventKind::Registered { tier: Tier::Plus, severity: Severity::S2 }),
    ///     Event::new(at(3, 10), EventKind::FirstResponse),
    ///     Event::new(at(3, 11), EventKind::Paused),
    ///     Event::new(at(4, 11), EventKind::Resumed),
    /// ])?;
    /// let status = policy.timeline_status(&timeline, at(4, 12))?;
    /// assert_eq!(status.response.state, SlaState::Met { at: at(3, 10).to_utc() });
    /// assert_eq!(status.resolution.used, TimeDelta::hours(3)); // 09–11 Monday, 11–12 Tuesday
    /// assert_eq!(status.resolution.due, at(5, 14));
    /// assert!(!status.resolution.paused && !status.resolution.at_risk);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline_status<Z: TimeZone>(
        &self,
        timeline: &Timeline,
        now: DateTime<Z>,
    ) -> Result<TicketStatus, Error> {
        let now = now.to_utc();
        // The rules of the version in force at the registration (policy history).
        let policy = self.in_force_at(timeline.registered_at());
        let mut rule = None;
        let mut objective = |kind| {
            let walk = Walk::new(policy, timeline, kind, now);
            let (tally, due) = walk.due()?;
            if walk.reclassified {
                rule = Some(policy.reclassification());
            }
            Ok::<_, Error>(ObjectiveStatus::new(
                (walk.budget, walk.source),
                due,
                tally.used,
                walk.answer,
                now,
                walk.answer.is_none() && !tally.tail.running,
                policy.config().at_risk_per_mille,
            ))
        };
        let response = objective(ObjectiveKind::Response)?;
        let resolution = objective(ObjectiveKind::Resolution)?;
        let (tier, severity) = timeline.classification();
        Ok(TicketStatus {
            priority: self.priority(tier, severity),
            registered: timeline.registered_at(),
            response,
            resolution,
            rule,
        })
    }
}
