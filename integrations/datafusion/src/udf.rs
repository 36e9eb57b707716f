//! The one [`ScalarUDFImpl`] behind the five functions: a name, a policy, and which function.

use crate::args::{instant_type, seconds_type, severity_type, word_type};
use crate::{clock, status, timeline};
use datafusion::arrow::datatypes::{DataType, TimeUnit};
use datafusion::common::{Result, plan_err};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use support_sla::SupportPolicy;

/// Which of the crate's functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Function {
    Elapsed,
    Deadline,
    Priority,
    Status,
    TimelineStatus,
}

impl Function {
    /// All of them, in the order of the docs.
    pub(crate) const ALL: [Function; 5] = [
        Function::Elapsed,
        Function::Deadline,
        Function::Priority,
        Function::Status,
        Function::TimelineStatus,
    ];

    /// Its SQL name.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Function::Elapsed => "sla_elapsed_ns",
            Function::Deadline => "sla_deadline",
            Function::Priority => "sla_priority",
            Function::Status => "sla_status",
            Function::TimelineStatus => "sla_timeline_status",
        }
    }

    /// Its arguments' names, in order.
    const fn arguments(self) -> &'static [&'static str] {
        match self {
            Function::Elapsed => &["coverage", "from", "to"],
            Function::Deadline => &["coverage", "start", "budget_seconds"],
            Function::Priority => &["tier", "severity"],
            Function::Status => &[
                "tier",
                "severity",
                "registered",
                "responded",
                "resolved",
                "now",
            ],
            Function::TimelineStatus => &["events", "now"],
        }
    }
}

/// One of the crate's functions bound to a policy.
#[derive(Debug)]
pub(crate) struct SlaFunction {
    function: Function,
    policy: Arc<SupportPolicy>,
    signature: Signature,
}

impl SlaFunction {
    /// `function` answering by `policy`.
    pub(crate) fn new(function: Function, policy: Arc<SupportPolicy>) -> Self {
        SlaFunction {
            function,
            policy,
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }
}

impl PartialEq for SlaFunction {
    fn eq(&self, other: &Self) -> bool {
        self.function == other.function && self.policy == other.policy
    }
}

impl Eq for SlaFunction {}

impl Hash for SlaFunction {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.function.hash(state);
    }
}

impl ScalarUDFImpl for SlaFunction {
    fn name(&self) -> &str {
        self.function.name()
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, given: &[DataType]) -> Result<Vec<DataType>> {
        let name = self.function.name();
        let expected = self.function.arguments();
        if given.len() != expected.len() {
            return plan_err!(
                "{name} takes {} arguments ({}), got {}",
                expected.len(),
                expected.join(", "),
                given.len()
            );
        }
        expected
            .iter()
            .zip(given)
            .map(|(&argument, given)| match argument {
                "coverage" | "tier" => word_type(name, argument, given),
                "severity" => severity_type(name, argument, given),
                "budget_seconds" => seconds_type(name, argument, given),
                "events" => timeline::events_type(name, given),
                _ => instant_type(name, argument, given),
            })
            .collect()
    }

    fn return_type(&self, _given: &[DataType]) -> Result<DataType> {
        Ok(match self.function {
            Function::Elapsed => DataType::Int64,
            Function::Deadline => {
                DataType::Timestamp(TimeUnit::Nanosecond, Some(crate::UTC.into()))
            }
            Function::Priority => DataType::Int32,
            Function::Status | Function::TimelineStatus => status::status_type(),
        })
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let (name, policy, rows) = (self.function.name(), &*self.policy, args.number_rows);
        let args = &args.args;
        match self.function {
            Function::Elapsed => clock::elapsed(name, policy, args, rows),
            Function::Deadline => clock::deadline(name, policy, args, rows),
            Function::Priority => status::priority(name, policy, args, rows),
            Function::Status => status::status(name, policy, args, rows),
            Function::TimelineStatus => timeline::timeline_status(name, policy, args, rows),
        }
    }
}
