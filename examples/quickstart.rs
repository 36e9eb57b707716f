//! The crate's main job in one run: which ticket comes next, and when each falls due.
//!
//! Run with `cargo run --example quickstart`.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Madrid;
use support_sla::queue::{sort_by_queue, QueueKey};
use support_sla::status::{SlaState, TicketFacts};
use support_sla::{Severity, SupportPolicy, TicketId, Tier};

struct Ticket {
    id: TicketId,
    facts: TicketFacts,
    note: &'static str,
}

fn madrid(text: &str) -> Result<DateTime<Utc>, Box<dyn std::error::Error>> {
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")?;
    let local = Madrid
        .from_local_datetime(&naive)
        .single()
        .ok_or("a wall time of the example does not exist")?;
    Ok(local.to_utc())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let policy = SupportPolicy::madrid(); // the policy of the text; build once, share
    let tickets = [
        Ticket {
            id: TicketId::new(101),
            facts: TicketFacts::new(Tier::Standard, Severity::S3, madrid("2025-12-05 13:00")?),
            note: "Friday afternoon; Monday 8 Dec is a holiday",
        },
        Ticket {
            id: TicketId::new(102),
            facts: TicketFacts::new(Tier::Plus, Severity::S2, madrid("2025-12-05 18:45")?),
            note: "evening before 6 Dec (Constitución) and Monday 8 Dec (Inmaculada)",
        },
        Ticket {
            id: TicketId::new(103),
            facts: TicketFacts::new(Tier::Vip, Severity::S1, madrid("2025-12-07 03:00")?)
                .with_first_response(madrid("2025-12-07 03:40")?),
            note: "Vip S1, 3 a.m. on a Sunday: 24x7",
        },
        Ticket {
            id: TicketId::new(104),
            facts: TicketFacts::new(Tier::Standard, Severity::S1, madrid("2025-12-05 09:10")?)
                .with_first_response(madrid("2025-12-05 11:00")?),
            note: "answered late",
        },
        Ticket {
            id: TicketId::new(105),
            facts: TicketFacts::new(Tier::Vip, Severity::S4, madrid("2025-12-04 11:00")?),
            note: "Vip S4 follows Plus hours",
        },
    ];
    let now = madrid("2025-12-09 10:00")?;

    let mut queue: Vec<&Ticket> = tickets.iter().collect();
    sort_by_queue(&mut queue, |t| {
        QueueKey::for_ticket(t.facts.tier, t.facts.severity, t.facts.registered, t.id)
    });

    println!(
        "Queue at {} (Madrid):",
        now.with_timezone(&Madrid).format("%a %d %b %Y %H:%M")
    );
    println!(
        "{:<5} {:<4} {:<12} {:<17} {:<26} {:<26} why",
        "#", "prio", "tier sev", "registered", "response due", "resolution due"
    );
    for t in queue {
        let status = policy.status(&t.facts, now)?;
        let show = |due: DateTime<Utc>, state: SlaState| {
            let word = match state {
                SlaState::Met { .. } => "met",
                SlaState::Pending => "pending",
                SlaState::Breached { .. } => "BREACHED",
                _ => "?",
            };
            format!(
                "{} {word}",
                due.with_timezone(&Madrid).format("%a %d %b %H:%M")
            )
        };
        println!(
            "{:<5} {:<4} {:<12} {:<17} {:<26} {:<26} {}",
            t.id,
            status.priority,
            format!("{} {}", t.facts.tier, t.facts.severity),
            t.facts
                .registered
                .with_timezone(&Madrid)
                .format("%a %d %b %H:%M")
                .to_string(),
            show(status.response.due, status.response.state),
            show(status.resolution.due, status.resolution.state),
            t.note,
        );
    }
    Ok(())
}
