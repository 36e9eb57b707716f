//! Weekly service hours: for each weekday, half-open wall-clock windows.

use crate::error::Error;
use crate::iso::{write_fraction, NANOS_PER_SECOND};
use chrono::{NaiveTime, Timelike, Weekday};
use std::fmt;
use std::str::FromStr;

/// Nanoseconds in a civil day of 24 hours.
pub(crate) const DAY_NANOS: u64 = 86_400 * NANOS_PER_SECOND as u64;

/// Nanoseconds in a second, as this module counts.
const SECOND: u64 = NANOS_PER_SECOND as u64;

/// The days of the week, Monday first: the order of a schedule's days and of day ranges.
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// One half-open window of wall-clock time `[open, close)` within a day, at nanosecond
/// resolution. `close` may be the end of the day (24:00).
///
/// A window never crosses midnight: hours from 22:00 to 06:00 are two windows, `22:00-24:00` on
/// one day and `00:00-06:00` on the next. The clock joins windows that touch, so such a night
/// counts as one stretch of service and [`Clock::next_close`](crate::clock::Clock::next_close)
/// answers 06:00, not midnight.
///
/// Windows are read from a [`Schedule`]; build them with [`ScheduleBuilder::window`] or parse
/// a schedule's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Window {
    open: u64,
    close: u64,
}

impl Window {
    /// The opening wall time.
    pub fn open(&self) -> NaiveTime {
        nanos_to_time(self.open)
    }

    /// The closing wall time; `None` when the window ends at the end of the day (24:00).
    pub fn close(&self) -> Option<NaiveTime> {
        (self.close < DAY_NANOS).then(|| nanos_to_time(self.close))
    }

    /// The opening, in nanoseconds after midnight.
    pub(crate) fn open_nanos(&self) -> u64 {
        self.open
    }

    /// The closing, in nanoseconds after midnight (`DAY_NANOS` for 24:00).
    pub(crate) fn close_nanos(&self) -> u64 {
        self.close
    }
}

impl fmt::Display for Window {
    /// `HH:MM-HH:MM`, with seconds and fractions only when present; 24:00 for the end of day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", WallTime(self.open), WallTime(self.close))
    }
}

/// A wall time in nanoseconds after midnight, displayed `HH:MM[:SS[.fffffffff]]`.
struct WallTime(u64);

impl fmt::Display for WallTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0 / SECOND;
        let nanos = (self.0 % SECOND) as u32;
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        write!(f, "{h:02}:{m:02}")?;
        if s != 0 || nanos != 0 {
            write!(f, ":{s:02}")?;
        }
        write_fraction(f, nanos)
    }
}

/// The wall time `nanos` after midnight (`nanos < DAY_NANOS`: an opening, or a closing before
/// 24:00).
fn nanos_to_time(nanos: u64) -> NaiveTime {
    let seconds = (nanos / SECOND) as u32;
    NaiveTime::from_num_seconds_from_midnight_opt(seconds, (nanos % SECOND) as u32)
        .expect("invariant: a window edge before 24:00 is a wall time of the day")
}

fn time_to_nanos(time: NaiveTime) -> u64 {
    u64::from(time.num_seconds_from_midnight()) * SECOND + u64::from(time.nanosecond())
}

/// Weekly service hours: for each weekday, zero or more non-overlapping windows in wall-clock
/// time.
///
/// A built schedule is always valid: every window has its opening before its closing, no two
/// windows of a day overlap, and the windows of each day are in order.
///
/// Its text form, used by `Display`, `FromStr` and serde, is a list of clauses separated by `;`,
/// each a day or a range of days and one or more windows:
/// `"mon-thu 09:00-17:30; fri 09:00-14:00"`. Days are `mon tue wed thu fri sat sun`; a range
/// does not wrap past Sunday. An empty text is a schedule that is never open.
///
/// # Example
///
/// ```
/// use chrono::{NaiveTime, Weekday};
/// use support_sla::coverage::Schedule;
///
/// let text: Schedule = "mon-thu 09:00-17:30; fri 09:00-14:00".parse()?;
/// let built = Schedule::builder()
///     .days(Weekday::Mon, Weekday::Thu, NaiveTime::from_hms_opt(9, 0, 0).unwrap(), NaiveTime::from_hms_opt(17, 30, 0).unwrap())
///     .window(Weekday::Fri, NaiveTime::from_hms_opt(9, 0, 0).unwrap(), NaiveTime::from_hms_opt(14, 0, 0).unwrap())
///     .build()?;
/// assert_eq!(text, built);
/// assert_eq!(built.to_string(), "mon-thu 09:00-17:30; fri 09:00-14:00");
/// assert_eq!(built.windows(Weekday::Sat), &[]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Schedule {
    /// Windows per weekday, Monday first, each day's in order.
    days: [Vec<Window>; 7],
}

impl Schedule {
    /// A builder of a schedule.
    pub fn builder() -> ScheduleBuilder {
        ScheduleBuilder::default()
    }

    /// Every day, all day: `mon-sun 00:00-24:00`.
    pub fn always() -> Schedule {
        let all_day = Window {
            open: 0,
            close: DAY_NANOS,
        };
        Schedule {
            days: std::array::from_fn(|_| vec![all_day]),
        }
    }

    /// Never open.
    pub fn closed() -> Schedule {
        Schedule {
            days: Default::default(),
        }
    }

    /// *Soporte estándar*: Monday to Thursday 09:00–17:30, Friday 09:00–14:00.
    ///
    /// # Source
    ///
    /// > «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00»
    pub fn standard() -> Schedule {
        let long = window(9 * 3600, 17 * 3600 + 1800);
        let short = window(9 * 3600, 14 * 3600);
        Schedule {
            days: [
                vec![long],
                vec![long],
                vec![long],
                vec![long],
                vec![short],
                vec![],
                vec![],
            ],
        }
    }

    /// *Soporte Plus*: Monday to Friday 09:00–20:00.
    ///
    /// # Source
    ///
    /// > «entre las 09:00 a 20:00 de lunes a viernes»
    pub fn plus() -> Schedule {
        let day = window(9 * 3600, 20 * 3600);
        Schedule {
            days: [
                vec![day],
                vec![day],
                vec![day],
                vec![day],
                vec![day],
                vec![],
                vec![],
            ],
        }
    }

    /// The windows of `weekday`, in order.
    pub fn windows(&self, weekday: Weekday) -> &[Window] {
        let [mon, tue, wed, thu, fri, sat, sun] = &self.days;
        match weekday {
            Weekday::Mon => mon,
            Weekday::Tue => tue,
            Weekday::Wed => wed,
            Weekday::Thu => thu,
            Weekday::Fri => fri,
            Weekday::Sat => sat,
            Weekday::Sun => sun,
        }
    }

    /// Whether the schedule has no window at all.
    pub fn is_closed(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }
}

const fn window(open_seconds: u64, close_seconds: u64) -> Window {
    Window {
        open: open_seconds * SECOND,
        close: close_seconds * SECOND,
    }
}

/// Builds a [`Schedule`], checking every window when [`build`](ScheduleBuilder::build) is called.
///
/// A closing time of `00:00` means the end of the day (24:00) after a later opening:
/// `window(Sat, 18:00, 00:00)` is Saturday 18:00–24:00. A window `00:00`–`00:00` is refused as
/// empty, as the text `sat 00:00-00:00` is: the whole day is [`all_day`](ScheduleBuilder::all_day)
/// (the text `sat 00:00-24:00`).
#[derive(Debug, Clone, Default)]
pub struct ScheduleBuilder {
    windows: Vec<(Weekday, NaiveTime, Closing)>,
    /// The first day range given that wraps past Sunday, refused by `build`.
    wrapping: Option<(Weekday, Weekday)>,
}

/// The closing edge of a window as given.
#[derive(Debug, Clone, Copy)]
enum Closing {
    /// A wall time; `00:00` after a later opening is 24:00.
    At(NaiveTime),
    /// The end of the day, 24:00, said as such.
    EndOfDay,
}

impl ScheduleBuilder {
    /// Adds the window `[open, close)` on `weekday`; a `close` of `00:00` is 24:00 (but
    /// `00:00`–`00:00` is refused: see [`all_day`](ScheduleBuilder::all_day)).
    #[must_use]
    pub fn window(mut self, weekday: Weekday, open: NaiveTime, close: NaiveTime) -> Self {
        self.windows.push((weekday, open, Closing::At(close)));
        self
    }

    /// Adds the whole of `weekday`, 00:00–24:00.
    ///
    /// ```
    /// use chrono::Weekday;
    /// use support_sla::coverage::Schedule;
    ///
    /// let weekend = Schedule::builder().all_day(Weekday::Sat).all_day(Weekday::Sun).build()?;
    /// assert_eq!(weekend.to_string(), "sat-sun 00:00-24:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn all_day(mut self, weekday: Weekday) -> Self {
        self.windows
            .push((weekday, NaiveTime::MIN, Closing::EndOfDay));
        self
    }

    /// Adds the window `[open, close)` on every day from `first` to `last`, both included, in
    /// Monday-first order. A range that wraps past Sunday (`Fri` to `Mon`) is refused by
    /// [`build`](ScheduleBuilder::build), as the text `fri-mon` is.
    #[must_use]
    pub fn days(
        mut self,
        first: Weekday,
        last: Weekday,
        open: NaiveTime,
        close: NaiveTime,
    ) -> Self {
        self.push_days(first, last, open, Closing::At(close));
        self
    }

    fn push_days(&mut self, first: Weekday, last: Weekday, open: NaiveTime, close: Closing) {
        let (a, b) = (first.num_days_from_monday(), last.num_days_from_monday());
        if a > b {
            self.wrapping.get_or_insert((first, last));
        }
        let count = (b + 1).saturating_sub(a) as usize;
        for &day in WEEKDAYS.iter().skip(a as usize).take(count) {
            self.windows.push((day, open, close));
        }
    }

    /// The schedule, checked.
    ///
    /// # Errors
    ///
    /// - [`Error::WrappingDays`] for a range of days that wraps past Sunday;
    /// - [`Error::InvalidWindow`] for a window whose opening is not before its closing
    ///   (`00:00-00:00` included), or with a leap-second time (`23:59:60`);
    /// - [`Error::OverlappingWindows`] for two windows of one day that overlap (windows that only
    ///   touch, `09:00-12:00` and `12:00-14:00`, are fine).
    ///
    /// # Panics
    ///
    /// Never: the table of weekdays holds every weekday.
    ///
    /// ```
    /// use chrono::{NaiveTime, Weekday};
    /// use support_sla::{coverage::Schedule, Error};
    ///
    /// let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    /// let err = Schedule::builder().window(Weekday::Mon, t(18), t(9)).build().unwrap_err();
    /// assert_eq!(err.to_string(), "window 18:00-09:00 on Mon is invalid: opening must come before closing");
    /// let err = Schedule::builder()
    ///     .window(Weekday::Tue, t(9), t(14))
    ///     .window(Weekday::Tue, t(13), t(17))
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err, Error::OverlappingWindows { weekday: Weekday::Tue, .. }));
    /// let err = Schedule::builder().days(Weekday::Fri, Weekday::Mon, t(9), t(17)).build().unwrap_err();
    /// assert_eq!(err.to_string(), "days Fri to Mon wrap past Sunday: a range runs Monday to Sunday, as in mon-fri");
    /// ```
    pub fn build(self) -> Result<Schedule, Error> {
        if let Some((first, last)) = self.wrapping {
            return Err(Error::WrappingDays { first, last });
        }
        let mut days: [Vec<Window>; 7] = Default::default();
        for (weekday, open, close) in self.windows {
            let window = checked_window(weekday, open, close)?;
            let (_, day) = WEEKDAYS
                .iter()
                .zip(days.iter_mut())
                .find(|(d, _)| **d == weekday)
                .expect("invariant: WEEKDAYS holds every weekday");
            day.push(window);
        }
        for (&weekday, day) in WEEKDAYS.iter().zip(days.iter_mut()) {
            day.sort();
            for pair in day.windows(2) {
                if let [first, second] = pair {
                    if second.open < first.close {
                        return Err(Error::OverlappingWindows {
                            weekday,
                            first: first.to_string(),
                            second: second.to_string(),
                        });
                    }
                }
            }
        }
        Ok(Schedule { days })
    }
}

/// The window `[open, close)` of `weekday`, checked.
fn checked_window(weekday: Weekday, open: NaiveTime, close: Closing) -> Result<Window, Error> {
    let close_nanos = match close {
        Closing::EndOfDay => DAY_NANOS,
        Closing::At(time) => time_to_nanos(time),
    };
    let invalid = |reason| Error::InvalidWindow {
        weekday,
        window: format!(
            "{}-{}",
            WallTime(time_to_nanos(open)),
            WallTime(close_nanos)
        ),
        reason,
    };
    let leap = |time: NaiveTime| time.nanosecond() >= NANOS_PER_SECOND;
    if leap(open) || matches!(close, Closing::At(time) if leap(time)) {
        return Err(invalid("a leap-second wall time is not a window edge"));
    }
    let open_nanos = time_to_nanos(open);
    let close_nanos = match close_nanos {
        0 if open_nanos == 0 => {
            return Err(invalid("it is empty: the whole day is 00:00-24:00"));
        }
        0 => DAY_NANOS,
        nanos => nanos,
    };
    if open_nanos >= close_nanos {
        return Err(invalid("opening must come before closing"));
    }
    Ok(Window {
        open: open_nanos,
        close: close_nanos,
    })
}

const DAY_WORDS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl fmt::Display for Schedule {
    /// The canonical text: consecutive days with the same windows grouped, `; ` between clauses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first_clause = true;
        let mut day = 0;
        while day < 7 {
            let windows = &self.days[day];
            let mut last = day;
            while last + 1 < 7 && self.days[last + 1] == *windows {
                last += 1;
            }
            if !windows.is_empty() {
                if !first_clause {
                    f.write_str("; ")?;
                }
                first_clause = false;
                f.write_str(DAY_WORDS[day])?;
                if last > day {
                    write!(f, "-{}", DAY_WORDS[last])?;
                }
                for window in windows {
                    write!(f, " {window}")?;
                }
            }
            day = last + 1;
        }
        Ok(())
    }
}

impl FromStr for Schedule {
    type Err = Error;

    /// Parses the text form (see [`Schedule`]).
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] quoting the text for a clause that is not `DAYS WINDOW…`, an unknown
    /// day word or a wall time that is not `HH:MM[:SS[.f]]`; then the errors of
    /// [`ScheduleBuilder::build`].
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let malformed = |reason| Error::Malformed {
            kind: "schedule",
            input: input.to_owned(),
            reason,
        };
        let mut builder = Schedule::builder();
        for clause in input.split(';').map(str::trim).filter(|c| !c.is_empty()) {
            let mut parts = clause.split_whitespace();
            let days = parts
                .next()
                .ok_or_else(|| malformed("a clause has no days"))?;
            let (first, last) = match days.split_once('-') {
                Some((a, b)) => (parse_day(a), parse_day(b)),
                None => (parse_day(days), parse_day(days)),
            };
            let (first, last) = first.zip(last).ok_or_else(|| {
                malformed("days must be mon, tue, wed, thu, fri, sat, sun or a range like mon-fri")
            })?;
            let mut any = false;
            for window in parts {
                any = true;
                let (open, close) = window
                    .split_once('-')
                    .ok_or_else(|| malformed("a window must be HH:MM-HH:MM"))?;
                let open = parse_wall(open).ok_or_else(|| {
                    malformed("a wall time must be HH:MM[:SS[.fraction]] from 00:00 to 24:00")
                })?;
                let close = match close {
                    "24:00" | "24:00:00" => Closing::EndOfDay,
                    text => Closing::At(parse_wall(text).ok_or_else(|| {
                        malformed("a wall time must be HH:MM[:SS[.fraction]] from 00:00 to 24:00")
                    })?),
                };
                builder.push_days(first, last, open, close);
            }
            if !any {
                return Err(malformed("a clause has days but no window"));
            }
        }
        builder.build()
    }
}

fn parse_day(word: &str) -> Option<Weekday> {
    let word = word.to_ascii_lowercase();
    DAY_WORDS
        .iter()
        .zip(WEEKDAYS)
        .find_map(|(d, weekday)| (*d == word).then_some(weekday))
}

/// `HH:MM[:SS[.f]]`, with at most nine fraction digits (as ISO 8601 durations).
fn parse_wall(text: &str) -> Option<NaiveTime> {
    if text.len() < 5 {
        return None;
    }
    if let Some((_, fraction)) = text.split_once('.') {
        if fraction.len() > 9 {
            return None;
        }
    }
    ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(text, format).ok())
        .filter(|t| t.nanosecond() < NANOS_PER_SECOND)
}

#[cfg(feature = "serde")]
impl serde::Serialize for Schedule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Schedule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
