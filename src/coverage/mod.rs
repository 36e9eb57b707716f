//! Coverage: when the service clock runs for a ticket.
//!
//! A [`Coverage`] is a weekly [`Schedule`] of wall-clock windows, read in a time zone
//! (`Europe/Madrid` unless told otherwise), minus the holidays of a
//! [`Calendar`] — or, for the around-the-clock service, every instant
//! of every day. The [`Clock`](crate::clock::Clock) built from it counts service time.
//!
//! # Source
//!
//! > «Para los tiempos de respuesta y tiempos de resolución, sólo se consideran las horas que
//! > transcurren dentro del horario oficial de servicio.»
//!
//! Gloss: response and resolution times count only the hours inside the official service hours.

mod schedule;
mod special;

pub(crate) use schedule::DAY_NANOS;
pub use schedule::{Schedule, ScheduleBuilder, Window};
pub use special::SpecialHours;

use crate::calendar::{Calendar, Holiday};
use crate::error::Error;
use chrono::{Datelike, NaiveDate, Weekday};
use chrono_tz::Tz;
use std::sync::Arc;

/// The most windows a day of a coverage's schedule (or of its special hours) may have for a
/// [`Clock`](crate::clock::Clock) to be built from it: a clock's size grows with the windows of
/// each distinct week, and this bound keeps any accepted coverage under about 16 MiB and 50 ms
/// to build. Windows that touch count one each.
pub const MAX_WINDOWS_PER_DAY: usize = 16;

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// What governs the hours of one local date of a coverage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DayPlan<'a> {
    /// A holiday of the coverage's calendar: closed all day.
    Holiday(&'a Holiday),
    /// The windows of the weekly schedule for the date's weekday.
    Weekly(&'a [Window]),
    /// The windows of special hours holding the date.
    Special(&'a SpecialHours, &'a [Window]),
}

#[cfg(test)]
impl DayPlan<'_> {
    /// The open windows of the day (the index's tests rebuild days from them).
    pub(crate) fn windows(&self) -> &[Window] {
        match self {
            DayPlan::Holiday(_) => &[],
            DayPlan::Weekly(w) | DayPlan::Special(_, w) => w,
        }
    }
}

/// When the service clock runs: a weekly schedule in a time zone, minus a calendar's holidays.
///
/// A coverage is a description; build a [`Clock`](crate::clock::Clock) from it to ask questions
/// about time. Cloning is cheap (the calendar is shared).
///
/// # Example
///
/// ```
/// use support_sla::coverage::{Coverage, Schedule};
/// use support_sla::calendar::Calendar;
///
/// let standard = Coverage::standard();
/// assert_eq!(standard.schedule().to_string(), "mon-thu 09:00-17:30; fri 09:00-14:00");
/// assert_eq!(standard.time_zone(), chrono_tz::Europe::Madrid);
/// assert!(standard.calendar().is_some());
///
/// // A night shift in Lisbon, on the Madrid calendar:
/// let night = Coverage::new("mon-fri 00:00-06:00 22:00-24:00".parse::<Schedule>()?, Calendar::madrid())
///     .with_time_zone(chrono_tz::Europe::Lisbon);
/// assert_eq!(night.time_zone().name(), "Europe/Lisbon");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Coverage {
    schedule: Schedule,
    calendar: Option<Arc<Calendar>>,
    time_zone: Tz,
    /// Sorted by first date, disjoint.
    special_hours: Vec<SpecialHours>,
}

impl Coverage {
    /// The schedule `schedule` in `Europe/Madrid`, closed on the holidays of `calendar`.
    ///
    /// The calendar is held behind an [`Arc`]: pass an `Arc<Calendar>` to share one calendar
    /// between coverages (a policy's Standard and Plus hours, or many tenants on the Madrid
    /// calendar) instead of holding a copy each.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use support_sla::calendar::Calendar;
    /// use support_sla::coverage::{Coverage, Schedule};
    ///
    /// let madrid = Arc::new(Calendar::madrid());
    /// let standard = Coverage::new(Schedule::standard(), Arc::clone(&madrid));
    /// let plus = Coverage::new(Schedule::plus(), madrid);
    /// assert!(std::ptr::eq(standard.calendar().unwrap(), plus.calendar().unwrap()));
    /// ```
    pub fn new(schedule: Schedule, calendar: impl Into<Arc<Calendar>>) -> Coverage {
        Coverage {
            schedule,
            calendar: Some(calendar.into()),
            time_zone: chrono_tz::Europe::Madrid,
            special_hours: Vec::new(),
        }
    }

    /// The schedule `schedule` in `Europe/Madrid`, open on holidays too.
    pub fn ignoring_holidays(schedule: Schedule) -> Coverage {
        Coverage {
            schedule,
            calendar: None,
            time_zone: chrono_tz::Europe::Madrid,
            special_hours: Vec::new(),
        }
    }

    /// This coverage with `special_hours` replacing its weekly windows on their dates (any
    /// special hours it had are replaced). A holiday still closes its whole day.
    ///
    /// # Errors
    ///
    /// [`Error::OverlappingSpecialHours`] when two of them share a date.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeDelta, TimeZone};
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::clock::Clock;
    /// use support_sla::coverage::{Coverage, SpecialHours};
    ///
    /// let eve = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap();
    /// let short = SpecialHours::on("Nochebuena", eve, "mon-fri 09:00-14:00".parse()?)?;
    /// let clock = Clock::new(Coverage::standard().with_special_hours(vec![short])?)?;
    /// let day = |h| Madrid.with_ymd_and_hms(2025, 12, 24, h, 0, 0).unwrap();
    /// assert_eq!(clock.elapsed(day(0), day(23))?, TimeDelta::hours(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_special_hours(
        mut self,
        special_hours: Vec<SpecialHours>,
    ) -> Result<Coverage, Error> {
        self.special_hours = special::checked(special_hours)?;
        Ok(self)
    }

    /// The special hours, sorted by date.
    pub fn special_hours(&self) -> &[SpecialHours] {
        &self.special_hours
    }

    /// What governs the hours of `date`: a holiday, special hours, or the weekly schedule.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when the coverage has a calendar and `date` is outside its
    /// supported years.
    pub(crate) fn day_plan(&self, date: NaiveDate) -> Result<DayPlan<'_>, Error> {
        if let Some(calendar) = self.calendar.as_deref() {
            if let Some(holiday) = calendar.holiday(date)? {
                return Ok(DayPlan::Holiday(holiday));
            }
        }
        Ok(match special::find(&self.special_hours, date) {
            Some(special) => DayPlan::Special(special, special.windows(date)),
            None => DayPlan::Weekly(self.schedule.windows(date.weekday())),
        })
    }

    /// The first weekday of the schedule or of special hours with more windows than
    /// [`MAX_WINDOWS_PER_DAY`], as `(weekday, count)`.
    pub(crate) fn busiest_day_over_limit(&self) -> Option<(Weekday, usize)> {
        std::iter::once(&self.schedule)
            .chain(self.special_hours.iter().map(SpecialHours::hours))
            .flat_map(|schedule| WEEKDAYS.map(|weekday| (weekday, schedule.windows(weekday).len())))
            .find(|&(_, count)| count > MAX_WINDOWS_PER_DAY)
    }

    /// This coverage with its windows read in `time_zone`.
    #[must_use]
    pub fn with_time_zone(mut self, time_zone: Tz) -> Coverage {
        self.time_zone = time_zone;
        self
    }

    /// This coverage closed on the holidays of `calendar` (replacing any calendar it had); an
    /// `Arc<Calendar>` is shared, not copied.
    #[must_use]
    pub fn with_calendar(mut self, calendar: impl Into<Arc<Calendar>>) -> Coverage {
        self.calendar = Some(calendar.into());
        self
    }

    /// *Soporte estándar*: Monday to Thursday 09:00–17:30 and Friday 09:00–14:00, Madrid time,
    /// closed on Madrid holidays ([`Calendar::madrid`]).
    ///
    /// # Source
    ///
    /// > «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00 (salvo festivos en
    /// > Madrid)»
    pub fn standard() -> Coverage {
        Coverage::new(Schedule::standard(), Calendar::madrid())
    }

    /// *Soporte Plus*: Monday to Friday 09:00–20:00, Madrid time, on the Madrid working calendar.
    ///
    /// # Source
    ///
    /// > «entre las 09:00 a 20:00 de lunes a viernes, según el calendario laboral de Madrid»
    pub fn plus() -> Coverage {
        Coverage::new(Schedule::plus(), Calendar::madrid())
    }

    /// Around the clock, every day of the year, holidays included (Vip Severity 1 and 2).
    ///
    /// # Source
    ///
    /// > «Permite reportar incidencias de Severidad 1 y 2 en un horario de 24x7, todos los días
    /// > del año.»
    pub fn always() -> Coverage {
        Coverage::ignoring_holidays(Schedule::always())
    }

    /// The weekly windows.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// The calendar whose holidays close the coverage; `None` when holidays are worked.
    pub fn calendar(&self) -> Option<&Calendar> {
        self.calendar.as_deref()
    }

    /// The time zone the windows are read in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }
}
