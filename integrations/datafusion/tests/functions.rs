//! The SQL functions answer exactly what the library answers: random rows through SQL against
//! the library's direct calls, NULLs, every error path, units and zones, custom policies.

mod common;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use common::*;
use datafusion::arrow::array::{
    ArrayRef, Int64Array, RecordBatch, StringArray, TimestampMicrosecondArray,
    TimestampNanosecondArray, TimestampSecondArray, UInt32Array,
};
use datafusion::arrow::compute::take;
use datafusion::arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use datafusion::execution::FunctionRegistry;
use proptest::prelude::*;
use std::sync::Arc;
use support_sla::policy::Reclassification;
use support_sla::status::{Event, EventKind, TicketFacts, Timeline};
use support_sla::{Severity, SupportPolicy, Tier};

const COVERAGES: [&str; 10] = [
    "standard",
    "plus",
    "always",
    " Plus ",
    "vip:1",
    "Vip:S2",
    "vip:4",
    "plus:3",
    "standard:sev1",
    "STANDARD:s4",
];
const TIERS: [&str; 5] = ["standard", "plus", "vip", "VIP", "estándar"];
const SEVERITIES: [&str; 6] = ["1", "S2", "s3", "sev4", "S1", " 2 "];

/// 2024-01-01 to 2027-01-01 in nanoseconds, with whole minutes half of the time.
fn instant() -> impl Strategy<Value = i64> {
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
    let (a, b) = (
        start.timestamp_nanos_opt().unwrap(),
        end.timestamp_nanos_opt().unwrap(),
    );
    prop_oneof![
        (a..b),
        (a / 60_000_000_000..b / 60_000_000_000).prop_map(|m| m * 60_000_000_000),
    ]
}

fn utc_ns(name: &str) -> Field {
    Field::new(
        name,
        DataType::Timestamp(TimeUnit::Nanosecond, Some("UTC".into())),
        true,
    )
}

#[derive(Debug, Clone)]
struct ClockRow {
    coverage: &'static str,
    from: i64,
    to: i64,
    budget: i64,
}

fn clock_row() -> impl Strategy<Value = ClockRow> {
    (
        prop::sample::select(COVERAGES.to_vec()),
        instant(),
        instant(),
        -400 * 3600i64..400 * 3600,
    )
        .prop_map(|(coverage, from, to, budget)| ClockRow {
            coverage,
            from,
            to,
            budget,
        })
}

fn clock_batch(rows: &[ClockRow]) -> RecordBatch {
    let schema = Schema::new(vec![
        Field::new("coverage", DataType::Utf8, true),
        utc_ns("from_at"),
        utc_ns("to_at"),
        Field::new("budget", DataType::Int64, true),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|r| r.coverage),
        )),
        Arc::new(
            TimestampNanosecondArray::from_iter_values(rows.iter().map(|r| r.from))
                .with_timezone("UTC"),
        ),
        Arc::new(
            TimestampNanosecondArray::from_iter_values(rows.iter().map(|r| r.to))
                .with_timezone("UTC"),
        ),
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.budget))),
    ];
    RecordBatch::try_new(Arc::new(schema), columns).unwrap()
}

fn at(ns: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(ns)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn elapsed_and_deadline_equal_the_library(rows in prop::collection::vec(clock_row(), 1..300)) {
        let policy = SupportPolicy::madrid();
        let presets = preset_clocks();
        let ctx = session(&policy);
        ctx.register_batch("t", clock_batch(&rows)).unwrap();
        let out = run(&ctx, "SELECT sla_elapsed_ns(coverage, from_at, to_at), \
            sla_deadline(coverage, from_at, budget) FROM t").unwrap();
        let (elapsed, due) = (int64s(out.column(0)), instants(out.column(1)));
        for (i, row) in rows.iter().enumerate() {
            let clock = reference_clock(row.coverage, &presets, &policy);
            let want = clock.elapsed(at(row.from), at(row.to)).unwrap().num_nanoseconds();
            prop_assert_eq!(elapsed[i], want, "elapsed of {:?}", row);
            let want = clock.deadline(at(row.from), TimeDelta::seconds(row.budget)).unwrap();
            prop_assert_eq!(due[i], Some(want), "deadline of {:?}", row);
        }
    }

    #[test]
    fn status_equals_the_library(rows in prop::collection::vec(status_row(), 1..200)) {
        let policy = SupportPolicy::madrid();
        let ctx = session(&policy);
        ctx.register_batch("t", status_batch(&rows)).unwrap();
        let out = run(&ctx, "SELECT sla_status(tier, severity, registered, responded, resolved, now), \
            sla_priority(tier, severity) FROM t").unwrap();
        let (got, priorities) = (status_rows(out.column(0)), int32s(out.column(1)));
        for (i, row) in rows.iter().enumerate() {
            let (tier, severity): (Tier, Severity) = (row.tier.parse().unwrap(), row.severity.parse().unwrap());
            let mut facts = TicketFacts::new(tier, severity, at(row.registered));
            facts.first_response = row.responded.map(at);
            facts.resolved = row.resolved.map(at);
            let want = policy.status(&facts, at(row.now)).unwrap();
            prop_assert_eq!(got[i].as_ref(), Some(&expected_row(&want)), "status of {:?}", row);
            prop_assert_eq!(priorities[i], Some(i32::from(policy.priority(tier, severity).rank())));
        }
    }

    /// The function answers as the library under every re-classification rule: over events
    /// aggregated in order, and without `ORDER BY` over a log whose rows come last event first
    /// (the function puts each ticket's events in order by `at`, then by the STRUCT's `seq`).
    #[test]
    fn timeline_status_equals_the_library_under_every_rule(
        tickets in prop::collection::vec(timeline(), 1..40),
        now in instant(),
    ) {
        let in_order = format!("SELECT ticket, sla_timeline_status(array_agg(named_struct(\
            'at', at, 'kind', kind, 'tier', tier, 'severity', severity) ORDER BY at, seq), \
            to_timestamp_nanos({now})) FROM events GROUP BY ticket ORDER BY ticket");
        let last_first = format!("SELECT ticket, sla_timeline_status(array_agg(named_struct(\
            'at', at, 'seq', seq, 'kind', kind, 'tier', tier, 'severity', severity)), \
            to_timestamp_nanos({now})) FROM events_last_first GROUP BY ticket ORDER BY ticket");
        let batch = events_batch(&tickets);
        let reversed = UInt32Array::from_iter_values((0..batch.num_rows() as u32).rev());
        let columns = batch
            .columns()
            .iter()
            .map(|column| take(column, &reversed, None))
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let batch_last_first = RecordBatch::try_new(batch.schema(), columns).unwrap();
        for rule in [Reclassification::KeepUsed, Reclassification::Restart, Reclassification::Retroactive] {
            let policy = SupportPolicy::builder().reclassification(rule).build().unwrap();
            let ctx = session(&policy);
            ctx.register_batch("events", batch.clone()).unwrap();
            ctx.register_batch("events_last_first", batch_last_first.clone()).unwrap();
            for sql in [&in_order, &last_first] {
                let got = status_rows(run(&ctx, sql).unwrap().column(1));
                prop_assert_eq!(got.len(), tickets.len());
                for (i, events) in tickets.iter().enumerate() {
                    let timeline = Timeline::new(events.iter().copied()).unwrap();
                    let want = policy.timeline_status(&timeline, at(now)).unwrap();
                    prop_assert_eq!(got[i].as_ref(), Some(&expected_row(&want)), "{:?} of {:?}: {}", rule, events, sql);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A constant coverage over columns of nanoseconds without NULLs: the functions' loop
    /// without per-row checks.
    #[test]
    fn a_constant_coverage_over_plain_columns_equals_the_library(
        coverage in prop::sample::select(COVERAGES.to_vec()),
        rows in prop::collection::vec(clock_row(), 1..300),
    ) {
        let policy = SupportPolicy::madrid();
        let presets = preset_clocks();
        let ctx = session(&policy);
        ctx.register_batch("t", clock_batch(&rows)).unwrap();
        let out = run(&ctx, &format!("SELECT sla_elapsed_ns('{coverage}', from_at, to_at), \
            sla_deadline('{coverage}', from_at, budget) FROM t")).unwrap();
        let (elapsed, due) = (int64s(out.column(0)), instants(out.column(1)));
        let clock = reference_clock(coverage, &presets, &policy);
        for (i, row) in rows.iter().enumerate() {
            let want = clock.elapsed(at(row.from), at(row.to)).unwrap().num_nanoseconds();
            prop_assert_eq!(elapsed[i], want, "elapsed of {:?}", row);
            let want = clock.deadline(at(row.from), TimeDelta::seconds(row.budget)).unwrap();
            prop_assert_eq!(due[i], Some(want), "deadline of {:?}", row);
        }
    }
}

#[test]
fn nulls_in_columns_give_null_rows_and_only_those() {
    let policy = SupportPolicy::madrid();
    let presets = preset_clocks();
    let ctx = session(&policy);
    let from = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    let ns = |t: DateTime<Utc>| t.timestamp_nanos_opt().unwrap();
    // Row i is NULL in coverage when i % 2 == 1, in from_at when i % 3 == 1, in to_at and
    // budget when i % 5 == 1.
    let rows = 40;
    let coverage: Vec<Option<&str>> = (0..rows)
        .map(|i| (i % 2 != 1).then_some(COVERAGES[i % COVERAGES.len()]))
        .collect();
    let start: Vec<Option<i64>> = (0..rows)
        .map(|i| (i % 3 != 1).then(|| ns(from + TimeDelta::minutes(97 * i as i64))))
        .collect();
    let end: Vec<Option<i64>> = (0..rows)
        .map(|i| (i % 5 != 1).then(|| ns(from + TimeDelta::hours(3 * i as i64))))
        .collect();
    let budget: Vec<Option<i64>> = (0..rows)
        .map(|i| (i % 5 != 1).then_some(600 * i as i64))
        .collect();
    let schema = Schema::new(vec![
        Field::new("coverage", DataType::Utf8, true),
        utc_ns("from_at"),
        utc_ns("to_at"),
        Field::new("budget", DataType::Int64, true),
    ]);
    let batch = RecordBatch::try_new(
        Arc::new(schema),
        vec![
            Arc::new(StringArray::from(coverage.clone())),
            Arc::new(TimestampNanosecondArray::from(start.clone()).with_timezone("UTC")),
            Arc::new(TimestampNanosecondArray::from(end.clone()).with_timezone("UTC")),
            Arc::new(Int64Array::from(budget.clone())),
        ],
    )
    .unwrap();
    ctx.register_batch("t", batch).unwrap();
    for constant in [false, true] {
        let word = if constant { "'plus'" } else { "coverage" };
        let out = run(
            &ctx,
            &format!(
                "SELECT sla_elapsed_ns({word}, from_at, to_at), \
                 sla_deadline({word}, from_at, budget) FROM t"
            ),
        )
        .unwrap();
        let (elapsed, due) = (int64s(out.column(0)), instants(out.column(1)));
        for i in 0..rows {
            let coverage = if constant { Some("plus") } else { coverage[i] };
            let (want_elapsed, want_due) = match (coverage, start[i], end[i], budget[i]) {
                (Some(c), Some(a), Some(z), Some(b)) => {
                    let clock = reference_clock(c, &presets, &policy);
                    (
                        clock.elapsed(at(a), at(z)).unwrap().num_nanoseconds(),
                        Some(clock.deadline(at(a), TimeDelta::seconds(b)).unwrap()),
                    )
                }
                _ => (None, None),
            };
            assert_eq!(elapsed[i], want_elapsed, "elapsed of row {i} ({word})");
            assert_eq!(due[i], want_due, "deadline of row {i} ({word})");
        }
    }
}

#[test]
fn a_bad_row_among_plain_columns_fails_the_query_naming_it() {
    let ctx = session(&SupportPolicy::madrid());
    let from = Utc.with_ymd_and_hms(2025, 3, 3, 9, 0, 0).unwrap();
    let row = |budget: i64, to: DateTime<Utc>| ClockRow {
        coverage: "plus",
        from: from.timestamp_nanos_opt().unwrap(),
        to: to.timestamp_nanos_opt().unwrap(),
        budget,
    };
    let later = from + TimeDelta::hours(5);
    let far = Utc.with_ymd_and_hms(2150, 1, 1, 0, 0, 0).unwrap();
    ctx.register_batch(
        "t",
        clock_batch(&[row(60, later), row(i64::MAX, later), row(60, far)]),
    )
    .unwrap();
    let message = run(&ctx, "SELECT sla_deadline('plus', from_at, budget) FROM t").unwrap_err();
    assert!(
        message.contains("sla_deadline") && message.contains("9223372036854775807 s"),
        "{message}"
    );
    let message = run(&ctx, "SELECT sla_elapsed_ns('plus', from_at, to_at) FROM t").unwrap_err();
    assert!(
        message.contains("sla_elapsed_ns") && message.contains("2150-01-01"),
        "{message}"
    );
}

#[derive(Debug, Clone)]
struct StatusRow {
    tier: &'static str,
    severity: &'static str,
    registered: i64,
    responded: Option<i64>,
    resolved: Option<i64>,
    now: i64,
}

fn status_row() -> impl Strategy<Value = StatusRow> {
    let hours = 0..300 * 3_600_000_000_000_i64;
    (
        prop::sample::select(TIERS.to_vec()),
        prop::sample::select(SEVERITIES.to_vec()),
        instant(),
        prop::option::of(hours.clone()),
        prop::option::of(hours.clone()),
        -3_600_000_000_000_i64..400 * 3_600_000_000_000,
    )
        .prop_map(
            |(tier, severity, registered, responded, resolved, now)| StatusRow {
                tier,
                severity,
                registered,
                // Read from a microsecond column: whole microseconds.
                responded: responded.map(|d| (registered + d) / 1000 * 1000),
                resolved: resolved.map(|d| registered + d),
                now: registered + now,
            },
        )
}

fn status_batch(rows: &[StatusRow]) -> RecordBatch {
    let schema = Schema::new(vec![
        Field::new("tier", DataType::Utf8, true),
        Field::new("severity", DataType::Utf8, true),
        utc_ns("registered"),
        // Other units and zones than the registration's: read as the same instants.
        Field::new(
            "responded",
            DataType::Timestamp(TimeUnit::Microsecond, Some("Europe/Madrid".into())),
            true,
        ),
        Field::new(
            "resolved",
            DataType::Timestamp(TimeUnit::Nanosecond, None),
            true,
        ),
        utc_ns("now"),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.tier))),
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|r| r.severity),
        )),
        Arc::new(
            TimestampNanosecondArray::from_iter_values(rows.iter().map(|r| r.registered))
                .with_timezone("UTC"),
        ),
        Arc::new(
            TimestampMicrosecondArray::from_iter(
                rows.iter().map(|r| r.responded.map(|t| t / 1000)),
            )
            .with_timezone("Europe/Madrid"),
        ),
        Arc::new(TimestampNanosecondArray::from_iter(
            rows.iter().map(|r| r.resolved),
        )),
        Arc::new(
            TimestampNanosecondArray::from_iter_values(rows.iter().map(|r| r.now))
                .with_timezone("UTC"),
        ),
    ];
    RecordBatch::try_new(Arc::new(schema), columns).unwrap()
}

/// A valid timeline: a registration, then events chosen at random among those the rules allow
/// at that point, some at the same instant as the previous one.
fn timeline() -> impl Strategy<Value = Vec<Event>> {
    let classification = (0..3usize, 0..4usize).prop_map(|(t, s)| {
        (
            [Tier::Standard, Tier::Plus, Tier::Vip][t],
            [Severity::S1, Severity::S2, Severity::S3, Severity::S4][s],
        )
    });
    (
        instant(),
        classification.clone(),
        prop::collection::vec((0..7u8, 0..48 * 60i64, classification), 0..12),
    )
        .prop_map(|(start, (tier, severity), steps)| {
            let mut t = start / 60_000_000_000 * 60_000_000_000;
            let mut events = vec![Event::new(at(t), EventKind::Registered { tier, severity })];
            let (mut responded, mut paused, mut resolved) = (false, false, false);
            for (choice, minutes, (tier, severity)) in steps {
                t += minutes * 60_000_000_000;
                let kind = match choice {
                    0 if !responded => {
                        responded = true;
                        EventKind::FirstResponse
                    }
                    1 if !paused && !resolved => {
                        paused = true;
                        EventKind::Paused
                    }
                    2 if paused => {
                        paused = false;
                        EventKind::Resumed
                    }
                    3 => EventKind::Reclassified { tier, severity },
                    4 if !resolved => {
                        (resolved, paused) = (true, false);
                        EventKind::Resolved
                    }
                    5 if resolved => {
                        resolved = false;
                        EventKind::Reopened
                    }
                    6 if resolved => {
                        events.push(Event::new(at(t), EventKind::Closed));
                        break;
                    }
                    _ => continue,
                };
                events.push(Event::new(at(t), kind));
            }
            events
        })
}

/// The event log of `tickets`: one row per event; tier and severity NULL where the event has
/// none.
fn events_batch(tickets: &[Vec<Event>]) -> RecordBatch {
    let rows: Vec<(i64, i64, &Event)> = tickets
        .iter()
        .enumerate()
        .flat_map(|(ticket, events)| {
            events
                .iter()
                .enumerate()
                .map(move |(seq, e)| (ticket as i64, seq as i64, e))
        })
        .collect();
    let word = |e: &Event| match e.kind {
        EventKind::Registered { .. } => "registered",
        EventKind::FirstResponse => "first_response",
        EventKind::Paused => "paused",
        EventKind::Resumed => "resumed",
        EventKind::Reclassified { .. } => "reclassified",
        EventKind::Resolved => "resolved",
        EventKind::Reopened => "reopened",
        EventKind::Closed => "closed",
        _ => unreachable!(),
    };
    let class = |e: &Event| match e.kind {
        EventKind::Registered { tier, severity } | EventKind::Reclassified { tier, severity } => {
            Some((tier.as_str(), format!("S{}", severity.number())))
        }
        _ => None,
    };
    let schema = Schema::new(vec![
        Field::new("ticket", DataType::Int64, false),
        Field::new("seq", DataType::Int64, false),
        // Whole minutes: seconds are enough, and exercise another unit.
        Field::new(
            "at",
            DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
            false,
        ),
        Field::new("kind", DataType::Utf8, false),
        Field::new("tier", DataType::Utf8, true),
        Field::new("severity", DataType::Utf8, true),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.0))),
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.1))),
        Arc::new(
            TimestampSecondArray::from_iter_values(rows.iter().map(|r| r.2.at.timestamp()))
                .with_timezone("UTC"),
        ),
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|r| word(r.2)),
        )),
        Arc::new(StringArray::from_iter(
            rows.iter().map(|r| class(r.2).map(|c| c.0)),
        )),
        Arc::new(StringArray::from_iter(
            rows.iter().map(|r| class(r.2).map(|c| c.1)),
        )),
    ];
    RecordBatch::try_new(Arc::new(schema), columns).unwrap()
}

/// The first column of the only row of `sql`, run with the Madrid policy.
fn one(sql: &str) -> Result<ArrayRef, String> {
    let ctx = session(&SupportPolicy::madrid());
    run(&ctx, sql).map(|batch| batch.column(0).clone())
}

fn error_of(sql: &str) -> String {
    match one(sql) {
        Ok(column) => panic!("{sql} answered {column:?}"),
        Err(message) => message,
    }
}

#[test]
fn a_null_argument_gives_null() {
    let null_ts = "CAST(NULL AS TIMESTAMP)";
    let ts = "TIMESTAMP '2025-03-03T09:00:00Z'";
    for sql in [
        format!("SELECT sla_elapsed_ns(NULL, {ts}, {ts})"),
        format!("SELECT sla_elapsed_ns('plus', {null_ts}, {ts})"),
        format!("SELECT sla_elapsed_ns('plus', {ts}, NULL)"),
        format!("SELECT sla_deadline(CAST(NULL AS VARCHAR), {ts}, 60)"),
        "SELECT sla_deadline('plus', NULL, 60)".to_owned(),
        format!("SELECT sla_deadline('plus', {ts}, NULL)"),
        "SELECT sla_priority(NULL, 'S1')".to_owned(),
        "SELECT sla_priority('vip', NULL)".to_owned(),
        format!("SELECT sla_status(NULL, 'S1', {ts}, NULL, NULL, {ts})"),
        format!("SELECT sla_status('vip', NULL, {ts}, NULL, NULL, {ts})"),
        format!("SELECT sla_status('vip', 'S1', NULL, NULL, NULL, {ts})"),
        format!("SELECT sla_status('vip', 'S1', {ts}, NULL, NULL, NULL)"),
        format!("SELECT sla_timeline_status(NULL, {ts})"),
        format!(
            "SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'registered', 'tier', 'vip', 'severity', 'S1')], NULL)"
        ),
    ] {
        let column = one(&sql).unwrap();
        assert_eq!(column.len(), 1, "{sql}");
        assert!(column.is_null(0), "{sql} gave {column:?}");
    }
}

#[test]
fn unanswered_objectives_are_null_facts_not_null_rows() {
    let column = one(
        "SELECT sla_status('plus', 2, TIMESTAMP '2025-03-03T08:00:00Z', NULL, NULL, \
        TIMESTAMP '2025-03-03T09:00:00Z')",
    )
    .unwrap();
    let row = status_rows(&column).pop().unwrap().unwrap();
    assert_eq!(
        (row.priority, row.tier.as_str(), row.severity.as_str()),
        (5, "plus", "S2")
    );
    assert_eq!(row.response.state, "pending");
    assert_eq!(row.response.used_ns, 3_600_000_000_000);
}

#[test]
fn every_error_names_the_function_and_the_value() {
    let ts = "TIMESTAMP '2025-03-03T09:00:00Z'";
    let cases: Vec<(String, &[&str])> = vec![
        (format!("SELECT sla_elapsed_ns('gold', {ts}, {ts})"), &["sla_elapsed_ns", "unknown coverage \"gold\""]),
        (format!("SELECT sla_deadline('gold:1', {ts}, 60)"), &["sla_deadline", "unknown tier \"gold\""]),
        (format!("SELECT sla_deadline('vip:9', {ts}, 60)"), &["sla_deadline", "unknown severity \"9\""]),
        ("SELECT sla_priority('vip', 'S5')".to_owned(), &["sla_priority", "\"S5\""]),
        ("SELECT sla_priority('gold', 'S1')".to_owned(), &["sla_priority", "\"gold\""]),
        (format!("SELECT sla_elapsed_ns('plus', TIMESTAMP '1990-01-01T00:00:00Z', {ts})"), &["sla_elapsed_ns", "1990-01-01"]),
        (format!("SELECT sla_elapsed_ns('plus', {ts}, TIMESTAMP '2150-01-01T00:00:00Z')"), &["sla_elapsed_ns", "2150-01-01"]),
        ("SELECT sla_elapsed_ns('plus', to_timestamp_seconds(9000000000000), to_timestamp_seconds(0))".to_owned(), &["sla_elapsed_ns", "9000000000000 s"]),
        (format!("SELECT sla_deadline('always', {ts}, 9223372036854775807)"), &["sla_deadline", "9223372036854775807 s"]),
        (format!("SELECT sla_deadline('plus', {ts}, 4000000000)"), &["sla_deadline", "PT1111111H6M40S"]),
        (format!("SELECT sla_status('vip', 'S1', TIMESTAMP '2101-06-01T00:00:00Z', NULL, NULL, {ts})"), &["sla_status", "2101-06-01"]),
        (format!("SELECT sla_status('bronze', 'S1', {ts}, NULL, NULL, {ts})"), &["sla_status", "\"bronze\""]),
        (format!("SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'paused', 'tier', 'vip', 'severity', 'S1')], {ts})"), &["sla_timeline_status", "paused at 2025-03-03 09:00:00 UTC"]),
        (format!("SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'born', 'tier', 'vip', 'severity', 'S1')], {ts})"), &["sla_timeline_status", "unknown event kind \"born\""]),
        (format!("SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'registered', 'tier', CAST(NULL AS VARCHAR), 'severity', 'S1')], {ts})"), &["sla_timeline_status", "event 1", "no tier"]),
        (format!("SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'registered', 'tier', 'vip', 'severity', 'S1'), \
            named_struct('at', TIMESTAMP '2025-03-03T08:00:00Z', 'kind', 'paused', 'tier', 'vip', 'severity', 'S1')], {ts})"), &["sla_timeline_status", "event 0 (paused at 2025-03-03 08:00:00 UTC)", "in order by at, then seq"]),
        (format!("SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'registered', 'tier', 'vip', 'severity', 'S1'), \
            named_struct('at', {ts}, 'kind', 'registered', 'tier', 'vip', 'severity', 'S1')], {ts})"), &["sla_timeline_status", "event 1"]),
        (format!("SELECT sla_timeline_status(array_slice([named_struct('at', {ts}, 'kind', 'registered', 'tier', 'vip', 'severity', 'S1')], 2, 1), {ts})"), &["sla_timeline_status", "at least one event"]),
        (format!("SELECT sla_timeline_status([named_struct('at', {ts}, 'kind', 'registered')], {ts})"), &["sla_timeline_status", "no field \"tier\""]),
        (format!("SELECT sla_timeline_status({ts}, {ts})"), &["sla_timeline_status", "events"]),
        (format!("SELECT sla_elapsed_ns('plus', 42, {ts})"), &["sla_elapsed_ns", "from", "timestamp"]),
        (format!("SELECT sla_deadline('plus', {ts}, 1.5)"), &["sla_deadline", "budget_seconds"]),
        ("SELECT sla_priority('vip')".to_owned(), &["sla_priority", "2 arguments"]),
    ];
    for (sql, words) in cases {
        let message = error_of(&sql);
        for word in words {
            assert!(
                message.contains(word),
                "{sql}: {message:?} does not say {word:?}"
            );
        }
    }
}

#[test]
fn timestamps_of_any_unit_zone_or_text_are_the_same_instants() {
    let column = one("SELECT sla_elapsed_ns('standard', \
        arrow_cast(arrow_cast(TIMESTAMP '2025-04-30T16:00:00Z', 'Timestamp(Second, Some(\"UTC\"))'), \
            'Timestamp(Second, Some(\"Europe/Madrid\"))'), \
        '2025-05-05T11:00:00+02:00')").unwrap();
    assert_eq!(int64s(&column), [Some(2 * 3_600_000_000_000)]);
    let column = one(
        "SELECT sla_deadline('plus', arrow_cast(TIMESTAMP '2025-04-30T16:00:00Z', \
        'Timestamp(Millisecond, None)'), -3600)",
    )
    .unwrap();
    assert_eq!(
        instants(&column),
        [Some(Utc.with_ymd_and_hms(2025, 4, 30, 15, 0, 0).unwrap())]
    );
}

#[test]
fn a_policy_document_changes_the_answers_as_it_changes_the_library() {
    let document = r#"{ "plus_hours": "mon-fri 07:00-22:00", "standard_hours": "mon-fri 08:00-15:00",
        "vip_low_severity": "always", "at_risk_per_mille": 500 }"#;
    let ctx = datafusion::prelude::SessionContext::new();
    let policy = support_sla_datafusion::register_document(&ctx, document).unwrap();
    let library: SupportPolicy = serde_json::from_str(document).unwrap();
    assert_eq!(policy, library);
    assert_ne!(policy, SupportPolicy::madrid());
    let (from, to) = (
        "TIMESTAMP '2025-03-03T00:00:00Z'",
        "TIMESTAMP '2025-03-10T00:00:00Z'",
    );
    let out = run(
        &ctx,
        &format!(
            "SELECT sla_elapsed_ns('plus', {from}, {to}), \
        sla_elapsed_ns('vip:3', {from}, {to}), sla_deadline('standard', {from}, 36000), \
        sla_status('vip', 4, {from}, NULL, NULL, {to})"
        ),
    )
    .unwrap();
    let start = Utc.with_ymd_and_hms(2025, 3, 3, 0, 0, 0).unwrap();
    let end = Utc.with_ymd_and_hms(2025, 3, 10, 0, 0, 0).unwrap();
    let plus = library.clock(support_sla::policy::CoverageKind::Plus);
    assert_eq!(
        int64s(out.column(0)),
        [plus.elapsed(start, end).unwrap().num_nanoseconds()]
    );
    assert_eq!(int64s(out.column(0)), [Some(5 * 15 * 3_600_000_000_000)]);
    let vip3 = library.coverage_clock(Tier::Vip, Severity::S3);
    assert_eq!(
        int64s(out.column(1)),
        [vip3.elapsed(start, end).unwrap().num_nanoseconds()]
    );
    let standard = library.clock(support_sla::policy::CoverageKind::Standard);
    assert_eq!(
        instants(out.column(2)),
        [Some(
            standard.deadline(start, TimeDelta::hours(10)).unwrap()
        )]
    );
    let want = library
        .status(&TicketFacts::new(Tier::Vip, Severity::S4, start), end)
        .unwrap();
    assert_eq!(
        status_rows(out.column(3)).pop().unwrap(),
        Some(expected_row(&want))
    );
    // And the Madrid policy answers differently.
    let madrid = one(&format!("SELECT sla_elapsed_ns('plus', {from}, {to})")).unwrap();
    assert_ne!(int64s(&madrid), int64s(out.column(0)));
}

#[test]
fn a_bad_policy_document_is_refused() {
    let ctx = datafusion::prelude::SessionContext::new();
    let error = support_sla_datafusion::register_document(
        &ctx,
        r#"{ "plus_hours": "mon-fri 20:00-09:00" }"#,
    )
    .unwrap_err();
    assert!(
        error.to_string().starts_with("invalid policy document: "),
        "{error}"
    );
    assert!(ctx.udf("sla_status").is_err(), "nothing registered");
}

#[test]
fn an_integer_severity_column_reads_as_its_number_word() {
    let ctx = session(&SupportPolicy::madrid());
    let registered = Utc.with_ymd_and_hms(2025, 3, 3, 8, 0, 0).unwrap();
    let schema = Schema::new(vec![
        Field::new("tier", DataType::Utf8, true),
        Field::new("number", DataType::Int32, true),
        Field::new("word", DataType::Utf8, true),
        utc_ns("registered"),
    ]);
    let rows: Vec<(&str, Option<i32>)> = vec![
        ("vip", Some(1)),
        ("plus", Some(2)),
        ("standard", Some(3)),
        ("vip", Some(4)),
        ("plus", None),
    ];
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.0))),
        Arc::new(datafusion::arrow::array::Int32Array::from_iter(
            rows.iter().map(|r| r.1),
        )),
        Arc::new(StringArray::from_iter(
            rows.iter().map(|r| r.1.map(|n| n.to_string())),
        )),
        Arc::new(
            TimestampNanosecondArray::from_iter_values(
                rows.iter()
                    .map(|_| registered.timestamp_nanos_opt().unwrap()),
            )
            .with_timezone("UTC"),
        ),
    ];
    ctx.register_batch(
        "t",
        RecordBatch::try_new(Arc::new(schema), columns).unwrap(),
    )
    .unwrap();
    let now = "TIMESTAMP '2025-03-04T12:00:00Z'";
    let by = |severity: &str| {
        let batch = run(
            &ctx,
            &format!(
                "SELECT sla_priority(tier, {severity}), \
                 sla_status(tier, {severity}, registered, NULL, NULL, {now}) FROM t"
            ),
        )
        .unwrap();
        (int32s(batch.column(0)), status_rows(batch.column(1)))
    };
    let (numbers, words) = (by("number"), by("word"));
    assert_eq!(numbers.0, words.0);
    assert_eq!(numbers.1, words.1);
    assert_eq!(numbers.0.last(), Some(&None));
    assert_eq!(numbers.0.first(), Some(&Some(1)));
    for (sql, quoted) in [
        (
            format!("SELECT sla_status('vip', 7, {now}, NULL, NULL, {now})"),
            "\"7\"",
        ),
        (
            format!("SELECT sla_status('vip', -1, {now}, NULL, NULL, {now})"),
            "\"-1\"",
        ),
        ("SELECT sla_priority('vip', 0)".to_owned(), "\"0\""),
        ("SELECT sla_priority('vip', 300)".to_owned(), "\"300\""),
    ] {
        let message = error_of(&sql);
        assert!(
            message.contains("unknown severity") && message.contains(quoted),
            "{sql}: {message}"
        );
    }
}

/// An event STRUCT's `seq` must be an integer: text is refused when the query is planned, with
/// the function, the field and the type named.
#[test]
fn a_seq_field_that_is_not_an_integer_is_refused() {
    let ctx = session(&SupportPolicy::madrid());
    let message = run(
        &ctx,
        "SELECT sla_timeline_status([named_struct('at', TIMESTAMP '2025-03-03T09:00:00Z', \
         'seq', 'one', 'kind', 'registered', 'tier', 'vip', 'severity', 'S1')], \
         TIMESTAMP '2025-03-04T09:00:00Z')",
    )
    .unwrap_err();
    assert!(
        message.contains("sla_timeline_status")
            && message.contains("\"seq\"")
            && message.contains("Utf8"),
        "{message}"
    );
    let ok = run(
        &ctx,
        "SELECT sla_timeline_status([named_struct('at', TIMESTAMP '2025-03-03T09:00:00Z', \
         'seq', 7, 'kind', 'registered', 'tier', 'vip', 'severity', 'S1')], \
         TIMESTAMP '2025-03-04T09:00:00Z')['priority']",
    )
    .unwrap();
    let priority = ok
        .column(0)
        .as_any()
        .downcast_ref::<datafusion::arrow::array::Int32Array>();
    assert_eq!(priority.map(|p| p.value(0)), Some(1));
}
