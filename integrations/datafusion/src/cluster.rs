//! Running the functions on a Ballista cluster (feature `ballista`): the scheduler decodes the
//! plans it is sent and the executors run them, so both must know the functions by name.
//! The binaries `support-sla-scheduler` and `support-sla-executor` are Ballista's scheduler
//! and executor with the functions of a policy registered; [`session_state`] is the same for
//! a client or a standalone cluster in one process.

use ballista_core::registry::BallistaFunctionRegistry;
use ballista_core::utils::default_session_builder;
use datafusion::common::Result;
use datafusion::execution::{FunctionRegistry, SessionState};
use datafusion::prelude::SessionConfig;
use std::sync::Arc;
use support_sla::SupportPolicy;

/// Ballista's default session state for `config`, with the functions of `policy` registered:
/// the state a standalone cluster's scheduler and executor are built from
/// (`SessionContext::standalone_with_state`). Ballista's client context made from it keeps
/// only Ballista's own functions: [`register`](crate::register) the functions on that context
/// too, as on a `SessionContext::remote_with_state` one.
///
/// # Errors
///
/// When DataFusion cannot build the state's runtime or register a function.
pub fn session_state(policy: &SupportPolicy, config: SessionConfig) -> Result<SessionState> {
    let mut state = default_session_builder(config)?;
    for function in crate::functions(policy) {
        state.register_udf(Arc::new(function))?;
    }
    Ok(state)
}

/// A scheduler's session builder (`SchedulerConfig::override_session_builder`): each
/// session's state with the functions of `policy`.
pub fn session_builder(
    policy: SupportPolicy,
) -> Arc<dyn Fn(SessionConfig) -> Result<SessionState> + Send + Sync> {
    Arc::new(move |config| session_state(&policy, config))
}

/// An executor's function registry (`ExecutorProcessConfig::override_function_registry`):
/// DataFusion's and Ballista's functions, and those of `policy`.
pub fn function_registry(policy: &SupportPolicy) -> Arc<BallistaFunctionRegistry> {
    let mut registry = BallistaFunctionRegistry::default();
    for function in crate::functions(policy) {
        registry
            .scalar_functions
            .insert(function.name().to_owned(), Arc::new(function));
    }
    Arc::new(registry)
}

/// The policy of a `--policy FILE` argument, or the policy of the text.
///
/// # Errors
///
/// When the file cannot be read or is not a valid policy document.
pub fn policy_of(
    file: Option<&str>,
) -> std::result::Result<SupportPolicy, Box<dyn std::error::Error>> {
    match file {
        None => Ok(SupportPolicy::madrid()),
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|error| format!("cannot read policy {file}: {error}"))?;
            Ok(crate::policy_from_document(&text)?)
        }
    }
}
