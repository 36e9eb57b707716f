//! What happens to a ticket's objectives when its tier or severity changes.

use std::fmt;

/// The rule a policy applies when a ticket is re-classified (its tier or severity changes) on its
/// [`Timeline`](crate::status::Timeline).
///
/// Every rule ends with the objectives of the **new** classification: its budgets, and its
/// coverage from the change on (a Standard S3 ticket raised to Vip S1 runs around the clock from
/// that instant). They differ in how much service time counts as already used:
///
/// | rule | service time counted as used | measured on |
/// |---|---|---|
/// | [`KeepUsed`](Reclassification::KeepUsed) (default) | all of it, since registration | the coverage in force in each stretch |
/// | [`Restart`](Reclassification::Restart) | only since the change | the new coverage |
/// | [`Retroactive`](Reclassification::Retroactive) | all of it, since registration | the new coverage, throughout |
///
/// In every rule paused time (for the resolution) and time while resolved do not count, an
/// objective already answered stays answered (a first response given before the change keeps
/// the objective in force when it was given), and a "re-classification" to the classification
/// already in force changes nothing.
///
/// # Source
///
/// The policy text says nothing of re-classification; desks that use SLA tools expect the clock
/// to survive a severity change (issue 6), and the three named choices are those of issue 8.
///
/// # Example
///
/// A Standard S3 ticket registered on Monday 3 March 2025 at 17:00 in Madrid is raised to Vip S1
/// on Tuesday at 10:00. Standard service so far: Monday 17:00–17:30 and Tuesday 09:00–10:00,
/// 1 h 30 min. The resolution budget becomes S1's 8 hours, around the clock:
///
/// - `KeepUsed`: 1 h 30 min used, 6 h 30 min left from Tuesday 10:00: due at 16:30;
/// - `Restart`: nothing used, 8 hours from Tuesday 10:00: due at 18:00;
/// - `Retroactive`: around the clock, Monday 17:00 to Tuesday 10:00 is 17 hours: the 8 hours
///   were used up on Tuesday at 01:00, so the resolution is already breached.
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::policy::Reclassification;
/// use support_sla::status::{Event, EventKind, SlaState, Timeline};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let at = |d, h, m| Madrid.with_ymd_and_hms(2025, 3, d, h, m, 0).unwrap();
/// let timeline = Timeline::new(vec![
///     Event::new(at(3, 17, 0), EventKind::Registered { tier: Tier::Standard, severity: Severity::S3 }),
///     Event::new(at(4, 10, 0), EventKind::Reclassified { tier: Tier::Vip, severity: Severity::S1 }),
/// ])?;
/// let now = at(4, 11, 0);
/// for (rule, due) in [
///     (Reclassification::KeepUsed, at(4, 16, 30)),
///     (Reclassification::Restart, at(4, 18, 0)),
///     (Reclassification::Retroactive, at(4, 1, 0)),
/// ] {
///     let policy = SupportPolicy::builder().reclassification(rule).build()?;
///     let status = policy.timeline_status(&timeline, now)?;
///     assert_eq!(status.resolution.due, due);
///     assert_eq!(status.rule, Some(rule));
/// }
/// let retroactive = SupportPolicy::builder().reclassification(Reclassification::Retroactive).build()?;
/// let status = retroactive.timeline_status(&timeline, now)?;
/// assert_eq!(status.resolution.state, SlaState::Breached { at: at(4, 1, 0).to_utc() });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Reclassification {
    /// Keep the service time already used: the remaining budget is the new classification's
    /// budget minus the time used so far, counted on the new coverage from the change instant.
    /// Each stretch before the change is measured on the coverage then in force.
    #[default]
    KeepUsed,
    /// Restart the objective at the change: the time used is the service time since the change
    /// on the new coverage, against the new classification's whole budget.
    Restart,
    /// Apply the new objective from registration, as if the ticket had always had its new
    /// classification: the time used is all the counted time since registration, measured on
    /// the new coverage, against the new classification's budget.
    Retroactive,
}

impl Reclassification {
    /// The word for it: `"keep_used"`, `"restart"` or `"retroactive"` (its serde form too).
    ///
    /// ```
    /// use support_sla::policy::Reclassification;
    ///
    /// assert_eq!(Reclassification::default().as_str(), "keep_used");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Reclassification::KeepUsed => "keep_used",
            Reclassification::Restart => "restart",
            Reclassification::Retroactive => "retroactive",
        }
    }
}

impl fmt::Display for Reclassification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
