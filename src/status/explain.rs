//! Why a ticket's objective is due when it is: the clock's trace joined with the timeline's
//! pauses, resolutions and re-classifications.

use super::timeline::Timeline;
use super::walk::{Walk, Which};
use crate::clock::{Answer, Explanation, Tracer};
use crate::{Error, SupportPolicy};
use chrono::{DateTime, TimeZone};

pub use crate::objective::ObjectiveKind;

impl SupportPolicy {
    /// Why objective `which` of the ticket of `timeline` is due when
    /// [`timeline_status`](SupportPolicy::timeline_status) says: from the registration to the
    /// due instant, each stretch of service time counted (on the clock of the classification in
    /// force, as the re-classification rule says) and each stretch skipped with its reason —
    /// outside hours, weekend, holiday, special hours, and the ticket's own pauses
    /// ([`SkipReason::Paused`](crate::clock::SkipReason::Paused), with the pause's instant),
    /// resolutions before a reopening, time before a restart. Its answer is the due instant.
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
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::clock::{Answer, SkipReason, StretchKind};
    /// use support_sla::status::{Event, EventKind, ObjectiveKind, Timeline};
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
    /// assert_eq!(why.answer(), Answer::Deadline(at(5, 14).to_utc()));
    /// let paused = &why.stretches()[1];
    /// assert_eq!(paused.kind, StretchKind::Skipped(SkipReason::Paused { since: at(3, 11).to_utc() }));
    /// assert_eq!(why.summary().to_string(), "16 h counted; skipped: 13 h outside hours, 24 h paused");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain_due<Z: TimeZone>(
        &self,
        timeline: &Timeline,
        which: ObjectiveKind,
        now: DateTime<Z>,
    ) -> Result<Explanation, Error> {
        let now = now.to_utc();
        let which = match which {
            ObjectiveKind::Response => Which::Response,
            ObjectiveKind::Resolution => Which::Resolution,
        };
        let walk = Walk::new(self, timeline, which, now);
        let (walked, due) = walk.run_to_due()?;
        // Walk again, tracing up to the due instant; past the walk's end, the clock runs on.
        let mut tracer = Tracer::default();
        walk.run_traced(&[], &mut [], Some((&mut tracer, due)))?;
        if due > walked.end {
            walked.clock.trace_span(walked.end, due, &mut tracer)?;
        }
        Ok(tracer.finish(walked.clock.coverage().time_zone(), Answer::Deadline(due)))
    }
}
