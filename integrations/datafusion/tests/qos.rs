//! `sql/monthly_qos.sql` and `sql/monthly_qos_timeline.sql` count tickets per UTC hour, then
//! hours per Madrid month: each must give exactly the rows of grouping the tickets by Madrid
//! month directly (the plain queries below), tickets on either side of every month's first
//! instant included.

#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

use chrono::{TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use datafusion::arrow::array::RecordBatch;
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::datasource::MemTable;
use datafusion::prelude::{SessionConfig, SessionContext};
use std::sync::Arc;
use support_sla::SupportPolicy;

const QOS: &str = include_str!("../sql/monthly_qos.sql");
const TIMELINE: &str = include_str!("../sql/monthly_qos_timeline.sql");

/// The same summary, grouping each ticket by its Madrid month: `statuses` is a query giving
/// each ticket's `month` and status `s`.
fn per_ticket_summary(statuses: &str) -> String {
    format!(
        r#"
WITH statuses AS ({statuses}),
flat AS (
    SELECT
        month,
        s['tier'] AS tier,
        s['severity'] AS severity,
        s['response']['state'] AS response,
        s['response']['used_ns'] AS response_used_ns,
        s['resolution']['state'] AS resolution
    FROM statuses
)
SELECT
    month,
    tier,
    severity,
    count(*) AS tickets,
    sum(CASE WHEN response = 'met' THEN 1 ELSE 0 END) AS response_met,
    sum(CASE WHEN response = 'breached' THEN 1 ELSE 0 END) AS response_breached,
    sum(CASE WHEN resolution = 'met' THEN 1 ELSE 0 END) AS resolution_met,
    sum(CASE WHEN resolution = 'breached' THEN 1 ELSE 0 END) AS resolution_breached,
    sum(CASE WHEN resolution = 'pending' THEN 1 ELSE 0 END) AS resolution_pending,
    sum(response_used_ns) / count(*) / 1000000000 AS mean_response_s
FROM flat
GROUP BY month, tier, severity
ORDER BY month, tier, severity
"#
    )
}

/// Each ticket's Madrid month and status, from the tickets table.
const PLAIN: &str = r#"
    SELECT
        date_trunc('month', arrow_cast(registered, 'Timestamp(Nanosecond, Some("Europe/Madrid"))')) AS month,
        sla_status(tier, severity, registered, responded, resolved,
                   TIMESTAMP '2026-01-01T00:00:00Z') AS s
    FROM tickets
"#;

/// Each ticket's status from the event log, and the Madrid month of its first event.
const PLAIN_TIMELINE: &str = r#"
    SELECT
        date_trunc('month', arrow_cast(min(at), 'Timestamp(Nanosecond, Some("Europe/Madrid"))')) AS month,
        sla_timeline_status(
            array_agg(named_struct('at', at, 'kind', kind, 'tier', tier, 'severity', severity)
                      ORDER BY at, seq),
            TIMESTAMP '2026-01-01T00:00:00Z') AS s
    FROM events
    GROUP BY ticket
"#;

/// 3 000 synthetic tickets (ids 0–2999), and tickets (ids from 3000) registered 1 ns and 1 s
/// before, at, and 1 ns and 1 s after the first instant of each Madrid month of 2025 and
/// January 2026.
fn tickets() -> Vec<synthetic::SynthTicket> {
    let mut tickets: Vec<_> = (0..3_000).map(|id| synthetic::ticket(11, id)).collect();
    let template = synthetic::ticket(11, 0);
    for month in 1..=13u32 {
        let (year, month) = if month == 13 {
            (2026, 1)
        } else {
            (2025, month)
        };
        let first = Madrid
            .with_ymd_and_hms(year, month, 1, 0, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        for offset in [-1_000_000_000, -1, 0, 1, 1_000_000_000] {
            let mut ticket = template.clone();
            ticket.id = tickets.len() as i64;
            ticket.registered = first + TimeDelta::nanoseconds(offset);
            ticket.responded = None;
            ticket.resolved = None;
            // Its log: registered (as the template), then a first response half an hour later
            // when that is still inside the history.
            let responded = ticket.registered + TimeDelta::minutes(30);
            ticket.events = vec![synthetic::SynthEvent {
                at: ticket.registered,
                ..template.events[0]
            }];
            if responded < synthetic::end() {
                ticket.events.push(synthetic::SynthEvent {
                    at: responded,
                    kind: "first_response",
                    class: None,
                });
            }
            tickets.push(ticket);
        }
    }
    tickets
}

/// A session holding `batch` as the table `name`, in two partitions.
fn session(name: &str, batch: RecordBatch) -> SessionContext {
    let half = batch.num_rows() / 2;
    let table = MemTable::try_new(
        batch.schema(),
        vec![
            vec![batch.slice(0, half)],
            vec![batch.slice(half, batch.num_rows() - half)],
        ],
    )
    .unwrap();
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(2));
    support_sla_datafusion::register(&ctx, &SupportPolicy::madrid());
    ctx.register_table(name, Arc::new(table)).unwrap();
    ctx
}

/// The rows of `sql` on `ctx`, as text.
async fn run(ctx: &SessionContext, sql: &str) -> String {
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    pretty_format_batches(&batches).unwrap().to_string()
}

#[tokio::test]
async fn the_monthly_qos_equals_grouping_tickets_by_month_directly() {
    let ctx = session("tickets", synthetic::tickets_of(&tickets()));
    let (qos, plain) = (
        run(&ctx, QOS).await,
        run(&ctx, &per_ticket_summary(PLAIN)).await,
    );
    assert!(qos.lines().count() > 100, "{qos}");
    assert_eq!(qos, plain);
}

#[tokio::test]
async fn the_timeline_qos_equals_grouping_tickets_by_month_directly() {
    let ctx = session("events", synthetic::events_of(&tickets()));
    let (qos, plain) = (
        run(&ctx, TIMELINE).await,
        run(&ctx, &per_ticket_summary(PLAIN_TIMELINE)).await,
    );
    assert!(qos.lines().count() > 100, "{qos}");
    assert_eq!(qos, plain);
}
