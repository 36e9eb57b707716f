//! The intake rules against a reference written from DESIGN.md ("Intake rules") on the
//! brute-force coverage of `tests/common`: for any instant, tier, severity, channel, ticket and
//! reading of the Plus sentence, the policy accepts or refuses as the reference does, a
//! refusal for the hour gives the reference's next opening, and its text shows that opening in
//! Madrid time.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use common::{nanos, RefCoverage, Week, DAY, HOUR};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use support_sla::calendar::Calendar;
use support_sla::policy::{Accepted, PlusUrgentCalls, Refusal};
use support_sla::{Channel, Severity, SupportPolicy, TicketId, Tier};

const MINUTE: i64 = 60 * 1_000_000_000;

/// The reference coverages: Standard, Plus, around the clock (the policy of the text).
fn coverages() -> &'static [RefCoverage; 3] {
    static COVERAGES: OnceLock<[RefCoverage; 3]> = OnceLock::new();
    COVERAGES.get_or_init(|| {
        let hm = |h: i64, m: i64| h * HOUR + m * MINUTE;
        let holidays: BTreeSet<_> = (2023..=2028)
            .flat_map(|y| Calendar::madrid().holidays_in_year(y).unwrap().to_vec())
            .map(|h| h.date())
            .collect();
        let (mut standard, mut plus, mut always): (Week, Week, Week) = Default::default();
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
            tz: Madrid,
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

fn policies() -> &'static [(PlusUrgentCalls, SupportPolicy); 2] {
    static POLICIES: OnceLock<[(PlusUrgentCalls, SupportPolicy); 2]> = OnceLock::new();
    POLICIES.get_or_init(|| {
        [
            PlusUrgentCalls::BeyondStandardWithinPlus,
            PlusUrgentCalls::AnyHour,
        ]
        .map(|reading| {
            let policy = SupportPolicy::builder()
                .plus_urgent_calls(reading)
                .build()
                .unwrap();
            (reading, policy)
        })
    })
}

/// What the reference decides: accepted, or the refusal's kind with the next opening.
#[derive(Debug, PartialEq, Eq)]
enum Decision {
    Accepted,
    NeedsTicket,
    NotAvailable,
    OutsideHours(Option<i64>),
}

/// DESIGN.md's intake rules, read directly.
fn reference(
    tier: Tier,
    severity: Severity,
    channel: Channel,
    t: i64,
    has_ticket: bool,
    reading: PlusUrgentCalls,
) -> Decision {
    let urgent = matches!(severity, Severity::S1 | Severity::S2);
    if channel != Channel::Phone {
        return Decision::Accepted;
    }
    if urgent && !has_ticket {
        return Decision::NeedsTicket;
    }
    let [standard, plus, always] = coverages();
    let windows: Vec<&RefCoverage> = match (tier, urgent) {
        (Tier::Standard, false) => return Decision::NotAvailable,
        (Tier::Standard, true) => vec![standard],
        (Tier::Plus, true) if reading == PlusUrgentCalls::AnyHour => vec![always],
        (Tier::Plus, true) => vec![standard, plus],
        (Tier::Plus | Tier::Vip, false) => vec![plus],
        (Tier::Vip, true) => vec![always],
    };
    if windows.iter().any(|c| c.is_open(t)) {
        return Decision::Accepted;
    }
    Decision::OutsideHours(windows.iter().filter_map(|c| c.next_open(t)).min())
}

fn instant(t: i64) -> DateTime<Utc> {
    Utc.timestamp_nanos(t)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn intake_decides_as_the_reference(
        minutes in 0i64..(3 * 366 * 24 * 60),
        tier in prop::sample::select(Tier::ALL.to_vec()),
        severity in prop::sample::select(Severity::ALL.to_vec()),
        channel in prop::sample::select(vec![Channel::Email, Channel::Web, Channel::Phone]),
        has_ticket in any::<bool>(),
        which in 0usize..2,
    ) {
        let start = nanos(&Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap());
        let t = start + minutes * MINUTE;
        let (reading, policy) = &policies()[which];
        let ticket = has_ticket.then_some(TicketId::new(4711));
        let answer = policy.intake(tier, severity, channel, instant(t), ticket).unwrap();
        let expected = reference(tier, severity, channel, t, has_ticket, *reading);
        let got = match &answer {
            Ok(Accepted::FollowUp { ticket }) => {
                prop_assert!(has_ticket && *ticket == TicketId::new(4711));
                Decision::Accepted
            }
            Ok(Accepted::Register { registered }) => {
                prop_assert!(!has_ticket && *registered == instant(t));
                Decision::Accepted
            }
            Ok(other) => panic!("unexpected {other:?}"),
            Err(Refusal::PhoneNeedsTicketNumber { phone_number }) => {
                prop_assert_eq!(phone_number, "902 321 122");
                Decision::NeedsTicket
            }
            Err(Refusal::PhoneNotAvailable { .. }) => Decision::NotAvailable,
            Err(Refusal::OutsidePhoneHours { next_open, time_zone, .. }) => {
                prop_assert_eq!(*time_zone, Madrid);
                Decision::OutsideHours(next_open.map(|at| nanos(&at)))
            }
            Err(other) => panic!("unexpected {other:?}"),
        };
        prop_assert_eq!(&got, &expected);
        if let (Decision::OutsideHours(Some(open)), Err(refusal)) = (&got, &answer) {
            // The text shows the opening as Madrid reads it, written here with chrono directly.
            let local = instant(*open).with_timezone(&Madrid);
            let shown = local.format("%Y-%m-%d %H:%M %Z").to_string();
            let text = refusal.to_string();
            prop_assert!(text.contains(&format!("it opens at {shown};")), "{}", text);
            // And the same call is taken at that opening.
            let again = policy.intake(tier, severity, channel, local, ticket).unwrap();
            prop_assert!(again.is_ok(), "{:?}", again);
        }
    }
}
