//! Writing answers: the text forms of the command, and their JSON (`--json`).

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use serde::Serialize;
use serde_json::json;
use std::io::Write;
use support_sla::clock::{Answer, Explanation};
use support_sla::status::{ObjectiveStatus, SlaState, TicketStatus};

use crate::input::Failure;

/// An instant as RFC 3339 in UTC, with a fraction only when not whole.
pub fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
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

/// A duration as ISO 8601 (`PT4H`, `-PT15M`, `PT0.5S`), the crate's serde form of durations.
pub fn iso(delta: TimeDelta) -> String {
    let sign = if delta < TimeDelta::zero() { "-" } else { "" };
    let magnitude = delta.abs();
    let total = magnitude.num_seconds();
    let nanos = magnitude.subsec_nanos();
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    let mut text = format!("{sign}PT");
    if h != 0 {
        text.push_str(&format!("{h}H"));
    }
    if m != 0 {
        text.push_str(&format!("{m}M"));
    }
    if s != 0 || nanos != 0 || (h == 0 && m == 0) {
        text.push_str(&s.to_string());
        if nanos != 0 {
            text.push_str(format!(".{nanos:09}").trim_end_matches('0'));
        }
        text.push('S');
    }
    text
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
        return json_line(out, &status_json(status)?);
    }
    writeln!(out, "priority {}", status.priority)?;
    writeln!(out, "{}", objective("response", &status.response))?;
    writeln!(out, "{}", objective("resolution", &status.resolution))?;
    Ok(())
}

/// One objective as `NAME due=… used=… remaining=… state=…`.
fn objective(name: &str, o: &ObjectiveStatus) -> String {
    let state = match o.state {
        SlaState::Met { at } => format!("met at {}", utc(at)),
        SlaState::Pending => "pending".to_owned(),
        SlaState::Breached { at } => format!("breached at {}", utc(at)),
    };
    format!(
        "{name} due={} used={} remaining={} state={state}",
        utc(o.due),
        seconds(o.used),
        seconds(o.remaining)
    )
}

/// The serde form of a status.
///
/// TODO(lead): `TicketStatus` has no serde yet (engineer "layers" adds it). Once it derives
/// `Serialize`, this whole function becomes `serde_json::to_value(status)`; until then it builds
/// the same shape from the public fields, in the crate's conventions (snake_case, instants
/// RFC 3339 UTC, durations ISO 8601).
fn status_json(status: &TicketStatus) -> Result<serde_json::Value, Failure> {
    let objective = |o: &ObjectiveStatus| -> Result<serde_json::Value, Failure> {
        Ok(json!({
            "budget": iso(o.budget),
            "due": utc(o.due),
            "used": iso(o.used),
            "remaining": iso(o.remaining),
            "state": serde_json::to_value(o.state).map_err(|e| format!("writing JSON: {e}"))?,
            "answered": o.answered.map(utc),
            "at_risk": o.at_risk,
            "paused": o.paused,
        }))
    };
    Ok(json!({
        "priority": status.priority.to_string(),
        "registered": utc(status.registered),
        "response": objective(&status.response)?,
        "resolution": objective(&status.resolution)?,
        "rule": status.rule.map(|rule| rule.to_string()),
    }))
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
            }
        }
    }
    Ok(())
}
