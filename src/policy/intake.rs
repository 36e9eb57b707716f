//! Intake rules: whether a report through a channel is accepted at an instant.

use super::{CoverageKind, SupportPolicy};
use crate::{Channel, Error, Severity, TicketId, Tier};
use chrono::{DateTime, TimeZone, Utc};
use std::fmt;

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
/// initial description and ticket number. A plain value for the caller to send.
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
/// use support_sla::TicketId;
///
/// let at = Utc.with_ymd_and_hms(2025, 3, 5, 10, 0, 0).unwrap();
/// let ack = Acknowledgement::new(TicketId::new(4711), at, "The invoicing server does not start");
/// assert_eq!(ack.to_string(), "ticket 4711 registered at 2025-03-05 10:00:00 UTC: The invoicing server does not start");
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
}

impl Acknowledgement {
    /// The acknowledgement of `ticket`, registered at `registered` with `description`.
    pub fn new<Z: TimeZone>(
        ticket: TicketId,
        registered: DateTime<Z>,
        description: impl Into<String>,
    ) -> Acknowledgement {
        Acknowledgement {
            ticket,
            registered: registered.to_utc(),
            description: description.into(),
        }
    }
}

impl fmt::Display for Acknowledgement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ticket {} registered at {}: {}",
            self.ticket, self.registered, self.description
        )
    }
}

/// The e-mail notification a client receives when the support technician closes a ticket.
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
/// assert_eq!(notice.to_string(), "ticket 4711 closed at 2025-03-06 12:00:00 UTC");
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
}

impl ClosureNotification {
    /// The notification that `ticket` was closed at `closed`.
    pub fn new<Z: TimeZone>(ticket: TicketId, closed: DateTime<Z>) -> ClosureNotification {
        ClosureNotification {
            ticket,
            closed: closed.to_utc(),
        }
    }
}

impl fmt::Display for ClosureNotification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ticket {} closed at {}", self.ticket, self.closed)
    }
}

/// Why the policy refuses an intake. A value, never a panic: the caller tells the client.
///
/// `Display` gives the reason in plain English, citing the policy.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// A phone call about a Severity 1 or 2 incident without a ticket number: the client must
    /// first register it by e-mail or web, then call quoting the number.
    ///
    /// # Source
    ///
    /// > «En el caso de reportar una incidencia crítica o urgente (Severidad 1 ó 2), el cliente
    /// > debe primero reportar la incidencia por correo electrónico o web y luego avisar por
    /// > teléfono […] indicando el número de Ticket»
    ///
    /// Gloss: for S1/S2, report by e-mail or web first, then call quoting the ticket number.
    PhoneNeedsTicketNumber,
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
    /// Gloss: each tier's phone line keeps its hours.
    OutsidePhoneHours {
        /// The client's tier.
        tier: Tier,
        /// The incident's severity.
        severity: Severity,
        /// When the line opens next for this tier and severity, if inside the supported range.
        next_open: Option<DateTime<Utc>>,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::PhoneNeedsTicketNumber => f.write_str(
                "a severity 1 or 2 incident must first be reported by e-mail or web; \
                 then call quoting the ticket number (policy: «debe primero reportar la \
                 incidencia por correo electrónico o web y luego avisar por teléfono»)",
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
            } => {
                write!(
                    f,
                    "the {tier} phone line for {severity} incidents is closed at this hour"
                )?;
                if let Some(at) = next_open {
                    write!(f, "; it opens at {at}")?;
                }
                let hours = match (tier, severity.is_urgent()) {
                    (Tier::Standard, _) => {
                        "«de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00 \
                         (salvo festivos en Madrid)»"
                    }
                    (Tier::Vip, true) => "«en un horario de 24x7, todos los días del año»",
                    _ => "«entre las 09:00 a 20:00 de lunes a viernes, según el calendario laboral de Madrid»",
                };
                write!(
                    f,
                    "; e-mail and web take reports at any hour (policy: {hours})"
                )
            }
        }
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
    ///    - Plus S1/S2: the Standard hours and the Plus hours (the Plus hours contain the
    ///      Standard hours in the policy of the text);
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
        let accepted = match ticket {
            Some(ticket) => Accepted::FollowUp { ticket },
            None => Accepted::Register { registered: at },
        };
        if channel != Channel::Phone {
            return Ok(Ok(accepted));
        }
        if severity.is_urgent() && ticket.is_none() {
            return Ok(Err(Refusal::PhoneNeedsTicketNumber));
        }
        let windows: &[CoverageKind] = match (tier, severity.is_urgent()) {
            (Tier::Standard, false) => {
                return Ok(Err(Refusal::PhoneNotAvailable { tier, severity }));
            }
            (Tier::Standard, true) => &[CoverageKind::Standard],
            (Tier::Plus, true) => &[CoverageKind::Standard, CoverageKind::Plus],
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
        }))
    }
}
