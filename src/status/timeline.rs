//! A ticket's life as an ordered list of events, validated when built.

use super::TicketFacts;
use crate::error::TimelineRule;
use crate::{error::Error, severity::Severity, tier::Tier};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt;

/// What happened to a ticket (see [`Event`] and [`Timeline`]).
///
/// # Example
///
/// ```
/// use support_sla::status::EventKind;
/// use support_sla::{Severity, Tier};
///
/// let kind = EventKind::Registered { tier: Tier::Plus, severity: Severity::S2 };
/// assert_eq!(kind.to_string(), "registered as plus S2");
/// assert_eq!(EventKind::Paused.to_string(), "paused");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EventKind {
    /// The ticket was registered with this classification. The first event of every timeline,
    /// and only the first.
    Registered {
        /// The client's tier.
        tier: Tier,
        /// The incident's severity.
        severity: Severity,
    },
    /// Support responded for the first time: answers the first-response objective. At most
    /// once.
    FirstResponse,
    /// Support is waiting on the customer: the resolution clock stops (the first-response clock
    /// does not). Not while already paused, nor while resolved.
    Paused,
    /// The customer answered: the resolution clock runs again. Only while paused.
    Resumed,
    /// The tier or severity changed; the policy's
    /// [`Reclassification`](crate::policy::Reclassification) rule says what happens to the
    /// objectives. A change to the classification already in force changes nothing.
    Reclassified {
        /// The new tier.
        tier: Tier,
        /// The new severity.
        severity: Severity,
    },
    /// The ticket was resolved: answers the resolution objective (unless reopened later). Ends
    /// a pause. Not while already resolved.
    Resolved,
    /// The resolution did not hold: the resolution objective is pending again, and the time
    /// while resolved does not count. Only while resolved.
    Reopened,
    /// The ticket was closed. Only while resolved; nothing may follow it.
    Closed,
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventKind::Registered { tier, severity } => {
                write!(f, "registered as {tier} {severity}")
            }
            EventKind::FirstResponse => f.write_str("first response"),
            EventKind::Paused => f.write_str("paused"),
            EventKind::Resumed => f.write_str("resumed"),
            EventKind::Reclassified { tier, severity } => {
                write!(f, "reclassified as {tier} {severity}")
            }
            EventKind::Resolved => f.write_str("resolved"),
            EventKind::Reopened => f.write_str("reopened"),
            EventKind::Closed => f.write_str("closed"),
        }
    }
}

/// One event of a ticket's [`Timeline`]: what happened, and when.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::status::{Event, EventKind};
///
/// let event = Event::new(Madrid.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap(), EventKind::Paused);
/// assert_eq!(event.to_string(), "paused at 2025-03-03 08:00:00 UTC");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Event {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: EventKind,
}

impl Event {
    /// The event `kind` at `at`.
    pub fn new<Z: TimeZone>(at: DateTime<Z>, kind: EventKind) -> Event {
        Event {
            at: at.to_utc(),
            kind,
        }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.kind, self.at)
    }
}

/// Where a ticket stands after some events, as far as the rules of a [`Timeline`] go: one of
/// four stages, so a ticket paused and resolved at once cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Stage {
    /// Being worked on: both clocks run.
    Open,
    /// Waiting on the customer (the resolution clock is stopped).
    Paused,
    /// Resolved and not reopened since.
    Resolved,
    /// Closed: nothing may follow.
    Closed,
}

/// The [`Stage`] of a ticket and whether it has had its first response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Phase {
    /// Open, paused, resolved or closed.
    pub(crate) stage: Stage,
    /// First response given.
    pub(crate) responded: bool,
}

impl Phase {
    /// A ticket just registered.
    const REGISTERED: Phase = Phase {
        stage: Stage::Open,
        responded: false,
    };

    /// The phase after an event of `kind`, or the rule the event breaks. Does not check the
    /// order of instants (see [`Timeline::push`]).
    fn after(self, kind: EventKind) -> Result<Phase, TimelineRule> {
        use Stage::{Closed, Open, Paused, Resolved};
        let stage = match (self.stage, kind) {
            (Closed, _) => return Err(TimelineRule::EventAfterClose),
            (_, EventKind::Registered { .. }) => return Err(TimelineRule::DuplicateRegistration),
            (_, EventKind::FirstResponse) if self.responded => {
                return Err(TimelineRule::DuplicateFirstResponse)
            }
            (_, EventKind::FirstResponse) => {
                return Ok(Phase {
                    responded: true,
                    ..self
                })
            }
            (stage, EventKind::Reclassified { .. }) => stage,
            (Open, EventKind::Paused) => Paused,
            (Paused, EventKind::Paused) => return Err(TimelineRule::PauseWhilePaused),
            (Resolved, EventKind::Paused) => return Err(TimelineRule::PauseAfterResolution),
            // Back to open: a pause resumed, or a resolution reopened.
            (Paused, EventKind::Resumed) | (Resolved, EventKind::Reopened) => Open,
            (_, EventKind::Resumed) => return Err(TimelineRule::ResumeWithoutPause),
            // `Resolved` ends a pause: the customer's answer solved it.
            (Open | Paused, EventKind::Resolved) => Resolved,
            (Resolved, EventKind::Resolved) => return Err(TimelineRule::AlreadyResolved),
            (_, EventKind::Reopened) => return Err(TimelineRule::ReopenWithoutResolution),
            (Resolved, EventKind::Closed) => Closed,
            (_, EventKind::Closed) => return Err(TimelineRule::CloseWithoutResolution),
        };
        Ok(Phase { stage, ..self })
    }
}

/// A ticket's registration: when, and with which classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Registration {
    /// When the ticket was registered.
    pub(crate) at: DateTime<Utc>,
    /// The classification it was registered with.
    pub(crate) class: (Tier, Severity),
}

/// A ticket's life as the caller records it: an ordered list of [`Event`]s, checked when built,
/// from which [`SupportPolicy::timeline_status`](crate::SupportPolicy::timeline_status) and
/// [`SupportPolicy::thresholds`](crate::SupportPolicy::thresholds) answer.
///
/// # Rules
///
/// A built timeline always satisfies these; [`Timeline::new`] and [`Timeline::push`] refuse an
/// event that breaks one:
///
/// | rule | error |
/// |---|---|
/// | at least one event | [`Error::EmptyTimeline`] |
/// | the first event is [`Registered`](EventKind::Registered) | [`TimelineRule::FirstEventNotRegistration`] |
/// | … and only the first | [`TimelineRule::DuplicateRegistration`] |
/// | instants never go back (equal instants keep their list order) | [`TimelineRule::OutOfOrder`] |
/// | [`Resumed`](EventKind::Resumed) only while paused | [`TimelineRule::ResumeWithoutPause`] |
/// | [`Paused`](EventKind::Paused) not while paused… | [`TimelineRule::PauseWhilePaused`] |
/// | … nor while resolved | [`TimelineRule::PauseAfterResolution`] |
/// | [`FirstResponse`](EventKind::FirstResponse) at most once | [`TimelineRule::DuplicateFirstResponse`] |
/// | [`Resolved`](EventKind::Resolved) not while resolved | [`TimelineRule::AlreadyResolved`] |
/// | [`Reopened`](EventKind::Reopened) only while resolved | [`TimelineRule::ReopenWithoutResolution`] |
/// | [`Closed`](EventKind::Closed) only while resolved | [`TimelineRule::CloseWithoutResolution`] |
/// | nothing after [`Closed`](EventKind::Closed) | [`TimelineRule::EventAfterClose`] |
///
/// Every rule but the first is refused with [`Error::InvalidTimeline`], which names the event
/// (its index, what it is, its instant) and carries the [`TimelineRule`] it breaks.
///
/// A resolution while paused ends the pause (the customer's answer solved it); after a
/// reopening the resolution clock runs (a new pause needs a new event).
///
/// # How the clocks read it
///
/// - The **first-response** clock runs from registration to the first response, pauses and
///   resolutions included: waiting on the customer does not excuse a late first answer, as
///   on most desks (Zendesk and Jira Service Management, for instance, pause only the
///   resolution-type SLAs while a ticket waits on the customer).
/// - The **resolution** clock runs from registration, stops while paused and while resolved,
///   and its answer is the last [`Resolved`](EventKind::Resolved) when no reopening follows it.
/// - A re-classification changes the objectives by the policy's
///   [`Reclassification`](crate::policy::Reclassification) rule.
///
/// # Source
///
/// > «Para los tiempos de respuesta y tiempos de resolución, sólo se consideran las horas que
/// > transcurren dentro del horario oficial de servicio.»
///
/// Gloss: only the hours inside the official service hours count. Pauses and re-classification
/// are not in the policy text: they are the desk practices issue 6 asks for.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::status::{Event, EventKind, Timeline, TimelineRule};
/// use support_sla::{Error, Severity, Tier};
///
/// let at = |h| Madrid.with_ymd_and_hms(2025, 3, 3, h, 0, 0).unwrap();
/// let registered = EventKind::Registered { tier: Tier::Plus, severity: Severity::S2 };
/// let mut timeline = Timeline::new(vec![
///     Event::new(at(9), registered),
///     Event::new(at(10), EventKind::FirstResponse),
///     Event::new(at(11), EventKind::Paused),
/// ])?;
/// timeline.push(Event::new(at(14), EventKind::Resumed))?;
/// assert_eq!(timeline.events().len(), 4);
///
/// let err = timeline.push(Event::new(at(15), EventKind::Resumed)).unwrap_err();
/// assert!(matches!(
///     err,
///     Error::InvalidTimeline { index: 4, rule: TimelineRule::ResumeWithoutPause, .. }
/// ));
/// assert_eq!(err.to_string(), "event 4 (resumed at 2025-03-03 14:00:00 UTC) resumes a ticket that is not paused");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "Vec<Event>", into = "Vec<Event>")
)]
pub struct Timeline {
    /// The first event, kept apart: every timeline has one.
    registration: Registration,
    /// Every event, the registration first.
    events: Vec<Event>,
    /// The classification in force after the last event.
    class: (Tier, Severity),
    phase: Phase,
}

impl Timeline {
    /// The timeline of `events`, checked against the [rules](Timeline#rules).
    ///
    /// # Errors
    ///
    /// [`Error::EmptyTimeline`] when `events` is empty; else [`Error::InvalidTimeline`] for the
    /// first event that breaks a rule (see the table of [rules](Timeline#rules)).
    pub fn new(events: impl IntoIterator<Item = Event>) -> Result<Timeline, Error> {
        let mut events = events.into_iter();
        let first = events.next().ok_or(Error::EmptyTimeline)?;
        let mut timeline = Timeline::starting(first)?;
        for event in events {
            timeline.push(event)?;
        }
        Ok(timeline)
    }

    /// A timeline holding only `registration`, to [`push`](Timeline::push) events onto.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTimeline`] with [`TimelineRule::FirstEventNotRegistration`] when
    /// `registration` is not [`Registered`](EventKind::Registered).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use support_sla::status::{Event, EventKind, Timeline};
    /// use support_sla::{Severity, Tier};
    ///
    /// let at = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    /// let registered = EventKind::Registered { tier: Tier::Vip, severity: Severity::S1 };
    /// let timeline = Timeline::starting(Event::new(at, registered))?;
    /// assert_eq!(timeline.registered_at(), at);
    /// assert!(Timeline::starting(Event::new(at, EventKind::Paused)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn starting(registration: Event) -> Result<Timeline, Error> {
        match registration.kind {
            EventKind::Registered { tier, severity } => Ok(Timeline {
                registration: Registration {
                    at: registration.at,
                    class: (tier, severity),
                },
                events: vec![registration],
                class: (tier, severity),
                phase: Phase::REGISTERED,
            }),
            _ => Err(invalid(
                0,
                registration,
                TimelineRule::FirstEventNotRegistration,
            )),
        }
    }

    /// Appends `event`, checked against the [rules](Timeline#rules); on error the timeline is
    /// unchanged.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTimeline`] naming the rule `event` breaks (see the table of
    /// [rules](Timeline#rules)).
    pub fn push(&mut self, event: Event) -> Result<(), Error> {
        let index = self.events.len();
        if let Some(previous) = self.events.last().map(|e| e.at).filter(|&p| event.at < p) {
            return Err(invalid(index, event, TimelineRule::OutOfOrder { previous }));
        }
        self.phase = self
            .phase
            .after(event.kind)
            .map_err(|rule| invalid(index, event, rule))?;
        if let EventKind::Reclassified { tier, severity } = event.kind {
            self.class = (tier, severity);
        }
        self.events.push(event);
        Ok(())
    }

    /// The events, in order; the first is the registration.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// When the ticket was registered.
    pub fn registered_at(&self) -> DateTime<Utc> {
        self.registration.at
    }

    /// The tier and severity of the ticket now: those of the last registration or
    /// re-classification.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use support_sla::status::{Event, EventKind, Timeline};
    /// use support_sla::{Severity, Tier};
    ///
    /// let at = |h| Utc.with_ymd_and_hms(2025, 3, 3, h, 0, 0).unwrap();
    /// let timeline = Timeline::new(vec![
    ///     Event::new(at(9), EventKind::Registered { tier: Tier::Plus, severity: Severity::S3 }),
    ///     Event::new(at(10), EventKind::Reclassified { tier: Tier::Plus, severity: Severity::S1 }),
    /// ])?;
    /// assert_eq!(timeline.classification(), (Tier::Plus, Severity::S1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn classification(&self) -> (Tier, Severity) {
        self.class
    }

    /// Whether the ticket is waiting on the customer at the end of the timeline.
    pub fn is_paused(&self) -> bool {
        self.phase.stage == Stage::Paused
    }

    /// Whether the ticket is resolved at the end of the timeline (and not reopened since),
    /// closed included.
    pub fn is_resolved(&self) -> bool {
        matches!(self.phase.stage, Stage::Resolved | Stage::Closed)
    }

    /// Whether the ticket is closed.
    pub fn is_closed(&self) -> bool {
        self.phase.stage == Stage::Closed
    }

    /// The registration: instant and classification.
    pub(crate) fn registration(&self) -> Registration {
        self.registration
    }
}

/// The error of the event at `index`, which breaks `rule`.
fn invalid(index: usize, event: Event, rule: TimelineRule) -> Error {
    Error::InvalidTimeline {
        index,
        event: event.kind.to_string(),
        at: event.at,
        rule,
    }
}

impl TryFrom<Vec<Event>> for Timeline {
    type Error = Error;

    fn try_from(events: Vec<Event>) -> Result<Self, Self::Error> {
        Timeline::new(events)
    }
}

impl From<Timeline> for Vec<Event> {
    fn from(timeline: Timeline) -> Self {
        timeline.events
    }
}

impl TryFrom<&TicketFacts> for Timeline {
    type Error = Error;

    /// The timeline of `facts`: the registration, then the first response and the resolution
    /// in the order of their instants (the first response first when they are equal).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTimeline`] ([`TimelineRule::OutOfOrder`]) when the first response or the resolution is before the
    /// registration (the plain [`status`](crate::SupportPolicy::status) accepts that; a
    /// timeline does not).
    fn try_from(facts: &TicketFacts) -> Result<Self, Self::Error> {
        let mut answers = [
            facts
                .first_response
                .map(|at| Event::new(at, EventKind::FirstResponse)),
            facts.resolved.map(|at| Event::new(at, EventKind::Resolved)),
        ];
        if let [Some(response), Some(resolution)] = &mut answers {
            if resolution.at < response.at {
                std::mem::swap(response, resolution);
            }
        }
        let registration = Event::new(
            facts.registered,
            EventKind::Registered {
                tier: facts.tier,
                severity: facts.severity,
            },
        );
        Timeline::new(std::iter::once(registration).chain(answers.into_iter().flatten()))
    }
}
