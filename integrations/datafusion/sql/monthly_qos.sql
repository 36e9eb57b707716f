-- Monthly quality of service per tier and severity, as of the end of the history.
-- Table `tickets`: ticket, tier, severity, registered, responded, resolved (NULL: not yet).
-- Months are Madrid months; times in whole seconds of service.
--
-- Tickets are first counted per hour of registration (hours since the epoch: an integer
-- division, no time zone), then the hours per Madrid month: a Madrid month starts at a
-- whole UTC hour (the zone's offsets are whole hours), so each hour lies in one month, and
-- the costly zone conversion of `date_trunc('month', …)` runs once per hour instead of once
-- per ticket. The rows are those of grouping the tickets by month directly (sums of sums,
-- counts of counts; `tests/qos.rs` checks it).
WITH statuses AS (
    SELECT
        CAST(arrow_cast(registered, 'Timestamp(Nanosecond, Some("Europe/Madrid"))') AS BIGINT)
            / 3600000000000 AS hour,
        sla_status(tier, severity, registered, responded, resolved,
                   TIMESTAMP '2026-01-01T00:00:00Z') AS s
    FROM tickets
),
flat AS (
    SELECT
        hour,
        s['tier'] AS tier,
        s['severity'] AS severity,
        s['response']['state'] AS response,
        s['response']['used_ns'] AS response_used_ns,
        s['resolution']['state'] AS resolution
    FROM statuses
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
