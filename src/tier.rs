//! The support tier a client has contracted.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

/// The support level a client has contracted: *Soporte estándar*, *Soporte Plus* or
/// *Soporte VIP*.
///
/// Ordered by precedence, `Vip > Plus > Standard`: within the same severity a higher tier is
/// served first (see [`Priority`](crate::Priority)).
///
/// # Source
///
/// The headings of the text's section «Niveles de soporte disponibles»: «Soporte estándar»,
/// «Soporte Plus» and «Soporte VIP» (headings, not a sentence).
///
/// Gloss: three contracted levels.
///
/// # Example
///
/// ```
/// use support_sla::Tier;
///
/// let tier: Tier = "VIP".parse()?;
/// assert_eq!(tier, Tier::Vip);
/// assert!(Tier::Vip > Tier::Plus && Tier::Plus > Tier::Standard);
/// assert_eq!(tier.to_string(), "vip");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Tier {
    /// *Soporte estándar*: office hours, Mon–Thu 09:00–17:30 and Fri 09:00–14:00, Madrid
    /// holidays excepted.
    Standard,
    /// *Soporte Plus*: Mon–Fri 09:00–20:00 on the Madrid working calendar; Severity 1 and 2 calls
    /// accepted outside Standard hours.
    Plus,
    /// *Soporte VIP*: Severity 1 and 2 around the clock, every day of the year.
    Vip,
}

impl Tier {
    /// All tiers, from lowest to highest precedence.
    pub const ALL: [Tier; 3] = [Tier::Standard, Tier::Plus, Tier::Vip];

    /// The word this crate uses for the tier: `"standard"`, `"plus"` or `"vip"`.
    ///
    /// ```
    /// assert_eq!(support_sla::Tier::Plus.as_str(), "plus");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Tier::Standard => "standard",
            Tier::Plus => "plus",
            Tier::Vip => "vip",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Tier {
    type Err = Error;

    /// Parses `standard` (or `estandar`, `estándar`), `plus` or `vip`, ignoring case and
    /// surrounding white space.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is none of these.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        match crate::words::normalize(input).as_str() {
            "standard" | "estandar" | "estándar" => Ok(Tier::Standard),
            "plus" => Ok(Tier::Plus),
            "vip" => Ok(Tier::Vip),
            _ => Err(Error::UnknownWord {
                kind: "tier",
                input: input.to_owned(),
                expected: "one of standard, plus, vip",
            }),
        }
    }
}
