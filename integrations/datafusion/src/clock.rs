//! `sla_elapsed_ns` and `sla_deadline`: the library's
//! [`Clock::elapsed`](support_sla::clock::Clock::elapsed) and
//! [`Clock::deadline`](support_sla::clock::Clock::deadline) over whole columns.

use crate::args::{Instants, Integers, Words};
use crate::words::Coverages;
use chrono::TimeDelta;
use datafusion::arrow::array::{Int64Builder, TimestampNanosecondBuilder};
use datafusion::common::{Result, exec_datafusion_err, exec_err};
use datafusion::logical_expr::ColumnarValue;
use std::sync::Arc;
use support_sla::SupportPolicy;

/// `sla_elapsed_ns(coverage, from, to)`: the business nanoseconds in `[from, to)` (negative when
/// `to` is before `from`).
pub(crate) fn elapsed(
    function: &str,
    policy: &SupportPolicy,
    args: &[ColumnarValue],
    rows: usize,
) -> Result<ColumnarValue> {
    let [coverage, from, to] = args else {
        return exec_err!("{function}: takes 3 arguments, got {}", args.len());
    };
    let (words, from, to) = (
        Words::new(function, coverage)?,
        Instants::new(function, from)?,
        Instants::new(function, to)?,
    );
    let mut coverages = Coverages::new(function, policy, &words)?;
    let mut out = Int64Builder::with_capacity(rows);
    for row in 0..rows {
        let (Some(kind), Some(from), Some(to)) = (
            coverages.get(function, policy, row)?,
            from.get(function, row)?,
            to.get(function, row)?,
        ) else {
            out.append_null();
            continue;
        };
        let elapsed = policy
            .clock(kind)
            .elapsed(from, to)
            .map_err(|error| exec_datafusion_err!("{function}: {error}"))?;
        out.append_value(nanos(function, elapsed)?);
    }
    Ok(ColumnarValue::Array(Arc::new(out.finish())))
}

/// `sla_deadline(coverage, start, budget_seconds)`: the instant the budget is used up, walking
/// backwards for a negative budget.
pub(crate) fn deadline(
    function: &str,
    policy: &SupportPolicy,
    args: &[ColumnarValue],
    rows: usize,
) -> Result<ColumnarValue> {
    let [coverage, start, budget] = args else {
        return exec_err!("{function}: takes 3 arguments, got {}", args.len());
    };
    let (words, start, budget) = (
        Words::new(function, coverage)?,
        Instants::new(function, start)?,
        Integers::new(function, budget)?,
    );
    let mut coverages = Coverages::new(function, policy, &words)?;
    let mut out = TimestampNanosecondBuilder::with_capacity(rows).with_timezone(crate::UTC);
    for row in 0..rows {
        let (Some(kind), Some(start), Some(seconds)) = (
            coverages.get(function, policy, row)?,
            start.get(function, row)?,
            budget.get(row),
        ) else {
            out.append_null();
            continue;
        };
        let Some(budget) = TimeDelta::try_seconds(seconds) else {
            return exec_err!("{function}: a budget of {seconds} s is out of range");
        };
        let due = policy
            .clock(kind)
            .deadline(start, budget)
            .map_err(|error| exec_datafusion_err!("{function}: {error}"))?;
        out.append_value(due.timestamp_nanos_opt().ok_or_else(|| {
            exec_datafusion_err!("{function}: deadline {due} does not fit in nanoseconds")
        })?);
    }
    Ok(ColumnarValue::Array(Arc::new(out.finish())))
}

/// `delta` as BIGINT nanoseconds.
///
/// # Errors
///
/// When it does not fit (never for instants inside a clock's supported range of a century).
pub(crate) fn nanos(function: &str, delta: TimeDelta) -> Result<i64> {
    delta
        .num_nanoseconds()
        .ok_or_else(|| exec_datafusion_err!("{function}: {delta} does not fit in nanoseconds"))
}
