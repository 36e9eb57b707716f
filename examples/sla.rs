//! A command-line window on the crate, for operators and scripts.
//!
//! ```text
//! cargo run --example sla -- calendar 2025
//! cargo run --example sla -- elapsed standard 2025-12-05T13:00:00+01:00 2025-12-09T12:00:00+01:00
//! cargo run --example sla -- deadline standard 2025-12-05T13:00:00+01:00 14400
//! printf 'deadline,plus,2025-04-30T18:00:00+02:00,3600\n' | cargo run --example sla -- batch
//! ```
//!
//! - `calendar YEAR`: one line per holiday of the Madrid calendar, `YYYY-MM-DD,level,provenance,name`.
//! - `elapsed COVERAGE FROM TO`: the service time in `[FROM, TO)` in seconds (whole seconds when
//!   exact, else with the fraction; negative when TO is before FROM).
//! - `deadline COVERAGE START SECONDS`: the instant the budget is used up, RFC 3339 in UTC.
//! - `batch`: lines `elapsed,COVERAGE,FROM,TO` or `deadline,COVERAGE,START,SECONDS` on stdin, one
//!   answer per line; a bad line gives `error: …` and the batch goes on.
//!
//! - `explain [--summary] COVERAGE START SECONDS`: why the deadline falls where it does: each
//!   stretch counted or skipped with its reason (or, with `--summary`, totals per reason); the
//!   last line is the deadline in the same format as `deadline`.
//! - `status TIER SEVERITY REGISTERED [--responded T] [--resolved T] --now T`: the ticket's
//!   priority and, per objective, due instant, service time used and remaining (seconds) and state.
//!
//! COVERAGE is `standard`, `plus`, `always`, or `TIER:SEVERITY` (`vip:1`, `plus:S3`) for the
//! coverage the policy gives that ticket; instants are RFC 3339 with any offset.

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeDelta};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use support_sla::calendar::Calendar;
use support_sla::clock::{Answer, Clock};
use support_sla::coverage::Coverage;
use support_sla::status::{ObjectiveStatus, SlaState, TicketFacts};
use support_sla::{Severity, SupportPolicy, Tier};

type Failure = Box<dyn std::error::Error>;

const USAGE: &str = "usage: sla calendar YEAR | sla elapsed COVERAGE FROM TO | \
sla deadline COVERAGE START SECONDS | sla batch | \
sla explain [--summary] COVERAGE START SECONDS | \
sla status TIER SEVERITY REGISTERED [--responded T] [--resolved T] --now T   \
(COVERAGE: standard, plus, always or TIER:SEVERITY)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut clocks = Clocks::default();
    let result = match args.first().map(String::as_str) {
        Some("calendar") => calendar(&args[1..]),
        Some("batch") => batch(&mut clocks),
        Some("explain") => explain(&mut clocks, &args[1..]).map(|text| println!("{text}")),
        Some("status") => status(&mut clocks, &args[1..]).map(|text| print!("{text}")),
        Some(_) => answer(&mut clocks, &args).map(|line| println!("{line}")),
        None => Err(USAGE.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn calendar(args: &[String]) -> Result<(), Failure> {
    let [year] = args else {
        return Err(USAGE.into());
    };
    let year: i32 = year
        .parse()
        .map_err(|_| format!("year {year:?} is not a number"))?;
    let calendar = Calendar::madrid();
    let mut out = std::io::stdout().lock();
    for holiday in calendar.holidays_in_year(year)? {
        writeln!(out, "{holiday}")?;
    }
    Ok(())
}

/// Clocks built on first use: building one precomputes a century of service time.
#[derive(Default)]
struct Clocks {
    presets: HashMap<String, Clock>,
    policy: Option<SupportPolicy>,
}

impl Clocks {
    fn policy(&mut self) -> &SupportPolicy {
        self.policy.get_or_insert_with(SupportPolicy::madrid)
    }

    fn get(&mut self, name: &str) -> Result<&Clock, Failure> {
        if let Some((tier, severity)) = name.split_once(':') {
            let (tier, severity): (Tier, Severity) = (tier.parse()?, severity.parse()?);
            return Ok(self.policy().coverage_clock(tier, severity));
        }
        if !self.presets.contains_key(name) {
            let coverage = match name {
                "standard" => Coverage::standard(),
                "plus" => Coverage::plus(),
                "always" => Coverage::always(),
                _ => {
                    return Err(format!(
                    "unknown coverage {name:?}: expected standard, plus, always or TIER:SEVERITY"
                )
                    .into())
                }
            };
            self.presets.insert(name.to_owned(), Clock::new(coverage)?);
        }
        self.presets
            .get(name)
            .ok_or_else(|| format!("coverage {name:?} could not be built").into())
    }
}

/// Answers one `elapsed` or `deadline` request given as words.
fn answer<S: AsRef<str>>(clocks: &mut Clocks, words: &[S]) -> Result<String, Failure> {
    let words: Vec<&str> = words.iter().map(|w| w.as_ref().trim()).collect();
    match words.as_slice() {
        ["elapsed", coverage, from, to] => {
            let clock = clocks.get(coverage)?;
            Ok(seconds(clock.elapsed(instant(from)?, instant(to)?)?))
        }
        ["deadline", coverage, start, budget] => {
            let clock = clocks.get(coverage)?;
            let due = clock.deadline(instant(start)?, duration(budget)?)?;
            Ok(due.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
        [command @ ("elapsed" | "deadline"), ..] => {
            Err(format!("{command} takes 3 arguments, got {}", words.len() - 1).into())
        }
        [command, ..] => Err(format!("unknown command {command:?}; {USAGE}").into()),
        [] => Err(USAGE.into()),
    }
}

fn batch(clocks: &mut Clocks) -> Result<(), Failure> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    for line in stdin.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let words: Vec<&str> = line.split(',').collect();
        match answer(clocks, &words) {
            Ok(text) => writeln!(out, "{text}")?,
            Err(error) => writeln!(out, "error: {error}")?,
        }
    }
    Ok(())
}

fn instant(text: &str) -> Result<DateTime<FixedOffset>, Failure> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("instant {text:?} is not RFC 3339 ({e})").into())
}

/// Seconds, possibly negative and fractional (`-90`, `1.5`), as an exact duration.
fn duration(text: &str) -> Result<TimeDelta, Failure> {
    let bad = || format!("seconds {text:?} is not a number of seconds");
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty()
        || fraction.len() > 9
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(bad().into());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let nanos: i64 = format!("{fraction:0<9}").parse().map_err(|_| bad())?;
    let magnitude = TimeDelta::try_seconds(whole)
        .and_then(|s| s.checked_add(&TimeDelta::nanoseconds(nanos)))
        .ok_or_else(bad)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// Whole seconds when exact, else seconds with the fraction (trailing zeros trimmed).
fn seconds(delta: TimeDelta) -> String {
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

/// `status TIER SEVERITY REGISTERED [--responded T] [--resolved T] --now T`.
fn status(clocks: &mut Clocks, args: &[String]) -> Result<String, Failure> {
    let [tier, severity, registered, options @ ..] = args else {
        return Err(USAGE.into());
    };
    let mut facts = TicketFacts::new(tier.parse()?, severity.parse()?, instant(registered)?);
    let mut now = None;
    let mut rest = options.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| format!("{flag} needs an instant"))?;
        let at = instant(value)?;
        match flag.as_str() {
            "--responded" => facts = facts.with_first_response(at),
            "--resolved" => facts = facts.with_resolution(at),
            "--now" => now = Some(at),
            _ => return Err(format!("unknown option {flag:?}; {USAGE}").into()),
        }
    }
    let now = now.ok_or("status needs --now T")?;
    let status = clocks.policy().status(&facts, now)?;
    Ok(format!(
        "priority {}\n{}\n{}\n",
        status.priority,
        objective("response", &status.response),
        objective("resolution", &status.resolution)
    ))
}

/// One objective as `NAME due=… used=… remaining=… state=…`.
fn objective(name: &str, o: &ObjectiveStatus) -> String {
    let utc = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
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

/// `explain [--summary] COVERAGE START SECONDS`.
fn explain(clocks: &mut Clocks, args: &[String]) -> Result<String, Failure> {
    let (summary, rest) = match args.split_first() {
        Some((flag, rest)) if flag == "--summary" => (true, rest),
        _ => (false, args),
    };
    let [coverage, start, budget] = rest else {
        return Err(USAGE.into());
    };
    let clock = clocks.get(coverage)?;
    let why = clock.explain_deadline(instant(start)?, duration(budget)?)?;
    Ok(match why.answer() {
        Answer::Deadline(due) if summary => format!(
            "{}\n{}",
            why.summary(),
            due.to_rfc3339_opts(SecondsFormat::AutoSi, true)
        ),
        _ => format!("{why}"),
    })
}
