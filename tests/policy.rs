//! The support policy through its public API: every (tier, severity) from registration to
//! deadlines to status, every intake rule of the policy text, configuration and serde.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use proptest::prelude::*;
use std::sync::OnceLock;
use support_sla::policy::{
    Accepted, CoverageKind, Objective, PlusUrgentCalls, PolicyConfig, Refusal,
};
use support_sla::status::{SlaState, TicketFacts};
use support_sla::{Channel, Error, Severity, SupportPolicy, TicketId, Tier};

/// Built once: building a policy builds three clocks.
fn policy() -> &'static SupportPolicy {
    static POLICY: OnceLock<SupportPolicy> = OnceLock::new();
    POLICY.get_or_init(SupportPolicy::madrid)
}

/// An instant in Madrid wall time, 2025.
fn madrid(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(2025, month, day, hour, minute, 0)
        .single()
        .map_or_else(
            || panic!("2025-{month}-{day} {hour}:{minute} is not a Madrid instant"),
            |t| t.to_utc(),
        )
}

fn hours(h: i64) -> TimeDelta {
    TimeDelta::hours(h)
}

// ---------------------------------------------------------------------------------------------
// Every (tier, severity): registration → deadlines → status.
// ---------------------------------------------------------------------------------------------

/// One row of the walk: what a ticket registered on Friday 6 June 2025 at 16:00 (Madrid, CEST)
/// is due, and its status on Monday 9 June at 12:00 after a first response on Friday at 17:30.
struct Walk {
    tier: Tier,
    severity: Severity,
    priority: u8,
    coverage: CoverageKind,
    response_due: DateTime<Utc>,
    resolution_due: DateTime<Utc>,
    /// Service time from registration to the response on Friday at 17:30.
    response_used: TimeDelta,
    response_met: bool,
    /// Service time from registration to `now`, Monday 9 June at 12:00.
    resolution_used: TimeDelta,
    resolution_breached: bool,
}

/// The hand-checked table. June 2025 has no Madrid holiday (San Isidro is 15 May; 24 June is not
/// a Madrid holiday) and no DST change, so the arithmetic is plain:
///
/// - Standard (Mon–Thu 09:00–17:30 = 8.5 h, Fri 09:00–14:00 = 5 h; 39 h a week): at Friday 16:00
///   it is closed, so the clock starts on Monday 9 June at 09:00.
///   S1 1h/8h → Mon 10:00 / Mon 17:00. S2 2h/16h → Mon 11:00 / Mon 8.5 h + Tue 7.5 h = Tue
///   16:30. S3 4h/40h → Mon 13:00 / Mon–Thu 34 h + Fri 5 h = 39 h, +1 h = Mon 16 June 10:00.
///   S4 8h/80h → Mon 17:00 / two weeks 78 h (to Fri 20 June 14:00), +2 h = Mon 23 June 11:00.
/// - Plus (Mon–Fri 09:00–20:00 = 11 h): open at Friday 16:00, 4 h left on Friday.
///   S1 → Fri 17:00 / 4 h Fri + 4 h Mon = Mon 13:00. S2 → Fri 18:00 / 4 + 11 + 1 = Tue 10:00.
///   S3 → Fri 20:00 (used up exactly at closing: the closing instant) / 4 + 33 (Mon–Wed) + 3 =
///   Thu 12 June 12:00. S4 → 4 h Fri + 4 h Mon = Mon 13:00 / 4 + 55 (9–13 June) + 11 (Mon 16) +
///   10 = Tue 17 June 19:00.
/// - Vip S1/S2 (around the clock): S1 → Fri 17:00 / Sat 00:00; S2 → Fri 18:00 / Sat 08:00.
/// - Vip S3/S4: Plus hours by default, so the Plus figures.
///
/// Status: the response at Friday 17:30 used 0 h of Standard time (closed), 1.5 h of Plus or
/// around-the-clock time. At Monday 12:00 the unresolved tickets used 3 h of Standard time
/// (Mon 09–12), 7 h of Plus time (Fri 16–20 + Mon 09–12) and 68 h around the clock (Fri 16:00
/// to Mon 12:00 = 2 days 20 hours).
#[allow(
    clippy::too_many_lines,
    reason = "one hand-checked row per tier and severity, eleven lines each as rustfmt lays them"
)]
fn walk() -> Vec<Walk> {
    use CoverageKind::{Always, Plus as PlusHours, Standard as StandardHours};
    use Severity::*;
    use Tier::*;
    let row = |tier,
               severity,
               priority,
               coverage,
               response_due,
               resolution_due,
               response_used,
               resolution_used,
               resolution_breached| Walk {
        tier,
        severity,
        priority,
        coverage,
        response_due,
        resolution_due,
        response_used,
        // Met iff the response (Friday 17:30) is at or before its due instant.
        response_met: madrid(6, 6, 17, 30) <= response_due,
        resolution_used,
        resolution_breached,
    };
    let std_used = hours(3);
    let plus_used = hours(7);
    let vip_used = hours(68);
    let plus_resp = TimeDelta::minutes(90);
    vec![
        row(
            Standard,
            S1,
            3,
            StandardHours,
            madrid(6, 9, 10, 0),
            madrid(6, 9, 17, 0),
            TimeDelta::zero(),
            std_used,
            false,
        ),
        row(
            Standard,
            S2,
            6,
            StandardHours,
            madrid(6, 9, 11, 0),
            madrid(6, 10, 16, 30),
            TimeDelta::zero(),
            std_used,
            false,
        ),
        row(
            Standard,
            S3,
            9,
            StandardHours,
            madrid(6, 9, 13, 0),
            madrid(6, 16, 10, 0),
            TimeDelta::zero(),
            std_used,
            false,
        ),
        row(
            Standard,
            S4,
            12,
            StandardHours,
            madrid(6, 9, 17, 0),
            madrid(6, 23, 11, 0),
            TimeDelta::zero(),
            std_used,
            false,
        ),
        row(
            Plus,
            S1,
            2,
            PlusHours,
            madrid(6, 6, 17, 0),
            madrid(6, 9, 13, 0),
            plus_resp,
            plus_used,
            false,
        ),
        row(
            Plus,
            S2,
            5,
            PlusHours,
            madrid(6, 6, 18, 0),
            madrid(6, 10, 10, 0),
            plus_resp,
            plus_used,
            false,
        ),
        row(
            Plus,
            S3,
            8,
            PlusHours,
            madrid(6, 6, 20, 0),
            madrid(6, 12, 12, 0),
            plus_resp,
            plus_used,
            false,
        ),
        row(
            Plus,
            S4,
            11,
            PlusHours,
            madrid(6, 9, 13, 0),
            madrid(6, 17, 19, 0),
            plus_resp,
            plus_used,
            false,
        ),
        row(
            Vip,
            S1,
            1,
            Always,
            madrid(6, 6, 17, 0),
            madrid(6, 7, 0, 0),
            plus_resp,
            vip_used,
            true,
        ),
        row(
            Vip,
            S2,
            4,
            Always,
            madrid(6, 6, 18, 0),
            madrid(6, 7, 8, 0),
            plus_resp,
            vip_used,
            true,
        ),
        row(
            Vip,
            S3,
            7,
            PlusHours,
            madrid(6, 6, 20, 0),
            madrid(6, 12, 12, 0),
            plus_resp,
            plus_used,
            false,
        ),
        row(
            Vip,
            S4,
            10,
            PlusHours,
            madrid(6, 9, 13, 0),
            madrid(6, 17, 19, 0),
            plus_resp,
            plus_used,
            false,
        ),
    ]
}

#[test]
fn every_tier_and_severity_from_registration_to_status() -> Result<(), Error> {
    let policy = policy();
    let registered = madrid(6, 6, 16, 0);
    let responded = madrid(6, 6, 17, 30);
    let now = madrid(6, 9, 12, 0);
    let rows = walk();
    assert_eq!(rows.len(), 12);
    for w in rows {
        let case = format!("{} {}", w.tier, w.severity);
        assert_eq!(
            policy.priority(w.tier, w.severity).rank(),
            w.priority,
            "{case}"
        );
        assert_eq!(
            policy.coverage_kind(w.tier, w.severity),
            w.coverage,
            "{case}"
        );

        let due = policy.due(w.tier, w.severity, registered)?;
        assert_eq!(due.response, w.response_due, "{case}: response due");
        assert_eq!(due.resolution, w.resolution_due, "{case}: resolution due");

        let facts = TicketFacts::new(w.tier, w.severity, registered).with_first_response(responded);
        let status = policy.status(&facts, now)?;
        assert_eq!(status.priority.rank(), w.priority, "{case}");

        let r = status.response;
        let objective = policy.objective(w.tier, w.severity);
        assert_eq!(r.budget, objective.first_response(), "{case}");
        assert_eq!(r.due, w.response_due, "{case}");
        assert_eq!(r.used, w.response_used, "{case}: response used");
        assert_eq!(r.remaining, r.budget - w.response_used, "{case}");
        let expected = if w.response_met {
            SlaState::Met { at: responded }
        } else {
            SlaState::Breached { at: w.response_due }
        };
        assert_eq!(r.state, expected, "{case}: response state");

        let s = status.resolution;
        assert_eq!(s.budget, objective.resolution(), "{case}");
        assert_eq!(s.due, w.resolution_due, "{case}");
        assert_eq!(s.used, w.resolution_used, "{case}: resolution used");
        assert_eq!(s.remaining, s.budget - w.resolution_used, "{case}");
        let expected = if w.resolution_breached {
            SlaState::Breached {
                at: w.resolution_due,
            }
        } else {
            SlaState::Pending
        };
        assert_eq!(s.state, expected, "{case}: resolution state");
    }
    Ok(())
}

#[test]
fn the_walk_breaches_only_the_one_hour_responses_that_ran_from_registration() {
    // Answered at Friday 17:30, 1.5 h after registration: only the 1-hour responses whose clock
    // was running on Friday afternoon (Plus S1 and Vip S1, due at 17:00) are late. Pin the list
    // so the table above cannot silently stop checking a breach.
    let late: Vec<String> = walk()
        .iter()
        .filter(|w| !w.response_met)
        .map(|w| format!("{} {}", w.tier, w.severity))
        .collect();
    assert_eq!(late, ["plus S1", "vip S1"]);
}

#[test]
fn a_response_exactly_at_due_is_met_and_one_nanosecond_later_is_breached() -> Result<(), Error> {
    let policy = policy();
    let registered = madrid(6, 6, 16, 0);
    let due = madrid(6, 6, 17, 0); // Plus S1: 1 h
    let on_time = TicketFacts::new(Tier::Plus, Severity::S1, registered).with_first_response(due);
    let status = policy.status(&on_time, madrid(6, 9, 12, 0))?;
    assert_eq!(status.response.state, SlaState::Met { at: due });
    assert_eq!(status.response.remaining, TimeDelta::zero());

    let late_at = due + TimeDelta::nanoseconds(1);
    let late = TicketFacts::new(Tier::Plus, Severity::S1, registered).with_first_response(late_at);
    let status = policy.status(&late, madrid(6, 9, 12, 0))?;
    assert_eq!(status.response.state, SlaState::Breached { at: due });
    assert_eq!(status.response.remaining, TimeDelta::nanoseconds(-1));
    Ok(())
}

#[test]
fn an_unanswered_objective_is_pending_at_its_due_instant_and_breached_after() -> Result<(), Error> {
    let policy = policy();
    let facts = TicketFacts::new(Tier::Vip, Severity::S1, madrid(6, 6, 16, 0));
    let due = madrid(6, 6, 17, 0);
    assert_eq!(
        policy.status(&facts, due)?.response.state,
        SlaState::Pending
    );
    let after = due + TimeDelta::nanoseconds(1);
    assert_eq!(
        policy.status(&facts, after)?.response.state,
        SlaState::Breached { at: due }
    );
    Ok(())
}

#[test]
fn a_ticket_registered_at_night_uses_no_time_until_the_next_opening() -> Result<(), Error> {
    // Standard S3 registered on Wednesday 4 June 2025 at 22:00: nothing is used until Thursday
    // 09:00; at 10:30 one and a half hours are used.
    let policy = policy();
    let facts = TicketFacts::new(Tier::Standard, Severity::S3, madrid(6, 4, 22, 0));
    let status = policy.status(&facts, madrid(6, 5, 8, 59))?;
    assert_eq!(status.response.used, TimeDelta::zero());
    let status = policy.status(&facts, madrid(6, 5, 10, 30))?;
    assert_eq!(status.response.used, TimeDelta::minutes(90));
    assert_eq!(status.response.due, madrid(6, 5, 13, 0));
    Ok(())
}

#[test]
fn the_evening_before_a_madrid_holiday() -> Result<(), Error> {
    // Plus S2 registered on Friday 5 December 2025 at 19:00: 1 h on Friday (to 20:00), the
    // weekend, then Monday 8 December (Inmaculada Concepción, national holiday) is closed, so
    // the second hour runs on Tuesday 9 December from 09:00 to 10:00 (CET).
    let policy = policy();
    let registered = Madrid.with_ymd_and_hms(2025, 12, 5, 19, 0, 0).unwrap();
    let due = policy.due(Tier::Plus, Severity::S2, registered)?;
    assert_eq!(
        due.response,
        Madrid.with_ymd_and_hms(2025, 12, 9, 10, 0, 0).unwrap()
    );
    // Vip S2 runs on holidays: 2 h later.
    let due = policy.due(Tier::Vip, Severity::S2, registered)?;
    assert_eq!(
        due.response,
        Madrid.with_ymd_and_hms(2025, 12, 5, 21, 0, 0).unwrap()
    );
    Ok(())
}

#[test]
fn instants_outside_the_supported_range_are_errors() {
    let policy = policy();
    let long_ago = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).unwrap();
    assert!(matches!(
        policy.due(Tier::Plus, Severity::S1, long_ago),
        Err(Error::InstantOutOfRange { .. })
    ));
    let facts = TicketFacts::new(Tier::Plus, Severity::S1, long_ago);
    assert!(policy.status(&facts, long_ago).is_err());
}

// ---------------------------------------------------------------------------------------------
// Intake rules, each citing the sentence of the policy it checks.
// ---------------------------------------------------------------------------------------------

const TICKET: Option<TicketId> = Some(TicketId::new(4711));

fn intake(
    tier: Tier,
    severity: Severity,
    channel: Channel,
    at: DateTime<Utc>,
    ticket: Option<TicketId>,
) -> Result<Accepted, Refusal> {
    match policy().intake(tier, severity, channel, at, ticket) {
        Ok(answer) => answer,
        Err(error) => panic!("{at} should be inside the supported range: {error}"),
    }
}

/// «Se recomienda reportar la incidencia a través del correo electrónico o el Portal de Soporte,
/// ya que estos métodos permiten registrar la incidencia automáticamente» — e-mail and web
/// register a ticket at any hour, for every tier and severity.
#[test]
fn email_and_web_are_accepted_at_any_hour_for_every_tier_and_severity() {
    let sunday_3am = madrid(6, 8, 3, 0);
    let christmas = Madrid
        .with_ymd_and_hms(2025, 12, 25, 12, 0, 0)
        .unwrap()
        .to_utc();
    for at in [sunday_3am, christmas, madrid(6, 9, 10, 0)] {
        for tier in Tier::ALL {
            for severity in Severity::ALL {
                for channel in [Channel::Email, Channel::Web] {
                    assert_eq!(
                        intake(tier, severity, channel, at, None),
                        Ok(Accepted::Register { registered: at })
                    );
                    assert_eq!(
                        intake(tier, severity, channel, at, TICKET),
                        Ok(Accepted::FollowUp {
                            ticket: TicketId::new(4711)
                        })
                    );
                }
            }
        }
    }
}

/// «En el caso de reportar una incidencia crítica o urgente (Severidad 1 ó 2), el cliente debe
/// primero reportar la incidencia por correo electrónico o web y luego avisar por teléfono (al
/// 902 321 122) sobre la criticidad de la incidencia, indicando el número de Ticket» — a call
/// never creates an S1/S2 ticket: without a ticket number it is refused, whatever the tier and
/// hour.
#[test]
fn a_severity_1_or_2_call_without_a_ticket_number_is_refused_for_every_tier() {
    let monday_10 = madrid(6, 9, 10, 0);
    for tier in Tier::ALL {
        for severity in [Severity::S1, Severity::S2] {
            assert_eq!(
                intake(tier, severity, Channel::Phone, monday_10, None),
                Err(Refusal::PhoneNeedsTicketNumber {
                    phone_number: "902 321 122".to_owned()
                })
            );
            assert_eq!(
                intake(tier, severity, Channel::Phone, monday_10, TICKET),
                Ok(Accepted::FollowUp {
                    ticket: TicketId::new(4711)
                })
            );
        }
    }
}

/// «IREO no podrá recepcionar llamadas telefónicas de Soporte Estándar salvo en casos
/// excepcionales y críticos (Severidad 1 o 2).» — Standard takes no calls for S3/S4, even in
/// office hours and with a ticket number.
#[test]
fn standard_takes_no_calls_for_severity_3_or_4() {
    let monday_10 = madrid(6, 9, 10, 0);
    for severity in [Severity::S3, Severity::S4] {
        for ticket in [None, TICKET] {
            assert_eq!(
                intake(Tier::Standard, severity, Channel::Phone, monday_10, ticket),
                Err(Refusal::PhoneNotAvailable {
                    tier: Tier::Standard,
                    severity
                })
            );
        }
    }
}

/// «Soporte técnico en español por email, web y teléfono, de lunes a jueves de 09:00 a 17:30 y
/// los viernes de 09:00 a 14:00 (salvo festivos en Madrid).» — Standard S1/S2 calls only in
/// Standard hours, half-open, closed on Madrid holidays.
#[test]
fn standard_calls_for_severity_1_or_2_only_in_standard_hours() {
    let call = |at| intake(Tier::Standard, Severity::S1, Channel::Phone, at, TICKET);
    let accepted = Ok(Accepted::FollowUp {
        ticket: TicketId::new(4711),
    });
    assert_eq!(call(madrid(6, 9, 9, 0)), accepted); // Monday at opening
    assert_eq!(call(madrid(6, 9, 17, 29)), accepted);
    assert_eq!(call(madrid(6, 13, 13, 59)), accepted); // Friday
    let outside = |next| {
        Err(Refusal::OutsidePhoneHours {
            tier: Tier::Standard,
            severity: Severity::S1,
            next_open: Some(next),
            coverage: CoverageKind::Standard,
            time_zone: Madrid,
            configured_hours: None,
        })
    };
    assert_eq!(call(madrid(6, 9, 17, 30)), outside(madrid(6, 10, 9, 0)));
    assert_eq!(call(madrid(6, 13, 14, 0)), outside(madrid(6, 16, 9, 0)));
    assert_eq!(call(madrid(6, 14, 11, 0)), outside(madrid(6, 16, 9, 0)));
    // Monday 8 December 2025, Inmaculada Concepción: closed all day.
    let holiday = Madrid
        .with_ymd_and_hms(2025, 12, 8, 11, 0, 0)
        .unwrap()
        .to_utc();
    let tuesday = Madrid
        .with_ymd_and_hms(2025, 12, 9, 9, 0, 0)
        .unwrap()
        .to_utc();
    assert_eq!(call(holiday), outside(tuesday));
}

/// «Soporte por email, web y teléfono, entre las 09:00 a 20:00 de lunes a viernes, según el
/// calendario laboral de Madrid. Permite reportar incidencias de Severidad 1 y 2 por teléfono
/// fuera del horario de soporte estándar.» — Plus S1/S2 calls also after Standard hours, inside
/// the Plus window.
#[test]
fn plus_calls_for_severity_1_or_2_also_outside_standard_hours_within_plus_hours() {
    let accepted = Ok(Accepted::FollowUp {
        ticket: TicketId::new(4711),
    });
    for severity in [Severity::S1, Severity::S2] {
        let call = |at| intake(Tier::Plus, severity, Channel::Phone, at, TICKET);
        assert_eq!(call(madrid(6, 9, 19, 0)), accepted); // Monday, after 17:30
        assert_eq!(call(madrid(6, 13, 19, 59)), accepted); // Friday, after 14:00
        assert_eq!(
            call(madrid(6, 13, 20, 0)),
            Err(Refusal::OutsidePhoneHours {
                tier: Tier::Plus,
                severity,
                next_open: Some(madrid(6, 16, 9, 0)),
                coverage: CoverageKind::Plus,
                time_zone: Madrid,
                configured_hours: None,
            })
        );
        assert!(matches!(
            call(madrid(6, 14, 10, 0)),
            Err(Refusal::OutsidePhoneHours { .. })
        ));
    }
}

/// «Soporte VIP: Soporte por email, web y teléfono. Permite reportar incidencias de Severidad 1
/// y 2 en un horario de 24x7, todos los días del año.» — Vip S1/S2 calls at any hour, holidays
/// included.
#[test]
fn vip_calls_for_severity_1_or_2_around_the_clock_every_day_of_the_year() {
    let accepted = Ok(Accepted::FollowUp {
        ticket: TicketId::new(4711),
    });
    let christmas_night = Madrid
        .with_ymd_and_hms(2025, 12, 25, 3, 0, 0)
        .unwrap()
        .to_utc();
    for severity in [Severity::S1, Severity::S2] {
        for at in [madrid(6, 8, 3, 0), madrid(6, 9, 23, 59), christmas_night] {
            assert_eq!(
                intake(Tier::Vip, severity, Channel::Phone, at, TICKET),
                accepted
            );
        }
    }
}

/// «Soporte por email, web y teléfono, entre las 09:00 a 20:00 de lunes a viernes» (Plus) and
/// «Soporte por email, web y teléfono.» (VIP) — Plus and Vip may call for S3/S4 within their
/// window (Vip S3/S4: the Plus window, the crate's default); such a call may register a ticket.
#[test]
fn plus_and_vip_call_for_severity_3_or_4_within_the_plus_window() {
    for tier in [Tier::Plus, Tier::Vip] {
        for severity in [Severity::S3, Severity::S4] {
            let monday_19 = madrid(6, 9, 19, 0);
            assert_eq!(
                intake(tier, severity, Channel::Phone, monday_19, None),
                Ok(Accepted::Register {
                    registered: monday_19
                })
            );
            assert_eq!(
                intake(tier, severity, Channel::Phone, madrid(6, 8, 3, 0), TICKET),
                Err(Refusal::OutsidePhoneHours {
                    tier,
                    severity,
                    next_open: Some(madrid(6, 9, 9, 0)),
                    coverage: CoverageKind::Plus,
                    time_zone: Madrid,
                    configured_hours: None,
                })
            );
        }
    }
}

#[test]
fn vip_low_severity_calls_follow_the_configured_coverage() -> Result<(), Error> {
    let policy = SupportPolicy::builder()
        .vip_low_severity(CoverageKind::Always)
        .build()?;
    let sunday_3am = madrid(6, 8, 3, 0);
    assert_eq!(
        policy.intake(Tier::Vip, Severity::S4, Channel::Phone, sunday_3am, TICKET)?,
        Ok(Accepted::FollowUp {
            ticket: TicketId::new(4711)
        })
    );
    Ok(())
}

#[test]
fn a_call_outside_the_supported_range_is_an_error_not_a_refusal() {
    let long_ago = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).unwrap();
    let answer = policy().intake(Tier::Plus, Severity::S1, Channel::Phone, long_ago, TICKET);
    assert!(matches!(answer, Err(Error::InstantOutOfRange { .. })));
}

#[test]
fn refusals_say_the_reason_in_plain_english_citing_the_policy() {
    let text = Refusal::PhoneNeedsTicketNumber {
        phone_number: "902 321 122".to_owned(),
    }
    .to_string();
    assert!(text.contains("e-mail or web") && text.contains("ticket number") && text.contains('«'));
    assert!(text.contains("call 902 321 122"), "{text}");
    let text = Refusal::PhoneNotAvailable {
        tier: Tier::Standard,
        severity: Severity::S3,
    }
    .to_string();
    assert!(text.contains("standard") && text.contains("S3") && text.contains('«'));
    let text = Refusal::OutsidePhoneHours {
        tier: Tier::Plus,
        severity: Severity::S1,
        next_open: Some(madrid(6, 16, 9, 0)),
        coverage: CoverageKind::Plus,
        time_zone: Madrid,
        configured_hours: None,
    }
    .to_string();
    assert!(
        text.contains("closed") && text.contains("it opens at 2025-06-16 09:00 CEST"),
        "{text}"
    );
    assert!(text.contains("«Permite reportar incidencias de Severidad 1 y 2 por teléfono"));
}

/// Texts for people show the policy's zone with its abbreviation: winter CET, summer CEST, a
/// whole minute without seconds.
#[test]
fn refusals_acknowledgements_and_closures_show_madrid_time() {
    let winter = Madrid.with_ymd_and_hms(2025, 3, 4, 9, 0, 0).unwrap();
    let refusal = Refusal::OutsidePhoneHours {
        tier: Tier::Standard,
        severity: Severity::S1,
        next_open: Some(winter.to_utc()),
        coverage: CoverageKind::Standard,
        time_zone: Madrid,
        configured_hours: None,
    };
    assert!(
        refusal
            .to_string()
            .contains("it opens at 2025-03-04 09:00 CET;"),
        "{refusal}"
    );
    let policy = policy();
    let summer = Utc.with_ymd_and_hms(2025, 7, 1, 8, 30, 15).unwrap();
    let ack = policy.acknowledgement(TicketId::new(12), summer, "down");
    assert_eq!(
        ack.to_string(),
        "ticket 12 registered at 2025-07-01 10:30:15 CEST: down \
         (severity 1 or 2: call 902 321 122 quoting ticket 12)"
    );
    assert_eq!(ack.registered, summer, "the value keeps UTC");
    let closed = policy.closure_notification(TicketId::new(12), winter);
    assert_eq!(
        closed.to_string(),
        "ticket 12 closed at 2025-03-04 09:00 CET"
    );
    // A refusal of the policy carries the policy's zone.
    let sunday = madrid(6, 8, 3, 0);
    let answer = intake(Tier::Standard, Severity::S2, Channel::Phone, sunday, TICKET);
    let text = answer.unwrap_err().to_string();
    assert!(text.contains("it opens at 2025-06-09 09:00 CEST"), "{text}");
}

/// The phone number is policy data: configured, it is the one a refusal and an acknowledgement
/// give; an empty one is refused.
#[test]
fn the_phone_number_is_configurable_and_shown() -> Result<(), Error> {
    assert_eq!(PolicyConfig::default().phone_number, "902 321 122");
    let policy = SupportPolicy::builder()
        .phone_number("+34 910 000 000")
        .build()?;
    let monday = madrid(6, 9, 10, 0);
    let refusal = policy.intake(Tier::Vip, Severity::S1, Channel::Phone, monday, None)?;
    assert_eq!(
        refusal,
        Err(Refusal::PhoneNeedsTicketNumber {
            phone_number: "+34 910 000 000".to_owned()
        })
    );
    assert!(refusal
        .unwrap_err()
        .to_string()
        .contains("call +34 910 000 000"));
    let ack = policy.acknowledgement(TicketId::new(1), monday, "x");
    assert!(ack
        .to_string()
        .contains("call +34 910 000 000 quoting ticket 1"));
    let error = SupportPolicy::builder()
        .phone_number(" ")
        .build()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid policy field phone_number: invalid phone number " ": a phone number must not be empty"#
    );
    Ok(())
}

/// «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del horario de soporte
/// estándar.» read the other way: at any hour outside Standard hours.
#[test]
fn plus_urgent_calls_at_any_hour_when_the_policy_reads_the_sentence_so() -> Result<(), Error> {
    let policy = SupportPolicy::builder()
        .plus_urgent_calls(PlusUrgentCalls::AnyHour)
        .build()?;
    assert_eq!(
        PolicyConfig::default().plus_urgent_calls,
        PlusUrgentCalls::BeyondStandardWithinPlus
    );
    let christmas_night = Madrid
        .with_ymd_and_hms(2025, 12, 25, 3, 0, 0)
        .unwrap()
        .to_utc();
    for at in [madrid(6, 14, 10, 0), madrid(6, 9, 23, 0), christmas_night] {
        for severity in [Severity::S1, Severity::S2] {
            assert_eq!(
                policy.intake(Tier::Plus, severity, Channel::Phone, at, TICKET)?,
                Ok(Accepted::FollowUp {
                    ticket: TicketId::new(4711)
                })
            );
            assert!(intake(Tier::Plus, severity, Channel::Phone, at, TICKET).is_err());
        }
        // S3/S4 and Standard keep their hours.
        assert!(policy
            .intake(Tier::Plus, Severity::S3, Channel::Phone, at, TICKET)?
            .is_err());
        assert!(policy
            .intake(Tier::Standard, Severity::S1, Channel::Phone, at, TICKET)?
            .is_err());
    }
    Ok(())
}

/// Vip Severity 3 and 4 hours are the crate's choice: a refusal names the configured coverage
/// and quotes no Plus sentence as if it were policy.
#[test]
fn a_refused_vip_low_severity_call_cites_the_configured_coverage() -> Result<(), Error> {
    let sunday = madrid(6, 8, 3, 0);
    for (policy, coverage) in [
        (policy().clone(), "plus"),
        (
            SupportPolicy::builder()
                .vip_low_severity(CoverageKind::Standard)
                .build()?,
            "standard",
        ),
    ] {
        let refusal = policy
            .intake(Tier::Vip, Severity::S3, Channel::Phone, sunday, TICKET)?
            .unwrap_err();
        let text = refusal.to_string();
        assert!(!text.contains('«'), "{text}");
        assert!(
            text.contains(&format!("follow the {coverage} coverage"))
                && text.contains("the policy text gives no hours for them"),
            "{text}"
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Configuration and serde.
// ---------------------------------------------------------------------------------------------

/// Serde: only with the (default-on) `serde` feature.
#[cfg(feature = "serde")]
mod serde_config {
    use super::*;

    #[test]
    fn the_default_policy_round_trips_through_json() -> Result<(), Box<dyn std::error::Error>> {
        let policy = SupportPolicy::default();
        let json = serde_json::to_string_pretty(policy.config())?;
        let config: PolicyConfig = serde_json::from_str(&json)?;
        assert_eq!(&config, policy.config());
        // The crate's placeholder objectives are left out: reading back keeps them marked so.
        assert!(!json.contains("objectives"), "{json}");
        assert!(config.objectives.is_crate_default());
        assert!(json.contains(r#""standard_hours": "mon-thu 09:00-17:30; fri 09:00-14:00""#));
        assert!(json.contains(r#""time_zone": "Europe/Madrid""#));

        let again: SupportPolicy = serde_json::from_str(&serde_json::to_string(&policy)?)?;
        assert_eq!(again, policy);
        // Every field may be left out: an empty document is the policy of the text.
        assert_eq!(
            serde_json::from_str::<PolicyConfig>("{}")?,
            PolicyConfig::default()
        );
        Ok(())
    }

    #[test]
    fn a_configured_policy_round_trips_through_json() -> Result<(), Box<dyn std::error::Error>> {
        let objectives = support_sla::policy::Objectives::default().with_override(
            Tier::Vip,
            Severity::S1,
            Objective::new(TimeDelta::minutes(30), TimeDelta::milliseconds(14_400_500))?,
        );
        let policy = SupportPolicy::builder()
            .standard_hours("mon-fri 08:00-15:00".parse()?)
            .objectives(objectives)
            .vip_low_severity(CoverageKind::Always)
            .time_zone(chrono_tz::Atlantic::Canary)
            .build()?;
        let json = serde_json::to_string(&policy)?;
        assert!(json.contains(r#""resolution":"PT4H0.5S""#), "{json}");
        let again: SupportPolicy = serde_json::from_str(&json)?;
        assert_eq!(again.config(), policy.config());
        assert_eq!(
            again.objective(Tier::Vip, Severity::S1).first_response(),
            TimeDelta::minutes(30)
        );
        Ok(())
    }

    /// The message of deserializing `json` into a policy, which must fail.
    fn refusal_of(json: &str) -> String {
        match serde_json::from_str::<SupportPolicy>(json) {
            Ok(_) => panic!("{json} should be refused"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn malformed_documents_give_errors_that_name_the_field() {
        let objective = |fr: &str| {
            format!(
                r#"{{"objectives": {{"default": {{
                    "s1": {{"first_response": "{fr}", "resolution": "PT8H"}},
                    "s2": {{"first_response": "PT2H", "resolution": "PT16H"}},
                    "s3": {{"first_response": "PT4H", "resolution": "PT40H"}},
                    "s4": {{"first_response": "PT8H", "resolution": "PT80H"}}}}}}}}"#
            )
        };
        let cases = [
            (
                r#"{"standard_hours": "mon-thu 09:00-17:30; fri 14:00-09:00"}"#,
                "standard_hours",
            ),
            (r#"{"plus_hours": "monday 9 to 8"}"#, "plus_hours"),
            (r#"{"time_zone": "Europe/Madird"}"#, "time_zone"),
            (r#"{"time_zone": "Europe/Madird"}"#, "Europe/Madird"),
            (r#"{"vip_low_severity": "gold"}"#, "gold"),
            (r#"{"holidays": []}"#, "holidays"),
            (
                r#"{"calendar_overrides": {"remove": ["2025-06-10"]}}"#,
                "calendar_overrides",
            ),
            (&objective("PT4X"), "first_response"),
            (&objective("PT4X"), "PT4X"),
            (&objective("PT0S"), "first_response"),
            (&objective("P1M"), "first_response"),
            (
                r#"{"objectives": {"default": {"s1": {"first_response": "PT1H", "resolution": "PT8H"}}}}"#,
                "s2",
            ),
            (
                r#"{"objectives": {"default": {"s1": {"first_response": "PT1H", "resolve": "PT8H"}}}}"#,
                "resolve",
            ),
        ];
        for (json, field) in cases {
            let message = refusal_of(json);
            assert!(
                message.contains(field),
                "{json}\n→ {message}\nshould name {field}"
            );
        }
    }

    #[test]
    fn a_duplicate_objective_override_is_refused() {
        let json = r#"{"objectives": {"default": {
            "s1": {"first_response": "PT1H", "resolution": "PT8H"},
            "s2": {"first_response": "PT2H", "resolution": "PT16H"},
            "s3": {"first_response": "PT4H", "resolution": "PT40H"},
            "s4": {"first_response": "PT8H", "resolution": "PT80H"}},
            "overrides": [
              {"tier": "vip", "severity": "s1", "first_response": "PT30M", "resolution": "PT4H"},
              {"tier": "vip", "severity": "s1", "first_response": "PT15M", "resolution": "PT4H"}]}}"#;
        let message = refusal_of(json);
        assert!(
            message.contains("vip S1") && message.contains("more than once"),
            "{message}"
        );
    }
}

#[test]
fn configuration_errors_name_the_field_and_wrap_the_cause() {
    let mut config = PolicyConfig::default();
    config.thresholds_per_mille = vec![500, 500];
    let error = SupportPolicy::from_config(config).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid policy field thresholds_per_mille: \
         thresholds must be strictly increasing: 500 per mille comes after 500"
    );
    assert!(matches!(
        error,
        Error::InvalidConfig {
            field: "thresholds_per_mille",
            ..
        }
    ));
}

#[cfg(feature = "serde")]
#[test]
fn a_document_with_an_unknown_zone_or_a_bad_schedule_names_the_field() {
    let error =
        serde_json::from_str::<PolicyConfig>(r#"{"time_zone": "Mars/Olympus"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid policy field time_zone: unknown time zone "Mars/Olympus" at line 1 column 29"#
    );
    let error = serde_json::from_str::<PolicyConfig>(r#"{"plus_hours": "fri-mon 09:00-20:00"}"#)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid policy field plus_hours: days Fri to Mon wrap past Sunday: \
         a range runs Monday to Sunday, as in mon-fri at line 1 column 37"
    );
}

#[cfg(feature = "serde")]
#[test]
fn the_configuration_holds_typed_values_and_reads_back_the_same_text() {
    let config = PolicyConfig::default();
    assert_eq!(
        config.standard_hours,
        support_sla::coverage::Schedule::standard()
    );
    assert_eq!(config.time_zone, chrono_tz::Europe::Madrid);
    let json = serde_json::to_string(&config).unwrap();
    assert!(
        json.contains(r#""standard_hours":"mon-thu 09:00-17:30; fri 09:00-14:00""#),
        "{json}"
    );
    assert!(
        json.contains(r#""plus_hours":"mon-fri 09:00-20:00""#),
        "{json}"
    );
    assert!(json.contains(r#""time_zone":"Europe/Madrid""#), "{json}");
    assert_eq!(serde_json::from_str::<PolicyConfig>(&json).unwrap(), config);
}

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

fn any_tier() -> impl Strategy<Value = Tier> {
    prop::sample::select(Tier::ALL.to_vec())
}

fn any_severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(Severity::ALL.to_vec())
}

/// An instant from 2000 to 2099, to the nanosecond.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let start = Utc
        .with_ymd_and_hms(2000, 3, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let end = Utc
        .with_ymd_and_hms(2099, 12, 31, 0, 0, 0)
        .unwrap()
        .timestamp();
    (start..end, 0u32..1_000_000_000).prop_map(|(s, n)| {
        DateTime::from_timestamp(s, n).unwrap_or_else(|| panic!("{s} is a valid timestamp"))
    })
}

/// An offset from registration, up to 30 days either way, often landing near the due instant.
fn any_offset() -> impl Strategy<Value = i64> {
    prop_oneof![
        -30 * 86_400_000_000_000i64..30 * 86_400_000_000_000i64,
        -1_000i64..1_000i64,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A status never says Met for an objective answered after its due instant, nor Breached for
    /// one answered at or before it.
    #[test]
    fn met_and_breached_follow_the_due_instant(
        tier in any_tier(),
        severity in any_severity(),
        registered in any_instant(),
        response_offset in any_offset(),
        resolution_offset in any_offset(),
        near_due in any::<bool>(),
        now_offset in any_offset(),
    ) {
        let policy = policy();
        let due = policy.due(tier, severity, registered).unwrap();
        // Either around the registration or around the due instant (nanoseconds away).
        let (response_base, resolution_base) = if near_due {
            (due.response, due.resolution)
        } else {
            (registered, registered)
        };
        let responded = response_base + TimeDelta::nanoseconds(response_offset);
        let resolved = resolution_base + TimeDelta::nanoseconds(resolution_offset);
        let now = registered + TimeDelta::nanoseconds(now_offset);
        let facts = TicketFacts::new(tier, severity, registered)
            .with_first_response(responded)
            .with_resolution(resolved);
        let status = policy.status(&facts, now).unwrap();
        for (objective, answered) in [(status.response, responded), (status.resolution, resolved)] {
            match objective.state {
                SlaState::Met { at } => {
                    prop_assert_eq!(at, answered);
                    prop_assert!(answered <= objective.due);
                }
                SlaState::Breached { at } => {
                    prop_assert_eq!(at, objective.due);
                    prop_assert!(answered > objective.due);
                }
                SlaState::Pending => prop_assert!(false, "an answered objective is never pending"),
                other => prop_assert!(false, "unknown state {:?}", other),
            }
        }
        // Unanswered: pending until due, breached after.
        let open = TicketFacts::new(tier, severity, registered);
        let status = policy.status(&open, now).unwrap();
        let expected = if now > status.response.due {
            SlaState::Breached { at: status.response.due }
        } else {
            SlaState::Pending
        };
        prop_assert_eq!(status.response.state, expected);
    }

    /// Changing only the tier towards Vip never makes a deadline later.
    #[test]
    fn a_higher_tier_is_never_due_later(
        severity in any_severity(),
        registered in any_instant(),
    ) {
        let policy = policy();
        let standard = policy.due(Tier::Standard, severity, registered).unwrap();
        let plus = policy.due(Tier::Plus, severity, registered).unwrap();
        let vip = policy.due(Tier::Vip, severity, registered).unwrap();
        prop_assert!(plus.response <= standard.response);
        prop_assert!(plus.resolution <= standard.resolution);
        prop_assert!(vip.response <= plus.response);
        prop_assert!(vip.resolution <= plus.resolution);
    }
}

#[test]
fn a_policy_is_shared_across_threads_and_cheap_to_clone() {
    fn send_sync<T: Send + Sync + Clone>() {}
    send_sync::<SupportPolicy>();
    send_sync::<Refusal>();
    send_sync::<TicketFacts>();
    assert_eq!(policy().clone(), SupportPolicy::default());
}

#[test]
fn the_default_objectives_are_the_table_of_the_design() {
    let table = [
        (Severity::S1, 1, 8),
        (Severity::S2, 2, 16),
        (Severity::S3, 4, 40),
        (Severity::S4, 8, 80),
    ];
    for tier in Tier::ALL {
        for (severity, response, resolution) in table {
            let objective = policy().objective(tier, severity);
            assert_eq!(
                objective.first_response(),
                hours(response),
                "{tier} {severity}"
            );
            assert_eq!(
                objective.resolution(),
                hours(resolution),
                "{tier} {severity}"
            );
        }
    }
}

/// «Permite reportar incidencias de Severidad 1 y 2 por teléfono fuera del horario de soporte
/// estándar.» — "also outside": a Plus S1/S2 call is taken in Standard hours too, even when the
/// configured Plus hours do not contain them; an S3/S4 call keeps to the Plus hours.
#[test]
fn plus_urgent_calls_are_taken_in_standard_hours_even_when_plus_hours_do_not_cover_them(
) -> Result<(), Box<dyn std::error::Error>> {
    let policy = SupportPolicy::builder()
        .plus_hours("mon-fri 12:00-20:00".parse()?)
        .build()?;
    let monday_10 = madrid(6, 9, 10, 0);
    assert_eq!(
        policy.intake(Tier::Plus, Severity::S1, Channel::Phone, monday_10, TICKET)?,
        Ok(Accepted::FollowUp {
            ticket: TicketId::new(4711)
        })
    );
    assert_eq!(
        policy.intake(Tier::Plus, Severity::S3, Channel::Phone, monday_10, None)?,
        Err(Refusal::OutsidePhoneHours {
            tier: Tier::Plus,
            severity: Severity::S3,
            next_open: Some(madrid(6, 9, 12, 0)),
            coverage: CoverageKind::Plus,
            time_zone: Madrid,
            configured_hours: Some(Box::new("mon-fri 12:00-20:00".parse()?)),
        })
    );
    // Saturday: both windows closed; the next opening is the earlier of the two (Monday 09:00).
    assert_eq!(
        policy.intake(
            Tier::Plus,
            Severity::S2,
            Channel::Phone,
            madrid(6, 14, 10, 0),
            TICKET
        )?,
        Err(Refusal::OutsidePhoneHours {
            tier: Tier::Plus,
            severity: Severity::S2,
            next_open: Some(madrid(6, 16, 9, 0)),
            coverage: CoverageKind::Plus,
            time_zone: Madrid,
            configured_hours: None,
        })
    );
    Ok(())
}

#[test]
fn an_objective_must_be_longer_than_zero_and_the_error_says_which() {
    let error = Objective::new(hours(1), TimeDelta::minutes(-30)).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid resolution duration "-PT30M": an objective must be longer than zero"#
    );
    let error = Objective::new(TimeDelta::zero(), hours(8)).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid first_response duration "PT0S": an objective must be longer than zero"#
    );
}

/// Hours the configuration changes are the ones a refusal gives, not the text's quote.
#[test]
fn refusals_give_configured_hours_instead_of_quoting_the_text() -> Result<(), Error> {
    let policy = SupportPolicy::builder()
        .plus_hours("mon-fri 08:00-21:00".parse()?)
        .build()?;
    let early = madrid(6, 9, 7, 30); // Monday 07:30
    let refused = policy.intake(Tier::Plus, Severity::S3, Channel::Phone, early, TICKET)?;
    let Err(refusal) = refused else {
        panic!("a Plus S3 call at 07:30 is outside the configured hours: {refused:?}");
    };
    assert!(matches!(
        &refusal,
        Refusal::OutsidePhoneHours { next_open: Some(open), configured_hours: Some(hours), .. }
            if *open == madrid(6, 9, 8, 0) && hours.to_string() == "mon-fri 08:00-21:00"
    ));
    let text = refusal.to_string();
    assert!(
        text.contains("configured: plus hours mon-fri 08:00-21:00") && !text.contains('«'),
        "{text}"
    );
    // The text's own hours are still quoted for the tier left as the text has it.
    let refused = policy.intake(Tier::Standard, Severity::S1, Channel::Phone, early, TICKET)?;
    assert!(matches!(
        refused,
        Err(Refusal::OutsidePhoneHours {
            configured_hours: None,
            ..
        })
    ));
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("«de lunes a jueves"));
    Ok(())
}
