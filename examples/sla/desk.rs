//! The subcommands for the desk: `intake` (is this report taken now?) and `calendar` (the
//! holidays, with a city file applied, or as iCalendar).

use std::io::Write;
use std::path::Path;
use support_sla::calendar::{Calendar, CalendarOverrides};
use support_sla::policy::Accepted;
use support_sla::{Channel, Severity, TicketId, Tier};

use crate::clocks::Clocks;
use crate::input::{self, instant, Failure};
use crate::show;

/// `accepted: …` or `refused: …` for a report of `severity` from a `tier` client through
/// `channel` at `at`. A refusal is an answer: the caller exits 0 either way.
pub fn intake(
    out: &mut dyn Write,
    clocks: &mut Clocks,
    (tier, severity, channel): (&str, &str, &str),
    at: &str,
    ticket: Option<&str>,
) -> Result<(), Failure> {
    let tier: Tier = tier.parse()?;
    let severity: Severity = severity.parse()?;
    let channel: Channel = channel.parse()?;
    let at = instant(at)?;
    let ticket: Option<TicketId> = ticket.map(str::parse).transpose()?;
    let policy = clocks.policy();
    match policy.intake(tier, severity, channel, at, ticket)? {
        Ok(Accepted::Register { registered }) => {
            let zone = policy.config().time_zone;
            writeln!(
                out,
                "accepted: register a new ticket at {} (its service clock starts at the next \
                 opening of its coverage)",
                show::for_people(registered, zone)
            )?;
        }
        Ok(Accepted::FollowUp { ticket }) => {
            writeln!(
                out,
                "accepted: a follow-up of ticket {ticket}, no new ticket"
            )?;
        }
        Ok(other) => writeln!(out, "accepted: {other:?}")?,
        Err(refusal) => writeln!(out, "refused: {refusal}")?,
    }
    Ok(())
}

/// `YEAR` or `FIRST..LAST`, first not after last.
pub fn years(text: &str) -> Result<(i32, i32), Failure> {
    let (first, last) = if let Some((first, last)) = text.split_once("..") {
        (input::year(first)?, input::year(last)?)
    } else {
        let year = input::year(text)?;
        (year, year)
    };
    if first > last {
        return Err(format!("years {text:?} run backwards: {first} is after {last}").into());
    }
    Ok((first, last))
}

/// The holidays of `years` on the policy's calendar, with the city's open-data file applied
/// first when given: one line each (`YYYY-MM-DD,level,provenance,name`), or with `ics` the
/// iCalendar document.
pub fn calendar(
    out: &mut dyn Write,
    clocks: &Clocks,
    years_text: &str,
    city_csv: Option<&Path>,
    ics: bool,
) -> Result<(), Failure> {
    let (first, last) = years(years_text)?;
    let mut calendar = Calendar::madrid();
    if let Some(path) = city_csv {
        let shown = path.display().to_string();
        let bytes =
            std::fs::read(path).map_err(|e| format!("reading city calendar {shown:?}: {e}"))?;
        let overrides = CalendarOverrides::from_city_csv(&bytes)
            .map_err(|e| format!("city calendar {shown:?}: {e}"))?;
        calendar = calendar.with_overrides(&overrides)?;
    }
    if let Some(config) = clocks.policy_config() {
        calendar = calendar.with_overrides(&config.calendar_overrides)?;
    }
    if ics {
        // The document ends its lines in CRLF already.
        write!(out, "{}", calendar.to_ics(first..=last)?)?;
        return Ok(());
    }
    for year in first..=last {
        for holiday in calendar.holidays_in_year(year)? {
            writeln!(out, "{holiday}")?;
        }
    }
    Ok(())
}
