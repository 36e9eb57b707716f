//! The support policy as one value: coverage, objectives, priority, deadlines and intake rules
//! for every (tier, severity).
//!
//! [`SupportPolicy::madrid`] (also its `Default`) is the policy of the text: Standard hours for
//! Standard clients, Plus hours for Plus clients, around the clock for Vip Severity 1 and 2, Plus
//! hours for Vip Severity 3 and 4 (the text says nothing of them: a documented, configurable
//! default), on the Madrid working calendar, with the crate's placeholder [`Objectives`] table
//! (the policy text announces response and resolution figures but gives none: set them from the
//! contract; a status says which it used, [`ObjectiveSource`]).
//!
//! # Source
//!
//! > «IREO ofrece varios niveles de servicio para el soporte técnico, desde el soporte estándar
//! > en horario de oficina hasta un soporte 24x7x365 con valor añadido.»
//!
//! Gloss: several service levels, from office hours to 24x7x365.

mod feature_request;
#[cfg(feature = "serde")]
mod fields;
mod history;
mod hour_bank;
mod intake;
mod objectives;
mod reclassification;
mod scope;

pub use feature_request::{
    Availability, FeatureRequest, FeatureState, FeatureTransition, VendorAnswer,
};
pub use history::{PolicyDocument, PolicyHistory, PolicyVersion};
pub use hour_bank::{Activity, Consumption, HourBank, Package, Purchase};
pub use intake::{Accepted, Acknowledgement, ClosureNotification, PlusUrgentCalls, Refusal};
pub use objectives::{Objective, ObjectiveSource, Objectives};
pub use reclassification::Reclassification;
pub use scope::{
    assess_installation, Exclusion, RequestKind, ScopeDecision, SupportStanding, VoidingAction,
};

use crate::calendar::{Calendar, CalendarOverrides};
use crate::clock::{Clock, ClockCache};
use crate::coverage::{Coverage, Schedule, SpecialHours};
use crate::{error::Error, priority::Priority, severity::Severity, tier::Tier};
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt;
use std::sync::Arc;

/// The three coverages a policy builds clocks for; which one a ticket runs on depends on its
/// tier and severity (see [`SupportPolicy::coverage_kind`]).
///
/// # Example
///
/// ```
/// use support_sla::policy::CoverageKind;
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// assert_eq!(policy.coverage_kind(Tier::Vip, Severity::S1), CoverageKind::Always);
/// assert_eq!(policy.coverage_kind(Tier::Vip, Severity::S3), CoverageKind::Plus);
/// assert_eq!(CoverageKind::Plus.to_string(), "plus");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CoverageKind {
    /// The Standard hours (Mon–Thu 09:00–17:30, Fri 09:00–14:00 by default), on the calendar.
    Standard,
    /// The Plus hours (Mon–Fri 09:00–20:00 by default), on the calendar.
    Plus,
    /// Around the clock, every day of the year, holidays included.
    Always,
}

impl CoverageKind {
    /// The word for it: `"standard"`, `"plus"` or `"always"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CoverageKind::Standard => "standard",
            CoverageKind::Plus => "plus",
            CoverageKind::Always => "always",
        }
    }
}

impl fmt::Display for CoverageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The two deadlines of a ticket: when its first response and its resolution fall due.
///
/// Both are counted from the registration instant in service time of the ticket's coverage.
///
/// # Example
///
/// A Vip S1 ticket registered on Sunday 9 March 2025 at 03:00 in Madrid runs around the clock:
/// response due at 04:00, resolution at 11:00.
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// let registered = Madrid.with_ymd_and_hms(2025, 3, 9, 3, 0, 0).unwrap();
/// let due = policy.due(Tier::Vip, Severity::S1, registered)?;
/// assert_eq!(due.response, Madrid.with_ymd_and_hms(2025, 3, 9, 4, 0, 0).unwrap());
/// assert_eq!(due.resolution, Madrid.with_ymd_and_hms(2025, 3, 9, 11, 0, 0).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Deadlines {
    /// When the first response falls due.
    pub response: DateTime<Utc>,
    /// When the resolution falls due.
    pub resolution: DateTime<Utc>,
}

/// The default at-risk fraction: 250 thousandths, 25 % of the budget.
const DEFAULT_AT_RISK_PER_MILLE: u16 = 250;

/// The default threshold fractions: 50 %, 75 %, 90 % and 100 % of the budget.
const DEFAULT_THRESHOLDS_PER_MILLE: [u16; 4] = [500, 750, 900, 1000];

/// The configuration of a [`SupportPolicy`] in typed values: what a JSON or TOML document holds.
///
/// It holds a [`Schedule`] per tier and a [`Tz`]; in a document, schedules are in their text
/// form (`"mon-thu 09:00-17:30; fri 09:00-14:00"`), the zone is an
/// IANA name, durations are ISO 8601. Every field may be left out of a document (it then takes
/// the value of [`PolicyConfig::default`], the policy of the text); unknown fields are refused.
/// [`SupportPolicy::from_config`] checks it; [`SupportPolicy::config`] gives it back in canonical
/// form.
///
/// ```json
/// {
///   "standard_hours": "mon-thu 09:00-17:30; fri 09:00-14:00",
///   "plus_hours": "mon-fri 09:00-20:00",
///   "time_zone": "Europe/Madrid",
///   "calendar_overrides": {"add": [], "remove": [], "replace": []},
///   "vip_low_severity": "plus",
///   "objectives": {"default": {"s1": {"first_response": "PT1H", "resolution": "PT8H"}, "…": "…"}},
///   "reclassification": "keep_used",
///   "at_risk_per_mille": 250,
///   "thresholds_per_mille": [500, 750, 900, 1000],
///   "phone_number": "902 321 122",
///   "plus_urgent_calls": "beyond_standard_within_plus"
/// }
/// ```
///
/// # Example
///
/// ```
/// use support_sla::policy::{CoverageKind, PolicyConfig};
/// use support_sla::SupportPolicy;
///
/// let mut config = PolicyConfig::default();
/// config.vip_low_severity = CoverageKind::Always;
/// let policy = SupportPolicy::from_config(config.clone())?;
/// assert_eq!(policy.config(), &config);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
#[non_exhaustive]
pub struct PolicyConfig {
    /// The Standard weekly hours (in a document, as schedule text).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "fields::standard_hours"))]
    pub standard_hours: Schedule,
    /// The Plus weekly hours (in a document, as schedule text).
    #[cfg_attr(feature = "serde", serde(deserialize_with = "fields::plus_hours"))]
    pub plus_hours: Schedule,
    /// The zone the hours are read in (in a document, as its IANA name).
    #[cfg_attr(
        feature = "serde",
        serde(
            serialize_with = "fields::serialize_zone",
            deserialize_with = "fields::time_zone"
        )
    )]
    pub time_zone: Tz,
    /// Changes to [`Calendar::madrid`], the calendar whose holidays close Standard and Plus.
    pub calendar_overrides: CalendarOverrides,
    /// Date-specific hours replacing the weekly hours of Standard and Plus on their dates
    /// (24 and 31 December 09:00–14:00, a summer schedule…); none by default. The around-the-
    /// clock coverage has none.
    pub special_hours: Vec<SpecialHours>,
    /// The coverage of Vip Severity 3 and 4 tickets, which the policy does not specify.
    pub vip_low_severity: CoverageKind,
    /// The response and resolution objectives: the crate's placeholder table by default (the
    /// policy text gives no figures), to be set from the contract. In a document, left out
    /// means the crate's table, and a policy serializes without it while it holds the crate's
    /// table, so reading the document back keeps [`ObjectiveSource::CrateDefault`].
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Objectives::is_crate_default")
    )]
    pub objectives: Objectives,
    /// What a change of tier or severity does to the objectives (see [`Reclassification`];
    /// [`KeepUsed`](Reclassification::KeepUsed) by default).
    pub reclassification: Reclassification,
    /// An objective is *at risk* when it is pending and its remaining service time is less than
    /// this fraction of its budget, in thousandths (`250`, 25 %, by default; `0` never warns,
    /// `1000` warns as soon as any time is used). Valid from 0 to 1000.
    pub at_risk_per_mille: u16,
    /// The fractions of an objective's budget, in thousandths, whose instants
    /// [`SupportPolicy::thresholds`] gives (`[500, 750, 900, 1000]`: 50 %, 75 %, 90 % and
    /// 100 %, by default). Each from 0 to 1000, strictly increasing.
    pub thresholds_per_mille: Vec<u16>,
    /// The number clients call about a Severity 1 or 2 incident, quoting the ticket number
    /// (`"902 321 122"`, from the text: «avisar por teléfono (al 902 321 122)»); shown in
    /// [`Refusal::PhoneNeedsTicketNumber`] and [`Acknowledgement`]. Not empty.
    pub phone_number: String,
    /// When Plus clients may call about Severity 1 and 2 incidents: the reading of «fuera del
    /// horario de soporte estándar» ([`PlusUrgentCalls::BeyondStandardWithinPlus`] by default).
    pub plus_urgent_calls: PlusUrgentCalls,
}

impl Default for PolicyConfig {
    /// The policy of the text (see [`SupportPolicy::madrid`]).
    fn default() -> Self {
        PolicyConfig {
            standard_hours: Schedule::standard(),
            plus_hours: Schedule::plus(),
            time_zone: chrono_tz::Europe::Madrid,
            calendar_overrides: CalendarOverrides::new(),
            special_hours: Vec::new(),
            vip_low_severity: CoverageKind::Plus,
            objectives: Objectives::default(),
            reclassification: Reclassification::KeepUsed,
            at_risk_per_mille: DEFAULT_AT_RISK_PER_MILLE,
            thresholds_per_mille: DEFAULT_THRESHOLDS_PER_MILLE.to_vec(),
            phone_number: intake::TEXT_PHONE_NUMBER.to_owned(),
            plus_urgent_calls: PlusUrgentCalls::BeyondStandardWithinPlus,
        }
    }
}

/// Everything the support policy decides about a ticket, as one value: its coverage, priority,
/// objectives and deadlines, whether an intake is accepted, and (see
/// [`status`](crate::status)) its SLA status.
///
/// Building a policy builds three [`Clock`]s (Standard, Plus, around the clock), a few
/// milliseconds each: build it once and share it (cloning is cheap, it is `Send + Sync`).
///
/// Coverage by tier and severity:
///
/// | tier | S1, S2 | S3, S4 |
/// |---|---|---|
/// | Standard | Standard hours | Standard hours |
/// | Plus | Plus hours | Plus hours |
/// | Vip | around the clock | Plus hours (configurable: [`PolicyBuilder::vip_low_severity`]) |
///
/// # Source
///
/// > «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00 (salvo festivos en
/// > Madrid)» · «entre las 09:00 a 20:00 de lunes a viernes, según el calendario laboral de
/// > Madrid» · «Permite reportar incidencias de Severidad 1 y 2 en un horario de 24x7, todos los
/// > días del año.»
///
/// Gloss: Standard office hours, Plus 09:00–20:00 on working days, Vip S1/S2 around the clock.
///
/// # Example
///
/// A Plus S2 ticket registered on Friday 7 March 2025 at 19:00 in Madrid: one hour of Plus
/// service on Friday, then Monday from 09:00, so the 2-hour response is due Monday at 10:00.
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// let registered = Madrid.with_ymd_and_hms(2025, 3, 7, 19, 0, 0).unwrap();
/// let due = policy.due(Tier::Plus, Severity::S2, registered)?;
/// assert_eq!(due.response, Madrid.with_ymd_and_hms(2025, 3, 10, 10, 0, 0).unwrap());
/// assert_eq!(policy.priority(Tier::Plus, Severity::S2).to_string(), "P5");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PolicyDocument", into = "PolicyDocument")
)]
pub struct SupportPolicy {
    config: PolicyConfig,
    standard: Clock,
    plus: Clock,
    always: Clock,
    /// One configuration, a history of several, or one version of a history (see
    /// [`PolicyHistory`]).
    history: history::Role,
}

impl PartialEq for SupportPolicy {
    /// Two policies are equal when their configurations are, and their histories (a version of
    /// a history equals only the same version of an equal history).
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config && self.history.key() == other.history.key()
    }
}

impl Eq for SupportPolicy {}

impl SupportPolicy {
    /// The policy of the text, on the Madrid working calendar with the crate's placeholder
    /// objectives ([`ObjectiveSource::CrateDefault`]: the text gives no figures); the same as
    /// `SupportPolicy::default()`.
    ///
    /// # Panics
    ///
    /// Never in practice: the default configuration holds only the crate's own presets, and
    /// `Europe/Madrid` is a zone the clock resolves (a test pins this). It would panic only if
    /// that configuration were refused, which is a bug of this crate; use
    /// [`from_config`](SupportPolicy::from_config) to get an error instead.
    pub fn madrid() -> SupportPolicy {
        match SupportPolicy::from_config(PolicyConfig::default()) {
            Ok(policy) => policy,
            Err(error) => panic!("invariant: the default support policy is valid, but: {error}"),
        }
    }

    /// A builder starting from the policy of the text.
    ///
    /// ```
    /// use support_sla::policy::CoverageKind;
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::builder()
    ///     .plus_hours("mon-fri 08:00-20:00".parse()?)
    ///     .vip_low_severity(CoverageKind::Always)
    ///     .build()?;
    /// assert_eq!(policy.coverage_kind(Tier::Vip, Severity::S4), CoverageKind::Always);
    /// assert_eq!(policy.config().plus_hours.to_string(), "mon-fri 08:00-20:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder {
            config: PolicyConfig::default(),
        }
    }

    /// The policy of `config`, checked, with its three clocks built.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] naming the field, wrapping the cause: calendar overrides the
    /// calendar refuses (see [`Calendar::with_overrides`]), a zone the clock cannot resolve
    /// ([`Error::TimeZoneRule`]), hours that never open ([`Error::CoverageNeverOpen`]) or with
    /// more windows a day than a clock accepts ([`Error::TooManyWindows`]), an at-risk
    /// fraction or a threshold above 1000 thousandths ([`Error::PerMilleOutOfRange`]), or
    /// thresholds not strictly increasing ([`Error::ThresholdsNotIncreasing`]), an empty phone
    /// number ([`Error::Malformed`]). (A schedule
    /// text or a zone name that does not parse is refused when the document is read, with the
    /// same [`Error::InvalidConfig`].)
    pub fn from_config(config: PolicyConfig) -> Result<SupportPolicy, Error> {
        // The policy's three clocks share their zone's weeks (and a clock, when two of its
        // coverages are equal).
        SupportPolicy::from_config_in(config, &ClockCache::new())
    }

    /// The policy of `config`, as [`from_config`](SupportPolicy::from_config), with its clocks
    /// built through `cache`: policies with the same hours, calendar and zone share their
    /// clocks, and all the policies of one zone share its weeks. The way to build the policies
    /// of many tenants.
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::from_config`].
    ///
    /// ```
    /// use support_sla::clock::ClockCache;
    /// use support_sla::policy::{CoverageKind, PolicyConfig};
    /// use support_sla::SupportPolicy;
    ///
    /// let cache = ClockCache::new();
    /// let mut early = PolicyConfig::default();
    /// early.standard_hours = "mon-fri 07:00-15:00".parse()?;
    /// let a = SupportPolicy::from_config_in(early, &cache)?;
    /// let b = SupportPolicy::from_config_in(PolicyConfig::default(), &cache)?;
    /// // Each its Standard hours; the same Plus and 24x7 clocks, built once.
    /// assert_ne!(a.clock(CoverageKind::Standard).coverage(), b.clock(CoverageKind::Standard).coverage());
    /// assert_eq!(a.clock(CoverageKind::Plus).coverage(), b.clock(CoverageKind::Plus).coverage());
    /// assert_eq!(b, SupportPolicy::madrid());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_config_in(
        config: PolicyConfig,
        cache: &ClockCache,
    ) -> Result<SupportPolicy, Error> {
        let [standard, plus, always] = SupportPolicy::coverages(&config)?;
        let clock = |kind, coverage| SupportPolicy::clock_in(kind, coverage, cache);
        Ok(SupportPolicy {
            standard: clock(CoverageKind::Standard, standard)?,
            plus: clock(CoverageKind::Plus, plus)?,
            always: clock(CoverageKind::Always, always)?,
            config,
            history: history::Role::Single,
        })
    }

    /// The clock of `coverage`, the policy's coverage of `kind`, built through `cache`. A clock
    /// refuses its hours (never open, too many windows a day), named by their field, or its
    /// zone.
    pub(crate) fn clock_in(
        kind: CoverageKind,
        coverage: Coverage,
        cache: &ClockCache,
    ) -> Result<Clock, Error> {
        cache.clock(coverage).map_err(|error| {
            let field = match (&error, kind) {
                (Error::TimeZoneRule { .. }, _) | (_, CoverageKind::Always) => "time_zone",
                (_, CoverageKind::Standard) => "standard_hours",
                (_, CoverageKind::Plus) => "plus_hours",
            };
            Error::InvalidConfig {
                field,
                error: Box::new(error),
            }
        })
    }

    /// The three coverages of `config` (Standard, Plus, around the clock), checked.
    pub(crate) fn coverages(config: &PolicyConfig) -> Result<[Coverage; 3], Error> {
        let field = |field: &'static str| {
            move |error: Error| Error::InvalidConfig {
                field,
                error: Box::new(error),
            }
        };
        per_mille(config.at_risk_per_mille).map_err(field("at_risk_per_mille"))?;
        if config.phone_number.trim().is_empty() {
            return Err(field("phone_number")(Error::Malformed {
                kind: "phone number",
                input: config.phone_number.clone(),
                reason: "a phone number must not be empty",
            }));
        }
        let mut previous: Option<u16> = None;
        for &threshold in &config.thresholds_per_mille {
            per_mille(threshold).map_err(field("thresholds_per_mille"))?;
            if let Some(previous) = previous.filter(|&p| p >= threshold) {
                return Err(field("thresholds_per_mille")(
                    Error::ThresholdsNotIncreasing {
                        previous,
                        next: threshold,
                    },
                ));
            }
            previous = Some(threshold);
        }
        let (standard_hours, plus_hours, time_zone) =
            (&config.standard_hours, &config.plus_hours, config.time_zone);
        // One calendar, shared by the Standard and Plus coverages.
        let calendar = Arc::new(
            Calendar::madrid()
                .with_overrides(&config.calendar_overrides)
                .map_err(field("calendar_overrides"))?,
        );
        let office = |hours: &Schedule, calendar: Arc<Calendar>| {
            Coverage::new(hours.clone(), calendar)
                .with_time_zone(time_zone)
                .with_special_hours(config.special_hours.clone())
                .map_err(field("special_hours"))
        };
        Ok([
            office(standard_hours, Arc::clone(&calendar))?,
            office(plus_hours, calendar)?,
            Coverage::always().with_time_zone(time_zone),
        ])
    }

    /// The configuration of this policy, in canonical form (schedules as their `Display` text).
    /// Of a history, the configuration of its last version, as for every accessor of the
    /// configuration below: see [`in_force_at`](Self::in_force_at) for the version in force at
    /// an instant, and [`history`](Self::history) for all.
    pub fn config(&self) -> &PolicyConfig {
        &self.config
    }

    /// The re-classification rule of this policy (see [`Reclassification`]).
    pub fn reclassification(&self) -> Reclassification {
        self.config.reclassification
    }

    /// The objectives of this policy.
    pub fn objectives(&self) -> &Objectives {
        &self.config.objectives
    }

    /// Which coverage a ticket of `tier` and `severity` runs on.
    pub fn coverage_kind(&self, tier: Tier, severity: Severity) -> CoverageKind {
        match (tier, severity.is_urgent()) {
            (Tier::Standard, _) => CoverageKind::Standard,
            (Tier::Plus, _) => CoverageKind::Plus,
            (Tier::Vip, true) => CoverageKind::Always,
            (Tier::Vip, false) => self.config.vip_low_severity,
        }
    }

    /// The clock of `kind`.
    pub fn clock(&self, kind: CoverageKind) -> &Clock {
        match kind {
            CoverageKind::Standard => &self.standard,
            CoverageKind::Plus => &self.plus,
            CoverageKind::Always => &self.always,
        }
    }

    /// The clock counting service time for a ticket of `tier` and `severity`.
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::{Severity, SupportPolicy, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// let sunday_3am = Madrid.with_ymd_and_hms(2025, 3, 9, 3, 0, 0).unwrap();
    /// assert!(policy.coverage_clock(Tier::Vip, Severity::S1).is_open(sunday_3am)?);
    /// assert!(!policy.coverage_clock(Tier::Vip, Severity::S3).is_open(sunday_3am)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coverage_clock(&self, tier: Tier, severity: Severity) -> &Clock {
        self.clock(self.coverage_kind(tier, severity))
    }

    /// The objectives of a ticket of `tier` and `severity`.
    pub fn objective(&self, tier: Tier, severity: Severity) -> Objective {
        self.config.objectives.for_ticket(tier, severity)
    }

    /// The priority of a ticket of `tier` and `severity` (see [`Priority`]).
    pub fn priority(&self, tier: Tier, severity: Severity) -> Priority {
        Priority::new(tier, severity)
    }

    /// When the response and resolution of a ticket of `tier` and `severity` registered at
    /// `registered` fall due: the [`deadline`](Clock::deadline) of each objective from the
    /// registration instant on the ticket's coverage clock. A ticket registered out of hours
    /// starts consuming service time at the next opening. Of a history, the objectives are
    /// those of the version in force at `registered` (see [`in_force_at`](Self::in_force_at)).
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when `registered` is outside the clock's supported range;
    /// [`Error::DeadlineOutOfRange`] when a deadline would fall after it.
    pub fn due<Z: TimeZone>(
        &self,
        tier: Tier,
        severity: Severity,
        registered: DateTime<Z>,
    ) -> Result<Deadlines, Error> {
        let registered = registered.to_utc();
        let policy = self.in_force_at(registered);
        let clock = policy.coverage_clock(tier, severity);
        let objective = policy.objective(tier, severity);
        Ok(Deadlines {
            response: clock.deadline(registered, objective.first_response())?,
            resolution: clock.deadline(registered, objective.resolution())?,
        })
    }
}

impl Default for SupportPolicy {
    /// The policy of the text: [`SupportPolicy::madrid`].
    fn default() -> Self {
        SupportPolicy::madrid()
    }
}

impl TryFrom<PolicyConfig> for SupportPolicy {
    type Error = Error;

    fn try_from(config: PolicyConfig) -> Result<Self, Self::Error> {
        SupportPolicy::from_config(config)
    }
}

impl From<SupportPolicy> for PolicyConfig {
    /// The configuration of the policy; of a history, that of its last version (see
    /// [`SupportPolicy::config`]; [`PolicyDocument`] keeps every version).
    fn from(policy: SupportPolicy) -> Self {
        policy.config
    }
}

/// Builds a [`SupportPolicy`] from the policy of the text, changing what is set.
///
/// See [`SupportPolicy::builder`].
#[derive(Debug, Clone)]
#[must_use]
pub struct PolicyBuilder {
    config: PolicyConfig,
}

impl PolicyBuilder {
    /// The Standard weekly hours.
    pub fn standard_hours(mut self, schedule: Schedule) -> Self {
        self.config.standard_hours = schedule;
        self
    }

    /// The Plus weekly hours.
    pub fn plus_hours(mut self, schedule: Schedule) -> Self {
        self.config.plus_hours = schedule;
        self
    }

    /// Changes to the Madrid working calendar (company closures, next year's decree).
    pub fn calendar_overrides(mut self, overrides: CalendarOverrides) -> Self {
        self.config.calendar_overrides = overrides;
        self
    }

    /// Date-specific hours for Standard and Plus (see [`SpecialHours`]).
    pub fn special_hours(mut self, special_hours: Vec<SpecialHours>) -> Self {
        self.config.special_hours = special_hours;
        self
    }

    /// The zone the hours are read in (`Europe/Madrid` by default).
    pub fn time_zone(mut self, time_zone: Tz) -> Self {
        self.config.time_zone = time_zone;
        self
    }

    /// The coverage of Vip Severity 3 and 4 tickets ([`CoverageKind::Plus`] by default).
    pub fn vip_low_severity(mut self, coverage: CoverageKind) -> Self {
        self.config.vip_low_severity = coverage;
        self
    }

    /// The response and resolution objectives.
    pub fn objectives(mut self, objectives: Objectives) -> Self {
        self.config.objectives = objectives;
        self
    }

    /// What a change of tier or severity does to the objectives
    /// ([`Reclassification::KeepUsed`] by default).
    pub fn reclassification(mut self, rule: Reclassification) -> Self {
        self.config.reclassification = rule;
        self
    }

    /// The at-risk fraction, in thousandths of the budget (250 by default); checked by
    /// [`build`](PolicyBuilder::build).
    pub fn at_risk_per_mille(mut self, per_mille: u16) -> Self {
        self.config.at_risk_per_mille = per_mille;
        self
    }

    /// The threshold fractions, in thousandths of the budget (`[500, 750, 900, 1000]` by
    /// default); checked by [`build`](PolicyBuilder::build).
    ///
    /// ```
    /// use support_sla::SupportPolicy;
    ///
    /// let policy = SupportPolicy::builder().thresholds_per_mille([800, 1000]).build()?;
    /// assert_eq!(policy.config().thresholds_per_mille, [800, 1000]);
    /// assert!(SupportPolicy::builder().thresholds_per_mille([900, 500]).build().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn thresholds_per_mille(mut self, per_mille: impl IntoIterator<Item = u16>) -> Self {
        self.config.thresholds_per_mille = per_mille.into_iter().collect();
        self
    }

    /// The number to call about Severity 1 and 2 incidents (`902 321 122` by default);
    /// checked by [`build`](PolicyBuilder::build) (not empty).
    pub fn phone_number(mut self, number: impl Into<String>) -> Self {
        self.config.phone_number = number.into();
        self
    }

    /// When Plus clients may call about Severity 1 and 2 incidents
    /// ([`PlusUrgentCalls::BeyondStandardWithinPlus`] by default).
    pub fn plus_urgent_calls(mut self, reading: PlusUrgentCalls) -> Self {
        self.config.plus_urgent_calls = reading;
        self
    }

    /// The policy, checked, with its clocks built.
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::from_config`].
    pub fn build(self) -> Result<SupportPolicy, Error> {
        SupportPolicy::from_config(self.config)
    }

    /// The policy, checked, with its clocks built through `cache` (see
    /// [`SupportPolicy::from_config_in`]).
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::from_config`].
    ///
    /// ```
    /// use support_sla::clock::ClockCache;
    /// use support_sla::SupportPolicy;
    ///
    /// let cache = ClockCache::new();
    /// let tenants = ["mon-fri 08:00-20:00", "mon-fri 09:00-20:00", "mon-fri 08:00-20:00"]
    ///     .into_iter()
    ///     .map(|hours| SupportPolicy::builder().plus_hours(hours.parse()?).build_in(&cache))
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(tenants[0], tenants[2]);
    /// assert_ne!(tenants[0], tenants[1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build_in(self, cache: &ClockCache) -> Result<SupportPolicy, Error> {
        SupportPolicy::from_config_in(self.config, cache)
    }
}

/// `value` if it is a fraction of thousandths from 0 to 1000.
fn per_mille(value: u16) -> Result<u16, Error> {
    if value <= 1000 {
        Ok(value)
    } else {
        Err(Error::PerMilleOutOfRange { value })
    }
}
