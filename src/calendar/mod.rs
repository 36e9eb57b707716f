//! The Madrid working calendar: which days are holidays in the city of Madrid, and why.
//!
//! The Standard and Plus service hours exclude the holidays of Madrid. The working calendar of
//! the city of Madrid is the union of three lists, each published by decree every year:
//!
//! - **national** holidays, in the BOE resolution of the Dirección General de Trabajo;
//! - **regional** holidays of the Comunidad de Madrid, in its decree published in the BOCM
//!   (2 May, and its yearly choices: 19 March, 25 July, a Monday after a Sunday holiday…);
//! - the two **local** holidays of the city of Madrid, San Isidro (15 May) and Nuestra Señora de
//!   la Almudena (9 November), published in the BOCM, moved by the city when they fall on Sunday.
//!
//! [`Calendar::madrid`] ships the official lists, each day with its source and how sure the
//! crate is of it: [`Provenance::Official`] where the bulletin was read and the day checked
//! against it, [`Provenance::Reported`] where the day comes from reports of the bulletin (its
//! source says what was not verified). It computes Easter itself ([`easter_sunday`]), and it
//! projects the other supported years from the choices of the official years (see
//! [`project_year`]), marking every such day [`Provenance::Projected`]. A projected year is a
//! forecast, **not an official calendar**.
//!
//! Another city, or a test set: [`Calendar::from_dates`] and [`Calendar::from_named_dates`] build
//! a calendar from plain dates; [`Calendar::from_holidays`] takes full [`Holiday`] values.
//!
//! The city publishes its calendar as open data: [`CalendarOverrides::from_city_csv`] reads that
//! file, so a new year applies without a new release. [`Calendar::to_ics`] writes the holidays as
//! an iCalendar document for a shared calendar.
//!
//! Validity: published lists (official or reported) for 2010–2026 (the years in the data
//! module); years 2000–2009 and 2027–2100 are projected. 2027's decree was published in autumn 2026 but could not be checked
//! against the bulletins yet: until it ships, add it with [`CalendarOverrides::replace_year`], or
//! read the city's open-data file with [`CalendarOverrides::from_city_csv`]. Supported years:
//! [`SUPPORTED_YEARS`].
//!
//! 24 and 31 December are working days in Madrid; add them (or any company closure) with
//! [`CalendarOverrides`], which also removes days or replaces a whole year when a new decree is
//! published, without a new release of this crate.
//!
//! # Source
//!
//! > «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00 (salvo festivos en
//! > Madrid)» and «según el calendario laboral de Madrid» — service hours exclude Madrid holidays.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use support_sla::calendar::{Calendar, Level};
//!
//! let cal = Calendar::madrid();
//! let isidro = NaiveDate::from_ymd_opt(2025, 5, 15).unwrap();
//! let holiday = cal.holiday(isidro)?.expect("San Isidro is a holiday in Madrid");
//! assert_eq!(holiday.level(), Level::Local);
//! assert!(holiday.provenance().is_published()); // reported: the BOCM list was not read
//! assert_eq!(cal.next_working_day(isidro)?, NaiveDate::from_ymd_opt(2025, 5, 16).unwrap());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod city_csv;
mod easter;
mod holiday;
mod ics;
mod madrid;
mod overrides;
mod rules;

pub use easter::easter_sunday;
pub use holiday::{Holiday, Level, Provenance};
pub use overrides::{CalendarOverrides, YearList};
pub use rules::project_year;

use crate::error::Error;
use chrono::{Datelike, NaiveDate, Weekday};
use std::borrow::Cow;
use std::ops::RangeInclusive;

/// The years for which a calendar answers: 2000 to 2100.
pub const SUPPORTED_YEARS: RangeInclusive<i32> = 2000..=2100;

const FIRST_YEAR: i32 = *SUPPORTED_YEARS.start();
const LAST_YEAR: i32 = *SUPPORTED_YEARS.end();

/// One year's holidays: in date order, and as a bitset by ordinal day for O(1) look-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Year {
    days: Vec<Holiday>,
    bits: [u64; 6],
}

impl Year {
    fn new(mut days: Vec<Holiday>) -> Year {
        days.sort_by_key(Holiday::date);
        let mut bits = [0u64; 6];
        for day in &days {
            let ordinal = day.date().ordinal0() as usize;
            if let Some(word) = bits.get_mut(ordinal / 64) {
                *word |= 1 << (ordinal % 64);
            }
        }
        Year { days, bits }
    }

    fn contains(&self, date: NaiveDate) -> bool {
        let ordinal = date.ordinal0() as usize;
        self.bits
            .get(ordinal / 64)
            .is_some_and(|word| word & (1 << (ordinal % 64)) != 0)
    }
}

/// A holiday calendar over [`SUPPORTED_YEARS`]: for each date, whether it is a holiday and which.
///
/// Built by [`Calendar::madrid`] (the official Madrid calendar), [`Calendar::empty`] (no
/// holidays) or [`Calendar::from_holidays`], then adjusted with
/// [`with_overrides`](Calendar::with_overrides). A built calendar is always valid: at most one
/// holiday per date, every date inside the supported years.
///
/// Queries are cheap: [`is_holiday`](Calendar::is_holiday) is a bit test.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use support_sla::calendar::Calendar;
///
/// let cal = Calendar::madrid();
/// let days: Vec<String> = cal.holidays_in_year(2025)?.iter().map(|h| h.to_string()).collect();
/// assert_eq!(days[0], "2025-01-01,national,official,Año Nuevo");
/// assert!(cal.is_holiday(NaiveDate::from_ymd_opt(2025, 11, 10).unwrap())?); // Almudena, moved
/// assert!(!cal.is_holiday(NaiveDate::from_ymd_opt(2025, 12, 24).unwrap())?); // a working day
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// One entry per supported year, `FIRST_YEAR` first.
    years: Vec<Year>,
}

impl std::hash::Hash for Calendar {
    /// Hashes which dates are holidays (not their names): equal calendars hash the same, and a
    /// hash stays cheap for a calendar of a hundred years.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for year in &self.years {
            year.bits.hash(state);
        }
    }
}

impl Calendar {
    /// The working calendar of the city of Madrid: the official lists for the years the crate
    /// ships (each day [`Provenance::Official`] or [`Provenance::Reported`] with its bulletin),
    /// projected by [`project_year`] from those lists for the other supported years
    /// ([`Provenance::Projected`]).
    ///
    /// # Panics
    ///
    /// Never: every supported year can be projected from the shipped lists.
    pub fn madrid() -> Calendar {
        let known: Vec<YearList> = madrid::OFFICIAL
            .iter()
            .map(|official| YearList::new(official.year, official_days(official)))
            .collect();
        let years = SUPPORTED_YEARS
            .map(|year| match known.iter().find(|list| list.year == year) {
                Some(official) => Year::new(official.holidays.clone()),
                None => Year::new(
                    rules::project_year(year, &known)
                        .expect("invariant: every supported year can be projected"),
                ),
            })
            .collect();
        Calendar { years }
    }

    /// A calendar with no holidays at all.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = support_sla::calendar::Calendar::empty();
    /// assert!(!cal.is_holiday(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn empty() -> Calendar {
        Calendar {
            years: SUPPORTED_YEARS.map(|_| Year::new(Vec::new())).collect(),
        }
    }

    /// A calendar with exactly these holidays.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] for a date outside [`SUPPORTED_YEARS`];
    /// [`Error::DuplicateDate`] for a date given twice.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use support_sla::calendar::{Calendar, Holiday, Level, Provenance};
    ///
    /// let day = NaiveDate::from_ymd_opt(2030, 8, 14).unwrap();
    /// let closure = Holiday::new(day, Level::Company, "Cierre", Provenance::Custom { source: "HR".into() });
    /// let cal = Calendar::from_holidays([closure])?;
    /// assert!(cal.is_holiday(day)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_holidays(holidays: impl IntoIterator<Item = Holiday>) -> Result<Calendar, Error> {
        let overrides = holidays
            .into_iter()
            .fold(CalendarOverrides::new(), CalendarOverrides::add_day);
        Calendar::empty().with_overrides(&overrides)
    }

    /// A calendar whose holidays are exactly `dates`: another city's, a test set. Each day is a
    /// [`Level::Company`] holiday named `"Festivo"` with provenance
    /// [`Provenance::Custom`] `{ source: "Calendar::from_dates" }`; give names with
    /// [`from_named_dates`](Calendar::from_named_dates), or full [`Holiday`] values with
    /// [`from_holidays`](Calendar::from_holidays).
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] for a date outside [`SUPPORTED_YEARS`];
    /// [`Error::DuplicateDate`] for a date given twice.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use support_sla::calendar::Calendar;
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    /// let barcelona_2025 = Calendar::from_dates([d(1, 1), d(1, 6), d(6, 24), d(9, 11), d(9, 24)])?;
    /// assert!(barcelona_2025.is_holiday(d(9, 11))?);
    /// assert!(Calendar::from_dates([d(1, 1), d(1, 1)]).is_err()); // a date given twice
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_dates(dates: impl IntoIterator<Item = NaiveDate>) -> Result<Calendar, Error> {
        Calendar::from_named_dates(dates.into_iter().map(|date| (date, "Festivo")))
    }

    /// A calendar whose holidays are exactly these `(date, name)` pairs. Each day is a
    /// [`Level::Company`] holiday with provenance [`Provenance::Custom`]
    /// `{ source: "Calendar::from_dates" }`.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] for a date outside [`SUPPORTED_YEARS`];
    /// [`Error::DuplicateDate`] for a date given twice.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use support_sla::calendar::Calendar;
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    /// let cal = Calendar::from_named_dates([(d(6, 24), "Sant Joan"), (d(9, 11), "Diada")])?;
    /// assert_eq!(cal.holiday(d(9, 11))?.unwrap().name(), "Diada");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_named_dates<N>(
        days: impl IntoIterator<Item = (NaiveDate, N)>,
    ) -> Result<Calendar, Error>
    where
        N: Into<Cow<'static, str>>,
    {
        Calendar::from_holidays(days.into_iter().map(|(date, name)| {
            let source = Cow::Borrowed("Calendar::from_dates");
            Holiday::new(date, Level::Company, name, Provenance::Custom { source })
        }))
    }

    /// This calendar with `overrides` applied: first each replaced year, then the removals,
    /// then the additions.
    ///
    /// # Errors
    ///
    /// - [`Error::YearOutOfRange`] for a year or date outside [`SUPPORTED_YEARS`];
    /// - [`Error::DuplicateDate`] for a date added twice, added while already a holiday, or
    ///   given twice in a replaced year or in the removals, or a year replaced twice (see
    ///   [`CalendarOverrides::validate`]);
    /// - [`Error::DateNotInYear`] for a day of a replaced year that falls in another year;
    /// - [`Error::NotAHoliday`] for a removal of a date that is not a holiday.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use support_sla::calendar::{Calendar, CalendarOverrides, Holiday, Level, Provenance};
    ///
    /// let eve = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap();
    /// let closure = Holiday::new(eve, Level::Company, "Nochebuena", Provenance::Custom { source: "convenio".into() });
    /// let overrides = CalendarOverrides::new().add_day(closure);
    /// let cal = Calendar::madrid().with_overrides(&overrides)?;
    /// assert!(cal.is_holiday(eve)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_overrides(mut self, overrides: &CalendarOverrides) -> Result<Calendar, Error> {
        // What needs no calendar (ranges, dates given twice, misplaced days) is checked once,
        // by the overrides themselves; what remains needs the calendar.
        overrides.validate()?;
        for list in &overrides.replace {
            let index = year_index(list.year)?;
            if let Some(year) = self.years.get_mut(index) {
                *year = Year::new(list.holidays.clone());
            }
        }
        for &date in &overrides.remove {
            let year = self.year_mut(date)?;
            let before = year.days.len();
            year.days.retain(|h| h.date() != date);
            if year.days.len() == before {
                return Err(Error::NotAHoliday { date });
            }
            *year = Year::new(std::mem::take(&mut year.days));
        }
        for holiday in &overrides.add {
            let year = self.year_mut(holiday.date())?;
            if year.contains(holiday.date()) {
                return Err(Error::DuplicateDate {
                    date: holiday.date(),
                });
            }
            let mut days = std::mem::take(&mut year.days);
            days.push(holiday.clone());
            *year = Year::new(days);
        }
        Ok(self)
    }

    /// Whether `date` is a holiday.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `date` is outside [`SUPPORTED_YEARS`].
    pub fn is_holiday(&self, date: NaiveDate) -> Result<bool, Error> {
        Ok(self.year(date.year())?.contains(date))
    }

    /// The holiday on `date`, if it is one.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `date` is outside [`SUPPORTED_YEARS`].
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<&Holiday>, Error> {
        let year = self.year(date.year())?;
        if !year.contains(date) {
            return Ok(None);
        }
        Ok(year.days.iter().find(|h| h.date() == date))
    }

    /// The holidays of `year`, in date order.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `year` is outside [`SUPPORTED_YEARS`].
    pub fn holidays_in_year(&self, year: i32) -> Result<&[Holiday], Error> {
        Ok(&self.year(year)?.days)
    }

    /// The holidays from `first` to `last`, both included, in date order.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `first` or `last` is outside [`SUPPORTED_YEARS`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = support_sla::calendar::Calendar::madrid();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    /// let names: Vec<&str> = cal.holidays_between(d(4, 1), d(5, 31))?.map(|h| h.name()).collect();
    /// assert_eq!(names.len(), 5); // Jueves y Viernes Santo, 1 y 2 de mayo, San Isidro
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holidays_between(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<impl Iterator<Item = &Holiday> + '_, Error> {
        let from = year_index(first.year())?;
        let to = year_index(last.year())?;
        let years = self.years.get(from..=to.max(from)).unwrap_or(&[]);
        Ok(years
            .iter()
            .flat_map(|y| y.days.iter())
            .filter(move |h| h.date() >= first && h.date() <= last))
    }

    /// Whether `date` is a working day: Monday to Friday and not a holiday.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `date` is outside [`SUPPORTED_YEARS`].
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Ok(!weekend && !self.is_holiday(date)?)
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `date` is outside [`SUPPORTED_YEARS`] or no working day
    /// follows it inside them.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        self.step_working_day(date, NaiveDate::succ_opt)
    }

    /// The last working day strictly before `date`.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when `date` is outside [`SUPPORTED_YEARS`] or no working day
    /// precedes it inside them.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate, Error> {
        self.step_working_day(date, NaiveDate::pred_opt)
    }

    fn step_working_day(
        &self,
        date: NaiveDate,
        step: fn(&NaiveDate) -> Option<NaiveDate>,
    ) -> Result<NaiveDate, Error> {
        self.year(date.year())?;
        let mut day = date;
        // Bounded: at most every day of the supported years is visited.
        loop {
            day = step(&day).ok_or_else(|| out_of_range(date.year()))?;
            if !SUPPORTED_YEARS.contains(&day.year()) {
                return Err(out_of_range(day.year()));
            }
            if self.is_working_day(day)? {
                return Ok(day);
            }
        }
    }

    fn year(&self, year: i32) -> Result<&Year, Error> {
        self.years
            .get(year_index(year)?)
            .ok_or_else(|| out_of_range(year))
    }

    fn year_mut(&mut self, date: NaiveDate) -> Result<&mut Year, Error> {
        let index = year_index(date.year())?;
        self.years
            .get_mut(index)
            .ok_or_else(|| out_of_range(date.year()))
    }
}

impl Default for Calendar {
    /// The Madrid calendar, [`Calendar::madrid`].
    fn default() -> Self {
        Calendar::madrid()
    }
}

fn year_index(year: i32) -> Result<usize, Error> {
    if SUPPORTED_YEARS.contains(&year) {
        usize::try_from(year - FIRST_YEAR).map_err(|_| out_of_range(year))
    } else {
        Err(out_of_range(year))
    }
}

fn out_of_range(year: i32) -> Error {
    Error::YearOutOfRange {
        year,
        supported: FIRST_YEAR..=LAST_YEAR,
    }
}

/// The shipped official days of one year as holidays, each citing the bulletin of its level.
fn official_days(year: &madrid::OfficialYear) -> Vec<Holiday> {
    year.days
        .iter()
        .map(|day| {
            let date = NaiveDate::from_ymd_opt(year.year, day.month, day.day).expect(
                "invariant: every shipped row is a valid date (tests/calendar_official.rs)",
            );
            let source = match day.level {
                Level::National => year.national_source,
                Level::Regional => year.regional_source,
                Level::Local | Level::Company => year.local_source,
            };
            let provenance = match source {
                madrid::Source::Read(text) => Provenance::Official {
                    source: Cow::Borrowed(text),
                },
                madrid::Source::Reported(text) => Provenance::Reported {
                    source: Cow::Borrowed(text),
                },
            };
            Holiday::new(date, day.level, day.name, provenance)
        })
        .collect()
}
