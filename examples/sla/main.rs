//! A command-line window on the crate, for operators and scripts.
//!
//! ```text
//! cargo run --example sla -- calendar 2025
//! cargo run --example sla -- calendar 2025..2026 --ics > festivos.ics
//! cargo run --example sla -- calendar 2026 --city-csv calendario_laboral.csv
//! cargo run --example sla -- intake standard 1 phone 2025-03-03T19:00:00+01:00 --ticket 4711
//! cargo run --example sla -- elapsed standard 2025-12-05T13:00:00+01:00 2025-12-09T12:00:00+01:00
//! cargo run --example sla -- deadline standard 2025-12-05T13:00:00+01:00 14400
//! cargo run --example sla -- status plus 2 2025-12-05T18:45:00+01:00 --now 2025-12-09T10:00:00+01:00 --json
//! cargo run --example sla -- timeline --now 2025-03-04T12:00:00+01:00 < events.json
//! printf 'deadline,plus,2025-04-30T18:00:00+02:00,3600\n' | cargo run --example sla -- batch
//! ```
//!
//! `sla help` and `sla SUBCOMMAND --help` say what each subcommand takes. Every subcommand takes
//! `--policy FILE`: the policy document (the JSON of `support_sla::policy::PolicyConfig`, or a
//! history of versions `{"versions": [{"policy": {…}}, {"from": "…", "policy": {…}}]}`) to use
//! instead of the built-in policy of the text.
//!
//! `sla repair --old FILE --new FILE --now T < tickets.csv`: one line per ticket objective whose
//! due instant or state moved between the two policies.
//!
//! Exit status: 0 when everything was answered, 1 when a request could not be answered (and,
//! for `batch`, when any line was an error), 2 for a usage error, 141 when the reader of the
//! output went away (a closed pipe, as `| head -1`: the command stops quietly). Never a panic.

mod batch;
mod clocks;
mod desk;
mod input;
mod repair;
mod show;

use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use support_sla::clock::Answer;
use support_sla::status::{TicketFacts, Timeline};

use clocks::Clocks;
use input::{duration, instant, Failure};

/// Exit status when the output's reader went away: 128 + SIGPIPE, as a shell reports a process
/// killed by a closed pipe.
const CLOSED_PIPE: u8 = 141;

/// Business-time SLA arithmetic of the support policy, from the command line.
#[derive(Debug, Parser)]
#[command(name = "sla", disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The policy every subcommand takes.
#[derive(Debug, Args)]
struct PolicyArg {
    /// The policy document (`PolicyConfig` JSON, or a history `{"versions": [...]}`) to use
    /// instead of the built-in policy
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

/// The subcommands. A new one is a variant here and an arm in [`run`].
#[derive(Debug, Subcommand)]
enum Command {
    /// One line per holiday of the policy's calendar: YYYY-MM-DD,level,provenance,name
    /// (provenance: official, reported, projected or custom)
    Calendar {
        /// The year, or FIRST..LAST
        year: String,
        /// The city's open-data working calendar (CSV) to apply: each year in it replaces the
        /// shipped one
        #[arg(long, value_name = "FILE")]
        city_csv: Option<PathBuf>,
        /// Print the holidays as an iCalendar (RFC 5545) document instead
        #[arg(long)]
        ics: bool,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// Whether the policy takes a report now: `accepted: …` or `refused: REASON` (with the next
    /// opening in the policy's time when refused for the hour); exits 0 either way
    Intake {
        /// standard, plus or vip
        tier: String,
        /// 1 to 4 (or S1 to S4)
        severity: String,
        /// email, web or phone
        channel: String,
        /// When the report comes in, RFC 3339
        at: String,
        /// The ticket number the client quotes
        #[arg(long, value_name = "N")]
        ticket: Option<String>,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// The service time in [FROM, TO) in seconds (with a fraction only when not whole)
    Elapsed {
        /// standard, plus, always, or TIER:SEVERITY (vip:1, plus:S3) for the policy's coverage
        coverage: String,
        /// RFC 3339 instant, any offset
        from: String,
        /// RFC 3339 instant, any offset
        to: String,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// The instant a budget of service seconds is used up, RFC 3339 in UTC
    Deadline {
        /// standard, plus, always, or TIER:SEVERITY (vip:1, plus:S3) for the policy's coverage
        coverage: String,
        /// RFC 3339 instant, any offset
        start: String,
        /// Service time in seconds, possibly negative or with a fraction
        #[arg(allow_negative_numbers = true)]
        seconds: String,
        /// Print {"deadline": "…"} instead of text
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// Why the deadline falls where it does: each stretch counted or skipped, with its reason
    Explain {
        /// Totals per reason instead of every stretch
        #[arg(long)]
        summary: bool,
        /// standard, plus, always, or TIER:SEVERITY (vip:1, plus:S3) for the policy's coverage
        coverage: String,
        /// RFC 3339 instant, any offset
        start: String,
        /// Service time in seconds, possibly negative or with a fraction
        #[arg(allow_negative_numbers = true)]
        seconds: String,
        /// Print the explanation's JSON instead of text
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// A ticket's priority and, per objective, due instant, service seconds used and remaining,
    /// and state
    Status {
        /// standard, plus or vip
        tier: String,
        /// 1 to 4 (or S1 to S4)
        severity: String,
        /// When the ticket was registered, RFC 3339
        registered: String,
        /// When support first responded, RFC 3339
        #[arg(long, value_name = "T")]
        responded: Option<String>,
        /// When the ticket was resolved, RFC 3339
        #[arg(long, value_name = "T")]
        resolved: Option<String>,
        /// The instant of the status, RFC 3339
        #[arg(long, value_name = "T")]
        now: String,
        /// Print the status's JSON instead of text
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// The status of a ticket from its events: a JSON array of events on standard input
    Timeline {
        /// The instant of the status, RFC 3339
        #[arg(long, value_name = "T")]
        now: String,
        /// Print the status's JSON instead of text
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// Lines `elapsed,COVERAGE,FROM,TO` or `deadline,COVERAGE,START,SECONDS` on standard input:
    /// one answer per line, `error: …` for a bad line
    Batch {
        #[command(flatten)]
        policy: PolicyArg,
    },
    /// Lines ID,TIER,SEVERITY,REGISTERED[,RESPONDED[,RESOLVED]] on standard input: one line
    /// `ID response|resolution DUE_BEFORE -> DUE_AFTER STATE_BEFORE -> STATE_AFTER` per
    /// objective whose answer moved from the old policy to the new, `error: line N: …` for a bad
    /// line
    Repair {
        /// The policy document the answers were given under (`PolicyConfig` or history JSON)
        #[arg(long, value_name = "FILE")]
        old: PathBuf,
        /// The policy document to compare with (`PolicyConfig` or history JSON)
        #[arg(long, value_name = "FILE")]
        new: PathBuf,
        /// The instant of the statuses, RFC 3339
        #[arg(long, value_name = "T")]
        now: String,
    },
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let outcome = parse(&args).and_then(|cli| run(cli, &mut out));
    let outcome = outcome.and_then(|code| match out.flush() {
        Ok(()) => Ok(code),
        Err(error) => Err(error.into()),
    });
    match outcome {
        Ok(code) => code,
        Err(Failure::Help(text)) => {
            // `--help` and `help`: usage on stdout, exit 0.
            match write!(out, "{text}").and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => output_failure(&error),
            }
        }
        Err(Failure::Usage(text)) => {
            let _ = write!(io::stderr(), "{text}");
            ExitCode::from(2)
        }
        Err(Failure::Output(error)) => output_failure(&error),
        Err(Failure::Message(message)) => {
            let _ = writeln!(io::stderr(), "error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A failed write to the output: quiet for a closed pipe, else one `error:` line.
fn output_failure(error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(CLOSED_PIPE);
    }
    let _ = writeln!(io::stderr(), "error: writing the output: {error}");
    ExitCode::FAILURE
}

/// The command line, read by clap once every argument is known to be UTF-8.
fn parse(args: &[OsString]) -> Result<Cli, Failure> {
    input::check_utf8(args)?;
    Cli::try_parse_from(args).map_err(|error| {
        let text = error.render().to_string();
        if error.use_stderr() {
            Failure::Usage(text)
        } else {
            Failure::Help(text)
        }
    })
}

/// Runs one subcommand, writing its answer to `out`.
fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Calendar {
            year,
            city_csv,
            ics,
            policy,
        } => {
            let clocks = Clocks::load(policy.policy.as_deref())?;
            desk::calendar(out, &clocks, &year, city_csv.as_deref(), ics)?;
        }
        Command::Intake {
            tier,
            severity,
            channel,
            at,
            ticket,
            policy,
        } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            let kind = (tier.as_str(), severity.as_str(), channel.as_str());
            desk::intake(out, &mut clocks, kind, &at, ticket.as_deref())?;
        }
        Command::Elapsed {
            coverage,
            from,
            to,
            policy,
        } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            let line = clocks.elapsed(&coverage, &from, &to)?;
            writeln!(out, "{line}")?;
        }
        Command::Deadline {
            coverage,
            start,
            seconds,
            json,
            policy,
        } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            let due = clocks
                .get(&coverage)?
                .deadline(instant(&start)?, duration(&seconds)?)?;
            if json {
                show::json_line(out, &Answer::Deadline(due))?;
            } else {
                writeln!(out, "{}", show::utc(due))?;
            }
        }
        Command::Explain {
            summary,
            coverage,
            start,
            seconds,
            json,
            policy,
        } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            let clock = clocks.get(&coverage)?;
            let why = clock.explain_deadline(instant(&start)?, duration(&seconds)?)?;
            show::explanation(out, &why, summary, json)?;
        }
        Command::Status {
            tier,
            severity,
            registered,
            responded,
            resolved,
            now,
            json,
            policy,
        } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            let mut facts =
                TicketFacts::new(tier.parse()?, severity.parse()?, instant(&registered)?);
            if let Some(at) = responded {
                facts = facts.with_first_response(instant(&at)?);
            }
            if let Some(at) = resolved {
                facts = facts.with_resolution(instant(&at)?);
            }
            let status = clocks.policy().status(&facts, instant(&now)?)?;
            show::status(out, &status, json)?;
        }
        Command::Timeline { now, json, policy } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            timeline(out, &mut clocks, &now, json)?;
        }
        Command::Batch { policy } => {
            let mut clocks = Clocks::load(policy.policy.as_deref())?;
            return batch::run(&mut clocks, &mut io::stdin().lock(), out);
        }
        Command::Repair { old, new, now } => {
            let now = instant(&now)?.to_utc();
            let (old, new) = (clocks::read_policy(&old)?, clocks::read_policy(&new)?);
            return repair::run(&old, &new, now, &mut io::stdin().lock(), out);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `timeline`: the status at `now` of the ticket whose events come on standard input.
fn timeline(
    out: &mut dyn Write,
    clocks: &mut Clocks,
    now: &str,
    json: bool,
) -> Result<(), Failure> {
    let now = instant(now)?;
    let mut text = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut text)
        .map_err(|e| format!("reading standard input: {e}"))?;
    let timeline: Timeline = input::json(&text, "the events on standard input")?;
    let status = clocks.policy().timeline_status(&timeline, now)?;
    show::status(out, &status, json)?;
    Ok(())
}
