//! Sharing built clocks: equal coverages get one index, a time zone's weeks are computed once.

use super::fx::Fx;
use super::{Clock, Inner, ZoneWeeks};
use crate::coverage::Coverage;
use crate::error::Error;
use chrono_tz::Tz;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

/// Builds [`Clock`]s that share what they can: a clock asked for a coverage equal to one of an
/// earlier clock still in use *is* that clock (one index, built once), and the cache keeps the
/// weeks of each time zone it was asked for (the start of each week of the supported years and
/// the days of the weeks whose offset changes, computed once per zone), which its clocks and
/// any other clock of the zone share (see [`Clock::new`]).
///
/// A service with many tenants, or many policies, builds their clocks through one cache:
/// tenants with the same hours and calendar pay for one clock, and tenants with their own hours
/// or holidays pay only for what is theirs. Build policies through it with
/// [`SupportPolicy::from_config_in`](crate::SupportPolicy::from_config_in) or
/// [`PolicyBuilder::build_in`](crate::policy::PolicyBuilder::build_in).
///
/// The cache holds its clocks weakly: a built index lives as long as a clock (or a clone of
/// it) uses it, then its memory is freed; asking again for that coverage builds it again. The
/// weeks of each zone asked for are kept while the cache lives (about 55 KiB a zone). Cloning a
/// cache is cheap and the clones share their contents; it is `Send + Sync`, so threads may
/// build through one cache.
///
/// # Example
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::clock::ClockCache;
/// use support_sla::coverage::Coverage;
///
/// let cache = ClockCache::new();
/// let first = cache.clock(Coverage::standard())?;
/// let second = cache.clock(Coverage::standard())?; // the same clock, not built again
/// let plus = cache.clock(Coverage::plus())?; // its own index, Madrid's weeks shared
///
/// let monday = |h| Madrid.with_ymd_and_hms(2025, 3, 3, h, 0, 0).unwrap();
/// assert_eq!(first.elapsed(monday(8), monday(19))?, TimeDelta::minutes(510));
/// assert_eq!(second.elapsed(monday(8), monday(19))?, TimeDelta::minutes(510));
/// assert_eq!(plus.elapsed(monday(8), monday(19))?, TimeDelta::hours(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default)]
pub struct ClockCache {
    shared: Arc<Mutex<Shared>>,
}

#[derive(Default)]
struct Shared {
    /// The clocks built, by the hash of their coverage (equal coverages compared in full).
    clocks: HashMap<u64, Vec<Weak<Inner>>, BuildHasherDefault<Fx>>,
    /// Entries in `clocks`, and those alive at the last sweep of the dead ones.
    entries: usize,
    alive_at_sweep: usize,
    /// The weeks of each zone asked for.
    zones: Vec<Arc<ZoneWeeks>>,
}

impl fmt::Debug for ClockCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shared = self.lock();
        let alive = shared
            .clocks
            .values()
            .flatten()
            .filter(|clock| clock.strong_count() > 0)
            .count();
        f.debug_struct("ClockCache")
            .field("clocks", &alive)
            .field(
                "zones",
                &shared.zones.iter().map(|z| z.tz.name()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl ClockCache {
    /// An empty cache.
    pub fn new() -> ClockCache {
        ClockCache::default()
    }

    /// The clock of `coverage`: the clock built earlier for an equal coverage if one is still
    /// in use, else a new one (built over the cached weeks of its zone) that later calls share.
    ///
    /// Answers exactly as [`Clock::new`]`(coverage)` does.
    ///
    /// # Errors
    ///
    /// As [`Clock::new`]: [`Error::TooManyWindows`], [`Error::CoverageNeverOpen`],
    /// [`Error::TimeZoneRule`]. A coverage refused is not remembered.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use support_sla::calendar::Calendar;
    /// use support_sla::clock::ClockCache;
    /// use support_sla::coverage::{Coverage, Schedule};
    ///
    /// // Many tenants on one calendar: each their own hours, one set of Madrid weeks.
    /// let cache = ClockCache::new();
    /// let madrid = Arc::new(Calendar::madrid());
    /// let clocks = ["mon-fri 08:00-16:00", "mon-fri 09:00-18:00", "mon-fri 08:00-16:00"]
    ///     .into_iter()
    ///     .map(|hours| cache.clock(Coverage::new(hours.parse::<Schedule>()?, Arc::clone(&madrid))))
    ///     .collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(clocks[0].coverage(), clocks[2].coverage());
    /// assert!(cache.clock(Coverage::new(Schedule::closed(), madrid)).is_err()); // never open
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clock(&self, coverage: Coverage) -> Result<Clock, Error> {
        let key = fingerprint(&coverage);
        if let Some(clock) = self.lock().find(key, &coverage) {
            return Ok(clock);
        }
        Clock::check_windows(&coverage)?;
        let zone = self.zone(coverage.time_zone())?;
        let clock = Clock::with_zone(coverage, zone)?;
        Ok(self.lock().insert(key, clock))
    }

    /// The weeks of `tz` (those the zone's live clocks share, else computed: see `zones.rs`),
    /// kept while the cache lives. While the cache keeps them, the process-wide table finds
    /// them, so the cache needs no look-up of its own.
    fn zone(&self, tz: Tz) -> Result<Arc<ZoneWeeks>, Error> {
        let zone = super::zones::supported_weeks(tz)?;
        let mut shared = self.lock();
        if !shared.zones.iter().any(|z| Arc::ptr_eq(z, &zone)) {
            shared.zones.push(Arc::clone(&zone));
        }
        Ok(zone)
    }

    /// The contents, also after a panic elsewhere while they were locked (they are consistent
    /// between any two statements that change them).
    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Shared {
    /// The clock of a coverage equal to `coverage`, if one is alive.
    fn find(&self, key: u64, coverage: &Coverage) -> Option<Clock> {
        self.clocks.get(&key)?.iter().find_map(|weak| {
            let inner = weak.upgrade()?;
            (inner.coverage == *coverage).then_some(Clock {
                inner,
                versions: None,
            })
        })
    }

    /// Remembers `clock` (of a coverage hashing to `key`), unless an equal one was built
    /// meanwhile: then that one, so that equal coverages always share.
    fn insert(&mut self, key: u64, clock: Clock) -> Clock {
        if let Some(known) = self.find(key, &clock.inner.coverage) {
            return known;
        }
        let entries = self.clocks.entry(key).or_default();
        entries.retain(|weak| weak.strong_count() > 0);
        entries.push(Arc::downgrade(&clock.inner));
        self.entries += 1;
        if self.entries > 2 * self.alive_at_sweep.max(64) {
            self.clocks.retain(|_, entries| {
                entries.retain(|weak| weak.strong_count() > 0);
                !entries.is_empty()
            });
            self.entries = self.clocks.values().map(Vec::len).sum();
            self.alive_at_sweep = self.entries;
        }
        clock
    }
}

/// The hash of a coverage (its schedule, zone, special hours and holiday dates).
fn fingerprint(coverage: &Coverage) -> u64 {
    let mut hasher = Fx::default();
    coverage.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::coverage::Schedule;

    fn coverage(hours: &str, calendar: &Arc<Calendar>) -> Coverage {
        let schedule = hours.parse::<Schedule>().unwrap_or_else(|e| panic!("{e}"));
        Coverage::new(schedule, Arc::clone(calendar))
    }

    #[test]
    fn equal_coverages_share_one_index() {
        let cache = ClockCache::new();
        let a = cache.clock(Coverage::standard()).unwrap();
        // Another calendar value, equal: still the same clock.
        let b = cache.clock(Coverage::standard()).unwrap();
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
        let plus = cache.clock(Coverage::plus()).unwrap();
        assert!(!Arc::ptr_eq(&a.inner, &plus.inner));
        assert!(a.inner.index.shares_starts(&plus.inner.index));
        // A clock built alone while the cache's clocks of its zone live shares their starts.
        let alone = Clock::new(Coverage::plus()).unwrap();
        assert!(a.inner.index.shares_starts(&alone.inner.index));
        // One zone's weeks, shared by both indexes.
        assert_eq!(cache.lock().zones.len(), 1);
        let zone_bytes = cache
            .lock()
            .zones
            .iter()
            .map(|z| z.heap_bytes())
            .sum::<usize>();
        assert!(zone_bytes < 128 * 1024, "{zone_bytes} bytes");
        // A clone of the cache shares its contents.
        let c = cache.clone().clock(Coverage::standard()).unwrap();
        assert!(Arc::ptr_eq(&a.inner, &c.inner));
    }

    #[test]
    fn a_clock_no_longer_used_is_freed_and_built_again() {
        let cache = ClockCache::new();
        let a = cache.clock(Coverage::always()).unwrap();
        let weak = Arc::downgrade(&a.inner);
        drop(a);
        assert!(weak.upgrade().is_none(), "the cache keeps no clock alive");
        let b = cache.clock(Coverage::always()).unwrap();
        assert_eq!(b.coverage(), &Coverage::always());
    }

    #[test]
    fn many_distinct_coverages_stay_distinct_and_dead_entries_are_swept() {
        let cache = ClockCache::new();
        let madrid = Arc::new(Calendar::madrid());
        let mut kept = Vec::new();
        for n in 0..200u32 {
            let hours = format!("mon-fri 08:00-{:02}:{:02}", 12 + n / 60, n % 60);
            let clock = cache.clock(coverage(&hours, &madrid)).unwrap();
            if n % 2 == 0 {
                kept.push(clock);
            }
        }
        for (n, clock) in (0..200u32).step_by(2).zip(&kept) {
            let hours = format!("mon-fri 08:00-{:02}:{:02}", 12 + n / 60, n % 60);
            let again = cache.clock(coverage(&hours, &madrid)).unwrap();
            assert!(Arc::ptr_eq(&again.inner, &clock.inner));
        }
        let shared = cache.lock();
        assert!(shared.entries <= 200, "{} entries", shared.entries);
        let alive = shared.clocks.values().flatten();
        assert_eq!(alive.filter(|w| w.strong_count() > 0).count(), 100);
    }

    #[test]
    fn refused_coverages_are_refused_as_by_clock_new() {
        let cache = ClockCache::new();
        let closed = Coverage::ignoring_holidays(Schedule::closed());
        assert_eq!(cache.clock(closed.clone()).err(), Clock::new(closed).err(),);
        assert!(cache.lock().clocks.is_empty());
    }

    #[test]
    fn clocks_built_in_a_cache_answer_as_clocks_built_alone() {
        let cache = ClockCache::new();
        let lisbon = Coverage::plus().with_time_zone(chrono_tz::Europe::Lisbon);
        for coverage in [Coverage::standard(), Coverage::always(), lisbon] {
            let alone = Clock::new(coverage.clone()).unwrap();
            let cached = cache.clock(coverage).unwrap();
            assert_eq!(alone.inner.index, cached.inner.index);
        }
        assert_eq!(cache.lock().zones.len(), 2);
    }
}
