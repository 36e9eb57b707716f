//! Hand-checked cases of the service clock with the presets and a few DST-edge schedules.
//!
//! Every expected instant is worked out by hand in the comment above it and written in UTC, so
//! the test does not lean on any time-zone conversion to state what it expects. Madrid is UTC+1
//! (CET) in winter and UTC+2 (CEST) in summer; in 2025 the clocks jump from 02:00 CET to
//! 03:00 CEST on Sunday 30 March at 01:00 UTC and fall back from 03:00 CEST to 02:00 CET on
//! Sunday 26 October at 01:00 UTC.
//!
//! The holidays used are the same in the rules-projected calendar and the official 2025
//! calendar of the city of Madrid: Jueves and Viernes Santo (17–18 April), 1 and 2 May, San
//! Isidro (15 May), Inmaculada (8 December); 24 December is a working day.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use support_sla::calendar::Calendar;
use support_sla::clock::Clock;
use support_sla::coverage::{Coverage, Schedule};

/// A Madrid wall time that happens exactly once.
fn madrid(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Madrid
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("an unambiguous Madrid wall time")
        .to_utc()
}

/// A UTC instant, for the expected values.
fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn hours(h: i64) -> TimeDelta {
    TimeDelta::hours(h)
}

fn standard() -> Clock {
    Clock::new(Coverage::standard()).unwrap()
}

fn plus() -> Clock {
    Clock::new(Coverage::plus()).unwrap()
}

fn always() -> Clock {
    Clock::new(Coverage::always()).unwrap()
}

/// `text` in Madrid, open on holidays.
fn schedule(text: &str) -> Clock {
    let schedule: Schedule = text.parse().unwrap();
    Clock::new(Coverage::ignoring_holidays(schedule)).unwrap()
}

const ONE_NS: TimeDelta = TimeDelta::nanoseconds(1);

// --- Deadlines of Standard tickets registered on a Friday at 13:00 ------------------------

#[test]
fn standard_friday_13_00_with_4_hours_is_due_monday_at_noon() {
    // Friday 28 Nov 2025 13:00 CET: 1 h left of Friday's 09:00–14:00. Saturday and Sunday are
    // closed; Monday 1 December is a working day: 3 h more from 09:00 is 12:00 CET = 11:00 UTC.
    let clock = standard();
    let registered = madrid(2025, 11, 28, 13, 0);
    let due = clock.deadline(registered, hours(4)).unwrap();
    assert_eq!(due, utc(2025, 12, 1, 11, 0));
    assert_eq!(clock.elapsed(registered, due).unwrap(), hours(4));
}

#[test]
fn standard_friday_13_00_before_inmaculada_is_due_tuesday_at_noon() {
    // Friday 5 Dec 2025 13:00 CET: 1 h on Friday; Saturday 6 (Constitución) and Sunday closed
    // anyway; Monday 8 December (Inmaculada) is a holiday; Tuesday 9: 09:00 + 3 h = 12:00 CET
    // = 11:00 UTC.
    let clock = standard();
    let registered = madrid(2025, 12, 5, 13, 0);
    let due = clock.deadline(registered, hours(4)).unwrap();
    assert_eq!(due, utc(2025, 12, 9, 11, 0));
    assert_eq!(clock.elapsed(registered, due).unwrap(), hours(4));
    // Nothing is counted on the holiday Monday.
    let monday = clock.elapsed(madrid(2025, 12, 8, 0, 0), madrid(2025, 12, 9, 0, 0));
    assert_eq!(monday.unwrap(), TimeDelta::zero());
}

// --- The evening before Madrid holidays --------------------------------------------------------

#[test]
fn plus_ticket_on_30_april_2025_at_18_00_waits_out_1_and_2_may_and_the_weekend() {
    // Wednesday 30 Apr 2025 18:00 CEST, Plus (09:00–20:00): 2 h on Wednesday. Thursday 1 May
    // and Friday 2 May are holidays, Saturday and Sunday closed. Monday 5 May: 09:00 + 2 h =
    // 11:00 CEST = 09:00 UTC.
    let clock = plus();
    let registered = madrid(2025, 4, 30, 18, 0);
    let due = clock.deadline(registered, hours(4)).unwrap();
    assert_eq!(due, utc(2025, 5, 5, 9, 0));
    assert_eq!(clock.elapsed(registered, due).unwrap(), hours(4));
}

#[test]
fn standard_ticket_on_14_may_2025_at_16_00_skips_san_isidro() {
    // Wednesday 14 May 2025 16:00 CEST, Standard: 1 h 30 min to the 17:30 close. Thursday 15 May
    // (San Isidro) is a holiday. Friday 16 May 09:00 + 2 h 30 min = 11:30 CEST = 09:30 UTC.
    let clock = standard();
    let registered = madrid(2025, 5, 14, 16, 0);
    let due = clock.deadline(registered, hours(4)).unwrap();
    assert_eq!(due, utc(2025, 5, 16, 9, 30));
    assert_eq!(clock.elapsed(registered, due).unwrap(), hours(4));
}

#[test]
fn standard_ticket_before_easter_2025_is_due_on_easter_monday() {
    // Wednesday 16 Apr 2025 17:00 CEST, 1 h: 30 min to 17:30. Jueves Santo (17) and Viernes
    // Santo (18) are holidays; Easter Monday (21) is a working day in Madrid: 09:00 + 30 min =
    // 09:30 CEST = 07:30 UTC.
    let clock = standard();
    let due = clock
        .deadline(madrid(2025, 4, 16, 17, 0), hours(1))
        .unwrap();
    assert_eq!(due, utc(2025, 4, 21, 7, 30));
}

#[test]
fn christmas_eve_is_a_working_day_and_christmas_is_not() {
    // Wednesday 24 Dec 2025: a full Standard day, 09:00–17:30 = 8 h 30 min. Thursday 25: none.
    let clock = standard();
    let eve = clock.elapsed(madrid(2025, 12, 24, 0, 0), madrid(2025, 12, 25, 0, 0));
    assert_eq!(eve.unwrap(), TimeDelta::minutes(8 * 60 + 30));
    let christmas = clock.elapsed(madrid(2025, 12, 25, 0, 0), madrid(2025, 12, 26, 0, 0));
    assert_eq!(christmas.unwrap(), TimeDelta::zero());
}

// --- Around the clock across the DST changes ---------------------------------------------------

#[test]
fn spring_forward_2025_shortens_a_24x7_day() {
    // 30 Mar 2025 00:00 CET = 29 Mar 23:00 UTC; 31 Mar 00:00 CEST = 30 Mar 22:00 UTC: 23 h.
    let clock = always();
    let day = clock.elapsed(madrid(2025, 3, 30, 0, 0), madrid(2025, 3, 31, 0, 0));
    assert_eq!(day.unwrap(), hours(23));
    // The days either side have 24 h.
    let before = clock.elapsed(madrid(2025, 3, 29, 0, 0), madrid(2025, 3, 30, 0, 0));
    assert_eq!(before.unwrap(), hours(24));
    let after = clock.elapsed(madrid(2025, 3, 31, 0, 0), madrid(2025, 4, 1, 0, 0));
    assert_eq!(after.unwrap(), hours(24));
    // 4 h from 00:30 CET (29 Mar 23:30 UTC) is 30 Mar 03:30 UTC, 05:30 CEST on the wall.
    let due = clock
        .deadline(madrid(2025, 3, 30, 0, 30), hours(4))
        .unwrap();
    assert_eq!(due, utc(2025, 3, 30, 3, 30));
}

#[test]
fn fall_back_2025_lengthens_a_24x7_day() {
    // 26 Oct 2025 00:00 CEST = 25 Oct 22:00 UTC; 27 Oct 00:00 CET = 26 Oct 23:00 UTC: 25 h.
    let clock = always();
    let day = clock.elapsed(madrid(2025, 10, 26, 0, 0), madrid(2025, 10, 27, 0, 0));
    assert_eq!(day.unwrap(), hours(25));
    assert_eq!(
        clock
            .elapsed(madrid(2025, 10, 27, 0, 0), madrid(2025, 10, 26, 0, 0))
            .unwrap(),
        hours(-25)
    );
}

#[test]
fn a_24x7_budget_across_the_october_change_counts_the_repeated_hour() {
    // 26 Oct 2025 00:30 CEST = 25 Oct 22:30 UTC; 4 h of real time later is 26 Oct 02:30 UTC,
    // which the wall shows as 03:30 CET (the hour 02:00–03:00 was lived twice).
    let clock = always();
    let start = madrid(2025, 10, 26, 0, 30);
    assert_eq!(start, utc(2025, 10, 25, 22, 30));
    let due = clock.deadline(start, hours(4)).unwrap();
    assert_eq!(due, utc(2025, 10, 26, 2, 30));
    assert_eq!(
        due.with_timezone(&Madrid).to_rfc3339(),
        "2025-10-26T03:30:00+01:00"
    );
    // And back again.
    assert_eq!(clock.deadline(due, hours(-4)).unwrap(), start);
    // Around the clock never closes inside the supported range.
    assert_eq!(clock.next_close(start).unwrap(), None);
    assert_eq!(clock.next_open(start).unwrap(), Some(start));
}

// --- Window edges inside the skipped and the repeated hour -----------------------------------

#[test]
fn an_opening_inside_the_skipped_hour_opens_at_the_jump() {
    // "sun 02:30-04:00". On 30 Mar 2025 the wall goes from 01:59:59 CET to 03:00 CEST at
    // 01:00 UTC; 02:30 never happens, so the window opens at the jump (01:00 UTC) and closes at
    // 04:00 CEST = 02:00 UTC: 1 h instead of the 1 h 30 min of an ordinary Sunday.
    let clock = schedule("sun 02:30-04:00");
    let day = clock.elapsed(madrid(2025, 3, 30, 0, 0), madrid(2025, 3, 31, 0, 0));
    assert_eq!(day.unwrap(), hours(1));
    let ordinary = clock.elapsed(madrid(2025, 3, 23, 0, 0), madrid(2025, 3, 24, 0, 0));
    assert_eq!(ordinary.unwrap(), TimeDelta::minutes(90));
    let opening = utc(2025, 3, 30, 1, 0);
    assert_eq!(
        clock.next_open(madrid(2025, 3, 29, 12, 0)).unwrap(),
        Some(opening)
    );
    assert!(clock.is_open(opening).unwrap());
    assert!(!clock.is_open(opening - ONE_NS).unwrap());
    assert_eq!(
        clock.next_close(opening).unwrap(),
        Some(utc(2025, 3, 30, 2, 0))
    );
}

#[test]
fn a_closing_inside_the_skipped_hour_closes_at_the_jump() {
    // "sun 01:00-02:30" on 30 Mar 2025: opens 01:00 CET = 00:00 UTC; 02:30 never happens, so it
    // closes at the jump, 01:00 UTC: 1 h.
    let clock = schedule("sun 01:00-02:30");
    let day = clock.elapsed(madrid(2025, 3, 30, 0, 0), madrid(2025, 3, 31, 0, 0));
    assert_eq!(day.unwrap(), hours(1));
    assert_eq!(
        clock.next_close(utc(2025, 3, 30, 0, 30)).unwrap(),
        Some(utc(2025, 3, 30, 1, 0))
    );
}

#[test]
fn an_opening_inside_the_repeated_hour_opens_at_its_first_pass() {
    // "sun 02:30-04:00" on 26 Oct 2025: 02:30 happens twice, first at 02:30 CEST = 00:30 UTC;
    // the window opens then and closes at 04:00 CET = 03:00 UTC: 2 h 30 min.
    let clock = schedule("sun 02:30-04:00");
    let day = clock.elapsed(madrid(2025, 10, 26, 0, 0), madrid(2025, 10, 27, 0, 0));
    assert_eq!(day.unwrap(), TimeDelta::minutes(150));
    assert_eq!(
        clock.next_open(madrid(2025, 10, 26, 0, 0)).unwrap(),
        Some(utc(2025, 10, 26, 0, 30))
    );
}

#[test]
fn a_closing_inside_the_repeated_hour_closes_at_its_first_pass() {
    // "sun 01:00-02:30" on 26 Oct 2025: opens 01:00 CEST = 25 Oct 23:00 UTC, closes at the first
    // 02:30 (CEST) = 00:30 UTC: 1 h 30 min. The second pass of 02:00–02:30 (CET, 01:00–01:30
    // UTC) is closed.
    let clock = schedule("sun 01:00-02:30");
    let day = clock.elapsed(madrid(2025, 10, 26, 0, 0), madrid(2025, 10, 27, 0, 0));
    assert_eq!(day.unwrap(), TimeDelta::minutes(90));
    assert!(clock.is_open(utc(2025, 10, 26, 0, 15)).unwrap());
    assert!(!clock.is_open(utc(2025, 10, 26, 1, 15)).unwrap());
    assert_eq!(
        clock.next_close(utc(2025, 10, 25, 23, 0)).unwrap(),
        Some(utc(2025, 10, 26, 0, 30))
    );
}

// --- Budgets used up exactly at an edge, and zero budgets -----------------------------------

#[test]
fn a_budget_used_up_at_closing_time_is_due_at_the_close() {
    // Friday 7 Mar 2025 10:00 CET + 4 h: Friday closes at 14:00 CET = 13:00 UTC, exactly when
    // the budget is used up: the close, not Monday's opening.
    let clock = standard();
    let due = clock.deadline(madrid(2025, 3, 7, 10, 0), hours(4)).unwrap();
    assert_eq!(due, utc(2025, 3, 7, 13, 0));
    // Monday 3 Mar 2025 from 09:00, the whole 8 h 30 min day: 17:30 CET = 16:30 UTC.
    let due = clock
        .deadline(madrid(2025, 3, 3, 9, 0), TimeDelta::minutes(510))
        .unwrap();
    assert_eq!(due, utc(2025, 3, 3, 16, 30));
    // One nanosecond more spills into Tuesday's opening: 09:00 CET = 08:00 UTC, plus 1 ns.
    let due = clock
        .deadline(madrid(2025, 3, 3, 9, 0), TimeDelta::minutes(510) + ONE_NS)
        .unwrap();
    assert_eq!(due, utc(2025, 3, 4, 8, 0) + ONE_NS);
}

#[test]
fn a_backward_budget_used_up_at_opening_time_is_the_opening() {
    // Monday 10 Mar 2025 10:00 CET, 1 h back: Monday's opening 09:00 CET = 08:00 UTC, not
    // Friday's close.
    let clock = standard();
    let start = madrid(2025, 3, 10, 10, 0);
    assert_eq!(
        clock.deadline(start, hours(-1)).unwrap(),
        utc(2025, 3, 10, 8, 0)
    );
    // 2 h back: 1 h on Monday, then Friday 7 Mar 14:00 − 1 h = 13:00 CET = 12:00 UTC.
    assert_eq!(
        clock.deadline(start, hours(-2)).unwrap(),
        utc(2025, 3, 7, 12, 0)
    );
    // Plus, Monday 5 May 2025 10:00 CEST, 3 h back: 1 h on Monday; the weekend and the holidays
    // of 2 and 1 May count nothing; Wednesday 30 April 20:00 − 2 h = 18:00 CEST = 16:00 UTC.
    assert_eq!(
        plus()
            .deadline(madrid(2025, 5, 5, 10, 0), hours(-3))
            .unwrap(),
        utc(2025, 4, 30, 16, 0)
    );
}

#[test]
fn a_zero_budget_is_due_at_the_start_even_when_closed() {
    // Saturday 8 Mar 2025 12:00 CET = 11:00 UTC: closed, but a zero budget is the start itself.
    let clock = standard();
    let saturday = madrid(2025, 3, 8, 12, 0);
    assert_eq!(saturday, utc(2025, 3, 8, 11, 0));
    assert_eq!(
        clock.deadline(saturday, TimeDelta::zero()).unwrap(),
        saturday
    );
    let monday = madrid(2025, 3, 10, 10, 0);
    assert_eq!(clock.deadline(monday, TimeDelta::zero()).unwrap(), monday);
}

// --- Opening and closing ---------------------------------------------------------------------

#[test]
fn standard_is_closed_at_17_30_on_a_monday() {
    // Monday 3 Mar 2025, [09:00, 17:30) CET.
    let clock = standard();
    assert!(!clock.is_open(madrid(2025, 3, 3, 17, 30)).unwrap());
    assert!(clock.is_open(madrid(2025, 3, 3, 17, 30) - ONE_NS).unwrap());
    assert!(clock.is_open(madrid(2025, 3, 3, 9, 0)).unwrap());
    assert!(!clock.is_open(madrid(2025, 3, 3, 9, 0) - ONE_NS).unwrap());
}

#[test]
fn standard_opens_on_monday_after_a_friday_afternoon_and_closes_at_14_00_on_friday() {
    let clock = standard();
    // Friday 7 Mar 2025 15:00 CET: closed now (next_close is the instant itself); opens Monday
    // 10 March 09:00 CET = 08:00 UTC.
    let friday = madrid(2025, 3, 7, 15, 0);
    assert_eq!(clock.next_close(friday).unwrap(), Some(friday));
    assert_eq!(
        clock.next_open(friday).unwrap(),
        Some(utc(2025, 3, 10, 8, 0))
    );
    // Friday 10:00 CET: open now (next_open is the instant itself); closes 14:00 CET = 13:00 UTC.
    let morning = madrid(2025, 3, 7, 10, 0);
    assert_eq!(clock.next_open(morning).unwrap(), Some(morning));
    assert_eq!(
        clock.next_close(morning).unwrap(),
        Some(utc(2025, 3, 7, 13, 0))
    );
}

#[test]
fn next_open_skips_holidays() {
    // Plus, Wednesday 30 Apr 2025 21:00 CEST: 1 and 2 May are holidays, then the weekend;
    // Monday 5 May 09:00 CEST = 07:00 UTC.
    assert_eq!(
        plus().next_open(madrid(2025, 4, 30, 21, 0)).unwrap(),
        Some(utc(2025, 5, 5, 7, 0))
    );
    // Standard, Wednesday 14 May 2025 18:00 CEST: San Isidro on the 15th; Friday 16 May
    // 09:00 CEST = 07:00 UTC.
    assert_eq!(
        standard().next_open(madrid(2025, 5, 14, 18, 0)).unwrap(),
        Some(utc(2025, 5, 16, 7, 0))
    );
    // Standard, Friday 5 Dec 2025 15:00 CET: Inmaculada on Monday 8; Tuesday 9 Dec 09:00 CET
    // = 08:00 UTC.
    assert_eq!(
        standard().next_open(madrid(2025, 12, 5, 15, 0)).unwrap(),
        Some(utc(2025, 12, 9, 8, 0))
    );
}

#[test]
fn a_night_shift_across_midnight_is_one_stretch() {
    // "mon-fri 00:00-06:00 22:00-24:00": Monday 3 Mar 2025 23:00 CET is open until Tuesday
    // 06:00 CET = 05:00 UTC (22:00–24:00 and 00:00–06:00 touch).
    let clock = schedule("mon-fri 00:00-06:00 22:00-24:00");
    assert_eq!(
        clock.next_close(madrid(2025, 3, 3, 23, 0)).unwrap(),
        Some(utc(2025, 3, 4, 5, 0))
    );
    // Friday 7 Mar 23:00 CET: Saturday has no 00:00–06:00, so it closes at midnight, 23:00 UTC.
    assert_eq!(
        clock.next_close(madrid(2025, 3, 7, 23, 0)).unwrap(),
        Some(utc(2025, 3, 7, 23, 0))
    );
    // Monday 22:00 to Tuesday 06:00 is 8 h of service.
    let night = clock.elapsed(madrid(2025, 3, 3, 22, 0), madrid(2025, 3, 4, 6, 0));
    assert_eq!(night.unwrap(), hours(8));
}

#[test]
fn a_holiday_closes_the_whole_local_day_of_a_night_shift() {
    // The same night shift on the Madrid calendar: Monday 8 Dec 2025 (Inmaculada) is closed
    // all day, so Sunday night has no shift and Monday's 22:00–24:00 is gone too; Tuesday's
    // 00:00–06:00 is worked. From Monday 00:00 CET to Tuesday 12:00 CET: only Tuesday's 6 h.
    let schedule: Schedule = "mon-fri 00:00-06:00 22:00-24:00".parse().unwrap();
    let clock = Clock::new(Coverage::new(schedule, Calendar::madrid())).unwrap();
    let span = clock.elapsed(madrid(2025, 12, 8, 0, 0), madrid(2025, 12, 9, 12, 0));
    assert_eq!(span.unwrap(), hours(6));
    // So at Monday 23:00 CET it is closed and opens Tuesday 00:00 CET = Monday 23:00 UTC.
    assert!(!clock.is_open(madrid(2025, 12, 8, 23, 0)).unwrap());
    assert_eq!(
        clock.next_open(madrid(2025, 12, 8, 12, 0)).unwrap(),
        Some(utc(2025, 12, 8, 23, 0))
    );
}
