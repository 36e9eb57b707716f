//! Response and resolution objectives: how much service time a ticket may take.

use crate::iso;
use crate::{error::Error, severity::Severity, tier::Tier};
use chrono::TimeDelta;
use std::collections::BTreeMap;
use std::fmt;

/// The two objectives of a ticket, in service time: its first response and its resolution, both
/// counted from registration.
///
/// A built objective is always valid: both durations are longer than zero.
///
/// # Source
///
/// > «Los tiempos de respuesta y resolución indicados a continuación son objetivos de calidad de
/// > servicio. IREO no garantiza el cumplimiento de estos objetivos en todos los casos»
///
/// Gloss: response and resolution times are quality-of-service objectives, not guarantees.
///
/// # Example
///
/// ```
/// use chrono::TimeDelta;
/// use support_sla::policy::Objective;
///
/// let objective = Objective::new(TimeDelta::minutes(90), TimeDelta::hours(8))?;
/// assert_eq!(objective.first_response(), TimeDelta::minutes(90));
/// assert_eq!(objective.to_string(), "response PT1H30M, resolution PT8H");
/// assert!(Objective::new(TimeDelta::zero(), TimeDelta::hours(8)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RawObjective", into = "RawObjective")
)]
pub struct Objective {
    first_response: TimeDelta,
    resolution: TimeDelta,
}

impl Objective {
    /// The objective of a first response within `first_response` and a resolution within
    /// `resolution` of service time.
    ///
    /// # Errors
    ///
    /// [`Error::Malformed`] naming the field (`first_response` or `resolution`) and quoting its
    /// value when it is zero or negative.
    pub fn new(first_response: TimeDelta, resolution: TimeDelta) -> Result<Objective, Error> {
        for (field, value) in [
            ("first_response duration", first_response),
            ("resolution duration", resolution),
        ] {
            if value <= TimeDelta::zero() {
                return Err(Error::Malformed {
                    kind: field,
                    input: iso::format(value),
                    reason: "an objective must be longer than zero",
                });
            }
        }
        Ok(Objective {
            first_response,
            resolution,
        })
    }

    /// Service time allowed from registration to the first response.
    pub const fn first_response(&self) -> TimeDelta {
        self.first_response
    }

    /// Service time allowed from registration to the resolution.
    pub const fn resolution(&self) -> TimeDelta {
        self.resolution
    }

    const fn hours(first_response: i64, resolution: i64) -> Objective {
        Objective {
            first_response: TimeDelta::seconds(first_response * 3600),
            resolution: TimeDelta::seconds(resolution * 3600),
        }
    }
}

impl fmt::Display for Objective {
    /// `response PT1H, resolution PT8H` (ISO 8601 durations).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "response {}, resolution {}",
            iso::format(self.first_response),
            iso::format(self.resolution)
        )
    }
}

/// Where the figures of an objective come from: the crate's placeholder table, or a
/// configuration (the contract's figures, set by the caller or a policy document).
///
/// The policy announces a table of response and resolution times that is not in the text («Los
/// tiempos de respuesta y resolución indicados a continuación son objetivos de calidad de
/// servicio.» — nothing follows), so every figure is either the crate's default or the
/// caller's. Whatever shows a figure says which (see
/// [`ObjectiveStatus::source`](crate::status::ObjectiveStatus::source)).
///
/// # Example
///
/// ```
/// use chrono::TimeDelta;
/// use support_sla::policy::{Objective, ObjectiveSource, Objectives};
/// use support_sla::{Severity, Tier};
///
/// let crate_table = Objectives::default();
/// assert_eq!(crate_table.source(Tier::Plus, Severity::S1), ObjectiveSource::CrateDefault);
/// let contract = crate_table.with_override(
///     Tier::Vip, Severity::S1, Objective::new(TimeDelta::minutes(30), TimeDelta::hours(4))?,
/// );
/// assert_eq!(contract.source(Tier::Vip, Severity::S1), ObjectiveSource::Configured);
/// assert_eq!(contract.source(Tier::Vip, Severity::S2), ObjectiveSource::CrateDefault);
/// assert_eq!(ObjectiveSource::CrateDefault.to_string(), "crate defaults (the policy text gives no figures)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ObjectiveSource {
    /// The crate's placeholder figures ([`Objectives::default`]), not the policy's nor a
    /// contract's.
    CrateDefault,
    /// Figures the caller configured ([`Objectives::new`], [`Objectives::with_override`], or
    /// the `objectives` of a policy document).
    Configured,
}

impl fmt::Display for ObjectiveSource {
    /// `crate defaults (the policy text gives no figures)` or `configured`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ObjectiveSource::CrateDefault => "crate defaults (the policy text gives no figures)",
            ObjectiveSource::Configured => "configured",
        })
    }
}

/// The objectives of every (tier, severity): a default per severity, and overrides for some
/// tiers.
///
/// [`Objectives::default`] is the crate's default table, **a default to be replaced by the
/// figures of the client's contract**: the policy refers to a table of times that is not in the
/// published text, so these figures are this crate's assumption, not the vendor's promise.
/// The objectives remember it: [`Objectives::source`] says, per (tier, severity), whether a
/// figure is the crate's default or configured, and a status carries that along.
///
/// | severity | first response | resolution |
/// |---|---|---|
/// | S1 | 1 h | 8 h |
/// | S2 | 2 h | 16 h |
/// | S3 | 4 h | 40 h |
/// | S4 | 8 h | 80 h |
///
/// All times are service time: they count only inside the ticket's coverage window.
///
/// With the `serde` feature it (de)serializes as
/// `{"default": {"s1": {"first_response": "PT1H", "resolution": "PT8H"}, "s2": …, "s3": …, "s4": …},
/// "overrides": [{"tier": "vip", "severity": "s1", "first_response": "PT30M", "resolution": "PT4H"}]}`
/// (durations in ISO 8601; `overrides` may be left out; unknown fields are refused). A left-out
/// `default` is the crate's table, and the crate's table serializes without it, so its
/// [`ObjectiveSource`] survives the round trip.
///
/// # Source
///
/// > «Los tiempos de respuesta y resolución indicados a continuación son objetivos de calidad de
/// > servicio. IREO no garantiza el cumplimiento de estos objetivos en todos los casos, aunque sí
/// > garantiza que realiza un seguimiento constante de la calidad de servicio»
///
/// Gloss: the times are objectives to be tracked, not guarantees.
///
/// # Example
///
/// ```
/// use chrono::TimeDelta;
/// use support_sla::policy::{Objective, Objectives};
/// use support_sla::{Severity, Tier};
///
/// let objectives = Objectives::default()
///     .with_override(Tier::Vip, Severity::S1, Objective::new(TimeDelta::minutes(30), TimeDelta::hours(4))?);
/// assert_eq!(objectives.for_ticket(Tier::Vip, Severity::S1).first_response(), TimeDelta::minutes(30));
/// assert_eq!(objectives.for_ticket(Tier::Plus, Severity::S1).first_response(), TimeDelta::hours(1));
/// assert_eq!(objectives.for_ticket(Tier::Standard, Severity::S4).resolution(), TimeDelta::hours(80));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RawObjectives", into = "RawObjectives")
)]
pub struct Objectives {
    /// Default objective per severity, S1 first.
    defaults: [Objective; 4],
    /// Per-tier overrides.
    overrides: BTreeMap<(Tier, Severity), Objective>,
    /// Where `defaults` come from (overrides are always configured).
    defaults_source: ObjectiveSource,
}

impl Default for Objectives {
    /// The crate's default table (see the type's docs): to be replaced by the contract's figures.
    fn default() -> Self {
        Objectives {
            defaults_source: ObjectiveSource::CrateDefault,
            ..Objectives::new([
                Objective::hours(1, 8),
                Objective::hours(2, 16),
                Objective::hours(4, 40),
                Objective::hours(8, 80),
            ])
        }
    }
}

impl Objectives {
    /// The objectives `defaults[0]` for S1 … `defaults[3]` for S4, the same for every tier:
    /// configured figures ([`ObjectiveSource::Configured`]), even when they equal the crate's.
    pub fn new(defaults: [Objective; 4]) -> Objectives {
        Objectives {
            defaults,
            overrides: BTreeMap::new(),
            defaults_source: ObjectiveSource::Configured,
        }
    }

    /// Where the objective of a ticket of `tier` and `severity` comes from: configured when an
    /// override or configured defaults give it, the crate's default otherwise.
    pub fn source(&self, tier: Tier, severity: Severity) -> ObjectiveSource {
        if self.overrides.contains_key(&(tier, severity)) {
            ObjectiveSource::Configured
        } else {
            self.defaults_source
        }
    }

    /// Whether these are exactly the crate's default table, with nothing configured (a policy
    /// document then leaves `objectives` out).
    pub fn is_crate_default(&self) -> bool {
        self.defaults_source == ObjectiveSource::CrateDefault && self.overrides.is_empty()
    }

    /// These objectives with `objective` for tickets of `tier` and `severity` (replacing any
    /// earlier override for that pair).
    #[must_use]
    pub fn with_override(
        mut self,
        tier: Tier,
        severity: Severity,
        objective: Objective,
    ) -> Objectives {
        self.overrides.insert((tier, severity), objective);
        self
    }

    /// The default objective for `severity`, before any tier override.
    pub fn default_for(&self, severity: Severity) -> Objective {
        let [s1, s2, s3, s4] = self.defaults;
        match severity {
            Severity::S1 => s1,
            Severity::S2 => s2,
            Severity::S3 => s3,
            Severity::S4 => s4,
        }
    }

    /// The objective of a ticket of `tier` and `severity`: its override if any, else the
    /// severity's default.
    pub fn for_ticket(&self, tier: Tier, severity: Severity) -> Objective {
        self.overrides
            .get(&(tier, severity))
            .copied()
            .unwrap_or_else(|| self.default_for(severity))
    }

    /// The per-tier overrides, in (tier, severity) order.
    pub fn overrides(&self) -> impl Iterator<Item = (Tier, Severity, Objective)> + '_ {
        self.overrides.iter().map(|(&(t, s), &o)| (t, s, o))
    }
}

/// The serialized form of an [`Objective`]: ISO 8601 texts.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObjective {
    first_response: String,
    resolution: String,
}

#[cfg(feature = "serde")]
/// The duration `input` of `field`, longer than zero; an error quotes `input` as written
/// (`"-P1D"`, not its value `-PT24H`).
fn parse_field(field: &'static str, input: &str) -> Result<TimeDelta, Error> {
    let malformed = |reason| Error::Malformed {
        kind: field,
        input: input.to_owned(),
        reason,
    };
    let value = iso::parse(input).map_err(malformed)?;
    if value <= TimeDelta::zero() {
        return Err(malformed("an objective must be longer than zero"));
    }
    Ok(value)
}

#[cfg(feature = "serde")]
impl TryFrom<RawObjective> for Objective {
    type Error = Error;

    fn try_from(raw: RawObjective) -> Result<Self, Self::Error> {
        Objective::new(
            parse_field("first_response duration", &raw.first_response)?,
            parse_field("resolution duration", &raw.resolution)?,
        )
    }
}

#[cfg(feature = "serde")]
impl From<Objective> for RawObjective {
    fn from(o: Objective) -> Self {
        RawObjective {
            first_response: iso::format(o.first_response),
            resolution: iso::format(o.resolution),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BySeverity {
    s1: Objective,
    s2: Objective,
    s3: Objective,
    s4: Objective,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    tier: Tier,
    severity: Severity,
    first_response: String,
    resolution: String,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObjectives {
    /// Left out: the crate's default table ([`ObjectiveSource::CrateDefault`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default: Option<BySeverity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    overrides: Vec<RawOverride>,
}

#[cfg(feature = "serde")]
impl TryFrom<RawObjectives> for Objectives {
    type Error = Error;

    fn try_from(raw: RawObjectives) -> Result<Self, Self::Error> {
        let mut objectives = match raw.default {
            Some(d) => Objectives::new([d.s1, d.s2, d.s3, d.s4]),
            None => Objectives::default(),
        };
        for o in raw.overrides {
            let objective = Objective::try_from(RawObjective {
                first_response: o.first_response,
                resolution: o.resolution,
            })?;
            if objectives
                .overrides
                .insert((o.tier, o.severity), objective)
                .is_some()
            {
                return Err(Error::Malformed {
                    kind: "objectives override",
                    input: format!("{} {}", o.tier, o.severity),
                    reason: "the same tier and severity are given more than once",
                });
            }
        }
        Ok(objectives)
    }
}

#[cfg(feature = "serde")]
impl From<Objectives> for RawObjectives {
    fn from(o: Objectives) -> Self {
        let [s1, s2, s3, s4] = o.defaults;
        RawObjectives {
            default: match o.defaults_source {
                ObjectiveSource::Configured => Some(BySeverity { s1, s2, s3, s4 }),
                ObjectiveSource::CrateDefault => None,
            },
            overrides: o
                .overrides()
                .map(|(tier, severity, objective)| {
                    let raw = RawObjective::from(objective);
                    RawOverride {
                        tier,
                        severity,
                        first_response: raw.first_response,
                        resolution: raw.resolution,
                    }
                })
                .collect(),
        }
    }
}
