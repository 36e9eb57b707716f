//! `Calendar::from_dates` and `Calendar::from_named_dates`: a calendar from plain dates.

use chrono::NaiveDate;
use proptest::prelude::*;
use support_sla::calendar::{Calendar, Level, Provenance};
use support_sla::Error;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn plain_dates_are_company_days_named_festivo() {
    let cal = Calendar::from_dates([d(2025, 6, 24), d(2025, 9, 11)]).unwrap();
    let days = cal.holidays_in_year(2025).unwrap();
    assert_eq!(days.len(), 2);
    for h in days {
        assert_eq!(h.level(), Level::Company);
        assert_eq!(h.name(), "Festivo");
        assert_eq!(
            h.provenance(),
            &Provenance::Custom {
                source: "Calendar::from_dates".into()
            }
        );
    }
    assert!(cal.holidays_in_year(2024).unwrap().is_empty());
}

#[test]
fn named_dates_keep_their_names_in_date_order() {
    let cal = Calendar::from_named_dates([
        (d(2025, 9, 11), "Diada".to_string()),
        (d(2025, 6, 24), "Sant Joan".to_string()),
    ])
    .unwrap();
    let names: Vec<&str> = cal
        .holidays_in_year(2025)
        .unwrap()
        .iter()
        .map(support_sla::calendar::Holiday::name)
        .collect();
    assert_eq!(names, ["Sant Joan", "Diada"]);
}

#[test]
fn duplicates_and_unsupported_years_are_refused() {
    assert_eq!(
        Calendar::from_dates([d(2025, 1, 1), d(2025, 1, 1)]),
        Err(Error::DuplicateDate {
            date: d(2025, 1, 1)
        })
    );
    assert!(matches!(
        Calendar::from_named_dates([(d(1999, 12, 31), "Nochevieja")]),
        Err(Error::YearOutOfRange { year: 1999, .. })
    ));
    assert_eq!(Calendar::from_dates([]), Ok(Calendar::empty()));
}

proptest! {
    #[test]
    fn exactly_the_given_dates_are_holidays(
        ordinals in proptest::collection::btree_set(1u32..=365, 0..40),
        probe in 1u32..=365,
    ) {
        let dates: Vec<NaiveDate> = ordinals
            .iter()
            .map(|&o| NaiveDate::from_yo_opt(2031, o).unwrap())
            .collect();
        let cal = Calendar::from_dates(dates.iter().copied()).unwrap();
        let probe = NaiveDate::from_yo_opt(2031, probe).unwrap();
        prop_assert_eq!(cal.is_holiday(probe).unwrap(), dates.contains(&probe));
    }
}
