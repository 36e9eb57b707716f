//! No per-row allocation: a function allocates as often for 20 000 rows as for 2 000 (its
//! output columns, not its rows), counted by a counting global allocator.

use chrono::{TimeZone, Utc};
use datafusion::arrow::array::{ArrayRef, Int64Array, StringArray, TimestampNanosecondArray};
use datafusion::arrow::datatypes::Field;
use datafusion::common::ScalarValue;
use datafusion::common::config::ConfigOptions;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use support_sla::SupportPolicy;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// 2025-01-01T00:00:00Z in nanoseconds.
fn base() -> i64 {
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    start.timestamp_nanos_opt().unwrap()
}

fn instants(rows: usize, step: i64) -> ArrayRef {
    let base = base();
    Arc::new(
        TimestampNanosecondArray::from_iter_values((0..rows as i64).map(|i| base + i * step))
            .with_timezone("UTC"),
    )
}

/// The allocations of one call of `udf` on `args` of `rows` rows.
fn allocations(udf: &ScalarUDF, args: Vec<ColumnarValue>, rows: usize) -> usize {
    let arg_fields = args
        .iter()
        .map(|a| Arc::new(Field::new("a", a.data_type(), true)))
        .collect();
    let return_type = udf
        .return_type(&args.iter().map(|a| a.data_type()).collect::<Vec<_>>())
        .unwrap();
    let call = ScalarFunctionArgs {
        args,
        arg_fields,
        number_rows: rows,
        return_field: Arc::new(Field::new("out", return_type, true)),
        config_options: Arc::new(ConfigOptions::default()),
    };
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let out = udf.invoke_with_args(call).unwrap();
    let counted = ALLOCATIONS.load(Ordering::Relaxed) - before;
    drop(out);
    counted
}

#[test]
fn the_functions_allocate_per_batch_not_per_row() {
    let functions = support_sla_datafusion::functions(&SupportPolicy::madrid());
    let udf = |name: &str| functions.iter().find(|f| f.name() == name).unwrap();
    let hour = 3_600_000_000_000;
    let words = |rows: usize| -> ArrayRef {
        let cycle = ["standard", "plus", "vip:1", "always", "plus:S3"];
        Arc::new(StringArray::from_iter_values(
            (0..rows).map(|i| cycle[i % 5]),
        ))
    };
    let tiers = |rows: usize| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(
            (0..rows).map(|i| ["standard", "plus", "vip"][i % 3]),
        ))
    };
    let severities = |rows: usize| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(
            (0..rows).map(|i| ["S1", "2", "s3", "sev4"][i % 4]),
        ))
    };
    let array = |a: ArrayRef| ColumnarValue::Array(a);
    let now = || {
        ColumnarValue::Scalar(ScalarValue::TimestampNanosecond(
            Some(base() + 90 * 24 * hour),
            Some("UTC".into()),
        ))
    };
    let counts = |rows: usize| {
        [
            allocations(
                udf("sla_elapsed_ns"),
                vec![
                    array(words(rows)),
                    array(instants(rows, hour / 3)),
                    array(instants(rows, hour)),
                ],
                rows,
            ),
            allocations(
                udf("sla_deadline"),
                vec![
                    array(words(rows)),
                    array(instants(rows, hour / 3)),
                    array(Arc::new(Int64Array::from_iter_values(
                        (0..rows as i64).map(|i| i % 100_000),
                    ))),
                ],
                rows,
            ),
            allocations(
                udf("sla_priority"),
                vec![array(tiers(rows)), array(severities(rows))],
                rows,
            ),
            allocations(
                udf("sla_status"),
                vec![
                    array(tiers(rows)),
                    array(severities(rows)),
                    array(instants(rows, hour / 3)),
                    array(instants(rows, hour / 2)),
                    ColumnarValue::Scalar(ScalarValue::TimestampNanosecond(None, None)),
                    now(),
                ],
                rows,
            ),
        ]
    };
    assert_eq!(counts(2_000), counts(20_000));
}
