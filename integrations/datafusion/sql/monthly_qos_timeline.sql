-- The same monthly quality of service from the event log, pauses, re-classifications and
-- reopenings included: one timeline per ticket, in the order of its events (by `at`, then
-- `seq`: `sla_timeline_status` orders them, so `array_agg` needs no ORDER BY, which
-- DataFusion 55 runs far slower).
-- Table `events`: ticket, seq, at, kind, tier, severity.
--
-- A ticket's month is the Madrid month of its first event. As in `monthly_qos.sql`, tickets
-- are first counted per hour of that event (hours since the epoch: an integer division, no
-- time zone), then the hours per Madrid month: a Madrid month starts at a whole UTC hour, so
-- each hour lies in one month, and the costly zone conversion of `date_trunc('month', …)` runs
-- once per hour instead of once per ticket. The rows are those of grouping the tickets by
-- month directly (sums of sums, counts of counts; `tests/qos.rs` checks it).
WITH timelines AS (
    SELECT
        ticket,
        CAST(arrow_cast(min(at), 'Timestamp(Nanosecond, Some("Europe/Madrid"))') AS BIGINT)
            / 3600000000000 AS hour,
        sla_timeline_status(
            array_agg(named_struct('at', at, 'seq', seq, 'kind', kind, 'tier', tier,
                                   'severity', severity)),
            TIMESTAMP '2026-01-01T00:00:00Z') AS s
    FROM events
    GROUP BY ticket
),
flat AS (
    SELECT
        hour,
        s['tier'] AS tier,
        s['severity'] AS severity,
        s['response']['state'] AS response,
        s['response']['used_ns'] AS response_used_ns,
        s['resolution']['state'] AS resolution
    FROM timelines
),
hourly AS (
    SELECT
        hour,
        tier,
        severity,
        count(*) AS tickets,
        sum(CASE WHEN response = 'met' THEN 1 ELSE 0 END) AS response_met,
        sum(CASE WHEN response = 'breached' THEN 1 ELSE 0 END) AS response_breached,
        sum(CASE WHEN resolution = 'met' THEN 1 ELSE 0 END) AS resolution_met,
        sum(CASE WHEN resolution = 'breached' THEN 1 ELSE 0 END) AS resolution_breached,
        sum(CASE WHEN resolution = 'pending' THEN 1 ELSE 0 END) AS resolution_pending,
        sum(response_used_ns) AS response_used_ns
    FROM flat
    GROUP BY hour, tier, severity
)
SELECT
    date_trunc('month', arrow_cast(hour * 3600000000000,
                                   'Timestamp(Nanosecond, Some("Europe/Madrid"))')) AS month,
    tier,
    severity,
    sum(tickets) AS tickets,
    sum(response_met) AS response_met,
    sum(response_breached) AS response_breached,
    sum(resolution_met) AS resolution_met,
    sum(resolution_breached) AS resolution_breached,
    sum(resolution_pending) AS resolution_pending,
    sum(response_used_ns) / sum(tickets) / 1000000000 AS mean_response_s
FROM hourly
GROUP BY 1, tier, severity
ORDER BY month, tier, severity
