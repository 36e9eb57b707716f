//! The stable rules of the Madrid calendar, used to project years with no shipped decree.

use super::easter::easter_sunday;
use super::holiday::{Holiday, Level, Provenance};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A fixed-date holiday of the projection: month, day, level, name, and whether a Sunday
/// occurrence is moved to the following Monday.
struct FixedDay {
    month: u32,
    day: u32,
    level: Level,
    name: &'static str,
    moved_from_sunday: bool,
}

const fn fixed(month: u32, day: u32, level: Level, name: &'static str, moved: bool) -> FixedDay {
    FixedDay {
        month,
        day,
        level,
        name,
        moved_from_sunday: moved,
    }
}

/// The fixed days. A national day falling on Sunday is projected onto the next Monday, as the
/// Comunidad's decrees usually do; 2 May on a Sunday is not moved (2021); the city moves its
/// local days off Sunday.
const FIXED: [FixedDay; 12] = [
    fixed(1, 1, Level::National, "Año Nuevo", true),
    fixed(1, 6, Level::National, "Epifanía del Señor", true),
    fixed(5, 1, Level::National, "Fiesta del Trabajo", true),
    fixed(
        5,
        2,
        Level::Regional,
        "Fiesta de la Comunidad de Madrid",
        false,
    ),
    fixed(5, 15, Level::Local, "San Isidro Labrador", true),
    fixed(8, 15, Level::National, "Asunción de la Virgen", true),
    fixed(10, 12, Level::National, "Fiesta Nacional de España", true),
    fixed(11, 1, Level::National, "Todos los Santos", true),
    fixed(11, 9, Level::Local, "Nuestra Señora de la Almudena", true),
    fixed(
        12,
        6,
        Level::National,
        "Día de la Constitución Española",
        true,
    ),
    fixed(12, 8, Level::National, "Inmaculada Concepción", true),
    fixed(12, 25, Level::National, "Natividad del Señor", true),
];

/// The projected calendar of `year`, in date order, every day marked
/// [`Provenance::Projected`].
///
/// Rules: the fixed national days; Jueves Santo and Viernes Santo from Easter; 2 May; San Isidro
/// and Almudena; a national or local day falling on Sunday moves to the next weekday that is not
/// already a holiday (the moved day is regional for national days, local for the city's days).
/// Choices the Comunidad makes year by year (19 March, 25 July, Corpus Christi) are not
/// projected.
pub(crate) fn projected_year(year: i32) -> Vec<Holiday> {
    let mut days: Vec<Holiday> = Vec::with_capacity(16);
    if let Some(easter) = easter_sunday(year) {
        let before = |n: u64| easter.checked_sub_days(Days::new(n));
        if let Some(thursday) = before(3) {
            days.push(projected(thursday, Level::National, "Jueves Santo"));
        }
        if let Some(friday) = before(2) {
            days.push(projected(friday, Level::National, "Viernes Santo"));
        }
    }
    for rule in &FIXED {
        if let Some(date) = NaiveDate::from_ymd_opt(year, rule.month, rule.day) {
            days.push(projected(date, rule.level, rule.name));
        }
    }
    days.sort_by_key(Holiday::date);
    let sundays: Vec<(NaiveDate, Level, &'static str)> = FIXED
        .iter()
        .filter(|rule| rule.moved_from_sunday)
        .filter_map(|rule| {
            let date = NaiveDate::from_ymd_opt(year, rule.month, rule.day)?;
            let moved_level = match rule.level {
                Level::Local => Level::Local,
                _ => Level::Regional,
            };
            (date.weekday() == Weekday::Sun).then_some((date, moved_level, rule.name))
        })
        .collect();
    for (sunday, level, name) in sundays {
        let mut monday = sunday.succ_opt();
        while let Some(candidate) = monday {
            let taken = days.iter().any(|h| h.date() == candidate);
            if !taken && candidate.weekday() != Weekday::Sat && candidate.weekday() != Weekday::Sun
            {
                break;
            }
            monday = candidate.succ_opt();
        }
        if let Some(date) = monday.filter(|d| d.year() == year) {
            let name = format!("Lunes siguiente a {name}");
            days.push(projected(date, level, name));
        }
    }
    days.sort_by_key(Holiday::date);
    days
}

fn projected(
    date: NaiveDate,
    level: Level,
    name: impl Into<std::borrow::Cow<'static, str>>,
) -> Holiday {
    Holiday::new(date, level, name, Provenance::Projected)
}
