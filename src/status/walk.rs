//! The walk over a timeline's stretches that both the status and the threshold instants of a
//! timeline read: one `elapsed` per event, one `deadline` per instant asked for.

use super::timeline::{classification_of, EventKind, Timeline};
use super::{ObjectiveStatus, TicketStatus};
use crate::clock::{Clock, SkipReason, Tracer};
use crate::policy::Reclassification;
use crate::{Error, Severity, SupportPolicy, Tier};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};

/// Which objective of a ticket a walk counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    /// The first response: not stopped by pauses nor by a resolution.
    Response,
    /// The resolution: stopped while paused and while resolved.
    Resolution,
}

/// What a walk found at its end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Walked<'p> {
    /// The budget of the classification in force at the end.
    pub(crate) budget: TimeDelta,
    /// The service time counted, by the policy's re-classification rule.
    pub(crate) used: TimeDelta,
    /// The clock of the classification in force at the end.
    pub(crate) clock: &'p Clock,
    /// Where the last stretch starts (the last event walked), and the time counted before it.
    pub(crate) last_start: DateTime<Utc>,
    /// The time counted before `last_start`.
    pub(crate) used_before_last: TimeDelta,
    /// Whether the last stretch counts (not paused, not resolved).
    pub(crate) counting: bool,
    /// The end of the walk: the answer, or `now`.
    pub(crate) end: DateTime<Utc>,
    /// The answer, if the timeline gives one.
    pub(crate) answer: Option<DateTime<Utc>>,
    /// Whether a re-classification took effect before the end.
    pub(crate) reclassified: bool,
}

impl Walked<'_> {
    /// The instant the time counted reaches `target` (not reached by the walk): continuing the
    /// last stretch when it counts, else as if the clock ran again at the end.
    pub(crate) fn project(&self, target: TimeDelta) -> Result<DateTime<Utc>, Error> {
        if self.counting {
            self.clock
                .deadline(self.last_start, target - self.used_before_last)
        } else {
            self.clock.deadline(self.end, target - self.used)
        }
    }
}

/// A walk of objective `which` of a timeline, prepared: the events it reads, its budget, and
/// how it counts.
///
/// It reads the events before the objective's answer (the first response; the last resolution
/// when no reopening follows it) or, unanswered, those at or before `now`; the registration
/// always. Each stretch between two events counts when it is not paused or resolved (the
/// resolution only) and, under [`Reclassification::Restart`], not before the last change of
/// classification. It is measured on the clock of its own classification
/// ([`Reclassification::KeepUsed`]) or of the classification in force at the end (the other
/// two). The budget is that of the classification in force at the end.
pub(crate) struct Walk<'p, 't> {
    policy: &'p SupportPolicy,
    timeline: &'t Timeline,
    which: Which,
    /// How many events are read.
    cut: usize,
    end: DateTime<Utc>,
    answer: Option<DateTime<Utc>>,
    /// The budget of the classification in force at the end.
    pub(crate) budget: TimeDelta,
    final_clock: &'p Clock,
    /// The first stretch that counts (`Restart`: the last change of classification).
    count_from: usize,
    reclassified: bool,
}

impl<'p, 't> Walk<'p, 't> {
    /// The walk of objective `which` of `timeline` under `policy`, to its answer or `now`.
    pub(crate) fn new(
        policy: &'p SupportPolicy,
        timeline: &'t Timeline,
        which: Which,
        now: DateTime<Utc>,
    ) -> Walk<'p, 't> {
        let events = timeline.events();
        let answer_index = match which {
            Which::Response => events
                .iter()
                .position(|e| e.kind == EventKind::FirstResponse),
            Which::Resolution if timeline.is_resolved() => {
                events.iter().rposition(|e| e.kind == EventKind::Resolved)
            }
            Which::Resolution => None,
        };
        let answer = answer_index.and_then(|i| events.get(i)).map(|e| e.at);
        let cut = answer_index.unwrap_or_else(|| events.partition_point(|e| e.at <= now).max(1));
        let walked = events.get(..cut).unwrap_or(events);
        let (tier, severity) = classification_of(walked).unwrap_or(timeline.classification());
        let objective = policy.objective(tier, severity);
        let budget = match which {
            Which::Response => objective.first_response(),
            Which::Resolution => objective.resolution(),
        };
        // The last effective change of classification among the events read.
        let mut class = timeline.registered_as();
        let mut last_change = None;
        for (i, event) in walked.iter().enumerate() {
            if let EventKind::Reclassified { tier, severity } = event.kind {
                if (tier, severity) != class {
                    class = (tier, severity);
                    last_change = Some(i);
                }
            }
        }
        let count_from = match policy.reclassification() {
            Reclassification::Restart => last_change.unwrap_or(0),
            Reclassification::KeepUsed | Reclassification::Retroactive => 0,
        };
        Walk {
            policy,
            timeline,
            which,
            cut,
            end: answer.unwrap_or(now),
            answer,
            budget,
            final_clock: policy.coverage_clock(tier, severity),
            count_from,
            reclassified: last_change.is_some(),
        }
    }

    /// Walks the stretches. `targets` are amounts of service time, ascending; `crossings`
    /// (as long as `targets`) receives, for each, the earliest instant inside a counted stretch
    /// at which the time counted reaches it, or `None`. One `elapsed` per stretch, one
    /// `deadline` per target reached.
    pub(crate) fn run(
        &self,
        targets: &[TimeDelta],
        crossings: &mut [Option<DateTime<Utc>>],
    ) -> Result<Walked<'p>, Error> {
        self.run_traced(targets, crossings, None)
    }

    /// Walks to the end and finds the due instant: where the budget is used up inside a
    /// stretch walked, else projected past the end (see [`Walked::project`]).
    pub(crate) fn run_to_due(&self) -> Result<(Walked<'p>, DateTime<Utc>), Error> {
        let mut crossing = [None];
        let walked = self.run(&[self.budget], &mut crossing)?;
        let due = match crossing {
            [Some(due)] => due,
            _ => walked.project(walked.budget)?,
        };
        Ok((walked, due))
    }

    /// [`run`](Walk::run), appending to the tracer of `trace` (when given) each stretch up to
    /// its limit instant: the clock's trace of the stretches that count, and the others as
    /// skipped with their reason.
    pub(crate) fn run_traced(
        &self,
        targets: &[TimeDelta],
        crossings: &mut [Option<DateTime<Utc>>],
        mut trace: Option<(&mut Tracer, DateTime<Utc>)>,
    ) -> Result<Walked<'p>, Error> {
        let events = self.timeline.events();
        let walked = events.get(..self.cut).unwrap_or(events);
        let rule = self.policy.reclassification();
        let measure = |(tier, severity): (Tier, Severity)| match rule {
            Reclassification::KeepUsed => self.policy.coverage_clock(tier, severity),
            Reclassification::Restart | Reclassification::Retroactive => self.final_clock,
        };
        let counts = |index: usize, paused: bool, resolved: bool| {
            index >= self.count_from && (self.which == Which::Response || !(paused || resolved))
        };
        let mut next = 0;
        // One stretch [a, b) measured on `clock`: adds its time to `used`, records the
        // targets it reaches.
        let mut stretch = |a: DateTime<Utc>,
                           b: DateTime<Utc>,
                           clock: &Clock,
                           used: &mut TimeDelta|
         -> Result<(), Error> {
            let time = clock.elapsed(a, b)?;
            while let Some(&target) = targets.get(next) {
                if *used + time < target {
                    break;
                }
                if let Some(slot) = crossings.get_mut(next) {
                    *slot = Some(clock.deadline(a, target - *used)?);
                }
                next += 1;
            }
            *used += time;
            Ok(())
        };
        let restart_at = walked.get(self.count_from).map(|e| e.at);
        let mut used = TimeDelta::zero();
        let mut class = self.timeline.registered_as();
        let (mut paused, mut resolved) = (false, false);
        let (mut paused_at, mut resolved_at) =
            (self.timeline.registered_at(), self.timeline.registered_at());
        let mut start = self.timeline.registered_at();
        let mut start_index = 0;
        // The trace of one stretch, counted on `clock` or skipped with its reason.
        let mut traced = |a: DateTime<Utc>,
                          b: DateTime<Utc>,
                          counted: bool,
                          clock: &Clock,
                          reason: SkipReason|
         -> Result<(), Error> {
            if let Some((tracer, limit)) = trace.as_mut() {
                let b = b.min(*limit);
                if a >= b {
                    return Ok(());
                }
                if counted {
                    clock.trace_span(a, b, tracer)?;
                } else {
                    tracer.not_running(a, b, reason);
                }
            }
            Ok(())
        };
        let reason = |index: usize, paused_at, resolved_at, resolved: bool| {
            if index < self.count_from {
                SkipReason::BeforeRestart {
                    at: restart_at.unwrap_or(paused_at),
                }
            } else if resolved {
                SkipReason::Resolved { at: resolved_at }
            } else {
                SkipReason::Paused { since: paused_at }
            }
        };
        for (index, event) in walked.iter().enumerate().skip(1) {
            let counted = counts(start_index, paused, resolved);
            if counted {
                stretch(start, event.at, measure(class), &mut used)?;
            }
            traced(
                start,
                event.at,
                counted,
                measure(class),
                reason(start_index, paused_at, resolved_at, resolved),
            )?;
            match event.kind {
                EventKind::Paused => {
                    paused = true;
                    paused_at = event.at;
                }
                EventKind::Resumed => paused = false,
                EventKind::Resolved => {
                    resolved = true;
                    resolved_at = event.at;
                    paused = false;
                }
                EventKind::Reopened => resolved = false,
                EventKind::Reclassified { tier, severity } => class = (tier, severity),
                _ => {}
            }
            start = event.at;
            start_index = index;
        }
        let used_before_last = used;
        let counting = counts(start_index, paused, resolved);
        if counting {
            stretch(start, self.end, measure(class), &mut used)?;
        }
        traced(
            start,
            self.end,
            counting,
            measure(class),
            reason(start_index, paused_at, resolved_at, resolved),
        )?;
        Ok(Walked {
            budget: self.budget,
            used,
            clock: self.final_clock,
            last_start: start,
            used_before_last,
            counting,
            end: self.end,
            answer: self.answer,
            reclassified: self.reclassified,
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
    ///   clock ran again at `now`, with [`paused`](super::ObjectiveStatus::paused) set;
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
        let mut rule = None;
        let mut objective = |which| {
            let walk = Walk::new(self, timeline, which, now);
            let (walked, due) = walk.run_to_due()?;
            if walked.reclassified {
                rule = Some(self.reclassification());
            }
            Ok::<_, Error>(ObjectiveStatus::new(
                walked.budget,
                due,
                walked.used,
                walked.answer,
                now,
                walked.answer.is_none() && !walked.counting,
                self.config().at_risk_per_mille,
            ))
        };
        let response = objective(Which::Response)?;
        let resolution = objective(Which::Resolution)?;
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
