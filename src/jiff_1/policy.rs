//! The policy's entry points, ticket facts, timeline events and the report's period in jiff.

use super::{signed_duration, timestamp, to_chrono, JiffClock};
use crate::policy::{Accepted, CoverageKind, Reclassification, Refusal};
use crate::report::QosReport;
use crate::status::{
    DueExplanation, Event, EventKind, ObjectiveKind, ObjectiveStatus, SlaState, Thresholds,
    TicketFacts, TicketStatus, Timeline,
};
use crate::{
    channel::Channel, error::Error, policy::SupportPolicy, priority::Priority, severity::Severity,
    ticket::TicketId, tier::Tier,
};
use jiff::{SignedDuration, Timestamp};
use std::borrow::Borrow;
use std::ops::Range;

impl SupportPolicy {
    /// This policy, answering in jiff: the same entry points with `jiff::Timestamp` and
    /// `&jiff::ZonedDateTime` (see [`jiff_1`](crate::jiff_1)).
    ///
    /// ```
    /// use jiff::ZonedDateTime;
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// // Sunday 9 March 2025, 03:00 in Madrid: Vip S1 is served around the clock.
    /// let registered: ZonedDateTime = "2025-03-09T03:00[Europe/Madrid]".parse()?;
    /// let due = policy.jiff().due(Tier::Vip, Severity::S1, &registered)?;
    /// assert_eq!(due.response, "2025-03-09T04:00[Europe/Madrid]".parse::<ZonedDateTime>()?.timestamp());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn jiff(&self) -> JiffPolicy<'_> {
        JiffPolicy { policy: self }
    }
}

/// A [`SupportPolicy`] answering in jiff, from [`SupportPolicy::jiff`]. Each method is the
/// chrono method of the same name, with its rules and errors; instants are
/// `impl Into<Timestamp>` (`Timestamp`, `ZonedDateTime`, `&ZonedDateTime`).
#[derive(Debug, Clone, Copy)]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
pub struct JiffPolicy<'a> {
    policy: &'a SupportPolicy,
}

/// When a ticket's objectives fall due, in jiff: [`Deadlines`](crate::policy::Deadlines)'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
#[non_exhaustive]
pub struct JiffDeadlines {
    /// When the first response falls due.
    pub response: Timestamp,
    /// When the resolution falls due.
    pub resolution: Timestamp,
}

impl<'a> JiffPolicy<'a> {
    /// The policy in chrono.
    pub fn chrono(&self) -> &'a SupportPolicy {
        self.policy
    }

    /// As [`SupportPolicy::clock`], in jiff.
    pub fn clock(&self, kind: CoverageKind) -> JiffClock<'a> {
        self.policy.clock(kind).jiff()
    }

    /// As [`SupportPolicy::coverage_clock`], in jiff.
    pub fn coverage_clock(&self, tier: Tier, severity: Severity) -> JiffClock<'a> {
        self.policy.coverage_clock(tier, severity).jiff()
    }

    /// As [`SupportPolicy::due`].
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::due`].
    pub fn due(
        &self,
        tier: Tier,
        severity: Severity,
        registered: impl Into<Timestamp>,
    ) -> Result<JiffDeadlines, Error> {
        let due = self.policy.due(tier, severity, to_chrono(registered))?;
        Ok(JiffDeadlines {
            response: timestamp(due.response)?,
            resolution: timestamp(due.resolution)?,
        })
    }

    /// As [`SupportPolicy::status`], with its instants and durations also in jiff.
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::status`].
    pub fn status(
        &self,
        facts: &TicketFacts,
        now: impl Into<Timestamp>,
    ) -> Result<JiffTicketStatus, Error> {
        self.policy.status(facts, to_chrono(now))?.to_jiff()
    }

    /// As [`SupportPolicy::timeline_status`], with its instants and durations also in jiff.
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::timeline_status`].
    pub fn timeline_status(
        &self,
        timeline: &Timeline,
        now: impl Into<Timestamp>,
    ) -> Result<JiffTicketStatus, Error> {
        self.policy
            .timeline_status(timeline, to_chrono(now))?
            .to_jiff()
    }

    /// As [`SupportPolicy::thresholds`] (the crate's [`Thresholds`]; convert an instant with
    /// [`timestamp`](super::timestamp), a duration with
    /// [`signed_duration`](super::signed_duration)).
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::thresholds`].
    pub fn thresholds(
        &self,
        timeline: &Timeline,
        now: impl Into<Timestamp>,
    ) -> Result<Thresholds, Error> {
        self.policy.thresholds(timeline, to_chrono(now))
    }

    /// As [`SupportPolicy::intake`].
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::intake`].
    pub fn intake(
        &self,
        tier: Tier,
        severity: Severity,
        channel: Channel,
        at: impl Into<Timestamp>,
        ticket: Option<TicketId>,
    ) -> Result<Result<Accepted, Refusal>, Error> {
        self.policy
            .intake(tier, severity, channel, to_chrono(at), ticket)
    }

    /// As [`SupportPolicy::explain_due`].
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::explain_due`].
    pub fn explain_due(
        &self,
        timeline: &Timeline,
        which: ObjectiveKind,
        now: impl Into<Timestamp>,
    ) -> Result<DueExplanation, Error> {
        self.policy.explain_due(timeline, which, to_chrono(now))
    }
}

/// A [`TicketStatus`] with its instants and durations in jiff, and the status itself beside
/// them (for its serde form and the [`QosReport`]), from [`JiffPolicy::status`],
/// [`JiffPolicy::timeline_status`] or [`TicketStatus::to_jiff`].
///
/// Why a view and not jiff accessors on the status types: the status stays one type (one serde
/// form, one report), the caller who asked in jiff reads plain fields (`status.response.due` is
/// a `Timestamp`), and the one fallible step, chrono to jiff, happens once inside the call that
/// already returns a `Result`, not at every field read.
///
/// ```
/// use jiff::{SignedDuration, ZonedDateTime};
/// use support_sla::status::{SlaState, TicketFacts};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// let registered: ZonedDateTime = "2025-03-03T16:30[Europe/Madrid]".parse()?;
/// let now: ZonedDateTime = "2025-03-04T16:00[Europe/Madrid]".parse()?;
/// let facts = TicketFacts::new_jiff(Tier::Standard, Severity::S3, &registered);
/// let status = policy.jiff().status(&facts, &now)?;
/// assert_eq!(status.response.due.to_string(), "2025-03-04T11:00:00Z");
/// assert_eq!(status.response.remaining, SignedDuration::from_hours(-4));
/// assert!(matches!(status.response.state, SlaState::Breached { .. }));
/// assert_eq!(status.chrono.response.due.to_rfc3339(), "2025-03-04T11:00:00+00:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
#[non_exhaustive]
pub struct JiffTicketStatus {
    /// The ticket's priority.
    pub priority: Priority,
    /// When the ticket was registered.
    pub registered: Timestamp,
    /// The first-response objective.
    pub response: JiffObjective,
    /// The resolution objective.
    pub resolution: JiffObjective,
    /// As [`TicketStatus::rule`].
    pub rule: Option<Reclassification>,
    /// The same status, in chrono.
    pub chrono: TicketStatus,
}

/// An [`ObjectiveStatus`] with its instants and durations in jiff. `state` is the crate's: its
/// `at` is `answered` for [`SlaState::Met`] and `due` for [`SlaState::Breached`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
#[non_exhaustive]
pub struct JiffObjective {
    /// The service time the objective allows.
    pub budget: SignedDuration,
    /// When it falls due.
    pub due: Timestamp,
    /// The service time used (to the answer, or to `now` when unanswered).
    pub used: SignedDuration,
    /// `budget - used`; negative once the objective is overrun.
    pub remaining: SignedDuration,
    /// Met, pending or breached.
    pub state: SlaState,
    /// When the objective was answered, if it was.
    pub answered: Option<Timestamp>,
    /// As [`ObjectiveStatus::at_risk`].
    pub at_risk: bool,
    /// As [`ObjectiveStatus::paused`].
    pub paused: bool,
}

impl TicketStatus {
    /// This status with its instants and durations in jiff.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when one of its instants is outside jiff's range; never for
    /// a status the crate computed.
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn to_jiff(&self) -> Result<JiffTicketStatus, Error> {
        Ok(JiffTicketStatus {
            priority: self.priority,
            registered: timestamp(self.registered)?,
            response: self.response.to_jiff()?,
            resolution: self.resolution.to_jiff()?,
            rule: self.rule,
            chrono: *self,
        })
    }
}

impl ObjectiveStatus {
    /// This objective's status with its instants and durations in jiff.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when one of its instants is outside jiff's range; never for
    /// a status the crate computed.
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn to_jiff(&self) -> Result<JiffObjective, Error> {
        Ok(JiffObjective {
            budget: signed_duration(self.budget),
            due: timestamp(self.due)?,
            used: signed_duration(self.used),
            remaining: signed_duration(self.remaining),
            state: self.state,
            answered: self.answered.map(timestamp).transpose()?,
            at_risk: self.at_risk,
            paused: self.paused,
        })
    }
}

impl TicketFacts {
    /// As [`TicketFacts::new`], registered at a jiff instant.
    ///
    /// ```
    /// use jiff::ZonedDateTime;
    /// use support_sla::status::TicketFacts;
    /// use support_sla::{Severity, Tier};
    ///
    /// let at: ZonedDateTime = "2025-03-03T09:00[Europe/Madrid]".parse()?;
    /// let facts = TicketFacts::new_jiff(Tier::Plus, Severity::S2, &at).with_first_response_jiff(&at);
    /// assert_eq!(facts.registered.to_rfc3339(), "2025-03-03T08:00:00+00:00");
    /// assert_eq!(facts.first_response, Some(facts.registered));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn new_jiff(tier: Tier, severity: Severity, registered: impl Into<Timestamp>) -> Self {
        TicketFacts::new(tier, severity, to_chrono(registered))
    }

    /// As [`TicketFacts::with_first_response`], at a jiff instant.
    #[must_use]
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn with_first_response_jiff(self, at: impl Into<Timestamp>) -> Self {
        self.with_first_response(to_chrono(at))
    }

    /// As [`TicketFacts::with_resolution`], at a jiff instant.
    #[must_use]
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn with_resolution_jiff(self, at: impl Into<Timestamp>) -> Self {
        self.with_resolution(to_chrono(at))
    }
}

impl Event {
    /// As [`Event::new`]: the event `kind` at a jiff instant.
    ///
    /// ```
    /// use support_sla::status::{Event, EventKind};
    ///
    /// let at: jiff::ZonedDateTime = "2025-03-03T09:00[Europe/Madrid]".parse()?;
    /// let event = Event::new_jiff(&at, EventKind::Paused);
    /// assert_eq!(event.to_string(), "paused at 2025-03-03 08:00:00 UTC");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn new_jiff(at: impl Into<Timestamp>, kind: EventKind) -> Event {
        Event::new(to_chrono(at), kind)
    }
}

impl QosReport {
    /// As [`QosReport::new`], for a period of jiff instants (`from..to`, half-open).
    ///
    /// ```
    /// use jiff::Timestamp;
    /// use support_sla::report::QosReport;
    /// use support_sla::status::TicketStatus;
    /// use support_sla::TicketId;
    ///
    /// let from: Timestamp = "2025-11-01T00:00:00Z".parse()?;
    /// let to: Timestamp = "2025-12-01T00:00:00Z".parse()?;
    /// let report = QosReport::new_jiff(std::iter::empty::<(TicketId, &TicketStatus)>(), from..to);
    /// assert_eq!(report.tickets(), 0);
    /// assert_eq!(report.period().start.to_rfc3339(), "2025-11-01T00:00:00+00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
    pub fn new_jiff<I, S>(tickets: I, period: Range<Timestamp>) -> QosReport
    where
        I: IntoIterator<Item = (TicketId, S)>,
        S: Borrow<TicketStatus>,
    {
        QosReport::new(tickets, to_chrono(period.start)..to_chrono(period.end))
    }
}
