//! # support-sla-datafusion
//!
//! The [`support_sla`] engine as SQL functions of [DataFusion](datafusion), so years of ticket
//! history are summarised in SQL, next to the data, with exactly the answers the live service
//! gives — and, with the `ballista` feature, across machines.
//!
//! [`register`] adds five scalar functions to a [`SessionContext`], bound to a
//! [`SupportPolicy`]:
//!
//! | function | answers | library |
//! |---|---|---|
//! | `sla_elapsed_ns(coverage, from, to)` | BIGINT: business nanoseconds in `[from, to)` | [`Clock::elapsed`] |
//! | `sla_deadline(coverage, start, budget_seconds)` | TIMESTAMP (ns, UTC) the budget is used up | [`Clock::deadline`] |
//! | `sla_priority(tier, severity)` | INT rank 1–12 | [`SupportPolicy::priority`] |
//! | `sla_status(tier, severity, registered, responded, resolved, now)` | STRUCT (below) | [`SupportPolicy::status`] |
//! | `sla_timeline_status(events, now)` | the same STRUCT | [`SupportPolicy::timeline_status`] |
//!
//! - `coverage` is `standard`, `plus` or `always` (the policy's clock of that name) or
//!   `TIER:SEVERITY` (`vip:1`, `plus:S3`: the coverage the policy gives such a ticket), as in
//!   the core crate's `sla` command; `tier` and `severity` are read as the library reads them
//!   (`vip`, `S1`, `1`…; a severity may also be an integer column).
//! - Instants are timestamps of any unit and zone (or RFC 3339 text); budgets whole seconds,
//!   negative counting backwards.
//! - The status STRUCT: `priority` (INT rank), `tier`, `severity` (the classification in
//!   force), and `response`, `resolution`, each a STRUCT of `due` (TIMESTAMP), `used_ns`,
//!   `remaining_ns` (BIGINT), `state` (`met`, `pending` or `breached`), `at_risk` and `paused`
//!   (BOOLEAN). In `sla_status`, a NULL `responded` or `resolved` means "not yet".
//! - `events` is a list of STRUCTs with fields `at`, `kind` (`registered`, `first_response`,
//!   `paused`, `resumed`, `reclassified`, `resolved`, `reopened`, `closed`), `tier` and
//!   `severity` (read for `registered` and `reclassified`), and optionally an integer `seq`;
//!   each row's events are put in order by `at`, then `seq`, then list order. An event log
//!   becomes one row per ticket with `array_agg(named_struct('at', at, 'seq', seq, 'kind',
//!   kind, 'tier', tier, 'severity', severity))` grouped by ticket: no `ORDER BY` inside
//!   `array_agg`, which DataFusion 55 runs far slower.
//!
//! Any other NULL argument gives NULL. A bad word, an instant outside the clocks' supported
//! range or a timeline that breaks the library's rules fails the query with an error naming the
//! function and the value: never a panic, never a made-up row. Each function processes whole
//! Arrow arrays: words are parsed once per distinct value of a batch, and no row allocates
//! (except a timeline, which the library owns).
//!
//! ```
//! use datafusion::prelude::SessionContext;
//! use support_sla::SupportPolicy;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let ctx = SessionContext::new();
//! support_sla_datafusion::register(&ctx, &SupportPolicy::madrid());
//! // A Standard ticket registered the evening before 1 May 2025: 4 hours of service fall due
//! // on Monday 5 May at 13:00 in Madrid (11:00 UTC).
//! let batches = ctx
//!     .sql("SELECT sla_deadline('standard', TIMESTAMP '2025-04-30T16:00:00Z', 4 * 3600) AS due")
//!     .await?
//!     .collect()
//!     .await?;
//! let text = datafusion::arrow::util::pretty::pretty_format_batches(&batches)?.to_string();
//! assert!(text.contains("2025-05-05T11:00:00Z"), "{text}");
//! # Ok(())
//! # }
//! ```
//!
//! [`Clock::elapsed`]: support_sla::clock::Clock::elapsed
//! [`Clock::deadline`]: support_sla::clock::Clock::deadline
//!
//! ## Features
//!
//! - `ballista`: the `support-sla-scheduler` and `support-sla-executor` binaries (Ballista's
//!   scheduler and executor knowing the functions), the `cluster` module, and `ballista`
//!   (re-exported), to run the same SQL on a cluster.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod args;
mod clock;
#[cfg(feature = "ballista")]
pub mod cluster;
mod status;
mod timeline;
mod udf;
mod words;

pub use datafusion;
pub use support_sla;

#[cfg(feature = "ballista")]
pub use ballista;

use datafusion::logical_expr::ScalarUDF;
use datafusion::prelude::SessionContext;
use std::sync::Arc;
use support_sla::SupportPolicy;
use udf::{Function, SlaFunction};

/// The README's examples, compiled and run as doctests so the README never rots.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The zone of the TIMESTAMPs the functions answer.
const UTC: &str = "UTC";

/// The SQL names of the functions [`register`] adds.
pub const FUNCTION_NAMES: [&str; 5] = [
    Function::Elapsed.name(),
    Function::Deadline.name(),
    Function::Priority.name(),
    Function::Status.name(),
    Function::TimelineStatus.name(),
];

/// What can go wrong when preparing the functions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A policy document that is not a valid policy (JSON of the core crate's
    /// [`PolicyConfig`](support_sla::policy::PolicyConfig)).
    #[error("invalid policy document: {reason}")]
    InvalidPolicyDocument {
        /// What is wrong with it, as the JSON reader or the policy's checks say.
        reason: String,
    },
}

/// The five functions bound to `policy`, to register on any function registry (a
/// [`SessionContext`], a Ballista executor's session state).
///
/// ```
/// let functions = support_sla_datafusion::functions(&support_sla::SupportPolicy::madrid());
/// let names: Vec<&str> = functions.iter().map(|f| f.name()).collect();
/// assert_eq!(names, support_sla_datafusion::FUNCTION_NAMES);
/// ```
pub fn functions(policy: &SupportPolicy) -> Vec<ScalarUDF> {
    let policy = Arc::new(policy.clone());
    Function::ALL
        .into_iter()
        .map(|function| ScalarUDF::new_from_impl(SlaFunction::new(function, Arc::clone(&policy))))
        .collect()
}

/// Registers the five functions, bound to `policy`, on `ctx` (replacing functions of the
/// same names).
///
/// ```
/// use datafusion::execution::FunctionRegistry;
/// use datafusion::prelude::SessionContext;
///
/// let ctx = SessionContext::new();
/// support_sla_datafusion::register(&ctx, &support_sla::SupportPolicy::madrid());
/// assert!(ctx.udf("sla_status").is_ok());
/// ```
pub fn register(ctx: &SessionContext, policy: &SupportPolicy) {
    for function in functions(policy) {
        ctx.register_udf(function);
    }
}

/// Reads a policy document: the JSON of the core crate's
/// [`PolicyConfig`](support_sla::policy::PolicyConfig) (every field optional, defaults from
/// the policy of the text), checked as the library checks it.
///
/// # Errors
///
/// [`Error::InvalidPolicyDocument`] when the text is not such JSON or the policy it describes
/// is refused by the library (overlapping hours, an unknown zone…).
///
/// ```
/// let policy = support_sla_datafusion::policy_from_document(
///     r#"{ "plus_hours": "mon-fri 08:00-21:00" }"#,
/// )?;
/// assert_eq!(policy.config().plus_hours.to_string(), "mon-fri 08:00-21:00");
/// assert!(support_sla_datafusion::policy_from_document("{ \"colour\": 1 }").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn policy_from_document(text: &str) -> Result<SupportPolicy, Error> {
    serde_json::from_str::<SupportPolicy>(text).map_err(|error| Error::InvalidPolicyDocument {
        reason: error.to_string(),
    })
}

/// Registers the five functions bound to the policy of a document (see
/// [`policy_from_document`]) on `ctx`, and returns that policy.
///
/// # Errors
///
/// [`Error::InvalidPolicyDocument`] as [`policy_from_document`]; nothing is registered then.
pub fn register_document(ctx: &SessionContext, text: &str) -> Result<SupportPolicy, Error> {
    let policy = policy_from_document(text)?;
    register(ctx, &policy);
    Ok(policy)
}
