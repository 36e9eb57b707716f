//! The crate's main job in one run: which ticket comes next.
//!
//! Run with `cargo run --example quickstart`.

use chrono::TimeZone;
use chrono_tz::Europe::Madrid;
use support_sla::queue::{sort_queue, QueueKey};
use support_sla::{Severity, TicketId, Tier};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let at = |d, h, m| Madrid.with_ymd_and_hms(2025, 12, d, h, m, 0).single();
    let tickets = [
        (101, Tier::Standard, Severity::S3, at(5, 13, 0)),
        (102, Tier::Plus, Severity::S2, at(5, 18, 45)),
        (103, Tier::Vip, Severity::S1, at(7, 3, 0)),
        (104, Tier::Standard, Severity::S1, at(5, 9, 10)),
        (105, Tier::Vip, Severity::S4, at(4, 11, 0)),
    ];
    let mut queue = Vec::new();
    for (id, tier, severity, registered) in tickets {
        let registered = registered.ok_or("a wall time of the example does not exist")?;
        queue.push(QueueKey::for_ticket(
            severity,
            tier,
            registered,
            TicketId::new(id),
        ));
    }
    sort_queue(&mut queue);
    println!("Queue order (severity first, then Vip > Plus > Standard, then earliest):");
    for key in &queue {
        let p = key.priority();
        println!(
            "  #{:<4} {:<4} {} {:<8} registered {}",
            key.id(),
            p,
            p.severity(),
            p.tier(),
            key.registered()
                .with_timezone(&Madrid)
                .format("%a %Y-%m-%d %H:%M %Z")
        );
    }
    Ok(())
}
