//! # support-sla
//!
//! (crate docs are written once the clock lands)

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod calendar;
mod channel;
pub mod clock;
pub mod coverage;
mod error;
mod priority;
pub mod queue;
mod severity;
mod ticket;
mod tier;
mod words;

pub use channel::Channel;
pub use error::Error;
pub use priority::Priority;
pub use severity::Severity;
pub use ticket::TicketId;
pub use tier::Tier;

/// The README's examples, compiled and run as doctests so the README never rots.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
