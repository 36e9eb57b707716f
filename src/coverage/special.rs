//! Special hours: date-specific windows that replace the weekly ones.

use super::schedule::{Schedule, Window};
use crate::calendar::SUPPORTED_YEARS;
use crate::error::Error;
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Hours that replace a coverage's weekly windows on the dates from `first` to `last` (both
/// included): shortened days such as 24 and 31 December, or a summer schedule from 1 July to
/// 31 August.
///
/// The replacement is itself a weekly [`Schedule`], read on each date of the range by its
/// weekday, so a summer schedule `"mon-fri 08:00-15:00"` keeps weekends closed, and a shortened
/// 24 December `"mon-fri 09:00-14:00"` stays closed when the 24th falls on a Saturday. Write
/// `"mon-sun …"` to open every day of the range.
///
/// A holiday still closes its whole day: special hours change the hours of working days, they
/// do not open holidays (remove the holiday with
/// [`CalendarOverrides`](crate::calendar::CalendarOverrides) for that).
///
/// With the `serde` feature it reads and writes
/// `{"name": "Nochebuena", "first": "2025-12-24", "last": "2025-12-24", "hours": "mon-fri 09:00-14:00"}`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use support_sla::coverage::SpecialHours;
///
/// let eve = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap();
/// let short = SpecialHours::on("Nochebuena", eve, "mon-fri 09:00-14:00".parse()?)?;
/// assert_eq!(short.to_string(), "Nochebuena 2025-12-24: mon-fri 09:00-14:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "SpecialHoursDoc", into = "SpecialHoursDoc")
)]
pub struct SpecialHours {
    name: String,
    first: NaiveDate,
    last: NaiveDate,
    hours: Schedule,
}

impl SpecialHours {
    /// The hours `hours` on every date from `first` to `last`, both included.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSpecialHours`] when `first` is after `last`; [`Error::YearOutOfRange`]
    /// when a date is outside the supported years.
    pub fn new(
        name: impl Into<String>,
        first: NaiveDate,
        last: NaiveDate,
        hours: Schedule,
    ) -> Result<SpecialHours, Error> {
        let name = name.into();
        if first > last {
            return Err(Error::InvalidSpecialHours {
                name,
                reason: "its first date is after its last",
            });
        }
        for date in [first, last] {
            if !SUPPORTED_YEARS.contains(&date.year()) {
                return Err(Error::YearOutOfRange {
                    year: date.year(),
                    supported: SUPPORTED_YEARS,
                });
            }
        }
        Ok(SpecialHours {
            name,
            first,
            last,
            hours,
        })
    }

    /// The hours `hours` on the single date `date`.
    ///
    /// # Errors
    ///
    /// As [`SpecialHours::new`].
    pub fn on(
        name: impl Into<String>,
        date: NaiveDate,
        hours: Schedule,
    ) -> Result<SpecialHours, Error> {
        SpecialHours::new(name, date, date, hours)
    }

    /// The name shown in explanations ("Nochebuena", "Horario de verano").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first date.
    pub fn first(&self) -> NaiveDate {
        self.first
    }

    /// The last date (included).
    pub fn last(&self) -> NaiveDate {
        self.last
    }

    /// The hours, read by weekday on each date of the range.
    pub fn hours(&self) -> &Schedule {
        &self.hours
    }

    /// Whether `date` is in the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }

    /// The windows on `date` (which should be in the range).
    pub(crate) fn windows(&self, date: NaiveDate) -> &[Window] {
        self.hours.windows(date.weekday())
    }
}

impl fmt::Display for SpecialHours {
    /// `NAME FIRST[..LAST]: HOURS`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.name, self.first)?;
        if self.last != self.first {
            write!(f, "..{}", self.last)?;
        }
        write!(f, ": {}", self.hours)
    }
}

/// Sorts `list` by first date and refuses two ranges that share a date.
pub(crate) fn checked(mut list: Vec<SpecialHours>) -> Result<Vec<SpecialHours>, Error> {
    list.sort_by_key(|s| (s.first, s.last));
    for pair in list.windows(2) {
        if let [a, b] = pair {
            if b.first <= a.last {
                return Err(Error::OverlappingSpecialHours {
                    first: a.to_string(),
                    second: b.to_string(),
                });
            }
        }
    }
    Ok(list)
}

/// The special hours of `list` (sorted, disjoint) holding `date`, if any.
pub(crate) fn find(list: &[SpecialHours], date: NaiveDate) -> Option<&SpecialHours> {
    let after = list.partition_point(|s| s.first <= date);
    after
        .checked_sub(1)
        .and_then(|i| list.get(i))
        .filter(|s| s.contains(date))
}

/// The serialized form of [`SpecialHours`], checked on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecialHoursDoc {
    name: String,
    #[serde(deserialize_with = "date_field")]
    first: NaiveDate,
    #[serde(deserialize_with = "date_field")]
    last: NaiveDate,
    hours: Schedule,
}

/// A date written `YYYY-MM-DD`, for serde's `deserialize_with`: a date that does not exist
/// (`2025-02-30`) is reported as such.
#[cfg(feature = "serde")]
fn date_field<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text: std::borrow::Cow<'de, str> = serde::Deserialize::deserialize(deserializer)?;
    parse_date(&text).map_err(serde::de::Error::custom)
}

/// The date `text` (`YYYY-MM-DD`), or what is wrong with it.
#[cfg(feature = "serde")]
fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    let malformed = |reason| Error::Malformed {
        kind: "date",
        input: text.to_owned(),
        reason,
    };
    let number = |part: &str, width: usize| {
        (part.len() == width && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = text.split('-');
    let (year, month, day) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) => (number(y, 4), number(m, 2), number(d, 2)),
        _ => (None, None, None),
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(malformed("a date must be written YYYY-MM-DD"));
    };
    if !(1..=12).contains(&month) {
        return Err(malformed("there is no such month: months are 01 to 12"));
    }
    let year = i32::try_from(year).expect("invariant: four digits fit in an i32");
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| malformed("there is no such day in that month"))
}

#[cfg(feature = "serde")]
impl TryFrom<SpecialHoursDoc> for SpecialHours {
    type Error = Error;

    fn try_from(doc: SpecialHoursDoc) -> Result<Self, Self::Error> {
        SpecialHours::new(doc.name, doc.first, doc.last, doc.hours)
    }
}

#[cfg(feature = "serde")]
impl From<SpecialHours> for SpecialHoursDoc {
    fn from(s: SpecialHours) -> Self {
        SpecialHoursDoc {
            name: s.name,
            first: s.first,
            last: s.last,
            hours: s.hours,
        }
    }
}
