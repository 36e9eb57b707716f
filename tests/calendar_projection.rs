//! The projection backtest: each official year 2016–2026 projected from the official years
//! before it only, counting the days that differ from the official list, for the rule the crate
//! used before (every national or local day on a Sunday moved to the next free weekday) and for
//! the rule it uses now ([`project_year`], learned from the official years).
//!
//! A day "differs" when it is a non-working day in one list and not in the other; Sundays are
//! left out of both sides (a Sunday holiday changes no working day). The old rule is written
//! here again from its description, sharing no code with `src/`.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;
use support_sla::calendar::{easter_sunday, project_year, Calendar, YearList};

const FIRST_OFFICIAL: i32 = 2010;
const BACKTESTED: std::ops::RangeInclusive<i32> = 2016..=2026;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn weekday_set(dates: impl IntoIterator<Item = NaiveDate>) -> BTreeSet<NaiveDate> {
    dates
        .into_iter()
        .filter(|date| date.weekday() != Weekday::Sun)
        .collect()
}

fn official(year: i32) -> Vec<NaiveDate> {
    Calendar::madrid()
        .holidays_in_year(year)
        .unwrap()
        .iter()
        .map(support_sla::calendar::Holiday::date)
        .collect()
}

/// The rule before: fixed national days, Easter, 2 May, San Isidro, La Almudena; every national
/// or local day on Sunday (not 2 May) moves to the next weekday that is not a holiday.
fn old_rule(year: i32) -> Vec<NaiveDate> {
    let easter = easter_sunday(year).unwrap();
    let movable = [
        (1, 1),
        (1, 6),
        (5, 1),
        (5, 15),
        (8, 15),
        (10, 12),
        (11, 1),
        (11, 9),
        (12, 6),
        (12, 8),
        (12, 25),
    ];
    let mut days: Vec<NaiveDate> = movable.iter().map(|&(m, day)| d(year, m, day)).collect();
    days.push(d(year, 5, 2));
    days.push(easter - Days::new(3));
    days.push(easter - Days::new(2));
    for &(m, day) in &movable {
        let date = d(year, m, day);
        if date.weekday() != Weekday::Sun {
            continue;
        }
        let mut next = date.succ_opt().unwrap();
        while matches!(next.weekday(), Weekday::Sat | Weekday::Sun) || days.contains(&next) {
            next = next.succ_opt().unwrap();
        }
        if next.year() == year {
            days.push(next);
        }
    }
    days
}

fn differing(projected: &[NaiveDate], year: i32) -> usize {
    let projected = weekday_set(projected.iter().copied());
    let official = weekday_set(official(year));
    projected.symmetric_difference(&official).count()
}

/// The known years for a projection of `year`: the official years before it, nothing later.
fn known_before(year: i32) -> Vec<YearList> {
    let madrid = Calendar::madrid();
    (FIRST_OFFICIAL..year)
        .map(|y| YearList::new(y, madrid.holidays_in_year(y).unwrap().to_vec()))
        .collect()
}

fn new_rule(year: i32) -> Vec<NaiveDate> {
    let known = known_before(year);
    assert!(
        known.iter().all(|list| list.year < year),
        "no later year leaks in"
    );
    project_year(year, &known)
        .unwrap()
        .iter()
        .map(support_sla::calendar::Holiday::date)
        .collect()
}

#[test]
fn backtest_2016_to_2026_new_rule_beats_the_old_one() {
    let mut old_total = 0;
    let mut new_total = 0;
    for year in BACKTESTED {
        let old = differing(&old_rule(year), year);
        let new = differing(&new_rule(year), year);
        println!("{year}: old rule {old} days differ, new rule {new}");
        old_total += old;
        new_total += new;
    }
    println!("total: old rule {old_total}, new rule {new_total}");
    assert_eq!((old_total, new_total), (15, 13), "pinned backtest figures");
    assert!(new_total < old_total);
}
