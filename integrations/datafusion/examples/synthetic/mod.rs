//! A synthetic but realistic ticket history, the same for a given seed: registrations over
//! 2025 (mostly on working days, in office hours), first responses, pauses waiting on the
//! customer, re-classifications, resolutions, reopenings and closures; nothing after the end
//! of the history, 2026-01-01T00:00:00Z, so recent tickets are still open.
//!
//! Shared by the `history` example, the benchmarks and the tests (`#[path]` modules).
#![allow(dead_code)]

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Madrid;
use datafusion::arrow::array::{
    ArrayRef, Int32Array, Int64Array, RecordBatch, StringArray, TimestampNanosecondArray,
};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use std::sync::Arc;

/// The end of the history: nothing happens at or after it.
pub const END: &str = "2026-01-01T00:00:00Z";

/// The end of the history as an instant.
pub fn end() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
}

/// SplitMix64: small, fast, and the same everywhere.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Self {
        Random(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[0, n)`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A delay of about `typical` (log-uniform between a fifth and five times it), to the second.
    pub fn delay(&mut self, typical: TimeDelta) -> TimeDelta {
        let factor = (self.unit() * 2.0 - 1.0) * 5f64.ln();
        TimeDelta::seconds((typical.num_seconds() as f64 * factor.exp()).max(60.0) as i64)
    }
}

/// One event of a ticket's history.
#[derive(Debug, Clone, Copy)]
pub struct SynthEvent {
    pub at: DateTime<Utc>,
    pub kind: &'static str,
    /// Tier and severity, for `registered` and `reclassified`.
    pub class: Option<(&'static str, u8)>,
}

/// One ticket: its facts (as registered) and its events.
#[derive(Debug, Clone)]
pub struct SynthTicket {
    pub id: i64,
    pub tier: &'static str,
    pub severity: u8,
    pub registered: DateTime<Utc>,
    pub responded: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    pub events: Vec<SynthEvent>,
}

fn tier(random: &mut Random) -> &'static str {
    match random.below(100) {
        0..=54 => "standard",
        55..=84 => "plus",
        _ => "vip",
    }
}

fn severity(random: &mut Random) -> u8 {
    match random.below(100) {
        0..=6 => 1,
        7..=24 => 2,
        25..=69 => 3,
        _ => 4,
    }
}

/// A registration instant in 2025: three in four on a working day between 08:00 and 19:00 in
/// Madrid, the rest at any time.
fn registration(random: &mut Random) -> DateTime<Utc> {
    let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Days::new(random.below(365));
    let seconds = if random.below(4) < 3 {
        8 * 3600 + random.below(11 * 3600)
    } else {
        random.below(24 * 3600)
    };
    let day = match day.weekday() {
        Weekday::Sat | Weekday::Sun if random.below(4) < 3 => day + Days::new(2),
        _ => day,
    };
    let local = day.and_hms_opt(0, 0, 0).unwrap() + TimeDelta::seconds(seconds as i64);
    Madrid
        .from_local_datetime(&local)
        .earliest()
        .unwrap_or_else(|| Madrid.from_utc_datetime(&local))
        .to_utc()
}

/// The ticket `id` of the history of `seed`.
pub fn ticket(seed: u64, id: i64) -> SynthTicket {
    let mut random = Random::new(seed ^ (id as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let (tier, severity) = (tier(&mut random), severity(&mut random));
    let registered = registration(&mut random);
    let mut events = vec![SynthEvent {
        at: registered,
        kind: "registered",
        class: Some((tier, severity)),
    }];
    let typical_response = TimeDelta::hours([1, 2, 4, 8][usize::from(severity - 1)]);
    let mut t = registered + random.delay(typical_response);
    let responded = t;
    events.push(SynthEvent {
        at: t,
        kind: "first_response",
        class: None,
    });
    if random.below(100) < 8 {
        let new_severity = if severity == 1 || (severity < 4 && random.below(2) == 0) {
            severity + 1
        } else {
            severity - 1
        };
        t += random.delay(TimeDelta::hours(3));
        events.push(SynthEvent {
            at: t,
            kind: "reclassified",
            class: Some((tier, new_severity)),
        });
    }
    if random.below(100) < 30 {
        t += random.delay(TimeDelta::hours(2));
        events.push(SynthEvent {
            at: t,
            kind: "paused",
            class: None,
        });
        t += random.delay(TimeDelta::hours(20));
        events.push(SynthEvent {
            at: t,
            kind: "resumed",
            class: None,
        });
    }
    let typical_resolution = TimeDelta::hours([8, 16, 40, 80][usize::from(severity - 1)]);
    t += random.delay(typical_resolution);
    events.push(SynthEvent {
        at: t,
        kind: "resolved",
        class: None,
    });
    if random.below(100) < 4 {
        t += random.delay(TimeDelta::hours(12));
        events.push(SynthEvent {
            at: t,
            kind: "reopened",
            class: None,
        });
        t += random.delay(typical_resolution / 2);
        events.push(SynthEvent {
            at: t,
            kind: "resolved",
            class: None,
        });
    }
    t += random.delay(TimeDelta::days(3));
    events.push(SynthEvent {
        at: t,
        kind: "closed",
        class: None,
    });
    events.retain(|event| event.at < end());
    let last_resolution = events.iter().rposition(|e| e.kind == "resolved");
    let reopened_after =
        last_resolution.is_some_and(|i| events[i..].iter().any(|e| e.kind == "reopened"));
    let resolved = match last_resolution {
        Some(i) if !reopened_after => Some(events[i].at),
        _ => None,
    };
    SynthTicket {
        id,
        tier,
        severity,
        registered,
        responded: (responded < end()).then_some(responded),
        resolved,
        events,
    }
}

fn utc_ns() -> DataType {
    DataType::Timestamp(TimeUnit::Nanosecond, Some("UTC".into()))
}

/// The schema of the tickets table: `ticket`, `tier`, `severity` (1–4), `registered`,
/// `responded`, `resolved`.
pub fn tickets_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("ticket", DataType::Int64, false),
        Field::new("tier", DataType::Utf8, false),
        Field::new("severity", DataType::Int32, false),
        Field::new("registered", utc_ns(), false),
        Field::new("responded", utc_ns(), true),
        Field::new("resolved", utc_ns(), true),
    ]))
}

/// The schema of the events table: `ticket`, `seq`, `at`, `kind`, `tier`, `severity`.
pub fn events_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("ticket", DataType::Int64, false),
        Field::new("seq", DataType::Int32, false),
        Field::new("at", utc_ns(), false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("tier", DataType::Utf8, true),
        Field::new("severity", DataType::Utf8, true),
    ]))
}

fn nanos(at: DateTime<Utc>) -> i64 {
    at.timestamp_nanos_opt().unwrap()
}

/// The tickets `ids` of the history of `seed` as a tickets batch.
pub fn tickets_batch(seed: u64, ids: std::ops::Range<i64>) -> RecordBatch {
    let tickets: Vec<SynthTicket> = ids.map(|id| ticket(seed, id)).collect();
    tickets_of(&tickets)
}

/// `tickets` as a tickets batch.
pub fn tickets_of(tickets: &[SynthTicket]) -> RecordBatch {
    let ts = |f: &dyn Fn(&SynthTicket) -> Option<DateTime<Utc>>| -> ArrayRef {
        Arc::new(
            TimestampNanosecondArray::from_iter(tickets.iter().map(|t| f(t).map(nanos)))
                .with_timezone("UTC"),
        )
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from_iter_values(tickets.iter().map(|t| t.id))),
        Arc::new(StringArray::from_iter_values(
            tickets.iter().map(|t| t.tier),
        )),
        Arc::new(Int32Array::from_iter_values(
            tickets.iter().map(|t| i32::from(t.severity)),
        )),
        ts(&|t| Some(t.registered)),
        ts(&|t| t.responded),
        ts(&|t| t.resolved),
    ];
    RecordBatch::try_new(tickets_schema(), columns).unwrap()
}

/// `tickets`' events as an events batch.
pub fn events_of(tickets: &[SynthTicket]) -> RecordBatch {
    let rows: Vec<(i64, i32, &SynthEvent)> = tickets
        .iter()
        .flat_map(|t| {
            t.events
                .iter()
                .enumerate()
                .map(move |(i, e)| (t.id, i as i32, e))
        })
        .collect();
    let severities = ["S1", "S2", "S3", "S4"];
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.0))),
        Arc::new(Int32Array::from_iter_values(rows.iter().map(|r| r.1))),
        Arc::new(
            TimestampNanosecondArray::from_iter_values(rows.iter().map(|r| nanos(r.2.at)))
                .with_timezone("UTC"),
        ),
        Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.2.kind))),
        Arc::new(StringArray::from_iter(
            rows.iter().map(|r| r.2.class.map(|c| c.0)),
        )),
        Arc::new(StringArray::from_iter(
            rows.iter()
                .map(|r| r.2.class.map(|c| severities[usize::from(c.1 - 1)])),
        )),
    ];
    RecordBatch::try_new(events_schema(), columns).unwrap()
}
