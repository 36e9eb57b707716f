//! The ticket timeline through the public API: every validation error, each rule (pause,
//! resume, reopen, re-classification up and down under the three named rules) with figures
//! checked by hand in the comments, the at-risk flag, threshold instants, and the laws
//! (pausing never makes a deadline earlier; a timeline with no pause and no re-classification
//! has exactly the plain status; thresholds are the fractions of the budget, in order).
//!
//! Presets: Standard Mon–Thu 09:00–17:30, Fri 09:00–14:00; Plus Mon–Fri 09:00–20:00; Vip S1/S2
//! around the clock (Vip S3/S4 on Plus hours); Madrid holidays (Monday 8 December 2025 is one).
//! Default objectives: S1 1h/8h, S2 2h/16h, S3 4h/40h, S4 8h/80h. Early March 2025 has no
//! holiday and no DST change (Madrid is on CET, UTC+1, until 30 March).

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use proptest::prelude::*;
use std::sync::OnceLock;
use support_sla::policy::{PolicyConfig, Reclassification};
use support_sla::status::{
    Event, EventKind, SlaState, Threshold, TicketFacts, TicketStatus, Timeline, TimelineRule,
};
use support_sla::{Error, Severity, SupportPolicy, Tier};

/// The policy of the text, built once (building one builds three clocks).
fn policy() -> &'static SupportPolicy {
    static POLICY: OnceLock<SupportPolicy> = OnceLock::new();
    POLICY.get_or_init(SupportPolicy::madrid)
}

/// The policy of the text with each re-classification rule, built once.
fn with_rule(rule: Reclassification) -> &'static SupportPolicy {
    static POLICIES: OnceLock<[SupportPolicy; 3]> = OnceLock::new();
    let [keep, restart, retroactive] = POLICIES.get_or_init(|| {
        let build = |rule| {
            SupportPolicy::builder()
                .reclassification(rule)
                .build()
                .expect("the policy of the text with a rule is valid")
        };
        [
            build(Reclassification::KeepUsed),
            build(Reclassification::Restart),
            build(Reclassification::Retroactive),
        ]
    });
    match rule {
        Reclassification::KeepUsed => keep,
        Reclassification::Restart => restart,
        Reclassification::Retroactive => retroactive,
        other => panic!("no policy for the rule {other:?}"),
    }
}

const RULES: [Reclassification; 3] = [
    Reclassification::KeepUsed,
    Reclassification::Restart,
    Reclassification::Retroactive,
];

/// An instant in Madrid wall time.
fn madrid(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .map_or_else(
            || panic!("{year}-{month}-{day} {hour}:{minute} is not a Madrid instant"),
            |t| t.to_utc(),
        )
}

/// An instant of March 2025 in Madrid wall time (Monday 3 is the first working day used).
fn march(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    madrid(2025, 3, day, hour, minute)
}

fn hours(h: i64) -> TimeDelta {
    TimeDelta::hours(h)
}

fn minutes(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn registered(at: DateTime<Utc>, tier: Tier, severity: Severity) -> Event {
    Event::new(at, EventKind::Registered { tier, severity })
}

fn reclassified(at: DateTime<Utc>, tier: Tier, severity: Severity) -> Event {
    Event::new(at, EventKind::Reclassified { tier, severity })
}

fn event(at: DateTime<Utc>, kind: EventKind) -> Event {
    Event::new(at, kind)
}

/// The error of the event `event` at `index`, which breaks `rule`.
fn invalid(index: usize, event: Event, rule: TimelineRule) -> Error {
    Error::InvalidTimeline {
        index,
        event: event.kind.to_string(),
        at: event.at,
        rule,
    }
}

fn timeline(events: Vec<Event>) -> Timeline {
    Timeline::new(events).unwrap_or_else(|e| panic!("the timeline is valid: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Validation: every refusal is a typed error naming the event.
// ---------------------------------------------------------------------------------------------

#[test]
fn every_broken_rule_is_a_typed_error_naming_the_event() {
    use EventKind::*;
    let t = |h| march(3, h, 0);
    let reg = registered(t(9), Tier::Plus, Severity::S2);
    let e = |h, kind| event(t(h), kind);
    let cases: Vec<(Vec<Event>, Error, &str)> = vec![
        (
            vec![e(9, Paused)],
            invalid(0, e(9, Paused), TimelineRule::FirstEventNotRegistration),
            "event 0 (paused at 2025-03-03 08:00:00 UTC) must be the registration of the ticket",
        ),
        (
            vec![reg, reg],
            invalid(1, reg, TimelineRule::DuplicateRegistration),
            "event 1 (registered as plus S2 at 2025-03-03 08:00:00 UTC) registers the ticket again: only the first event may",
        ),
        (
            vec![reg, e(11, Paused), e(10, Resumed)],
            invalid(2, e(10, Resumed), TimelineRule::OutOfOrder { previous: t(11) }),
            "event 2 (resumed at 2025-03-03 09:00:00 UTC) is earlier than the event before it, at 2025-03-03 10:00:00 UTC",
        ),
        (
            vec![registered(t(10), Tier::Plus, Severity::S2), e(9, FirstResponse)],
            invalid(1, e(9, FirstResponse), TimelineRule::OutOfOrder { previous: t(10) }),
            "event 1 (first response at 2025-03-03 08:00:00 UTC) is earlier than the event before it, at 2025-03-03 09:00:00 UTC",
        ),
        (
            vec![reg, e(10, Resumed)],
            invalid(1, e(10, Resumed), TimelineRule::ResumeWithoutPause),
            "event 1 (resumed at 2025-03-03 09:00:00 UTC) resumes a ticket that is not paused",
        ),
        (
            vec![reg, e(10, Paused), e(11, Paused)],
            invalid(2, e(11, Paused), TimelineRule::PauseWhilePaused),
            "event 2 (paused at 2025-03-03 10:00:00 UTC) pauses a ticket that is already paused",
        ),
        (
            vec![reg, e(10, Resolved), e(11, Paused)],
            invalid(2, e(11, Paused), TimelineRule::PauseAfterResolution),
            "event 2 (paused at 2025-03-03 10:00:00 UTC) pauses a ticket that is resolved",
        ),
        (
            vec![reg, e(10, FirstResponse), e(11, FirstResponse)],
            invalid(2, e(11, FirstResponse), TimelineRule::DuplicateFirstResponse),
            "event 2 (first response at 2025-03-03 10:00:00 UTC) is a second first response",
        ),
        (
            vec![reg, e(10, Resolved), e(11, Resolved)],
            invalid(2, e(11, Resolved), TimelineRule::AlreadyResolved),
            "event 2 (resolved at 2025-03-03 10:00:00 UTC) resolves a ticket that is already resolved",
        ),
        (
            vec![reg, e(10, Reopened)],
            invalid(1, e(10, Reopened), TimelineRule::ReopenWithoutResolution),
            "event 1 (reopened at 2025-03-03 09:00:00 UTC) reopens a ticket that is not resolved",
        ),
        (
            vec![reg, e(10, Resolved), e(11, Reopened), e(12, Closed)],
            invalid(3, e(12, Closed), TimelineRule::CloseWithoutResolution),
            "event 3 (closed at 2025-03-03 11:00:00 UTC) closes a ticket that is not resolved",
        ),
        (
            vec![reg, e(10, Resolved), e(11, Closed), e(12, Reopened)],
            invalid(3, e(12, Reopened), TimelineRule::EventAfterClose),
            "event 3 (reopened at 2025-03-03 11:00:00 UTC) comes after the ticket was closed",
        ),
    ];
    for (events, error, message) in cases {
        let got = Timeline::new(events.clone()).expect_err("the timeline is refused");
        assert_eq!(got, error, "{events:?}");
        assert_eq!(got.to_string(), message);
    }
    let empty = Timeline::new(Vec::new()).expect_err("an empty timeline is refused");
    assert_eq!(empty, Error::EmptyTimeline);
    assert_eq!(
        empty.to_string(),
        "a timeline needs at least one event, the registration of the ticket"
    );
}

#[test]
fn push_refuses_like_new_and_leaves_the_timeline_unchanged() {
    let t = |h| march(3, h, 0);
    let mut timeline = timeline(vec![registered(t(9), Tier::Vip, Severity::S1)]);
    let before = timeline.clone();
    let err = timeline.push(event(t(8), EventKind::Paused)).unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidTimeline {
            index: 1,
            rule: TimelineRule::OutOfOrder { .. },
            ..
        }
    ));
    assert_eq!(timeline, before);
    timeline.push(event(t(10), EventKind::Paused)).unwrap();
    assert!(timeline.is_paused());
    // Equal instants are accepted and keep their list order.
    timeline.push(event(t(10), EventKind::Resumed)).unwrap();
    timeline.push(event(t(10), EventKind::Resolved)).unwrap();
    timeline.push(event(t(11), EventKind::Closed)).unwrap();
    assert!(timeline.is_resolved() && timeline.is_closed() && !timeline.is_paused());
    assert_eq!(timeline.events().len(), 5);
}

#[test]
fn a_resolution_while_paused_ends_the_pause() {
    let t = |h| march(3, h, 0);
    let mut timeline = timeline(vec![
        registered(t(9), Tier::Plus, Severity::S2),
        event(t(10), EventKind::Paused),
        event(t(11), EventKind::Resolved),
        event(t(12), EventKind::Reopened),
    ]);
    assert!(!timeline.is_paused());
    // Reopened, not paused: a resume is refused, a new pause accepted.
    assert!(matches!(
        timeline.clone().push(event(t(13), EventKind::Resumed)),
        Err(Error::InvalidTimeline {
            index: 4,
            rule: TimelineRule::ResumeWithoutPause,
            ..
        })
    ));
    timeline.push(event(t(13), EventKind::Paused)).unwrap();
    // The resolution: 09:00–10:00 counted, then paused to the resolution at 11:00.
    let status = policy().timeline_status(&timeline, t(14)).unwrap();
    assert_eq!(status.resolution.used, hours(1) + hours(1)); // 09–10, and 12–13 after reopening
    assert!(status.resolution.paused);
}

#[cfg(feature = "serde")]
#[test]
fn a_timeline_deserializes_through_the_same_checks() {
    let json = r#"[
        {"at": "2025-03-03T08:00:00Z", "kind": {"registered": {"tier": "vip", "severity": "s1"}}},
        {"at": "2025-03-03T08:30:00Z", "kind": "first_response"},
        {"at": "2025-03-03T09:00:00Z", "kind": "paused"}
    ]"#;
    let timeline: Timeline = serde_json::from_str(json).unwrap();
    assert_eq!(timeline.events().len(), 3);
    let again: Timeline = serde_json::from_str(&serde_json::to_string(&timeline).unwrap()).unwrap();
    assert_eq!(again, timeline);
    let bad = r#"[{"at": "2025-03-03T08:00:00Z", "kind": "paused"}]"#;
    let err = serde_json::from_str::<Timeline>(bad).unwrap_err();
    assert!(
        err.to_string().contains("must be the registration"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Pause and resume.
// ---------------------------------------------------------------------------------------------

/// Standard S3 (4 h response, 40 h resolution; Mon–Thu 09:00–17:30, Fri 09:00–14:00),
/// registered Monday 3 March 2025 09:00, answered 10:00, waiting on the customer from 11:00 to
/// Tuesday 10:00.
#[test]
fn a_pause_stops_the_resolution_clock_and_pushes_its_due_instant() {
    let status_at = |now| {
        let timeline = timeline(vec![
            registered(march(3, 9, 0), Tier::Standard, Severity::S3),
            event(march(3, 10, 0), EventKind::FirstResponse),
            event(march(3, 11, 0), EventKind::Paused),
            event(march(4, 10, 0), EventKind::Resumed),
        ]);
        policy().timeline_status(&timeline, now).unwrap()
    };
    let status = status_at(march(4, 12, 0));
    // Response: 1 h used (09–10), due 13:00 (4 h from 09:00), met.
    assert_eq!(status.response.used, hours(1));
    assert_eq!(status.response.due, march(3, 13, 0));
    assert_eq!(
        status.response.state,
        SlaState::Met {
            at: march(3, 10, 0)
        }
    );
    // Resolution: Monday 09–11 (2 h) + Tuesday 10–12 (2 h) = 4 h used, 36 h left.
    assert_eq!(status.resolution.used, hours(4));
    assert_eq!(status.resolution.remaining, hours(36));
    // Due: 38 h from Tuesday 10:00: Tue 10–17:30 7.5 h (30.5 left), Wed 8.5 (22), Thu 8.5
    // (13.5), Fri 09–14 5 (8.5), Monday 10 March 09–17:30 8.5 → Monday 10 March 17:30. Without
    // the pause it would be Monday 10 March 10:00; the pause held 7.5 service hours (Mon
    // 11–17:30, Tue 09–10), and 10:00 + 7.5 h of service is 17:30.
    assert_eq!(status.resolution.due, march(10, 17, 30));
    assert_eq!(status.resolution.state, SlaState::Pending);
    assert!(!status.resolution.paused && !status.resolution.at_risk);
    assert_eq!(status.rule, None);
    let plain = policy()
        .status(
            &TicketFacts::new(Tier::Standard, Severity::S3, march(3, 9, 0))
                .with_first_response(march(3, 10, 0)),
            march(4, 12, 0),
        )
        .unwrap();
    assert_eq!(plain.resolution.due, march(10, 10, 0));
}

/// The same ticket seen on Monday at 15:00, while it waits on the customer, without a first
/// response yet.
#[test]
fn while_paused_the_due_instant_is_as_if_resumed_now_and_the_response_still_runs() {
    let timeline = timeline(vec![
        registered(march(3, 9, 0), Tier::Standard, Severity::S3),
        event(march(3, 11, 0), EventKind::Paused),
    ]);
    let status = policy()
        .timeline_status(&timeline, march(3, 15, 0))
        .unwrap();
    // Resolution: 2 h used (09–11), paused; 38 h from 15:00 if resumed now: Mon 15–17:30 2.5
    // (35.5 left), Tue 8.5 (27), Wed 8.5 (18.5), Thu 8.5 (10), Fri 5 (5), Monday 10 09–14:00.
    assert_eq!(status.resolution.used, hours(2));
    assert!(status.resolution.paused);
    assert_eq!(status.resolution.due, march(10, 14, 0));
    assert_eq!(status.resolution.state, SlaState::Pending);
    // An hour later the pause still holds: the due instant moved one service hour later.
    let later = policy()
        .timeline_status(&timeline, march(3, 16, 0))
        .unwrap();
    assert_eq!(later.resolution.used, hours(2));
    assert_eq!(later.resolution.due, march(10, 15, 0));
    // The first response is not paused: 4 h from 09:00, breached at 13:00.
    assert_eq!(status.response.used, hours(6));
    assert!(!status.response.paused);
    assert_eq!(
        status.response.state,
        SlaState::Breached {
            at: march(3, 13, 0)
        }
    );

    // Thresholds: the response's 50 % (2 h) at 11:00, 75 % (3 h) at 12:00, 90 % (3 h 36 min)
    // at 12:36, 100 % at 13:00, all reached; the resolution's 50 % (20 h) waits for the
    // customer.
    let thresholds = policy().thresholds(&timeline, march(3, 15, 0)).unwrap();
    let response: Vec<_> = thresholds
        .response
        .iter()
        .map(|t| (t.per_mille, t.used, t.when))
        .collect();
    assert_eq!(
        response,
        [
            (
                500,
                hours(2),
                Threshold::Reached {
                    at: march(3, 11, 0)
                }
            ),
            (
                750,
                hours(3),
                Threshold::Reached {
                    at: march(3, 12, 0)
                }
            ),
            (
                900,
                minutes(216),
                Threshold::Reached {
                    at: march(3, 12, 36)
                }
            ),
            (
                1000,
                hours(4),
                Threshold::Reached {
                    at: march(3, 13, 0)
                }
            ),
        ]
    );
    assert!(thresholds
        .resolution
        .iter()
        .all(|t| t.when == Threshold::NotBeforeResume));
    assert_eq!(thresholds.resolution[0].used, hours(20));
}

/// Standard S2 (2 h / 16 h) registered on Friday 5 December 2025 at 13:00, paused at 13:30,
/// resumed on Tuesday 9 December at 10:00: Monday 8 December is a Madrid holiday.
#[test]
fn a_pause_over_a_holiday_weekend() {
    let at = |d, h, m| madrid(2025, 12, d, h, m);
    let timeline = timeline(vec![
        registered(at(5, 13, 0), Tier::Standard, Severity::S2),
        event(at(5, 13, 30), EventKind::Paused),
        event(at(9, 10, 0), EventKind::Resumed),
    ]);
    let status = policy().timeline_status(&timeline, at(9, 10, 0)).unwrap();
    // Resolution: 30 min used (Friday 13:00–13:30); 15.5 h left from Tuesday 10:00: Tue
    // 10–17:30 7.5 h (8 left), Wednesday 10 09:00 + 8 h = 17:00.
    assert_eq!(status.resolution.used, minutes(30));
    assert_eq!(status.resolution.due, at(10, 17, 0));
    // Response, not paused: Friday 13–14 (1 h), Monday holiday, Tuesday 09–10 (1 h): due now,
    // exactly: still pending, nothing left, at risk.
    assert_eq!(status.response.due, at(9, 10, 0));
    assert_eq!(status.response.remaining, TimeDelta::zero());
    assert_eq!(status.response.state, SlaState::Pending);
    assert!(status.response.at_risk);
    // Thresholds of the resolution (16 h): 50 % = 8 h: 30 min before the pause, 7.5 h from
    // Tuesday 10:00 → Tuesday 17:30 (used up at the closing instant, not Wednesday's opening);
    // 75 % = 12 h: Wednesday 09:00 + 4 h = 13:00; 90 % = 14 h 24 min: Wednesday 15:24;
    // 100 %: the due instant, Wednesday 17:00. All expected after now.
    let thresholds = policy().thresholds(&timeline, at(9, 10, 0)).unwrap();
    let resolution: Vec<_> = thresholds.resolution.iter().map(|t| t.when).collect();
    assert_eq!(
        resolution,
        [
            Threshold::Expected { at: at(9, 17, 30) },
            Threshold::Expected { at: at(10, 13, 0) },
            Threshold::Expected { at: at(10, 15, 24) },
            Threshold::Expected { at: at(10, 17, 0) },
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Reopen.
// ---------------------------------------------------------------------------------------------

/// Plus S2 (2 h / 16 h; Mon–Fri 09:00–20:00) registered Monday 3 March 2025 at 09:00, answered
/// 09:30, resolved 13:00, reopened Tuesday 10:00.
#[test]
fn a_reopened_ticket_is_pending_again_and_the_resolved_time_does_not_count() {
    let mut events = vec![
        registered(march(3, 9, 0), Tier::Plus, Severity::S2),
        event(march(3, 9, 30), EventKind::FirstResponse),
        event(march(3, 13, 0), EventKind::Resolved),
    ];
    // Before the reopening: resolved at 13:00 after 4 h, met (due Tuesday 14:00: Monday 11 h,
    // Tuesday 09–14 5 h).
    let resolved = policy()
        .timeline_status(&timeline(events.clone()), march(3, 18, 0))
        .unwrap();
    assert_eq!(resolved.resolution.used, hours(4));
    assert_eq!(resolved.resolution.due, march(4, 14, 0));
    assert_eq!(
        resolved.resolution.state,
        SlaState::Met {
            at: march(3, 13, 0)
        }
    );

    events.push(event(march(4, 10, 0), EventKind::Reopened));
    let status = policy()
        .timeline_status(&timeline(events.clone()), march(4, 12, 0))
        .unwrap();
    // 4 h before the resolution, nothing from Monday 13:00 to Tuesday 10:00, 2 h since: 6 h.
    // 12 h left from Tuesday 10:00: Tue 10–20 10 h, Wednesday 09–11 → Wednesday 11:00.
    assert_eq!(status.resolution.used, hours(6));
    assert_eq!(status.resolution.answered, None);
    assert_eq!(status.resolution.state, SlaState::Pending);
    assert_eq!(status.resolution.due, march(5, 11, 0));
    assert!(!status.resolution.paused);
    // The response stays met.
    assert_eq!(
        status.response.state,
        SlaState::Met {
            at: march(3, 9, 30)
        }
    );

    // Resolved again at 15:00: the answer is the last resolution; 4 + 5 = 9 h used, met.
    events.push(event(march(4, 15, 0), EventKind::Resolved));
    events.push(event(march(4, 16, 0), EventKind::Closed));
    let status = policy()
        .timeline_status(&timeline(events), march(6, 12, 0))
        .unwrap();
    assert_eq!(status.resolution.used, hours(9));
    assert_eq!(status.resolution.due, march(5, 11, 0));
    assert_eq!(
        status.resolution.state,
        SlaState::Met {
            at: march(4, 15, 0)
        }
    );
}

// ---------------------------------------------------------------------------------------------
// Re-classification under the three rules.
// ---------------------------------------------------------------------------------------------

/// Standard S3 registered Monday 3 March 2025 at 17:00, raised to Vip S1 (around the clock,
/// 1 h / 8 h) on Tuesday at 10:00; seen at 11:00. Standard service before the change: Monday
/// 17:00–17:30 and Tuesday 09:00–10:00, 1.5 h; around the clock since: 1 h.
#[test]
fn a_raise_to_vip_s1_under_each_rule() {
    let timeline = timeline(vec![
        registered(march(3, 17, 0), Tier::Standard, Severity::S3),
        reclassified(march(4, 10, 0), Tier::Vip, Severity::S1),
    ]);
    let now = march(4, 11, 0);
    let status = |rule| with_rule(rule).timeline_status(&timeline, now).unwrap();

    // KeepUsed: 1.5 + 1 = 2.5 h used of 8 h; 6.5 h left from 10:00 around the clock → 16:30.
    // Response: 1 h of S1, used up on Tuesday at 09:30 (30 min Monday, 30 min Tuesday), before
    // the raise: breached at 09:30.
    let keep = status(Reclassification::KeepUsed);
    assert_eq!(keep.rule, Some(Reclassification::KeepUsed));
    assert_eq!(keep.priority.to_string(), "P1");
    assert_eq!(keep.resolution.budget, hours(8));
    assert_eq!(keep.resolution.used, minutes(150));
    assert_eq!(keep.resolution.due, march(4, 16, 30));
    assert_eq!(keep.resolution.state, SlaState::Pending);
    assert_eq!(keep.response.used, minutes(150));
    assert_eq!(
        keep.response.state,
        SlaState::Breached {
            at: march(4, 9, 30)
        }
    );

    // Restart: 1 h since 10:00; resolution due 18:00; response due 11:00, exactly now: pending,
    // nothing left, at risk.
    let restart = status(Reclassification::Restart);
    assert_eq!(restart.resolution.used, hours(1));
    assert_eq!(restart.resolution.due, march(4, 18, 0));
    assert_eq!(restart.response.due, march(4, 11, 0));
    assert_eq!(restart.response.state, SlaState::Pending);
    assert!(restart.response.at_risk);

    // Retroactive: around the clock from Monday 17:00 to Tuesday 11:00 is 18 h: the 8 h were
    // used up on Tuesday at 01:00 and the 1 h on Monday at 18:00.
    let retro = status(Reclassification::Retroactive);
    assert_eq!(retro.resolution.used, hours(18));
    assert_eq!(retro.resolution.remaining, hours(-10));
    assert_eq!(
        retro.resolution.state,
        SlaState::Breached { at: march(4, 1, 0) }
    );
    assert_eq!(
        retro.response.state,
        SlaState::Breached {
            at: march(3, 18, 0)
        }
    );
}

/// Vip S1 registered on Sunday 2 March 2025 at 22:00 (around the clock), answered at 22:30,
/// lowered to Plus S3 (Mon–Fri 09:00–20:00, 4 h / 40 h) on Monday at 10:00; seen at 12:00.
#[test]
fn a_lowering_to_plus_s3_under_each_rule() {
    let timeline = timeline(vec![
        registered(march(2, 22, 0), Tier::Vip, Severity::S1),
        event(march(2, 22, 30), EventKind::FirstResponse),
        reclassified(march(3, 10, 0), Tier::Plus, Severity::S3),
    ]);
    let now = march(3, 12, 0);
    let status = |rule| with_rule(rule).timeline_status(&timeline, now).unwrap();
    for rule in RULES {
        // The first response was given under S1: its 1 h objective stays, met at 22:30.
        let response = status(rule).response;
        assert_eq!(response.budget, hours(1));
        assert_eq!(response.due, march(2, 23, 0));
        assert_eq!(
            response.state,
            SlaState::Met {
                at: march(2, 22, 30)
            }
        );
        assert_eq!(status(rule).priority.to_string(), "P8"); // S3, Plus
    }
    // KeepUsed: 12 h around the clock (Sunday 22:00 to Monday 10:00) + 2 h of Plus (10–12) =
    // 14 h; 28 h from Monday 10:00 on Plus: Mon 10–20 10 h (18 left), Tue 11 (7), Wednesday
    // 09–16 → Wednesday 5 March 16:00.
    let keep = status(Reclassification::KeepUsed).resolution;
    assert_eq!(keep.budget, hours(40));
    assert_eq!(keep.used, hours(14));
    assert_eq!(keep.due, march(5, 16, 0));
    // Restart: 2 h since 10:00; 40 h from Monday 10:00: Mon 10 (30), Tue 11 (19), Wed 11 (8),
    // Thursday 09–17 → Thursday 6 March 17:00.
    let restart = status(Reclassification::Restart).resolution;
    assert_eq!(restart.used, hours(2));
    assert_eq!(restart.due, march(6, 17, 0));
    // Retroactive: Plus hours from Sunday 22:00: Monday 09–12, 3 h; 40 h on Plus from Monday
    // 09:00: Mon 11, Tue 11, Wed 11 (7 left), Thursday 09–16 → Thursday 6 March 16:00.
    let retro = status(Reclassification::Retroactive).resolution;
    assert_eq!(retro.used, hours(3));
    assert_eq!(retro.due, march(6, 16, 0));
    for resolution in [keep, restart, retro] {
        assert_eq!(resolution.state, SlaState::Pending);
        assert!(!resolution.at_risk);
    }
}

/// Plus S3 (4 h / 40 h) registered Monday 3 March 2025 at 09:00 and raised to Plus S1 (1 h /
/// 8 h, same hours) at 15:00, after 6 h: under `KeepUsed` the new 8 h budget has 2 h left.
#[test]
fn a_severity_raise_on_the_same_hours_keeps_the_time_used() {
    let timeline = timeline(vec![
        registered(march(3, 9, 0), Tier::Plus, Severity::S3),
        event(march(3, 9, 45), EventKind::FirstResponse),
        reclassified(march(3, 15, 0), Tier::Plus, Severity::S1),
    ]);
    let status = policy()
        .timeline_status(&timeline, march(3, 16, 30))
        .unwrap();
    // 7.5 h used by 16:30, 0.5 h left of 8 h: due 17:00; 0.5 < 25 % of 8 h: at risk.
    assert_eq!(status.resolution.used, minutes(450));
    assert_eq!(status.resolution.due, march(3, 17, 0));
    assert!(status.resolution.at_risk);
    // The response (answered at 09:45 under S3) stays met with its 4 h objective.
    assert_eq!(status.response.budget, hours(4));
    assert_eq!(
        status.response.state,
        SlaState::Met {
            at: march(3, 9, 45)
        }
    );
    assert_eq!(status.rule, Some(Reclassification::KeepUsed));
}

#[test]
fn a_reclassification_to_the_same_classification_changes_nothing() {
    let facts = TicketFacts::new(Tier::Plus, Severity::S2, march(3, 9, 0));
    let same = timeline(vec![
        registered(march(3, 9, 0), Tier::Plus, Severity::S2),
        reclassified(march(3, 12, 0), Tier::Plus, Severity::S2),
    ]);
    for rule in RULES {
        let policy = with_rule(rule);
        let status = policy.timeline_status(&same, march(3, 15, 0)).unwrap();
        assert_eq!(status, policy.status(&facts, march(3, 15, 0)).unwrap());
        assert_eq!(status.rule, None);
    }
}

/// A re-classification after the resolution, then a reopening: the new classification rules
/// the reopened resolution. Plus S3 registered Monday 3 March 09:00, resolved 11:00 (2 h),
/// raised to Vip S2 (around the clock, 16 h) at 12:00, reopened at 14:00, seen at 20:00.
#[test]
fn a_reclassification_while_resolved_applies_to_the_reopened_resolution() {
    let timeline = timeline(vec![
        registered(march(3, 9, 0), Tier::Plus, Severity::S3),
        event(march(3, 11, 0), EventKind::Resolved),
        reclassified(march(3, 12, 0), Tier::Vip, Severity::S2),
        event(march(3, 14, 0), EventKind::Reopened),
    ]);
    let status = policy()
        .timeline_status(&timeline, march(3, 20, 0))
        .unwrap();
    // KeepUsed: 2 h (09–11, Plus) + 6 h (14–20, around the clock) = 8 h of 16; 14 h from 14:00
    // around the clock → Tuesday 04:00.
    assert_eq!(status.resolution.used, hours(8));
    assert_eq!(status.resolution.due, march(4, 4, 0));
    assert_eq!(status.rule, Some(Reclassification::KeepUsed));
}

// ---------------------------------------------------------------------------------------------
// Configuration.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_at_risk_fraction_is_configurable_and_checked() {
    // Plus S2 registered Monday 09:00, seen at 10:30: response 1.5 h used of 2 h, 30 min left:
    // 25 % of 2 h is 30 min, so not at risk by default (strictly less), at risk at 300 ‰.
    let facts = TicketFacts::new(Tier::Plus, Severity::S2, march(3, 9, 0));
    let now = march(3, 10, 30);
    assert!(!policy().status(&facts, now).unwrap().response.at_risk);
    let eager = SupportPolicy::builder()
        .at_risk_per_mille(300)
        .build()
        .unwrap();
    assert!(eager.status(&facts, now).unwrap().response.at_risk);
    let never = SupportPolicy::builder()
        .at_risk_per_mille(0)
        .build()
        .unwrap();
    assert!(
        !never
            .status(&facts, march(3, 10, 59))
            .unwrap()
            .response
            .at_risk
    );

    let err = SupportPolicy::builder()
        .at_risk_per_mille(1001)
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        Error::InvalidConfig {
            field: "at_risk_per_mille",
            error: Box::new(Error::PerMilleOutOfRange { value: 1001 })
        }
    );
    assert_eq!(
        err.to_string(),
        "invalid policy field at_risk_per_mille: 1001 per mille is out of range: expected 0 to 1000"
    );
    let err = SupportPolicy::builder()
        .thresholds_per_mille([500, 500])
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid policy field thresholds_per_mille: thresholds must be strictly increasing: 500 per mille comes after 500"
    );
    assert!(SupportPolicy::builder()
        .thresholds_per_mille([2000])
        .build()
        .is_err());
    assert!(SupportPolicy::builder()
        .thresholds_per_mille([])
        .build()
        .is_ok());
}

#[test]
fn the_default_configuration_keeps_the_time_used_and_warns_at_25_percent() {
    let config = PolicyConfig::default();
    assert_eq!(config.reclassification, Reclassification::KeepUsed);
    assert_eq!(config.at_risk_per_mille, 250);
    assert_eq!(config.thresholds_per_mille, [500, 750, 900, 1000]);
    assert_eq!(policy().reclassification(), Reclassification::KeepUsed);
}

#[cfg(feature = "serde")]
#[test]
fn the_rule_and_fractions_are_serde_fields() {
    let policy: SupportPolicy = serde_json::from_str(
        r#"{"reclassification": "retroactive", "at_risk_per_mille": 100, "thresholds_per_mille": [800]}"#,
    )
    .unwrap();
    assert_eq!(policy.reclassification(), Reclassification::Retroactive);
    assert_eq!(policy.config().at_risk_per_mille, 100);
    let json = serde_json::to_string(policy.config()).unwrap();
    assert!(
        json.contains(r#""reclassification":"retroactive""#),
        "{json}"
    );
    assert!(serde_json::from_str::<SupportPolicy>(r#"{"reclassification": "forget"}"#).is_err());
    let err = serde_json::from_str::<SupportPolicy>(r#"{"at_risk_per_mille": 5000}"#).unwrap_err();
    assert!(
        err.to_string().contains("5000 per mille is out of range"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties over 2000–2099.
// ---------------------------------------------------------------------------------------------

fn any_tier() -> impl Strategy<Value = Tier> {
    prop::sample::select(Tier::ALL.to_vec())
}

fn any_severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(Severity::ALL.to_vec())
}

fn any_rule() -> impl Strategy<Value = Reclassification> {
    prop::sample::select(RULES.to_vec())
}

/// An instant from 2000 to 2099, to the nanosecond.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let start = Utc
        .with_ymd_and_hms(2000, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let end = Utc
        .with_ymd_and_hms(2099, 12, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    (start..end, 0u32..1_000_000_000)
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).expect("a valid timestamp"))
}

/// A non-negative offset up to 20 days, in nanoseconds; often small.
fn any_step() -> impl Strategy<Value = TimeDelta> {
    prop_oneof![
        (0..20 * 86_400_000_000_000i64).prop_map(TimeDelta::nanoseconds),
        (0..4 * 3_600i64).prop_map(TimeDelta::seconds),
        Just(TimeDelta::zero()),
    ]
}

/// A random timeline with no pause: registration, maybe a re-classification, maybe a first
/// response and a resolution, in time order; and `now`.
#[derive(Debug, Clone)]
struct Plain {
    tier: Tier,
    severity: Severity,
    registered: DateTime<Utc>,
    change: Option<(TimeDelta, Tier, Severity)>,
    response: Option<TimeDelta>,
    resolution: Option<TimeDelta>,
    now: TimeDelta,
}

impl Plain {
    /// The events, sorted by instant (stable: registration first).
    fn events(&self) -> Vec<Event> {
        let mut events = vec![registered(self.registered, self.tier, self.severity)];
        if let Some((at, tier, severity)) = self.change {
            events.push(reclassified(self.registered + at, tier, severity));
        }
        if let Some(at) = self.response {
            events.push(event(self.registered + at, EventKind::FirstResponse));
        }
        if let Some(at) = self.resolution {
            events.push(event(self.registered + at, EventKind::Resolved));
        }
        events.sort_by_key(|e| e.at);
        events
    }
}

fn any_plain(reclassify: bool) -> impl Strategy<Value = Plain> {
    let change = if reclassify {
        proptest::option::of((any_step(), any_tier(), any_severity())).boxed()
    } else {
        Just(None).boxed()
    };
    (
        any_tier(),
        any_severity(),
        any_instant(),
        change,
        proptest::option::of(any_step()),
        proptest::option::of(any_step()),
        any_step(),
    )
        .prop_map(
            |(tier, severity, registered, change, response, resolution, now)| Plain {
                tier,
                severity,
                registered,
                change,
                response,
                resolution,
                now,
            },
        )
}

/// The timeline with a pause from `pause` to `resume` (or still open) inserted, if the
/// resulting list is a valid timeline (a pause cannot start while resolved).
fn with_pause(
    events: &[Event],
    pause: DateTime<Utc>,
    resume: Option<DateTime<Utc>>,
) -> Option<Timeline> {
    let mut events = events.to_vec();
    events.push(event(pause, EventKind::Paused));
    if let Some(resume) = resume {
        events.push(event(resume, EventKind::Resumed));
    }
    // Stable: at equal instants the pause comes after the events already there.
    events.sort_by_key(|e| e.at);
    Timeline::new(events).ok()
}

fn assert_ordered(status: &support_sla::status::Thresholds) -> Result<(), TestCaseError> {
    for list in [&status.response, &status.resolution] {
        for pair in list.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            prop_assert!(a.per_mille < b.per_mille && a.used <= b.used);
            match (a.when.at(), b.when.at()) {
                (Some(x), Some(y)) => prop_assert!(x <= y, "{a:?} then {b:?}"),
                (None, Some(_)) => prop_assert!(false, "an unknown instant before a known one"),
                _ => {}
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A timeline with no pause and no re-classification has exactly the plain status of its
    /// facts, under every rule.
    #[test]
    fn a_timeline_without_pause_equals_the_plain_status(plain in any_plain(false), rule in any_rule()) {
        let policy = with_rule(rule);
        let mut facts = TicketFacts::new(plain.tier, plain.severity, plain.registered);
        facts.first_response = plain.response.map(|d| plain.registered + d);
        facts.resolved = plain.resolution.map(|d| plain.registered + d);
        let timeline = Timeline::try_from(&facts).unwrap();
        prop_assert_eq!(timeline.events(), &plain.events()[..]);
        let now = plain.registered + plain.now;
        let expected: TicketStatus = policy.status(&facts, now).unwrap();
        prop_assert_eq!(policy.timeline_status(&timeline, now).unwrap(), expected);
    }

    /// Adding a pause (closed or still open) never makes a due instant earlier, whatever the
    /// re-classification rule; the first response is untouched.
    #[test]
    fn pausing_never_makes_a_deadline_earlier(
        plain in any_plain(true),
        rule in any_rule(),
        pause in any_step(),
        length in proptest::option::of(any_step()),
    ) {
        let policy = with_rule(rule);
        let events = plain.events();
        let pause_at = plain.registered + pause;
        let resume_at = length.map(|l| pause_at + l);
        let Some(paused) = with_pause(&events, pause_at, resume_at) else {
            return Ok(()); // the pause would fall while resolved
        };
        let now = plain.registered + plain.now;
        let without = policy.timeline_status(&timeline(events), now).unwrap();
        let with = policy.timeline_status(&paused, now).unwrap();
        prop_assert!(with.resolution.due >= without.resolution.due, "{:?} vs {:?}", with.resolution, without.resolution);
        prop_assert!(with.resolution.used <= without.resolution.used);
        prop_assert_eq!(with.response, without.response);
    }

    /// Without pauses or re-classification, each known threshold instant is where exactly that
    /// fraction of the budget has been used since registration; and thresholds are ordered.
    #[test]
    fn thresholds_are_fractions_of_the_budget(plain in any_plain(false)) {
        let policy = policy();
        let timeline = timeline(plain.events());
        let now = plain.registered + plain.now;
        let thresholds = policy.thresholds(&timeline, now).unwrap();
        let clock = policy.coverage_clock(plain.tier, plain.severity);
        let objective = policy.objective(plain.tier, plain.severity);
        for (list, budget) in [
            (&thresholds.response, objective.first_response()),
            (&thresholds.resolution, objective.resolution()),
        ] {
            prop_assert_eq!(list.len(), 4);
            for t in list {
                // f × budget, rounded down to the nanosecond.
                let exact = budget.num_nanoseconds().unwrap() * i64::from(t.per_mille) / 1000;
                prop_assert_eq!(t.used, TimeDelta::nanoseconds(exact));
                if let Some(at) = t.when.at() {
                    prop_assert_eq!(clock.elapsed(plain.registered, at).unwrap(), t.used);
                    match t.when {
                        Threshold::Reached { .. } => prop_assert!(at <= now),
                        _ => prop_assert!(at > now),
                    }
                }
            }
        }
        // The 100 % threshold, when known, is the due instant of the status.
        let status = policy.timeline_status(&timeline, now).unwrap();
        for (list, objective) in [(&thresholds.response, status.response), (&thresholds.resolution, status.resolution)] {
            if let Some(at) = list[3].when.at() {
                prop_assert_eq!(at, objective.due);
            } else {
                prop_assert_eq!(list[3].when, Threshold::Answered);
                prop_assert!(objective.answered.is_some());
            }
        }
        assert_ordered(&thresholds)?;
    }

    /// Thresholds are ordered with pauses and re-classifications too.
    #[test]
    fn thresholds_are_ordered(
        plain in any_plain(true),
        rule in any_rule(),
        pause in any_step(),
        length in proptest::option::of(any_step()),
    ) {
        let policy = with_rule(rule);
        let events = plain.events();
        let pause_at = plain.registered + pause;
        let timeline = with_pause(&events, pause_at, length.map(|l| pause_at + l))
            .unwrap_or_else(|| timeline(events));
        let now = plain.registered + plain.now;
        assert_ordered(&policy.thresholds(&timeline, now).unwrap())?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The explanation of a due instant answers the status's due instant, counts exactly the
    /// budget, and its stretches tile registration → due without gap or overlap; pauses,
    /// re-classifications and every rule included.
    #[test]
    fn explanations_answer_the_status_due_instant(
        plain in any_plain(true),
        rule in any_rule(),
        pause in any_step(),
        length in proptest::option::of(any_step()),
    ) {
        use support_sla::status::{ObjectiveKind, TicketStretchKind};
        let policy = with_rule(rule);
        let events = plain.events();
        let pause_at = plain.registered + pause;
        let timeline = with_pause(&events, pause_at, length.map(|l| pause_at + l))
            .unwrap_or_else(|| timeline(events));
        let now = plain.registered + plain.now;
        let status = policy.timeline_status(&timeline, now).unwrap();
        for (which, objective) in [
            (ObjectiveKind::Response, status.response),
            (ObjectiveKind::Resolution, status.resolution),
        ] {
            let why = policy.explain_due(&timeline, which, now).unwrap();
            prop_assert_eq!(why.due(), objective.due);
            prop_assert_eq!(why.summary().counted(), objective.budget, "{:?}", which);
            let stretches = why.stretches();
            prop_assert_eq!(stretches.first().map(|s| s.from), Some(plain.registered));
            prop_assert_eq!(stretches.last().map(|s| s.to), Some(objective.due));
            for pair in stretches.windows(2) {
                prop_assert_eq!(pair[0].to, pair[1].from);
            }
            let counted: TimeDelta = stretches
                .iter()
                .filter(|s| matches!(s.kind, TicketStretchKind::Counted { .. }))
                .map(support_sla::status::TicketStretch::duration)
                .sum();
            prop_assert_eq!(counted, objective.budget);
        }
    }
}

#[test]
fn an_explanation_renders_a_table_with_the_ticket_reasons() {
    use support_sla::status::ObjectiveKind;
    let timeline = timeline(vec![
        registered(march(3, 9, 0), Tier::Plus, Severity::S2),
        event(march(3, 11, 0), EventKind::Paused),
        event(march(4, 11, 0), EventKind::Resumed),
    ]);
    let why = policy()
        .explain_due(&timeline, ObjectiveKind::Resolution, march(4, 12, 0))
        .unwrap();
    let text = why.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("from"), "{text}");
    assert!(
        lines[2].contains("paused (waiting on the customer) since 2025-03-03 10:00:00 UTC"),
        "{text}"
    );
    assert!(lines[2].contains("Mon 2025-03-03 11:00:00 CET"), "{text}");
    assert_eq!(
        lines[lines.len() - 2],
        "16 h counted; skipped: 13 h outside hours, 24 h paused"
    );
    assert_eq!(
        lines[lines.len() - 1],
        "resolution due 2025-03-05T13:00:00Z"
    );
}

#[test]
fn explanations_name_resolutions_and_restarts() {
    use support_sla::status::{ObjectiveKind, TicketSkip, TicketStretchKind};
    let timeline = timeline(vec![
        registered(march(3, 9, 0), Tier::Plus, Severity::S3),
        event(march(3, 10, 0), EventKind::Resolved),
        event(march(3, 12, 0), EventKind::Reopened),
        reclassified(march(3, 13, 0), Tier::Plus, Severity::S2),
    ]);
    let why = with_rule(Reclassification::Restart)
        .explain_due(&timeline, ObjectiveKind::Resolution, march(3, 14, 0))
        .unwrap();
    let skipped: Vec<&TicketSkip> = why
        .stretches()
        .iter()
        .filter_map(|s| match &s.kind {
            TicketStretchKind::Skipped(reason) => Some(reason),
            _ => None,
        })
        .take(1)
        .collect();
    // Everything before the change at 13:00 is skipped for the restart, the resolution included.
    assert_eq!(
        skipped,
        [&TicketSkip::BeforeRestart {
            at: march(3, 13, 0)
        }]
    );
    assert_eq!(why.stretches()[0].to, march(3, 13, 0));
    assert_eq!(why.summary().before_restart, hours(4));
    let kept = with_rule(Reclassification::KeepUsed)
        .explain_due(&timeline, ObjectiveKind::Resolution, march(3, 14, 0))
        .unwrap();
    assert_eq!(
        kept.stretches()[1].kind,
        TicketStretchKind::Skipped(TicketSkip::Resolved {
            at: march(3, 10, 0)
        })
    );
    assert_eq!(kept.summary().resolved, hours(2));
    assert_eq!(
        kept.summary().to_string(),
        "16 h counted; skipped: 13 h outside hours, 2 h resolved"
    );
}
