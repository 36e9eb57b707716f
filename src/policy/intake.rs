//! Intake rules: whether a report through a channel is accepted at an instant.

use super::{CoverageKind, SupportPolicy};
use crate::coverage::Schedule;
use crate::{channel::Channel, error::Error, severity::Severity, ticket::TicketId, tier::Tier};
use chrono::{DateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use std::fmt;

/// The phone number of the policy text, for urgent incidents.
///
/// # Source
///
/// > «luego avisar por teléfono (al 902 321 122) sobre la criticidad de la incidencia»
pub(crate) const TEXT_PHONE_NUMBER: &str = "902 321 122";

/// The zone of the policy text, whose times people read.
pub(crate) const TEXT_TIME_ZONE: Tz = chrono_tz::Europe::Madrid;

/// An instant as people in `zone` read it: `2025-03-04 09:00 CET` (seconds, and a fraction,
/// only when not a whole minute). For texts meant for a client or an agent; machine output
/// stays RFC 3339 in UTC.
pub(crate) fn local_time(at: DateTime<Utc>, zone: Tz) -> impl fmt::Display {
    let local = at.with_timezone(&zone);
    let format = if local.second() == 0 && local.nanosecond() == 0 {
        "%Y-%m-%d %H:%M %Z"
    } else {
        "%Y-%m-%d %H:%M:%S%.f %Z"
    };
    local.format(format)
}

#[cfg(feature = "serde")]
fn text_phone_number() -> String {
    TEXT_PHONE_NUMBER.to_owned()
}

#[cfg(feature = "serde")]
const fn text_time_zone() -> Tz {
    TEXT_TIME_ZONE
}

/// When a Plus client may call about a Severity 1 or 2 incident: the two readings of the Plus
/// sentence.
///
/// The text says Plus «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del
/// horario de soporte estándar.» It can be read as "also after Standard hours, while the Plus
/// line is open" (Plus hours 09:00–20:00 being the Plus line) or as "at any hour outside
/// Standard hours" (night, weekends and holidays included). The crate takes the first by
/// default; the contract decides.
///
/// # Source
///
/// > «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del horario de soporte
/// > estándar.»
///
/// Gloss: Plus allows reporting Severity 1 and 2 incidents by phone outside Standard hours.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::policy::{Accepted, PlusUrgentCalls};
/// use support_sla::{Channel, Severity, SupportPolicy, TicketId, Tier};
///
/// let saturday_night = Madrid.with_ymd_and_hms(2025, 3, 8, 23, 0, 0).unwrap();
/// let ticket = Some(TicketId::new(4711));
/// let call = |policy: &SupportPolicy| policy.intake(Tier::Plus, Severity::S1, Channel::Phone, saturday_night, ticket);
/// assert!(call(&SupportPolicy::madrid())?.is_err());
/// let any_hour = SupportPolicy::builder().plus_urgent_calls(PlusUrgentCalls::AnyHour).build()?;
/// assert_eq!(call(&any_hour)?, Ok(Accepted::FollowUp { ticket: TicketId::new(4711) }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PlusUrgentCalls {
    /// In the Standard hours and in the Plus hours beyond them (the default): «fuera del
    /// horario de soporte estándar» read within the Plus line's hours.
    #[default]
    BeyondStandardWithinPlus,
    /// At any hour: in the Standard hours and at every hour outside them, holidays included.
    AnyHour,
}

/// An intake the policy accepts: what the support desk does with it.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::policy::Accepted;
/// use support_sla::{Channel, Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// let night = Madrid.with_ymd_and_hms(2025, 3, 5, 23, 0, 0).unwrap();
/// let answer = policy.intake(Tier::Standard, Severity::S1, Channel::Email, night, None)?;
/// assert_eq!(answer, Ok(Accepted::Register { registered: night.to_utc() }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Accepted {
    /// Register a new ticket, registered at this instant (the instant of the intake), and send
    /// the client an [`Acknowledgement`]. Its service clock starts at the next opening of its
    /// coverage.
    Register {
        /// The registration instant.
        registered: DateTime<Utc>,
    },
    /// A report about the ticket already registered with this number (a call warning of a
    /// critical incident, or an e-mail about an open ticket): no new ticket.
    FollowUp {
        /// The ticket quoted.
        ticket: TicketId,
    },
}

/// The confirmation sent to the client when a ticket is registered: registration instant,
/// initial description and ticket number, and the phone number to call about an urgent
/// incident. A plain value for the caller to send.
///
/// `Display` shows the registration in the policy's zone (`2025-03-05 11:00 CET`), as the
/// client reads it; the value and its serde form keep the instant in UTC.
///
/// # Source
///
/// > «Al dar de alta una incidencia, IREO mandará automáticamente una confirmación de la
/// > recepción de la misma, indicando la fecha de alta, descripción inicial de la incidencia y el
/// > número de Ticket.»
///
/// Gloss: on registration an acknowledgement gives the date, initial description and ticket
/// number.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::policy::Acknowledgement;
/// use support_sla::{SupportPolicy, TicketId};
///
/// let at = Utc.with_ymd_and_hms(2025, 3, 5, 10, 0, 0).unwrap();
/// let ack = SupportPolicy::madrid().acknowledgement(TicketId::new(4711), at, "The invoicing server does not start");
/// assert_eq!(
///     ack.to_string(),
///     "ticket 4711 registered at 2025-03-05 11:00 CET: The invoicing server does not start \
///      (severity 1 or 2: call 902 321 122 quoting ticket 4711)"
/// );
/// assert_eq!(ack, Acknowledgement::new(TicketId::new(4711), at, "The invoicing server does not start"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Acknowledgement {
    /// The ticket number.
    pub ticket: TicketId,
    /// The registration instant.
    pub registered: DateTime<Utc>,
    /// The initial description of the incident.
    pub description: String,
    /// The number to call about a severity 1 or 2 incident, quoting the ticket number (the
    /// policy's [`phone_number`](super::PolicyConfig::phone_number); `902 321 122` in the text).
    #[cfg_attr(feature = "serde", serde(default = "text_phone_number"))]
    pub phone_number: String,
    /// The zone `Display` shows the registration in (the policy's; `Europe/Madrid` in the
    /// text). In serde, its IANA name.
    #[cfg_attr(
        feature = "serde",
        serde(
            default = "text_time_zone",
            serialize_with = "super::fields::serialize_zone",
            deserialize_with = "super::fields::time_zone"
        )
    )]
    pub time_zone: Tz,
}

impl Acknowledgement {
    /// The acknowledgement of `ticket`, registered at `registered` with `description`, under
    /// the policy of the text (its phone number and zone); see
    /// [`SupportPolicy::acknowledgement`] for a configured policy's.
    pub fn new<Z: TimeZone>(
        ticket: TicketId,
        registered: DateTime<Z>,
        description: impl Into<String>,
    ) -> Acknowledgement {
        Acknowledgement {
            ticket,
            registered: registered.to_utc(),
            description: description.into(),
            phone_number: TEXT_PHONE_NUMBER.to_owned(),
            time_zone: TEXT_TIME_ZONE,
        }
    }
}

impl fmt::Display for Acknowledgement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ticket {} registered at {}: {} (severity 1 or 2: call {} quoting ticket {})",
            self.ticket,
            local_time(self.registered, self.time_zone),
            self.description,
            self.phone_number,
            self.ticket
        )
    }
}

/// The e-mail notification a client receives when the support technician closes a ticket.
///
/// `Display` shows the closing instant in the policy's zone (`2025-03-06 13:00 CET`).
///
/// # Source
///
/// > «cuando el técnico de soporte da por cerrada una incidencia, el cliente recibirá una
/// > notificación por correo electrónico»
///
/// Gloss: closing a ticket sends the client an e-mail notification. This crate only builds the
/// value; sending it is the caller's job.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::policy::ClosureNotification;
/// use support_sla::TicketId;
///
/// let at = Utc.with_ymd_and_hms(2025, 3, 6, 12, 0, 0).unwrap();
/// let notice = ClosureNotification::new(TicketId::new(4711), at);
/// assert_eq!(notice.to_string(), "ticket 4711 closed at 2025-03-06 13:00 CET");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct ClosureNotification {
    /// The ticket number.
    pub ticket: TicketId,
    /// When the technician closed it.
    pub closed: DateTime<Utc>,
    /// The zone `Display` shows the closing in (the policy's; `Europe/Madrid` in the text). In
    /// serde, its IANA name.
    #[cfg_attr(
        feature = "serde",
        serde(
            default = "text_time_zone",
            serialize_with = "super::fields::serialize_zone",
            deserialize_with = "super::fields::time_zone"
        )
    )]
    pub time_zone: Tz,
}

impl ClosureNotification {
    /// The notification that `ticket` was closed at `closed`, shown in the zone of the policy
    /// of the text; see [`SupportPolicy::closure_notification`] for a configured policy's.
    pub fn new<Z: TimeZone>(ticket: TicketId, closed: DateTime<Z>) -> ClosureNotification {
        ClosureNotification {
            ticket,
            closed: closed.to_utc(),
            time_zone: TEXT_TIME_ZONE,
        }
    }
}

impl fmt::Display for ClosureNotification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ticket {} closed at {}",
            self.ticket,
            local_time(self.closed, self.time_zone)
        )
    }
}

/// Why the policy refuses an intake. A value, never a panic: the caller tells the client.
///
/// `Display` gives the reason in plain English, citing the policy where the policy says it and
/// naming the crate's configured choice where the text is silent; instants are shown in the
/// policy's zone (`it opens at 2025-03-04 09:00 CET`).
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Madrid;
/// use support_sla::policy::Refusal;
/// use support_sla::{Channel, Severity, SupportPolicy, Tier};
///
/// let policy = SupportPolicy::madrid();
/// let monday = Madrid.with_ymd_and_hms(2025, 3, 3, 10, 0, 0).unwrap();
/// let answer = policy.intake(Tier::Standard, Severity::S4, Channel::Phone, monday, None)?;
/// assert_eq!(answer, Err(Refusal::PhoneNotAvailable { tier: Tier::Standard, severity: Severity::S4 }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// A phone call about a Severity 1 or 2 incident without a ticket number: the client must
    /// first register it by e-mail or web, then call quoting the number.
    ///
    /// # Source
    ///
    /// > «En el caso de reportar una incidencia crítica o urgente (Severidad 1 ó 2), el cliente
    /// > debe primero reportar la incidencia por correo electrónico o web y luego avisar por
    /// > teléfono (al 902 321 122) sobre la criticidad de la incidencia, indicando el número de
    /// > Ticket»
    ///
    /// Gloss: for S1/S2, report by e-mail or web first, then call quoting the ticket number.
    PhoneNeedsTicketNumber {
        /// The number to call once the ticket is registered (the policy's
        /// [`phone_number`](super::PolicyConfig::phone_number)).
        phone_number: String,
    },
    /// A phone call the tier does not offer for this severity: Standard clients may call only
    /// for Severity 1 and 2.
    ///
    /// # Source
    ///
    /// > «IREO no podrá recepcionar llamadas telefónicas de Soporte Estándar salvo en casos
    /// > excepcionales y críticos (Severidad 1 o 2).»
    ///
    /// Gloss: no Standard phone calls except for Severity 1 or 2.
    PhoneNotAvailable {
        /// The client's tier.
        tier: Tier,
        /// The incident's severity.
        severity: Severity,
    },
    /// A phone call outside the tier's phone hours for this severity.
    ///
    /// # Source
    ///
    /// > «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00» (Standard) ·
    /// > «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del horario de
    /// > soporte estándar.» (Plus, within 09:00–20:00) · «Permite reportar incidencias de
    /// > Severidad 1 y 2 en un horario de 24x7, todos los días del año.» (Vip)
    ///
    /// Gloss: each tier's phone line keeps its hours. Vip Severity 3 and 4 calls have no hours
    /// in the text: they follow the coverage configured for them (the crate's choice, Plus
    /// hours by default), and the refusal says so instead of quoting the Plus sentence.
    OutsidePhoneHours {
        /// The client's tier.
        tier: Tier,
        /// The incident's severity.
        severity: Severity,
        /// When the line opens next for this tier and severity, if inside the supported range.
        next_open: Option<DateTime<Utc>>,
        /// The coverage of tickets of this tier and severity
        /// ([`SupportPolicy::coverage_kind`]).
        coverage: CoverageKind,
        /// The policy's zone, in which `Display` shows `next_open`.
        time_zone: Tz,
        /// The tier's hours when the policy's configuration replaces the figures the text
        /// quotes (Standard hours, or Plus hours for Severity 3 and 4, other than the text's),
        /// which `Display` then gives instead of the quote; `None` when the quote holds (boxed:
        /// a schedule is large, a refusal stays small).
        configured_hours: Option<Box<Schedule>>,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::PhoneNeedsTicketNumber { phone_number } => write!(
                f,
                "a severity 1 or 2 incident must first be reported by e-mail or web; \
                 then call {phone_number} quoting the ticket number (policy: «debe primero \
                 reportar la incidencia por correo electrónico o web y luego avisar por \
                 teléfono»)",
            ),
            Refusal::PhoneNotAvailable { tier, severity } => write!(
                f,
                "{tier} support takes no phone calls for {severity} incidents, only for \
                 severity 1 or 2; please report it by e-mail or web (policy: «no podrá \
                 recepcionar llamadas telefónicas de Soporte Estándar salvo en casos \
                 excepcionales y críticos»)"
            ),
            Refusal::OutsidePhoneHours {
                tier,
                severity,
                next_open,
                coverage,
                time_zone,
                configured_hours,
            } => {
                write!(
                    f,
                    "the {tier} phone line for {severity} incidents is closed at this hour"
                )?;
                if let Some(at) = next_open {
                    write!(f, "; it opens at {}", local_time(*at, *time_zone))?;
                }
                f.write_str("; e-mail and web take reports at any hour (")?;
                match configured_hours {
                    Some(hours) => write!(
                        f,
                        "configured: {tier} hours {hours}, in place of the policy text's"
                    )?,
                    None => phone_hours(f, *tier, *severity, *coverage)?,
                }
                f.write_str(")")
            }
        }
    }
}

/// Where the phone hours of `tier` and `severity` come from: the policy's sentence, or for Vip
/// Severity 3 and 4 (no hours in the text) the configured coverage.
fn phone_hours(
    f: &mut fmt::Formatter<'_>,
    tier: Tier,
    severity: Severity,
    coverage: CoverageKind,
) -> fmt::Result {
    match (tier, severity.is_urgent()) {
        (Tier::Standard, _) => f.write_str(
            "policy: «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00 \
             (salvo festivos en Madrid)»",
        ),
        (Tier::Plus, true) => f.write_str(
            "policy: «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del \
             horario de soporte estándar», read as: in the Plus hours beyond the Standard hours",
        ),
        (Tier::Plus, false) => f.write_str(
            "policy: «entre las 09:00 a 20:00 de lunes a viernes, según el calendario laboral \
             de Madrid»",
        ),
        (Tier::Vip, true) => f.write_str("policy: «en un horario de 24x7, todos los días del año»"),
        (Tier::Vip, false) => write!(
            f,
            "configured: vip severity 3 and 4 calls follow the {coverage} coverage; \
             the policy text gives no hours for them"
        ),
    }
}

impl std::error::Error for Refusal {}

impl SupportPolicy {
    /// Whether the policy accepts a report of an incident of `severity` from a client of `tier`
    /// through `channel` at `at`, quoting `ticket` if the client gives a ticket number.
    ///
    /// The rules, in the order they are checked:
    ///
    /// 1. E-mail and web are always accepted: with a ticket number it is a
    ///    [`FollowUp`](Accepted::FollowUp), without one a new ticket to
    ///    [`Register`](Accepted::Register) at `at` (its service clock starts at the next
    ///    opening).
    /// 2. A phone call never creates a Severity 1 or 2 ticket: without a ticket number it is
    ///    refused with [`Refusal::PhoneNeedsTicketNumber`], at any hour.
    /// 3. Standard takes no calls for Severity 3 or 4: [`Refusal::PhoneNotAvailable`].
    /// 4. A call must fall inside the phone window of the tier and severity, else
    ///    [`Refusal::OutsidePhoneHours`] with the next opening:
    ///    - Standard S1/S2: the Standard hours;
    ///    - Plus S1/S2: by default ([`PlusUrgentCalls::BeyondStandardWithinPlus`]) the
    ///      Standard hours and the Plus hours (the Plus hours contain the Standard hours in the
    ///      policy of the text); read as [`PlusUrgentCalls::AnyHour`], around the clock;
    ///    - Plus S3/S4: the Plus hours;
    ///    - Vip S1/S2: around the clock;
    ///    - Vip S3/S4: the coverage of Vip S3/S4 tickets, the Plus hours by default
    ///      ([`PolicyBuilder::vip_low_severity`](super::PolicyBuilder::vip_low_severity)).
    /// 5. An accepted call with a ticket number is a [`FollowUp`](Accepted::FollowUp); an
    ///    accepted Severity 3 or 4 call without one (Plus and Vip) registers a new ticket.
    ///
    /// # Errors
    ///
    /// [`Error::InstantOutOfRange`] when a phone call's `at` is outside the supported range of
    /// the clocks. Refusals are not errors: they are the `Err` of the inner `Result`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::policy::{Accepted, Refusal};
    /// use support_sla::{Channel, Severity, SupportPolicy, TicketId, Tier};
    ///
    /// let policy = SupportPolicy::madrid();
    /// let ticket = Some(TicketId::new(4711));
    /// // Monday 3 March 2025 at 19:00: after Standard hours, inside Plus hours.
    /// let evening = Madrid.with_ymd_and_hms(2025, 3, 3, 19, 0, 0).unwrap();
    /// assert_eq!(
    ///     policy.intake(Tier::Plus, Severity::S1, Channel::Phone, evening, ticket)?,
    ///     Ok(Accepted::FollowUp { ticket: TicketId::new(4711) })
    /// );
    /// let refused = policy.intake(Tier::Standard, Severity::S1, Channel::Phone, evening, ticket)?;
    /// assert!(matches!(refused, Err(Refusal::OutsidePhoneHours { next_open: Some(_), .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn intake<Z: TimeZone>(
        &self,
        tier: Tier,
        severity: Severity,
        channel: Channel,
        at: DateTime<Z>,
        ticket: Option<TicketId>,
    ) -> Result<Result<Accepted, Refusal>, Error> {
        let at = at.to_utc();
        // Of a policy history, the rules of the version in force at the call (a version's own
        // view is not a history, so this asks once).
        let in_force = self.in_force_at(at);
        if !std::ptr::eq(in_force, self) {
            return in_force.intake(tier, severity, channel, at, ticket);
        }
        let accepted = match ticket {
            Some(ticket) => Accepted::FollowUp { ticket },
            None => Accepted::Register { registered: at },
        };
        if channel != Channel::Phone {
            return Ok(Ok(accepted));
        }
        if severity.is_urgent() && ticket.is_none() {
            return Ok(Err(Refusal::PhoneNeedsTicketNumber {
                phone_number: self.config.phone_number.clone(),
            }));
        }
        let windows: &[CoverageKind] = match (tier, severity.is_urgent()) {
            (Tier::Standard, false) => {
                return Ok(Err(Refusal::PhoneNotAvailable { tier, severity }));
            }
            (Tier::Standard, true) => &[CoverageKind::Standard],
            (Tier::Plus, true) => match self.config.plus_urgent_calls {
                PlusUrgentCalls::BeyondStandardWithinPlus => {
                    &[CoverageKind::Standard, CoverageKind::Plus]
                }
                PlusUrgentCalls::AnyHour => &[CoverageKind::Always],
            },
            (Tier::Plus, false) => &[CoverageKind::Plus],
            (Tier::Vip, true) => &[CoverageKind::Always],
            (Tier::Vip, false) => match self.config.vip_low_severity {
                CoverageKind::Standard => &[CoverageKind::Standard],
                CoverageKind::Plus => &[CoverageKind::Plus],
                CoverageKind::Always => &[CoverageKind::Always],
            },
        };
        let mut next_open: Option<DateTime<Utc>> = None;
        for &kind in windows {
            match self.clock(kind).next_open(at)? {
                Some(open) if open == at => return Ok(Ok(accepted)),
                Some(open) => next_open = Some(next_open.map_or(open, |n| n.min(open))),
                None => {}
            }
        }
        Ok(Err(Refusal::OutsidePhoneHours {
            tier,
            severity,
            next_open,
            coverage: self.coverage_kind(tier, severity),
            time_zone: self.config.time_zone,
            configured_hours: self.configured_hours(tier, severity),
        }))
    }

    /// The phone hours of `tier` and `severity` when the configuration replaces the figures the
    /// text quotes (see [`Refusal::OutsidePhoneHours`]). The Plus S1/S2 sentence quotes no
    /// figures («fuera del horario de soporte estándar»), so it holds for any hours.
    fn configured_hours(&self, tier: Tier, severity: Severity) -> Option<Box<Schedule>> {
        let (hours, text) = match (tier, severity.is_urgent()) {
            (Tier::Standard, _) => (&self.config.standard_hours, Schedule::standard()),
            (Tier::Plus, false) => (&self.config.plus_hours, Schedule::plus()),
            (Tier::Plus, true) | (Tier::Vip, _) => return None,
        };
        (*hours != text).then(|| Box::new(hours.clone()))
    }

    /// The acknowledgement of `ticket`, registered at `registered` with `description`, with
    /// this policy's phone number and zone (see [`Acknowledgement`]).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use support_sla::{SupportPolicy, TicketId};
    ///
    /// let policy = SupportPolicy::builder()
    ///     .phone_number("+34 910 000 000")
    ///     .time_zone(chrono_tz::Atlantic::Canary)
    ///     .build()?;
    /// let at = Utc.with_ymd_and_hms(2025, 7, 1, 10, 0, 0).unwrap();
    /// let ack = policy.acknowledgement(TicketId::new(7), at, "No invoices");
    /// assert_eq!(
    ///     ack.to_string(),
    ///     "ticket 7 registered at 2025-07-01 11:00 WEST: No invoices \
    ///      (severity 1 or 2: call +34 910 000 000 quoting ticket 7)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn acknowledgement<Z: TimeZone>(
        &self,
        ticket: TicketId,
        registered: DateTime<Z>,
        description: impl Into<String>,
    ) -> Acknowledgement {
        Acknowledgement {
            phone_number: self.config.phone_number.clone(),
            time_zone: self.config.time_zone,
            ..Acknowledgement::new(ticket, registered, description)
        }
    }

    /// The notification that `ticket` was closed at `closed`, shown in this policy's zone (see
    /// [`ClosureNotification`]).
    pub fn closure_notification<Z: TimeZone>(
        &self,
        ticket: TicketId,
        closed: DateTime<Z>,
    ) -> ClosureNotification {
        ClosureNotification {
            time_zone: self.config.time_zone,
            ..ClosureNotification::new(ticket, closed)
        }
    }
}
