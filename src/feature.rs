//! The words of a feature request's life: its states and its steps.
//!
//! Below [`crate::Error`], which names them in its messages, and re-exported from
//! [`crate::policy`], where [`FeatureRequest`](crate::policy::FeatureRequest) uses them.

use std::fmt;

/// Where a [`FeatureRequest`](crate::policy::FeatureRequest) stands.
///
/// ```
/// use support_sla::policy::FeatureState;
/// assert_eq!(FeatureState::Forwarded.to_string(), "forwarded");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FeatureState {
    /// Asked for by the client, not yet reported to the vendor.
    Requested,
    /// Reported to the vendor; the vendor's reference and answer may be recorded.
    Forwarded,
    /// Available in a release, and the client notified: final.
    Available,
}

impl FeatureState {
    /// The word for the state: `"requested"`, `"forwarded"` or `"available"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FeatureState::Requested => "requested",
            FeatureState::Forwarded => "forwarded",
            FeatureState::Available => "available",
        }
    }
}

impl fmt::Display for FeatureState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A step of a [`FeatureRequest`](crate::policy::FeatureRequest), named in its errors.
///
/// ```
/// use support_sla::policy::FeatureTransition;
/// assert_eq!(FeatureTransition::RecordReference.to_string(), "record the vendor's reference of");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum FeatureTransition {
    /// [`FeatureRequest::forward`](crate::policy::FeatureRequest::forward).
    Forward,
    /// [`FeatureRequest::record_reference`](crate::policy::FeatureRequest::record_reference).
    RecordReference,
    /// [`FeatureRequest::record_answer`](crate::policy::FeatureRequest::record_answer).
    RecordAnswer,
    /// [`FeatureRequest::record_availability`](crate::policy::FeatureRequest::record_availability).
    RecordAvailability,
}

impl fmt::Display for FeatureTransition {
    /// The step as a verb phrase taking the request as object (`"forward to the vendor"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            FeatureTransition::Forward => "forward to the vendor",
            FeatureTransition::RecordReference => "record the vendor's reference of",
            FeatureTransition::RecordAnswer => "record the vendor's answer to",
            FeatureTransition::RecordAvailability => "record the availability of",
        })
    }
}
