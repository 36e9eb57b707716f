//! Caller changes to a calendar: company closures, removed days, a new decree.

use super::holiday::Holiday;
use super::SUPPORTED_YEARS;
use crate::error::Error;
use chrono::{Datelike, NaiveDate};

/// Changes a caller makes to a calendar without a new release of this crate: days to add
/// (company closures, 24 and 31 December…), days to remove, and whole years to replace (next
/// year's decree, once published).
///
/// Applied by [`Calendar::with_overrides`](super::Calendar::with_overrides), which checks them:
/// a built calendar never holds two holidays on one date or a date outside the supported years.
///
/// With the `serde` feature it (de)serializes as
/// `{"add": [...], "remove": ["2025-05-02"], "replace": [{"year": 2028, "holidays": [...]}]}`;
/// every field is optional and unknown fields are refused.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use support_sla::calendar::{Calendar, CalendarOverrides, Holiday, Level, Provenance};
///
/// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
/// let company = || Provenance::Custom { source: "acuerdo de empresa".into() };
/// let overrides = CalendarOverrides::new()
///     .add_day(Holiday::new(d(12, 24), Level::Company, "Nochebuena", company()))
///     .add_day(Holiday::new(d(12, 31), Level::Company, "Nochevieja", company()))
///     .remove_day(d(5, 2));
/// let cal = Calendar::madrid().with_overrides(&overrides)?;
/// assert!(cal.is_holiday(d(12, 24))? && cal.is_holiday(d(12, 31))?);
/// assert!(!cal.is_holiday(d(5, 2))?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "RawOverrides", into = "RawOverrides")
)]
#[non_exhaustive]
pub struct CalendarOverrides {
    /// Days to add; none may already be a holiday.
    pub add: Vec<Holiday>,
    /// Dates to remove; each must be a holiday.
    pub remove: Vec<NaiveDate>,
    /// Years whose whole list is replaced.
    pub replace: Vec<YearList>,
}

impl CalendarOverrides {
    /// No changes.
    pub fn new() -> CalendarOverrides {
        CalendarOverrides::default()
    }

    /// These overrides with `holiday` added.
    #[must_use]
    pub fn add_day(mut self, holiday: Holiday) -> CalendarOverrides {
        self.add.push(holiday);
        self
    }

    /// These overrides with the holiday on `date` removed.
    #[must_use]
    pub fn remove_day(mut self, date: NaiveDate) -> CalendarOverrides {
        self.remove.push(date);
        self
    }

    /// These overrides with the whole list of `year` replaced by `holidays`.
    #[must_use]
    pub fn replace_year(mut self, year: i32, holidays: Vec<Holiday>) -> CalendarOverrides {
        self.replace.push(YearList { year, holidays });
        self
    }

    /// Whether there is nothing to change.
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.remove.is_empty() && self.replace.is_empty()
    }

    /// Checks what can be checked without a calendar: every date inside the supported years,
    /// no date added or removed twice, no year replaced twice, each replaced year's days inside
    /// it and given once. Deserializing runs this check, so a document with such a mistake is
    /// refused when it is read, not when it is applied.
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`], [`Error::DuplicateDate`] (a year replaced twice names its
    /// 1 January) or [`Error::DateNotInYear`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use support_sla::calendar::CalendarOverrides;
    ///
    /// let d = NaiveDate::from_ymd_opt(2025, 5, 2).unwrap();
    /// let twice = CalendarOverrides::new().remove_day(d).remove_day(d);
    /// assert_eq!(twice.validate().unwrap_err().to_string(), "date 2025-05-02 is given more than once");
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        let in_range = |date: NaiveDate| {
            if SUPPORTED_YEARS.contains(&date.year()) {
                Ok(())
            } else {
                Err(Error::YearOutOfRange {
                    year: date.year(),
                    supported: SUPPORTED_YEARS,
                })
            }
        };
        let once = |dates: &mut Vec<NaiveDate>| {
            dates.sort();
            let twice = dates.windows(2).find_map(|pair| match pair {
                [a, b] if a == b => Some(*a),
                _ => None,
            });
            match twice {
                Some(date) => Err(Error::DuplicateDate { date }),
                None => Ok(()),
            }
        };
        let mut added: Vec<NaiveDate> = self.add.iter().map(Holiday::date).collect();
        let mut removed = self.remove.clone();
        for &date in added.iter().chain(&removed) {
            in_range(date)?;
        }
        once(&mut added)?;
        once(&mut removed)?;
        let mut years = Vec::new();
        for list in &self.replace {
            let first = NaiveDate::from_ymd_opt(list.year, 1, 1).ok_or(Error::YearOutOfRange {
                year: list.year,
                supported: SUPPORTED_YEARS,
            })?;
            in_range(first)?;
            years.push(first);
            let mut days: Vec<NaiveDate> = list.holidays.iter().map(Holiday::date).collect();
            if let Some(&date) = days.iter().find(|d| d.year() != list.year) {
                return Err(Error::DateNotInYear {
                    date,
                    year: list.year,
                });
            }
            once(&mut days)?;
        }
        once(&mut years)
    }
}

/// The serialized form of [`CalendarOverrides`], checked on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
struct RawOverrides {
    add: Vec<Holiday>,
    remove: Vec<NaiveDate>,
    replace: Vec<YearList>,
}

#[cfg(feature = "serde")]
impl TryFrom<RawOverrides> for CalendarOverrides {
    type Error = Error;

    fn try_from(raw: RawOverrides) -> Result<Self, Self::Error> {
        let overrides = CalendarOverrides {
            add: raw.add,
            remove: raw.remove,
            replace: raw.replace,
        };
        overrides.validate()?;
        Ok(overrides)
    }
}

#[cfg(feature = "serde")]
impl From<CalendarOverrides> for RawOverrides {
    fn from(o: CalendarOverrides) -> Self {
        RawOverrides {
            add: o.add,
            remove: o.remove,
            replace: o.replace,
        }
    }
}

/// The complete list of holidays of one year, replacing the calendar's (see
/// [`CalendarOverrides::replace_year`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct YearList {
    /// The year replaced.
    pub year: i32,
    /// All its holidays; each must fall in `year`.
    pub holidays: Vec<Holiday>,
}

impl YearList {
    /// The list `holidays` for `year`.
    pub fn new(year: i32, holidays: Vec<Holiday>) -> YearList {
        YearList { year, holidays }
    }
}
