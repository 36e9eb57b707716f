//! The one walk over a ticket's stretches: the status, the threshold instants and the
//! explanation of a timeline all read the same [`Stretch`]es, in order.
//!
//! A walk of one objective reads the events before the objective's answer (the first
//! response; the last resolution when no reopening follows it) or, unanswered, those at or
//! before `now`; the registration always. It cuts the time from the registration to its end
//! (the answer, or `now`) at each event: each [`Stretch`] says the clock it is measured on and
//! whether it counts, or why not ([`Stop`]).

use super::timeline::{Event, EventKind, Timeline};
use crate::clock::Clock;
use crate::objective::ObjectiveKind;
use crate::policy::{ObjectiveSource, Reclassification};
use crate::{error::Error, policy::SupportPolicy, severity::Severity, tier::Tier};
use chrono::{DateTime, TimeDelta, Utc};

/// Why a stretch of a ticket does not count, for the ticket's own reasons (the clock's
/// reasons, outside hours and holidays, are inside the stretches that count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Waiting on the customer since the pause at `since` (the resolution only).
    Paused {
        /// The instant of the pause event.
        since: DateTime<Utc>,
    },
    /// Resolved at `at`, until reopened (the resolution only).
    Resolved {
        /// The instant of the resolution event.
        at: DateTime<Utc>,
    },
    /// Before the re-classification at `at`, under the `restart` rule.
    BeforeRestart {
        /// The instant of the re-classification.
        at: DateTime<Utc>,
    },
}

/// One stretch `[from, to)` of a ticket's objective, between two events (or from the last
/// event walked to the walk's end).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stretch<'p> {
    /// Start: the instant of an event.
    pub(crate) from: DateTime<Utc>,
    /// End: the next event, or the walk's end. Before `from` only when `now` is before the
    /// registration (then it is the one stretch, and counts negatively, as `elapsed` does).
    pub(crate) to: DateTime<Utc>,
    /// The clock it is measured on, by the policy's re-classification rule.
    pub(crate) clock: &'p Clock,
    /// `None` when it counts; else why not.
    pub(crate) stop: Option<Stop>,
}

/// Where the ticket stands, for the resolution clock.
#[derive(Debug, Clone, Copy)]
enum Run {
    Running,
    Paused { since: DateTime<Utc> },
    Resolved { at: DateTime<Utc> },
}

/// A walk of one objective of a timeline, prepared: the events it reads, its end, its budget
/// and how it counts. [`Walk::stretches`] yields its stretches; [`Walk::tally`] adds them up.
pub(crate) struct Walk<'p, 't> {
    policy: &'p SupportPolicy,
    kind: ObjectiveKind,
    /// The events read, the registration first (never empty).
    events: &'t [Event],
    /// The registration's classification.
    registered_as: (Tier, Severity),
    /// The end of the walk: the answer, or `now`.
    pub(crate) end: DateTime<Utc>,
    /// The answer, if the timeline gives one.
    pub(crate) answer: Option<DateTime<Utc>>,
    /// The budget of the classification in force at the end.
    pub(crate) budget: TimeDelta,
    /// Where that budget comes from: the crate's default table or a configuration.
    pub(crate) source: ObjectiveSource,
    /// The clock of the classification in force at the end.
    pub(crate) final_clock: &'p Clock,
    /// Under `restart`, the last effective re-classification: its index and instant.
    restart: Option<(usize, DateTime<Utc>)>,
    /// Whether a re-classification took effect among the events read.
    pub(crate) reclassified: bool,
}

impl<'p, 't> Walk<'p, 't> {
    /// The walk of objective `kind` of `timeline` under `policy`, to its answer or `now`.
    pub(crate) fn new(
        policy: &'p SupportPolicy,
        timeline: &'t Timeline,
        kind: ObjectiveKind,
        now: DateTime<Utc>,
    ) -> Walk<'p, 't> {
        // The objectives and rule of the version in force at the registration (policy history).
        let policy = policy.in_force_at(timeline.registered_at());
        let all = timeline.events();
        let answer_index = match kind {
            ObjectiveKind::Response => all.iter().position(|e| e.kind == EventKind::FirstResponse),
            ObjectiveKind::Resolution if timeline.is_resolved() => {
                all.iter().rposition(|e| e.kind == EventKind::Resolved)
            }
            ObjectiveKind::Resolution => None,
        };
        let answer = answer_index.and_then(|i| all.get(i)).map(|e| e.at);
        // The registration is always read: at least one event.
        let cut = answer_index.unwrap_or_else(|| all.partition_point(|e| e.at <= now).max(1));
        let events = all
            .get(..cut)
            .expect("invariant: an answer's index or a count of events is at most their number");
        let registration = timeline.registration();
        // The classification in force at the end, and its last effective change.
        let mut class = registration.class;
        let mut last_change = None;
        for (i, event) in events.iter().enumerate() {
            if let EventKind::Reclassified { tier, severity } = event.kind {
                if (tier, severity) != class {
                    class = (tier, severity);
                    last_change = Some((i, event.at));
                }
            }
        }
        let objective = policy.objective(class.0, class.1);
        let budget = match kind {
            ObjectiveKind::Response => objective.first_response(),
            ObjectiveKind::Resolution => objective.resolution(),
        };
        let restart = match policy.reclassification() {
            Reclassification::Restart => last_change,
            Reclassification::KeepUsed | Reclassification::Retroactive => None,
        };
        Walk {
            policy,
            kind,
            events,
            registered_as: registration.class,
            end: answer.unwrap_or(now),
            answer,
            budget,
            source: policy.objectives().source(class.0, class.1),
            final_clock: policy.coverage_clock(class.0, class.1),
            restart,
            reclassified: last_change.is_some(),
        }
    }

    /// The stretches, in order: one per event read, the last ending at the walk's end.
    pub(crate) fn stretches(&self) -> Stretches<'p, '_, 't> {
        Stretches {
            walk: self,
            next: 0,
            class: self.registered_as,
            run: Run::Running,
            done: false,
        }
    }

    /// The clock a stretch of classification `class` is measured on: its own (`keep_used`), or
    /// that of the classification in force at the end (`restart`, `retroactive`).
    fn clock_of(&self, (tier, severity): (Tier, Severity)) -> &'p Clock {
        match self.policy.reclassification() {
            Reclassification::KeepUsed => self.policy.coverage_clock(tier, severity),
            Reclassification::Restart | Reclassification::Retroactive => self.final_clock,
        }
    }

    /// Why the stretch that starts at event `index`, in `run`, does not count; `None` when it
    /// counts. The first response counts through pauses and resolutions.
    fn stop(&self, index: usize, run: Run) -> Option<Stop> {
        match (self.restart, self.kind, run) {
            (Some((change, at)), _, _) if index < change => Some(Stop::BeforeRestart { at }),
            (_, ObjectiveKind::Response, _) | (_, ObjectiveKind::Resolution, Run::Running) => None,
            (_, ObjectiveKind::Resolution, Run::Paused { since }) => Some(Stop::Paused { since }),
            (_, ObjectiveKind::Resolution, Run::Resolved { at }) => Some(Stop::Resolved { at }),
        }
    }

    /// Adds up the stretches: the service time counted, and for each of `targets` (amounts of
    /// service time, ascending) the earliest instant inside a counted stretch at which the
    /// time counted reaches it. One `elapsed` per stretch, one `deadline` per target reached.
    ///
    /// # Errors
    ///
    /// As [`Clock::elapsed`] and [`Clock::deadline`].
    pub(crate) fn tally(&self, targets: &[TimeDelta]) -> Result<Tally<'p>, Error> {
        let mut used = TimeDelta::zero();
        let mut crossings = Vec::with_capacity(targets.len());
        let mut tail = Tail {
            from: self.end,
            clock: self.final_clock,
            used: TimeDelta::zero(),
            running: false,
        };
        for stretch in self.stretches() {
            let before = used;
            if stretch.stop.is_none() {
                let time = stretch.clock.elapsed(stretch.from, stretch.to)?;
                while let Some(&target) = targets.get(crossings.len()) {
                    if used + time < target {
                        break;
                    }
                    crossings.push(stretch.clock.deadline(stretch.from, target - used)?);
                }
                used += time;
            }
            // The last stretch decides how the clock runs on past the end.
            tail = match stretch.stop {
                None => Tail {
                    from: stretch.from,
                    clock: stretch.clock,
                    used: before,
                    running: true,
                },
                Some(_) => Tail {
                    from: self.end,
                    clock: self.final_clock,
                    used,
                    running: false,
                },
            };
        }
        Ok(Tally {
            used,
            crossings,
            tail,
        })
    }

    /// The due instant: where the budget is used up inside a stretch walked, else projected
    /// past the end (see [`Tally::project`]); with the tally.
    ///
    /// # Errors
    ///
    /// As [`Walk::tally`].
    pub(crate) fn due(&self) -> Result<(Tally<'p>, DateTime<Utc>), Error> {
        let tally = self.tally(&[self.budget])?;
        let due = match tally.crossings.first() {
            Some(&due) => due,
            None => tally.project(self.budget)?,
        };
        Ok((tally, due))
    }
}

/// How the clock runs on past the end of a walk: continuing the last stretch when it counts,
/// else as if it ran again at the end, on the final classification's clock.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tail<'p> {
    /// From where it runs.
    pub(crate) from: DateTime<Utc>,
    /// On which clock.
    pub(crate) clock: &'p Clock,
    /// The service time counted at `from`.
    pub(crate) used: TimeDelta,
    /// Whether the last stretch counts (not paused, not resolved).
    pub(crate) running: bool,
}

/// What a walk adds up to.
#[derive(Debug, Clone)]
pub(crate) struct Tally<'p> {
    /// The service time counted, by the policy's re-classification rule.
    pub(crate) used: TimeDelta,
    /// For each target reached inside a stretch walked, in order, the instant it is reached.
    pub(crate) crossings: Vec<DateTime<Utc>>,
    /// How the clock runs on past the end.
    pub(crate) tail: Tail<'p>,
}

impl Tally<'_> {
    /// The instant the time counted reaches `target` (not reached by the walk), as the clock
    /// runs on past the end.
    ///
    /// # Errors
    ///
    /// As [`Clock::deadline`].
    pub(crate) fn project(&self, target: TimeDelta) -> Result<DateTime<Utc>, Error> {
        self.tail
            .clock
            .deadline(self.tail.from, target - self.tail.used)
    }
}

/// The iterator of a walk's stretches (see [`Walk::stretches`]).
pub(crate) struct Stretches<'p, 'w, 't> {
    walk: &'w Walk<'p, 't>,
    /// The index of the event that starts the next stretch.
    next: usize,
    /// The classification in force.
    class: (Tier, Severity),
    /// Running, paused or resolved.
    run: Run,
    done: bool,
}

impl<'p> Iterator for Stretches<'p, '_, '_> {
    type Item = Stretch<'p>;

    fn next(&mut self) -> Option<Stretch<'p>> {
        if self.done {
            return None;
        }
        let index = self.next;
        let event = self.walk.events.get(index)?;
        // The stretch from this event to the next one, or to the end.
        let to = if let Some(next) = self.walk.events.get(index + 1) {
            next.at
        } else {
            self.done = true;
            self.walk.end
        };
        match event.kind {
            EventKind::Paused => self.run = Run::Paused { since: event.at },
            EventKind::Resumed | EventKind::Reopened => self.run = Run::Running,
            EventKind::Resolved => self.run = Run::Resolved { at: event.at },
            EventKind::Registered { tier, severity }
            | EventKind::Reclassified { tier, severity } => self.class = (tier, severity),
            EventKind::FirstResponse | EventKind::Closed => {}
        }
        self.next = index + 1;
        Some(Stretch {
            from: event.at,
            to,
            clock: self.walk.clock_of(self.class),
            stop: self.walk.stop(index, self.run),
        })
    }
}
