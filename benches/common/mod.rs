//! Fixtures shared by the benchmarks.
#![allow(dead_code)]

/// A small deterministic generator (`SplitMix64`), so fixtures are the same on every run.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

use chrono::{DateTime, Utc};
use support_sla::policy::{PolicyConfig, PolicyHistory};
use support_sla::status::TicketFacts;
use support_sla::{Severity, TicketId, Tier};

/// 2025-11-01T00:00:00 in Madrid (CET, UTC+1 all November): 2025-10-31T23:00:00Z.
pub const NOVEMBER_2025_MADRID: i64 = 1_761_955_200 - 3_600;
/// 2025-12-01T00:00:00 in Madrid.
pub const DECEMBER_2025_MADRID: i64 = NOVEMBER_2025_MADRID + 30 * 86_400;

/// The instant `secs` seconds and `nanos` nanoseconds after the epoch.
pub fn instant(secs: i64, nanos: u32) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, nanos).unwrap_or_default()
}

/// A realistic month of tickets: November 2025 in Madrid.
///
/// - Tiers: 50 % Standard, 35 % Plus, 15 % Vip. Severities: 5 % S1, 15 % S2, 45 % S3, 35 % S4.
/// - Registrations: 80 % on weekdays between 08:00 and 19:00 Madrid time, the rest at any time
///   of any day (nights, weekends, the 1 November holiday); nanosecond offsets.
/// - Answers: a first response after a log-uniform wall-clock delay whose range grows with the
///   severity (S1 3 min–2 h … S4 30 min–3 days), scaled by the tier (Plus 70 %, Vip 40 %); a
///   resolution a further log-uniform delay later (S1 1 h–1 day … S4 8 h–20 days, same
///   scaling); 3 % never answered; answers after the end of the month are not known yet (left
///   `None`). So some objectives are met, some breached, some pending. `examples/report.rs`
///   generates its month the same way.
pub fn november_tickets(n: usize, seed: u64) -> Vec<(TicketId, TicketFacts)> {
    let mut rng = SplitMix64(seed);
    let end = DECEMBER_2025_MADRID;
    (0..n)
        .map(|i| {
            let tier = match rng.below(100) {
                0..50 => Tier::Standard,
                50..85 => Tier::Plus,
                _ => Tier::Vip,
            };
            let severity = match rng.below(100) {
                0..5 => Severity::S1,
                5..20 => Severity::S2,
                20..65 => Severity::S3,
                _ => Severity::S4,
            };
            let office = rng.below(100) < 80;
            let day = loop {
                let day = rng.below(30) as i64;
                // 1 November 2025 is a Saturday: weekday iff (day + 5) % 7 < 5.
                if !office || (day + 5) % 7 < 5 {
                    break day;
                }
            };
            let second_of_day = if office {
                8 * 3_600 + rng.below(11 * 3_600) as i64
            } else {
                rng.below(86_400) as i64
            };
            let registered = NOVEMBER_2025_MADRID + day * 86_400 + second_of_day;
            let registered_at = instant(registered, rng.below(1_000_000_000) as u32);
            let mut facts = TicketFacts::new(tier, severity, registered_at);
            let (response, resolution) = match severity {
                Severity::S1 => ((180, 2 * 3_600), (3_600, 86_400)),
                Severity::S2 => ((300, 4 * 3_600), (2 * 3_600, 3 * 86_400)),
                Severity::S3 => ((900, 86_400), (4 * 3_600, 10 * 86_400)),
                Severity::S4 => ((1_800, 3 * 86_400), (8 * 3_600, 20 * 86_400)),
            };
            // Higher tiers are answered faster: Plus in 70 % of the time, Vip in 40 %.
            let pace = match tier {
                Tier::Standard => 100,
                Tier::Plus => 70,
                Tier::Vip => 40,
            };
            if rng.below(100) >= 3 {
                let responded = registered + log_uniform(&mut rng, response) * pace / 100;
                if responded < end {
                    facts = facts.with_first_response(instant(responded, 0));
                    let resolved = responded + log_uniform(&mut rng, resolution) * pace / 100;
                    if resolved < end {
                        facts = facts.with_resolution(instant(resolved, 0));
                    }
                }
            }
            (TicketId::new(i as u64 + 1), facts)
        })
        .collect()
}

/// Seconds in `[min, max)`, log-uniform: as many delays between 5 and 10 minutes as between
/// 1 and 2 hours.
fn log_uniform(rng: &mut SplitMix64, (min, max): (i64, i64)) -> i64 {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let (lo, hi) = ((min as f64).ln(), (max as f64).ln());
    (lo + u * (hi - lo)).exp() as i64
}

pub mod footprint;

/// A policy history of ten changes (eleven versions): summer hours (09:00–14:00) from 1 July and
/// the usual hours again from 15 September, 2021 to 2025.
pub fn ten_versions() -> PolicyHistory {
    let mut summer = PolicyConfig::default();
    summer.standard_hours = "mon-fri 09:00-14:00".parse().unwrap();
    let mut history = PolicyHistory::new(PolicyConfig::default());
    for year in 2021..=2025 {
        let at = |m, d| {
            DateTime::parse_from_rfc3339(&format!("{year}-{m:02}-{d:02}T00:00:00+02:00")).unwrap()
        };
        history = history
            .then(at(7, 1), summer.clone())
            .then(at(9, 15), PolicyConfig::default());
    }
    history
}
