-- The same monthly quality of service from the event log, pauses, re-classifications and
-- reopenings included: one timeline per ticket, in the order of its events.
-- Table `events`: ticket, seq, at, kind, tier, severity.
WITH timelines AS (
    SELECT
        ticket,
        min(at) AS registered,
        sla_timeline_status(
            array_agg(named_struct('at', at, 'kind', kind, 'tier', tier, 'severity', severity)
                      ORDER BY at, seq),
            TIMESTAMP '2026-01-01T00:00:00Z') AS s
    FROM events
    GROUP BY ticket
),
flat AS (
    SELECT
        date_trunc('month', arrow_cast(registered, 'Timestamp(Nanosecond, Some("Europe/Madrid"))')) AS month,
        s['tier'] AS tier,
        s['severity'] AS severity,
        s['response']['state'] AS response,
        s['response']['used_ns'] AS response_used_ns,
        s['resolution']['state'] AS resolution
    FROM timelines
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
