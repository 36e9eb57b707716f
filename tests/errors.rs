//! The crate's error messages, asserted exactly: each says what was wrong with which value,
//! names the supported range one way, prints durations exactly, and keeps its cause as the
//! `source()`.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use std::error::Error as _;
use support_sla::clock::Clock;
use support_sla::coverage::Coverage;
use support_sla::Error;

fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

#[test]
fn an_instant_outside_the_range_names_the_supported_range() {
    let clock = Clock::new(Coverage::always()).unwrap();
    let error = clock.is_open(utc(1999, 6, 1, 0)).unwrap_err();
    let supported = clock.supported_range();
    assert_eq!(
        error,
        Error::InstantOutOfRange {
            instant: utc(1999, 6, 1, 0),
            supported: supported.clone(),
        }
    );
    assert_eq!(
        error.to_string(),
        format!(
            "instant 1999-06-01 00:00:00 UTC is outside the supported range {} to {}",
            supported.start(),
            supported.end()
        )
    );
}

#[test]
fn a_budget_past_the_range_is_printed_exactly_even_below_a_second() {
    let clock = Clock::new(Coverage::always()).unwrap();
    let end = *clock.supported_range().end();
    let error = clock.deadline(end, TimeDelta::nanoseconds(1)).unwrap_err();
    assert_eq!(
        error,
        Error::DeadlineOutOfRange {
            start: end,
            budget: TimeDelta::nanoseconds(1),
            supported: clock.supported_range(),
        }
    );
    assert!(
        error.to_string().starts_with(&format!(
            "a budget of PT0.000000001S from {end} runs past the supported range "
        )),
        "{error}"
    );
}

#[test]
fn a_configuration_error_keeps_its_cause_as_the_source() {
    use support_sla::policy::PolicyConfig;
    use support_sla::SupportPolicy;

    let mut config = PolicyConfig::default();
    config.at_risk_per_mille = 1001;
    let error = SupportPolicy::from_config(config).unwrap_err();
    let source = error.source().unwrap();
    assert_eq!(
        source.to_string(),
        "1001 per mille is out of range: expected 0 to 1000"
    );
    assert_eq!(
        error.to_string(),
        "invalid policy field at_risk_per_mille: 1001 per mille is out of range: expected 0 to 1000"
    );
}

mod schedules {
    use chrono::{NaiveTime, Weekday};
    use support_sla::coverage::Schedule;
    use support_sla::Error;

    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn a_wrapping_range_of_days_is_refused_by_text_and_builder_alike() {
        let by_text = "fri-mon 09:00-17:00".parse::<Schedule>().unwrap_err();
        let by_builder = Schedule::builder()
            .days(Weekday::Fri, Weekday::Mon, t(9), t(17))
            .build()
            .unwrap_err();
        assert_eq!(by_text, by_builder);
        assert_eq!(
            by_text,
            Error::WrappingDays {
                first: Weekday::Fri,
                last: Weekday::Mon
            }
        );
        assert_eq!(
            by_text.to_string(),
            "days Fri to Mon wrap past Sunday: a range runs Monday to Sunday, as in mon-fri"
        );
    }

    #[test]
    fn an_empty_whole_day_window_is_refused_by_text_and_builder_alike() {
        let by_text = "sat 00:00-00:00".parse::<Schedule>().unwrap_err();
        let by_builder = Schedule::builder()
            .window(Weekday::Sat, t(0), t(0))
            .build()
            .unwrap_err();
        assert_eq!(by_text, by_builder);
        assert_eq!(
            by_text.to_string(),
            "window 00:00-00:00 on Sat is invalid: it is empty: the whole day is 00:00-24:00"
        );
        let whole: Schedule = "sat 00:00-24:00".parse().unwrap();
        assert_eq!(
            whole,
            Schedule::builder().all_day(Weekday::Sat).build().unwrap()
        );
        let evening: Schedule = "sat 18:00-00:00".parse().unwrap();
        assert_eq!(evening.to_string(), "sat 18:00-24:00");
    }

    #[test]
    fn a_wall_time_with_more_than_nine_fraction_digits_is_refused() {
        let error = "mon 09:00:00.0000000001-17:00"
            .parse::<Schedule>()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid schedule "mon 09:00:00.0000000001-17:00": a wall time must be HH:MM[:SS[.fraction]] from 00:00 to 24:00"#
        );
        let nine: Schedule = "mon 09:00:00.000000001-17:00".parse().unwrap();
        assert_eq!(nine.to_string(), "mon 09:00:00.000000001-17:00");
    }
}

#[cfg(feature = "serde")]
mod documents {
    use support_sla::coverage::SpecialHours;
    use support_sla::policy::Objective;

    #[test]
    fn an_objective_error_quotes_the_duration_as_written() {
        let error = serde_json::from_str::<Objective>(
            r#"{"first_response": "-P1D", "resolution": "PT8H"}"#,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid first_response duration "-P1D": an objective must be longer than zero"#
        );
        let error =
            serde_json::from_str::<Objective>(r#"{"first_response": "PT4H", "resolution": "P0D"}"#)
                .unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid resolution duration "P0D": an objective must be longer than zero"#
        );
    }

    #[test]
    fn a_special_hours_date_that_does_not_exist_is_reported_as_such() {
        let doc = |first: &str| {
            format!(
                r#"{{"name": "x", "first": "{first}", "last": "2025-03-01", "hours": "mon 09:00-14:00"}}"#
            )
        };
        let error = serde_json::from_str::<SpecialHours>(&doc("2025-02-30")).unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid date "2025-02-30": there is no such day in that month at line 1 column 35"#
        );
        let error = serde_json::from_str::<SpecialHours>(&doc("2025-13-01")).unwrap_err();
        assert!(
            error.to_string().starts_with(
                r#"invalid date "2025-13-01": there is no such month: months are 01 to 12"#
            ),
            "{error}"
        );
        let error = serde_json::from_str::<SpecialHours>(&doc("25-2-3")).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(r#"invalid date "25-2-3": a date must be written YYYY-MM-DD"#),
            "{error}"
        );
        assert!(serde_json::from_str::<SpecialHours>(&doc("2025-02-28")).is_ok());
    }
}

#[test]
fn an_error_quotes_at_most_80_characters_of_its_input() {
    let long = format!("mon 09:00-{}", "1".repeat(1 << 20));
    let error = long.parse::<support_sla::coverage::Schedule>().unwrap_err();
    let message = error.to_string();
    assert_eq!(
        message,
        format!(
            r#"invalid schedule "mon 09:00-{}…" ({} bytes): a wall time must be HH:MM[:SS[.fraction]] from 00:00 to 24:00"#,
            "1".repeat(70),
            long.len()
        )
    );
    let error = "x".repeat(1000).parse::<support_sla::Tier>().unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            r#"unknown tier "{}…" (1000 bytes): expected one of standard, plus, vip"#,
            "x".repeat(80)
        )
    );
}

#[test]
fn a_policy_whose_hours_never_open_is_refused_when_built() {
    use support_sla::coverage::Schedule;
    use support_sla::SupportPolicy;

    let error = SupportPolicy::builder()
        .standard_hours(Schedule::closed())
        .build()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid policy field standard_hours: coverage \"\" in Europe/Madrid is never open in the \
         supported range: its schedule has no window or every day with one is closed"
    );
    assert_eq!(
        error.source().unwrap().to_string(),
        "coverage \"\" in Europe/Madrid is never open in the supported range: its schedule has \
         no window or every day with one is closed"
    );
}

#[test]
fn overlapping_special_hours_are_quoted_and_cut() {
    use chrono::NaiveDate;
    use support_sla::coverage::{Coverage, Schedule, SpecialHours};

    let day = |d| NaiveDate::from_ymd_opt(2025, 12, d).unwrap();
    let hours: Schedule = "mon-fri 09:00-14:00".parse().unwrap();
    let long_name = "n".repeat(200);
    let a = SpecialHours::new("A", day(20), day(26), hours.clone()).unwrap();
    let b = SpecialHours::new(long_name.as_str(), day(24), day(24), hours).unwrap();
    let error = Coverage::standard()
        .with_special_hours(vec![a, b.clone()])
        .unwrap_err();
    let second = b.to_string();
    assert_eq!(
        error.to_string(),
        format!(
            r#"special hours "A 2025-12-20..2025-12-26: mon-fri 09:00-14:00" and "{}…" ({} bytes) share dates"#,
            "n".repeat(80),
            second.len()
        )
    );
}

/// The crate's error sits below the policy: `src/error.rs` names nothing of `policy`.
#[test]
fn the_error_module_imports_nothing_from_the_policy() {
    let source = include_str!("../src/error.rs");
    assert!(
        !source.contains("crate::policy"),
        "src/error.rs names crate::policy"
    );
}
