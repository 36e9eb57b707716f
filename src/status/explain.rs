//! Why a ticket's objective is due when it is: the stretches of the walk, each counted stretch
//! traced by its clock (outside hours, weekends, holidays), the others skipped for the ticket's
//! own reasons (a pause, a resolution, time before a restart).

use super::walk::{Stop, Stretch, Walk};
use super::{ObjectiveKind, Timeline};
use crate::clock::{Clock, SkipReason, StretchKind, Summary};
use crate::{error::Error, policy::SupportPolicy};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt;

/// Why a stretch of a ticket's objective was not counted: a reason of the coverage's clock, or
/// one of the ticket's own.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TicketSkip {
    /// Outside the coverage's service hours, as the clock says (outside hours, weekend,
    /// holiday, special hours).
    Service(SkipReason),
    /// Waiting on the customer: the resolution clock is stopped.
    Paused {
        /// The instant of the pause event.
        since: DateTime<Utc>,
    },
    /// Resolved, until reopened.
    Resolved {
        /// The instant of the resolution event.
        at: DateTime<Utc>,
    },
    /// Before a re-classification under the `restart` rule, which starts the objective again
    /// at the change.
    BeforeRestart {
        /// The instant of the re-classification.
        at: DateTime<Utc>,
    },
}

impl fmt::Display for TicketSkip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TicketSkip::Service(reason) => reason.fmt(f),
            TicketSkip::Paused { since } => {
                write!(f, "paused (waiting on the customer) since {since}")
            }
            TicketSkip::Resolved { at } => write!(f, "resolved at {at}, until reopened"),
            TicketSkip::BeforeRestart { at } => {
                write!(f, "before the re-classification at {at} (restart rule)")
            }
        }
    }
}

impl From<Stop> for TicketSkip {
    fn from(stop: Stop) -> TicketSkip {
        match stop {
            Stop::Paused { since } => TicketSkip::Paused { since },
            Stop::Resolved { at } => TicketSkip::Resolved { at },
            Stop::BeforeRestart { at } => TicketSkip::BeforeRestart { at },
        }
    }
}

/// What a stretch of a ticket's explanation is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TicketStretchKind {
    /// Service time, counted.
    Counted {
        /// Service time counted from the registration to the end of this stretch.
        #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
        running_total: TimeDelta,
    },
    /// Time not counted, and why.
    Skipped(TicketSkip),
}

/// One stretch `[from, to)` of a ticket's explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TicketStretch {
    /// Start, included.
    pub from: DateTime<Utc>,
    /// End, excluded.
    pub to: DateTime<Utc>,
    /// Counted or skipped.
    pub kind: TicketStretchKind,
}

impl TicketStretch {
    /// Its length in real time.
    pub fn duration(&self) -> TimeDelta {
        self.to - self.from
    }
}

/// Totals of a ticket's explanation: the clock's, and the ticket's own skipped time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DueSummary {
    /// The clock's totals over the stretches that count: service time counted, holidays,
    /// closed days, time outside hours, special hours.
    pub service: Summary,
    /// Time the ticket was paused (waiting on the customer).
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub paused: TimeDelta,
    /// Time the ticket was resolved before a reopening.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub resolved: TimeDelta,
    /// Time before a re-classification under the `restart` rule.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub before_restart: TimeDelta,
}

impl DueSummary {
    /// The service time counted.
    pub fn counted(&self) -> TimeDelta {
        self.service.counted
    }
}

impl fmt::Display for DueSummary {
    /// `16 h counted; skipped: 13 h outside hours, 24 h paused`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} counted", Summary::hours(self.service.counted))?;
        let mut parts = self.service.skipped();
        for (time, what) in [
            (self.paused, "paused"),
            (self.resolved, "resolved"),
            (self.before_restart, "before a restart"),
        ] {
            if time > TimeDelta::zero() {
                parts.push(format!("{} {what}", Summary::hours(time)));
            }
        }
        if !parts.is_empty() {
            write!(f, "; skipped: {}", parts.join(", "))?;
        }
        Ok(())
    }
}

/// Why an objective of a ticket is due when [`SupportPolicy::timeline_status`] says: from the
/// registration to the due instant, each stretch of service time counted and each stretch
/// skipped with its reason, the clock's or the ticket's own ([`TicketSkip`]).
///
/// The counted stretches add up to the objective's budget exactly, the stretches tile
/// registration → due without gap or overlap, and adjacent stretches of the same kind are
/// joined. `Display` renders a table in the coverage's local time; with the `serde` feature it
/// serializes (instants in RFC 3339, durations in ISO 8601).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DueExplanation {
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_tz"))]
    time_zone: Tz,
    objective: ObjectiveKind,
    stretches: Vec<TicketStretch>,
    due: DateTime<Utc>,
    summary: DueSummary,
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `serialize_with` passes the field by reference"
)]
fn serialize_tz<S: serde::Serializer>(tz: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(tz.name())
}

impl DueExplanation {
    /// The objective explained.
    pub fn objective(&self) -> ObjectiveKind {
        self.objective
    }

    /// The stretches, in time order.
    pub fn stretches(&self) -> &[TicketStretch] {
        &self.stretches
    }

    /// The due instant: the status's.
    pub fn due(&self) -> DateTime<Utc> {
        self.due
    }

    /// Totals per reason.
    pub fn summary(&self) -> &DueSummary {
        &self.summary
    }

    /// The time zone local times are shown in: the coverage's at the due instant.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }
}

impl fmt::Display for DueExplanation {
    /// A table: local start and end, duration, running total of service time, and what the
    /// stretch is; then the summary; the last line is the due instant in RFC 3339 UTC.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = |t: DateTime<Utc>| {
            t.with_timezone(&self.time_zone)
                .format("%a %Y-%m-%d %H:%M:%S %Z")
                .to_string()
        };
        writeln!(
            f,
            "{:<28} {:<28} {:>12} {:>12}  why",
            "from", "to", "duration", "counted"
        )?;
        for s in &self.stretches {
            let (total, why) = match &s.kind {
                TicketStretchKind::Counted { running_total } => {
                    (Summary::hours(*running_total), "counted".to_owned())
                }
                TicketStretchKind::Skipped(reason) => (String::new(), reason.to_string()),
            };
            let duration = Summary::hours(s.duration());
            let (from, to) = (local(s.from), local(s.to));
            writeln!(f, "{from:<28} {to:<28} {duration:>12} {total:>12}  {why}")?;
        }
        writeln!(f, "{}", self.summary)?;
        let due = self
            .due
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        write!(f, "{} due {due}", self.objective)
    }
}

/// Builds a ticket's explanation piece by piece, joining adjacent stretches of one kind.
#[derive(Default)]
struct Builder {
    stretches: Vec<TicketStretch>,
    summary: DueSummary,
}

impl Builder {
    /// `[from, to)` counted on `clock`, traced by the clock.
    fn counted(
        &mut self,
        clock: &Clock,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<(), Error> {
        if from >= to {
            return Ok(());
        }
        let trace = clock.explain_elapsed(from, to)?;
        for stretch in trace.stretches() {
            let kind = match &stretch.kind {
                StretchKind::Counted { running_total } => TicketStretchKind::Counted {
                    running_total: self.summary.service.counted + *running_total,
                },
                StretchKind::Skipped(reason) => {
                    TicketStretchKind::Skipped(TicketSkip::Service(reason.clone()))
                }
            };
            self.push(stretch.from, stretch.to, kind);
        }
        self.summary.service.absorb(trace.summary());
        Ok(())
    }

    /// `[from, to)` skipped for the ticket's own reason `stop`.
    fn skipped(&mut self, from: DateTime<Utc>, to: DateTime<Utc>, stop: Stop) {
        if from >= to {
            return;
        }
        let total = match stop {
            Stop::Paused { .. } => &mut self.summary.paused,
            Stop::Resolved { .. } => &mut self.summary.resolved,
            Stop::BeforeRestart { .. } => &mut self.summary.before_restart,
        };
        *total += to - from;
        self.push(from, to, TicketStretchKind::Skipped(stop.into()));
    }

    fn push(&mut self, from: DateTime<Utc>, to: DateTime<Utc>, kind: TicketStretchKind) {
        if let Some(last) = self.stretches.last_mut() {
            let same = match (&last.kind, &kind) {
                (TicketStretchKind::Counted { .. }, TicketStretchKind::Counted { .. }) => true,
                (TicketStretchKind::Skipped(x), TicketStretchKind::Skipped(y)) => x == y,
                _ => false,
            };
            if same && last.to == from {
                last.to = to;
                last.kind = kind;
                return;
            }
        }
        self.stretches.push(TicketStretch { from, to, kind });
    }
}

impl SupportPolicy {
    /// Why objective `which` of the ticket of `timeline` is due when
    /// [`timeline_status`](SupportPolicy::timeline_status) says: from the registration to the
    /// due instant, each stretch of service time counted (on the clock of the classification in
    /// force, as the re-classification rule says) and each stretch skipped with its reason —
    /// the coverage's ([`TicketSkip::Service`]: outside hours, weekend, holiday, special
    /// hours), or the ticket's own: its pauses ([`TicketSkip::Paused`], with the pause's
    /// instant), resolutions before a reopening, time before a restart. It reads the same
    /// stretches as the status, and counts exactly the budget, whatever `now` is.
    ///
    /// When the ticket is paused at `now`, the due instant is the one of the status: as if the
    /// clock ran again at `now`, and the trace counts from `now` on.
    ///
    /// # Errors
    ///
    /// As [`timeline_status`](SupportPolicy::timeline_status).
    ///
    /// # Example
    ///
    /// A Plus S2 ticket registered on Monday 3 March 2025 at 09:00 in Madrid, waiting on the
    /// customer from 11:00 to Tuesday 11:00: its 16-hour resolution is due on Wednesday at 14:00.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone};
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::status::{
    ///     Event, EventKind, ObjectiveKind, TicketSkip, TicketStretchKind, Timeline,
    /// };
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// let at = |d, h| Madrid.with_ymd_and_hms(2025, 3, d, h, 0, 0).unwrap();
    /// let timeline = Timeline::new(vec![
    ///     Event::new(at(3, 9), EventKind::Registered { tier: Tier::Plus, severity: Severity::S2 }),
    ///     Event::new(at(3, 11), EventKind::Paused),
    ///     Event::new(at(4, 11), EventKind::Resumed),
    /// ])?;
    /// let why = policy.explain_due(&timeline, ObjectiveKind::Resolution, at(4, 12))?;
    /// assert_eq!(why.due(), at(5, 14));
    /// assert_eq!(why.summary().counted(), TimeDelta::hours(16));
    /// let paused = &why.stretches()[1];
    /// assert_eq!(paused.kind, TicketStretchKind::Skipped(TicketSkip::Paused { since: at(3, 11).to_utc() }));
    /// assert_eq!(why.summary().to_string(), "16 h counted; skipped: 13 h outside hours, 24 h paused");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain_due<Z: TimeZone>(
        &self,
        timeline: &Timeline,
        which: ObjectiveKind,
        now: DateTime<Z>,
    ) -> Result<DueExplanation, Error> {
        let walk = Walk::new(self, timeline, which, now.to_utc());
        let (_, due) = walk.due()?;
        let mut builder = Builder::default();
        let mut stretches = walk.stretches().peekable();
        while let Some(Stretch {
            from,
            to,
            clock,
            stop,
        }) = stretches.next()
        {
            let last = stretches.peek().is_none();
            match stop {
                // The clock runs on past the end of the walk, on the last stretch's clock.
                None if last => builder.counted(clock, from, due)?,
                None => builder.counted(clock, from, to.min(due))?,
                Some(stop) => {
                    builder.skipped(from, to.min(due), stop);
                    if last {
                        // Stopped at the end: the clock runs again from there.
                        builder.counted(walk.final_clock, to, due)?;
                    }
                }
            }
            if to >= due {
                break;
            }
        }
        Ok(DueExplanation {
            time_zone: walk.final_clock.coverage().time_zone(),
            objective: which,
            stretches: builder.stretches,
            due,
            summary: builder.summary,
        })
    }
}
