//! The projection of the Madrid calendar for years with no shipped decree, learned from the
//! official years.

use super::easter::easter_sunday;
use super::holiday::{Holiday, Level, Provenance};
use super::overrides::YearList;
use super::SUPPORTED_YEARS;
use crate::error::Error;
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

/// The fixed days of every year. `moved` is the fallback for a day falling on Sunday when no
/// known year had it on a Sunday: national and local days move to the next free weekday, 2 May
/// does not (2010).
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

/// The projected calendar of `year`, learned from the `known` years (the official lists), in date
/// order, every day [`Provenance::Projected`]. Only non-working days are listed, as in the
/// official lists: a holiday on a Sunday is left out (its Monday, when moved, is listed).
///
/// The rule, measured by a backtest (`tests/calendar_projection.rs`: each official year
/// 2016–2026 projected from the official years before it only; 13 days differ in those eleven
/// years, against 15 for the rule before, which moved every Sunday holiday):
///
/// - the stable days: the national days, Jueves and Viernes Santo from Easter, 2 May, San Isidro
///   (15 May) and La Almudena (9 November);
/// - a fixed day falling on Sunday moves to the next free weekday if the most recent known year
///   in which that date also fell on Sunday moved it (its Monday was a holiday that is not itself
///   a fixed day); with no such year, national and local days move and 2 May does not;
/// - choices the Comunidad makes on its own (19 March, 25 July, Corpus Christi) are not guessed.
///
/// Taking every fixed-date choice from the most recent known year with the same weekday layout
/// (same weekday on 1 January, same leap-ness) was measured too and lost (19 days): the
/// Comunidad's habits drift faster than layouts repeat. So was filling the legal twelve
/// national and regional days with the Comunidad's most recent choices (San José, Santiago,
/// Corpus Christi): 16 days.
///
/// `known` years equal to `year` are ignored, so a backtest cannot read the answer.
///
/// # Errors
///
/// [`Error::YearOutOfRange`] when `year` is outside [`SUPPORTED_YEARS`].
///
/// # Panics
///
/// Never: Easter Sunday exists for every supported year (`year` is checked before).
///
/// ```
/// use chrono::NaiveDate;
/// use support_sla::calendar::{project_year, Calendar, YearList};
///
/// let madrid = Calendar::madrid();
/// let known: Vec<YearList> = (2010..=2020)
///     .map(|y| YearList::new(y, madrid.holidays_in_year(y).unwrap().to_vec()))
///     .collect();
/// // 15 August fell on Sunday last in 2010, not moved: neither is it in 2021.
/// let days = project_year(2021, &known)?;
/// let has = |m, d| days.iter().any(|h| h.date() == NaiveDate::from_ymd_opt(2021, m, d).unwrap());
/// assert!(!has(8, 15) && !has(8, 16));
/// // 6 January fell on Sunday last in 2019, moved: 2030's Sunday 6 January moves to Monday 7.
/// let days = project_year(2030, &known)?;
/// assert!(days.iter().any(|h| h.date() == NaiveDate::from_ymd_opt(2030, 1, 7).unwrap()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn project_year(year: i32, known: &[YearList]) -> Result<Vec<Holiday>, Error> {
    if !SUPPORTED_YEARS.contains(&year) {
        return Err(Error::YearOutOfRange {
            year,
            supported: SUPPORTED_YEARS,
        });
    }
    let easter = easter_sunday(year).expect("invariant: Easter exists for every supported year");
    let mut days = from_stable_days(year, known);
    let thursday = easter - Days::new(3);
    let friday = easter - Days::new(2);
    days.retain(|h| h.date() != thursday && h.date() != friday);
    days.push(projected(thursday, Level::National, "Jueves Santo"));
    days.push(projected(friday, Level::National, "Viernes Santo"));
    days.retain(|h| h.date().weekday() != Weekday::Sun);
    days.sort_by_key(Holiday::date);
    days.dedup_by_key(|h| h.date());
    Ok(days)
}

/// The stable days of [`project_year`], each Sunday one moved as the last known year
/// with that date on a Sunday did.
fn from_stable_days(year: i32, known: &[YearList]) -> Vec<Holiday> {
    let mut days: Vec<Holiday> = FIXED
        .iter()
        .filter_map(|rule| {
            let date = NaiveDate::from_ymd_opt(year, rule.month, rule.day)?;
            Some(projected(date, rule.level, rule.name))
        })
        .collect();
    for rule in &FIXED {
        let Some(sunday) = NaiveDate::from_ymd_opt(year, rule.month, rule.day)
            .filter(|date| date.weekday() == Weekday::Sun)
        else {
            continue;
        };
        if !moved_when_last_on_sunday(rule, known).unwrap_or(rule.moved_from_sunday) {
            continue;
        }
        let level = match rule.level {
            Level::Local => Level::Local,
            _ => Level::Regional,
        };
        let free = |d: &NaiveDate| {
            !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
                && !days.iter().any(|h| h.date() == *d)
        };
        if let Some(date) = sunday.iter_days().skip(1).take(7).find(free) {
            if date.year() == year {
                days.push(projected(
                    date,
                    level,
                    format!("Lunes siguiente a {}", rule.name),
                ));
            }
        }
    }
    days
}

/// Whether the most recent known year in which `rule`'s date fell on a Sunday moved it: its
/// Monday was a holiday that is not itself a fixed day. `None` when no known year had it on a
/// Sunday.
fn moved_when_last_on_sunday(rule: &FixedDay, known: &[YearList]) -> Option<bool> {
    let last = known
        .iter()
        .filter(|list| {
            NaiveDate::from_ymd_opt(list.year, rule.month, rule.day)
                .is_some_and(|date| date.weekday() == Weekday::Sun)
        })
        .max_by_key(|list| list.year)?;
    let monday = NaiveDate::from_ymd_opt(last.year, rule.month, rule.day)?.succ_opt()?;
    let fixed = FIXED
        .iter()
        .any(|other| (other.month, other.day) == (monday.month(), monday.day()));
    Some(!fixed && last.holidays.iter().any(|h| h.date() == monday))
}

fn projected(
    date: NaiveDate,
    level: Level,
    name: impl Into<std::borrow::Cow<'static, str>>,
) -> Holiday {
    Holiday::new(date, level, name, Provenance::Projected)
}
