//! `repair`: the tickets whose answers moved from the old policy to the new.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use support_sla::status::{changes, Moved, ObjectiveKind, SlaState, TicketFacts};
use support_sla::SupportPolicy;

use crate::input::{each_line, instant, Failure};
use crate::show::utc;

/// Reads tickets `ID,TIER,SEVERITY,REGISTERED[,RESPONDED[,RESOLVED]]` (RESPONDED may be empty
/// when RESOLVED is given), one a line, and writes one line per objective whose due instant or
/// state moved: `ID response|resolution DUE_BEFORE -> DUE_AFTER STATE_BEFORE -> STATE_AFTER`
/// (instants RFC 3339 UTC, states `met`, `pending` or `breached`); nothing for a ticket whose
/// answers did not move; `error: line N: …` for a bad line, and the run goes on. Exit status 0
/// when every line was read, 1 when any was an error.
pub fn run(
    old: &SupportPolicy,
    new: &SupportPolicy,
    now: chrono::DateTime<chrono::Utc>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    each_line(input, out, |number, line, out| {
        let answer = line.map_err(Failure::from).and_then(|text| {
            let (id, facts) = ticket(text)?;
            Ok((id, changes(old, new, &facts, now)?))
        });
        match answer {
            Ok((id, Some(moved))) => {
                for objective in moved.iter() {
                    writeln!(out, "{id} {}", describe(objective))?;
                }
            }
            Ok((_, None)) => {}
            Err(Failure::Output(error)) => return Err(Failure::Output(error)),
            Err(error) => {
                writeln!(out, "error: line {number}: {error}")?;
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// One ticket line: its id and facts.
fn ticket(line: &str) -> Result<(&str, TicketFacts), Failure> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let (id, tier, severity, registered, responded, resolved) = match fields.as_slice() {
        [id, tier, severity, registered] => (id, tier, severity, registered, "", ""),
        [id, tier, severity, registered, responded] => {
            (id, tier, severity, registered, *responded, "")
        }
        [id, tier, severity, registered, responded, resolved] => {
            (id, tier, severity, registered, *responded, *resolved)
        }
        _ => {
            return Err(format!(
                "expected ID,TIER,SEVERITY,REGISTERED[,RESPONDED[,RESOLVED]], got {} fields",
                fields.len()
            )
            .into())
        }
    };
    if id.is_empty() {
        return Err("empty ticket id".into());
    }
    let mut facts = TicketFacts::new(tier.parse()?, severity.parse()?, instant(registered)?);
    if !responded.is_empty() {
        facts = facts.with_first_response(instant(responded)?);
    }
    if !resolved.is_empty() {
        facts = facts.with_resolution(instant(resolved)?);
    }
    Ok((id, facts))
}

fn describe(moved: &Moved) -> String {
    let objective = match moved.objective {
        ObjectiveKind::Response => "response",
        ObjectiveKind::Resolution => "resolution",
    };
    format!(
        "{objective} {} -> {} {} -> {}",
        utc(moved.before.due),
        utc(moved.after.due),
        state(moved.before.state),
        state(moved.after.state)
    )
}

/// A state as one word (its instant is the answer or the due instant, already on the line); a
/// state this command does not know is shown as its debug form, never as another state.
fn state(state: SlaState) -> String {
    match state {
        SlaState::Met { .. } => "met".to_owned(),
        SlaState::Pending => "pending".to_owned(),
        SlaState::Breached { .. } => "breached".to_owned(),
        other => format!("{other:?}"),
    }
}
