//! `sla_priority` and `sla_status`, and the STRUCT both status functions answer.

use crate::args::{Instants, Severities, Words};
use crate::clock::nanos;
use crate::words::{self, Parsed, SeverityReader};
use datafusion::arrow::array::{
    ArrayRef, BooleanBuilder, Int32Builder, Int64Builder, StringBuilder, StructArray,
    TimestampNanosecondBuilder,
};
use datafusion::arrow::buffer::NullBuffer;
use datafusion::arrow::datatypes::{DataType, Field, Fields, TimeUnit};
use datafusion::common::{Result, exec_datafusion_err, exec_err};
use datafusion::logical_expr::ColumnarValue;
use std::sync::Arc;
use support_sla::SupportPolicy;
use support_sla::status::{ObjectiveStatus, SlaState, TicketFacts, TicketStatus};

/// The fields of one objective's STRUCT.
fn objective_fields() -> Fields {
    Fields::from(vec![
        Field::new(
            "due",
            DataType::Timestamp(TimeUnit::Nanosecond, Some(crate::UTC.into())),
            true,
        ),
        Field::new("used_ns", DataType::Int64, true),
        Field::new("remaining_ns", DataType::Int64, true),
        Field::new("state", DataType::Utf8, true),
        Field::new("at_risk", DataType::Boolean, true),
        Field::new("paused", DataType::Boolean, true),
    ])
}

/// The fields of the status STRUCT: `priority` (rank 1–12), `tier`, `severity` (the
/// classification in force), `response` and `resolution` (each `due`, `used_ns`,
/// `remaining_ns`, `state`, `at_risk`, `paused`).
pub(crate) fn status_fields() -> Fields {
    Fields::from(vec![
        Field::new("priority", DataType::Int32, true),
        Field::new("tier", DataType::Utf8, true),
        Field::new("severity", DataType::Utf8, true),
        Field::new("response", DataType::Struct(objective_fields()), true),
        Field::new("resolution", DataType::Struct(objective_fields()), true),
    ])
}

/// The status STRUCT's type.
pub(crate) fn status_type() -> DataType {
    DataType::Struct(status_fields())
}

/// One objective's columns, filled row by row.
struct ObjectiveColumns {
    due: TimestampNanosecondBuilder,
    used: Int64Builder,
    remaining: Int64Builder,
    state: StringBuilder,
    at_risk: BooleanBuilder,
    paused: BooleanBuilder,
}

impl ObjectiveColumns {
    fn with_capacity(rows: usize) -> Self {
        ObjectiveColumns {
            due: TimestampNanosecondBuilder::with_capacity(rows).with_timezone(crate::UTC),
            used: Int64Builder::with_capacity(rows),
            remaining: Int64Builder::with_capacity(rows),
            state: StringBuilder::with_capacity(rows, rows * 8),
            at_risk: BooleanBuilder::with_capacity(rows),
            paused: BooleanBuilder::with_capacity(rows),
        }
    }

    fn push(&mut self, function: &str, status: &ObjectiveStatus) -> Result<()> {
        let due = status.due.timestamp_nanos_opt().ok_or_else(|| {
            exec_datafusion_err!("{function}: due instant {} does not fit", status.due)
        })?;
        self.due.append_value(due);
        self.used.append_value(nanos(function, status.used)?);
        self.remaining
            .append_value(nanos(function, status.remaining)?);
        let state = match status.state {
            SlaState::Met { .. } => "met",
            SlaState::Pending => "pending",
            SlaState::Breached { .. } => "breached",
            // A state a later library adds is refused, never written as a wrong word.
            other => {
                return Err(exec_datafusion_err!(
                    "{function}: the state {other:?} has no SQL word yet"
                ));
            }
        };
        self.state.append_value(state);
        self.at_risk.append_value(status.at_risk);
        self.paused.append_value(status.paused);
        Ok(())
    }

    fn push_null(&mut self) {
        self.due.append_null();
        self.used.append_null();
        self.remaining.append_null();
        self.state.append_null();
        self.at_risk.append_null();
        self.paused.append_null();
    }

    fn finish(mut self, nulls: Option<NullBuffer>) -> Result<ArrayRef> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.due.finish()),
            Arc::new(self.used.finish()),
            Arc::new(self.remaining.finish()),
            Arc::new(self.state.finish()),
            Arc::new(self.at_risk.finish()),
            Arc::new(self.paused.finish()),
        ];
        Ok(Arc::new(StructArray::try_new(
            objective_fields(),
            columns,
            nulls,
        )?))
    }
}

/// The status STRUCT's columns, filled row by row.
pub(crate) struct StatusColumns {
    valid: Vec<bool>,
    priority: Int32Builder,
    tier: StringBuilder,
    severity: StringBuilder,
    response: ObjectiveColumns,
    resolution: ObjectiveColumns,
}

impl StatusColumns {
    /// Room for `rows` rows.
    pub(crate) fn with_capacity(rows: usize) -> Self {
        StatusColumns {
            valid: Vec::with_capacity(rows),
            priority: Int32Builder::with_capacity(rows),
            tier: StringBuilder::with_capacity(rows, rows * 8),
            severity: StringBuilder::with_capacity(rows, rows * 2),
            response: ObjectiveColumns::with_capacity(rows),
            resolution: ObjectiveColumns::with_capacity(rows),
        }
    }

    /// Appends the row of `status`.
    pub(crate) fn push(&mut self, function: &str, status: &TicketStatus) -> Result<()> {
        self.response.push(function, &status.response)?;
        self.resolution.push(function, &status.resolution)?;
        self.valid.push(true);
        self.priority
            .append_value(i32::from(status.priority.rank()));
        self.tier.append_value(status.priority.tier().as_str());
        self.severity
            .append_value(words::severity_word(status.priority.severity()));
        Ok(())
    }

    /// Appends a NULL row.
    pub(crate) fn push_null(&mut self) {
        self.valid.push(false);
        self.priority.append_null();
        self.tier.append_null();
        self.severity.append_null();
        self.response.push_null();
        self.resolution.push_null();
    }

    /// The STRUCT column.
    pub(crate) fn finish(mut self) -> Result<ColumnarValue> {
        let nulls = NullBuffer::from(self.valid);
        let nulls = (nulls.null_count() > 0).then_some(nulls);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.priority.finish()),
            Arc::new(self.tier.finish()),
            Arc::new(self.severity.finish()),
            self.response.finish(nulls.clone())?,
            self.resolution.finish(nulls.clone())?,
        ];
        Ok(ColumnarValue::Array(Arc::new(StructArray::try_new(
            status_fields(),
            columns,
            nulls,
        )?)))
    }
}

/// `sla_priority(tier, severity)`: the rank 1–12 of [`SupportPolicy::priority`].
pub(crate) fn priority(
    function: &str,
    policy: &SupportPolicy,
    args: &[ColumnarValue],
    rows: usize,
) -> Result<ColumnarValue> {
    let [tier, severity] = args else {
        return exec_err!("{function}: takes 2 arguments, got {}", args.len());
    };
    let (tier, severity) = (
        Words::new(function, tier)?,
        Severities::new(function, severity)?,
    );
    let (mut tiers, mut severities) = (Parsed::new(), SeverityReader::new());
    let mut out = Int32Builder::with_capacity(rows);
    for row in 0..rows {
        let (Some(t), Some(s)) = (tier.get(row), severity.get(row)) else {
            out.append_null();
            continue;
        };
        let t = tiers.get(t, |w| words::tier(function, w))?;
        let s = severities.get(function, s)?;
        out.append_value(i32::from(policy.priority(t, s).rank()));
    }
    Ok(ColumnarValue::Array(Arc::new(out.finish())))
}

/// `sla_status(tier, severity, registered, responded, resolved, now)`: the library's
/// [`SupportPolicy::status`]. NULL `responded` or `resolved` means not yet; any other NULL
/// gives a NULL row.
pub(crate) fn status(
    function: &str,
    policy: &SupportPolicy,
    args: &[ColumnarValue],
    rows: usize,
) -> Result<ColumnarValue> {
    let [tier, severity, registered, responded, resolved, now] = args else {
        return exec_err!("{function}: takes 6 arguments, got {}", args.len());
    };
    let (tier, severity) = (
        Words::new(function, tier)?,
        Severities::new(function, severity)?,
    );
    let registered = Instants::new(function, registered)?;
    let responded = Instants::new(function, responded)?;
    let resolved = Instants::new(function, resolved)?;
    let now = Instants::new(function, now)?;
    let (mut tiers, mut severities) = (Parsed::new(), SeverityReader::new());
    let mut out = StatusColumns::with_capacity(rows);
    for row in 0..rows {
        let (Some(t), Some(s), Some(registered), Some(now)) = (
            tier.get(row),
            severity.get(row),
            registered.get(function, row)?,
            now.get(function, row)?,
        ) else {
            out.push_null();
            continue;
        };
        let mut facts = TicketFacts::new(
            tiers.get(t, |w| words::tier(function, w))?,
            severities.get(function, s)?,
            registered,
        );
        facts.first_response = responded.get(function, row)?;
        facts.resolved = resolved.get(function, row)?;
        let status = policy
            .status(&facts, now)
            .map_err(|error| exec_datafusion_err!("{function}: {error}"))?;
        out.push(function, &status)?;
    }
    out.finish()
}
