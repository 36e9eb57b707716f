//! Repair: which tickets' answers moved when the policy changed.
//!
//! A desk runs it after publishing next year's calendar, adding a closure day or fixing a wrong
//! version: the same tickets under the old and the new policy (or history), and the objectives
//! whose due instant or state differ, each with its before and after. Each ticket costs two
//! status computations, so a million tickets take well under a second on one core (see
//! `benches/repair.rs`).

use super::{ObjectiveStatus, SlaState, TicketFacts, TicketStatus, Timeline};
use crate::clock::AsInstant;
use crate::objective::ObjectiveKind;
use crate::{error::Error, policy::SupportPolicy};
use chrono::{DateTime, Utc};

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::status::TicketFacts {}
    impl Sealed for crate::status::Timeline {}
    impl<T: Sealed + ?Sized> Sealed for &T {}
}

/// What [`repair`] compares: a ticket's [`TicketFacts`] or its [`Timeline`], whose status a
/// policy answers ([`SupportPolicy::status`], [`SupportPolicy::timeline_status`]).
pub trait RepairTicket: sealed::Sealed {
    /// The ticket's status under `policy` at `now`.
    ///
    /// # Errors
    ///
    /// As [`SupportPolicy::status`] or [`SupportPolicy::timeline_status`].
    fn status_under(
        &self,
        policy: &SupportPolicy,
        now: DateTime<Utc>,
    ) -> Result<TicketStatus, Error>;
}

impl RepairTicket for TicketFacts {
    fn status_under(
        &self,
        policy: &SupportPolicy,
        now: DateTime<Utc>,
    ) -> Result<TicketStatus, Error> {
        policy.status(self, now)
    }
}

impl RepairTicket for Timeline {
    fn status_under(
        &self,
        policy: &SupportPolicy,
        now: DateTime<Utc>,
    ) -> Result<TicketStatus, Error> {
        policy.timeline_status(self, now)
    }
}

impl<T: RepairTicket + ?Sized> RepairTicket for &T {
    fn status_under(
        &self,
        policy: &SupportPolicy,
        now: DateTime<Utc>,
    ) -> Result<TicketStatus, Error> {
        (**self).status_under(policy, now)
    }
}

/// An objective's answer under one policy: when it falls due and its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Outcome {
    /// When the objective falls due.
    pub due: DateTime<Utc>,
    /// Met, pending or breached.
    pub state: SlaState,
}

impl From<&ObjectiveStatus> for Outcome {
    fn from(status: &ObjectiveStatus) -> Self {
        Outcome {
            due: status.due,
            state: status.state,
        }
    }
}

/// An objective whose answer moved: before (old policy) and after (new policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Moved {
    /// The objective: response or resolution.
    pub objective: ObjectiveKind,
    /// Its answer under the old policy.
    pub before: Outcome,
    /// Its answer under the new policy.
    pub after: Outcome,
}

/// The objectives of one ticket whose answers moved: at least one of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Changes {
    /// The response, if its answer moved.
    pub response: Option<Moved>,
    /// The resolution, if its answer moved.
    pub resolution: Option<Moved>,
}

impl Changes {
    /// The objectives that moved, response first.
    pub fn iter(&self) -> impl Iterator<Item = &Moved> {
        self.response.iter().chain(self.resolution.iter())
    }
}

/// A ticket whose answers moved, or that one of the two policies cannot answer for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Repaired<K> {
    /// The ticket's id, as given.
    pub id: K,
    /// What moved; the error of the policy that cannot answer for the ticket.
    pub changes: Result<Changes, Error>,
}

/// How the answers of one ticket move from `old` to `new` at `now`: `None` when neither the due
/// instant nor the state of either objective differs.
///
/// # Errors
///
/// The error of [`SupportPolicy::status`] (or [`timeline_status`](SupportPolicy::timeline_status))
/// under either policy: an instant outside its supported range.
///
/// # Example
///
/// A closure day added on Monday 3 March 2025 moves a Standard ticket registered on Friday.
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::calendar::{CalendarOverrides, Holiday, Level, Provenance};
/// use support_sla::policy::PolicyConfig;
/// use support_sla::status::{changes, TicketFacts};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let old = SupportPolicy::madrid();
/// let mut config = PolicyConfig::default();
/// let closed = NaiveDate::from_ymd_opt(2025, 3, 3).unwrap();
/// let source = Provenance::Custom { source: "flood".into() };
/// config.calendar_overrides =
///     CalendarOverrides::new().add_day(Holiday::new(closed, Level::Company, "Cierre", source));
/// let new = SupportPolicy::from_config(config)?;
///
/// let at = |m, d, h| Madrid.with_ymd_and_hms(2025, m, d, h, 0, 0).unwrap();
/// let ticket = TicketFacts::new(Tier::Standard, Severity::S3, at(2, 28, 13)); // a Friday
/// let moved = changes(&old, &new, &ticket, at(3, 3, 12))?.unwrap();
/// let response = moved.response.unwrap(); // 4 h: Friday 13–14, then Monday (Tuesday) 09–12
/// assert_eq!(response.before.due, at(3, 3, 12));
/// assert_eq!(response.after.due, at(3, 4, 12));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn changes<T: RepairTicket + ?Sized>(
    old: &SupportPolicy,
    new: &SupportPolicy,
    ticket: &T,
    now: impl AsInstant,
) -> Result<Option<Changes>, Error> {
    let now = now.utc();
    let before = ticket.status_under(old, now)?;
    let after = ticket.status_under(new, now)?;
    let one = |objective, before: &ObjectiveStatus, after: &ObjectiveStatus| {
        let (before, after) = (Outcome::from(before), Outcome::from(after));
        (before != after).then_some(Moved {
            objective,
            before,
            after,
        })
    };
    let response = one(ObjectiveKind::Response, &before.response, &after.response);
    let resolution = one(
        ObjectiveKind::Resolution,
        &before.resolution,
        &after.resolution,
    );
    Ok(
        (response.is_some() || resolution.is_some()).then_some(Changes {
            response,
            resolution,
        }),
    )
}

/// The tickets whose answers moved from `old` to `new` at `now`, in the order given: each
/// ticket whose response or resolution due instant or state differs, with before and after
/// (see [`changes`]), and each ticket either policy cannot answer for, with the error. Tickets
/// whose answers did not move are left out.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::policy::{PolicyConfig, PolicyHistory};
/// use support_sla::status::{repair, TicketFacts};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let old = SupportPolicy::madrid();
/// let mut summer = PolicyConfig::default();
/// summer.standard_hours = "mon-fri 09:00-14:00".parse()?;
/// let from = Madrid.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap();
/// let new = SupportPolicy::from_history(PolicyHistory::new(PolicyConfig::default()).then(from, summer))?;
///
/// let at = |m, d, h| Madrid.with_ymd_and_hms(2025, m, d, h, 0, 0).unwrap();
/// let tickets = [
///     ("june", TicketFacts::new(Tier::Standard, Severity::S3, at(6, 2, 10))),
///     ("july", TicketFacts::new(Tier::Standard, Severity::S3, at(7, 2, 10))),
///     ("plus", TicketFacts::new(Tier::Plus, Severity::S3, at(7, 2, 10))),
/// ];
/// let moved = repair(&old, &new, tickets.iter().map(|(id, t)| (*id, t)), at(7, 2, 12));
/// assert_eq!(moved.len(), 1);
/// assert_eq!(moved[0].id, "july"); // its resolution (40 h) now counts summer hours
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn repair<K, T>(
    old: &SupportPolicy,
    new: &SupportPolicy,
    tickets: impl IntoIterator<Item = (K, T)>,
    now: impl AsInstant,
) -> Vec<Repaired<K>>
where
    T: RepairTicket,
{
    let now = now.utc();
    tickets
        .into_iter()
        .filter_map(|(id, ticket)| match changes(old, new, &ticket, now) {
            Ok(None) => None,
            Ok(Some(changes)) => Some(Repaired {
                id,
                changes: Ok(changes),
            }),
            Err(error) => Some(Repaired {
                id,
                changes: Err(error),
            }),
        })
        .collect()
}
