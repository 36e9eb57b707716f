//! How urgent an incident is.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

/// The severity of an incident, from [`S1`](Severity::S1) (most urgent) to
/// [`S4`](Severity::S4).
///
/// Severity decides priority first; the tier only orders tickets of the same severity.
/// `Ord` follows urgency: `S1 < S2 < S3 < S4`, so sorting ascending puts the most urgent first.
///
/// **The four definitions are the crate's, not the policy's.** The policy announces a table of
/// severities («La siguiente tabla indica los niveles de Severidad…») but the table is not in
/// the text: only the numbers 1 to 4 and "Severidad 1 y 2" as critical or urgent
/// («incidencia crítica o urgente (Severidad 1 ó 2)») are the policy's. The definitions on the
/// variants follow the industry's usual four levels; the contract's table, where there is one,
/// decides. The crate never classifies an incident itself: the caller gives the severity.
///
/// # Source
///
/// > «La siguiente tabla indica los niveles de Severidad que se utilizan para dar prioridad a las
/// > incidencias, así como para hacer seguimiento de los niveles de calidad de servicio.»
///
/// Gloss: severities drive priority and quality-of-service tracking (the table that should
/// follow is missing from the text).
///
/// # Example
///
/// ```
/// use support_sla::Severity;
///
/// assert_eq!("S1".parse::<Severity>()?, Severity::S1);
/// assert_eq!("2".parse::<Severity>()?, Severity::S2);
/// assert_eq!(Severity::S3.number(), 3);
/// assert_eq!(Severity::S4.to_string(), "S4");
/// assert!(Severity::S1 < Severity::S4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// Critical (the crate's definition): production down or data at risk, no workaround.
    S1,
    /// High (the crate's definition): a major function severely impaired, operation
    /// restricted, no acceptable workaround.
    S2,
    /// Medium (the crate's definition): partial, non-critical loss of function; a workaround
    /// exists.
    S3,
    /// Low (the crate's definition): questions, documentation, cosmetic issues, new-feature
    /// requests.
    S4,
}

impl Severity {
    /// All severities, most urgent first.
    pub const ALL: [Severity; 4] = [Severity::S1, Severity::S2, Severity::S3, Severity::S4];

    /// The severity's number, 1 to 4.
    ///
    /// ```
    /// assert_eq!(support_sla::Severity::S2.number(), 2);
    /// ```
    pub const fn number(self) -> u8 {
        self.index() as u8 + 1
    }

    /// The severity's position in [`ALL`](Severity::ALL), `0` (S1) to `3` (S4), for tables
    /// indexed by severity.
    ///
    /// ```
    /// use support_sla::Severity;
    /// assert_eq!(Severity::S1.index(), 0);
    /// assert_eq!(Severity::S4.index(), 3);
    /// ```
    pub const fn index(self) -> usize {
        match self {
            Severity::S1 => 0,
            Severity::S2 => 1,
            Severity::S3 => 2,
            Severity::S4 => 3,
        }
    }

    /// The severity with this number, or `None` outside `1..=4`.
    ///
    /// ```
    /// use support_sla::Severity;
    /// assert_eq!(Severity::from_number(1), Some(Severity::S1));
    /// assert_eq!(Severity::from_number(5), None);
    /// ```
    pub const fn from_number(number: u8) -> Option<Severity> {
        match number {
            1 => Some(Severity::S1),
            2 => Some(Severity::S2),
            3 => Some(Severity::S3),
            4 => Some(Severity::S4),
            _ => None,
        }
    }

    /// Whether the policy treats this severity as critical or urgent (*Severidad 1 ó 2*): the
    /// severities that may be reported by phone and, for Vip, run around the clock.
    ///
    /// ```
    /// use support_sla::Severity;
    /// assert!(Severity::S2.is_urgent());
    /// assert!(!Severity::S3.is_urgent());
    /// ```
    pub const fn is_urgent(self) -> bool {
        matches!(self, Severity::S1 | Severity::S2)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("S{}", self.number()))
    }
}

impl FromStr for Severity {
    type Err = Error;

    /// Parses `1`–`4`, `S1`–`S4` or `sev1`–`sev4`, ignoring case and surrounding white space.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is none of these.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let word = crate::words::normalize(input);
        let digits = word
            .strip_prefix("sev")
            .or_else(|| word.strip_prefix('s'))
            .unwrap_or(&word);
        match digits {
            "1" => Ok(Severity::S1),
            "2" => Ok(Severity::S2),
            "3" => Ok(Severity::S3),
            "4" => Ok(Severity::S4),
            _ => Err(Error::UnknownWord {
                kind: "severity",
                input: input.to_owned(),
                expected: "one of 1, 2, 3, 4 (or S1 to S4)",
            }),
        }
    }
}
