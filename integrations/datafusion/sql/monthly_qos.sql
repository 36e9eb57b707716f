-- Monthly quality of service per tier and severity, as of the end of the history.
-- Table `tickets`: ticket, tier, severity, registered, responded, resolved (NULL: not yet).
-- Months are Madrid months; times in whole seconds of service.
WITH statuses AS (
    SELECT
        date_trunc('month', arrow_cast(registered, 'Timestamp(Nanosecond, Some("Europe/Madrid"))')) AS month,
        sla_status(tier, severity, registered, responded, resolved,
                   TIMESTAMP '2026-01-01T00:00:00Z') AS s
    FROM tickets
),
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
