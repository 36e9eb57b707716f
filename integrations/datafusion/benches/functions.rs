//! `sla_deadline` and `sla_elapsed_ns` over 1M rows, against the library's direct calls in
//! the same run: the function alone (invoked on Arrow arrays in batches of 8192, as DataFusion
//! does) and a whole SQL query over an in-memory table.
//!
//! `cargo bench -p support-sla-datafusion --bench functions`; under `cargo test --benches`
//! each runs once over 10 000 rows.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use datafusion::arrow::array::{ArrayRef, Int64Array, RecordBatch, TimestampNanosecondArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use datafusion::common::ScalarValue;
use datafusion::common::config::ConfigOptions;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF};
use datafusion::prelude::SessionContext;
use std::hint::black_box;
use std::sync::Arc;
use support_sla::SupportPolicy;
use support_sla::policy::CoverageKind;

const BATCH: usize = 8192;

fn rows() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        1_000_000
    } else {
        10_000
    }
}

/// Instants spread over 2025 (a fixed pseudo-random walk) and budgets of up to 80 hours.
fn inputs(rows: usize) -> (Vec<i64>, Vec<i64>, Vec<i64>) {
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let year = 365 * 24 * 3600 * 1_000_000_000i64;
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let base = start.timestamp_nanos_opt().unwrap();
    let mut from = Vec::with_capacity(rows);
    let mut to = Vec::with_capacity(rows);
    let mut budget = Vec::with_capacity(rows);
    for _ in 0..rows {
        let a = base + (next() % year as u64) as i64;
        from.push(a);
        to.push(a + (next() % (30 * 24 * 3_600_000_000_000)) as i64);
        budget.push((next() % (80 * 3600)) as i64 + 1);
    }
    (from, to, budget)
}

fn utc_ns() -> DataType {
    DataType::Timestamp(TimeUnit::Nanosecond, Some("UTC".into()))
}

fn instants(values: &[i64]) -> ArrayRef {
    Arc::new(TimestampNanosecondArray::from(values.to_vec()).with_timezone("UTC"))
}

/// Invokes `udf` on batches of the columns, as an executing plan does.
fn invoke(udf: &ScalarUDF, columns: &[Vec<ArrayRef>], return_type: &DataType) -> usize {
    let config = Arc::new(ConfigOptions::default());
    let mut answered = 0;
    for batch in columns {
        let rows = batch[0].len();
        let mut args = vec![ColumnarValue::Scalar(ScalarValue::Utf8(Some(
            "plus".into(),
        )))];
        args.extend(batch.iter().map(|a| ColumnarValue::Array(Arc::clone(a))));
        let arg_fields = args
            .iter()
            .map(|a| Arc::new(Field::new("a", a.data_type(), true)))
            .collect();
        let out = udf
            .invoke_with_args(ScalarFunctionArgs {
                args,
                arg_fields,
                number_rows: rows,
                return_field: Arc::new(Field::new("out", return_type.clone(), true)),
                config_options: Arc::clone(&config),
            })
            .unwrap();
        answered += out.to_array(rows).unwrap().len();
    }
    answered
}

fn batches(columns: &[ArrayRef]) -> Vec<Vec<ArrayRef>> {
    let rows = columns[0].len();
    (0..rows)
        .step_by(BATCH)
        .map(|offset| {
            columns
                .iter()
                .map(|c| c.slice(offset, BATCH.min(rows - offset)))
                .collect()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rows = rows();
    let label = if rows >= 1_000_000 { "1M" } else { "10k" };
    let policy = SupportPolicy::madrid();
    let clock = policy.clock(CoverageKind::Plus);
    let (from, to, budget) = inputs(rows);
    let functions = support_sla_datafusion::functions(&policy);
    let udf = |name: &str| functions.iter().find(|f| f.name() == name).unwrap();

    let mut group = c.benchmark_group("deadline");
    group.bench_function(format!("library/{label}"), |b| {
        b.iter(|| {
            let mut last = DateTime::<Utc>::MIN_UTC;
            for (&start, &seconds) in black_box(&from).iter().zip(black_box(&budget)) {
                last = clock
                    .deadline(
                        DateTime::from_timestamp_nanos(start),
                        TimeDelta::seconds(seconds),
                    )
                    .unwrap();
            }
            last
        })
    });
    let columns = batches(&[instants(&from), Arc::new(Int64Array::from(budget.clone()))]);
    group.bench_function(format!("udf/{label}"), |b| {
        b.iter(|| invoke(udf("sla_deadline"), black_box(&columns), &utc_ns()))
    });
    group.finish();

    let mut group = c.benchmark_group("elapsed");
    group.bench_function(format!("library/{label}"), |b| {
        b.iter(|| {
            let mut sum = TimeDelta::zero();
            for (&a, &z) in black_box(&from).iter().zip(black_box(&to)) {
                sum += clock
                    .elapsed(
                        DateTime::from_timestamp_nanos(a),
                        DateTime::from_timestamp_nanos(z),
                    )
                    .unwrap();
            }
            sum
        })
    });
    let columns = batches(&[instants(&from), instants(&to)]);
    group.bench_function(format!("udf/{label}"), |b| {
        b.iter(|| invoke(udf("sla_elapsed_ns"), black_box(&columns), &DataType::Int64))
    });
    group.finish();

    // Whole queries: scan an in-memory table, call the function, keep the largest answer.
    let schema = Arc::new(Schema::new(vec![
        Field::new("from_at", utc_ns(), false),
        Field::new("to_at", utc_ns(), false),
        Field::new("budget", DataType::Int64, false),
    ]));
    let table = RecordBatch::try_new(
        schema,
        vec![
            instants(&from),
            instants(&to),
            Arc::new(Int64Array::from(budget.clone())),
        ],
    )
    .unwrap();
    let ctx = SessionContext::new();
    support_sla_datafusion::register(&ctx, &policy);
    ctx.register_batch("t", table).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread().build().unwrap();
    let mut group = c.benchmark_group("sql");
    for (name, sql) in [
        (
            "deadline",
            "SELECT max(sla_deadline('plus', from_at, budget)) FROM t",
        ),
        (
            "elapsed",
            "SELECT max(sla_elapsed_ns('plus', from_at, to_at)) FROM t",
        ),
    ] {
        group.bench_function(format!("{name}/{label}"), |b| {
            b.iter(|| {
                runtime.block_on(async { ctx.sql(sql).await.unwrap().collect().await.unwrap() })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
