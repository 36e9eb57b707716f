//! Policies that change over time (issue 16), through the public API: hand-checked figures for
//! the coverage in force at each instant, the objectives in force at the registration, and the
//! documents and their refusals.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use std::error::Error as _;
use support_sla::calendar::{CalendarOverrides, Holiday, Level, Provenance};
#[cfg(feature = "serde")]
use support_sla::policy::PolicyDocument;
use support_sla::policy::{
    CoverageKind, Objective, Objectives, PolicyConfig, PolicyHistory, Reclassification,
};
use support_sla::status::{Event, EventKind, SlaState, TicketFacts, Timeline};
use support_sla::{Error, Severity, SupportPolicy, Tier};

fn madrid(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .unwrap()
        .to_utc()
}

fn hours(h: i64, m: i64) -> TimeDelta {
    TimeDelta::hours(h) + TimeDelta::minutes(m)
}

fn config(edit: impl FnOnce(&mut PolicyConfig)) -> PolicyConfig {
    let mut config = PolicyConfig::default();
    edit(&mut config);
    config
}

/// Summer hours for Standard (09:00–14:00 Monday to Friday) from 1 July 2025.
fn summer() -> SupportPolicy {
    let summer = config(|c| c.standard_hours = "mon-fri 09:00-14:00".parse().unwrap());
    let history =
        PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 7, 1, 0, 0), summer);
    SupportPolicy::from_history(history).unwrap()
}

#[test]
fn summer_hours_count_from_the_day_they_take_effect() {
    let policy = summer();
    let clock = policy.coverage_clock(Tier::Standard, Severity::S3);
    let registered = madrid(2025, 6, 30, 16, 0);
    // Monday 16:00–17:30 under the old hours.
    assert_eq!(
        clock.elapsed(registered, madrid(2025, 7, 1, 0, 0)).unwrap(),
        hours(1, 30)
    );
    // Tuesday 09:00–14:00 under the summer hours: 14:00–17:30 no longer counts.
    assert_eq!(
        clock
            .elapsed(registered, madrid(2025, 7, 1, 17, 30))
            .unwrap(),
        hours(6, 30)
    );
    assert!(!clock.is_open(madrid(2025, 7, 1, 15, 0)).unwrap());
    assert!(clock.is_open(madrid(2025, 6, 30, 15, 0)).unwrap());
    // Friday 4 July closes at 14:00 in both versions; Thursday 3 July at 14:00 now.
    assert_eq!(
        clock.next_close(madrid(2025, 7, 3, 10, 0)).unwrap(),
        Some(madrid(2025, 7, 3, 14, 0))
    );
    assert_eq!(
        clock.next_open(madrid(2025, 6, 30, 18, 0)).unwrap(),
        Some(madrid(2025, 7, 1, 9, 0))
    );

    // S3: 4 h response, 40 h resolution.
    let due = policy
        .due(Tier::Standard, Severity::S3, registered)
        .unwrap();
    assert_eq!(due.response, madrid(2025, 7, 1, 11, 30));
    // 1 h 30 min on Monday, then 5 h a day: 38 h 30 min more is 7 days and 3 h 30 min of
    // service, Tuesday 1 July to Wednesday 9 July (weekends closed), ending at 12:30 on Thursday 10.
    assert_eq!(due.resolution, madrid(2025, 7, 10, 12, 30));
    assert_eq!(
        clock.elapsed(registered, due.resolution).unwrap(),
        TimeDelta::hours(40)
    );
    // Backwards across the change: 2 h before Tuesday 10:00 is Monday 17:00.
    assert_eq!(
        clock
            .deadline(madrid(2025, 7, 1, 10, 0), TimeDelta::hours(-2))
            .unwrap(),
        madrid(2025, 6, 30, 16, 30)
    );
}

#[test]
fn a_plus_hours_extension_counts_from_its_instant_mid_ticket() {
    // Plus 08:00–22:00 from Wednesday 2 July 2025 at 12:00.
    let extended = config(|c| c.plus_hours = "mon-fri 08:00-22:00".parse().unwrap());
    let history =
        PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 7, 2, 12, 0), extended);
    let policy = SupportPolicy::from_history(history).unwrap();
    let registered = madrid(2025, 7, 1, 18, 0);
    let clock = policy.coverage_clock(Tier::Plus, Severity::S2);
    // Tuesday 18–20 (2 h), Wednesday 09–12 old hours (3 h) and 12–22 new hours (10 h),
    // Thursday from 08:00.
    assert_eq!(
        clock.elapsed(registered, madrid(2025, 7, 3, 9, 0)).unwrap(),
        TimeDelta::hours(16)
    );
    assert!(!clock.is_open(madrid(2025, 7, 2, 8, 30)).unwrap());
    assert!(clock.is_open(madrid(2025, 7, 2, 21, 0)).unwrap());
    let due = policy.due(Tier::Plus, Severity::S2, registered).unwrap();
    // 2 h response used up exactly at Tuesday's closing: the closing instant.
    assert_eq!(due.response, madrid(2025, 7, 1, 20, 0));
    assert_eq!(due.resolution, madrid(2025, 7, 3, 9, 0)); // 16 h
    let status = policy
        .status(
            &TicketFacts::new(Tier::Plus, Severity::S2, registered),
            madrid(2025, 7, 2, 21, 0),
        )
        .unwrap();
    assert_eq!(status.resolution.used, TimeDelta::hours(14));
    assert_eq!(status.resolution.state, SlaState::Pending);
}

#[test]
fn objectives_in_force_at_the_registration_apply_to_the_whole_ticket() {
    // From Monday 1 September 2025, S3 response in 2 h instead of 4 h.
    let faster = config(|c| {
        c.objectives = Objectives::default().with_override(
            Tier::Standard,
            Severity::S3,
            Objective::new(TimeDelta::hours(2), TimeDelta::hours(40)).unwrap(),
        );
    });
    let history =
        PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 9, 1, 0, 0), faster);
    let policy = SupportPolicy::from_history(history).unwrap();
    // Registered Friday 29 August 12:00: 4 h, Friday 12–14 then Monday 09–11.
    let before = policy
        .due(Tier::Standard, Severity::S3, madrid(2025, 8, 29, 12, 0))
        .unwrap();
    assert_eq!(before.response, madrid(2025, 9, 1, 11, 0));
    // Registered Monday 1 September 10:00: 2 h.
    let after = policy
        .due(Tier::Standard, Severity::S3, madrid(2025, 9, 1, 10, 0))
        .unwrap();
    assert_eq!(after.response, madrid(2025, 9, 1, 12, 0));

    let facts = TicketFacts::new(Tier::Standard, Severity::S3, madrid(2025, 8, 29, 12, 0));
    let status = policy.status(&facts, madrid(2025, 9, 1, 10, 30)).unwrap();
    assert_eq!(status.response.budget, TimeDelta::hours(4));
    assert_eq!(status.response.state, SlaState::Pending);
    let timeline = Timeline::new([Event::new(
        madrid(2025, 8, 29, 12, 0),
        EventKind::Registered {
            tier: Tier::Standard,
            severity: Severity::S3,
        },
    )])
    .unwrap();
    let status = policy
        .timeline_status(&timeline, madrid(2025, 9, 1, 10, 30))
        .unwrap();
    assert_eq!(status.response.due, madrid(2025, 9, 1, 11, 0));
    let thresholds = policy
        .thresholds(&timeline, madrid(2025, 9, 1, 10, 30))
        .unwrap();
    assert_eq!(thresholds.response.len(), 4);
    let why = policy
        .explain_due(
            &timeline,
            support_sla::status::ObjectiveKind::Response,
            madrid(2025, 9, 1, 10, 30),
        )
        .unwrap();
    assert_eq!(why.due(), madrid(2025, 9, 1, 11, 0));
}

#[test]
fn the_rule_and_vip_coverage_in_force_at_the_registration_apply() {
    let later = config(|c| {
        c.reclassification = Reclassification::Restart;
        c.vip_low_severity = CoverageKind::Always;
    });
    let from = madrid(2026, 1, 1, 0, 0);
    let policy =
        SupportPolicy::from_history(PolicyHistory::new(PolicyConfig::default()).then(from, later))
            .unwrap();
    let saturday_before = madrid(2025, 12, 27, 10, 0);
    let saturday_after = madrid(2026, 1, 3, 10, 0);
    assert_eq!(
        policy.in_force_at(saturday_before).reclassification(),
        Reclassification::KeepUsed
    );
    assert_eq!(
        policy.in_force_at(saturday_after).reclassification(),
        Reclassification::Restart
    );
    // A Vip S4 ticket registered on a Saturday: Plus hours before, around the clock after.
    let due = |at| policy.due(Tier::Vip, Severity::S4, at).unwrap().response;
    assert_eq!(due(saturday_before), madrid(2025, 12, 29, 17, 0)); // 8 h from Monday 09:00
    assert_eq!(due(saturday_after), madrid(2026, 1, 3, 18, 0));
}

#[test]
fn explanations_name_each_versions_hours() {
    let policy = summer();
    let clock = policy.coverage_clock(Tier::Standard, Severity::S3);
    let why = clock
        .explain_elapsed(madrid(2025, 6, 30, 16, 0), madrid(2025, 7, 1, 17, 30))
        .unwrap();
    assert_eq!(why.summary().counted, hours(6, 30));
    let counted: Vec<_> = why
        .stretches()
        .iter()
        .filter(|s| matches!(s.kind, support_sla::clock::StretchKind::Counted { .. }))
        .map(|s| (s.from, s.to))
        .collect();
    assert_eq!(
        counted,
        [
            (madrid(2025, 6, 30, 16, 0), madrid(2025, 6, 30, 17, 30)),
            (madrid(2025, 7, 1, 9, 0), madrid(2025, 7, 1, 14, 0)),
        ]
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_history_of_one_version_is_the_policy_itself() {
    let one = SupportPolicy::from_history(PolicyHistory::new(PolicyConfig::default())).unwrap();
    assert_eq!(one, SupportPolicy::madrid());
    assert_eq!(one.history(), PolicyHistory::new(PolicyConfig::default()));
    let json = serde_json::to_string(&one).unwrap();
    assert!(!json.contains("versions"));
}

#[test]
fn a_first_version_with_a_start_answers_from_it_only() {
    let mut history = PolicyHistory::new(PolicyConfig::default());
    history.versions[0].from = Some(madrid(2024, 1, 1, 0, 0));
    let policy = SupportPolicy::from_history(history).unwrap();
    let clock = policy.clock(CoverageKind::Always);
    assert_eq!(*clock.supported_range().start(), madrid(2024, 1, 1, 0, 0));
    assert!(matches!(
        clock.is_open(madrid(2023, 12, 31, 12, 0)),
        Err(Error::InstantOutOfRange { .. })
    ));
    assert_eq!(
        clock
            .elapsed(madrid(2024, 1, 1, 0, 0), madrid(2024, 1, 2, 0, 0))
            .unwrap(),
        TimeDelta::hours(24)
    );
}

#[cfg(feature = "serde")]
#[test]
fn history_documents_round_trip_and_drive_the_policy() {
    let text = r#"{"versions": [
        {"policy": {}},
        {"from": "2025-07-01T00:00:00+02:00", "policy": {"standard_hours": "mon-fri 09:00-14:00"}}
    ]}"#;
    let policy: SupportPolicy = serde_json::from_str(text).unwrap();
    assert_eq!(
        policy.config().standard_hours.to_string(),
        "mon-fri 09:00-14:00"
    );
    assert_eq!(policy, summer());
    let again: SupportPolicy =
        serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
    assert_eq!(again, policy);
    assert_eq!(again.history().versions.len(), 2);
    let document: PolicyDocument = serde_json::from_str(text).unwrap();
    assert!(matches!(document, PolicyDocument::History(_)));
    let plain: PolicyDocument = serde_json::from_str(r#"{"time_zone": "Europe/Madrid"}"#).unwrap();
    assert_eq!(plain, PolicyDocument::Config(PolicyConfig::default()));
}

#[cfg(feature = "serde")]
#[test]
fn bad_documents_are_refused_naming_the_field() {
    let unknown =
        serde_json::from_str::<SupportPolicy>(r#"{"versions": [{"policy": {}, "form": 1}]}"#)
            .unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `form`"),
        "{unknown}"
    );
    let plain = serde_json::from_str::<SupportPolicy>(
        r#"{"plus_hours": "mon-fri 09:00-20:00", "versions": []}"#,
    )
    .unwrap_err();
    assert!(
        plain.to_string().contains("unknown field `versions`"),
        "{plain}"
    );
    let empty = serde_json::from_str::<SupportPolicy>(r#"{"versions": []}"#).unwrap_err();
    assert!(
        empty
            .to_string()
            .contains("a policy history needs at least one version"),
        "{empty}"
    );
}

#[test]
fn versions_must_take_effect_in_increasing_order() {
    let at = madrid(2025, 7, 1, 0, 0);
    let history = PolicyHistory::new(PolicyConfig::default())
        .then(at, PolicyConfig::default())
        .then(at, PolicyConfig::default());
    let error = SupportPolicy::from_history(history).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid policy version 2, field from: 2025-06-30 22:00:00 UTC is not after \
         2025-06-30 22:00:00 UTC, when the version before takes effect"
    );
    let mut history = PolicyHistory::new(PolicyConfig::default()).then(at, PolicyConfig::default());
    history.versions[1].from = None;
    let error = SupportPolicy::from_history(history).unwrap_err();
    assert!(matches!(
        error,
        Error::InvalidVersion {
            index: 1,
            field: "from",
            ..
        }
    ));
    assert_eq!(
        error.source().unwrap().to_string(),
        "only the first version may leave out the instant it takes effect"
    );
}

#[test]
fn a_later_version_cannot_change_a_past_dates_holiday_status() {
    let closure = |y, m, d| {
        CalendarOverrides::new().add_day(Holiday::new(
            chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            Level::Company,
            "Cierre por inundación",
            Provenance::Custom {
                source: "test".into(),
            },
        ))
    };
    let past = config(|c| c.calendar_overrides = closure(2025, 6, 2));
    let history = PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 7, 1, 0, 0), past);
    let error = SupportPolicy::from_history(history).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid policy version 1, field calendar_overrides: it changes whether 2025-06-02 is a \
         holiday, a date before 2025-06-30 22:00:00 UTC when the version takes effect: a \
         correction to a past date is a new calendar, not a version"
    );
    // On or after the version's date, it applies.
    let future = config(|c| c.calendar_overrides = closure(2025, 7, 1));
    let history =
        PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 7, 1, 0, 0), future);
    let policy = SupportPolicy::from_history(history).unwrap();
    let clock = policy.clock(CoverageKind::Standard);
    assert!(!clock.is_open(madrid(2025, 7, 1, 10, 0)).unwrap());
}

#[test]
fn special_hours_of_one_version_count_only_in_its_span() {
    let special = config(|c| {
        c.special_hours = vec![support_sla::coverage::SpecialHours::new(
            "Agosto",
            chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2025, 8, 31).unwrap(),
            "mon-fri 08:00-15:00".parse().unwrap(),
        )
        .unwrap()];
    });
    // In force from Wednesday 13 August 2025 to Monday 18 August (then back to the first).
    let history = PolicyHistory::new(PolicyConfig::default())
        .then(madrid(2025, 8, 13, 0, 0), special)
        .then(madrid(2025, 8, 18, 0, 0), PolicyConfig::default());
    let policy = SupportPolicy::from_history(history).unwrap();
    let clock = policy.clock(CoverageKind::Plus);
    let day = |d| {
        clock
            .elapsed(madrid(2025, 8, d, 0, 0), madrid(2025, 8, d + 1, 0, 0))
            .unwrap()
    };
    assert_eq!(day(12), TimeDelta::hours(11));
    assert_eq!(day(13), TimeDelta::hours(7));
    assert_eq!(day(15), TimeDelta::zero()); // Asunción
    assert_eq!(day(18), TimeDelta::hours(11));
}

#[test]
fn intake_follows_the_rules_in_force_at_the_call() {
    use support_sla::policy::{Accepted, Refusal};
    use support_sla::{Channel, TicketId};
    // From 1 July 2025, Plus hours until 22:00: a Plus S3 call at 21:00 is taken only then.
    let later = config(|c| c.plus_hours = "mon-fri 09:00-22:00".parse().unwrap());
    let history = PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 7, 1, 0, 0), later);
    let policy = SupportPolicy::from_history(history).unwrap();
    let call = |at| {
        policy
            .intake(
                Tier::Plus,
                Severity::S3,
                Channel::Phone,
                at,
                Some(TicketId::new(1)),
            )
            .unwrap()
    };
    assert!(matches!(
        call(madrid(2025, 6, 30, 21, 0)),
        Err(Refusal::OutsidePhoneHours { .. })
    ));
    assert_eq!(
        call(madrid(2025, 7, 1, 21, 0)),
        Ok(Accepted::FollowUp {
            ticket: TicketId::new(1)
        })
    );
}

#[test]
fn a_version_outside_the_supported_range_is_refused_with_its_index() {
    let history = PolicyHistory::new(PolicyConfig::default())
        .then(madrid(2025, 7, 1, 0, 0), PolicyConfig::default())
        .then(
            Utc.with_ymd_and_hms(2101, 6, 1, 0, 0, 0).unwrap(),
            PolicyConfig::default(),
        );
    let error = SupportPolicy::from_history(history).unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidVersion {
                index: 2,
                field: "from",
                ..
            }
        ),
        "{error}"
    );
    let Error::InvalidVersion { error: cause, .. } = &error else {
        unreachable!()
    };
    assert!(
        matches!(**cause, Error::InstantOutOfRange { .. }),
        "{cause}"
    );
}

#[test]
fn a_version_of_a_history_is_not_the_plain_policy_of_its_configuration() {
    let policy = summer();
    let june = policy.in_force_at(madrid(2025, 6, 1, 0, 0));
    assert_eq!(june.config(), &PolicyConfig::default());
    // Same configuration, other clocks: July counts summer hours on the version's clocks.
    assert_ne!(june, &SupportPolicy::madrid());
    assert_ne!(june, &policy);
    assert_eq!(june, summer().in_force_at(madrid(2025, 6, 2, 0, 0)));
    assert_eq!(june.history(), policy.history());
}

#[test]
fn a_week_crowded_with_versions_is_refused_naming_the_limit() {
    // Around-the-clock Standard hours every other five minutes of a weekend: each leaves one
    // open stretch in a weekend the office hours leave closed: 260, and the five office days of
    // the week (weeks start on Saturdays) make 265, more than a week holds.
    let always = config(|c| c.standard_hours = "mon-sun 00:00-24:00".parse().unwrap());
    let saturday = madrid(2025, 3, 8, 0, 0);
    let mut history = PolicyHistory::new(PolicyConfig::default());
    for i in 0..520 {
        let version = if i % 2 == 0 {
            always.clone()
        } else {
            PolicyConfig::default()
        };
        history = history.then(saturday + TimeDelta::minutes(5 * i), version);
    }
    let error = SupportPolicy::from_history(history).unwrap_err();
    match &error {
        Error::TooManyStretches {
            week_start,
            count,
            limit,
        } => {
            assert_eq!((*count, *limit), (265, 255));
            assert!(*week_start <= saturday && saturday - *week_start < TimeDelta::days(7));
        }
        other => panic!("unexpected error: {other:?}"),
    }
    assert!(error.to_string().contains("265 open stretches"), "{error}");

    // Half as many versions fit, and count what the reference counts: 130 stretches of 5 min.
    let mut history = PolicyHistory::new(PolicyConfig::default());
    for i in 0..260 {
        let version = if i % 2 == 0 {
            always.clone()
        } else {
            PolicyConfig::default()
        };
        history = history.then(saturday + TimeDelta::minutes(5 * i), version);
    }
    let policy = SupportPolicy::from_history(history).unwrap();
    let clock = policy.coverage_clock(Tier::Standard, Severity::S3);
    let monday = madrid(2025, 3, 10, 0, 0);
    assert_eq!(
        clock.elapsed(saturday, monday).unwrap(),
        TimeDelta::minutes(5 * 130)
    );
    assert_eq!(
        clock.deadline(saturday, TimeDelta::minutes(12)).unwrap(),
        saturday + TimeDelta::minutes(22)
    );
}
