//! Helpers of the SQL tests: running a statement, reading its columns, the reference answers
//! straight from the library.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, Int32Array, Int64Array, RecordBatch, StructArray,
};
use datafusion::arrow::compute::concat_batches;
use datafusion::arrow::datatypes::{Int64Type, TimestampNanosecondType};
use datafusion::prelude::SessionContext;
use support_sla::clock::Clock;
use support_sla::coverage::Coverage;
use support_sla::policy::CoverageKind;
use support_sla::status::{ObjectiveStatus, SlaState, TicketStatus};
use support_sla::{Severity, SupportPolicy, Tier};

/// Runs `sql` on `ctx`, all its batches as one.
pub fn run(ctx: &SessionContext, sql: &str) -> Result<RecordBatch, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let frame = ctx.sql(sql).await.map_err(|e| e.to_string())?;
        let schema = frame.schema().inner().clone();
        let batches = frame.collect().await.map_err(|e| e.to_string())?;
        Ok(concat_batches(&schema, &batches).unwrap())
    })
}

/// A session with the functions of `policy`.
pub fn session(policy: &SupportPolicy) -> SessionContext {
    let ctx = SessionContext::new();
    support_sla_datafusion::register(&ctx, policy);
    ctx
}

/// The values of a BIGINT column.
pub fn int64s(column: &ArrayRef) -> Vec<Option<i64>> {
    let a: &Int64Array = column.as_primitive::<Int64Type>();
    (0..a.len())
        .map(|i| a.is_valid(i).then(|| a.value(i)))
        .collect()
}

/// The values of an INT column.
pub fn int32s(column: &ArrayRef) -> Vec<Option<i32>> {
    let a: &Int32Array = column.as_primitive();
    (0..a.len())
        .map(|i| a.is_valid(i).then(|| a.value(i)))
        .collect()
}

/// The instants of a TIMESTAMP (ns) column.
pub fn instants(column: &ArrayRef) -> Vec<Option<DateTime<Utc>>> {
    let a = column.as_primitive::<TimestampNanosecondType>();
    (0..a.len())
        .map(|i| {
            a.is_valid(i)
                .then(|| DateTime::from_timestamp_nanos(a.value(i)))
        })
        .collect()
}

/// The reference clock of a coverage word, straight from the library: the presets built from
/// their [`Coverage`] (as the `sla` command does), `TIER:SEVERITY` from the policy.
pub fn reference_clock<'a>(
    word: &str,
    presets: &'a [(CoverageKind, Clock); 3],
    policy: &'a SupportPolicy,
) -> &'a Clock {
    if let Some((tier, severity)) = word.split_once(':') {
        let tier: Tier = tier.parse().unwrap();
        let severity: Severity = severity.parse().unwrap();
        return policy.coverage_clock(tier, severity);
    }
    let kind = match word.trim().to_lowercase().as_str() {
        "standard" => CoverageKind::Standard,
        "plus" => CoverageKind::Plus,
        "always" => CoverageKind::Always,
        other => panic!("not a coverage word of the tests: {other}"),
    };
    &presets.iter().find(|(k, _)| *k == kind).unwrap().1
}

/// The preset clocks of the Madrid policy of the text, built from their coverage.
pub fn preset_clocks() -> [(CoverageKind, Clock); 3] {
    [
        (
            CoverageKind::Standard,
            Clock::new(Coverage::standard()).unwrap(),
        ),
        (CoverageKind::Plus, Clock::new(Coverage::plus()).unwrap()),
        (
            CoverageKind::Always,
            Clock::new(Coverage::always()).unwrap(),
        ),
    ]
}

/// One objective's row of a status STRUCT column, as plain values.
#[derive(Debug, PartialEq, Eq)]
pub struct ObjectiveRow {
    pub due: DateTime<Utc>,
    pub used_ns: i64,
    pub remaining_ns: i64,
    pub state: String,
    pub at_risk: bool,
    pub paused: bool,
}

/// A status STRUCT row, as plain values.
#[derive(Debug, PartialEq, Eq)]
pub struct StatusRow {
    pub priority: i32,
    pub tier: String,
    pub severity: String,
    pub response: ObjectiveRow,
    pub resolution: ObjectiveRow,
}

fn objective_row(column: &StructArray, i: usize) -> ObjectiveRow {
    let field = |name: &str| column.column_by_name(name).unwrap().clone();
    ObjectiveRow {
        due: instants(&field("due"))[i].unwrap(),
        used_ns: int64s(&field("used_ns"))[i].unwrap(),
        remaining_ns: int64s(&field("remaining_ns"))[i].unwrap(),
        state: field("state").as_string::<i32>().value(i).to_owned(),
        at_risk: bool_at(&field("at_risk"), i),
        paused: bool_at(&field("paused"), i),
    }
}

fn bool_at(column: &ArrayRef, i: usize) -> bool {
    let a: &BooleanArray = column.as_boolean();
    assert!(a.is_valid(i));
    a.value(i)
}

/// The rows of a status STRUCT column (`None` for NULL rows).
pub fn status_rows(column: &ArrayRef) -> Vec<Option<StatusRow>> {
    let s = column.as_struct();
    let field = |name: &str| s.column_by_name(name).unwrap().clone();
    let (response, resolution) = (field("response"), field("resolution"));
    (0..s.len())
        .map(|i| {
            s.is_valid(i).then(|| StatusRow {
                priority: int32s(&field("priority"))[i].unwrap(),
                tier: field("tier").as_string::<i32>().value(i).to_owned(),
                severity: field("severity").as_string::<i32>().value(i).to_owned(),
                response: objective_row(response.as_struct(), i),
                resolution: objective_row(resolution.as_struct(), i),
            })
        })
        .collect()
}

fn expected_objective(status: &ObjectiveStatus) -> ObjectiveRow {
    ObjectiveRow {
        due: status.due,
        used_ns: status.used.num_nanoseconds().unwrap(),
        remaining_ns: status.remaining.num_nanoseconds().unwrap(),
        state: match status.state {
            SlaState::Met { .. } => "met",
            SlaState::Pending => "pending",
            SlaState::Breached { .. } => "breached",
            other => panic!("the tests know no SQL word for {other:?}"),
        }
        .to_owned(),
        at_risk: status.at_risk,
        paused: status.paused,
    }
}

/// The row the functions must give for the library's `status`.
pub fn expected_row(status: &TicketStatus) -> StatusRow {
    StatusRow {
        priority: i32::from(status.priority.rank()),
        tier: status.priority.tier().as_str().to_owned(),
        severity: format!("S{}", status.priority.severity().number()),
        response: expected_objective(&status.response),
        resolution: expected_objective(&status.resolution),
    }
}
