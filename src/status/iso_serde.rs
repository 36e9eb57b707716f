//! Durations in ISO 8601 (`"PT4H"`) for serde's `with`: the crate's convention, read back
//! exactly.

use chrono::TimeDelta;

/// Serializes a duration as its ISO 8601 text.
pub(crate) fn serialize<S: serde::Serializer>(
    duration: &TimeDelta,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    crate::iso::serialize(duration, serializer)
}

/// Deserializes a duration from its ISO 8601 text; refuses any other text, quoting it.
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<TimeDelta, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    crate::iso::parse(&text)
        .map_err(|reason| serde::de::Error::custom(format!("invalid duration {text:?}: {reason}")))
}
