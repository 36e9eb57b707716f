//! The `QoS` report through the public API, on small hand-checked sets of tickets whose statuses
//! come from `SupportPolicy::status`.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use support_sla::report::{ObjectiveKind, QosReport, Share, Tallies, Tally};
use support_sla::status::{TicketFacts, TicketStatus};
use support_sla::{Priority, Severity, SupportPolicy, TicketId, Tier};

/// Madrid wall time in March 2025 (before the 30 March DST change).
fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(2025, 3, day, hour, minute, 0)
        .unwrap()
        .to_utc()
}

/// The policy of the text, built once for all the tests.
fn policy() -> &'static SupportPolicy {
    static POLICY: std::sync::OnceLock<SupportPolicy> = std::sync::OnceLock::new();
    POLICY.get_or_init(SupportPolicy::madrid)
}

/// Statuses at `now`, numbered 1, 2, 3… in order.
fn statuses(facts: &[TicketFacts], now: DateTime<Utc>) -> Vec<(TicketId, TicketStatus)> {
    let policy = policy();
    facts
        .iter()
        .enumerate()
        .map(|(i, f)| (TicketId::new(i as u64 + 1), policy.status(f, now).unwrap()))
        .collect()
}

fn report(list: &[(TicketId, TicketStatus)], period: std::ops::Range<DateTime<Utc>>) -> QosReport {
    QosReport::new(list.iter().map(|(id, s)| (*id, s)), period)
}

fn march() -> std::ops::Range<DateTime<Utc>> {
    at(1, 0, 0)..at(29, 0, 0)
}

/// Vip S1 runs 24x7: registered on Sunday 9 March at 03:00, service time is wall time.
fn vip_s1_answered_after(minutes: i64) -> TicketFacts {
    let t0 = at(9, 3, 0);
    TicketFacts::new(Tier::Vip, Severity::S1, t0)
        .with_first_response(t0 + TimeDelta::minutes(minutes))
}

/// The period of [`mixed`]'s tickets: 1 February to 4 March 2025 (Madrid).
fn mixed_period() -> std::ops::Range<DateTime<Utc>> {
    Madrid
        .with_ymd_and_hms(2025, 2, 1, 0, 0, 0)
        .unwrap()
        .to_utc()..at(4, 0, 0)
}

/// A mixed set, all on the Madrid policy, status at Monday 3 March 12:00 unless noted:
///
/// 1. Vip S1, Sun 2 Mar 03:00, answered 03:30, resolved 06:00: response met (1 h budget),
///    resolution met (8 h).
/// 2. Standard S1, Mon 3 Mar 09:00, unanswered at 12:00: 1 h response due 10:00, breached,
///    3 h used → overrun 2 h; 8 h resolution due 17:00 (Standard Mon 09:00–17:30), pending.
/// 3. Standard S3, Fri 28 Feb 13:30 (Fri 09:00–14:00): 30 min on Friday, then Monday 09:00 on:
///    4 h response due Mon 12:30; answered Mon 10:00 (1 h 30 used) → met; resolution pending.
/// 4. Plus S2, Mon 3 Mar 09:00, answered 11:30 (2 h budget, due 11:00): breached, overrun
///    30 min; resolution pending.
/// 5. Plus S2, Mon 3 Mar 08:00 (before opening), answered 10:00: 1 h used, met.
fn mixed() -> (Vec<(TicketId, TicketStatus)>, DateTime<Utc>) {
    let now = at(3, 12, 0);
    let facts = [
        TicketFacts::new(Tier::Vip, Severity::S1, at(2, 3, 0))
            .with_first_response(at(2, 3, 30))
            .with_resolution(at(2, 6, 0)),
        TicketFacts::new(Tier::Standard, Severity::S1, at(3, 9, 0)),
        Madrid
            .with_ymd_and_hms(2025, 2, 28, 13, 30, 0)
            .single()
            .map(|t| {
                TicketFacts::new(Tier::Standard, Severity::S3, t).with_first_response(at(3, 10, 0))
            })
            .unwrap(),
        TicketFacts::new(Tier::Plus, Severity::S2, at(3, 9, 0)).with_first_response(at(3, 11, 30)),
        TicketFacts::new(Tier::Plus, Severity::S2, at(3, 8, 0)).with_first_response(at(3, 10, 0)),
    ];
    (statuses(&facts, now), now)
}

#[test]
fn counts_met_breached_and_pending_per_severity_tier_and_priority() {
    let (list, _) = mixed();
    let period = mixed_period();
    let r = report(&list, period);
    assert_eq!(r.tickets(), 5);

    let s1 = r.by_severity(Severity::S1);
    assert_eq!(s1.first_response, Tally::new(1, 1, 0));
    assert_eq!(s1.resolution, Tally::new(1, 0, 1));
    let s2 = r.by_severity(Severity::S2);
    assert_eq!(s2.first_response, Tally::new(1, 1, 0));
    assert_eq!(s2.resolution, Tally::new(0, 0, 2));
    let s3 = r.by_severity(Severity::S3);
    assert_eq!(s3.first_response, Tally::new(1, 0, 0));
    assert_eq!(s3.resolution, Tally::new(0, 0, 1));
    assert_eq!(r.by_severity(Severity::S4), Tallies::default());

    assert_eq!(
        r.by_tier(Tier::Standard).first_response,
        Tally::new(1, 1, 0)
    );
    assert_eq!(r.by_tier(Tier::Standard).resolution, Tally::new(0, 0, 2));
    assert_eq!(r.by_tier(Tier::Plus).first_response, Tally::new(1, 1, 0));
    assert_eq!(r.by_tier(Tier::Vip).first_response, Tally::new(1, 0, 0));
    assert_eq!(r.by_tier(Tier::Vip).resolution, Tally::new(1, 0, 0));

    let p5 = r.by_priority(Priority::new(Tier::Plus, Severity::S2));
    assert_eq!(p5.first_response, Tally::new(1, 1, 0));
    let p3 = r.by_priority(Priority::new(Tier::Standard, Severity::S1));
    assert_eq!(p3.first_response, Tally::new(0, 1, 0));
    assert_eq!(p3.resolution, Tally::new(0, 0, 1));

    let total = r.total();
    assert_eq!(total.first_response, Tally::new(3, 2, 0));
    assert_eq!(total.resolution, Tally::new(1, 0, 4));
    assert_eq!(total.get(ObjectiveKind::Resolution).total(), 5);
}

#[test]
fn shares_are_exact_fractions_of_the_decided_objectives() {
    let (list, _) = mixed();
    let period = mixed_period();
    let r = report(&list, period);
    let share = r.total().first_response.share_met();
    assert_eq!((share.numerator(), share.denominator()), (3, 5));
    assert_eq!(share.to_string(), "60.0%");
    // Pending objectives are left out: one met resolution, four pending → 1/1.
    assert_eq!(r.total().resolution.share_met(), Share::new(1, 1));
    assert_eq!(r.total().resolution.share_met().to_string(), "100.0%");
    // Nothing decided: no value, no division by zero.
    let s2 = r.by_severity(Severity::S2).resolution.share_met();
    assert_eq!((s2.numerator(), s2.denominator()), (0, 0));
    assert_eq!(s2.to_string(), "n/a");
    assert_eq!(s2.to_f64(), None);
}

#[test]
fn share_percentages_round_half_up_to_one_decimal() {
    assert_eq!(Share::new(1, 3).to_string(), "33.3%");
    assert_eq!(Share::new(2, 3).to_string(), "66.7%");
    assert_eq!(Share::new(1, 8).to_string(), "12.5%");
    assert_eq!(Share::new(1, 16).to_string(), "6.3%"); // 6.25
    assert_eq!(Share::new(1, 2000).to_string(), "0.1%"); // 0.05
    assert_eq!(Share::new(1, 2001).to_string(), "0.0%");
    assert_eq!(Share::new(0, 7).to_string(), "0.0%");
    assert_eq!(Share::new(u64::MAX, u64::MAX).to_string(), "100.0%");
    assert_eq!(format!("[{:>7}]", Share::new(1, 2)), "[  50.0%]");
}

#[test]
fn breaches_are_listed_with_their_service_time_overrun() {
    let (list, _) = mixed();
    let period = mixed_period();
    let r = report(&list, period);
    let breaches = r.breaches();
    assert_eq!(breaches.len(), 2);

    let b = breaches[0];
    assert_eq!(b.ticket, TicketId::new(2));
    assert_eq!(b.priority, Priority::new(Tier::Standard, Severity::S1));
    assert_eq!(b.registered, at(3, 9, 0));
    assert_eq!(b.objective, ObjectiveKind::Response);
    assert_eq!(b.due, at(3, 10, 0));
    assert_eq!(b.answered, None);
    assert_eq!(b.overrun, TimeDelta::hours(2)); // 3 h used at 12:00, 1 h budget

    let b = breaches[1];
    assert_eq!(b.ticket, TicketId::new(4));
    assert_eq!(b.priority, Priority::new(Tier::Plus, Severity::S2));
    assert_eq!(b.due, at(3, 11, 0));
    assert_eq!(b.answered, Some(at(3, 11, 30)));
    assert_eq!(b.overrun, TimeDelta::minutes(30));
}

#[test]
fn answered_after_closing_is_a_breach_with_no_overrun() {
    // Standard S3 on Monday 3 March at 13:30: 4 h of service run out at 17:30, the close.
    // Answered at 18:00, after due (breached), but no service time passed after 17:30.
    let facts = [
        TicketFacts::new(Tier::Standard, Severity::S3, at(3, 13, 30))
            .with_first_response(at(3, 18, 0)),
    ];
    let list = statuses(&facts, at(4, 9, 0));
    let r = report(&list, march());
    assert_eq!(r.breaches().len(), 1);
    assert_eq!(r.breaches()[0].due, at(3, 17, 30));
    assert_eq!(r.breaches()[0].overrun, TimeDelta::zero());
    let p = r.service_time(ObjectiveKind::Response).unwrap();
    assert_eq!(
        (p.count, p.median, p.p90),
        (1, TimeDelta::hours(4), TimeDelta::hours(4))
    );
}

#[test]
fn a_single_answer_is_its_own_median_and_p90() {
    let list = statuses(&[vip_s1_answered_after(25)], at(10, 0, 0));
    let r = report(&list, march());
    let p = r.service_time(ObjectiveKind::Response).unwrap();
    assert_eq!(
        (p.count, p.median, p.p90),
        (1, TimeDelta::minutes(25), TimeDelta::minutes(25))
    );
    // Nothing resolved: no resolution percentiles.
    assert_eq!(r.service_time(ObjectiveKind::Resolution), None);
    assert_eq!(
        r.service_time_by_severity(ObjectiveKind::Response, Severity::S2),
        None
    );
}

#[test]
fn nearest_rank_median_of_an_odd_count_is_the_middle_value() {
    // Given out of order on purpose: 50, 10, 30 → sorted 10, 30, 50.
    let facts = [50, 10, 30].map(vip_s1_answered_after);
    let r = report(&statuses(&facts, at(10, 0, 0)), march());
    let p = r.service_time(ObjectiveKind::Response).unwrap();
    assert_eq!(p.count, 3);
    assert_eq!(p.median, TimeDelta::minutes(30)); // rank ⌈1.5⌉ = 2
    assert_eq!(p.p90, TimeDelta::minutes(50)); // rank ⌈2.7⌉ = 3
}

#[test]
fn nearest_rank_median_of_an_even_count_is_the_lower_middle_value() {
    let facts = [40, 20, 10, 30].map(vip_s1_answered_after);
    let r = report(&statuses(&facts, at(10, 0, 0)), march());
    let p = r.service_time(ObjectiveKind::Response).unwrap();
    assert_eq!(p.median, TimeDelta::minutes(20)); // rank 2 of 4
    assert_eq!(p.p90, TimeDelta::minutes(40)); // rank ⌈3.6⌉ = 4
}

#[test]
fn p90_of_ten_values_is_the_ninth_and_of_eleven_the_tenth() {
    let ten: Vec<TicketFacts> = (1..=10)
        .rev()
        .map(|m| vip_s1_answered_after(m * 5))
        .collect();
    let r = report(&statuses(&ten, at(10, 0, 0)), march());
    let p = r.service_time(ObjectiveKind::Response).unwrap();
    assert_eq!(p.median, TimeDelta::minutes(25)); // rank 5
    assert_eq!(p.p90, TimeDelta::minutes(45)); // rank 9

    let eleven: Vec<TicketFacts> = (1..=11).map(|m| vip_s1_answered_after(m * 5)).collect();
    let r = report(&statuses(&eleven, at(10, 0, 0)), march());
    let p = r.service_time(ObjectiveKind::Response).unwrap();
    assert_eq!(p.median, TimeDelta::minutes(30)); // rank ⌈5.5⌉ = 6
    assert_eq!(p.p90, TimeDelta::minutes(50)); // rank ⌈9.9⌉ = 10
}

#[test]
fn percentiles_are_per_severity_and_over_all_answered_objectives() {
    let (list, _) = mixed();
    let period = mixed_period();
    let r = report(&list, period);
    let fr = ObjectiveKind::Response;
    // Answered first responses: S1 30 min (ticket 1; ticket 2 is unanswered and left out),
    // S2 2 h 30 and 1 h, S3 1 h 30.
    let s1 = r.service_time_by_severity(fr, Severity::S1).unwrap();
    assert_eq!((s1.count, s1.median), (1, TimeDelta::minutes(30)));
    let s2 = r.service_time_by_severity(fr, Severity::S2).unwrap();
    assert_eq!(
        (s2.count, s2.median, s2.p90),
        (2, TimeDelta::hours(1), TimeDelta::minutes(150))
    );
    let s3 = r.service_time_by_severity(fr, Severity::S3).unwrap();
    assert_eq!(s3.median, TimeDelta::minutes(90));
    assert_eq!(r.service_time_by_severity(fr, Severity::S4), None);
    // All: 30 min, 1 h, 1 h 30, 2 h 30 → median rank 2, p90 rank 4.
    let all = r.service_time(fr).unwrap();
    assert_eq!(
        (all.count, all.median, all.p90),
        (4, TimeDelta::hours(1), TimeDelta::minutes(150))
    );
    // Resolution: only ticket 1, resolved after 3 h.
    let res = r.service_time(ObjectiveKind::Resolution).unwrap();
    assert_eq!((res.count, res.median), (1, TimeDelta::hours(3)));
}

#[test]
fn the_period_is_half_open_on_the_registration_instant() {
    let from = at(10, 0, 0);
    let to = at(17, 0, 0);
    let nano = TimeDelta::nanoseconds(1);
    let facts = [
        TicketFacts::new(Tier::Vip, Severity::S1, from - nano), // just before: out
        TicketFacts::new(Tier::Vip, Severity::S1, from),        // at from: in
        TicketFacts::new(Tier::Vip, Severity::S1, to - nano),   // just before to: in
        TicketFacts::new(Tier::Vip, Severity::S1, to),          // at to: out
    ];
    let list = statuses(&facts, at(20, 0, 0));
    let r = report(&list, from..to);
    assert_eq!(r.tickets(), 2);
    assert_eq!(r.period(), from..to);
    let ids: Vec<u64> = r.breaches().iter().map(|b| b.ticket.get()).collect();
    assert_eq!(ids, [2, 2, 3, 3]); // unanswered: both objectives breached, in ticket order
                                   // Consecutive periods split the tickets without overlap.
    let before = report(&list, at(1, 0, 0)..from);
    let after = report(&list, to..at(28, 0, 0));
    assert_eq!(before.tickets() + r.tickets() + after.tickets(), 4);
}

#[test]
fn periods_in_any_zone_are_the_same_instants() {
    let list = statuses(&[vip_s1_answered_after(10)], at(10, 0, 0));
    let madrid = Madrid.with_ymd_and_hms(2025, 3, 9, 3, 0, 0).unwrap();
    let r = QosReport::new(
        list.iter().map(|(id, s)| (*id, s)),
        madrid..madrid + TimeDelta::hours(1),
    );
    assert_eq!(r.tickets(), 1);
    assert_eq!(r.period().start, at(9, 3, 0));
}

#[test]
fn owned_statuses_computed_on_the_fly_are_accepted() {
    let policy = policy();
    let facts = [10, 20, 30].map(vip_s1_answered_after);
    let r = QosReport::new(
        facts.iter().enumerate().map(|(i, f)| {
            (
                TicketId::new(i as u64),
                policy.status(f, at(10, 0, 0)).unwrap(),
            )
        }),
        march(),
    );
    assert_eq!(r.tickets(), 3);
    assert_eq!(r.total().first_response, Tally::new(3, 0, 0));
}

#[test]
fn no_tickets_give_an_empty_report() {
    let empty: [(TicketId, TicketStatus); 0] = [];
    for r in [
        report(&empty, march()),
        // Tickets, but none in the period; and an inverted period.
        report(&mixed().0, at(20, 0, 0)..at(21, 0, 0)),
        report(&mixed().0, at(28, 0, 0)..at(1, 0, 0)),
    ] {
        assert_eq!(r.tickets(), 0);
        assert_eq!(r.total(), Tallies::default());
        assert_eq!(r.total().first_response.share_met().to_string(), "n/a");
        assert!(r.breaches().is_empty());
        for kind in ObjectiveKind::ALL {
            assert_eq!(r.service_time(kind), None);
            for severity in Severity::ALL {
                assert_eq!(r.service_time_by_severity(kind, severity), None);
            }
        }
        let text = format!("{r:#}");
        assert!(text.contains("0 tickets"), "{text}");
        assert!(text.contains("Breaches: 0"), "{text}");
    }
}

#[test]
fn display_shows_a_row_per_severity_and_a_column_per_tier() {
    let (list, _) = mixed();
    let period = mixed_period();
    let r = report(&list, period);
    let text = r.to_string();
    let header = text
        .lines()
        .find(|l| l.contains("standard"))
        .expect("a header row");
    let cols: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(cols, ["standard", "plus", "vip", "all"]);
    let s2 = text
        .lines()
        .find(|l| l.trim_start().starts_with("S2"))
        .unwrap();
    assert!(s2.contains("1/2  50.0% (0)"), "{s2}");
    assert!(
        text.contains("Breaches: 2 (2 first response, 0 resolution)"),
        "{text}"
    );
    // The plain form does not list the breaches; the alternate form does.
    assert!(!text.contains("overrun"));
    let full = format!("{r:#}");
    assert!(full.contains("overrun"), "{full}");
    assert!(full.contains("2:00:00"), "{full}");
}

#[cfg(feature = "serde")]
#[test]
fn serializes_keyed_by_the_crate_words() {
    let (list, _) = mixed();
    let period = mixed_period();
    let r = report(&list, period);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["tickets"], 5);
    assert_eq!(json["by_severity"]["s1"]["first_response"]["met"], 1);
    assert_eq!(json["by_tier"]["plus"]["first_response"]["breached"], 1);
    assert_eq!(json["by_priority"]["P5"]["first_response"]["met"], 1);
    let share = &json["total"]["first_response"]["share_met"];
    assert_eq!(share["numerator"], 3);
    assert_eq!(share["denominator"], 5);
    assert_eq!(share["percent"], "60.0%");
    assert_eq!(
        json["by_severity"]["s4"]["resolution"]["share_met"]["percent"],
        serde_json::Value::Null
    );
    assert_eq!(
        json["service_time"]["first_response"]["all"]["median"],
        "PT1H"
    );
    assert_eq!(
        json["service_time"]["first_response"]["s4"],
        serde_json::Value::Null
    );
    let breach = &json["breaches"][0];
    assert_eq!(breach["ticket"], 2);
    assert_eq!(breach["priority"], "P3");
    assert_eq!(breach["objective"], "first_response");
    assert_eq!(breach["overrun"], "PT2H");
    assert_eq!(breach["answered"], serde_json::Value::Null);
    assert_eq!(json["period"]["to"], "2025-03-03T23:00:00Z");
}

proptest::proptest! {
    /// The selection gives what a full sort gives, at the nearest ranks ⌈n/2⌉ and ⌈9n/10⌉.
    #[test]
    fn percentiles_equal_the_nearest_ranks_of_a_sorted_list(
        minutes in proptest::collection::vec(0i64..600, 1..60)
    ) {
        let facts: Vec<TicketFacts> = minutes.iter().map(|&m| vip_s1_answered_after(m)).collect();
        let r = report(&statuses(&facts, at(20, 0, 0)), march());
        let mut sorted = minutes.clone();
        sorted.sort_unstable();
        let n = sorted.len();
        let rank = |k: usize| TimeDelta::minutes(sorted[k - 1]);
        let p = r.service_time(ObjectiveKind::Response).unwrap();
        proptest::prop_assert_eq!(p.count, n as u64);
        proptest::prop_assert_eq!(p.median, rank(n.div_ceil(2)));
        proptest::prop_assert_eq!(p.p90, rank((9 * n).div_ceil(10)));
    }
}

#[test]
fn the_alternate_display_is_pinned_whole() {
    let (list, _) = mixed();
    let period = mixed_period();
    let text = format!("{:#}", report(&list, period));
    assert_eq!(text, PINNED);
}

const PINNED: &str = r"QoS report: 5 tickets registered in [2025-01-31 23:00:00 UTC, 2025-03-03 23:00:00 UTC)
Objectives: 10 of 10 counted against crate defaults (the policy text gives no figures)

First response: met/decided, share met, (pending)
             standard            plus             vip             all
  S1   0/1   0.0% (0)  0/0    n/a (0)  1/1 100.0% (0)  1/2  50.0% (0)
  S2   0/0    n/a (0)  1/2  50.0% (0)  0/0    n/a (0)  1/2  50.0% (0)
  S3   1/1 100.0% (0)  0/0    n/a (0)  0/0    n/a (0)  1/1 100.0% (0)
  S4   0/0    n/a (0)  0/0    n/a (0)  0/0    n/a (0)  0/0    n/a (0)
  all  1/2  50.0% (0)  1/2  50.0% (0)  1/1 100.0% (0)  3/5  60.0% (0)

Resolution: met/decided, share met, (pending)
             standard            plus             vip             all
  S1   0/0    n/a (1)  0/0    n/a (0)  1/1 100.0% (0)  1/1 100.0% (1)
  S2   0/0    n/a (0)  0/0    n/a (2)  0/0    n/a (0)  0/0    n/a (2)
  S3   0/0    n/a (1)  0/0    n/a (0)  0/0    n/a (0)  0/0    n/a (1)
  S4   0/0    n/a (0)  0/0    n/a (0)  0/0    n/a (0)  0/0    n/a (0)
  all  0/0    n/a (2)  0/0    n/a (2)  1/1 100.0% (0)  1/1 100.0% (4)

Service time of answered objectives (nearest rank; H:MM:SS)
       first response n   median      p90  resolution n   median      p90
  S1                  1  0:30:00  0:30:00             1  3:00:00  3:00:00
  S2                  2  1:00:00  2:30:00             0        -        -
  S3                  1  1:30:00  1:30:00             0        -        -
  S4                  0        -        -             0        -        -
  all                 4  1:00:00  2:30:00             1  3:00:00  3:00:00

Breaches: 2 (2 first response, 0 resolution)
  ticket  priority        registered (UTC)     objective       due (UTC)            answered (UTC)       overrun
  2       P3 standard S1  2025-03-03 08:00:00  first response  2025-03-03 09:00:00  no                   2:00:00
  4       P5 plus S2      2025-03-03 08:00:00  first response  2025-03-03 10:00:00  2025-03-03 10:30:00  0:30:00
";

/// A report says how many objectives were measured against the crate's placeholder budgets, and
/// says nothing when every budget is configured.
#[test]
fn the_report_counts_objectives_measured_against_crate_defaults() {
    let (list, _) = mixed();
    let period = mixed_period();
    assert_eq!(report(&list, period.clone()).crate_default_objectives(), 10);

    // The same budgets, configured (as a contract would give them): no caveat.
    let configured = SupportPolicy::builder()
        .objectives(support_sla::policy::Objectives::new(
            Severity::ALL.map(|s| policy().objective(Tier::Standard, s)),
        ))
        .build()
        .unwrap();
    let facts = TicketFacts::new(Tier::Plus, Severity::S2, at(3, 9, 0));
    let status = configured.status(&facts, at(3, 12, 0)).unwrap();
    let r = QosReport::new([(TicketId::new(1), status)], period);
    assert_eq!(r.crate_default_objectives(), 0);
    assert!(!r.to_string().contains("crate defaults"), "{r}");
}
