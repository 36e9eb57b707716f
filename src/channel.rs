//! The channels through which a client reports an incident.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

/// A channel through which an incident reaches support.
///
/// E-mail and the web portal register a ticket at once at any hour; the phone is for warning of a
/// critical or urgent incident already registered (see the intake rules).
///
/// # Source
///
/// > «Soporte técnico en español por email, web y teléfono» — the three channels.
///
/// # Example
///
/// ```
/// use support_sla::Channel;
/// assert_eq!("e-mail".parse::<Channel>()?, Channel::Email);
/// assert_eq!(Channel::Phone.to_string(), "phone");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Channel {
    /// E-mail to the support address.
    Email,
    /// The support web portal.
    Web,
    /// A telephone call.
    Phone,
}

impl Channel {
    /// The word this crate uses for the channel: `"email"`, `"web"` or `"phone"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Web => "web",
            Channel::Phone => "phone",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = Error;

    /// Parses `email` (or `e-mail`, `correo`), `web` (or `portal`) and `phone` (or `telefono`,
    /// `teléfono`), ignoring case and surrounding white space.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is none of these.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        match crate::words::normalize(input).as_str() {
            "email" | "e-mail" | "correo" => Ok(Channel::Email),
            "web" | "portal" => Ok(Channel::Web),
            "phone" | "telefono" | "teléfono" => Ok(Channel::Phone),
            _ => Err(Error::UnknownWord {
                kind: "channel",
                input: input.to_owned(),
                expected: "one of email, web, phone",
            }),
        }
    }
}
