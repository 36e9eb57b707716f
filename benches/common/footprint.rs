//! Fixtures of the footprint bench and example: coverages from the cheapest to the worst a
//! clock accepts.
#![allow(dead_code)]

use super::SplitMix64;
use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta, Weekday};
use std::sync::Arc;
use support_sla::calendar::{Calendar, CalendarOverrides, Holiday, Level, Provenance};
use support_sla::coverage::{Coverage, Schedule, SpecialHours, MAX_WINDOWS_PER_DAY};

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 12, 31).unwrap()
}

/// Madrid holidays plus a company closure in every week of 2000–2100 on a random working day
/// (5,270 more holidays, as calendar overrides).
pub fn madrid_with_weekly_closures(seed: u64) -> Calendar {
    let mut rng = SplitMix64(seed);
    let madrid = Calendar::madrid();
    let mut overrides = CalendarOverrides::new();
    let mut monday = NaiveDate::from_ymd_opt(2000, 1, 3).unwrap();
    while monday <= last_day() {
        let day = monday + TimeDelta::days(rng.below(5) as i64);
        if day <= last_day() && !madrid.is_holiday(day).unwrap() {
            let closure = Holiday::new(
                day,
                Level::Company,
                "Cierre de empresa",
                Provenance::Custom {
                    source: "footprint fixture".into(),
                },
            );
            overrides = overrides.add_day(closure);
        }
        monday += TimeDelta::days(7);
    }
    madrid.with_overrides(&overrides).unwrap()
}

/// Standard hours on Madrid holidays plus a closure a week: many distinct weeks.
pub fn many_holidays() -> Coverage {
    Coverage::new(Schedule::standard(), madrid_with_weekly_closures(7))
}

/// `MAX_WINDOWS_PER_DAY` windows on every day of the week, the `k`-th shifted by `shift`
/// seconds: 16 windows of 45 minutes, one every 90 minutes.
pub fn busiest_schedule(shift: u32) -> Schedule {
    let mut builder = Schedule::builder();
    let step = 24 * 3_600 / MAX_WINDOWS_PER_DAY as u32;
    for weekday in WEEKDAYS {
        for k in 0..MAX_WINDOWS_PER_DAY as u32 {
            let open = k * step + shift % (step / 2);
            let time = |s: u32| NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap();
            builder = builder.window(weekday, time(open), time(open + step / 2));
        }
    }
    builder.build().unwrap()
}

/// The most windows a day, every day, on the Madrid calendar.
pub fn worst_windows() -> Coverage {
    Coverage::new(busiest_schedule(0), Calendar::madrid())
}

/// The most windows a day and special hours on every day of 2000–2100 (36,890 ranges), each
/// with its own windows, on a calendar with a closure a week: every week of the range differs.
pub fn worst_special() -> Coverage {
    let schedules: Vec<Schedule> = (0..97).map(|k| busiest_schedule(k * 29 + 1)).collect();
    let mut special = Vec::new();
    let mut day = first_day();
    let mut k = 0usize;
    while day <= last_day() {
        let hours = schedules[(k * 31 + day.ordinal() as usize) % schedules.len()].clone();
        special.push(SpecialHours::on("Turno", day, hours).unwrap());
        day += TimeDelta::days(1);
        k += 1;
    }
    Coverage::new(busiest_schedule(0), madrid_with_weekly_closures(11))
        .with_special_hours(special)
        .unwrap()
}

/// The office hours of tenant `n`: Monday to Friday from an opening between 07:00 and 09:59
/// to a closing between 15:00 and 19:59 (distinct for the first 54,000 tenants), Friday
/// closing at 14:00, on the shared Madrid calendar, with the tenant's own closures as special
/// hours (three days a year for ten years, 2025–2034).
pub fn tenant(n: u64, madrid: &Arc<Calendar>) -> Coverage {
    let t = |minutes: u64| {
        NaiveTime::from_hms_opt((minutes / 60) as u32, (minutes % 60) as u32, 0).unwrap()
    };
    let open = 7 * 60 + n % 180;
    let close = 15 * 60 + (n / 180) % 300;
    let schedule = Schedule::builder()
        .days(Weekday::Mon, Weekday::Thu, t(open), t(close))
        .window(Weekday::Fri, t(open), t(14 * 60))
        .build()
        .unwrap();
    let mut rng = SplitMix64(n);
    let mut closures: Vec<SpecialHours> = Vec::new();
    for year in 2025..2035 {
        for _ in 0..3 {
            let date = NaiveDate::from_yo_opt(year, 1 + rng.below(365) as u32).unwrap();
            if closures.iter().all(|s| !s.contains(date)) {
                closures.push(SpecialHours::on("Cierre", date, Schedule::closed()).unwrap());
            }
        }
    }
    Coverage::new(schedule, Arc::clone(madrid))
        .with_special_hours(closures)
        .unwrap()
}

/// `count` distinct tenant coverages sharing one Madrid calendar.
pub fn tenants(count: u64) -> Vec<Coverage> {
    let madrid = Arc::new(Calendar::madrid());
    (0..count).map(|n| tenant(n, &madrid)).collect()
}
