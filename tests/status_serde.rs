//! The serde forms of a ticket's status, thresholds and explanation (issue 13): `snake_case`,
//! instants in RFC 3339 UTC, durations in ISO 8601; statuses and thresholds read back equal.
#![cfg(feature = "serde")]

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use proptest::prelude::*;
use serde_json::json;
use support_sla::status::{
    Event, EventKind, ObjectiveKind, SlaState, Thresholds, TicketStatus, Timeline,
};
use support_sla::{Severity, SupportPolicy, Tier};

fn policy() -> &'static SupportPolicy {
    static POLICY: std::sync::OnceLock<SupportPolicy> = std::sync::OnceLock::new();
    POLICY.get_or_init(SupportPolicy::madrid)
}

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(2025, 3, d, h, 0, 0)
        .unwrap()
        .to_utc()
}

/// Plus S2 registered Monday 3 March 2025 09:00 Madrid, answered at 10:00, waiting on the
/// customer from 11:00 to Tuesday 11:00.
fn paused_ticket() -> Timeline {
    Timeline::new(vec![
        Event::new(
            at(3, 9),
            EventKind::Registered {
                tier: Tier::Plus,
                severity: Severity::S2,
            },
        ),
        Event::new(at(3, 10), EventKind::FirstResponse),
        Event::new(at(3, 11), EventKind::Paused),
        Event::new(at(4, 11), EventKind::Resumed),
    ])
    .unwrap()
}

#[test]
fn a_status_serializes_as_documented_and_reads_back() {
    let policy = policy();
    let status = policy.timeline_status(&paused_ticket(), at(4, 12)).unwrap();
    let value = serde_json::to_value(status).unwrap();
    assert_eq!(
        value,
        json!({
            "priority": "P5",
            "registered": "2025-03-03T08:00:00Z",
            "response": {
                "budget": "PT2H",
                "due": "2025-03-03T10:00:00Z",
                "used": "PT1H",
                "remaining": "PT1H",
                "state": {"met": {"at": "2025-03-03T09:00:00Z"}},
                "answered": "2025-03-03T09:00:00Z",
                "at_risk": false,
                "paused": false,
                "source": "crate_default"
            },
            "resolution": {
                "budget": "PT16H",
                "due": "2025-03-05T13:00:00Z",
                "used": "PT3H",
                "remaining": "PT13H",
                "state": "pending",
                "answered": null,
                "at_risk": false,
                "paused": false,
                "source": "crate_default"
            },
            "rule": null
        }),
        "{}",
        serde_json::to_string_pretty(&value).unwrap()
    );
    let back: TicketStatus = serde_json::from_value(value).unwrap();
    assert_eq!(back, status);
}

#[test]
fn states_and_thresholds_read_back() {
    for state in [
        SlaState::Pending,
        SlaState::Met { at: at(3, 9) },
        SlaState::Breached { at: at(3, 10) },
    ] {
        let text = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<SlaState>(&text).unwrap(), state);
    }
    assert_eq!(
        serde_json::to_string(&SlaState::Breached { at: at(3, 10) }).unwrap(),
        r#"{"breached":{"at":"2025-03-03T09:00:00Z"}}"#
    );
    let policy = policy();
    let thresholds = policy.thresholds(&paused_ticket(), at(3, 12)).unwrap();
    let value = serde_json::to_value(&thresholds).unwrap();
    assert_eq!(
        value["resolution"][0],
        json!({"per_mille": 500, "used": "PT8H", "when": "not_before_resume"})
    );
    assert_eq!(
        value["response"][0],
        json!({"per_mille": 500, "used": "PT1H", "when": {"reached": {"at": "2025-03-03T09:00:00Z"}}})
    );
    assert_eq!(
        value["response"][3],
        json!({"per_mille": 1000, "used": "PT2H", "when": "answered"})
    );
    let back: Thresholds = serde_json::from_value(value).unwrap();
    assert_eq!(back, thresholds);
}

#[test]
fn a_duration_that_is_not_iso_8601_is_refused_with_its_text() {
    let policy = policy();
    let status = policy.timeline_status(&paused_ticket(), at(4, 12)).unwrap();
    let mut value = serde_json::to_value(status).unwrap();
    value["response"]["used"] = json!("2 hours");
    let err = serde_json::from_value::<TicketStatus>(value).unwrap_err();
    assert!(
        err.to_string().contains(r#"invalid duration "2 hours""#),
        "{err}"
    );
}

#[test]
fn an_explanation_serializes_with_the_ticket_reasons() {
    let policy = policy();
    let why = policy
        .explain_due(&paused_ticket(), ObjectiveKind::Resolution, at(4, 12))
        .unwrap();
    let value = serde_json::to_value(&why).unwrap();
    assert_eq!(value["time_zone"], "Europe/Madrid");
    assert_eq!(value["objective"], "resolution");
    assert_eq!(value["due"], "2025-03-05T13:00:00Z");
    assert_eq!(
        value["stretches"][0],
        json!({"from": "2025-03-03T08:00:00Z", "to": "2025-03-03T10:00:00Z",
               "kind": {"counted": {"running_total": "PT2H"}}})
    );
    assert_eq!(
        value["stretches"][1],
        json!({"from": "2025-03-03T10:00:00Z", "to": "2025-03-04T10:00:00Z",
               "kind": {"skipped": {"paused": {"since": "2025-03-03T10:00:00Z"}}}})
    );
    assert_eq!(
        value["stretches"][3]["kind"],
        json!({"skipped": {"service": "outside_hours"}})
    );
    assert_eq!(value["summary"]["paused"], "PT24H");
    assert_eq!(value["summary"]["service"]["counted"], "PT16H");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any status of a timeline reads back equal from its JSON.
    #[test]
    fn statuses_round_trip(hours in 0u32..200, pause in 0u32..48, length in 0u32..48) {
        let registered = at(3, 9);
        let h = |n: u32| registered + chrono::TimeDelta::hours(i64::from(n));
        let mut timeline = Timeline::new(vec![Event::new(
            registered,
            EventKind::Registered { tier: Tier::Standard, severity: Severity::S3 },
        )])
        .unwrap();
        timeline.push(Event::new(h(pause), EventKind::Paused)).unwrap();
        timeline.push(Event::new(h(pause + length), EventKind::Resumed)).unwrap();
        let policy = policy();
        let status = policy.timeline_status(&timeline, h(hours)).unwrap();
        let text = serde_json::to_string(&status).unwrap();
        prop_assert_eq!(serde_json::from_str::<TicketStatus>(&text).unwrap(), status);
        let thresholds = policy.thresholds(&timeline, h(hours)).unwrap();
        let text = serde_json::to_string(&thresholds).unwrap();
        prop_assert_eq!(serde_json::from_str::<Thresholds>(&text).unwrap(), thresholds);
    }
}
