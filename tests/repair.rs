//! `repair` finds exactly the tickets whose answers differ between two policies: checked against
//! computing both statuses of every ticket, for facts and for timelines.

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use proptest::prelude::*;
use std::sync::OnceLock;
use support_sla::calendar::{CalendarOverrides, Holiday, Level, Provenance};
use support_sla::policy::{PolicyConfig, PolicyHistory};
use support_sla::status::{
    changes, repair, Event, EventKind, ObjectiveKind, TicketFacts, Timeline,
};
use support_sla::{Severity, SupportPolicy, Tier};

fn madrid(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .unwrap()
        .to_utc()
}

/// The policy of the text; summer hours from 1 July 2025 with a closure day on 15 July.
fn policies() -> &'static (SupportPolicy, SupportPolicy) {
    static POLICIES: OnceLock<(SupportPolicy, SupportPolicy)> = OnceLock::new();
    POLICIES.get_or_init(|| {
        let mut summer = PolicyConfig::default();
        summer.standard_hours = "mon-fri 09:00-14:00".parse().unwrap();
        summer.plus_hours = "mon-fri 08:00-21:00".parse().unwrap();
        summer.calendar_overrides = CalendarOverrides::new().add_day(Holiday::new(
            NaiveDate::from_ymd_opt(2025, 7, 15).unwrap(),
            Level::Company,
            "Cierre",
            Provenance::Custom {
                source: "test".into(),
            },
        ));
        let history =
            PolicyHistory::new(PolicyConfig::default()).then(madrid(2025, 7, 1, 0, 0), summer);
        (
            SupportPolicy::madrid(),
            SupportPolicy::from_history(history).unwrap(),
        )
    })
}

fn tier() -> impl Strategy<Value = Tier> {
    prop::sample::select(vec![Tier::Standard, Tier::Plus, Tier::Vip])
}

fn severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(vec![Severity::S1, Severity::S2, Severity::S3, Severity::S4])
}

/// A ticket registered in June or July 2025, maybe answered and resolved some hours later.
fn facts() -> impl Strategy<Value = TicketFacts> {
    (
        tier(),
        severity(),
        0i64..(61 * 96),
        prop::option::of(1i64..200),
        prop::option::of(1i64..400),
    )
        .prop_map(|(tier, severity, q, response, resolution)| {
            let registered = madrid(2025, 6, 1, 0, 0) + TimeDelta::minutes(15 * q);
            let mut facts = TicketFacts::new(tier, severity, registered);
            if let Some(h) = response {
                facts = facts.with_first_response(registered + TimeDelta::hours(h));
            }
            if let Some(h) = resolution {
                facts = facts.with_resolution(registered + TimeDelta::hours(h));
            }
            facts
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn repair_lists_exactly_the_tickets_whose_answers_differ(
        tickets in prop::collection::vec(facts(), 1..60),
        now_days in 0i64..80,
    ) {
        let (old, new) = policies();
        let now = madrid(2025, 6, 1, 12, 0) + TimeDelta::days(now_days);
        let repaired = repair(old, new, tickets.iter().enumerate(), now);
        let mut expected = Vec::new();
        for (i, facts) in tickets.iter().enumerate() {
            let before = old.status(facts, now).unwrap();
            let after = new.status(facts, now).unwrap();
            let differs = |b: &support_sla::status::ObjectiveStatus, a: &support_sla::status::ObjectiveStatus| {
                (b.due, b.state) != (a.due, a.state)
            };
            let response = differs(&before.response, &after.response);
            let resolution = differs(&before.resolution, &after.resolution);
            if response || resolution {
                expected.push((i, response, resolution, before, after));
            }
        }
        prop_assert_eq!(repaired.len(), expected.len());
        for (got, (i, response, resolution, before, after)) in repaired.iter().zip(expected) {
            prop_assert_eq!(got.id, i);
            let changes = got.changes.as_ref().unwrap();
            prop_assert_eq!(changes.response.is_some(), response);
            prop_assert_eq!(changes.resolution.is_some(), resolution);
            if let Some(moved) = &changes.resolution {
                prop_assert_eq!(moved.objective, ObjectiveKind::Resolution);
                prop_assert_eq!((moved.before.due, moved.before.state), (before.resolution.due, before.resolution.state));
                prop_assert_eq!((moved.after.due, moved.after.state), (after.resolution.due, after.resolution.state));
            }
            if let Some(moved) = &changes.response {
                prop_assert_eq!(moved.objective, ObjectiveKind::Response);
                prop_assert_eq!(moved.after.due, after.response.due);
            }
        }
    }

    #[test]
    fn timelines_are_repaired_as_their_statuses_say(facts in facts(), pause in 1i64..100) {
        let (old, new) = policies();
        let registered = facts.registered;
        let timeline = Timeline::new([
            Event::new(registered, EventKind::Registered { tier: facts.tier, severity: facts.severity }),
            Event::new(registered + TimeDelta::hours(pause), EventKind::Paused),
            Event::new(registered + TimeDelta::hours(pause + 20), EventKind::Resumed),
        ])
        .unwrap();
        let now = registered + TimeDelta::days(20);
        let before = old.timeline_status(&timeline, now).unwrap();
        let after = new.timeline_status(&timeline, now).unwrap();
        let moved = changes(old, new, &timeline, now).unwrap();
        let differs = (before.response.due, before.response.state, before.resolution.due, before.resolution.state)
            != (after.response.due, after.response.state, after.resolution.due, after.resolution.state);
        prop_assert_eq!(moved.is_some(), differs);
    }
}

#[test]
fn a_ticket_registered_before_summer_moves_and_one_in_may_does_not() {
    let (old, new) = policies();
    let june = TicketFacts::new(Tier::Standard, Severity::S3, madrid(2025, 6, 30, 16, 0));
    let may = TicketFacts::new(Tier::Standard, Severity::S3, madrid(2025, 5, 5, 10, 0))
        .with_resolution(madrid(2025, 5, 6, 10, 0));
    let now = madrid(2025, 7, 2, 9, 0);
    let repaired = repair(old, new, [("june", &june), ("may", &may)], now);
    assert_eq!(repaired.len(), 1);
    assert_eq!(repaired[0].id, "june");
    let changes = repaired[0].changes.as_ref().unwrap();
    // 4 h response: 1 h 30 min on Monday, then Tuesday 09:00–11:30 under both: unmoved.
    assert!(changes.response.is_none());
    // 40 h resolution: Monday 1 h 30 min, then 8 h 30 min a day before, 5 h a day in summer.
    let resolution = changes.resolution.unwrap();
    assert_eq!(changes.iter().count(), 1);
    assert_eq!(resolution.objective, ObjectiveKind::Resolution);
    assert_eq!(resolution.before.due, madrid(2025, 7, 7, 17, 0));
    assert_eq!(resolution.after.due, madrid(2025, 7, 10, 12, 30));
}

#[test]
fn a_ticket_a_policy_cannot_answer_for_is_reported_with_the_error() {
    let (old, new) = policies();
    let late = TicketFacts::new(Tier::Standard, Severity::S4, madrid(2100, 12, 31, 10, 0));
    let repaired = repair(old, new, [(7, late)], madrid(2100, 12, 31, 12, 0));
    assert_eq!(repaired.len(), 1);
    assert!(repaired[0].changes.is_err());
}
