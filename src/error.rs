//! The crate's one error type.
//!
//! [`Error`] is for bad configuration and for inputs outside the supported range only. Business
//! outcomes (an intake refused, an objective breached) are values, never errors.

use crate::feature::{FeatureState, FeatureTransition};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc, Weekday};
use std::ops::RangeInclusive;

/// Everything that can go wrong when building a value of this crate or asking it about an
/// instant it cannot answer for.
///
/// Every variant carries the offending value, and every message says what was wrong with which
/// value (lowercase, no trailing period), so a log line is enough to find the cause.
///
/// # Example
///
/// ```
/// use support_sla::{Error, Tier};
///
/// let err = "gold".parse::<Tier>().unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown tier "gold": expected one of standard, plus, vip"#);
/// assert!(matches!(err, Error::UnknownWord { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A word could not be parsed as one of the crate's vocabulary (tier, severity, channel…).
    #[error("unknown {kind} {}: expected {expected}", excerpt(input))]
    UnknownWord {
        /// What was being parsed (`"tier"`, `"severity"`…).
        kind: &'static str,
        /// The input, as given (the message quotes at most its first 80 characters).
        input: String,
        /// The accepted words, for the message.
        expected: &'static str,
    },

    /// A priority rank outside `1..=12`.
    #[error("priority rank {rank} is out of range: expected 1 to 12")]
    RankOutOfRange {
        /// The rank given.
        rank: u8,
    },

    /// A year outside the range the crate has data for.
    #[error("year {year} is outside the supported range {}..={}", supported.start(), supported.end())]
    YearOutOfRange {
        /// The year asked for.
        year: i32,
        /// The years supported.
        supported: RangeInclusive<i32>,
    },

    /// An instant outside the range a coverage was built for.
    #[error(
        "instant {instant} is outside the supported range {} to {}",
        supported.start(),
        supported.end()
    )]
    InstantOutOfRange {
        /// The instant asked about.
        instant: DateTime<Utc>,
        /// The instants supported, first and last included.
        supported: RangeInclusive<DateTime<Utc>>,
    },

    /// A deadline that would fall outside the range a coverage was built for.
    #[error(
        "a budget of {} from {start} runs past the supported range {} to {}",
        crate::iso::format(*budget),
        supported.start(),
        supported.end()
    )]
    DeadlineOutOfRange {
        /// The start instant.
        start: DateTime<Utc>,
        /// The budget, exact.
        budget: TimeDelta,
        /// The instants supported, first and last included.
        supported: RangeInclusive<DateTime<Utc>>,
    },

    /// A date given twice in the same list.
    #[error("date {date} is given more than once")]
    DuplicateDate {
        /// The repeated date.
        date: NaiveDate,
    },

    /// A day of a year's list that falls in another year.
    #[error("date {date} is not in year {year}, the year of the list it is given in")]
    DateNotInYear {
        /// The misplaced date.
        date: NaiveDate,
        /// The year of the list.
        year: i32,
    },

    /// A removal of a holiday that the calendar does not have.
    #[error("cannot remove {date}: it is not a holiday of the calendar")]
    NotAHoliday {
        /// The date asked to remove.
        date: NaiveDate,
    },

    /// A window that cannot be: opening not before closing, or a leap-second wall time.
    #[error("window {window} on {weekday} is invalid: {reason}")]
    InvalidWindow {
        /// The day of the window.
        weekday: Weekday,
        /// The window, as text (`18:00-09:00`).
        window: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A range of days that wraps past Sunday (`fri-mon`), in a schedule's text or builder.
    #[error(
        "days {first} to {last} wrap past Sunday: a range runs Monday to Sunday, as in mon-fri"
    )]
    WrappingDays {
        /// The first day of the range.
        first: Weekday,
        /// The last day of the range, before the first in the week.
        last: Weekday,
    },

    /// Two windows of the same day that overlap.
    #[error("windows {first} and {second} on {weekday} overlap")]
    OverlappingWindows {
        /// The day of the windows.
        weekday: Weekday,
        /// The earlier window, as text.
        first: String,
        /// The later window, as text.
        second: String,
    },

    /// A text that is not a valid window or schedule.
    #[error("invalid {kind} {}: {reason}", excerpt(input))]
    Malformed {
        /// What was being parsed (`"window"`, `"duration"`…).
        kind: &'static str,
        /// The input, as given (the message quotes at most its first 80 characters).
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A time zone whose offset changes could not be resolved into window edges.
    #[error("time zone {zone} has an offset change this crate cannot resolve (two changes within 36 hours)")]
    TimeZoneRule {
        /// The zone's IANA name.
        zone: String,
    },

    /// An IANA time-zone name that is not known.
    #[error("unknown time zone {}", excerpt(name))]
    UnknownTimeZone {
        /// The name given.
        name: String,
    },

    /// A field of a policy configuration that is not valid.
    ///
    /// The cause is also the error's [`source`](std::error::Error::source), for reporters that
    /// walk the chain.
    #[error("invalid policy field {field}: {error}")]
    InvalidConfig {
        /// The field (`"standard_hours"`, `"time_zone"`…).
        field: &'static str,
        /// What is wrong with it.
        #[source]
        error: Box<Error>,
    },

    /// A version of a policy history that is refused: its position and field, and why.
    #[error("invalid policy version {index}, field {field}: {error}")]
    InvalidVersion {
        /// The position of the version in the history (0 for the first).
        index: usize,
        /// The field (`"from"`, `"policy"`, `"calendar_overrides"`…).
        field: &'static str,
        /// What is wrong with it.
        #[source]
        error: Box<Error>,
    },

    /// A policy history with no version.
    #[error("a policy history needs at least one version")]
    EmptyHistory,

    /// A version after the first without the instant it takes effect.
    #[error("only the first version may leave out the instant it takes effect")]
    MissingVersionStart,

    /// A version that does not take effect after the one before it.
    #[error("{from} is not after {previous}, when the version before takes effect")]
    VersionsNotIncreasing {
        /// When the version takes effect.
        from: DateTime<Utc>,
        /// When the version before it takes effect.
        previous: DateTime<Utc>,
    },

    /// Versions of a history so close together that one week of its clock would hold more open
    /// stretches than a clock's week holds (only many versions a few hours apart can do that).
    #[error(
        "the versions in force in the week from {week_start} leave {count} open stretches in \
         it; a clock holds at most {limit} in a week"
    )]
    TooManyStretches {
        /// The first instant of the week.
        week_start: DateTime<Utc>,
        /// Its open stretches.
        count: usize,
        /// The most a week holds.
        limit: usize,
    },

    /// A later version that changes whether a date before it takes effect is a holiday.
    #[error(
        "it changes whether {date} is a holiday, a date before {from} when the version takes \
         effect: a correction to a past date is a new calendar, not a version"
    )]
    PastDateChanged {
        /// The date whose holiday status changes.
        date: NaiveDate,
        /// When the version takes effect.
        from: DateTime<Utc>,
    },

    /// Special hours whose dates do not make a range.
    #[error("special hours {} are invalid: {reason}", excerpt(name))]
    InvalidSpecialHours {
        /// The name of the special hours.
        name: String,
        /// What is wrong with them.
        reason: &'static str,
    },

    /// Two special hours that share a date.
    #[error("special hours {} and {} share dates", excerpt(first), excerpt(second))]
    OverlappingSpecialHours {
        /// The earlier, as text.
        first: String,
        /// The later, as text.
        second: String,
    },
    /// A step of a feature request that its state does not allow (forwarding twice, a second
    /// vendor reference, anything after availability, anything but forwarding before it).
    #[error("cannot {transition} a feature request that is {state}: {reason}")]
    FeatureRequestTransition {
        /// The step refused.
        transition: FeatureTransition,
        /// The state of the request.
        state: FeatureState,
        /// Why the state does not allow it.
        reason: &'static str,
    },

    /// A step of a feature request dated before the step it follows (the request, or its
    /// forwarding to the vendor).
    #[error("cannot {transition} a feature request at {at}: that is before {earliest}, when its previous step happened")]
    FeatureRequestTooEarly {
        /// The step refused.
        transition: FeatureTransition,
        /// The instant given.
        at: DateTime<Utc>,
        /// The earliest instant the step may have.
        earliest: DateTime<Utc>,
    },

    /// A consumption larger than what remains in an hour bank.
    #[error(
        "cannot consume {} from the hour bank: only {} remain",
        crate::iso::format(*requested),
        crate::iso::format(*available)
    )]
    HourBankOverdraw {
        /// The time asked for.
        requested: TimeDelta,
        /// The time that remains.
        available: TimeDelta,
    },

    /// A duration that cannot be what it is given for (a zero consumption, a 30-hour day).
    #[error("{what} of {} is invalid: {reason}", crate::iso::format(*duration))]
    InvalidDuration {
        /// What the duration was given for (`"consumption"`, `"day length"`…).
        what: &'static str,
        /// The duration given.
        duration: TimeDelta,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A fraction in thousandths above 1000 (an at-risk fraction, a threshold).
    #[error("{value} per mille is out of range: expected 0 to 1000")]
    PerMilleOutOfRange {
        /// The value given.
        value: u16,
    },

    /// Threshold fractions that are not strictly increasing.
    #[error("thresholds must be strictly increasing: {next} per mille comes after {previous}")]
    ThresholdsNotIncreasing {
        /// The earlier threshold.
        previous: u16,
        /// The threshold after it, not above it.
        next: u16,
    },

    /// A line of a city calendar file (the open-data CSV of the Ayuntamiento de Madrid) that
    /// cannot be read.
    #[error("line {line} of the city calendar file {input:?} cannot be read: {reason}")]
    CalendarFileLine {
        /// The line number, from 1.
        line: usize,
        /// The line, as read (cut to 120 characters).
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A timeline with no event: it needs at least the registration.
    #[error("a timeline needs at least one event, the registration of the ticket")]
    EmptyTimeline,

    /// An event that breaks a rule of a ticket's timeline (see the table of rules on
    /// `status::Timeline`).
    #[error("event {index} ({event} at {at}) {rule}")]
    InvalidTimeline {
        /// The position of the event in the list (0 for the first).
        index: usize,
        /// What the event is, as its text (`"paused"`, `"registered as plus S2"`).
        event: String,
        /// When the event happened.
        at: DateTime<Utc>,
        /// The rule it breaks.
        rule: TimelineRule,
    },

    /// A coverage that is never open inside the supported range: its schedule has no window,
    /// every day with a window is a holiday, or every window falls in a skipped hour.
    #[error("coverage {} in {zone} is never open in the supported range: its schedule has no window or every day with one is closed", excerpt(schedule))]
    CoverageNeverOpen {
        /// The coverage's weekly schedule, as text.
        schedule: String,
        /// The coverage's time zone (IANA name).
        zone: String,
    },

    /// A day of a coverage's schedule or special hours with more windows than a clock accepts.
    #[error("{weekday} has {count} windows; a clock accepts at most {limit} windows a day")]
    TooManyWindows {
        /// The weekday with too many windows.
        weekday: Weekday,
        /// Its number of windows.
        count: usize,
        /// The most accepted ([`MAX_WINDOWS_PER_DAY`](crate::coverage::MAX_WINDOWS_PER_DAY)).
        limit: usize,
    },

    /// A duration beyond what the crate's durations ([`chrono::TimeDelta`], about ±292 million
    /// years) hold, such as a `jiff::SignedDuration` near its limits.
    #[error("a duration of {seconds} s and {nanos} ns is beyond the crate's durations (at most about 292 million years either way)")]
    DurationOutOfRange {
        /// The duration's whole seconds.
        seconds: i64,
        /// Its nanoseconds past the whole seconds (the sign of `seconds`).
        nanos: i32,
    },
}

/// A rule of a ticket's timeline that an event breaks: what
/// [`Error::InvalidTimeline`] carries. Its text is the phrase of the message that follows the
/// event (`resumes a ticket that is not paused`).
///
/// # Example
///
/// ```
/// use support_sla::status::TimelineRule;
///
/// assert_eq!(TimelineRule::ResumeWithoutPause.to_string(), "resumes a ticket that is not paused");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimelineRule {
    /// The first event is not the registration.
    FirstEventNotRegistration,
    /// A registration that is not the first event.
    DuplicateRegistration,
    /// An event earlier than the event before it.
    OutOfOrder {
        /// The instant of the event before it.
        previous: DateTime<Utc>,
    },
    /// A resumption of a ticket that is not paused.
    ResumeWithoutPause,
    /// A pause of a ticket that is already paused.
    PauseWhilePaused,
    /// A pause of a ticket that is resolved.
    PauseAfterResolution,
    /// A second first response.
    DuplicateFirstResponse,
    /// A resolution of a ticket that is already resolved.
    AlreadyResolved,
    /// A reopening of a ticket that is not resolved.
    ReopenWithoutResolution,
    /// A closure of a ticket that is not resolved.
    CloseWithoutResolution,
    /// An event after the ticket was closed.
    EventAfterClose,
}

impl std::fmt::Display for TimelineRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimelineRule::FirstEventNotRegistration => {
                f.write_str("must be the registration of the ticket")
            }
            TimelineRule::DuplicateRegistration => {
                f.write_str("registers the ticket again: only the first event may")
            }
            TimelineRule::OutOfOrder { previous } => {
                write!(f, "is earlier than the event before it, at {previous}")
            }
            TimelineRule::ResumeWithoutPause => f.write_str("resumes a ticket that is not paused"),
            TimelineRule::PauseWhilePaused => f.write_str("pauses a ticket that is already paused"),
            TimelineRule::PauseAfterResolution => f.write_str("pauses a ticket that is resolved"),
            TimelineRule::DuplicateFirstResponse => f.write_str("is a second first response"),
            TimelineRule::AlreadyResolved => {
                f.write_str("resolves a ticket that is already resolved")
            }
            TimelineRule::ReopenWithoutResolution => {
                f.write_str("reopens a ticket that is not resolved")
            }
            TimelineRule::CloseWithoutResolution => {
                f.write_str("closes a ticket that is not resolved")
            }
            TimelineRule::EventAfterClose => f.write_str("comes after the ticket was closed"),
        }
    }
}

/// The most characters of an input an error message quotes.
const EXCERPT_CHARS: usize = 80;

/// `input` quoted for a message (`"mon 09:00-17:00"`), cut after [`EXCERPT_CHARS`] characters
/// with `…` and the input's length (`"mon 09:00-…" (1048576 bytes)`): a message never echoes a
/// whole megabyte of input. Every variant that echoes an input quotes it through this.
fn excerpt(input: &str) -> String {
    match input.char_indices().nth(EXCERPT_CHARS) {
        None => format!("{input:?}"),
        Some((cut, _)) => {
            let head = input
                .get(..cut)
                .expect("invariant: a char index is a char boundary");
            let quoted = format!("{head:?}");
            let open = quoted
                .strip_suffix('"')
                .expect("invariant: Debug of a str ends with a quote");
            format!("{open}…\" ({} bytes)", input.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn an_excerpt_quotes_short_inputs_whole_and_cuts_long_ones() {
        assert_eq!(excerpt("gold"), r#""gold""#);
        assert_eq!(excerpt(&"a".repeat(80)), format!("\"{}\"", "a".repeat(80)));
        assert_eq!(
            excerpt(&"é".repeat(81)),
            format!("\"{}…\" (162 bytes)", "é".repeat(80))
        );
    }
}
