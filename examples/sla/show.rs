//! Writing answers: the text forms of the command, and their JSON (`--json`).

use chrono::{DateTime, SecondsFormat, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use serde_json::json;
use std::io::Write;
use support_sla::clock::{Answer, Explanation};
use support_sla::policy::ObjectiveSource;
use support_sla::status::{ObjectiveStatus, SlaState, TicketStatus};

use crate::input::Failure;

/// An instant as RFC 3339 in UTC, with a fraction only when not whole.
pub fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// An instant as people in `zone` read it, as the crate's texts show it: `2025-03-04 09:00 CET`
/// (seconds only when not a whole minute).
pub fn for_people(at: DateTime<Utc>, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    if local.second() == 0 && local.nanosecond() == 0 {
        local.format("%Y-%m-%d %H:%M %Z").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M:%S%.f %Z").to_string()
    }
}

/// Whole seconds when exact, else seconds with the fraction (trailing zeros trimmed).
pub fn seconds(delta: TimeDelta) -> String {
    let sign = if delta < TimeDelta::zero() { "-" } else { "" };
    let magnitude = delta.abs();
    let whole = magnitude.num_seconds();
    let nanos = magnitude.subsec_nanos();
    if nanos == 0 {
        format!("{sign}{whole}")
    } else {
        let fraction = format!("{nanos:09}");
        format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
    }
}

/// `value` as one line of JSON.
pub fn json_line(out: &mut dyn Write, value: &impl Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string(value).map_err(|e| format!("writing JSON: {e}"))?;
    writeln!(out, "{text}")?;
    Ok(())
}

/// A ticket's status: `priority Pn`, then one line per objective (or its JSON).
pub fn status(out: &mut dyn Write, status: &TicketStatus, json: bool) -> Result<(), Failure> {
    if json {
        return json_line(out, status);
    }
    writeln!(out, "priority {}", status.priority)?;
    writeln!(out, "{}", objective("response", &status.response))?;
    writeln!(out, "{}", objective("resolution", &status.resolution))?;
    // The policy text gives no figures: say when the budgets are the crate's placeholders.
    let sources = [status.response.source, status.resolution.source];
    if sources.contains(&ObjectiveSource::CrateDefault) {
        writeln!(out, "objectives: {}", ObjectiveSource::CrateDefault)?;
    }
    Ok(())
}

/// One objective as `NAME due=… used=… remaining=… state=…`.
fn objective(name: &str, o: &ObjectiveStatus) -> String {
    let state = match o.state {
        SlaState::Met { at } => format!("met at {}", utc(at)),
        SlaState::Pending => "pending".to_owned(),
        SlaState::Breached { at } => format!("breached at {}", utc(at)),
        other => format!("{other:?}"),
    };
    format!(
        "{name} due={} used={} remaining={} state={state}",
        utc(o.due),
        seconds(o.used),
        seconds(o.remaining)
    )
}

/// An explanation: every stretch, or with `summary` the totals per reason, then the deadline
/// line (or their JSON).
pub fn explanation(
    out: &mut dyn Write,
    why: &Explanation,
    summary: bool,
    json: bool,
) -> Result<(), Failure> {
    match (summary, json) {
        (false, false) => writeln!(out, "{why}")?,
        (false, true) => json_line(out, why)?,
        (true, true) => json_line(
            out,
            &json!({ "summary": why.summary(), "answer": why.answer() }),
        )?,
        (true, false) => {
            writeln!(out, "{}", why.summary())?;
            match why.answer() {
                Answer::Deadline(due) => writeln!(out, "{}", utc(due))?,
                Answer::Elapsed(elapsed) => writeln!(out, "{}", seconds(elapsed))?,
                other => writeln!(out, "{other:?}")?,
            }
        }
    }
    Ok(())
}
