//! The Vip bank of preventive on-site consulting hours: purchases, consumptions, balance.

use crate::error::Error;
use chrono::{NaiveDate, TimeDelta};
use std::fmt;
use std::str::FromStr;

/// A task of on-site preventive consulting, drawn from an [`HourBank`].
///
/// Written and parsed as `snake_case` words (`"contingency_plan"`); [`Other`](Self::Other) holds a
/// free description (the policy's list ends in «etc.»). In JSON: `"audit"`, `{"other": "…"}`.
///
/// # Source
///
/// > «Este servicio incluye tareas como auditorías del sistema, optimizaciones de la
/// > implantación, formación, definición de plan de contingencias, etc.»
///
/// Gloss: the service includes system audits, optimisation, training, contingency plans, etc.
///
/// # Example
///
/// ```
/// use support_sla::policy::Activity;
///
/// assert_eq!("contingency_plan".parse::<Activity>()?, Activity::ContingencyPlan);
/// assert_eq!("Backup review".parse::<Activity>()?, Activity::Other("Backup review".into()));
/// assert_eq!(Activity::Optimisation.to_string(), "optimisation");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Activity {
    /// A system audit («auditorías del sistema»).
    Audit,
    /// Optimising the implementation («optimizaciones de la implantación»).
    Optimisation,
    /// Training («formación»).
    Training,
    /// Defining a contingency plan («definición de plan de contingencias»).
    ContingencyPlan,
    /// Another preventive task («etc.»), described.
    Other(String),
}

impl fmt::Display for Activity {
    /// The word of the activity (`"audit"`…), or the description of [`Activity::Other`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Activity::Audit => "audit",
            Activity::Optimisation => "optimisation",
            Activity::Training => "training",
            Activity::ContingencyPlan => "contingency_plan",
            Activity::Other(description) => description,
        })
    }
}

impl FromStr for Activity {
    type Err = Error;

    /// Parses `audit`, `optimisation` (or `optimization`), `training` and `contingency_plan`,
    /// ignoring case and surrounding white space (`-` and spaces may stand for `_`); any other
    /// text is [`Activity::Other`] with that text, trimmed. So a description that reads as one of
    /// the words parses as that activity.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] when the input is empty or only white space.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let word = crate::words::normalize(input).replace(['-', ' '], "_");
        Ok(match word.as_str() {
            "" => {
                return Err(Error::UnknownWord {
                    kind: "activity",
                    input: input.to_owned(),
                    expected: "audit, optimisation, training, contingency_plan, or a description",
                })
            }
            "audit" => Activity::Audit,
            "optimisation" | "optimization" => Activity::Optimisation,
            "training" => Activity::Training,
            "contingency_plan" => Activity::ContingencyPlan,
            _ => Activity::Other(input.trim().to_owned()),
        })
    }
}

/// What a Vip client buys for its bank: a number of hours, or of days («paquete de jornadas»).
///
/// A day counts as the bank's [`day_length`](HourBank::day_length), fixed when the bank is
/// built (8 hours by default). In JSON: `{"hours": 40}`, `{"days": 5}`.
///
/// # Example
///
/// ```
/// use chrono::TimeDelta;
/// use support_sla::policy::Package;
///
/// assert_eq!(Package::Days(2).duration(TimeDelta::hours(8)), Some(TimeDelta::hours(16)));
/// assert_eq!(Package::Hours(3).to_string(), "3 hours");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Package {
    /// Whole hours («Bolsa de horas»).
    Hours(u32),
    /// Whole days of consulting («paquete de jornadas»).
    Days(u32),
}

impl Package {
    /// The service time the package buys when a day lasts `day_length`, or `None` if it cannot
    /// be represented (more than `i32::MAX` days).
    pub fn duration(self, day_length: TimeDelta) -> Option<TimeDelta> {
        match self {
            Package::Hours(hours) => TimeDelta::try_hours(i64::from(hours)),
            Package::Days(days) => i32::try_from(days)
                .ok()
                .and_then(|days| day_length.checked_mul(days)),
        }
    }
}

impl fmt::Display for Package {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Package::Hours(hours) => write!(f, "{hours} hours"),
            Package::Days(days) => write!(f, "{days} days"),
        }
    }
}

/// A package bought on a date.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use support_sla::policy::{Package, Purchase};
///
/// let purchase = Purchase { date: NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(), package: Package::Days(5) };
/// assert_eq!(purchase.package, Package::Days(5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Purchase {
    /// When it was bought.
    pub date: NaiveDate,
    /// What was bought.
    pub package: Package,
}

/// Time drawn from the bank: when, how long, for what.
///
/// In JSON the duration is ISO 8601 (`"PT1H30M"`).
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeDelta};
/// use support_sla::policy::{Activity, Consumption};
///
/// let visit = Consumption {
///     date: NaiveDate::from_ymd_opt(2025, 2, 3).unwrap(),
///     duration: TimeDelta::minutes(90),
///     activity: Activity::Audit,
/// };
/// assert_eq!(visit.duration, TimeDelta::minutes(90));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RawConsumption", into = "RawConsumption")
)]
pub struct Consumption {
    /// The day of the work.
    pub date: NaiveDate,
    /// How long it took, exact.
    pub duration: TimeDelta,
    /// What was done.
    pub activity: Activity,
}

/// A Vip client's bank of preventive on-site consulting time: what was bought, what was used,
/// what remains.
///
/// Amounts are [`TimeDelta`]s, exact to the nanosecond: three consumptions of 20 minutes leave
/// exactly one hour less, never 0.999… of one. A day bought counts as the bank's day length,
/// [`HourBank::DEFAULT_DAY_LENGTH`] (8 hours, a working day; the policy does not say) unless
/// the bank is built with [`HourBank::with_day_length`]; it is fixed for the life of the bank, so
/// days bought earlier never change value.
///
/// The bank is a Vip feature: it holds no tier, and [`RequestKind::scope`](super::RequestKind::scope)
/// sends only Vip clients' preventive consulting to it. Keeping one for a client of another tier
/// (a bank bought before a downgrade, say) is the caller's business.
///
/// The balance never goes below zero: a consumption larger than the balance is refused
/// ([`Error::HourBankOverdraw`]). Dates are recorded for the client's statement, not checked
/// against each other; the balance is that of everything recorded so far.
///
/// # Source
///
/// > «Bolsa de horas o paquete de jornadas de Consultoría de Soporte Técnico Preventivo in situ.»
/// > (Soporte VIP)
///
/// Gloss: Vip includes a bank of hours or a package of days of on-site preventive consulting.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeDelta};
/// use support_sla::policy::{Activity, HourBank, Package};
///
/// let day = |d| NaiveDate::from_ymd_opt(2025, 3, d).unwrap();
/// let mut bank = HourBank::new();
/// bank.purchase(day(1), Package::Days(2))?;
/// bank.consume(day(10), TimeDelta::hours(3), Activity::Audit)?;
/// assert_eq!(bank.balance(), TimeDelta::hours(13));
/// let err = bank.consume(day(11), TimeDelta::hours(14), Activity::Training).unwrap_err();
/// assert_eq!(err.to_string(), "cannot consume PT14H from the hour bank: only PT13H remain");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RawHourBank", into = "RawHourBank")
)]
pub struct HourBank {
    day_length: TimeDelta,
    purchases: Vec<Purchase>,
    consumptions: Vec<Consumption>,
    purchased: TimeDelta,
    consumed: TimeDelta,
}

impl Default for HourBank {
    /// An empty bank with 8-hour days: [`HourBank::new`].
    fn default() -> Self {
        HourBank::new()
    }
}

impl HourBank {
    /// The length of a day bought when the bank does not say otherwise: 8 hours.
    pub const DEFAULT_DAY_LENGTH: TimeDelta = TimeDelta::hours(8);

    /// An empty bank whose days last [`HourBank::DEFAULT_DAY_LENGTH`] (8 hours).
    pub fn new() -> HourBank {
        HourBank {
            day_length: HourBank::DEFAULT_DAY_LENGTH,
            purchases: Vec::new(),
            consumptions: Vec::new(),
            purchased: TimeDelta::zero(),
            consumed: TimeDelta::zero(),
        }
    }

    /// An empty bank whose days last `day_length` (the contract's working day).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDuration`] when `day_length` is not positive or longer than 24 hours.
    ///
    /// ```
    /// use chrono::TimeDelta;
    /// use support_sla::policy::HourBank;
    ///
    /// let bank = HourBank::with_day_length(TimeDelta::minutes(7 * 60 + 30))?;
    /// assert_eq!(bank.day_length(), TimeDelta::minutes(450));
    /// assert!(HourBank::with_day_length(TimeDelta::zero()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_day_length(day_length: TimeDelta) -> Result<HourBank, Error> {
        let invalid = |reason| Error::InvalidDuration {
            what: "day length",
            duration: day_length,
            reason,
        };
        if day_length <= TimeDelta::zero() {
            return Err(invalid("a day must last more than zero"));
        }
        if day_length > TimeDelta::hours(24) {
            return Err(invalid("a day cannot last more than 24 hours"));
        }
        Ok(HourBank {
            day_length,
            ..HourBank::new()
        })
    }

    /// How long a day bought lasts.
    pub fn day_length(&self) -> TimeDelta {
        self.day_length
    }

    /// Records `package` bought on `date`, and gives the new balance.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDuration`] when the package is empty (zero hours or days) or the total
    /// bought would be too large to represent; the bank is then unchanged.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeDelta};
    /// use support_sla::policy::{HourBank, Package};
    ///
    /// let mut bank = HourBank::new();
    /// let date = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    /// assert_eq!(bank.purchase(date, Package::Hours(10))?, TimeDelta::hours(10));
    /// assert_eq!(bank.purchase(date, Package::Days(1))?, TimeDelta::hours(18));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn purchase(&mut self, date: NaiveDate, package: Package) -> Result<TimeDelta, Error> {
        let too_large = |duration| Error::InvalidDuration {
            what: "purchase",
            duration,
            reason: "the total bought is too large to count",
        };
        let bought = package
            .duration(self.day_length)
            .ok_or(too_large(self.day_length))?;
        if bought <= TimeDelta::zero() {
            return Err(Error::InvalidDuration {
                what: "purchase",
                duration: bought,
                reason: "a package must buy some time",
            });
        }
        self.purchased = self
            .purchased
            .checked_add(&bought)
            .ok_or(too_large(bought))?;
        self.purchases.push(Purchase { date, package });
        Ok(self.balance())
    }

    /// Records `duration` of `activity` done on `date`, drawn from the bank, and gives the new
    /// balance.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidDuration`] when `duration` is not positive.
    /// - [`Error::HourBankOverdraw`], naming `duration` and the balance, when `duration` is more
    ///   than the balance.
    ///
    /// The bank is unchanged on error. A consumption equal to the balance is accepted and leaves
    /// zero.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeDelta};
    /// use support_sla::policy::{Activity, HourBank, Package};
    ///
    /// let date = NaiveDate::from_ymd_opt(2025, 2, 3).unwrap();
    /// let mut bank = HourBank::new();
    /// bank.purchase(date, Package::Hours(1))?;
    /// for _ in 0..3 {
    ///     bank.consume(date, TimeDelta::minutes(20), Activity::Training)?;
    /// }
    /// assert_eq!(bank.balance(), TimeDelta::zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn consume(
        &mut self,
        date: NaiveDate,
        duration: TimeDelta,
        activity: Activity,
    ) -> Result<TimeDelta, Error> {
        if duration <= TimeDelta::zero() {
            return Err(Error::InvalidDuration {
                what: "consumption",
                duration,
                reason: "time drawn from the bank must be positive",
            });
        }
        let available = self.balance();
        if duration > available {
            return Err(Error::HourBankOverdraw {
                requested: duration,
                available,
            });
        }
        // Cannot overflow: consumed + duration <= purchased.
        self.consumed += duration;
        self.consumptions.push(Consumption {
            date,
            duration,
            activity,
        });
        Ok(self.balance())
    }

    /// The time bought so far.
    pub fn purchased(&self) -> TimeDelta {
        self.purchased
    }

    /// The time used so far.
    pub fn consumed(&self) -> TimeDelta {
        self.consumed
    }

    /// The time that remains: bought minus used, never negative.
    pub fn balance(&self) -> TimeDelta {
        self.purchased - self.consumed
    }

    /// The purchases, in the order recorded.
    pub fn purchases(&self) -> &[Purchase] {
        &self.purchases
    }

    /// The consumptions, in the order recorded.
    pub fn consumptions(&self) -> &[Consumption] {
        &self.consumptions
    }
}

/// The serialized form of a [`Consumption`]: the duration in ISO 8601.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsumption {
    date: NaiveDate,
    duration: String,
    activity: Activity,
}

#[cfg(feature = "serde")]
fn parse_duration(kind: &'static str, input: &str) -> Result<TimeDelta, Error> {
    crate::iso::parse(input).map_err(|reason| Error::Malformed {
        kind,
        input: input.to_owned(),
        reason,
    })
}

#[cfg(feature = "serde")]
impl TryFrom<RawConsumption> for Consumption {
    type Error = Error;

    fn try_from(raw: RawConsumption) -> Result<Self, Self::Error> {
        Ok(Consumption {
            date: raw.date,
            duration: parse_duration("consumption duration", &raw.duration)?,
            activity: raw.activity,
        })
    }
}

#[cfg(feature = "serde")]
impl From<Consumption> for RawConsumption {
    fn from(c: Consumption) -> Self {
        RawConsumption {
            date: c.date,
            duration: crate::iso::format(c.duration),
            activity: c.activity,
        }
    }
}

/// The serialized form of an [`HourBank`]: day length in ISO 8601 and the records; the totals
/// are recomputed, and every record checked again, when it is read.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHourBank {
    day_length: String,
    purchases: Vec<Purchase>,
    consumptions: Vec<Consumption>,
}

#[cfg(feature = "serde")]
impl TryFrom<RawHourBank> for HourBank {
    type Error = Error;

    fn try_from(raw: RawHourBank) -> Result<Self, Self::Error> {
        let mut bank = HourBank::with_day_length(parse_duration("day length", &raw.day_length)?)?;
        for purchase in raw.purchases {
            bank.purchase(purchase.date, purchase.package)?;
        }
        for c in raw.consumptions {
            bank.consume(c.date, c.duration, c.activity)?;
        }
        Ok(bank)
    }
}

#[cfg(feature = "serde")]
impl From<HourBank> for RawHourBank {
    fn from(bank: HourBank) -> Self {
        RawHourBank {
            day_length: crate::iso::format(bank.day_length),
            purchases: bank.purchases,
            consumptions: bank.consumptions,
        }
    }
}
