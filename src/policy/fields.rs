//! Serde for the typed fields of [`PolicyConfig`](super::PolicyConfig): schedules as their text,
//! the zone as its IANA name. A bad value is refused while the document is read, as
//! [`Error::InvalidConfig`] naming the field.

use crate::coverage::Schedule;
use crate::error::Error;
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serializer};
use std::borrow::Cow;

/// The text of a field, and a refusal naming the field.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Cow<'de, str>, D::Error> {
    Cow::<'de, str>::deserialize(deserializer)
}

fn refuse<E: serde::de::Error>(field: &'static str, error: Error) -> E {
    E::custom(Error::InvalidConfig {
        field,
        error: Box::new(error),
    })
}

fn schedule<'de, D: Deserializer<'de>>(
    field: &'static str,
    deserializer: D,
) -> Result<Schedule, D::Error> {
    text(deserializer)?
        .parse()
        .map_err(|error| refuse(field, error))
}

/// `standard_hours`, as schedule text.
pub(super) fn standard_hours<'de, D: Deserializer<'de>>(d: D) -> Result<Schedule, D::Error> {
    schedule("standard_hours", d)
}

/// `plus_hours`, as schedule text.
pub(super) fn plus_hours<'de, D: Deserializer<'de>>(d: D) -> Result<Schedule, D::Error> {
    schedule("plus_hours", d)
}

/// `time_zone`, as an IANA name.
pub(super) fn time_zone<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
    let name = text(d)?;
    name.parse().map_err(|_| {
        refuse(
            "time_zone",
            Error::UnknownTimeZone {
                name: name.clone().into_owned(),
            },
        )
    })
}

/// Writes a zone as its IANA name.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `serialize_with` passes the field by reference"
)]
pub(super) fn serialize_zone<S: Serializer>(zone: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(zone.name())
}
