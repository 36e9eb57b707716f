//! Ticket identity.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

/// The number support gives a ticket when it registers it (*número de Ticket*).
///
/// Displayed and parsed as plain digits; a leading `#` is accepted when parsing.
///
/// # Example
///
/// ```
/// use support_sla::TicketId;
/// let id: TicketId = "#4711".parse()?;
/// assert_eq!(id, TicketId::new(4711));
/// assert_eq!(id.to_string(), "4711");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct TicketId(u64);

impl TicketId {
    /// The ticket with this number.
    pub const fn new(number: u64) -> TicketId {
        TicketId(number)
    }

    /// The ticket's number.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl From<u64> for TicketId {
    fn from(number: u64) -> Self {
        TicketId(number)
    }
}

impl fmt::Display for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0.to_string())
    }
}

impl FromStr for TicketId {
    type Err = Error;

    /// Parses a decimal ticket number, with an optional leading `#`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is not a number that fits in a `u64`.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        let digits = trimmed.strip_prefix('#').unwrap_or(trimmed);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad_ticket(input));
        }
        digits
            .parse::<u64>()
            .map(TicketId)
            .map_err(|_| bad_ticket(input))
    }
}

fn bad_ticket(input: &str) -> Error {
    Error::UnknownWord {
        kind: "ticket number",
        input: input.to_owned(),
        expected: "a decimal number from 0 to 18446744073709551615",
    }
}
