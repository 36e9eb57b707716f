//! `sla_elapsed_ns` and `sla_deadline`: the library's
//! [`Clock::elapsed`](support_sla::clock::Clock::elapsed) and
//! [`Clock::deadline`](support_sla::clock::Clock::deadline) over whole columns.

use crate::args::{Instants, Integers, Validity, Words, check_rows};
use crate::words::Coverages;
use chrono::{DateTime, TimeDelta, Utc};
use datafusion::arrow::array::{Int64Array, TimestampNanosecondArray};
use datafusion::common::{Result, exec_datafusion_err, exec_err};
use datafusion::logical_expr::ColumnarValue;
use std::sync::Arc;
use support_sla::SupportPolicy;
use support_sla::clock::Clock;

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
    check_rows(function, args, rows)?;
    let (words, from, to) = (
        Words::new(function, coverage)?,
        Instants::new(function, from)?,
        Instants::new(function, to)?,
    );
    // NULL where any argument is: one buffer for the batch, the values 0 there.
    let nulls = Validity::all(rows, &[words.nulls(), from.nulls(), to.nulls()]);
    let mut coverages = Coverages::new(function, policy, &words)?;
    let mut out: Vec<i64> = Vec::with_capacity(rows);
    // The usual batch: one coverage, nanoseconds without NULLs. The rows of the general loop
    // below, without its per-row NULL, unit and word checks (none can fail or be NULL here).
    if let (Some(kind), Some(from), Some(to)) =
        (coverages.constant(), from.plain_nanos(), to.plain_nanos())
    {
        let clock = policy.clock(kind);
        for (&from, &to) in from.iter().zip(to) {
            out.push(elapsed_ns(function, clock, at(from), at(to))?);
        }
        return Ok(ColumnarValue::Array(Arc::new(Int64Array::try_new(
            out.into(),
            nulls,
        )?)));
    }
    for row in 0..rows {
        let (Some(kind), Some(from), Some(to)) = (
            coverages.get(function, policy, row)?,
            from.get(function, row)?,
            to.get(function, row)?,
        ) else {
            out.push(0);
            continue;
        };
        out.push(elapsed_ns(function, policy.clock(kind), from, to)?);
    }
    Ok(ColumnarValue::Array(Arc::new(Int64Array::try_new(
        out.into(),
        nulls,
    )?)))
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
    check_rows(function, args, rows)?;
    let (words, start, budget) = (
        Words::new(function, coverage)?,
        Instants::new(function, start)?,
        Integers::new(function, budget)?,
    );
    // NULL where any argument is: one buffer for the batch, the values 0 there.
    let nulls = Validity::all(rows, &[words.nulls(), start.nulls(), budget.nulls()]);
    let mut coverages = Coverages::new(function, policy, &words)?;
    let mut out: Vec<i64> = Vec::with_capacity(rows);
    // The usual batch, as in `elapsed`.
    if let (Some(kind), Some(start), Some(budget)) =
        (coverages.constant(), start.plain_nanos(), budget.plain())
    {
        let clock = policy.clock(kind);
        for (&start, &seconds) in start.iter().zip(budget) {
            out.push(deadline_ns(function, clock, at(start), seconds)?);
        }
        return Ok(ColumnarValue::Array(Arc::new(
            TimestampNanosecondArray::try_new(out.into(), nulls)?.with_timezone(crate::UTC),
        )));
    }
    for row in 0..rows {
        let (Some(kind), Some(start), Some(seconds)) = (
            coverages.get(function, policy, row)?,
            start.get(function, row)?,
            budget.get(row),
        ) else {
            out.push(0);
            continue;
        };
        out.push(deadline_ns(function, policy.clock(kind), start, seconds)?);
    }
    Ok(ColumnarValue::Array(Arc::new(
        TimestampNanosecondArray::try_new(out.into(), nulls)?.with_timezone(crate::UTC),
    )))
}

/// The instant `nanos` since the epoch.
#[inline(always)]
fn at(nanos: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(nanos)
}

/// One row of `sla_elapsed_ns`: `clock`'s business nanoseconds in `[from, to)`.
#[inline(always)]
fn elapsed_ns(
    function: &str,
    clock: &Clock,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<i64> {
    let elapsed = clock
        .elapsed(from, to)
        .map_err(|error| exec_datafusion_err!("{function}: {error}"))?;
    nanos(function, elapsed)
}

/// One row of `sla_deadline`: when `clock` uses up `seconds` from `start`, in nanoseconds.
#[inline(always)]
fn deadline_ns(function: &str, clock: &Clock, start: DateTime<Utc>, seconds: i64) -> Result<i64> {
    let Some(budget) = TimeDelta::try_seconds(seconds) else {
        return exec_err!("{function}: a budget of {seconds} s is out of range");
    };
    let due = clock
        .deadline(start, budget)
        .map_err(|error| exec_datafusion_err!("{function}: {error}"))?;
    due.timestamp_nanos_opt().ok_or_else(|| {
        exec_datafusion_err!("{function}: deadline {due} does not fit in nanoseconds")
    })
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
