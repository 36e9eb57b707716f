//! Queue order: which ticket the team works on next.

use crate::{priority::Priority, severity::Severity, ticket::TicketId, tier::Tier};
use chrono::{DateTime, TimeZone, Utc};

/// The key that orders the support queue: priority rank, then registration instant (earlier
/// first), then ticket number (smaller first).
///
/// The order is total and deterministic: two keys are equal only when all three parts are. It is
/// exactly the lexicographic order of `(priority, registered, id)`, at nanosecond resolution and
/// over every instant `chrono` can represent (including leap-second instants).
///
/// The key is packed into integers so that comparing two keys is two integer comparisons: it is
/// built once per ticket and is what the sort functions of this module compare.
///
/// # Source
///
/// > «con el fin de atender antes a los clientes que tienen mayor prioridad» — the queue serves
/// > higher priority first; ties go to the earlier registration, then the smaller ticket number
/// > (DESIGN.md), so the order never depends on input order.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::queue::{sort_queue, QueueKey};
/// use support_sla::{Priority, Severity, TicketId, Tier};
///
/// let at = |h| Utc.with_ymd_and_hms(2025, 3, 3, h, 0, 0).unwrap();
/// let mut queue = vec![
///     QueueKey::new(Priority::new(Tier::Vip, Severity::S3), at(8), TicketId::new(1)),
///     QueueKey::new(Priority::new(Tier::Standard, Severity::S1), at(10), TicketId::new(3)),
///     QueueKey::new(Priority::new(Tier::Standard, Severity::S1), at(9), TicketId::new(2)),
/// ];
/// sort_queue(&mut queue);
/// let ids: Vec<u64> = queue.iter().map(|k| k.id().get()).collect();
/// assert_eq!(ids, [2, 3, 1]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QueueKey {
    /// rank (4 bits) << 95 | (seconds since the epoch, offset to be unsigned) << 31 | nanoseconds
    head: u128,
    id: u64,
}

const NANOS_BITS: u32 = 31;
const SECONDS_BITS: u32 = 64;
const RANK_SHIFT: u32 = NANOS_BITS + SECONDS_BITS;
const NANOS_MASK: u128 = (1 << NANOS_BITS) - 1;

impl QueueKey {
    /// The key of a ticket of this priority, registered at `registered`, numbered `id`.
    pub fn new<Tz: TimeZone>(priority: Priority, registered: DateTime<Tz>, id: TicketId) -> Self {
        let registered = registered.with_timezone(&Utc);
        // Offset the signed seconds so that unsigned order equals time order.
        let seconds = (registered.timestamp() as u64) ^ (1 << 63);
        let nanos = registered.timestamp_subsec_nanos();
        QueueKey {
            head: (u128::from(priority.rank()) << RANK_SHIFT)
                | (u128::from(seconds) << NANOS_BITS)
                | u128::from(nanos),
            id: id.get(),
        }
    }

    /// The key of a ticket of this tier and severity: shorthand for
    /// `QueueKey::new(Priority::new(tier, severity), registered, id)`.
    pub fn for_ticket<Tz: TimeZone>(
        tier: Tier,
        severity: Severity,
        registered: DateTime<Tz>,
        id: TicketId,
    ) -> Self {
        QueueKey::new(Priority::new(tier, severity), registered, id)
    }

    /// The priority part of the key.
    ///
    /// # Panics
    ///
    /// Never: the rank stored in a key is taken from a [`Priority`].
    pub fn priority(&self) -> Priority {
        let rank = (self.head >> RANK_SHIFT) as u8;
        Priority::from_rank(rank).expect("invariant: the rank of a key is taken from a Priority")
    }

    /// The registration instant part of the key.
    ///
    /// # Panics
    ///
    /// Never: the instant stored in a key is taken from a valid `DateTime<Utc>`.
    pub fn registered(&self) -> DateTime<Utc> {
        let seconds = ((self.head >> NANOS_BITS) as u64 ^ (1 << 63)) as i64;
        let nanos = (self.head & NANOS_MASK) as u32;
        DateTime::from_timestamp(seconds, nanos)
            .expect("invariant: the instant of a key is taken from a valid DateTime<Utc>")
    }

    /// The ticket number part of the key.
    pub fn id(&self) -> TicketId {
        TicketId::new(self.id)
    }
}

/// Sorts keys into queue order: the ticket to work on next comes first.
///
/// Keys are totally ordered, so the result does not depend on the input order: it is the order
/// of `keys.sort()`, computed faster. Each key is packed into the bits its slice needs: rank,
/// instant after the earliest, number above the smallest. In the usual backlog (registrations
/// within a few years, ticket numbers close together) that is at most 64 bits plus log2 of the
/// slice's length, and the sort is one counting pass on the high bits and `u64` sorts of small
/// buckets, close to the cost of sorting as many `u64`s. Other slices within about 17 years are
/// sorted as packed `u128`s, the rest as keys. It allocates at most 24 bytes per key.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::queue::{sort_queue, QueueKey};
/// use support_sla::{Severity, TicketId, Tier};
///
/// let t = Utc.with_ymd_and_hms(2025, 6, 2, 9, 0, 0).unwrap();
/// let mut keys = vec![
///     QueueKey::for_ticket(Tier::Standard, Severity::S2, t, TicketId::new(7)),
///     QueueKey::for_ticket(Tier::Vip, Severity::S2, t, TicketId::new(8)),
/// ];
/// sort_queue(&mut keys);
/// assert_eq!(keys[0].id(), TicketId::new(8)); // same severity: Vip first
/// ```
pub fn sort_queue(keys: &mut [QueueKey]) {
    match Compact::for_keys(keys) {
        Some(compact) => compact.sort(keys),
        None => keys.sort_unstable(),
    }
}

/// The instant part of a key's head: seconds and nanoseconds, in time order.
const INSTANT_MASK: u128 = (1 << RANK_SHIFT) - 1;
/// Bits the compact form gives the instant at most, relative to the earliest key: 2^60 units of
/// 2^-31 s, about 17 years between the earliest and the latest registration.
const COMPACT_INSTANT_BITS: u32 = 60;
/// Bits of the rank in the compact form (ranks are 1 to 12).
const COMPACT_RANK_BITS: u32 = 4;

/// The keys of one slice packed, losslessly and in order, into as few bits as the slice needs:
///
/// `rank << (instant_bits + id_bits) | (instant - earliest) << id_bits | (id - first_id)`
///
/// Each field is smaller than 2 to the power of its width (`instant_bits` and `id_bits` are the
/// widths of the slice's spans), so the fields do not overlap and the packed value compares as
/// the tuple (rank, instant, id), which is the order of the keys (the head is `rank << 95 |
/// instant` with `instant < 2^95`). The widths add up to at most 4 + 60 + 64 = 128 bits.
struct Compact {
    earliest: u128,
    instant_bits: u32,
    first_id: u64,
    id_bits: u32,
}

/// The number of bits needed to write `span`.
fn width(span: u128) -> u32 {
    u128::BITS - span.leading_zeros()
}

/// The `bits` lowest bits set (`bits < 128`).
fn low_bits(bits: u32) -> u128 {
    (1 << bits) - 1
}

impl Compact {
    /// The packing of `keys`, or `None` when `keys` is empty or its instants span 2^60 units or
    /// more.
    fn for_keys(keys: &[QueueKey]) -> Option<Compact> {
        let mut parts = keys.iter().map(|k| (k.head & INSTANT_MASK, k.id));
        let (instant, id) = parts.next()?;
        let (earliest, latest, first_id, last_id) = parts
            .fold((instant, instant, id, id), |(t0, t1, i0, i1), (t, i)| {
                (t0.min(t), t1.max(t), i0.min(i), i1.max(i))
            });
        let span = latest - earliest;
        (span < 1 << COMPACT_INSTANT_BITS).then_some(Compact {
            earliest,
            instant_bits: width(span),
            first_id,
            id_bits: width(u128::from(last_id - first_id)),
        })
    }

    fn pack(&self, key: &QueueKey) -> u128 {
        let rank = key.head >> RANK_SHIFT;
        let instant = (key.head & INSTANT_MASK) - self.earliest;
        let id = u128::from(key.id - self.first_id);
        (rank << (self.instant_bits + self.id_bits)) | (instant << self.id_bits) | id
    }

    fn unpack(&self, packed: u128) -> QueueKey {
        let rank = packed >> (self.instant_bits + self.id_bits);
        let instant = (packed >> self.id_bits) & low_bits(self.instant_bits);
        QueueKey {
            head: (rank << RANK_SHIFT) | (instant + self.earliest),
            id: (packed & low_bits(self.id_bits)) as u64 + self.first_id,
        }
    }

    /// Sorts `keys` (not empty, all of this packing).
    ///
    /// A packed key compares as the pair (`packed >> 64`, `packed as u64`). When there are no
    /// more possible high parts than keys (`2^high_bits <= len`), a counting pass places the low
    /// parts into one bucket per high part, buckets in high-part order; sorting each bucket as
    /// `u64`s then sorts the whole. Otherwise the packed keys are sorted as `u128`s.
    fn sort(&self, keys: &mut [QueueKey]) {
        let high_bits = (COMPACT_RANK_BITS + self.instant_bits + self.id_bits).saturating_sub(64);
        if high_bits > keys.len().ilog2() {
            let mut packed: Vec<u128> = keys.iter().map(|k| self.pack(k)).collect();
            packed.sort_unstable();
            for (key, p) in keys.iter_mut().zip(packed) {
                *key = self.unpack(p);
            }
            return;
        }
        // `high < 2^high_bits <= len`: every index below is in bounds.
        let high = |packed: u128| (packed >> 64) as usize;
        // starts[h] = where bucket h begins in `low`; starts[2^high_bits] = len.
        let mut starts = vec![0; (1 << high_bits) + 1];
        for key in keys.iter() {
            starts[high(self.pack(key))] += 1;
        }
        let mut total = 0;
        for start in &mut starts {
            (*start, total) = (total, total + *start);
        }
        let mut next = starts.clone();
        let mut low = vec![0u64; keys.len()];
        for key in keys.iter() {
            let packed = self.pack(key);
            let slot = &mut next[high(packed)];
            low[*slot] = packed as u64;
            *slot += 1;
        }
        for (h, bounds) in starts.windows(2).enumerate() {
            let bucket = &mut low[bounds[0]..bounds[1]];
            bucket.sort_unstable();
            for (key, &l) in keys[bounds[0]..bounds[1]].iter_mut().zip(bucket.iter()) {
                *key = self.unpack((h as u128) << 64 | u128::from(l));
            }
        }
    }
}

/// Sorts any tickets into queue order by the key `key_of` gives for each.
///
/// Each ticket's key is computed once (not once per comparison). Tickets with equal keys (the
/// same priority, instant and number) keep their relative order; give each ticket its own
/// number and the order is fully determined.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::queue::{sort_by_queue, QueueKey};
/// use support_sla::{Severity, TicketId, Tier};
///
/// struct Ticket { id: u64, tier: Tier, severity: Severity }
/// let t = Utc.with_ymd_and_hms(2025, 6, 2, 9, 0, 0).unwrap();
/// let mut tickets = vec![
///     Ticket { id: 1, tier: Tier::Vip, severity: Severity::S4 },
///     Ticket { id: 2, tier: Tier::Standard, severity: Severity::S1 },
/// ];
/// sort_by_queue(&mut tickets, |x| QueueKey::for_ticket(x.tier, x.severity, t, TicketId::new(x.id)));
/// assert_eq!(tickets[0].id, 2);
/// ```
pub fn sort_by_queue<T>(tickets: &mut [T], key_of: impl FnMut(&T) -> QueueKey) {
    tickets.sort_by_cached_key(key_of);
}
