//! A ticket's life as an ordered list of events, validated when built.

use super::TicketFacts;
use crate::{Error, Severity, Tier};
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

/// Where a ticket stands after some events: what the validation of a [`Timeline`] tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct Phase {
    /// Waiting on the customer (resolution clock stopped).
    pub(crate) paused: bool,
    /// Resolved and not reopened since.
    pub(crate) resolved: bool,
    /// Closed: nothing may follow.
    pub(crate) closed: bool,
    /// First response given.
    pub(crate) responded: bool,
}

impl Phase {
    /// The phase after `event`, the event at `index`, or the error that refuses it. Does not
    /// check the order of instants nor the registration (see [`Timeline::push`]).
    fn after(mut self, index: usize, event: Event) -> Result<Phase, Error> {
        if self.closed {
            return Err(Error::EventAfterClose { index, event });
        }
        match event.kind {
            EventKind::Registered { .. } => {
                return Err(Error::DuplicateRegistration { index, event });
            }
            EventKind::FirstResponse if self.responded => {
                return Err(Error::DuplicateFirstResponse { index, event });
            }
            EventKind::FirstResponse => self.responded = true,
            EventKind::Paused if self.paused => {
                return Err(Error::PauseWhilePaused { index, event });
            }
            EventKind::Paused if self.resolved => {
                return Err(Error::PauseAfterResolution { index, event });
            }
            EventKind::Paused => self.paused = true,
            EventKind::Resumed if !self.paused => {
                return Err(Error::ResumeWithoutPause { index, event });
            }
            EventKind::Resumed => self.paused = false,
            EventKind::Reclassified { .. } => {}
            EventKind::Resolved if self.resolved => {
                return Err(Error::AlreadyResolved { index, event });
            }
            EventKind::Resolved => {
                self.resolved = true;
                self.paused = false;
            }
            EventKind::Reopened if !self.resolved => {
                return Err(Error::ReopenWithoutResolution { index, event });
            }
            EventKind::Reopened => self.resolved = false,
            EventKind::Closed if !self.resolved => {
                return Err(Error::CloseWithoutResolution { index, event });
            }
            EventKind::Closed => self.closed = true,
        }
        Ok(self)
    }
}

/// A ticket's life as the caller records it: an ordered list of [`Event`]s, checked when built,
/// from which [`SupportPolicy::timeline_status`](crate::SupportPolicy::timeline_status) and
/// [`SupportPolicy::thresholds`](crate::SupportPolicy::thresholds) answer.
///
/// # Rules
///
/// A built timeline always satisfies these; [`Timeline::new`] and [`Timeline::push`] refuse an
/// event that breaks one with an [`Error`] naming the event (its index, kind and instant):
///
/// | rule | error |
/// |---|---|
/// | at least one event | [`Error::EmptyTimeline`] |
/// | the first event is [`Registered`](EventKind::Registered) | [`Error::FirstEventNotRegistration`] |
/// | … and only the first | [`Error::DuplicateRegistration`] |
/// | instants never go back (equal instants keep their list order) | [`Error::EventOutOfOrder`] |
/// | [`Resumed`](EventKind::Resumed) only while paused | [`Error::ResumeWithoutPause`] |
/// | [`Paused`](EventKind::Paused) not while paused… | [`Error::PauseWhilePaused`] |
/// | … nor while resolved | [`Error::PauseAfterResolution`] |
/// | [`FirstResponse`](EventKind::FirstResponse) at most once | [`Error::DuplicateFirstResponse`] |
/// | [`Resolved`](EventKind::Resolved) not while resolved | [`Error::AlreadyResolved`] |
/// | [`Reopened`](EventKind::Reopened) only while resolved | [`Error::ReopenWithoutResolution`] |
/// | [`Closed`](EventKind::Closed) only while resolved | [`Error::CloseWithoutResolution`] |
/// | nothing after [`Closed`](EventKind::Closed) | [`Error::EventAfterClose`] |
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
/// use support_sla::status::{Event, EventKind, Timeline};
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
/// assert!(matches!(err, Error::ResumeWithoutPause { index: 4, .. }));
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
    events: Vec<Event>,
    phase: Phase,
}

impl Timeline {
    /// The timeline of `events`, checked against the [rules](Timeline#rules).
    ///
    /// # Errors
    ///
    /// [`Error::EmptyTimeline`] when `events` is empty; else the error of the first event that
    /// breaks a rule (see the table of [rules](Timeline#rules)).
    pub fn new(events: impl IntoIterator<Item = Event>) -> Result<Timeline, Error> {
        let mut events = events.into_iter();
        let first = events.next().ok_or(Error::EmptyTimeline)?;
        let mut timeline = Timeline::registered(first)?;
        for event in events {
            timeline.push(event)?;
        }
        Ok(timeline)
    }

    /// A timeline holding only `registration`.
    ///
    /// # Errors
    ///
    /// [`Error::FirstEventNotRegistration`] when `registration` is not
    /// [`Registered`](EventKind::Registered).
    pub fn registered(registration: Event) -> Result<Timeline, Error> {
        match registration.kind {
            EventKind::Registered { .. } => Ok(Timeline {
                events: vec![registration],
                phase: Phase::default(),
            }),
            _ => Err(Error::FirstEventNotRegistration {
                index: 0,
                event: registration,
            }),
        }
    }

    /// Appends `event`, checked against the [rules](Timeline#rules); on error the timeline is
    /// unchanged.
    ///
    /// # Errors
    ///
    /// The error of the rule `event` breaks (see the table of [rules](Timeline#rules)).
    pub fn push(&mut self, event: Event) -> Result<(), Error> {
        let index = self.events.len();
        if let Some(previous) = self.events.last().map(|e| e.at).filter(|&p| event.at < p) {
            return Err(Error::EventOutOfOrder {
                index,
                event,
                previous,
            });
        }
        self.phase = self.phase.after(index, event)?;
        self.events.push(event);
        Ok(())
    }

    /// The events, in order; the first is the registration.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// When the ticket was registered.
    pub fn registered_at(&self) -> DateTime<Utc> {
        self.registration().0
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
        classification_of(&self.events).unwrap_or(self.registration().1)
    }

    /// Whether the ticket is waiting on the customer at the end of the timeline.
    pub fn is_paused(&self) -> bool {
        self.phase.paused
    }

    /// Whether the ticket is resolved at the end of the timeline (and not reopened since).
    pub fn is_resolved(&self) -> bool {
        self.phase.resolved
    }

    /// Whether the ticket is closed.
    pub fn is_closed(&self) -> bool {
        self.phase.closed
    }

    /// The classification the ticket was registered with.
    pub(crate) fn registered_as(&self) -> (Tier, Severity) {
        self.registration().1
    }

    /// The registration instant and classification.
    fn registration(&self) -> (DateTime<Utc>, (Tier, Severity)) {
        match self.events.first() {
            Some(Event {
                at,
                kind: EventKind::Registered { tier, severity },
            }) => (*at, (*tier, *severity)),
            // Unreachable: a built timeline starts with its registration. A neutral answer
            // rather than a panic.
            Some(event) => (event.at, (Tier::Standard, Severity::S4)),
            None => (DateTime::<Utc>::MIN_UTC, (Tier::Standard, Severity::S4)),
        }
    }
}

/// The classification set by the last registration or re-classification among `events`.
pub(crate) fn classification_of(events: &[Event]) -> Option<(Tier, Severity)> {
    events.iter().rev().find_map(|event| match event.kind {
        EventKind::Registered { tier, severity } | EventKind::Reclassified { tier, severity } => {
            Some((tier, severity))
        }
        _ => None,
    })
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
    /// [`Error::EventOutOfOrder`] when the first response or the resolution is before the
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
