//! Priority: assigned from severity first, then tier.

use crate::{error::Error, severity::Severity, tier::Tier};
use std::fmt;
use std::str::FromStr;

/// The priority of a ticket: one of 12 ranks, `P1` (served first) to `P12`.
///
/// Assigned automatically from the severity and the tier: severity decides first; within the
/// same severity Vip comes before Plus, and Plus before Standard. So `P1` is (S1, Vip), `P2`
/// (S1, Plus), `P3` (S1, Standard), `P4` (S2, Vip) … `P12` (S4, Standard).
///
/// `Ord` follows the queue: the smaller value is served first (`P1 < P2`).
///
/// # Source
///
/// > «La prioridad de las incidencias se asigna automáticamente, en función del nivel de soporte
/// > contratado y la Severidad de la incidencia.» — priority comes from tier and severity.
/// >
/// > «dentro de la misma Severidad, se dará prioridad a los clientes VIP frente a los demás
/// > clientes» / «a los clientes Plus frente a los clientes estándar» — severity first, then
/// > Vip, Plus, Standard.
///
/// # Example
///
/// ```
/// use support_sla::{Priority, Severity, Tier};
///
/// let p = Priority::new(Tier::Plus, Severity::S2);
/// assert_eq!(p.rank(), 5);
/// assert_eq!(p.to_string(), "P5");
/// assert_eq!(Priority::from_rank(5)?, p);
/// assert_eq!((p.severity(), p.tier()), (Severity::S2, Tier::Plus));
/// // Severity dominates tier: a Standard S1 goes before a Vip S2.
/// assert!(Priority::new(Tier::Standard, Severity::S1) < Priority::new(Tier::Vip, Severity::S2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Priority(u8);

impl Priority {
    /// The most urgent priority, `P1` (S1, Vip).
    pub const HIGHEST: Priority = Priority(1);
    /// The least urgent priority, `P12` (S4, Standard).
    pub const LOWEST: Priority = Priority(12);

    /// The priority the policy assigns to a ticket of this tier and severity (the crate's one
    /// argument order: tier, then severity).
    pub const fn new(tier: Tier, severity: Severity) -> Priority {
        let tier_offset = match tier {
            Tier::Vip => 0,
            Tier::Plus => 1,
            Tier::Standard => 2,
        };
        Priority((severity.number() - 1) * 3 + tier_offset + 1)
    }

    /// The priority with this rank.
    ///
    /// # Errors
    ///
    /// [`Error::RankOutOfRange`] when `rank` is not in `1..=12`.
    pub const fn from_rank(rank: u8) -> Result<Priority, Error> {
        if rank >= 1 && rank <= 12 {
            Ok(Priority(rank))
        } else {
            Err(Error::RankOutOfRange { rank })
        }
    }

    /// The priority's position in queue order, `0` (`P1`) to `11` (`P12`): the rank minus one,
    /// for tables indexed by priority.
    ///
    /// ```
    /// use support_sla::{Priority, Severity, Tier};
    /// assert_eq!(Priority::HIGHEST.index(), 0);
    /// assert_eq!(Priority::new(Tier::Plus, Severity::S2).index(), 4);
    /// ```
    pub const fn index(self) -> usize {
        // A priority's rank is 1 to 12, so this does not underflow.
        (self.0 - 1) as usize
    }

    /// The rank, `1` (served first) to `12`.
    pub const fn rank(self) -> u8 {
        self.0
    }

    /// The severity this priority is assigned for.
    pub const fn severity(self) -> Severity {
        match (self.0 - 1) / 3 {
            0 => Severity::S1,
            1 => Severity::S2,
            2 => Severity::S3,
            _ => Severity::S4,
        }
    }

    /// The tier this priority is assigned for.
    pub const fn tier(self) -> Tier {
        match (self.0 - 1) % 3 {
            0 => Tier::Vip,
            1 => Tier::Plus,
            _ => Tier::Standard,
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("P{}", self.0))
    }
}

impl FromStr for Priority {
    type Err = Error;

    /// Parses `P1`–`P12` (case-insensitive) or the bare rank `1`–`12`; no sign, no leading zero.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is not such a word.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let word = crate::words::normalize(input);
        let digits = word.strip_prefix('p').unwrap_or(&word);
        // Plain digits only, no sign and no leading zero: "P5", not "P+5" or "P05".
        let plain = !digits.is_empty()
            && !digits.starts_with('0')
            && digits.bytes().all(|b| b.is_ascii_digit());
        plain
            .then(|| digits.parse::<u8>().ok())
            .flatten()
            .and_then(|rank| Priority::from_rank(rank).ok())
            .ok_or_else(|| Error::UnknownWord {
                kind: "priority",
                input: input.to_owned(),
                expected: "P1 to P12",
            })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Priority {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Priority {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
