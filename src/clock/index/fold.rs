//! Folding the indexes of a history's versions into one index, so that a clock of versions
//! answers every query with the same steps, at the same cost, as a clock of one coverage.
//!
//! The folded index keeps the weeks of the first version's index. A week wholly inside one
//! version's span, on that version's own week grid (the same zone: the same week starts),
//! takes that version's pattern; the weeks a version change cuts (or all the weeks of a
//! version in another zone) are rebuilt from the open intervals each version has inside its
//! part of the week. Patterns are interned as a build interns them (`build::PatternStore`), so
//! a history of N versions holds about the patterns of its distinct coverages, and folding
//! costs a walk over the weeks plus the few rebuilt ones: far less than building one clock.

use super::build::PatternStore;
use super::{Index, Interval};
use std::collections::HashMap;

/// The most open stretches a week of an index may hold (its look-up tables are bytes).
pub(crate) const MAX_STRETCHES_PER_WEEK: usize = u8::MAX as usize;

/// One version's part of a history: its index answers inside `[from, until)`.
pub(crate) struct Part<'a> {
    pub(crate) from: i64,
    pub(crate) until: i64,
    pub(crate) index: &'a Index,
}

/// Why a history cannot be folded: the week starting at `week_start` would hold `count` open
/// stretches, more than [`MAX_STRETCHES_PER_WEEK`] (only versions a few hours apart, many in
/// one week, can do that).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CrowdedWeek {
    pub(crate) week_start: i64,
    pub(crate) count: usize,
}

/// The patterns of the folded index, interned by their shape, and those taken whole from a
/// part's index.
#[derive(Default)]
struct Folder {
    patterns: PatternStore,
    /// By (part, pattern id in that part's index).
    by_source: HashMap<(usize, u16), u16>,
}

impl Folder {
    /// The id, in the folded index, of the pattern `id` of part `p`'s index.
    fn take(&mut self, p: usize, index: &Index, id: u16) -> Option<u16> {
        if let Some(&folded) = self.by_source.get(&(p, id)) {
            return Some(folded);
        }
        let pattern = index.patterns.get(usize::from(id))?;
        let folded = self
            .patterns
            .intern(pattern.len, index.intervals_of(pattern))?;
        self.by_source.insert((p, id), folded);
        Some(folded)
    }
}

impl Index {
    /// The index that answers, at each instant of `[parts[0].from, last.until]`, what the index
    /// of the part in force then answers. The parts are in order, each ending where the next
    /// begins, each inside its own index's range; the first lies in the first index's weeks.
    ///
    /// `Ok(None)` when the parts are not so (a bug of the caller).
    pub(crate) fn fold(parts: &[Part<'_>]) -> Result<Option<Index>, CrowdedWeek> {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            return Ok(None);
        };
        let grid = first.index;
        let mut starts = grid.starts.clone();
        // The last version may end later (a zone west of the first's): its last week grows.
        if let Some(end) = starts.last_mut() {
            *end = (*end).max(last.until);
        }
        let mut folder = Folder::default();
        let mut weeks = Vec::with_capacity(grid.weeks.len());
        let mut scratch: Vec<Interval> = Vec::new();
        let mut p = 0usize;
        for (k, pair) in starts.windows(2).enumerate() {
            let &[ws, we] = pair else { return Ok(None) };
            // The parts overlapping the week: from `p`, while they start before its end.
            while parts.get(p).is_some_and(|part| part.until <= ws) {
                p += 1;
            }
            let overlapping = parts.get(p..).unwrap_or(&[]);
            let count = overlapping.iter().take_while(|part| part.from < we).count();
            let whole = overlapping.first().filter(|part| {
                count == 1
                    && part.from <= ws
                    && we <= part.until
                    && part.index.starts.get(k..k + 2) == Some(&[ws, we][..])
            });
            let id = if let Some((part, id)) =
                whole.and_then(|part| part.index.weeks.get(k).map(|&id| (part, id)))
            {
                folder.take(p, part.index, id)
            } else {
                cut_week(
                    &mut scratch,
                    ws,
                    we,
                    overlapping.get(..count).unwrap_or(&[]),
                );
                if scratch.len() > MAX_STRETCHES_PER_WEEK {
                    return Err(CrowdedWeek {
                        week_start: ws,
                        count: scratch.len(),
                    });
                }
                folder.patterns.intern(we - ws, &scratch)
            };
            match id {
                Some(id) => weeks.push(id),
                None => return Ok(None),
            }
        }
        let range = (first.from, last.until);
        let PatternStore {
            patterns,
            intervals,
            ..
        } = folder.patterns;
        Ok(Index::assemble(range, starts, weeks, patterns, intervals))
    }
}

/// The open intervals of the week `[ws, we)` into `scratch`, relative to `ws`, joined, with the
/// service before each: each part's own, inside its span.
fn cut_week(scratch: &mut Vec<Interval>, ws: i64, we: i64, parts: &[Part<'_>]) {
    scratch.clear();
    for part in parts {
        let (a, b) = (ws.max(part.from), we.min(part.until));
        if a >= b {
            continue;
        }
        for (open, close) in part.index.open_intervals(a, b) {
            Interval::join(scratch, open - ws, close - ws);
        }
    }
    Interval::count_before(scratch);
}
