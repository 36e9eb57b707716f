//! A brute-force reference for a ticket's objectives, written from the documented rules of a
//! timeline (`status::Timeline`, `SupportPolicy::timeline_status`, `policy::Reclassification`)
//! only; it shares no code with `src/`.
//!
//! It walks time **minute by minute** (every event is on a whole minute) from the registration
//! and asks, for each minute, the documented questions: has the ticket been answered, is it
//! paused or resolved at that minute, which classification is in force, does the `restart`
//! rule exclude the minute; then counts the service time of that minute on the reference clock
//! of the right coverage. Past the end of what is known (the answer, or `now`) every minute
//! counts on the clock of the classification in force at the end, as the docs say.

use super::RefCoverage;

/// One minute, in nanoseconds.
pub const MINUTE: i64 = 60 * super::SECOND;

/// What happened, as plain data: classifications are indices into the caller's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefEvent {
    /// Registered with classification `.0`.
    Registered(usize),
    /// The first response.
    FirstResponse,
    /// Waiting on the customer.
    Paused,
    /// The customer answered.
    Resumed,
    /// Classification changed to `.0`.
    Reclassified(usize),
    /// Resolved.
    Resolved,
    /// The resolution did not hold.
    Reopened,
    /// Closed.
    Closed,
}

/// The re-classification rule, as plain data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefRule {
    /// Time used keeps counting; each minute on its own classification's clock.
    KeepUsed,
    /// Only the time since the last change counts.
    Restart,
    /// Every minute on the clock of the classification in force at the end.
    Retroactive,
}

/// A classification: which coverage it runs on and its two budgets (response, resolution), in
/// nanoseconds.
#[derive(Debug, Clone, Copy)]
pub struct RefClass {
    /// Index into the coverages.
    pub coverage: usize,
    /// First-response and resolution budgets.
    pub budgets: [i64; 2],
}

/// What the reference says of one objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefObjective {
    /// The budget of the classification in force at the end.
    pub budget: i64,
    /// Service time counted from the registration to the answer or `now`.
    pub used: i64,
    /// When the budget is used up.
    pub due: i64,
    /// The answer, if any.
    pub answer: Option<i64>,
    /// Unanswered and not counting at `now`.
    pub paused: bool,
    /// Whether an effective re-classification is among the events read.
    pub reclassified: bool,
}

/// A coverage's open intervals swept forward: the service time in `[a, b)` for ever later `a`.
struct Sweep {
    intervals: Vec<(i64, i64)>,
    next: usize,
}

impl Sweep {
    fn open_in(&mut self, a: i64, b: i64) -> i64 {
        while self.intervals.get(self.next).is_some_and(|iv| iv.1 <= a) {
            self.next += 1;
        }
        self.intervals[self.next..]
            .iter()
            .take_while(|iv| iv.0 < b)
            .map(|&(s, e)| (e.min(b) - s.max(a)).max(0))
            .sum()
    }
}

/// Where the ticket stands at a minute, from the events read up to it.
#[derive(Debug, Clone, Copy)]
struct State {
    class: usize,
    paused: bool,
    resolved: bool,
}

fn state_at(events: &[(i64, RefEvent)], t: i64) -> State {
    let mut state = State {
        class: usize::MAX,
        paused: false,
        resolved: false,
    };
    for &(_, event) in events.iter().take_while(|(at, _)| *at <= t) {
        match event {
            RefEvent::Registered(c) | RefEvent::Reclassified(c) => state.class = c,
            RefEvent::Paused => state.paused = true,
            RefEvent::Resumed => state.paused = false,
            RefEvent::Resolved => {
                state.resolved = true;
                state.paused = false;
            }
            RefEvent::Reopened => state.resolved = false,
            RefEvent::FirstResponse | RefEvent::Closed => {}
        }
    }
    state
}

/// The reference answer for objective `which` (0: first response, 1: resolution) of the
/// ticket of `events` (valid, in order, on whole minutes; the first a registration) at `now`
/// (a whole minute).
pub fn objective(
    coverages: &[RefCoverage],
    classes: &[RefClass],
    rule: RefRule,
    events: &[(i64, RefEvent)],
    which: usize,
    now: i64,
) -> RefObjective {
    let registered = events[0].0;
    // The answer: the first response; the last resolution if the ticket ends resolved.
    let ends_resolved = state_at(events, i64::MAX).resolved;
    let answer_index = if which == 0 {
        events.iter().position(|e| e.1 == RefEvent::FirstResponse)
    } else if ends_resolved {
        events.iter().rposition(|e| e.1 == RefEvent::Resolved)
    } else {
        None
    };
    let answer = answer_index.map(|i| events[i].0);
    // The events known: before the answer, or at or before now; the registration always.
    let read: &[(i64, RefEvent)] = if let Some(i) = answer_index {
        &events[..i]
    } else {
        let n = events.iter().filter(|e| e.0 <= now).count().max(1);
        &events[..n]
    };
    let end = answer.unwrap_or(now);
    // Effective changes of classification among the events read.
    let mut class = usize::MAX;
    let mut last_change = None;
    for &(at, event) in read {
        if let RefEvent::Registered(c) | RefEvent::Reclassified(c) = event {
            if class != usize::MAX && c != class {
                last_change = Some(at);
            }
            class = c;
        }
    }
    let final_class = class;
    let budget = classes[final_class].budgets[which];
    let restart_from = match rule {
        RefRule::Restart => last_change,
        _ => None,
    };
    let span_start = registered.min(end) - 3 * super::DAY;
    let span_end = registered.max(end) + 150 * super::DAY;
    let mut sweeps: Vec<Sweep> = coverages
        .iter()
        .map(|c| {
            let first = super::local_date(c.tz, span_start);
            let last = super::local_date(c.tz, span_end);
            Sweep {
                intervals: c.intervals(first, last),
                next: 0,
            }
        })
        .collect();
    // Before the registration (now earlier than it): negative, on the registration's clock.
    let mut used = 0;
    if end < registered {
        let coverage = &coverages[classes[final_class].coverage];
        used = -coverage.elapsed(end, registered);
    }
    let mut counted = 0;
    let mut due = None;
    let mut m = registered;
    while due.is_none() || m < end {
        let (counts, class) = if m < end {
            let state = state_at(read, m);
            let stopped = which == 1 && (state.paused || state.resolved);
            let before_restart = restart_from.is_some_and(|t| m < t);
            let class = match rule {
                RefRule::KeepUsed => state.class,
                RefRule::Restart | RefRule::Retroactive => final_class,
            };
            (!stopped && !before_restart, class)
        } else {
            (true, final_class)
        };
        if counts {
            let coverage = classes[class].coverage;
            let piece = sweeps[coverage].open_in(m, m + MINUTE);
            if due.is_none() && counted + piece >= budget {
                let at = coverages[coverage]
                    .deadline(m, budget - counted)
                    .expect("due within the supported range");
                due = Some(at);
            }
            counted += piece;
            if m < end {
                used += piece;
            }
        }
        m += MINUTE;
        assert!(m < span_end, "the reference span is too short");
    }
    let state = state_at(read, end);
    RefObjective {
        budget,
        used,
        due: due.expect("found"),
        answer,
        paused: answer.is_none() && which == 1 && (state.paused || state.resolved),
        reclassified: last_change.is_some(),
    }
}
