//! Why a deadline falls where it does: the trace of counted and skipped time.

use super::dst::wall_to_nanos;
use super::Clock;
use crate::calendar::{Holiday, Level};
use crate::coverage::{DayPlan, DAY_NANOS};
use crate::error::Error;
use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use std::fmt;

/// Why a stretch of time was not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SkipReason {
    /// A working day, outside its weekly windows (before opening, after closing, a break).
    OutsideHours,
    /// A weekday on which the weekly schedule has no window at all (Saturday and Sunday for the
    /// office-hours coverages).
    ClosedDay {
        /// The weekday.
        weekday: Weekday,
    },
    /// A holiday of the coverage's calendar, official, projected or added by the caller (a
    /// company closure is a holiday of [`Level::Company`]).
    Holiday(Holiday),
    /// A date under special hours, outside their windows.
    SpecialHours {
        /// The name of the special hours.
        name: String,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::OutsideHours => f.write_str("outside service hours"),
            SkipReason::ClosedDay {
                weekday: Weekday::Sat | Weekday::Sun,
            } => f.write_str("weekend"),
            SkipReason::ClosedDay { weekday } => write!(f, "closed on {weekday}"),
            SkipReason::Holiday(h) if h.level() == Level::Company => {
                write!(f, "company closure: {} ({})", h.name(), h.provenance())
            }
            SkipReason::Holiday(h) => write!(
                f,
                "holiday: {} ({}, {})",
                h.name(),
                h.level(),
                h.provenance()
            ),
            SkipReason::SpecialHours { name } => write!(f, "special hours: {name}"),
        }
    }
}

/// What a stretch of the trace is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum StretchKind {
    /// Service time, counted.
    Counted {
        /// Service time counted from the start of the trace to the end of this stretch.
        #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
        running_total: TimeDelta,
    },
    /// Time not counted, and why.
    Skipped(SkipReason),
}

/// One stretch of the trace, `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Stretch {
    /// Start, included.
    pub from: DateTime<Utc>,
    /// End, excluded.
    pub to: DateTime<Utc>,
    /// Counted or skipped.
    pub kind: StretchKind,
}

impl Stretch {
    /// Its length in real time.
    pub fn duration(&self) -> TimeDelta {
        self.to - self.from
    }
}

/// What the trace answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Answer {
    /// The service time between the two instants (signed as [`Clock::elapsed`]).
    Elapsed(
        #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))] TimeDelta,
    ),
    /// The instant the budget is used up, as [`Clock::deadline`].
    Deadline(DateTime<Utc>),
}

/// Totals of a trace per reason: the readable form of a long span.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Summary {
    /// Service time counted.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub counted: TimeDelta,
    /// Holidays skipped (each once, in date order), company closures included.
    pub holidays: Vec<Holiday>,
    /// Whole or partial days skipped because the weekly schedule has no window that weekday.
    pub closed_days: u32,
    /// Time skipped outside the weekly windows of working days.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub outside_hours: TimeDelta,
    /// Days under special hours, per name, in order of first appearance.
    pub special_hours: Vec<SpecialHoursDays>,
}

/// How many days of a trace are under the special hours of one name (see
/// [`Summary::special_hours`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SpecialHoursDays {
    /// The name of the special hours.
    pub name: String,
    /// The days of the trace under them, whole or in part.
    pub days: u32,
}

impl Summary {
    /// What was skipped, one phrase per reason (`19 h outside hours`), in the order of the
    /// summary's text.
    pub(crate) fn skipped(&self) -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        if !self.holidays.is_empty() {
            // Name a few; a ten-year span stays one readable line.
            const NAMED: usize = 4;
            let mut names: Vec<String> = self
                .holidays
                .iter()
                .take(NAMED)
                .map(|h| format!("{} {}", h.date(), h.name()))
                .collect();
            if self.holidays.len() > NAMED {
                names.push(format!("and {} more", self.holidays.len() - NAMED));
            }
            let noun = if self.holidays.len() == 1 {
                "holiday"
            } else {
                "holidays"
            };
            parts.push(format!(
                "{} {noun} ({})",
                self.holidays.len(),
                names.join(", ")
            ));
        }
        if self.closed_days > 0 {
            let noun = if self.closed_days == 1 { "day" } else { "days" };
            parts.push(format!("{} weekend or closed {noun}", self.closed_days));
        }
        if self.outside_hours > TimeDelta::zero() {
            parts.push(format!("{} outside hours", Hours(self.outside_hours)));
        }
        for special in &self.special_hours {
            let noun = if special.days == 1 { "day" } else { "days" };
            parts.push(format!(
                "{} {noun} of special hours ({})",
                special.days, special.name
            ));
        }
        parts
    }

    /// Adds `other`, the summary of a later span, to this one: a holiday or special hours
    /// already counted at the end of this one are not counted twice.
    pub(crate) fn absorb(&mut self, other: &Summary) {
        self.counted += other.counted;
        for holiday in &other.holidays {
            if !self.holidays.contains(holiday) {
                self.holidays.push(holiday.clone());
            }
        }
        self.closed_days += other.closed_days;
        self.outside_hours += other.outside_hours;
        for special in &other.special_hours {
            match self
                .special_hours
                .iter_mut()
                .find(|s| s.name == special.name)
            {
                Some(known) => known.days += special.days,
                None => self.special_hours.push(special.clone()),
            }
        }
    }

    /// A duration as the summary writes it: `51 h 30 min`.
    pub(crate) fn hours(duration: TimeDelta) -> String {
        Hours(duration).to_string()
    }
}

impl fmt::Display for Summary {
    /// `40 h counted; skipped: 2 holidays (…), 4 weekend or closed days, 61 h 30 min outside hours`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} counted", Hours(self.counted))?;
        let parts = self.skipped();
        if !parts.is_empty() {
            write!(f, "; skipped: {}", parts.join(", "))?;
        }
        Ok(())
    }
}

/// Why an answer of the clock is what it is: in order, each stretch of service time counted and
/// each stretch skipped with its reason, ending with the answer, which is exactly what
/// [`Clock::elapsed`] or [`Clock::deadline`] returns.
///
/// The counted stretches add up to the elapsed service time, and the stretches tile the span
/// without gap or overlap. Adjacent stretches of the same kind are joined (a 24x7 week is one
/// counted stretch; a weekend one skipped stretch).
///
/// It is a trace: building it costs time in proportion to the days it covers. For a long span,
/// read its [`summary`](Explanation::summary). `Display` renders a table in the coverage's local
/// time; with the `serde` feature it serializes (instants in RFC 3339, durations in ISO 8601).
///
/// # Example
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::clock::{Answer, Clock};
/// use support_sla::coverage::Coverage;
///
/// let clock = Clock::new(Coverage::standard())?;
/// let registered = Madrid.with_ymd_and_hms(2025, 12, 5, 13, 0, 0).unwrap();
/// let why = clock.explain_deadline(registered, TimeDelta::hours(4))?;
/// assert_eq!(why.answer(), Answer::Deadline(clock.deadline(registered, TimeDelta::hours(4))?));
/// assert_eq!(
///     why.summary().to_string(),
///     "4 h counted; skipped: 2 holidays (2025-12-06 Día de la Constitución Española, \
///      2025-12-08 Inmaculada Concepción), 1 weekend or closed day, 19 h outside hours"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Explanation {
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_tz"))]
    time_zone: Tz,
    stretches: Vec<Stretch>,
    answer: Answer,
    summary: Summary,
}

#[cfg(feature = "serde")]
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `serialize_with` passes the field by reference"
)]
fn serialize_tz<S: serde::Serializer>(tz: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(tz.name())
}

impl Explanation {
    /// The stretches, in time order.
    pub fn stretches(&self) -> &[Stretch] {
        &self.stretches
    }

    /// The answer: what the fast function returns.
    pub fn answer(&self) -> Answer {
        self.answer
    }

    /// Totals per reason.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The time zone local times are shown in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }
}

impl fmt::Display for Explanation {
    /// A table: local start and end, duration, running total of service time, and what the
    /// stretch is; the last line is the answer (a deadline in RFC 3339 UTC).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = |t: DateTime<Utc>| {
            t.with_timezone(&self.time_zone)
                .format("%a %Y-%m-%d %H:%M:%S %Z")
        };
        writeln!(
            f,
            "{:<28} {:<28} {:>12} {:>12}  why",
            "from", "to", "duration", "counted"
        )?;
        for s in &self.stretches {
            let (total, why) = match &s.kind {
                StretchKind::Counted { running_total } => {
                    (Hours(*running_total).to_string(), "counted".to_owned())
                }
                StretchKind::Skipped(reason) => (String::new(), reason.to_string()),
            };
            writeln!(
                f,
                "{:<28} {:<28} {:>12} {:>12}  {}",
                local(s.from).to_string(),
                local(s.to).to_string(),
                Hours(s.duration()).to_string(),
                total,
                why
            )?;
        }
        writeln!(f, "{}", self.summary)?;
        match self.answer {
            Answer::Elapsed(d) => write!(f, "elapsed {}", Hours(d)),
            Answer::Deadline(t) => write!(
                f,
                "deadline {}",
                t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
            ),
        }
    }
}

/// A duration as `51 h 30 min` (seconds and fractions only when present; `0 h` for zero).
struct Hours(TimeDelta);

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < TimeDelta::zero() { "-" } else { "" };
        let d = self.0.abs();
        let (hours, minutes, seconds, nanos) = (
            d.num_hours(),
            d.num_minutes() % 60,
            d.num_seconds() % 60,
            d.subsec_nanos(),
        );
        let mut parts = Vec::new();
        if hours > 0 || (minutes == 0 && seconds == 0 && nanos == 0) {
            parts.push(format!("{hours} h"));
        }
        if minutes > 0 {
            parts.push(format!("{minutes} min"));
        }
        if seconds > 0 || nanos > 0 {
            let mut text = seconds.to_string();
            crate::iso::write_fraction(&mut text, nanos.unsigned_abs())?;
            parts.push(format!("{text} s"));
        }
        f.pad(&format!("{sign}{}", parts.join(" ")))
    }
}

/// Builds a clock's trace stretch by stretch.
#[derive(Debug, Default)]
pub(crate) struct Tracer {
    stretches: Vec<Stretch>,
    counted: i64,
    summary: Summary,
}

impl Tracer {
    /// The explanation, in `time_zone`, ending with `answer`.
    pub(crate) fn finish(mut self, time_zone: Tz, answer: Answer) -> Explanation {
        self.summary.counted = TimeDelta::nanoseconds(self.counted);
        Explanation {
            time_zone,
            stretches: self.stretches,
            answer,
            summary: self.summary,
        }
    }

    /// A day closed all day (`from..to` of it), for `reason`: a holiday or a day without hours.
    fn closed_day(&mut self, from: i64, to: i64, reason: SkipReason) {
        match &reason {
            SkipReason::Holiday(h) => {
                if self.summary.holidays.last() != Some(h) {
                    self.summary.holidays.push(h.clone());
                }
            }
            _ => self.summary.closed_days += 1,
        }
        self.push(from, to, Some(reason));
    }

    /// One more day under the special hours `name`.
    fn special_day(&mut self, name: &str) {
        let known = &mut self.summary.special_hours;
        match known.iter_mut().find(|s| s.name == name) {
            Some(known) => known.days += 1,
            None => known.push(SpecialHoursDays {
                name: name.to_owned(),
                days: 1,
            }),
        }
    }

    /// `from..to` skipped for `reason` (nothing when empty), summed when outside hours.
    fn skip(&mut self, from: i64, to: i64, reason: &SkipReason) {
        if from < to {
            if *reason == SkipReason::OutsideHours {
                self.summary.outside_hours += TimeDelta::nanoseconds(to - from);
            }
            self.push(from, to, Some(reason.clone()));
        }
    }

    fn push(&mut self, from: i64, to: i64, reason: Option<SkipReason>) {
        if from >= to {
            return;
        }
        if reason.is_none() {
            self.counted += to - from;
        }
        let kind = match reason {
            None => StretchKind::Counted {
                running_total: TimeDelta::nanoseconds(self.counted),
            },
            Some(r) => StretchKind::Skipped(r),
        };
        let from_t = DateTime::from_timestamp_nanos(from);
        let to_t = DateTime::from_timestamp_nanos(to);
        if let Some(last) = self.stretches.last_mut() {
            let same = match (&last.kind, &kind) {
                (StretchKind::Counted { .. }, StretchKind::Counted { .. }) => true,
                (StretchKind::Skipped(x), StretchKind::Skipped(y)) => x == y,
                _ => false,
            };
            if same && last.to == from_t {
                last.to = to_t;
                last.kind = kind;
                return;
            }
        }
        self.stretches.push(Stretch {
            from: from_t,
            to: to_t,
            kind,
        });
    }
}

impl Clock {
    /// The trace of [`elapsed`](Clock::elapsed)`(from, to)`: every stretch between the two
    /// instants, counted or skipped with its reason. When `to` is before `from` the stretches
    /// run from `to` to `from` and the answer is negative, as `elapsed`'s.
    ///
    /// # Errors
    ///
    /// As [`Clock::elapsed`].
    pub fn explain_elapsed<Tz1: TimeZone, Tz2: TimeZone>(
        &self,
        from: DateTime<Tz1>,
        to: DateTime<Tz2>,
    ) -> Result<Explanation, Error> {
        let answer = self.elapsed(from.clone(), to.clone())?;
        let (a, b) = (self.nanos(&from)?, self.nanos(&to)?);
        Ok(self.trace(a.min(b), a.max(b), Answer::Elapsed(answer)))
    }

    /// The trace of [`deadline`](Clock::deadline)`(start, budget)`: every stretch from `start`
    /// to the deadline (or from the deadline to `start` for a negative budget), counted or
    /// skipped with its reason, ending with the deadline.
    ///
    /// # Errors
    ///
    /// As [`Clock::deadline`].
    pub fn explain_deadline<Tz: TimeZone>(
        &self,
        start: DateTime<Tz>,
        budget: TimeDelta,
    ) -> Result<Explanation, Error> {
        let due = self.deadline(start.clone(), budget)?;
        let s = self.nanos(&start)?;
        let d = self.nanos(&due)?;
        Ok(self.trace(s.min(d), s.max(d), Answer::Deadline(due)))
    }

    fn trace(&self, a: i64, b: i64, answer: Answer) -> Explanation {
        let mut tracer = Tracer::default();
        match &self.versions {
            // Each version's clock traces its own span: its hours, holidays and special hours.
            Some(versions) => {
                for (clock, lo, hi) in versions.pieces(a, b) {
                    clock.trace_into(lo, hi, &mut tracer);
                }
            }
            None => self.trace_into(a, b, &mut tracer),
        }
        tracer.finish(self.coverage().time_zone(), answer)
    }

    fn trace_into(&self, a: i64, b: i64, tracer: &mut Tracer) {
        let coverage = self.coverage();
        let tz = coverage.time_zone();
        let first = DateTime::from_timestamp_nanos(a)
            .with_timezone(&tz)
            .date_naive()
            .checked_sub_days(Days::new(1))
            .expect("invariant: an instant in the supported range has a day before it");
        let day_start = |d: NaiveDate| wall_to_nanos(tz, d, 0);
        for date in first.iter_days() {
            let (Some(start), Some(end)) = (day_start(date), wall_to_nanos(tz, date, DAY_NANOS))
            else {
                break;
            };
            if start >= b {
                break;
            }
            let (lo, hi) = (start.max(a), end.min(b));
            if lo >= hi {
                continue;
            }
            let plan = coverage
                .day_plan(date)
                .expect("invariant: a traced date is inside the supported range");
            let closed = match &plan {
                DayPlan::Holiday(h) => Some(SkipReason::Holiday((*h).clone())),
                DayPlan::Weekly([]) => Some(SkipReason::ClosedDay {
                    weekday: date.weekday(),
                }),
                _ => None,
            };
            let gap_reason = match &plan {
                DayPlan::Special(s, _) => SkipReason::SpecialHours {
                    name: s.name().to_owned(),
                },
                _ => SkipReason::OutsideHours,
            };
            if let Some(reason) = closed {
                tracer.closed_day(lo, hi, reason);
                continue;
            }
            if let DayPlan::Special(s, _) = &plan {
                tracer.special_day(s.name());
            }
            // When the service is open comes from the clock's index (one source of truth); the
            // day plan only names why the gaps between its open intervals are skipped.
            let mut cursor = lo;
            for (open, close) in self.inner.index.open_intervals(lo, hi) {
                tracer.skip(cursor, open, &gap_reason);
                tracer.push(open, close, None);
                cursor = close;
            }
            tracer.skip(cursor, hi, &gap_reason);
        }
    }
}
