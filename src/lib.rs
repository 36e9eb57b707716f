//! # support-sla
//!
//! Which support ticket comes next, and when its objectives fall due, by the support policy of a
//! software distributor in Madrid: three tiers, four severities, priority from severity then
//! tier, service hours in Madrid wall time on the Madrid working calendar, and exact business-time
//! arithmetic that does not grow with the span. Pure: no I/O, no clock reads; the one thing shared
//! between calls is the weeks of the time zones that live clocks use, which never changes an
//! answer (see [`Clock::new`](clock::Clock::new)).
//!
//! ## Quickstart: a ticket registered the evening before a Madrid holiday
//!
//! A Standard client registers a ticket on Wednesday 30 April 2025 at 18:00, after Standard hours
//! (09:00–17:30). 1 May is a national holiday, 2 May the Comunidad de Madrid's, then a weekend: the
//! service clock starts on Monday 5 May at 09:00, so 4 hours of service fall due at 13:00.
//!
//! ```
//! use chrono::{TimeDelta, TimeZone};
//! use chrono_tz::Europe::Madrid;
//! use support_sla::clock::Clock;
//! use support_sla::coverage::Coverage;
//! use support_sla::{Priority, Severity, Tier};
//!
//! let priority = Priority::new(Tier::Standard, Severity::S3);
//! assert_eq!(priority.to_string(), "P9");
//!
//! let clock = Clock::new(Coverage::standard())?; // build once, share everywhere
//! let registered = Madrid.with_ymd_and_hms(2025, 4, 30, 18, 0, 0).unwrap();
//! let due = clock.deadline(registered, TimeDelta::hours(4))?;
//! assert_eq!(due.with_timezone(&Madrid).to_string(), "2025-05-05 13:00:00 CEST");
//! assert_eq!(clock.next_open(registered)?.unwrap().with_timezone(&Madrid).to_string(),
//!            "2025-05-05 09:00:00 CEST");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## How the data flows
//!
//! policy → [`coverage`] + [`calendar`] → [`clock`] → status. A [`Coverage`](coverage::Coverage)
//! says when the service runs (weekly windows in `Europe/Madrid`, minus the holidays of a
//! [`Calendar`](calendar::Calendar)); a [`Clock`](clock::Clock) built from it precomputes the
//! service time of 2000–2100 and answers `is_open`, `next_open`, `next_close`, `elapsed` and
//! `deadline` in constant time. [`Priority`] and [`queue`] order the tickets. A
//! [`SupportPolicy`] ties them into the policy of the text: the coverage, objectives, deadlines
//! and intake rules of every (tier, severity), and from it [`status`] tells whether a ticket's
//! objectives are met, pending or breached (from plain facts or a [`status::Timeline`] of
//! events with pauses), and [`clock::Explanation`] says why a deadline falls where it does;
//! [`report`] sums many statuses into the
//! quality-of-service report of a period.
//!
//! ## Where each rule of the policy lives
//!
//! | rule | item | source (policy text) |
//! |---|---|---|
//! | three tiers | [`Tier`] | «Niveles de soporte disponibles» |
//! | severities drive priority | [`Severity`] | «niveles de Severidad que se utilizan para dar prioridad» |
//! | priority from severity, then tier | [`Priority`] | «dentro de la misma Severidad, se dará prioridad a los clientes VIP…» |
//! | serve higher priority first | [`queue`] | «atender antes a los clientes que tienen mayor prioridad» |
//! | Standard hours | [`coverage::Coverage::standard`] | «de lunes a jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00» |
//! | Plus hours | [`coverage::Coverage::plus`] | «entre las 09:00 a 20:00 de lunes a viernes» |
//! | Vip S1/S2 around the clock | [`coverage::Coverage::always`] | «en un horario de 24x7, todos los días del año» |
//! | Madrid holidays | [`calendar`] | «salvo festivos en Madrid», «según el calendario laboral de Madrid» |
//! | only service hours count | [`clock`] | «sólo se consideran las horas que transcurren dentro del horario oficial de servicio» |
//! | coverage per tier and severity | [`SupportPolicy`] | «desde el soporte estándar en horario de oficina hasta un soporte 24x7x365» |
//! | response and resolution objectives (not guarantees) | [`policy::Objectives`] | «son objetivos de calidad de servicio. IREO no garantiza…» |
//! | response and resolution figures: crate defaults, not in the text; set them from the contract | [`policy::Objectives::default`], [`policy::ObjectiveSource`], [`status::ObjectiveStatus::source`] | «Los tiempos de respuesta y resolución indicados a continuación…» (no table follows) |
//! | severity definitions: the crate's, the text's table is missing | [`Severity`] | «La siguiente tabla indica los niveles de Severidad…» (no table follows) |
//! | Plus S1/S2 calls outside Standard hours: two readings, configurable | [`policy::PlusUrgentCalls`] | «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del horario de soporte estándar.» |
//! | Vip S3/S4 hours: the crate's choice (Plus hours), configurable | [`policy::CoverageKind`], [`policy::PolicyBuilder::vip_low_severity`] | — (not in the text) |
//! | the phone number for S1/S2 | [`policy::PolicyConfig::phone_number`] | «avisar por teléfono (al 902 321 122)» |
//! | S1/S2: register by e-mail or web first, then call | [`policy::Refusal::PhoneNeedsTicketNumber`] | «debe primero reportar la incidencia por correo electrónico o web y luego avisar por teléfono» |
//! | no Standard calls except S1/S2 | [`policy::Refusal::PhoneNotAvailable`] | «no podrá recepcionar llamadas telefónicas de Soporte Estándar salvo […] (Severidad 1 o 2)» |
//! | acknowledgement on registration | [`policy::Acknowledgement`] | «indicando la fecha de alta, descripción inicial de la incidencia y el número de Ticket» |
//! | met, pending or breached | [`status`] | «seguimiento constante de la calidad de servicio» |
//! | activities outside standard support | [`policy::RequestKind::scope`], [`policy::Exclusion`] | «el servicio estándar de Soporte Técnico […] no incluye la prestación de Servicios Profesionales» |
//! | actions that may void support | [`policy::assess_installation`] | «el soporte técnico no cubre instalaciones en las que se ha modificado el código fuente o la base de datos» |
//! | new-feature requests go to the vendor | [`policy::FeatureRequest`] | «está limitado a reportar la solicitud al fabricante» |
//! | Vip bank of preventive consulting | [`policy::HourBank`] | «Bolsa de horas o paquete de jornadas de Consultoría de Soporte Técnico Preventivo in situ» |
//! | a ticket's events: pauses, reopening, re-classification (desk practice, not in the text) | [`status::Timeline`], [`SupportPolicy::timeline_status`] | «sólo se consideran las horas que transcurren dentro del horario oficial de servicio» |
//! | what a change of tier or severity does | [`policy::Reclassification`] | — (not in the text) |
//! | warnings before a breach: at risk, threshold instants | [`status::ObjectiveStatus::at_risk`], [`SupportPolicy::thresholds`] | «seguimiento constante de la calidad de servicio» |
//! | quality of service over a period | [`report`] | «seguimiento constante de la calidad de servicio» |
//! | closure notification | [`policy::ClosureNotification`] | «cuando el técnico de soporte da por cerrada una incidencia, el cliente recibirá una notificación» |
//! | why a deadline falls where it does | [`clock::Explanation`], [`SupportPolicy::explain_due`] | «sólo se consideran las horas que transcurren dentro del horario oficial de servicio» |
//! | shortened days and seasonal hours (company practice) | [`coverage::SpecialHours`] | — (not in the text) |
//!
//! ## Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for the crate's vocabulary and configuration.
//! - `jiff-1` (alias `jiff`, off): the same entry points with jiff 1.x types, `Timestamp`,
//!   `&ZonedDateTime` and `SignedDuration` in and out, through a view (`clock.jiff().deadline(…)`,
//!   `policy.jiff().status(…)`) that converts at the edge: one engine, one zone database
//!   (chrono-tz's). See `jiff_1` (shown on docs.rs; the module exists only with the feature).
//!   Without the feature nothing of jiff is compiled.
//!
//! The crate re-exports the date crates its API speaks ([`chrono`], [`chrono_tz`], and `jiff`
//! with its feature), so a caller never has to match their versions by hand.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod calendar;
mod channel;
pub mod clock;
pub mod coverage;
mod error;
mod feature;
mod iso;
#[cfg(feature = "jiff-1")]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
pub mod jiff_1;
mod objective;
pub mod policy;
mod priority;
pub mod queue;
pub mod report;
mod severity;
pub mod status;
mod ticket;
mod tier;
mod words;

pub use channel::Channel;
pub use error::Error;
pub use policy::SupportPolicy;
pub use priority::Priority;
pub use severity::Severity;
pub use ticket::TicketId;
pub use tier::Tier;

/// The chrono version this crate's API speaks (`DateTime`, `TimeDelta`, `NaiveDate`…): use it
/// instead of a direct dependency to never mismatch versions.
pub use chrono;
/// The chrono-tz version of the crate's zones (`chrono_tz::Tz`, `chrono_tz::Europe::Madrid`).
pub use chrono_tz;
/// The jiff 1.x version of the [`jiff_1`] surface (feature `jiff-1`).
#[cfg(feature = "jiff-1")]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff-1")))]
pub use jiff;

/// The README's examples, compiled and run as doctests so the README never rots.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
