//! A ticket's timeline against the brute-force reference of `tests/common/ticket.rs`, which
//! walks time minute by minute from the documented rules and shares no code with `src/`: the
//! status (budget, used, due, answer, paused, state, rule) and the explanation of each
//! objective, on random minute-aligned timelines (pauses, re-classifications under the three
//! rules, resolutions, reopenings, closures) and any `now`, before the registration included.

mod common;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use common::ticket::{self, RefClass, RefEvent, RefRule, MINUTE};
use common::{RefCoverage, Week, DAY, HOUR};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use support_sla::calendar::Calendar;
use support_sla::policy::{CoverageKind, Reclassification};
use support_sla::status::{
    Event, EventKind, ObjectiveKind, ObjectiveStatus, SlaState, TicketStretchKind, Timeline,
};
use support_sla::{Severity, SupportPolicy, Tier};

const RULES: [Reclassification; 3] = [
    Reclassification::KeepUsed,
    Reclassification::Restart,
    Reclassification::Retroactive,
];

fn with_rule(rule: Reclassification) -> &'static SupportPolicy {
    static POLICIES: OnceLock<Vec<SupportPolicy>> = OnceLock::new();
    let policies = POLICIES.get_or_init(|| {
        RULES
            .iter()
            .map(|&rule| {
                SupportPolicy::builder()
                    .reclassification(rule)
                    .build()
                    .unwrap()
            })
            .collect()
    });
    let index = RULES.iter().position(|&r| r == rule).unwrap();
    &policies[index]
}

fn ref_rule(rule: Reclassification) -> RefRule {
    match rule {
        Reclassification::KeepUsed => RefRule::KeepUsed,
        Reclassification::Restart => RefRule::Restart,
        Reclassification::Retroactive => RefRule::Retroactive,
        other => panic!("the reference has no model of the rule {other:?}"),
    }
}

/// The reference's coverages, described by hand from the policy text: Standard (Mon–Thu
/// 09:00–17:30, Fri 09:00–14:00), Plus (Mon–Fri 09:00–20:00), both on Madrid's holidays, and
/// around the clock.
fn coverages() -> &'static [RefCoverage; 3] {
    static COVERAGES: OnceLock<[RefCoverage; 3]> = OnceLock::new();
    COVERAGES.get_or_init(|| {
        let hm = |h: i64, m: i64| h * HOUR + m * MINUTE;
        let holidays: BTreeSet<_> = (2000..=2100)
            .flat_map(|y| Calendar::madrid().holidays_in_year(y).unwrap().to_vec())
            .map(|h| h.date())
            .collect();
        let mut standard: Week = Default::default();
        let mut plus: Week = Default::default();
        let mut always: Week = Default::default();
        for day in 0..7 {
            always[day].push((0, DAY));
            if day < 5 {
                plus[day].push((hm(9, 0), hm(20, 0)));
            }
            match day {
                0..=3 => standard[day].push((hm(9, 0), hm(17, 30))),
                4 => standard[day].push((hm(9, 0), hm(14, 0))),
                _ => {}
            }
        }
        let coverage = |windows, holidays| RefCoverage {
            tz: chrono_tz::Europe::Madrid,
            windows,
            holidays,
            special: Vec::new(),
        };
        [
            coverage(standard, Some(holidays.clone())),
            coverage(plus, Some(holidays)),
            coverage(always, None),
        ]
    })
}

/// Classification index of the reference: tier-major over `Tier::ALL × Severity::ALL`.
fn class_index(tier: Tier, severity: Severity) -> usize {
    let t = Tier::ALL.iter().position(|&x| x == tier).unwrap();
    let s = Severity::ALL.iter().position(|&x| x == severity).unwrap();
    t * Severity::ALL.len() + s
}

/// The table of classifications, read from the policy as data (coverage, budgets).
fn classes(policy: &SupportPolicy) -> Vec<RefClass> {
    let mut out = Vec::new();
    for &tier in &Tier::ALL {
        for &severity in &Severity::ALL {
            let coverage = match policy.coverage_kind(tier, severity) {
                CoverageKind::Standard => 0,
                CoverageKind::Plus => 1,
                CoverageKind::Always => 2,
            };
            let objective = policy.objective(tier, severity);
            let nanos = |d: TimeDelta| d.num_nanoseconds().unwrap();
            out.push(RefClass {
                coverage,
                budgets: [
                    nanos(objective.first_response()),
                    nanos(objective.resolution()),
                ],
            });
        }
    }
    out
}

fn ref_events(timeline: &Timeline) -> Vec<(i64, RefEvent)> {
    timeline
        .events()
        .iter()
        .map(|e| {
            let kind = match e.kind {
                EventKind::Registered { tier, severity } => {
                    RefEvent::Registered(class_index(tier, severity))
                }
                EventKind::Reclassified { tier, severity } => {
                    RefEvent::Reclassified(class_index(tier, severity))
                }
                EventKind::FirstResponse => RefEvent::FirstResponse,
                EventKind::Paused => RefEvent::Paused,
                EventKind::Resumed => RefEvent::Resumed,
                EventKind::Resolved => RefEvent::Resolved,
                EventKind::Reopened => RefEvent::Reopened,
                EventKind::Closed => RefEvent::Closed,
                other => panic!("an event the reference does not know: {other:?}"),
            };
            (e.at.timestamp_nanos_opt().unwrap(), kind)
        })
        .collect()
}

fn instant(nanos: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(nanos)
}

/// A random step of a timeline: a gap in minutes, then a kind of event (0 first response,
/// 1 pause, 2 resume, 3 re-classification, 4 resolution, 5 reopening, 6 closure).
fn any_step() -> impl Strategy<Value = (i64, u8, usize, usize)> {
    let gap = prop_oneof![Just(0i64), 0i64..240, 0i64..3 * 24 * 60,];
    (gap, 0u8..7, 0..Tier::ALL.len(), 0..Severity::ALL.len())
}

#[derive(Debug, Clone)]
struct Case {
    timeline: Timeline,
    now: DateTime<Utc>,
    rule: Reclassification,
}

fn any_case() -> impl Strategy<Value = Case> {
    let start = Utc
        .with_ymd_and_hms(2000, 1, 3, 0, 0, 0)
        .unwrap()
        .timestamp()
        / 60;
    let end = Utc
        .with_ymd_and_hms(2099, 10, 1, 0, 0, 0)
        .unwrap()
        .timestamp()
        / 60;
    (
        start..end,
        0..Tier::ALL.len(),
        0..Severity::ALL.len(),
        proptest::collection::vec(any_step(), 0..8),
        prop_oneof![-2 * 24 * 60i64..0, 0i64..240, 0i64..20 * 24 * 60],
        prop::sample::select(RULES.to_vec()),
    )
        .prop_map(|(minute, tier, severity, steps, now, rule)| {
            let at = |m: i64| DateTime::from_timestamp(m * 60, 0).unwrap();
            let registered = EventKind::Registered {
                tier: Tier::ALL[tier],
                severity: Severity::ALL[severity],
            };
            let mut timeline = Timeline::starting(Event::new(at(minute), registered)).unwrap();
            let mut t = minute;
            for (gap, kind, tier, severity) in steps {
                t += gap;
                let kind = match kind {
                    0 => EventKind::FirstResponse,
                    1 => EventKind::Paused,
                    2 => EventKind::Resumed,
                    3 => EventKind::Reclassified {
                        tier: Tier::ALL[tier],
                        severity: Severity::ALL[severity],
                    },
                    4 => EventKind::Resolved,
                    5 => EventKind::Reopened,
                    _ => EventKind::Closed,
                };
                // An event the rules refuse is left out: the timeline stays valid.
                let _ = timeline.push(Event::new(at(t), kind));
            }
            Case {
                timeline,
                now: at(minute + now),
                rule,
            }
        })
}

fn check(
    got: &ObjectiveStatus,
    expected: &ticket::RefObjective,
    now: DateTime<Utc>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(got.budget, TimeDelta::nanoseconds(expected.budget));
    prop_assert_eq!(got.used, TimeDelta::nanoseconds(expected.used));
    prop_assert_eq!(got.due, instant(expected.due));
    prop_assert_eq!(got.answered, expected.answer.map(instant));
    prop_assert_eq!(got.paused, expected.paused);
    let due = instant(expected.due);
    let state = match expected.answer.map(instant) {
        Some(at) if at <= due => SlaState::Met { at },
        Some(_) => SlaState::Breached { at: due },
        None if now > due => SlaState::Breached { at: due },
        None => SlaState::Pending,
    };
    prop_assert_eq!(got.state, state);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The status of a timeline is the reference's, objective by objective, under each rule.
    #[test]
    fn the_timeline_status_matches_the_minute_by_minute_reference(case in any_case()) {
        let policy = with_rule(case.rule);
        let status = policy.timeline_status(&case.timeline, case.now).unwrap();
        let events = ref_events(&case.timeline);
        let now = case.now.timestamp_nanos_opt().unwrap();
        let classes = classes(policy);
        let mut reclassified = false;
        for (which, got) in [(0, &status.response), (1, &status.resolution)] {
            let expected = ticket::objective(
                coverages(), &classes, ref_rule(case.rule), &events, which, now,
            );
            reclassified |= expected.reclassified;
            check(got, &expected, case.now)?;
        }
        prop_assert_eq!(status.rule, reclassified.then_some(case.rule));
        prop_assert_eq!(status.registered, case.timeline.registered_at());
    }

    /// For every timeline and every `now` (before the registration included), the explanation
    /// of each objective starts at the registration, tiles it to the due instant, counts
    /// exactly the budget, and answers the status's due instant.
    #[test]
    fn every_explanation_counts_the_budget_from_the_registration(case in any_case()) {
        let policy = with_rule(case.rule);
        let status = policy.timeline_status(&case.timeline, case.now).unwrap();
        for (which, objective) in [
            (ObjectiveKind::Response, status.response),
            (ObjectiveKind::Resolution, status.resolution),
        ] {
            let why = policy.explain_due(&case.timeline, which, case.now).unwrap();
            prop_assert_eq!(why.due(), objective.due);
            prop_assert_eq!(why.summary().counted(), objective.budget);
            let stretches = why.stretches();
            prop_assert_eq!(stretches.first().map(|s| s.from), Some(case.timeline.registered_at()));
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

/// Issue 13: `now` before the registration. A Plus S2 ticket registered on Monday 3 March 2025
/// at 12:00 in Madrid, asked about at 10:00: the trace starts at 12:00 and counts the 16-hour
/// budget exactly (it started at `now` and counted 18 hours).
#[test]
fn an_explanation_asked_before_the_registration_starts_at_it() {
    let policy = with_rule(Reclassification::KeepUsed);
    let at = |h| Madrid.with_ymd_and_hms(2025, 3, 3, h, 0, 0).unwrap();
    let registered = EventKind::Registered {
        tier: Tier::Plus,
        severity: Severity::S2,
    };
    let timeline = Timeline::new(vec![Event::new(at(12), registered)]).unwrap();
    let why = policy
        .explain_due(&timeline, ObjectiveKind::Resolution, at(10))
        .unwrap();
    assert_eq!(why.summary().counted(), TimeDelta::hours(16));
    assert_eq!(why.stretches()[0].from, at(12));
    let status = policy.timeline_status(&timeline, at(10)).unwrap();
    assert_eq!(why.due(), status.resolution.due);
    // 8 h on Monday (12:00–20:00), 8 h on Tuesday (09:00–17:00).
    assert_eq!(
        why.due(),
        Madrid.with_ymd_and_hms(2025, 3, 4, 17, 0, 0).unwrap()
    );
    assert_eq!(
        why.summary().to_string(),
        "16 h counted; skipped: 13 h outside hours"
    );
}
