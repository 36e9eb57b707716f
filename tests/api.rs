//! Promises of the public API that the compiler checks: auto traits, the derives callers rely
//! on, and the size of the types on the hot path.
//!
//! Nothing here runs anything interesting: if this file compiles, the promises hold. The tests
//! only make the checks visible in `cargo test`.

use std::fmt::Debug;
use std::hash::Hash;
use std::mem::size_of;
use support_sla::calendar::{Calendar, CalendarOverrides, Holiday, Level, Provenance, YearList};
use support_sla::clock::Clock;
use support_sla::coverage::{Coverage, Schedule, ScheduleBuilder, Window};
use support_sla::queue::QueueKey;
use support_sla::{Channel, Error, Priority, Severity, TicketId, Tier};

fn shareable<T: Send + Sync + 'static>() {}

/// Plain values: copied, compared, ordered, hashed and printed like integers.
fn plain_value<T: Copy + Ord + Hash + Debug + Send + Sync + 'static>() {}

/// Every public type can be sent to and shared between threads: a policy or a clock is built
/// once and used by every worker.
#[test]
fn public_types_are_send_and_sync() {
    shareable::<Tier>();
    shareable::<Severity>();
    shareable::<Channel>();
    shareable::<Priority>();
    shareable::<TicketId>();
    shareable::<QueueKey>();
    shareable::<Error>();
    shareable::<Calendar>();
    shareable::<CalendarOverrides>();
    shareable::<YearList>();
    shareable::<Holiday>();
    shareable::<Level>();
    shareable::<Provenance>();
    shareable::<Coverage>();
    shareable::<Schedule>();
    shareable::<ScheduleBuilder>();
    shareable::<Window>();
    shareable::<Clock>();
    shareable::<support_sla::SupportPolicy>();
    shareable::<support_sla::policy::PolicyConfig>();
    shareable::<support_sla::policy::Refusal>();
    shareable::<support_sla::status::TicketFacts>();
    shareable::<support_sla::status::TicketStatus>();
    shareable::<support_sla::policy::HourBank>();
    shareable::<support_sla::policy::FeatureRequest>();
    shareable::<support_sla::policy::RequestKind>();
    shareable::<support_sla::policy::ScopeDecision>();
    shareable::<support_sla::coverage::SpecialHours>();
    shareable::<support_sla::clock::Explanation>();
    shareable::<support_sla::report::QosReport>();
    shareable::<support_sla::status::Timeline>();
    shareable::<support_sla::status::Event>();
    shareable::<support_sla::status::Thresholds>();
    shareable::<support_sla::policy::Reclassification>();
}

#[test]
fn the_vocabulary_and_the_queue_key_are_plain_values() {
    plain_value::<Tier>();
    plain_value::<Severity>();
    plain_value::<Channel>();
    plain_value::<Priority>();
    plain_value::<TicketId>();
    plain_value::<QueueKey>();
}

#[test]
fn errors_are_std_errors_that_compare() {
    fn std_error<T: std::error::Error + Clone + Eq + Send + Sync + 'static>() {}
    std_error::<Error>();
}

// The sizes, checked when this file compiles.
const _: () = assert!(size_of::<Tier>() == 1);
const _: () = assert!(size_of::<Severity>() == 1);
const _: () = assert!(size_of::<Channel>() == 1);
const _: () = assert!(size_of::<Priority>() == 1);
const _: () = assert!(size_of::<TicketId>() == 8);
// Priority, instant (seconds and nanoseconds, leap seconds included) and number in a u128 and a
// u64: 24 bytes of data, 32 with the alignment of u128.
const _: () = assert!(size_of::<QueueKey>() <= 32);
const _: () = assert!(size_of::<Option<Tier>>() == 1);
const _: () = assert!(size_of::<Option<Severity>>() == 1);

#[test]
fn hot_types_are_small() {
    assert_eq!(size_of::<Tier>(), 1);
    assert_eq!(size_of::<Severity>(), 1);
    assert_eq!(size_of::<Priority>(), 1);
    assert_eq!(size_of::<TicketId>(), 8);
    #[cfg(target_pointer_width = "64")]
    assert_eq!(size_of::<QueueKey>(), 32);
}
