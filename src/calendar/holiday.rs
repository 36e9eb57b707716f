//! One holiday: its date, level, name and where it comes from.

use chrono::NaiveDate;
use std::borrow::Cow;
use std::fmt;

/// Who declares a holiday.
///
/// # Example
///
/// ```
/// use support_sla::calendar::Level;
/// assert_eq!(Level::Regional.to_string(), "regional");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Level {
    /// A national holiday of Spain (BOE), including the substitutable ones the Comunidad de
    /// Madrid keeps (6 January, Jueves Santo).
    National,
    /// A holiday the Comunidad de Madrid sets (BOCM): 2 May, the days it chooses (19 March,
    /// 25 July…) and the Mondays it moves a Sunday holiday to.
    Regional,
    /// A local holiday of the city of Madrid: San Isidro (15 May), Nuestra Señora de la Almudena
    /// (9 November), or the days the city moves them to.
    Local,
    /// A day the caller closes (company closure, 24 or 31 December…): not an official holiday.
    Company,
}

impl Level {
    /// The word used for the level in text output: `national`, `regional`, `local`, `company`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Regional => "regional",
            Level::Local => "local",
            Level::Company => "company",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Where a holiday of the calendar comes from.
///
/// An [`Official`](Provenance::Official) day was checked against its bulletin; a
/// [`Reported`](Provenance::Reported) day comes from an official list whose bulletin the crate
/// did not read (its source says what was not verified).
///
/// A [`Projected`](Provenance::Projected) day is this crate's forecast from the stable rules for a
/// year whose official calendar it does not ship: **it is not an official calendar**. Replace the
/// year with its decree when it is published (see
/// [`CalendarOverrides`](crate::calendar::CalendarOverrides)).
///
/// # Example
///
/// ```
/// use support_sla::calendar::Calendar;
/// use chrono::NaiveDate;
///
/// let cal = Calendar::madrid();
/// let new_year_2025 = cal.holiday(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())?.unwrap();
/// assert!(new_year_2025.provenance().is_official()); // BOE-A-2024-21316, read
/// let isidro_2025 = cal.holiday(NaiveDate::from_ymd_opt(2025, 5, 15).unwrap())?.unwrap();
/// assert_eq!(isidro_2025.provenance().to_string(), "reported"); // BOCM reference not verified
/// assert!(isidro_2025.provenance().is_published());
/// let christmas_2090 = cal.holiday(NaiveDate::from_ymd_opt(2090, 12, 25).unwrap())?.unwrap();
/// assert!(!christmas_2090.provenance().is_published());
/// assert_eq!(christmas_2090.provenance().to_string(), "projected");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Provenance {
    /// Published in an official bulletin; `source` names it (BOE resolution, BOCM decree…).
    Official {
        /// The bulletin and its reference.
        source: Cow<'static, str>,
    },
    /// Taken from an official list whose bulletin this crate did not read: reported by another
    /// publication (the BOE annex, the city's announcements, the press), or the best-supported
    /// choice where sources disagree. `source` names the bulletin and says what was not
    /// verified. Believed right, not checked: verify it against the bulletin before relying on it
    /// in a dispute.
    Reported {
        /// The bulletin the day should be in, and what of it was not verified.
        source: Cow<'static, str>,
    },
    /// Projected by this crate from the stable rules; not an official calendar.
    Projected,
    /// Added by the caller (a company closure, a day of a decree not yet shipped); `source` is
    /// the caller's note.
    Custom {
        /// The caller's note on where the day comes from.
        source: Cow<'static, str>,
    },
}

impl Provenance {
    /// Whether the day was checked against its official bulletin (shipped with the crate, or
    /// given by the caller as official). A [`Reported`](Provenance::Reported) day is not.
    pub fn is_official(&self) -> bool {
        matches!(self, Provenance::Official { .. })
    }

    /// Whether the day comes from a published official list, read
    /// ([`Official`](Provenance::Official)) or reported ([`Reported`](Provenance::Reported)):
    /// neither projected by the crate nor added by the caller.
    pub fn is_published(&self) -> bool {
        matches!(
            self,
            Provenance::Official { .. } | Provenance::Reported { .. }
        )
    }

    /// The source text, if any (`None` for projected days).
    pub fn source(&self) -> Option<&str> {
        match self {
            Provenance::Official { source }
            | Provenance::Reported { source }
            | Provenance::Custom { source } => Some(source),
            Provenance::Projected => None,
        }
    }

    /// The word used in text output: `official`, `reported`, `projected` or `custom`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Provenance::Official { .. } => "official",
            Provenance::Reported { .. } => "reported",
            Provenance::Projected => "projected",
            Provenance::Custom { .. } => "custom",
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A non-working day of the calendar: its date, level, official Spanish name and provenance.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use support_sla::calendar::{Holiday, Level, Provenance};
///
/// let closure = Holiday::new(
///     NaiveDate::from_ymd_opt(2025, 12, 24).unwrap(),
///     Level::Company,
///     "Cierre de empresa: Nochebuena",
///     Provenance::Custom { source: "acuerdo de empresa 2025".into() },
/// );
/// assert_eq!(closure.level(), Level::Company);
/// assert_eq!(closure.to_string(), "2025-12-24,company,custom,Cierre de empresa: Nochebuena");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Holiday {
    date: NaiveDate,
    level: Level,
    name: Cow<'static, str>,
    provenance: Provenance,
}

impl Holiday {
    /// A holiday on `date`.
    pub fn new(
        date: NaiveDate,
        level: Level,
        name: impl Into<Cow<'static, str>>,
        provenance: Provenance,
    ) -> Holiday {
        Holiday {
            date,
            level,
            name: name.into(),
            provenance,
        }
    }

    /// The date (a whole local day in Madrid).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Who declares it.
    pub fn level(&self) -> Level {
        self.level
    }

    /// Its name, as the official bulletin writes it (Spanish).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where it comes from.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }
}

/// `YYYY-MM-DD,level,provenance,name`: the line operators compare with the bulletin.
impl fmt::Display for Holiday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{},{}",
            self.date.format("%Y-%m-%d"),
            self.level,
            self.provenance,
            self.name
        )
    }
}
