//! The calendar's rules through the public API: Easter, projection, overrides, queries.

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;
use support_sla::calendar::{
    easter_sunday, Calendar, CalendarOverrides, Holiday, Level, Provenance, SUPPORTED_YEARS,
};
use support_sla::Error;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// Easter by Gauss's algorithm with the Lichtenberg corrections: an independent formula.
#[allow(
    clippy::many_single_char_names,
    reason = "the letters are the published ones of Gauss's and Lichtenberg's formula"
)]
fn gauss_easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let k = year / 100;
    let m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
    let s = 2 - (3 * k + 3) / 4;
    let dd = (19 * a + m) % 30;
    let r = (dd + a / 11) / 29;
    let og = 21 + dd - r;
    let sz = 7 - (year + year / 4 + s) % 7;
    let oe = 7 - (og - sz) % 7;
    let os = og + oe; // day of March, may run into April
    if os > 31 {
        d(year, 4, (os - 31) as u32)
    } else {
        d(year, 3, os as u32)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn easter_matches_gauss_1900_to_2199(year in 1900i32..=2199) {
        prop_assert_eq!(easter_sunday(year), Some(gauss_easter(year)));
    }

    #[test]
    fn projected_years_never_move_a_day_onto_a_weekend(year in SUPPORTED_YEARS) {
        let cal = Calendar::madrid();
        for h in cal.holidays_in_year(year).expect("supported year") {
            if matches!(h.provenance(), Provenance::Projected) && h.name().starts_with("Lunes siguiente") {
                prop_assert!(
                    !matches!(h.date().weekday(), Weekday::Sat | Weekday::Sun),
                    "{} moved onto a weekend", h
                );
            }
        }
    }
}

#[test]
fn easter_known_dates() {
    // Spot checks from the liturgical calendar.
    assert_eq!(easter_sunday(2000), Some(d(2000, 4, 23)));
    assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
    assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
    assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
    assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25))); // latest possible date
    assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22))); // earliest possible date
}

#[test]
fn every_projected_year_has_the_fixed_days_and_easter() {
    let cal = Calendar::madrid();
    for year in SUPPORTED_YEARS {
        let days = cal.holidays_in_year(year).expect("supported year");
        if days.iter().any(|h| h.provenance().is_published()) {
            continue;
        }
        let has = |date: NaiveDate| days.iter().any(|h| h.date() == date);
        let easter = easter_sunday(year).expect("easter");
        assert!(has(easter - chrono::Days::new(3)), "Jueves Santo {year}");
        assert!(has(easter - chrono::Days::new(2)), "Viernes Santo {year}");
        for (m, day) in [
            (1, 1),
            (1, 6),
            (5, 1),
            (5, 2),
            (5, 15),
            (8, 15),
            (10, 12),
            (11, 1),
            (11, 9),
            (12, 6),
            (12, 8),
            (12, 25),
        ] {
            let date = d(year, m, day);
            // Only non-working days are listed, as in the official lists.
            assert_eq!(has(date), date.weekday() != Weekday::Sun, "{date}");
        }
        // A day on Sunday is moved when the last official year with it on a Sunday moved it:
        // 6 January (2019), 15 May (2022), 1 November and 6 December (2026), 9 November (2025),
        // 25 December (2022); not 1 January (2023), 15 August (2021), 12 October (2025),
        // 8 December (2024).
        let moved = [(1, 6), (5, 15), (11, 1), (11, 9), (12, 6), (12, 25)];
        let kept = [(1, 1), (8, 15), (10, 12), (12, 8)];
        for (m, day) in moved.into_iter().chain(kept) {
            let date = d(year, m, day);
            if date.weekday() != Weekday::Sun {
                continue;
            }
            let wanted = moved.contains(&(m, day));
            let named = days.iter().any(|h| {
                h.date() > date
                    && h.name().starts_with("Lunes siguiente")
                    && (h.date() - date).num_days() <= 3
            });
            assert_eq!(named, wanted, "{date} on Sunday");
        }
        assert!(
            days.windows(2).all(|w| w[0].date() < w[1].date()),
            "{year} sorted, no duplicates"
        );
        assert!(days
            .iter()
            .all(|h| matches!(h.provenance(), Provenance::Projected)));
    }
}

#[test]
fn projection_follows_the_last_official_sunday_of_each_day() {
    let cal = Calendar::madrid();
    // 6 January 2030 is a Sunday; 2019's Sunday 6 January was moved: Monday 7 January, regional.
    let moved = cal.holiday(d(2030, 1, 7)).unwrap().unwrap();
    assert_eq!(moved.level(), Level::Regional);
    assert_eq!(moved.name(), "Lunes siguiente a Epifanía del Señor");
    assert_eq!(moved.provenance(), &Provenance::Projected);
    // 1 January 2034 is a Sunday; 2012, 2017 and 2023 did not move it: no holiday on Monday 2.
    assert!(!cal.is_holiday(d(2034, 1, 2)).unwrap());
    assert!(!cal.is_holiday(d(2034, 1, 1)).unwrap()); // a Sunday, not listed
}

#[test]
fn twenty_fourth_and_thirty_first_of_december_are_working_days() {
    let cal = Calendar::madrid();
    for year in SUPPORTED_YEARS {
        for day in [24, 31] {
            let date = d(year, 12, day);
            assert!(!cal.is_holiday(date).expect("supported"), "{date}");
        }
    }
}

#[test]
fn out_of_range_years_are_errors_not_panics() {
    let cal = Calendar::madrid();
    let err = cal.is_holiday(d(1999, 12, 31)).unwrap_err();
    assert_eq!(
        err,
        Error::YearOutOfRange {
            year: 1999,
            supported: 2000..=2100
        }
    );
    assert_eq!(
        err.to_string(),
        "year 1999 is outside the supported range 2000..=2100"
    );
    assert!(cal.holidays_in_year(2101).is_err());
    assert!(cal.next_working_day(d(2101, 1, 1)).is_err());
    // 31 December 2100 is a Friday; no working day follows it inside the supported years.
    assert!(matches!(
        cal.next_working_day(d(2100, 12, 31)),
        Err(Error::YearOutOfRange { year: 2101, .. })
    ));
    assert!(matches!(
        cal.previous_working_day(d(2000, 1, 1)),
        Err(Error::YearOutOfRange { .. })
    ));
}

#[test]
fn next_and_previous_working_days_skip_weekends_and_holidays() {
    let cal = Calendar::madrid();
    // Wednesday 30 April 2025 → 1 May (Thu, national), 2 May (Fri, regional), weekend → Monday 5.
    assert_eq!(cal.next_working_day(d(2025, 4, 30)).unwrap(), d(2025, 5, 5));
    assert_eq!(
        cal.previous_working_day(d(2025, 5, 5)).unwrap(),
        d(2025, 4, 30)
    );
    assert!(cal.is_working_day(d(2025, 4, 30)).unwrap());
    assert!(!cal.is_working_day(d(2025, 5, 3)).unwrap());
}

#[test]
fn holidays_between_spans_years_in_order() {
    let cal = Calendar::madrid();
    let dates: Vec<NaiveDate> = cal
        .holidays_between(d(2025, 12, 1), d(2026, 1, 10))
        .unwrap()
        .map(Holiday::date)
        .collect();
    assert_eq!(
        dates,
        [
            d(2025, 12, 6),
            d(2025, 12, 8),
            d(2025, 12, 25),
            d(2026, 1, 1),
            d(2026, 1, 6)
        ]
    );
    assert_eq!(
        cal.holidays_between(d(2025, 6, 1), d(2025, 5, 1))
            .unwrap()
            .count(),
        0
    );
}

fn company(date: NaiveDate) -> Holiday {
    Holiday::new(
        date,
        Level::Company,
        "Cierre",
        Provenance::Custom {
            source: "empresa".into(),
        },
    )
}

#[test]
fn overrides_add_remove_and_replace() {
    let overrides = CalendarOverrides::new()
        .add_day(company(d(2025, 12, 24)))
        .remove_day(d(2025, 5, 2))
        .replace_year(2030, vec![company(d(2030, 3, 1))]);
    let cal = Calendar::madrid().with_overrides(&overrides).unwrap();
    assert!(cal.is_holiday(d(2025, 12, 24)).unwrap());
    assert!(!cal.is_holiday(d(2025, 5, 2)).unwrap());
    assert_eq!(cal.holidays_in_year(2030).unwrap().len(), 1);
    assert!(!cal.is_holiday(d(2030, 1, 1)).unwrap());
}

#[test]
fn override_errors_name_the_date() {
    let cal = Calendar::madrid();
    let dup = CalendarOverrides::new()
        .add_day(company(d(2025, 12, 24)))
        .add_day(company(d(2025, 12, 24)));
    assert_eq!(
        cal.clone().with_overrides(&dup).unwrap_err(),
        Error::DuplicateDate {
            date: d(2025, 12, 24)
        }
    );
    let already = CalendarOverrides::new().add_day(company(d(2025, 1, 1)));
    assert_eq!(
        cal.clone()
            .with_overrides(&already)
            .unwrap_err()
            .to_string(),
        "date 2025-01-01 is given more than once"
    );
    let missing = CalendarOverrides::new().remove_day(d(2025, 3, 3));
    assert_eq!(
        cal.clone()
            .with_overrides(&missing)
            .unwrap_err()
            .to_string(),
        "cannot remove 2025-03-03: it is not a holiday of the calendar"
    );
    let far = CalendarOverrides::new().add_day(company(d(2150, 1, 2)));
    assert_eq!(
        cal.clone().with_overrides(&far).unwrap_err(),
        Error::YearOutOfRange {
            year: 2150,
            supported: 2000..=2100
        }
    );
    let wrong_year = CalendarOverrides::new().replace_year(2030, vec![company(d(2031, 1, 2))]);
    assert_eq!(
        cal.clone()
            .with_overrides(&wrong_year)
            .unwrap_err()
            .to_string(),
        "date 2031-01-02 is not in year 2030, the year of the list it is given in"
    );
    let twice = CalendarOverrides::new()
        .remove_day(d(2025, 1, 1))
        .remove_day(d(2025, 1, 1));
    assert!(matches!(
        cal.with_overrides(&twice),
        Err(Error::DuplicateDate { .. })
    ));
}

#[cfg(feature = "serde")]
#[test]
fn overrides_deserialize_from_json_with_clear_errors() {
    let json = r#"{
        "add": [{"date": "2025-12-24", "level": "company", "name": "Nochebuena",
                 "provenance": {"custom": {"source": "convenio"}}}],
        "remove": ["2025-05-02"]
    }"#;
    let overrides: CalendarOverrides = serde_json::from_str(json).unwrap();
    let cal = Calendar::madrid().with_overrides(&overrides).unwrap();
    assert!(cal.is_holiday(d(2025, 12, 24)).unwrap());
    let twice =
        serde_json::from_str::<CalendarOverrides>(r#"{"remove": ["2025-05-02", "2025-05-02"]}"#)
            .unwrap_err();
    assert!(
        twice
            .to_string()
            .contains("date 2025-05-02 is given more than once"),
        "{twice}"
    );
    let far =
        serde_json::from_str::<CalendarOverrides>(r#"{"remove": ["2150-05-02"]}"#).unwrap_err();
    assert!(
        far.to_string()
            .contains("year 2150 is outside the supported range"),
        "{far}"
    );
    let unknown = serde_json::from_str::<CalendarOverrides>(r#"{"ad": []}"#).unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `ad`"),
        "{unknown}"
    );
    let bad_level = serde_json::from_str::<CalendarOverrides>(
        r#"{"add": [{"date": "2025-12-24", "level": "city", "name": "x", "provenance": "projected"}]}"#,
    )
    .unwrap_err();
    assert!(
        bad_level.to_string().contains("unknown variant `city`"),
        "{bad_level}"
    );
}

#[cfg(feature = "serde")]
fn arb_holiday() -> impl Strategy<Value = Holiday> {
    (
        2000i32..=2100,
        1u32..=365,
        0usize..4,
        "[a-zA-Z áé]{0,12}",
        0usize..4,
    )
        .prop_map(|(y, ord, lvl, name, prov)| {
            let date = NaiveDate::from_yo_opt(y, ord).expect("ordinal 1..=365 exists");
            let level = [
                Level::National,
                Level::Regional,
                Level::Local,
                Level::Company,
            ][lvl];
            let provenance = match prov {
                0 => Provenance::Official {
                    source: "BOE".into(),
                },
                1 => Provenance::Projected,
                2 => Provenance::Reported {
                    source: "BOCM (reference not verified)".into(),
                },
                _ => Provenance::Custom {
                    source: name.clone().into(),
                },
            };
            Holiday::new(date, level, name, provenance)
        })
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn overrides_round_trip_through_serde(
        add in prop::collection::vec(arb_holiday(), 0..6),
        remove in prop::collection::vec((2000i32..=2100, 1u32..=365), 0..4),
        replace in prop::collection::vec((2000i32..=2100, prop::collection::vec(arb_holiday(), 0..4)), 0..3),
    ) {
        let mut overrides = CalendarOverrides::new();
        for h in add { overrides = overrides.add_day(h); }
        for (y, o) in remove { overrides = overrides.remove_day(NaiveDate::from_yo_opt(y, o).expect("date")); }
        for (y, list) in replace { overrides = overrides.replace_year(y, list); }
        // Valid overrides come back equal; invalid ones (a date twice, a day outside its
        // replaced year…) are refused when read, with the error `validate` gives.
        let json = serde_json::to_string(&overrides).expect("serializes");
        let back = serde_json::from_str::<CalendarOverrides>(&json);
        match overrides.validate() {
            Ok(()) => prop_assert_eq!(back.expect("valid overrides deserialize"), overrides),
            Err(error) => {
                let refused = back.expect_err("invalid overrides are refused").to_string();
                prop_assert!(refused.contains(&error.to_string()), "{} vs {}", refused, error);
            }
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn reported_provenance_serializes_with_its_word() {
    let p = Provenance::Reported {
        source: "BOCM".into(),
    };
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(json, r#"{"reported":{"source":"BOCM"}}"#);
    assert_eq!(serde_json::from_str::<Provenance>(&json).unwrap(), p);
    assert_eq!(p.to_string(), "reported");
}
