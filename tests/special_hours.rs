//! Special hours on the policy's coverages: 24 and 31 December 09:00–14:00 on Standard and Plus,
//! configured from JSON as a service would. Hand-checked: Standard is Mon–Thu 09:00–17:30 and
//! Fri 09:00–14:00, Plus Mon–Fri 09:00–20:00; 25 December and 1 January are national holidays.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use std::sync::OnceLock;
use support_sla::clock::{SkipReason, StretchKind};
use support_sla::{Severity, SupportPolicy, Tier};

fn madrid(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("a wall time that exists")
        .to_utc()
}

/// The default policy with 24 and 31 December 2025 shortened, read from a JSON document.
#[cfg(feature = "serde")]
fn policy() -> &'static SupportPolicy {
    static POLICY: OnceLock<SupportPolicy> = OnceLock::new();
    POLICY.get_or_init(|| {
        let json = r#"{
            "special_hours": [
                {"name": "Nochebuena", "first": "2025-12-24", "last": "2025-12-24", "hours": "mon-fri 09:00-14:00"},
                {"name": "Nochevieja", "first": "2025-12-31", "last": "2025-12-31", "hours": "mon-fri 09:00-14:00"}
            ]
        }"#;
        serde_json::from_str(json).expect("a valid policy document")
    })
}

/// The same policy built in code, for builds without serde.
#[cfg(not(feature = "serde"))]
fn policy() -> &'static SupportPolicy {
    use support_sla::coverage::SpecialHours;
    static POLICY: OnceLock<SupportPolicy> = OnceLock::new();
    POLICY.get_or_init(|| {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 12, d).expect("date");
        let hours = || "mon-fri 09:00-14:00".parse().expect("schedule");
        SupportPolicy::builder()
            .special_hours(vec![
                SpecialHours::on("Nochebuena", day(24), hours()).expect("special hours"),
                SpecialHours::on("Nochevieja", day(31), hours()).expect("special hours"),
            ])
            .build()
            .expect("a valid policy")
    })
}

#[test]
fn standard_on_christmas_eve_closes_at_14() {
    // Standard S3, 4 h response, registered Wednesday 24 December 2025 at 12:00: 12:00–14:00 on
    // the 24th (2 h), the 25th is a holiday, Friday 26th 09:00–11:00 (2 h): due Friday at 11:00.
    // Without the special hours it would be due on the 24th at 16:00.
    let due = policy()
        .due(Tier::Standard, Severity::S3, madrid(2025, 12, 24, 12, 0))
        .unwrap();
    assert_eq!(due.response, madrid(2025, 12, 26, 11, 0));
    let plain = SupportPolicy::madrid()
        .due(Tier::Standard, Severity::S3, madrid(2025, 12, 24, 12, 0))
        .unwrap();
    assert_eq!(plain.response, madrid(2025, 12, 24, 16, 0));
}

#[test]
fn plus_on_christmas_eve_closes_at_14() {
    // Plus S2, 2 h response, registered 24 December 2025 at 13:30: 30 min that day, the 25th is
    // a holiday, Friday 26th from 09:00: 1 h 30 min, due at 10:30. (Plain Plus: 15:30 on the 24th.)
    let due = policy()
        .due(Tier::Plus, Severity::S2, madrid(2025, 12, 24, 13, 30))
        .unwrap();
    assert_eq!(due.response, madrid(2025, 12, 26, 10, 30));
}

#[test]
fn new_years_eve_then_new_years_day() {
    // Standard S1, 1 h response, registered Wednesday 31 December 2025 at 13:30: 30 min that
    // day, 1 January is a holiday, Friday 2 January 09:00–09:30: due 2 January at 09:30.
    let due = policy()
        .due(Tier::Standard, Severity::S1, madrid(2025, 12, 31, 13, 30))
        .unwrap();
    assert_eq!(due.response, madrid(2026, 1, 2, 9, 30));
}

#[test]
fn vip_urgent_tickets_ignore_special_hours() {
    // Vip S1 runs around the clock: 1 h from 24 December 13:30 is 14:30.
    let due = policy()
        .due(Tier::Vip, Severity::S1, madrid(2025, 12, 24, 13, 30))
        .unwrap();
    assert_eq!(due.response, madrid(2025, 12, 24, 14, 30));
}

#[test]
fn christmas_eve_is_open_until_14_only() {
    let clock = policy().coverage_clock(Tier::Standard, Severity::S3);
    assert!(clock.is_open(madrid(2025, 12, 24, 13, 59)).unwrap());
    assert!(!clock.is_open(madrid(2025, 12, 24, 14, 0)).unwrap());
    assert_eq!(
        clock.next_close(madrid(2025, 12, 24, 10, 0)).unwrap(),
        Some(madrid(2025, 12, 24, 14, 0))
    );
    assert_eq!(
        clock
            .elapsed(madrid(2025, 12, 24, 0, 0), madrid(2025, 12, 25, 0, 0))
            .unwrap(),
        TimeDelta::hours(5)
    );
    // Other years keep their usual hours: 24 December 2024 (Tuesday) is a full day.
    assert_eq!(
        clock
            .elapsed(madrid(2024, 12, 24, 0, 0), madrid(2024, 12, 25, 0, 0))
            .unwrap(),
        TimeDelta::minutes(510)
    );
}

#[test]
fn the_explanation_names_the_special_hours() {
    let clock = policy().coverage_clock(Tier::Standard, Severity::S3);
    let why = clock
        .explain_deadline(madrid(2025, 12, 24, 12, 0), TimeDelta::hours(4))
        .unwrap();
    let special = SkipReason::SpecialHours {
        name: "Nochebuena".to_owned(),
    };
    assert!(why
        .stretches()
        .iter()
        .any(|s| s.kind == StretchKind::Skipped(special.clone())
            && s.from == madrid(2025, 12, 24, 14, 0)));
    assert!(why
        .summary()
        .to_string()
        .contains("1 day of special hours (Nochebuena)"));
}

#[cfg(feature = "serde")]
#[test]
fn overlapping_special_hours_name_the_field() {
    let json = r#"{"special_hours": [
        {"name": "A", "first": "2025-12-20", "last": "2025-12-26", "hours": "mon-fri 09:00-14:00"},
        {"name": "B", "first": "2025-12-24", "last": "2025-12-24", "hours": "mon-fri 09:00-14:00"}
    ]}"#;
    let err = serde_json::from_str::<SupportPolicy>(json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("special_hours"), "{err}");
    assert!(err.contains("share dates"), "{err}");
}
