//! The shipped official calendars of the city of Madrid, 2010–2026 (2027 projected), through the public API.
//!
//! Each table below is typed from the year's sources (the BOE resolution of the Dirección General
//! de Trabajo, the Comunidad de Madrid decree, the city's local days as published and reported),
//! not generated from the data module, so each test is an independent check of it. A row is
//! `(month, day, level)`; only non-working days are listed (a Sunday holiday that was not moved is
//! absent, a Saturday holiday is present).

use chrono::{Datelike, NaiveDate, Weekday};
use support_sla::calendar::{Calendar, Level, Provenance};

use Level::{Local as L, National as N, Regional as R};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// Compares the whole calendar of `year` with `expected`: the same dates, in order, with the same
/// levels, and every day published (official where its bulletin was read, reported
/// otherwise) with a non-empty source.
fn check(year: i32, expected: &[(u32, u32, Level)]) {
    let cal = Calendar::madrid();
    let days = cal.holidays_in_year(year).expect("year is supported");
    let actual: Vec<(NaiveDate, Level)> = days.iter().map(|h| (h.date(), h.level())).collect();
    let wanted: Vec<(NaiveDate, Level)> = expected
        .iter()
        .map(|&(m, day, level)| (d(year, m, day), level))
        .collect();
    assert_eq!(actual, wanted, "holidays of {year}");
    for h in days {
        assert!(
            h.provenance().is_published(),
            "{} is not published",
            h.date()
        );
        let source = h.provenance().source().unwrap_or_default();
        assert!(!source.is_empty(), "{} has no source", h.date());
        assert!(!h.name().is_empty(), "{} has no name", h.date());
        // Official only where the bulletin was read: a source that says what was not verified,
        // or a day chosen between sources, is reported.
        let unread = source.contains("not verified") || source.contains("best-supported");
        match h.provenance() {
            Provenance::Official { .. } => assert!(!unread, "{} official from {source}", h.date()),
            Provenance::Reported { .. } => assert!(unread, "{} reported from {source}", h.date()),
            other => panic!("{} is {other}", h.date()),
        }
    }
}

/// Madrid 2010: BOE-A-2009-18477 (fiestas laborales 2010); Comunidad de Madrid: San José and Corpus
/// Christi (3 June), 2 May and 15 August on Sunday not moved; city: 15 May (Saturday), 9 November.
#[test]
fn madrid_2010_matches_the_published_list() {
    check(
        2010,
        &[
            (1, 1, N),
            (1, 6, N),
            (3, 19, R),
            (4, 1, N),
            (4, 2, N),
            (5, 1, N),
            (5, 15, L),
            (6, 3, R),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2011: BOE-A-2010-15722, Resolución de 7 de octubre de 2010; Comunidad de Madrid: 2 May,
/// Corpus Christi (23 June), Santiago (25 July); 1 May and 25 December on Sunday not moved;
/// city: San Isidro moved to Monday 16 May (best-supported choice, not read in a bulletin).
#[test]
fn madrid_2011_matches_the_published_list() {
    check(
        2011,
        &[
            (1, 1, N),
            (1, 6, N),
            (4, 21, N),
            (4, 22, N),
            (5, 2, R),
            (5, 16, L),
            (6, 23, R),
            (7, 25, R),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
        ],
    );
}

/// Madrid 2012: BOE-A-2011-16116, Resolución de 6 de octubre de 2011; Comunidad de Madrid: San José,
/// 2 May; 1 January on Sunday not moved; city: 15 May, 9 November.
#[test]
fn madrid_2012_matches_the_published_list() {
    check(
        2012,
        &[
            (1, 6, N),
            (3, 19, R),
            (4, 5, N),
            (4, 6, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2013: BOE-A-2012-13644, Resolución de 30 de octubre de 2012; Comunidad de Madrid: 7 January
/// (Epifanía moved), 18 March (San José moved), 2 May; city (Pleno, 2012): 15 May, 9 November.
#[test]
fn madrid_2013_matches_the_published_list() {
    check(
        2013,
        &[
            (1, 1, N),
            (1, 7, R),
            (3, 18, R),
            (3, 28, N),
            (3, 29, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2014: BOE-A-2013-12147, Resolución de 8 de noviembre de 2013; Comunidad de Madrid: 2 May,
/// Corpus Christi (19 June); 12 October on Sunday not moved; city: 15 May and La Almudena moved
/// to Monday 10 November (sources disagree, see the data module).
#[test]
fn madrid_2014_matches_the_published_list() {
    check(
        2014,
        &[
            (1, 1, N),
            (1, 6, N),
            (4, 17, N),
            (4, 18, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (6, 19, R),
            (8, 15, N),
            (11, 1, N),
            (11, 10, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2015: BOE-A-2014-10823, Resolución de 17 de octubre de 2014; Decreto 109/2014, de 18 de
/// septiembre (BOCM de 19 de septiembre de 2014): San José, 2 May, Corpus Christi (4 June);
/// 1 November and 6 December on Sunday not moved; city: 15 May, 9 November.
#[test]
fn madrid_2015_matches_the_published_list() {
    check(
        2015,
        &[
            (1, 1, N),
            (1, 6, N),
            (3, 19, R),
            (4, 2, N),
            (4, 3, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (6, 4, R),
            (8, 15, N),
            (10, 12, N),
            (11, 9, L),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2016: BOE-A-2015-11348, Resolución de 19 de octubre de 2015; Comunidad de Madrid: 2 May,
/// Santiago, 26 December (Natividad moved); city: San Isidro moved to 16 May, 9 November.
#[test]
fn madrid_2016_matches_the_published_list() {
    check(
        2016,
        &[
            (1, 1, N),
            (1, 6, N),
            (3, 24, N),
            (3, 25, N),
            (5, 2, R),
            (5, 16, L),
            (7, 25, R),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 26, R),
        ],
    );
}

/// Madrid 2017: BOE-A-2016-9244, Resolución de 4 de octubre de 2016; Comunidad de Madrid: 20 March
/// (San José moved), 2 May; 1 January on Sunday not moved; city: 15 May, 9 November.
#[test]
fn madrid_2017_matches_the_published_list() {
    check(
        2017,
        &[
            (1, 6, N),
            (3, 20, R),
            (4, 13, N),
            (4, 14, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2018: BOE-A-2017-11639; Comunidad de Madrid (Consejo de Gobierno, 26 September 2017): 2 May
/// instead of San José; city: 15 May, 9 November.
#[test]
fn madrid_2018_matches_the_published_list() {
    check(
        2018,
        &[
            (1, 1, N),
            (1, 6, N),
            (3, 29, N),
            (3, 30, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2019: BOE-A-2018-14369, Resolución de 16 de octubre de 2018; Comunidad de Madrid: 7 January
/// and 9 December (Sunday holidays moved), 2 May; city: 15 May, 9 November (Saturday).
#[test]
fn madrid_2019_matches_the_published_list() {
    check(
        2019,
        &[
            (1, 1, N),
            (1, 7, R),
            (4, 18, N),
            (4, 19, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 9, R),
            (12, 25, N),
        ],
    );
}

/// Madrid 2020: BOE-A-2019-14552, Resolución de 3 de octubre de 2019; Comunidad de Madrid (Consejo de
/// Gobierno, 24 September 2019): 2 May, 2 November and 7 December (Sunday holidays moved); city:
/// 15 May, 9 November.
#[test]
fn madrid_2020_matches_the_published_list() {
    check(
        2020,
        &[
            (1, 1, N),
            (1, 6, N),
            (4, 9, N),
            (4, 10, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 2, R),
            (11, 9, L),
            (12, 7, R),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2021: BOE-A-2020-13343, Resolución de 28 de octubre de 2020; Comunidad de Madrid: San José,
/// 3 May (Fiesta de la Comunidad moved); 15 August on Sunday not moved; city: 15 May (Saturday,
/// not moved), 9 November.
#[test]
fn madrid_2021_matches_the_published_list() {
    check(
        2021,
        &[
            (1, 1, N),
            (1, 6, N),
            (3, 19, R),
            (4, 1, N),
            (4, 2, N),
            (5, 1, N),
            (5, 3, R),
            (5, 15, L),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2022: BOE-A-2021-17113, Resolución de 14 de octubre de 2021; Comunidad de Madrid: 2 May,
/// Santiago, 26 December (Natividad moved); city (BOCM de 9 de diciembre de 2021): San Isidro
/// moved to 16 May, 9 November.
#[test]
fn madrid_2022_matches_the_published_list() {
    check(
        2022,
        &[
            (1, 1, N),
            (1, 6, N),
            (4, 14, N),
            (4, 15, N),
            (5, 2, R),
            (5, 16, L),
            (7, 25, R),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 26, R),
        ],
    );
}

/// Madrid 2023: BOE-A-2022-16755, Resolución de 7 de octubre de 2022; Comunidad de Madrid (Consejo de
/// Gobierno, 21 September 2022): 20 March (San José moved), 2 May; 1 January on Sunday not moved;
/// city: 15 May, 9 November.
#[test]
fn madrid_2023_matches_the_published_list() {
    check(
        2023,
        &[
            (1, 6, N),
            (3, 20, R),
            (4, 6, N),
            (4, 7, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2024: BOE-A-2023-22014, Resolución de 23 de octubre de 2023; Comunidad de Madrid: 2 May,
/// Santiago; 8 December on Sunday not moved; city: 15 May, 9 November (Saturday).
#[test]
fn madrid_2024_matches_the_published_list() {
    check(
        2024,
        &[
            (1, 1, N),
            (1, 6, N),
            (3, 28, N),
            (3, 29, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (7, 25, R),
            (8, 15, N),
            (10, 12, N),
            (11, 1, N),
            (11, 9, L),
            (12, 6, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2025: BOE-A-2024-21316, Resolución de 15 de octubre de 2024; Comunidad de Madrid: 2 May,
/// Santiago; 12 October on Sunday not moved; city (Pleno de octubre de 2024): 15 May and La
/// Almudena moved to Monday 10 November.
#[test]
fn madrid_2025_matches_the_published_list() {
    check(
        2025,
        &[
            (1, 1, N),
            (1, 6, N),
            (4, 17, N),
            (4, 18, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (7, 25, R),
            (8, 15, N),
            (11, 1, N),
            (11, 10, L),
            (12, 6, N),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// Madrid 2026: BOE-A-2025-21667; Comunidad de Madrid (Consejo de Gobierno, 24 September 2025): 2 May,
/// 2 November and 7 December (Sunday holidays moved); city (Pleno de 30 de septiembre de 2025):
/// 15 May, 9 November.
#[test]
fn madrid_2026_matches_the_published_list() {
    check(
        2026,
        &[
            (1, 1, N),
            (1, 6, N),
            (4, 2, N),
            (4, 3, N),
            (5, 1, N),
            (5, 2, R),
            (5, 15, L),
            (8, 15, N),
            (10, 12, N),
            (11, 2, R),
            (11, 9, L),
            (12, 7, R),
            (12, 8, N),
            (12, 25, N),
        ],
    );
}

/// 2027 is not shipped as official: its bulletins could not be checked when the data was
/// written (see `src/calendar/madrid.rs`), so every day of it must say `projected`.
#[test]
fn madrid_2027_is_projected_until_its_decree_is_checked() {
    let cal = Calendar::madrid();
    let days = cal.holidays_in_year(2027).expect("2027 is supported");
    assert!(!days.is_empty());
    assert!(days
        .iter()
        .all(|h| matches!(h.provenance(), Provenance::Projected)));
}

/// Año Nuevo, the Fiesta Nacional de España and Navidad are non-substitutable national holidays
/// (Estatuto de los Trabajadores, art. 37.2): a holiday in every official year unless on Sunday.
#[test]
fn fixed_national_days_are_holidays_unless_sunday() {
    let cal = Calendar::madrid();
    for year in 2010..=2027 {
        for (m, day) in [(1, 1), (10, 12), (12, 25)] {
            let date = d(year, m, day);
            if date.weekday() != Weekday::Sun {
                assert!(
                    cal.is_holiday(date).expect("year is supported"),
                    "{date} should be a holiday"
                );
            }
        }
    }
}

/// Every official year has the legal fourteen non-working days (twelve national or regional, two
/// local), none of them on a Sunday.
#[test]
fn every_official_year_has_fourteen_days_none_on_sunday() {
    let cal = Calendar::madrid();
    for year in 2010..=2026 {
        let days = cal.holidays_in_year(year).expect("year is supported");
        assert_eq!(days.len(), 14, "{year}");
        let local = days.iter().filter(|h| h.level() == Level::Local).count();
        assert_eq!(local, 2, "local days of {year}");
        for h in days {
            assert_ne!(h.date().weekday(), Weekday::Sun, "{} is a Sunday", h.date());
        }
    }
}

/// The two local days chosen between sources (2011 San Isidro, 2014 La Almudena) are reported,
/// and the national days of a year whose BOE resolution was read are official.
#[test]
fn uncertain_days_are_reported_and_read_bulletins_official() {
    let cal = Calendar::madrid();
    for date in [d(2011, 5, 16), d(2014, 11, 10)] {
        let h = cal.holiday(date).unwrap().unwrap();
        assert!(matches!(h.provenance(), Provenance::Reported { .. }), "{h}");
        assert_eq!(h.provenance().to_string(), "reported");
    }
    let new_year = cal.holiday(d(2025, 1, 1)).unwrap().unwrap();
    assert!(new_year.provenance().is_official());
    assert!(new_year
        .provenance()
        .source()
        .unwrap()
        .contains("BOE-A-2024-21316"));
    let reported = (2010..=2026)
        .flat_map(|y| cal.holidays_in_year(y).unwrap().to_vec())
        .filter(|h| matches!(h.provenance(), Provenance::Reported { .. }))
        .count();
    let official = (2010..=2026)
        .flat_map(|y| cal.holidays_in_year(y).unwrap().to_vec())
        .filter(|h| h.provenance().is_official())
        .count();
    assert_eq!((official, reported), (OFFICIAL_ROWS, REPORTED_ROWS));
}

const OFFICIAL_ROWS: usize = 136;
const REPORTED_ROWS: usize = 102;
