//! The quality-of-service report: how many objectives were met, over many tickets and a period.
//!
//! [`QosReport::new`] takes the [`TicketStatus`] of many tickets (computed by the caller, with
//! [`SupportPolicy::status`](crate::SupportPolicy::status) or a timeline) and a period, keeps the
//! tickets *registered* in the half-open period `[from, to)`, and gives, for each objective
//! (first response, resolution):
//!
//! - the [`Tally`] of objectives met, breached and pending, per severity, per tier, per
//!   (tier, severity) — that is per [`Priority`] — and in total, with the [`Share`] met among the
//!   decided ones (met + breached) as an exact fraction;
//! - the list of [`Breach`]es: which ticket, which objective, when it fell due, whether it was
//!   answered, and the service time it overran by;
//! - the median and 90th percentile ([`Percentiles`]) of the service time used by the
//!   *answered* objectives, per severity and overall.
//!
//! Met and breached are measured against the budgets of the statuses. With the crate's
//! placeholder objectives (the policy text gives no figures; each status says so in
//! [`ObjectiveStatus::source`](crate::status::ObjectiveStatus::source)), a breach means "beyond
//! the crate's default", not "beyond the contract": set the contract's figures
//! ([`PolicyBuilder::objectives`](crate::policy::PolicyBuilder::objectives)) before reading the
//! shares as the service's quality.
//!
//! # Percentiles: the nearest-rank method
//!
//! For `n ≥ 1` values sorted ascending `x₁ ≤ … ≤ xₙ`, the `p`-th percentile is `x_k` with
//! `k = ⌈p·n⌉`: always one of the values, never an interpolation, exact. So the median is
//! `x_⌈n/2⌉` (the lower middle value when `n` is even: of 1, 2, 3, 4 hours it is 2 hours) and the
//! p90 is `x_⌈9n/10⌉` (of ten values, the ninth; of one value, that value). With no answered
//! objective there is no percentile (`None`). The values are selected in linear time
//! ([`slice::select_nth_unstable`]), never fully sorted.
//!
//! # Cost
//!
//! One pass over the tickets, with constant work and no allocation per ticket besides the
//! amortised growth of the breach list and of one vector of service times per (objective,
//! severity); then a linear-time selection per percentile. A million statuses take about 55 ms
//! on one core of the development machine (`cargo bench --bench report`: `report/qos/1M`);
//! computing the statuses themselves costs about 0.24 µs a ticket
//! (`report/status_plus_qos/100k`).
//!
//! # Source
//!
//! > «IREO no garantiza el cumplimiento de estos objetivos en todos los casos, aunque sí
//! > garantiza que realiza un seguimiento constante de la calidad de servicio»
//!
//! Gloss: the objectives are not guaranteed, but the quality of service is tracked constantly.
//!
//! # Example
//!
//! ```
//! use chrono::TimeZone;
//! use chrono_tz::Europe::Madrid;
//! use support_sla::report::{ObjectiveKind, QosReport};
//! use support_sla::status::TicketFacts;
//! use support_sla::{Severity, SupportPolicy, TicketId, Tier};
//!
//! let policy = SupportPolicy::madrid();
//! let at = |d, h, m| Madrid.with_ymd_and_hms(2025, 3, d, h, m, 0).unwrap();
//! let facts = [
//!     // Vip S1 on a Sunday night: answered in 40 minutes (met), resolved in 2 hours.
//!     TicketFacts::new(Tier::Vip, Severity::S1, at(9, 3, 0))
//!         .with_first_response(at(9, 3, 40))
//!         .with_resolution(at(9, 5, 0)),
//!     // Standard S1 on Monday: answered after 2 hours (1 hour late), resolved in 6 hours.
//!     TicketFacts::new(Tier::Standard, Severity::S1, at(10, 9, 0))
//!         .with_first_response(at(10, 11, 0))
//!         .with_resolution(at(10, 15, 0)),
//! ];
//! let now = at(31, 0, 0);
//! let statuses = facts
//!     .iter()
//!     .enumerate()
//!     .map(|(i, f)| Ok((TicketId::new(i as u64 + 1), policy.status(f, now)?)))
//!     .collect::<Result<Vec<_>, support_sla::Error>>()?;
//!
//! let report = QosReport::new(statuses.iter().map(|(id, s)| (*id, s)), at(1, 0, 0)..now);
//! let s1 = report.by_severity(Severity::S1).first_response;
//! assert_eq!((s1.met, s1.breached, s1.pending), (1, 1, 0));
//! assert_eq!(s1.share_met().to_string(), "50.0%");
//! assert_eq!(report.breaches().len(), 1);
//! assert_eq!(report.breaches()[0].ticket, TicketId::new(2));
//! assert_eq!(report.breaches()[0].overrun, chrono::TimeDelta::hours(1));
//! let times = report.service_time(ObjectiveKind::Response).unwrap();
//! assert_eq!(times.median, chrono::TimeDelta::minutes(40)); // of 40 min and 2 h: the lower
//! assert_eq!(times.p90, chrono::TimeDelta::hours(2));
//! println!("{report}"); // the tables; `{report:#}` lists the breaches too
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::policy::ObjectiveSource;
use crate::status::{ObjectiveStatus, SlaState, TicketStatus};
use crate::{priority::Priority, severity::Severity, ticket::TicketId, tier::Tier};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use samples::Samples;
use std::borrow::Borrow;
use std::ops::{Add, AddAssign, Range};

pub use crate::objective::ObjectiveKind;

/// The objective `kind`'s status in a ticket's status.
const fn objective_of(kind: ObjectiveKind, status: &TicketStatus) -> &ObjectiveStatus {
    match kind {
        ObjectiveKind::Response => &status.response,
        ObjectiveKind::Resolution => &status.resolution,
    }
}

/// The report's word for an objective, its key in the serialized report and the name of the
/// [`Tallies`] field: `"first_response"` or `"resolution"`.
#[cfg(feature = "serde")]
const fn word(kind: ObjectiveKind) -> &'static str {
    match kind {
        ObjectiveKind::Response => "first_response",
        ObjectiveKind::Resolution => "resolution",
    }
}

/// An exact share `numerator / denominator`, such as objectives met among those decided.
///
/// Kept as the two counts, not reduced: `Share::new(2, 4)` and `Share::new(1, 2)` have the same
/// value but are different values of the type (equality compares the counts). A share of
/// nothing (`denominator == 0`) has no value: [`percent_tenths`](Share::percent_tenths) is
/// `None` and it displays as `n/a`. Otherwise it displays as a percentage with one decimal,
/// rounded half up (`2/3` is `66.7%`, `1/8` is `12.5%`, `1/16` is `6.3%`).
///
/// # Example
///
/// ```
/// use support_sla::report::Share;
///
/// let share = Share::new(2, 3);
/// assert_eq!((share.numerator(), share.denominator()), (2, 3));
/// assert_eq!(share.percent_tenths(), Some(667));
/// assert_eq!(share.to_string(), "66.7%");
/// assert_eq!(Share::new(0, 0).to_string(), "n/a");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Share {
    numerator: u64,
    denominator: u64,
}

impl Share {
    /// The share `numerator / denominator`.
    pub const fn new(numerator: u64, denominator: u64) -> Share {
        Share {
            numerator,
            denominator,
        }
    }

    /// The numerator (for a [`Tally`], the objectives met).
    pub const fn numerator(self) -> u64 {
        self.numerator
    }

    /// The denominator (for a [`Tally`], the objectives decided: met + breached).
    pub const fn denominator(self) -> u64 {
        self.denominator
    }

    /// The share in tenths of a percent, rounded half up (`2/3` → `667`), or `None` when the
    /// denominator is zero.
    ///
    /// ```
    /// use support_sla::report::Share;
    /// assert_eq!(Share::new(1, 16).percent_tenths(), Some(63)); // 6.25 % → 6.3 %
    /// assert_eq!(Share::new(5, 5).percent_tenths(), Some(1000));
    /// assert_eq!(Share::new(0, 0).percent_tenths(), None);
    /// ```
    pub const fn percent_tenths(self) -> Option<u64> {
        if self.denominator == 0 {
            return None;
        }
        // Exact: (1000·n + d/2) / d in 128 bits cannot overflow for u64 counts.
        let n = self.numerator as u128;
        let d = self.denominator as u128;
        let tenths = (1000 * n + d / 2) / d;
        if tenths > u64::MAX as u128 {
            Some(u64::MAX)
        } else {
            Some(tenths as u64)
        }
    }

    /// The share as a fraction in `[0, 1]` (for plotting; the counts are the exact value), or
    /// `None` when the denominator is zero.
    ///
    /// ```
    /// assert_eq!(support_sla::report::Share::new(1, 4).to_f64(), Some(0.25));
    /// ```
    pub fn to_f64(self) -> Option<f64> {
        if self.denominator == 0 {
            None
        } else {
            Some(self.numerator as f64 / self.denominator as f64)
        }
    }
}

/// How many objectives (of one kind) were met, breached and pending.
///
/// Counts the [`SlaState`] of each objective as the status gives it: a status computed at an
/// instant before the end of the period may leave objectives pending that would breach later.
///
/// # Example
///
/// ```
/// use support_sla::report::Tally;
///
/// let tally = Tally::new(8, 2, 1);
/// assert_eq!((tally.decided(), tally.total()), (10, 11));
/// assert_eq!(tally.share_met().to_string(), "80.0%");
/// assert_eq!(tally + Tally::new(1, 0, 0), Tally::new(9, 2, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Tally {
    /// Objectives answered at or before their due instant.
    pub met: u64,
    /// Objectives answered after their due instant, or unanswered past it.
    pub breached: u64,
    /// Objectives not answered and not yet due.
    pub pending: u64,
}

impl Tally {
    /// A tally of `met`, `breached` and `pending` objectives.
    pub const fn new(met: u64, breached: u64, pending: u64) -> Tally {
        Tally {
            met,
            breached,
            pending,
        }
    }

    /// The objectives decided: met + breached.
    pub const fn decided(self) -> u64 {
        self.met.saturating_add(self.breached)
    }

    /// All objectives counted: met + breached + pending.
    pub const fn total(self) -> u64 {
        self.decided().saturating_add(self.pending)
    }

    /// The share met among the decided: `met / (met + breached)`; pending objectives are left
    /// out, since they may still go either way.
    pub const fn share_met(self) -> Share {
        Share::new(self.met, self.decided())
    }

    fn count(&mut self, state: SlaState) {
        match state {
            SlaState::Met { .. } => self.met += 1,
            SlaState::Breached { .. } => self.breached += 1,
            SlaState::Pending => self.pending += 1,
        }
    }
}

impl Add for Tally {
    type Output = Tally;

    fn add(self, other: Tally) -> Tally {
        Tally {
            met: self.met.saturating_add(other.met),
            breached: self.breached.saturating_add(other.breached),
            pending: self.pending.saturating_add(other.pending),
        }
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        *self = *self + other;
    }
}

/// The [`Tally`] of both objectives of a group of tickets.
///
/// # Example
///
/// ```
/// use support_sla::report::{ObjectiveKind, Tallies, Tally};
///
/// let tallies = Tallies::new(Tally::new(3, 1, 0), Tally::new(1, 0, 3));
/// assert_eq!(tallies.get(ObjectiveKind::Resolution).pending, 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Tallies {
    /// The first-response objectives.
    pub first_response: Tally,
    /// The resolution objectives.
    pub resolution: Tally,
}

impl Tallies {
    /// The tallies of `first_response` and `resolution`.
    pub const fn new(first_response: Tally, resolution: Tally) -> Tallies {
        Tallies {
            first_response,
            resolution,
        }
    }

    /// The tally of one objective.
    pub const fn get(self, kind: ObjectiveKind) -> Tally {
        match kind {
            ObjectiveKind::Response => self.first_response,
            ObjectiveKind::Resolution => self.resolution,
        }
    }

    fn get_mut(&mut self, kind: ObjectiveKind) -> &mut Tally {
        match kind {
            ObjectiveKind::Response => &mut self.first_response,
            ObjectiveKind::Resolution => &mut self.resolution,
        }
    }
}

impl Add for Tallies {
    type Output = Tallies;

    fn add(self, other: Tallies) -> Tallies {
        Tallies {
            first_response: self.first_response + other.first_response,
            resolution: self.resolution + other.resolution,
        }
    }
}

impl AddAssign for Tallies {
    fn add_assign(&mut self, other: Tallies) {
        *self = *self + other;
    }
}

/// One breached objective of one ticket.
///
/// `overrun` is `used - budget` of the objective's status, in service time: how much service
/// time past its budget it had taken when answered (or at the status instant, when
/// unanswered). The state is decided by the instant, the overrun by service time, so an
/// objective answered after its due instant but before the service reopened is breached with a
/// zero overrun (due at closing time 17:30, answered at 18:00).
///
/// # Example
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::report::{ObjectiveKind, QosReport};
/// use support_sla::status::TicketFacts;
/// use support_sla::{Severity, SupportPolicy, TicketId, Tier};
///
/// // Standard S2 on Monday 3 March 2025 at 9:00, answered at 12:30: 2 h budget, 1 h 30 over.
/// let at = |d, h, m| Madrid.with_ymd_and_hms(2025, 3, d, h, m, 0).unwrap();
/// let facts = TicketFacts::new(Tier::Standard, Severity::S2, at(3, 9, 0)).with_first_response(at(3, 12, 30));
/// let status = SupportPolicy::madrid().status(&facts, at(3, 13, 0))?;
/// let report = QosReport::new([(TicketId::new(7), &status)], at(1, 0, 0)..at(4, 0, 0));
/// let breach = &report.breaches()[0];
/// assert_eq!(breach.objective, ObjectiveKind::Response);
/// assert_eq!(breach.due, at(3, 11, 0));
/// assert_eq!(breach.answered, Some(at(3, 12, 30).to_utc()));
/// assert_eq!(breach.overrun, TimeDelta::minutes(90));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Breach {
    /// The ticket.
    pub ticket: TicketId,
    /// Its priority (tier and severity).
    pub priority: Priority,
    /// When it was registered.
    pub registered: DateTime<Utc>,
    /// Which objective was breached (serialized as `"first_response"` or `"resolution"`, the
    /// report's words).
    #[cfg_attr(feature = "serde", serde(serialize_with = "serde_impl::objective"))]
    pub objective: ObjectiveKind,
    /// When the objective fell due: the instant of the breach.
    pub due: DateTime<Utc>,
    /// When it was answered, if it was.
    pub answered: Option<DateTime<Utc>>,
    /// Service time used past the budget (`used - budget`), serialized as ISO 8601.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub overrun: TimeDelta,
}

/// The nearest-rank median and 90th percentile of some service times (see the
/// [module docs](self) for the method).
///
/// # Example
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::report::{ObjectiveKind, QosReport};
/// use support_sla::status::TicketFacts;
/// use support_sla::{Severity, SupportPolicy, TicketId, Tier};
///
/// // Four Vip S1 tickets (24x7) answered after 10, 20, 30 and 40 minutes.
/// let policy = SupportPolicy::madrid();
/// let t0 = Madrid.with_ymd_and_hms(2025, 3, 9, 3, 0, 0).unwrap();
/// let statuses = [10, 20, 30, 40]
///     .map(|m| TicketFacts::new(Tier::Vip, Severity::S1, t0).with_first_response(t0 + TimeDelta::minutes(m)))
///     .map(|f| policy.status(&f, t0 + TimeDelta::days(1)));
/// let mut list = Vec::new();
/// for (i, s) in statuses.into_iter().enumerate() {
///     list.push((TicketId::new(i as u64), s?));
/// }
/// let report = QosReport::new(list.iter().map(|(id, s)| (*id, s)), t0..t0 + TimeDelta::days(1));
/// let p = report.service_time(ObjectiveKind::Response).unwrap();
/// assert_eq!(p.count, 4);
/// assert_eq!(p.median, TimeDelta::minutes(20)); // rank ⌈4/2⌉ = 2
/// assert_eq!(p.p90, TimeDelta::minutes(40)); // rank ⌈3.6⌉ = 4
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Percentiles {
    /// How many values (answered objectives) there were; at least one.
    pub count: u64,
    /// The median: the value of rank `⌈n/2⌉`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub median: TimeDelta,
    /// The 90th percentile: the value of rank `⌈9n/10⌉`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "crate::iso::serialize"))]
    pub p90: TimeDelta,
}

const SEVERITIES: usize = 4;
const PRIORITIES: usize = 12;

/// The quality-of-service report of the tickets registered in a period.
///
/// See the [module docs](self) for what it counts and how, and an example. `Display` renders
/// readable tables (severities as rows, tiers as columns); the alternate form (`{:#}`) lists
/// the breaches as well. With the `serde` feature it serializes (not deserializes) as a
/// document keyed by the crate's words (`"s1"`, `"vip"`, `"P4"`, `"first_response"`), durations
/// in ISO 8601.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QosReport {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    tickets: u64,
    /// Indexed by priority rank - 1.
    cells: [Tallies; PRIORITIES],
    breaches: Vec<Breach>,
    /// `[objective][severity]`.
    by_severity: [[Option<Percentiles>; SEVERITIES]; 2],
    /// `[objective]`.
    overall: [Option<Percentiles>; 2],
    /// Objectives counted whose budget is the crate's placeholder, not a configured figure.
    crate_defaults: u64,
}

impl QosReport {
    /// The report of the `tickets` registered in `period` (`from..to`, half-open: a ticket
    /// registered exactly at `to` belongs to the next period).
    ///
    /// `tickets` yields each ticket's number beside its status, the status borrowed or owned
    /// (`(TicketId, &TicketStatus)` or `(TicketId, TicketStatus)`), so a caller can pass
    /// `list.iter().map(|(id, s)| (*id, s))` or compute the statuses on the fly without
    /// storing them. Tickets registered outside the period are skipped; an empty or inverted
    /// period gives an empty report. Breaches are listed in the order the tickets come, the
    /// first response before the resolution of the same ticket.
    ///
    /// The statuses are taken as they are: compute them at the end of the period (or later) so
    /// that objectives due inside it are decided.
    ///
    /// # Panics
    ///
    /// Never: there is a list of times per severity, four, to merge into the overall one.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use support_sla::report::QosReport;
    /// use support_sla::status::TicketStatus;
    /// use support_sla::TicketId;
    ///
    /// let from = Utc.with_ymd_and_hms(2025, 11, 1, 0, 0, 0).unwrap();
    /// let to = Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap();
    /// let report = QosReport::new(std::iter::empty::<(TicketId, &TicketStatus)>(), from..to);
    /// assert_eq!(report.tickets(), 0);
    /// assert_eq!(report.total().first_response.share_met().to_string(), "n/a");
    /// assert!(report.breaches().is_empty());
    /// ```
    pub fn new<I, S, Z>(tickets: I, period: Range<DateTime<Z>>) -> QosReport
    where
        I: IntoIterator<Item = (TicketId, S)>,
        S: Borrow<TicketStatus>,
        Z: TimeZone,
    {
        let (from, to) = (period.start.to_utc(), period.end.to_utc());
        let (mut count, mut crate_defaults) = (0u64, 0u64);
        let mut cells = [Tallies::default(); PRIORITIES];
        let mut breaches = Vec::new();
        let mut times: [[Samples; SEVERITIES]; 2] = Default::default();
        for (ticket, status) in tickets {
            let status = status.borrow();
            if status.registered < from || status.registered >= to {
                continue;
            }
            count += 1;
            let severity = status.priority.severity().index();
            let cell = status.priority.index();
            for kind in ObjectiveKind::ALL {
                let objective = objective_of(kind, status);
                if objective.source == ObjectiveSource::CrateDefault {
                    crate_defaults += 1;
                }
                if let Some(tallies) = cells.get_mut(cell) {
                    tallies.get_mut(kind).count(objective.state);
                }
                if let SlaState::Breached { at } = objective.state {
                    breaches.push(Breach {
                        ticket,
                        priority: status.priority,
                        registered: status.registered,
                        objective: kind,
                        due: at,
                        answered: objective.answered,
                        overrun: saturating_sub(objective.used, objective.budget),
                    });
                }
                if objective.answered.is_some() {
                    if let Some(list) = times
                        .get_mut(kind.index())
                        .and_then(|per| per.get_mut(severity))
                    {
                        list.push(objective.used);
                    }
                }
            }
        }
        let mut by_severity = [[None; SEVERITIES]; 2];
        let mut overall = [None; 2];
        for ((per_severity, out), all) in times
            .iter_mut()
            .zip(by_severity.iter_mut())
            .zip(overall.iter_mut())
        {
            for (values, out) in per_severity.iter_mut().zip(out.iter_mut()) {
                *out = values.percentiles();
            }
            // Overall: move the largest list, append the others (copying the smaller ones only).
            let mut merged = per_severity
                .iter_mut()
                .max_by_key(|values| values.len())
                .map(std::mem::take)
                .expect("invariant: there is a list per severity, four");
            for values in per_severity.iter() {
                merged.extend(values);
            }
            *all = merged.percentiles();
        }
        QosReport {
            from,
            to,
            tickets: count,
            cells,
            breaches,
            by_severity,
            overall,
            crate_defaults,
        }
    }

    /// How many of the objectives counted (two a ticket) have the crate's placeholder budget
    /// ([`ObjectiveSource::CrateDefault`]) rather than configured figures: when it is not zero,
    /// "met" and "breached" are measured against the crate's defaults, not a contract's, and
    /// the text form says so.
    pub fn crate_default_objectives(&self) -> u64 {
        self.crate_defaults
    }

    /// The period: tickets registered in `[from, to)`.
    pub fn period(&self) -> Range<DateTime<Utc>> {
        self.from..self.to
    }

    /// How many tickets were registered in the period.
    pub fn tickets(&self) -> u64 {
        self.tickets
    }

    /// The tallies of the tickets of one priority, that is of one (tier, severity):
    /// `by_priority(Priority::new(tier, severity))`.
    pub fn by_priority(&self, priority: Priority) -> Tallies {
        // `Priority::index` is below 12, the length of `cells`.
        self.cells[priority.index()]
    }

    /// The tallies of the tickets of one severity, all tiers.
    pub fn by_severity(&self, severity: Severity) -> Tallies {
        Tier::ALL
            .iter()
            .map(|&tier| self.by_priority(Priority::new(tier, severity)))
            .fold(Tallies::default(), Add::add)
    }

    /// The tallies of the tickets of one tier, all severities.
    pub fn by_tier(&self, tier: Tier) -> Tallies {
        Severity::ALL
            .iter()
            .map(|&severity| self.by_priority(Priority::new(tier, severity)))
            .fold(Tallies::default(), Add::add)
    }

    /// The tallies of all the tickets of the period.
    pub fn total(&self) -> Tallies {
        self.cells
            .iter()
            .copied()
            .fold(Tallies::default(), Add::add)
    }

    /// The breached objectives, in the order the tickets came.
    pub fn breaches(&self) -> &[Breach] {
        &self.breaches
    }

    /// The median and p90 of the service time used by the answered objectives of this kind, all
    /// severities; `None` when none was answered.
    pub fn service_time(&self, kind: ObjectiveKind) -> Option<Percentiles> {
        self.overall.get(kind.index()).copied().flatten()
    }

    /// The median and p90 of the service time used by the answered objectives of this kind and
    /// severity; `None` when none was answered.
    pub fn service_time_by_severity(
        &self,
        kind: ObjectiveKind,
        severity: Severity,
    ) -> Option<Percentiles> {
        self.by_severity
            .get(kind.index())
            .and_then(|per| per.get(severity.index()))
            .copied()
            .flatten()
    }
}

/// `a - b`, saturating instead of panicking on overflow (statuses from a policy never get near).
fn saturating_sub(a: TimeDelta, b: TimeDelta) -> TimeDelta {
    a.checked_sub(&b).unwrap_or(if b < TimeDelta::zero() {
        TimeDelta::MAX
    } else {
        TimeDelta::MIN
    })
}

mod render;
mod samples;
#[cfg(feature = "serde")]
#[path = "serde.rs"]
mod serde_impl;
