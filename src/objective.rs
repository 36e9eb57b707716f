//! The two objectives every ticket has: the first response and the resolution.

use std::fmt;

/// One of a ticket's two objectives, each counted from the registration in service hours.
///
/// The one name for the concept across the crate: a ticket's status, its explanation and the
/// quality-of-service report all speak of an objective with this type (re-exported as
/// `status::ObjectiveKind` and `report::ObjectiveKind`).
///
/// # Source
///
/// > «Los tiempos de respuesta y resolución indicados a continuación son objetivos de calidad de
/// > servicio.»
///
/// Gloss: response and resolution times are quality-of-service objectives.
///
/// # Example
///
/// ```
/// use support_sla::status::ObjectiveKind;
///
/// assert_eq!(ObjectiveKind::Response.to_string(), "response");
/// assert_eq!(ObjectiveKind::ALL, [ObjectiveKind::Response, ObjectiveKind::Resolution]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ObjectiveKind {
    /// The first response: not stopped by pauses nor by a resolution.
    Response,
    /// The resolution: stopped while the ticket is paused and while it is resolved.
    Resolution,
}

impl ObjectiveKind {
    /// Both objectives, the response first.
    pub const ALL: [ObjectiveKind; 2] = [ObjectiveKind::Response, ObjectiveKind::Resolution];

    /// The word for the objective: `"response"` or `"resolution"` (as in serde).
    ///
    /// ```
    /// assert_eq!(support_sla::status::ObjectiveKind::Resolution.as_str(), "resolution");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ObjectiveKind::Response => "response",
            ObjectiveKind::Resolution => "resolution",
        }
    }

    /// The objective's position in [`ALL`](ObjectiveKind::ALL): 0 for the response, 1 for the
    /// resolution (for tables indexed by objective).
    ///
    /// ```
    /// use support_sla::status::ObjectiveKind;
    /// assert_eq!(ObjectiveKind::Resolution.index(), 1);
    /// ```
    pub const fn index(self) -> usize {
        match self {
            ObjectiveKind::Response => 0,
            ObjectiveKind::Resolution => 1,
        }
    }
}

impl fmt::Display for ObjectiveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ObjectiveKind;

    #[test]
    fn all_is_in_index_order() {
        for (i, kind) in ObjectiveKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
    }
}
