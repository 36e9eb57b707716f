//! A synthetic month of support tickets and its quality-of-service report.
//!
//! Run with `cargo run --example report`. Generates 3,000 tickets registered in November 2025
//! (fixed seed: the same month on every run), computes each ticket's status with the policy of
//! the text at the end of the month, and prints the `QoS` report with its ten worst breaches.
//!
//! The month: half the clients Standard, a third Plus, the rest Vip; mostly S3 and S4 tickets,
//! few S1; 80 % registered in office hours on weekdays, the rest at night, at weekends or on the
//! 1 November holiday. Answers come after delays that grow with the severity and shrink
//! with the tier (drawn log-uniformly, in wall-clock time, so some objectives breach); 3 % never get an answer, and
//! answers that would come after the month are not known yet.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use support_sla::report::QosReport;
use support_sla::status::{TicketFacts, TicketStatus};
use support_sla::{Severity, SupportPolicy, TicketId, Tier};

/// A small deterministic generator (`SplitMix64`, as in the benches' fixtures).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// Seconds in `[min, max)`, log-uniform: as many between 5 and 10 minutes as between 1 and
    /// 2 hours.
    fn log_uniform(&mut self, (min, max): (i64, i64)) -> i64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let (lo, hi) = ((min as f64).ln(), (max as f64).ln());
        (lo + u * (hi - lo)).exp() as i64
    }
}

fn month(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    tickets: usize,
    seed: u64,
) -> Vec<(TicketId, TicketFacts)> {
    let mut rng = SplitMix64(seed);
    let (start, end) = (start.timestamp(), end.timestamp());
    let days = (end - start) / 86_400;
    let at = |secs: i64| DateTime::from_timestamp(secs, 0).unwrap_or_default();
    (0..tickets)
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
            // Office hours on weekdays (08:00–19:00 Madrid), or any time of any day.
            let office = rng.below(100) < 80;
            let registered = loop {
                let day = rng.below(days as u64) as i64;
                let second = if office {
                    8 * 3_600 + rng.below(11 * 3_600) as i64
                } else {
                    rng.below(86_400) as i64
                };
                let t = at(start + day * 86_400 + second);
                let weekday = t.with_timezone(&Madrid).format("%u").to_string();
                if !office || weekday.as_str() < "6" {
                    break t;
                }
            };
            let mut facts = TicketFacts::new(tier, severity, registered);
            // Wall-clock delays (seconds): first response, then resolution after it.
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
                let responded = registered.timestamp() + rng.log_uniform(response) * pace / 100;
                if responded < end {
                    facts = facts.with_first_response(at(responded));
                    let resolved = responded + rng.log_uniform(resolution) * pace / 100;
                    if resolved < end {
                        facts = facts.with_resolution(at(resolved));
                    }
                }
            }
            (TicketId::new(25_110_000 + i as u64 + 1), facts)
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let policy = SupportPolicy::madrid();
    let from = Madrid.with_ymd_and_hms(2025, 11, 1, 0, 0, 0).single();
    let to = Madrid.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).single();
    let (from, to) = from.zip(to).ok_or("November 2025 exists in Madrid")?;
    let (from, to) = (from.to_utc(), to.to_utc());

    let facts = month(from, to, 3_000, 20_251_101); // the seed reads 2025-11-01
    let statuses = facts
        .iter()
        .map(|(id, f)| Ok((*id, policy.status(f, to)?)))
        .collect::<Result<Vec<(TicketId, TicketStatus)>, support_sla::Error>>()?;
    let report = QosReport::new(statuses.iter().map(|(id, s)| (*id, s)), from..to);

    println!("November 2025, Madrid policy, status at 1 December 00:00 (Madrid)\n");
    print!("{report}");

    let mut worst = report.breaches().to_vec();
    worst.sort_by(|a, b| b.overrun.cmp(&a.overrun).then(a.ticket.cmp(&b.ticket)));
    println!("\nThe ten largest overruns (Madrid time):");
    let madrid = |t: DateTime<Utc>| {
        t.with_timezone(&Madrid)
            .format("%a %d %b %H:%M")
            .to_string()
    };
    for b in worst.iter().take(10) {
        println!(
            "  #{}  {:<3} {:<8} {}  {:<14}  registered {}  due {}  {}  over by {}:{:02} of service",
            b.ticket,
            b.priority,
            b.priority.tier(),
            b.priority.severity(),
            b.objective,
            madrid(b.registered),
            madrid(b.due),
            b.answered.map_or_else(
                || "unanswered".to_owned(),
                |a| format!("answered {}", madrid(a))
            ),
            b.overrun.num_hours(),
            b.overrun.num_minutes() % 60,
        );
    }
    Ok(())
}
