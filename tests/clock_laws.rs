//! The laws of the service clock, through the public API, against the brute-force reference in
//! `tests/common/`.
//!
//! Building a `Clock` takes milliseconds, so the clocks under test are a fixed pool built once
//! (random schedules and holiday sets from a fixed seed, hand-picked DST-edge schedules and the
//! three presets); proptest picks an entry of the pool and the instants and budgets to ask about.
//! Instants are drawn uniformly over 2000–2100, near the zone's offset changes and near window
//! edges (exactly on them and a few nanoseconds either side).

mod common;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use common::{offset_changes, wall_edge, RefCoverage, Week, DAY, HOUR, SECOND};
use proptest::prelude::*;
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use support_sla::calendar::{Calendar, Holiday, Level, Provenance};
use support_sla::clock::{Answer, Clock, SkipReason, StretchKind};
use support_sla::coverage::{Coverage, Schedule, SpecialHours, MAX_WINDOWS_PER_DAY};
use support_sla::Error;

const MADRID: Tz = chrono_tz::Europe::Madrid;
const NEW_YORK: Tz = chrono_tz::America::New_York;
const LONDON: Tz = chrono_tz::Europe::London;
/// Clocks jumped from 00:00 to 01:00 in spring (until 2019): local midnight did not exist.
const SAO_PAULO: Tz = chrono_tz::America::Sao_Paulo;
/// Jumps at 00:00 in spring and falls back from 01:00 to 00:00: midnight happens twice.
const HAVANA: Tz = chrono_tz::America::Havana;
/// A half-hour DST: 02:00 to 02:30 in spring, 02:00 back to 01:30 in autumn.
const LORD_HOWE: Tz = chrono_tz::Australia::Lord_Howe;
/// Offset changes as close as seven days apart (the predicted Ramadan changes of 2040–2072).
const GAZA: Tz = chrono_tz::Asia::Gaza;
const MINUTE: i64 = 60 * SECOND;

/// One clock under test with its reference description.
struct Entry {
    label: String,
    clock: Clock,
    reference: RefCoverage,
    /// The supported range by the reference: `[start, end]`.
    range: (i64, i64),
    /// The zone's offset changes inside the range.
    changes: Vec<i64>,
}

impl Entry {
    fn clamp(&self, t: i64) -> i64 {
        t.clamp(self.range.0, self.range.1)
    }
}

fn utc(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(t)
}

fn ns(t: DateTime<Utc>) -> i64 {
    common::nanos(&t)
}

// ---------------------------------------------------------------------------------------------
// The pool of clocks
// ---------------------------------------------------------------------------------------------

/// `SplitMix64`: a tiny deterministic generator for the pool (fixed seed, same pool every run).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A wall time for a random window edge: often midnight or 24:00, often inside or beside the
/// hours where the zones of the pool change offset (01:00–03:00), else any minute, second or
/// nanosecond of the day.
fn random_wall(rng: &mut SplitMix) -> i64 {
    const DST_HOURS: [i64; 10] = [
        HOUR,
        HOUR + 30 * MINUTE,
        2 * HOUR - 1,
        2 * HOUR,
        2 * HOUR + 30 * MINUTE,
        2 * HOUR + 45 * MINUTE + 15 * SECOND,
        3 * HOUR - SECOND,
        3 * HOUR - 1,
        3 * HOUR,
        3 * HOUR + 30 * MINUTE,
    ];
    match rng.below(100) {
        0..=9 => 0,
        10..=19 => DAY,
        20..=34 => DST_HOURS[rng.below(DST_HOURS.len() as u64) as usize],
        35..=44 => HOUR + rng.below((3 * HOUR) as u64) as i64,
        45..=54 => rng.below(DAY as u64) as i64,
        55..=74 => rng.below(86_400) as i64 * SECOND,
        _ => rng.below(1440) as i64 * MINUTE,
    }
}

/// 0–3 windows a weekday, sorted; windows may touch each other and midnight.
fn random_windows(rng: &mut SplitMix) -> Week {
    std::array::from_fn(|_| {
        let count = rng.below(4) as usize;
        let mut points: Vec<i64> = (0..2 * count).map(|_| random_wall(rng)).collect();
        points.sort_unstable();
        points
            .chunks(2)
            .filter_map(|pair| match pair {
                [open, close] if open < close => Some((*open, *close)),
                _ => None,
            })
            .collect()
    })
}

fn wall_time(n: i64) -> NaiveTime {
    if n == DAY {
        return NaiveTime::MIN; // the builder reads a closing 00:00 as 24:00
    }
    NaiveTime::from_num_seconds_from_midnight_opt((n / SECOND) as u32, (n % SECOND) as u32)
        .expect("wall time within a day")
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn schedule_of(windows: &Week) -> Schedule {
    let mut builder = Schedule::builder();
    for (day, list) in windows.iter().enumerate() {
        for &(open, close) in list {
            builder = if (open, close) == (0, DAY) {
                builder.all_day(WEEKDAYS[day]) // 00:00-00:00 is refused: the whole day is said so
            } else {
                builder.window(WEEKDAYS[day], wall_time(open), wall_time(close))
            };
        }
    }
    builder.build().expect("generated windows are valid")
}

/// The reference's own parse of the hand-written schedules below: `(days, [(open, close)])`.
/// Days (Monday = 0) and the windows they share.
type Clause<'a> = (&'a [usize], &'a [(i64, i64)]);

fn windows_by_hand(clauses: &[Clause]) -> Week {
    let mut days: Week = Default::default();
    for (which, windows) in clauses {
        for &d in *which {
            days[d].extend_from_slice(windows);
        }
    }
    days
}

fn hm(h: i64, m: i64) -> i64 {
    h * HOUR + m * MINUTE
}

fn madrid_holidays() -> BTreeSet<NaiveDate> {
    let cal = Calendar::madrid();
    (2000..=2100)
        .flat_map(|y| cal.holidays_in_year(y).expect("supported year").to_vec())
        .map(|h| h.date())
        .collect()
}

fn calendar_of(dates: &BTreeSet<NaiveDate>) -> Calendar {
    Calendar::from_holidays(dates.iter().map(|&d| {
        Holiday::new(
            d,
            Level::Company,
            "test closure",
            Provenance::Custom {
                source: "clock_laws".into(),
            },
        )
    }))
    .expect("valid holiday set")
}

/// About a dozen random days a year, sometimes the days of the offset changes (and the days
/// around them), sometimes a run of closed days.
fn random_holidays(rng: &mut SplitMix, tz: Tz, changes: &[i64]) -> BTreeSet<NaiveDate> {
    let mut set = BTreeSet::new();
    for year in 2000..=2100 {
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid");
        let days_in_year = if NaiveDate::from_ymd_opt(year, 12, 31)
            .expect("valid")
            .ordinal()
            == 366
        {
            366
        } else {
            365
        };
        for _ in 0..rng.below(15) {
            set.insert(jan1 + Days::new(rng.below(days_in_year)));
        }
        if rng.chance(10) {
            let first = jan1 + Days::new(rng.below(days_in_year));
            for k in 0..3 + rng.below(10) {
                let d = first + Days::new(k);
                if d.year() == year {
                    set.insert(d);
                }
            }
        }
    }
    for &change in changes {
        if rng.chance(30) {
            let d = common::local_date(tz, change);
            let shift = rng.below(3) as i64 - 1;
            let d = match shift.cmp(&0) {
                Ordering::Less => d.pred_opt(),
                Ordering::Equal => Some(d),
                Ordering::Greater => d.succ_opt(),
            };
            if let Some(d) = d.filter(|d| (2000..=2100).contains(&d.year())) {
                set.insert(d);
            }
        }
    }
    set
}

fn changes_of(tz: Tz) -> Vec<i64> {
    static CACHE: OnceLock<Vec<(Tz, Vec<i64>)>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| {
        [MADRID, NEW_YORK, LONDON, SAO_PAULO, HAVANA, LORD_HOWE, GAZA]
            .into_iter()
            .map(|z| (z, offset_changes(z)))
            .collect()
    });
    cache
        .iter()
        .find(|(z, _)| *z == tz)
        .map(|(_, c)| c.clone())
        .expect("zone of the pool")
}

fn entry(
    label: String,
    coverage: Coverage,
    windows: Week,
    holidays: Option<BTreeSet<NaiveDate>>,
) -> Entry {
    let tz = coverage.time_zone();
    let reference = RefCoverage {
        tz,
        windows,
        holidays,
        special: Vec::new(),
    };
    let range = reference.range();
    let changes = changes_of(tz)
        .into_iter()
        .filter(|t| (range.0..=range.1).contains(t))
        .collect();
    Entry {
        label,
        clock: Clock::new(coverage).expect("clock builds"),
        reference,
        range,
        changes,
    }
}

fn pool() -> &'static [Entry] {
    static POOL: OnceLock<Vec<Entry>> = OnceLock::new();
    POOL.get_or_init(build_pool)
}

fn build_pool() -> Vec<Entry> {
    let madrid = madrid_holidays();
    let mut pool = Vec::new();
    push_presets(&mut pool, &madrid);
    push_special_hours_entries(&mut pool, &madrid);
    push_hand_entries(&mut pool, &madrid);
    // Random schedules and holiday sets from a fixed seed.
    let mut rng = SplitMix(0x5EED_C10C_2025);
    push_random_entries(&mut pool, &mut rng, &madrid);
    push_busy_entries(&mut pool, &mut rng, &madrid);
    pool
}

/// The presets, described by hand for the reference.
fn push_presets(pool: &mut Vec<Entry>, madrid: &BTreeSet<NaiveDate>) {
    let weekdays: &[usize] = &[0, 1, 2, 3];
    pool.push(entry(
        "standard".into(),
        Coverage::standard(),
        windows_by_hand(&[
            (weekdays, &[(hm(9, 0), hm(17, 30))]),
            (&[4], &[(hm(9, 0), hm(14, 0))]),
        ]),
        Some(madrid.clone()),
    ));
    pool.push(entry(
        "plus".into(),
        Coverage::plus(),
        windows_by_hand(&[(&[0, 1, 2, 3, 4], &[(hm(9, 0), hm(20, 0))])]),
        Some(madrid.clone()),
    ));
    let all_week: &[usize] = &[0, 1, 2, 3, 4, 5, 6];
    pool.push(entry(
        "always".into(),
        Coverage::always(),
        windows_by_hand(&[(all_week, &[(0, DAY)])]),
        None,
    ));
}

/// Special hours (issue 8): the crate's `SpecialHours` from text, the reference's by hand.
fn push_special_hours_entries(pool: &mut Vec<Entry>, madrid: &BTreeSet<NaiveDate>) {
    let weekdays: &[usize] = &[0, 1, 2, 3];
    let weekdays_short = windows_by_hand(&[(&[0, 1, 2, 3, 4], &[(hm(9, 0), hm(14, 0))])]);
    let mut crate_special = Vec::new();
    let mut ref_special = Vec::new();
    for year in 2000..=2100 {
        for day in [24, 31] {
            let date = NaiveDate::from_ymd_opt(year, 12, day).expect("date");
            crate_special.push(
                SpecialHours::on(
                    "Víspera",
                    date,
                    "mon-fri 09:00-14:00".parse().expect("schedule"),
                )
                .expect("special hours"),
            );
            ref_special.push((date, date, weekdays_short.clone()));
        }
    }
    let coverage = Coverage::standard()
        .with_special_hours(crate_special)
        .expect("disjoint special hours");
    let mut e = entry(
        "standard + 24/31 Dec 09:00-14:00".into(),
        coverage,
        windows_by_hand(&[
            (weekdays, &[(hm(9, 0), hm(17, 30))]),
            (&[4], &[(hm(9, 0), hm(14, 0))]),
        ]),
        Some(madrid.clone()),
    );
    e.reference.special = ref_special;
    pool.push(e);

    // One special day a month over ten years (the benchmark's shape), every day of the week,
    // with a break, plus a summer schedule in the same coverage.
    let monthly = windows_by_hand(&[(
        &[0, 1, 2, 3, 4, 5, 6],
        &[(hm(10, 0), hm(12, 0)), (hm(16, 0), hm(18, 30))],
    )]);
    let summer = windows_by_hand(&[(&[0, 1, 2, 3, 4], &[(hm(8, 0), hm(15, 0))])]);
    let mut crate_special = Vec::new();
    let mut ref_special = Vec::new();
    for year in 2020..=2029 {
        for month in 1..=12 {
            let date = NaiveDate::from_ymd_opt(year, month, 15).expect("date");
            if (7..=8).contains(&month) {
                continue;
            }
            crate_special.push(
                SpecialHours::on(
                    "Mensual",
                    date,
                    "mon-sun 10:00-12:00 16:00-18:30".parse().expect("schedule"),
                )
                .expect("special hours"),
            );
            ref_special.push((date, date, monthly.clone()));
        }
        let (first, last) = (
            NaiveDate::from_ymd_opt(year, 7, 1).expect("date"),
            NaiveDate::from_ymd_opt(year, 8, 31).expect("date"),
        );
        crate_special.push(
            SpecialHours::new(
                "Verano",
                first,
                last,
                "mon-fri 08:00-15:00".parse().expect("schedule"),
            )
            .expect("special hours"),
        );
        ref_special.push((first, last, summer.clone()));
    }
    let coverage = Coverage::plus()
        .with_special_hours(crate_special)
        .expect("disjoint special hours");
    let mut e = entry(
        "plus + monthly special days + summer 2020-2029".into(),
        coverage,
        windows_by_hand(&[(&[0, 1, 2, 3, 4], &[(hm(9, 0), hm(20, 0))])]),
        Some(madrid.clone()),
    );
    e.reference.special = ref_special;
    pool.push(e);
}

/// Hand-picked schedules, parsed by the crate from text and described by hand here.
fn push_hand_entries(pool: &mut Vec<Entry>, madrid: &BTreeSet<NaiveDate>) {
    let all_week: &[usize] = &[0, 1, 2, 3, 4, 5, 6];
    let hand: Vec<(&str, Tz, bool, Week)> = vec![
        (
            "mon-fri 00:00-06:00 22:00-24:00",
            MADRID,
            true,
            windows_by_hand(&[(&[0, 1, 2, 3, 4], &[(0, hm(6, 0)), (hm(22, 0), DAY)])]),
        ),
        (
            "sat-sun 00:00-24:00",
            MADRID,
            false,
            windows_by_hand(&[(&[5, 6], &[(0, DAY)])]),
        ),
        (
            "sat 01:00-02:30; sun 02:30-04:00",
            MADRID,
            false,
            windows_by_hand(&[
                (&[5], &[(hm(1, 0), hm(2, 30))]),
                (&[6], &[(hm(2, 30), hm(4, 0))]),
            ]),
        ),
        (
            "mon-sun 02:00-03:00",
            MADRID,
            false,
            windows_by_hand(&[(all_week, &[(hm(2, 0), hm(3, 0))])]),
        ),
        (
            "mon-sun 00:00-02:15 02:15-02:45 02:45-24:00",
            MADRID,
            true,
            windows_by_hand(&[(
                all_week,
                &[(0, hm(2, 15)), (hm(2, 15), hm(2, 45)), (hm(2, 45), DAY)],
            )]),
        ),
        (
            "sun 01:30-02:30",
            NEW_YORK,
            false,
            windows_by_hand(&[(&[6], &[(hm(1, 30), hm(2, 30))])]),
        ),
        (
            "mon-sun 00:30-01:30 23:00-24:00",
            LONDON,
            false,
            windows_by_hand(&[(all_week, &[(hm(0, 30), hm(1, 30)), (hm(23, 0), DAY)])]),
        ),
        (
            "mon-sun 01:45-02:15",
            LORD_HOWE,
            false,
            windows_by_hand(&[(all_week, &[(hm(1, 45), hm(2, 15))])]),
        ),
    ];
    for (text, tz, with_madrid, windows) in hand {
        let schedule: Schedule = text.parse().expect("hand-written schedule parses");
        let (coverage, holidays) = if with_madrid {
            (
                Coverage::new(schedule, Calendar::madrid()),
                Some(madrid.clone()),
            )
        } else {
            (Coverage::ignoring_holidays(schedule), None)
        };
        pool.push(entry(
            format!(
                "{text:?} in {tz}{}",
                if with_madrid {
                    " on Madrid holidays"
                } else {
                    ""
                }
            ),
            coverage.with_time_zone(tz),
            windows,
            holidays,
        ));
    }
}

/// Random schedules and holiday sets from `rng`.
fn push_random_entries(pool: &mut Vec<Entry>, rng: &mut SplitMix, madrid: &BTreeSet<NaiveDate>) {
    let all_week: &[usize] = &[0, 1, 2, 3, 4, 5, 6];
    // Around the clock but closed on random holidays: the stretches end at the holidays.
    {
        let changes = changes_of(MADRID);
        let holidays = random_holidays(rng, MADRID, &changes);
        pool.push(entry(
            "always on random holidays".into(),
            Coverage::new(Schedule::always(), calendar_of(&holidays)),
            windows_by_hand(&[(all_week, &[(0, DAY)])]),
            Some(holidays),
        ));
    }
    for k in 0..40 {
        let tz = match k % 10 {
            3 => SAO_PAULO,
            5 => NEW_YORK,
            7 => LONDON,
            9 => HAVANA,
            _ => MADRID,
        };
        let windows = random_windows(rng);
        let schedule = schedule_of(&windows);
        let (coverage, holidays, what) = match rng.below(5) {
            0 => (Coverage::ignoring_holidays(schedule), None, "no holidays"),
            1 => (
                Coverage::new(schedule, Calendar::empty()),
                Some(BTreeSet::new()),
                "empty calendar",
            ),
            2 => (
                Coverage::new(schedule, Calendar::madrid()),
                Some(madrid.clone()),
                "Madrid holidays",
            ),
            _ => {
                let holidays = random_holidays(rng, tz, &changes_of(tz));
                (
                    Coverage::new(schedule, calendar_of(&holidays)),
                    Some(holidays),
                    "random holidays",
                )
            }
        };
        let label = format!(
            "random #{k} {:?} in {tz}, {what}",
            coverage.schedule().to_string()
        );
        if windows.iter().all(Vec::is_empty) {
            continue; // never open: refused when built (see below)
        }
        pool.push(entry(label, coverage.with_time_zone(tz), windows, holidays));
    }
}

/// Issue 18: the most windows a day a clock accepts, and special hours on many dates each with
/// their own windows, in zones with offset changes.
fn push_busy_entries(pool: &mut Vec<Entry>, rng: &mut SplitMix, madrid: &BTreeSet<NaiveDate>) {
    for (k, tz) in [MADRID, NEW_YORK, HAVANA, GAZA].into_iter().enumerate() {
        let windows = busy_windows(rng, MAX_WINDOWS_PER_DAY);
        let coverage = Coverage::new(schedule_of(&windows), Calendar::madrid()).with_time_zone(tz);
        let label = format!("busy #{k} (up to {MAX_WINDOWS_PER_DAY} windows a day) in {tz}");
        pool.push(entry(label, coverage, windows, Some(madrid.clone())));
    }
    // Special hours on about 400 ranges of 1-6 days across the whole range, each with its own
    // windows (up to the limit), over weekly hours with up to the limit too.
    for (k, tz) in [MADRID, LONDON].into_iter().enumerate() {
        let windows = busy_windows(rng, MAX_WINDOWS_PER_DAY);
        let mut crate_special = Vec::new();
        let mut ref_special = Vec::new();
        let mut date =
            NaiveDate::from_ymd_opt(2000, 1, 1).expect("date") + Days::new(rng.below(60));
        let end = NaiveDate::from_ymd_opt(2100, 12, 31).expect("date");
        while date <= end {
            let last = (date + Days::new(rng.below(6))).min(end);
            let most = 1 + rng.below(MAX_WINDOWS_PER_DAY as u64) as usize;
            let week = busy_windows(rng, most);
            let special = SpecialHours::new("Turno", date, last, schedule_of(&week));
            crate_special.push(special.expect("special hours"));
            ref_special.push((date, last, week));
            date = last + Days::new(1 + rng.below(180));
        }
        let coverage = Coverage::new(schedule_of(&windows), Calendar::madrid())
            .with_time_zone(tz)
            .with_special_hours(crate_special)
            .expect("disjoint special hours");
        let label = format!("busy special #{k} ({} ranges) in {tz}", ref_special.len());
        let mut e = entry(label, coverage, windows, Some(madrid.clone()));
        e.reference.special = ref_special;
        pool.push(e);
    }
}

/// Up to `max` windows on each weekday (at least one on Monday), sorted; they may touch each
/// other and midnight.
fn busy_windows(rng: &mut SplitMix, max: usize) -> Week {
    let mut week: Week = std::array::from_fn(|_| {
        let count = rng.below(max as u64 + 1) as usize;
        let mut points: Vec<i64> = (0..2 * count).map(|_| random_wall(rng)).collect();
        points.sort_unstable();
        points.dedup();
        points
            .chunks(2)
            .filter_map(|pair| match pair {
                [open, close] if open < close => Some((*open, *close)),
                _ => None,
            })
            .collect()
    });
    if week[0].is_empty() {
        week[0].push((hm(9, 0), hm(17, 0)));
    }
    week
}

// ---------------------------------------------------------------------------------------------
// Instants and budgets
// ---------------------------------------------------------------------------------------------

/// Which local day to take a window edge on.
#[derive(Debug, Clone)]
enum DayPick {
    /// Any day of the range.
    Any(u32),
    /// The local day of an offset change, or the day before or after it.
    OfChange(usize, i8),
}

/// An instant, resolved against an entry of the pool.
#[derive(Debug, Clone)]
enum At {
    /// Uniform over the supported range.
    Anywhere(u64),
    /// Near one of the zone's offset changes.
    NearChange(usize, i64),
    /// Near a window edge (opening or closing; midnight on a day with no window).
    Edge(DayPick, u8, i64),
    /// Near the start (`false`) or end (`true`) of the supported range, inside it.
    NearRangeEnd(bool, i64),
}

fn delta() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => Just(0i64),
        3 => -3i64..=3,
        2 => (-120i64..=120).prop_map(|m| m * MINUTE),
        2 => -2 * HOUR..2 * HOUR,
    ]
}

fn day_pick() -> impl Strategy<Value = DayPick> {
    prop_oneof![
        any::<u32>().prop_map(DayPick::Any),
        (any::<usize>(), -1i8..=1).prop_map(|(i, s)| DayPick::OfChange(i, s)),
    ]
}

fn at() -> impl Strategy<Value = At> {
    prop_oneof![
        3 => any::<u64>().prop_map(At::Anywhere),
        3 => (
            any::<usize>(),
            prop_oneof![-3i64..=3, -36 * HOUR..36 * HOUR, (-144i64..=144).prop_map(|q| q * 15 * MINUTE)]
        )
            .prop_map(|(i, o)| At::NearChange(i, o)),
        5 => (day_pick(), any::<u8>(), delta()).prop_map(|(d, s, x)| At::Edge(d, s, x)),
        1 => (any::<bool>(), prop_oneof![0i64..=3, 0..30 * DAY]).prop_map(|(e, o)| At::NearRangeEnd(e, o)),
    ]
}

/// The instant of window slot `slot` (openings even, closings odd) on local `date`, or local
/// midnight on a day without windows.
fn edge_on(e: &Entry, date: NaiveDate, slot: u8) -> i64 {
    let windows = &e.reference.windows[date.weekday().num_days_from_monday() as usize];
    if windows.is_empty() {
        return wall_edge(e.reference.tz, date, 0);
    }
    let slot = slot as usize % (2 * windows.len());
    let (open, close) = windows[slot / 2];
    wall_edge(
        e.reference.tz,
        date,
        if slot % 2 == 0 { open } else { close },
    )
}

fn day_of(e: &Entry, pick: &DayPick) -> NaiveDate {
    let first = common::first_date();
    let days = (common::last_date() - first).num_days() as u64 + 1;
    match *pick {
        DayPick::OfChange(i, shift) if !e.changes.is_empty() => {
            let d = common::local_date(e.reference.tz, e.changes[i % e.changes.len()]);
            d + TimeDelta::days(i64::from(shift))
        }
        DayPick::OfChange(i, _) => first + Days::new(i as u64 % days),
        DayPick::Any(n) => first + Days::new(u64::from(n) % days),
    }
}

fn resolve(e: &Entry, at: &At) -> i64 {
    let (start, end) = e.range;
    let t = match *at {
        At::Anywhere(x) => start + (x % (end - start + 1) as u64) as i64,
        At::NearChange(i, o) if !e.changes.is_empty() => e.changes[i % e.changes.len()] + o,
        At::NearChange(i, o) => start + (i as i64 % (end - start)).abs() + o,
        At::Edge(ref pick, slot, d) => edge_on(e, day_of(e, pick), slot) + d,
        At::NearRangeEnd(false, o) => start + o,
        At::NearRangeEnd(true, o) => end - o,
    };
    e.clamp(t)
}

/// A second instant near a first one (at most about 60 days away).
#[derive(Debug, Clone)]
enum Near {
    Shift(i64),
    Edge(i8, u8, i64),
}

fn near() -> impl Strategy<Value = Near> {
    prop_oneof![
        prop_oneof![-3i64..=3, -DAY..DAY, -60 * DAY..60 * DAY].prop_map(Near::Shift),
        (-60i8..=60, any::<u8>(), delta()).prop_map(|(d, s, x)| Near::Edge(d, s, x)),
    ]
}

fn resolve_near(e: &Entry, from: i64, near: &Near) -> i64 {
    let t = match *near {
        Near::Shift(s) => from + s,
        Near::Edge(days, slot, d) => {
            let date = common::local_date(e.reference.tz, from) + TimeDelta::days(i64::from(days));
            edge_on(e, date, slot) + d
        }
    };
    e.clamp(t)
}

/// A budget of service time, resolved against an entry and a start.
#[derive(Debug, Clone)]
enum Budget {
    /// Any amount up to 400 hours either way.
    Raw(i64),
    /// The service time from the start to an instant near it, plus a few nanoseconds: exact
    /// hits of closings (forward) and openings (backward).
    To(Near, i64),
    /// More than the supported range holds, up to the extremes of `TimeDelta`.
    Huge(i64),
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        3 => prop_oneof![Just(0i64), -3i64..=3, -400 * HOUR..400 * HOUR].prop_map(Budget::Raw),
        6 => (near(), prop_oneof![3 => Just(0i64), 1 => -2i64..=2]).prop_map(|(n, x)| Budget::To(n, x)),
        1 => prop_oneof![Just(i64::MAX), Just(i64::MIN), Just(i64::MIN + 1), any::<i64>()]
            .prop_map(Budget::Huge),
    ]
}

fn resolve_budget(e: &Entry, start: i64, b: &Budget) -> i64 {
    match b {
        Budget::Raw(d) | Budget::Huge(d) => *d,
        Budget::To(n, x) => e.reference.elapsed(start, resolve_near(e, start, n)) + x,
    }
}

fn pool_index() -> impl Strategy<Value = usize> {
    0..pool().len()
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

#[test]
fn pool_clocks_hold_the_schedules_and_range_of_the_reference() {
    for e in pool() {
        let schedule = e.clock.coverage().schedule();
        for (day, windows) in e.reference.windows.iter().enumerate() {
            let got: Vec<(NaiveTime, Option<NaiveTime>)> = schedule
                .windows(WEEKDAYS[day])
                .iter()
                .map(|w| (w.open(), w.close()))
                .collect();
            let want: Vec<(NaiveTime, Option<NaiveTime>)> = windows
                .iter()
                .map(|&(o, c)| (wall_time(o), (c < DAY).then(|| wall_time(c))))
                .collect();
            assert_eq!(got, want, "{}: windows of {:?}", e.label, WEEKDAYS[day]);
        }
        assert_eq!(
            e.clock.supported_range(),
            utc(e.range.0)..=utc(e.range.1),
            "{}",
            e.label
        );
        assert_eq!(
            e.clock.coverage().time_zone(),
            e.reference.tz,
            "{}",
            e.label
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn elapsed_matches_the_reference_over_spans_up_to_60_days(
        i in pool_index(), a in at(), b in near()
    ) {
        let e = &pool()[i];
        let ta = resolve(e, &a);
        let tb = resolve_near(e, ta, &b);
        let want = e.reference.elapsed(ta, tb);
        let got = e.clock.elapsed(utc(ta), utc(tb)).map(|d| d.num_nanoseconds());
        prop_assert_eq!(got, Ok(Some(want)), "{}: elapsed({}, {})", &e.label, utc(ta), utc(tb));
    }

    #[test]
    fn elapsed_is_additive_over_the_whole_range(
        i in pool_index(), a in at(), b in at(), c in at()
    ) {
        let e = &pool()[i];
        let (ta, tb, tc) = (utc(resolve(e, &a)), utc(resolve(e, &b)), utc(resolve(e, &c)));
        let ab = e.clock.elapsed(ta, tb).expect("in range");
        let bc = e.clock.elapsed(tb, tc).expect("in range");
        let ac = e.clock.elapsed(ta, tc).expect("in range");
        prop_assert_eq!(ac, ab + bc, "{}: {} {} {}", &e.label, ta, tb, tc);
    }

    #[test]
    fn elapsed_is_antisymmetric_and_zero_on_an_empty_span(
        i in pool_index(), a in at(), b in at()
    ) {
        let e = &pool()[i];
        let (ta, tb) = (utc(resolve(e, &a)), utc(resolve(e, &b)));
        let ab = e.clock.elapsed(ta, tb).expect("in range");
        let ba = e.clock.elapsed(tb, ta).expect("in range");
        prop_assert_eq!(ab, -ba, "{}: {} {}", &e.label, ta, tb);
        prop_assert_eq!(e.clock.elapsed(ta, ta), Ok(TimeDelta::zero()));
        // Service time never exceeds real time, and has the sign of the span.
        let real = (tb - ta).num_nanoseconds().expect("span fits");
        let service = ab.num_nanoseconds().expect("span fits");
        prop_assert!(service.abs() <= real.abs() && service.signum() * real.signum() >= 0);
    }

    #[test]
    fn open_and_close_queries_match_the_reference(i in pool_index(), a in at()) {
        let e = &pool()[i];
        let t = resolve(e, &a);
        let r = &e.reference;
        let local = utc(t).with_timezone(&r.tz);
        prop_assert_eq!(e.clock.is_open(utc(t)), Ok(r.is_open(t)), "{}: is_open({})", &e.label, local);
        prop_assert_eq!(e.clock.is_open(local), Ok(r.is_open(t)), "{}: is_open({})", &e.label, local);
        prop_assert_eq!(
            e.clock.next_open(utc(t)),
            Ok(r.next_open(t).map(utc)),
            "{}: next_open({})", &e.label, local
        );
        prop_assert_eq!(
            e.clock.next_close(utc(t)),
            Ok(r.next_close(t).map(utc)),
            "{}: next_close({})", &e.label, local
        );
    }

    #[test]
    fn deadline_is_the_first_instant_the_budget_is_used_up(
        i in pool_index(), s in at(), b in budget()
    ) {
        let e = &pool()[i];
        let start = resolve(e, &s);
        let d = resolve_budget(e, start, &b);
        let r = &e.reference;
        let (lo, hi) = e.range;
        // More than the whole range holds cannot be used up inside it: no walk needed.
        let want = if d.unsigned_abs() > (hi - lo) as u64 { None } else { r.deadline(start, d) };
        let got = e.clock.deadline(utc(start), TimeDelta::nanoseconds(d));
        let context = format!("{}: deadline({}, {} ns)", e.label, utc(start).with_timezone(&r.tz), d);
        match want {
            None => prop_assert!(
                matches!(got, Err(Error::DeadlineOutOfRange { .. })),
                "{}: want DeadlineOutOfRange, got {:?}", context, got
            ),
            Some(want) => {
                prop_assert_eq!(got, Ok(utc(want)), "{}", &context);
                let t = utc(want);
                let one = TimeDelta::nanoseconds(1);
                prop_assert_eq!(e.clock.elapsed(utc(start), t), Ok(TimeDelta::nanoseconds(d)), "{}", &context);
                match d.cmp(&0) {
                    Ordering::Greater => {
                        // One nanosecond earlier the budget is not yet used up.
                        prop_assert!(e.clock.elapsed(utc(start), t - one).expect("in range") < TimeDelta::nanoseconds(d), "{}", &context);
                    }
                    Ordering::Less => {
                        // One nanosecond later (walking back, earlier reached) not yet used up.
                        prop_assert!(e.clock.elapsed(t + one, utc(start)).expect("in range") < TimeDelta::nanoseconds(-d), "{}", &context);
                    }
                    Ordering::Equal => {
                        prop_assert_eq!(want, start);
                    }
                }
            }
        }
    }

    #[test]
    fn a_budget_used_up_at_a_close_gives_the_close_and_at_an_opening_the_opening(
        i in pool_index(), s in at()
    ) {
        let e = &pool()[i];
        let r = &e.reference;
        let start = resolve(e, &s);
        // Forward: the end of the next open stretch.
        if let Some(close) = r.next_open(start).and_then(|o| r.next_close(o)) {
            let d = r.elapsed(start, close);
            prop_assert!(d > 0);
            prop_assert_eq!(
                e.clock.deadline(utc(start), TimeDelta::nanoseconds(d)),
                Ok(utc(close)),
                "{}: from {} to the close {}", &e.label, utc(start), utc(close)
            );
        }
        // Backward: the opening of the last open stretch that began before the start.
        if let Some(open) = r.last_opening_before(start) {
            let d = r.elapsed(open, start);
            prop_assert!(d > 0);
            prop_assert_eq!(
                e.clock.deadline(utc(start), TimeDelta::nanoseconds(-d)),
                Ok(utc(open)),
                "{}: back from {} to the opening {}", &e.label, utc(start), utc(open)
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_zero_budget_gives_the_start(i in pool_index(), s in at()) {
        let e = &pool()[i];
        let start = utc(resolve(e, &s));
        prop_assert_eq!(e.clock.deadline(start, TimeDelta::zero()), Ok(start));
    }

    #[test]
    fn instants_outside_2000_to_2100_are_errors(
        i in pool_index(),
        outside in prop_oneof![
            // 1999, and the nanoseconds just before the range
            (0i64..365 * DAY).prop_map(|x| -x - 1),
            // just after the range, 2101 and beyond
            (0i64..100 * 365 * DAY).prop_map(|x| x + 1),
            Just(-1i64), Just(1i64),
        ],
        inside in at(),
        d in -400 * HOUR..400 * HOUR,
    ) {
        let e = &pool()[i];
        let t = if outside < 0 { e.range.0 + outside } else { e.range.1 + outside };
        let t = utc(t);
        let inside = utc(resolve(e, &inside));
        let out = |r: Result<(), Error>| matches!(r, Err(Error::InstantOutOfRange { .. }));
        prop_assert!(out(e.clock.is_open(t).map(drop)), "is_open({})", t);
        prop_assert!(out(e.clock.next_open(t).map(drop)), "next_open({})", t);
        prop_assert!(out(e.clock.next_close(t).map(drop)), "next_close({})", t);
        prop_assert!(out(e.clock.elapsed(t, inside).map(drop)), "elapsed({}, {})", t, inside);
        prop_assert!(out(e.clock.elapsed(inside, t).map(drop)), "elapsed({}, {})", inside, t);
        prop_assert!(out(e.clock.deadline(t, TimeDelta::nanoseconds(d)).map(drop)), "deadline({})", t);
        prop_assert!(out(e.clock.deadline(t, TimeDelta::zero()).map(drop)), "deadline({}, 0)", t);
    }

}

proptest! {
    // Each case walks years of days in the reference: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn elapsed_and_deadline_match_the_reference_over_years(
        i in pool_index(), a in at(), years in -12i64..=12, extra in 0..365 * DAY, sub in -3i64..=3
    ) {
        let e = &pool()[i];
        let r = &e.reference;
        let ta = resolve(e, &a);
        let tb = e.clamp(ta + years * 365 * DAY + extra.min(DAY * 365) * years.signum());
        let want = r.elapsed(ta, tb);
        prop_assert_eq!(
            e.clock.elapsed(utc(ta), utc(tb)).map(|d| d.num_nanoseconds()),
            Ok(Some(want)),
            "{}: elapsed({}, {})", &e.label, utc(ta), utc(tb)
        );
        let d = want + sub;
        let got = e.clock.deadline(utc(ta), TimeDelta::nanoseconds(d));
        prop_assert_eq!(got.ok(), r.deadline(ta, d).map(utc), "{}: deadline({}, {} ns)", &e.label, utc(ta), d);
    }
}

#[test]
fn the_end_of_the_supported_range_counts_as_closed() {
    for e in pool() {
        let end = utc(e.range.1);
        assert_eq!(e.clock.is_open(end), Ok(false), "{}", e.label);
        assert_eq!(e.clock.next_open(end), Ok(None), "{}", e.label);
        assert_eq!(e.clock.next_close(end), Ok(Some(end)), "{}", e.label);
        let start = utc(e.range.0);
        assert_eq!(
            e.clock.elapsed(start, end).map(|d| d.num_nanoseconds()),
            Ok(Some(e.reference.elapsed(e.range.0, e.range.1))),
            "{}: service time of the whole range",
            e.label
        );
    }
}

#[test]
fn budgets_beyond_nanosecond_precision_are_errors_not_panics() {
    for e in pool() {
        let mid = utc((e.range.0 + e.range.1) / 2);
        for budget in [TimeDelta::MAX, TimeDelta::MIN] {
            assert!(
                matches!(
                    e.clock.deadline(mid, budget),
                    Err(Error::DeadlineOutOfRange { .. })
                ),
                "{}: {budget:?}",
                e.label
            );
        }
    }
}

/// chrono-tz precomputes the zones' transitions through 2099 only, so in 2100 Madrid stays on
/// standard time (CET) all year, for the reference and the crate alike.
#[test]
fn the_reference_finds_the_madrid_offset_changes_on_the_last_sundays_of_march_and_october() {
    let changes = changes_of(MADRID);
    assert_eq!(changes.len(), 2 * 100);
    for t in changes {
        let d = common::local_date(MADRID, t);
        assert!((2000..=2099).contains(&d.year()), "{d}");
        assert_eq!(d.weekday(), Weekday::Sun);
        assert!(matches!(d.month(), 3 | 10) && d.day() > 24, "{d}");
        assert_eq!(ns(utc(t)) % HOUR, 0);
    }
}

// Special hours (issue 8): instants around the special dates of the entries that have them.

fn special_entries() -> &'static [usize] {
    static LIST: OnceLock<Vec<usize>> = OnceLock::new();
    LIST.get_or_init(|| {
        pool()
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.reference.special.is_empty())
            .map(|(i, _)| i)
            .collect()
    })
}

/// An instant within a few days of one of the entry's special ranges.
fn near_special(e: &Entry, pick: usize, days: i64, nanos: i64) -> i64 {
    let (first, last, _) = &e.reference.special[pick % e.reference.special.len()];
    let base = if days < 0 { *first } else { *last };
    let date = base + TimeDelta::days(days);
    e.clamp(common::wall_edge(e.reference.tz, date, 0) + nanos)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn special_hours_match_the_reference(
        k in any::<usize>(), pick in any::<usize>(), days in -3i64..=3, nanos in 0..DAY,
        span in prop_oneof![-3i64..=3, -2 * DAY..2 * DAY, -10 * DAY..10 * DAY],
        b in budget(),
    ) {
        let list = special_entries();
        let e = &pool()[list[k % list.len()]];
        let a = near_special(e, pick, days, nanos);
        let t = e.clamp(a + span);
        let want = e.reference.elapsed(a, t);
        prop_assert_eq!(e.clock.elapsed(utc(a), utc(t)).map(|d| d.num_nanoseconds()), Ok(Some(want)), "{}", &e.label);
        prop_assert_eq!(e.clock.is_open(utc(a)), Ok(e.reference.is_open(a)), "{}", &e.label);
        prop_assert_eq!(e.clock.next_open(utc(a)), Ok(e.reference.next_open(a).map(utc)), "{}", &e.label);
        prop_assert_eq!(e.clock.next_close(utc(a)), Ok(e.reference.next_close(a).map(utc)), "{}", &e.label);
        let d = match b {
            Budget::Huge(_) => want,
            _ => resolve_budget(e, a, &b),
        };
        let (lo, hi) = e.range;
        if d.unsigned_abs() <= (hi - lo) as u64 {
            let got = e.clock.deadline(utc(a), TimeDelta::nanoseconds(d)).ok();
            prop_assert_eq!(got, e.reference.deadline(a, d).map(utc), "{}: deadline({}, {})", &e.label, utc(a), d);
        }
    }

    /// The explanation of elapsed: counted stretches add up to the answer, the stretches tile the
    /// span without gap or overlap, every skipped holiday is a holiday of the calendar.
    #[test]
    fn explanations_tile_the_span_and_add_up(
        i in pool_index(), a in at(), b in near(), k in any::<usize>(), pick in any::<usize>(),
        days in -3i64..=3, nanos in 0..DAY, special in any::<bool>(),
    ) {
        let e = if special {
            let list = special_entries();
            &pool()[list[k % list.len()]]
        } else {
            &pool()[i]
        };
        let ta = if special { near_special(e, pick, days, nanos) } else { resolve(e, &a) };
        let tb = resolve_near(e, ta, &b);
        let why = e.clock.explain_elapsed(utc(ta), utc(tb)).expect("in range");
        let elapsed = e.clock.elapsed(utc(ta), utc(tb)).expect("in range");
        prop_assert_eq!(why.answer(), Answer::Elapsed(elapsed));
        let (lo, hi) = (utc(ta.min(tb)), utc(ta.max(tb)));
        let stretches = why.stretches();
        if lo == hi {
            prop_assert!(stretches.is_empty());
        } else {
            prop_assert_eq!(stretches.first().map(|s| s.from), Some(lo));
            prop_assert_eq!(stretches.last().map(|s| s.to), Some(hi));
        }
        let mut counted = TimeDelta::zero();
        for pair in stretches.windows(2) {
            prop_assert_eq!(pair[0].to, pair[1].from, "{}: gap or overlap", &e.label);
        }
        for s in stretches {
            prop_assert!(s.from < s.to, "{}: empty stretch", &e.label);
            match &s.kind {
                StretchKind::Counted { running_total } => {
                    counted += s.duration();
                    prop_assert_eq!(*running_total, counted);
                }
                StretchKind::Skipped(SkipReason::Holiday(h)) => {
                    let calendar = e.clock.coverage().calendar().expect("holidays need a calendar");
                    prop_assert_eq!(calendar.holiday(h.date()).expect("in range"), Some(h));
                }
                StretchKind::Skipped(_) => {}
                other => prop_assert!(false, "{}: unknown stretch {:?}", &e.label, other),
            }
        }
        prop_assert_eq!(counted, elapsed.abs());
        prop_assert_eq!(why.summary().counted, elapsed.abs());
    }

    /// The explanation of a deadline ends at the deadline and counts exactly the budget.
    #[test]
    fn deadline_explanations_answer_the_deadline(i in pool_index(), s in at(), b in budget()) {
        let e = &pool()[i];
        let start = resolve(e, &s);
        let d = match b {
            Budget::Huge(_) => 0,
            _ => resolve_budget(e, start, &b),
        };
        if let Ok(due) = e.clock.deadline(utc(start), TimeDelta::nanoseconds(d)) {
            let why = e.clock.explain_deadline(utc(start), TimeDelta::nanoseconds(d)).expect("same inputs");
            prop_assert_eq!(why.answer(), Answer::Deadline(due));
            prop_assert_eq!(why.summary().counted, TimeDelta::nanoseconds(d).abs());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What a clock refuses (issues 13 and 18)
// ---------------------------------------------------------------------------------------------

#[test]
fn a_coverage_that_never_opens_is_refused_when_the_clock_is_built() {
    let every_day: BTreeSet<NaiveDate> = NaiveDate::from_ymd_opt(2000, 1, 1)
        .expect("date")
        .iter_days()
        .take_while(|d| d.year() <= 2100)
        .collect();
    let never = [
        Coverage::new(Schedule::closed(), Calendar::madrid()),
        Coverage::ignoring_holidays(Schedule::closed()).with_time_zone(LONDON),
        Coverage::new(Schedule::always(), calendar_of(&every_day)),
        // Open only on Saturdays, and every Saturday is a holiday.
        Coverage::new(
            "sat 09:00-14:00".parse().expect("schedule"),
            calendar_of(
                &every_day
                    .iter()
                    .copied()
                    .filter(|d| d.weekday() == Weekday::Sat)
                    .collect(),
            ),
        ),
    ];
    for coverage in never {
        let text = coverage.schedule().to_string();
        let err = Clock::new(coverage).expect_err("a coverage that never opens is refused");
        assert!(
            matches!(err, Error::CoverageNeverOpen { .. }),
            "{text:?}: {err:?}"
        );
        assert!(err.to_string().contains("is never open"), "{err}");
    }
    // One open day in the whole range is enough.
    let one_day = Coverage::new(
        Schedule::always(),
        calendar_of(
            &every_day
                .iter()
                .copied()
                .filter(|d| d.year() != 2050 || d.ordinal() != 1)
                .collect(),
        ),
    );
    let clock = Clock::new(one_day).expect("open on 1 January 2050");
    let (start, _) = clock.supported_range().into_inner();
    let opens = clock
        .next_open(start)
        .expect("in range")
        .expect("opens once");
    assert_eq!(opens.to_rfc3339(), "2049-12-31T23:00:00+00:00");
    assert_eq!(
        clock.next_close(opens),
        Ok(Some(opens + TimeDelta::hours(24)))
    );
    assert_eq!(
        clock.deadline(start, TimeDelta::hours(24)),
        Ok(opens + TimeDelta::hours(24))
    );
}

/// The most windows a day on every day, and special hours on every date of 2000–2100, each
/// with the most windows too: the largest configuration a clock accepts builds.
#[test]
fn the_largest_accepted_coverage_builds_and_one_window_more_is_refused() {
    let busy = |shift: i64| -> Week {
        let step = DAY / MAX_WINDOWS_PER_DAY as i64;
        let day: Vec<(i64, i64)> = (0..MAX_WINDOWS_PER_DAY as i64)
            .map(|k| (k * step + shift, k * step + shift + step / 2))
            .collect();
        std::array::from_fn(|_| day.clone())
    };
    let mut crate_special = Vec::new();
    let mut ref_special = Vec::new();
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    for (k, date) in first
        .iter_days()
        .take_while(|d| d.year() <= 2100)
        .enumerate()
    {
        let week = busy((k as i64 % 97) * 13 * SECOND);
        crate_special.push(SpecialHours::on("Turno", date, schedule_of(&week)).expect("special"));
        if k % 1_000 == 0 {
            ref_special.push((date, date, week));
        }
    }
    assert_eq!(crate_special.len(), 36_890);
    let coverage = Coverage::new(schedule_of(&busy(0)), Calendar::madrid())
        .with_special_hours(crate_special)
        .expect("disjoint special hours");
    let started = std::time::Instant::now();
    let clock = Clock::new(coverage).expect("the largest accepted coverage builds");
    let took = started.elapsed();
    assert!(took.as_secs() < 5, "built in {took:?}");
    // Spot checks against the reference, on the special dates it knows.
    let madrid = madrid_holidays();
    for (date, _, week) in &ref_special {
        let reference = RefCoverage {
            tz: MADRID,
            windows: week.clone(),
            holidays: Some(madrid.clone()),
            special: Vec::new(),
        };
        let a = wall_edge(MADRID, *date, 0);
        let b = wall_edge(MADRID, *date, DAY);
        let got = clock.elapsed(utc(a), utc(b)).expect("in range");
        assert_eq!(
            got.num_nanoseconds(),
            Some(reference.elapsed(a, b)),
            "{date}"
        );
    }

    let mut crowded = busy(0);
    crowded[2].push((DAY - 10 * SECOND, DAY));
    let err = Clock::new(Coverage::ignoring_holidays(schedule_of(&crowded))).expect_err("refused");
    assert_eq!(
        err,
        Error::TooManyWindows {
            weekday: Weekday::Wed,
            count: MAX_WINDOWS_PER_DAY + 1,
            limit: MAX_WINDOWS_PER_DAY,
        }
    );
    assert_eq!(
        err.to_string(),
        "Wed has 17 windows; a clock accepts at most 16 windows a day"
    );
    let special = SpecialHours::on("Turno", first, schedule_of(&crowded)).expect("special");
    let coverage = Coverage::always()
        .with_special_hours(vec![special])
        .expect("one range");
    assert!(matches!(
        Clock::new(coverage),
        Err(Error::TooManyWindows { count: 17, .. })
    ));
}
