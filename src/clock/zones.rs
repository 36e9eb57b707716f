//! The weeks of the time zones in use: the clocks of one zone compute them once, whoever builds
//! them.
//!
//! The first instant of every week of the supported years, and the days of the weeks whose
//! offset changes, are the same for every coverage of a zone, and computing them is most of a
//! lone build (an offset look-up a week, 5,270 of them). So a zone's weeks are kept,
//! process-wide, for as long as some clock of that zone uses them: a clock built while another
//! clock of its zone is alive, through a [`ClockCache`](super::ClockCache) or not, shares them
//! instead of computing them. The table holds them weakly: once the last clock of a zone is
//! dropped, its weeks are freed, and the next clock of the zone computes them again. They are a
//! function of the zone alone (the IANA data `chrono-tz` ships), so sharing them never changes
//! an answer.

use super::dst::ZoneWeeks;
use crate::calendar::SUPPORTED_YEARS;
use crate::error::Error;
use chrono::NaiveDate;
use chrono_tz::Tz;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

/// The weeks of each zone some clock uses (entries of zones no longer used are dropped when
/// another zone is added).
static IN_USE: Mutex<Vec<Weak<ZoneWeeks>>> = Mutex::new(Vec::new());

/// The weeks of the supported years in `tz`: those of the clocks of `tz` alive, if any, else
/// computed.
///
/// # Errors
///
/// [`Error::TimeZoneRule`] when an offset change of the zone cannot be resolved.
pub(crate) fn supported_weeks(tz: Tz) -> Result<Arc<ZoneWeeks>, Error> {
    if let Some(weeks) = find(&table(), tz) {
        return Ok(weeks);
    }
    // Computed outside the lock: clocks of other zones are not held up.
    let (first, last) = supported_days()?;
    let weeks = ZoneWeeks::new(tz, first, last).ok_or_else(|| Error::TimeZoneRule {
        zone: tz.name().to_owned(),
    })?;
    let mut table = table();
    // Another thread may have shared the zone's weeks meanwhile: then the clocks of the zone
    // share those.
    if let Some(known) = find(&table, tz) {
        return Ok(known);
    }
    table.retain(|known| known.strong_count() > 0);
    let weeks = Arc::new(weeks);
    table.push(Arc::downgrade(&weeks));
    Ok(weeks)
}

/// The weeks of `tz` in `table`, if a clock still uses them.
fn find(table: &[Weak<ZoneWeeks>], tz: Tz) -> Option<Arc<ZoneWeeks>> {
    table
        .iter()
        .filter_map(Weak::upgrade)
        .find(|weeks| weeks.tz == tz)
}

/// The table, also after a panic elsewhere while it was locked (it is consistent between any
/// two statements that change it).
fn table() -> MutexGuard<'static, Vec<Weak<ZoneWeeks>>> {
    IN_USE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The first and last local days of the supported years.
fn supported_days() -> Result<(NaiveDate, NaiveDate), Error> {
    let date = |year, month, day| {
        NaiveDate::from_ymd_opt(year, month, day).ok_or(Error::YearOutOfRange {
            year,
            supported: SUPPORTED_YEARS,
        })
    };
    Ok((
        date(*SUPPORTED_YEARS.start(), 1, 1)?,
        date(*SUPPORTED_YEARS.end(), 12, 31)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_in_use_shares_its_weeks_and_frees_them_after_use() {
        // A zone no other test builds a clock of, so that no other thread holds its weeks.
        let tz = chrono_tz::Pacific::Chatham;
        let a = supported_weeks(tz).unwrap();
        let b = supported_weeks(tz).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        let weak = Arc::downgrade(&a);
        drop((a, b));
        assert!(weak.upgrade().is_none(), "the table keeps no weeks alive");
        let c = supported_weeks(tz).unwrap();
        let (first, last) = supported_days().unwrap();
        let fresh = ZoneWeeks::new(tz, first, last).unwrap();
        assert_eq!((&c.starts, &c.shifted), (&fresh.starts, &fresh.shifted));
    }
}
