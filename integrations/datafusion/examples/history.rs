//! Writes a synthetic but realistic ticket history to Parquet (fixed seed: the same files every
//! time), for the monthly quality-of-service SQL in `integrations/datafusion/sql/`.
//!
//! ```text
//! cargo run --release -p support-sla-datafusion --example history -- [--tickets N] [--parts P] [--seed S] DIR
//! ```
//!
//! Writes `DIR/tickets/part-K.parquet` (ticket, tier, severity, registered, responded,
//! resolved) and `DIR/events/part-K.parquet` (ticket, seq, at, kind, tier, severity), P parts
//! each (4 by default) of N tickets in all (100 000 by default).

#[path = "synthetic/mod.rs"]
mod synthetic;

use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::file::properties::WriterProperties;
use std::path::Path;
use std::process::ExitCode;

type Failure = Box<dyn std::error::Error>;

const USAGE: &str = "usage: history [--tickets N] [--parts P] [--seed S] DIR";

/// Writes the `parts` parts of a history of `tickets` tickets to `dir`.
fn write(dir: &Path, tickets: i64, parts: i64, seed: u64) -> Result<(), Failure> {
    for table in ["tickets", "events"] {
        std::fs::create_dir_all(dir.join(table))?;
    }
    let properties = WriterProperties::builder()
        .set_max_row_group_row_count(Some(128 * 1024))
        .build();
    for part in 0..parts {
        let ids = tickets * part / parts..tickets * (part + 1) / parts;
        let history: Vec<synthetic::SynthTicket> =
            ids.map(|id| synthetic::ticket(seed, id)).collect();
        for (table, batch) in [
            ("tickets", synthetic::tickets_of(&history)),
            ("events", synthetic::events_of(&history)),
        ] {
            let file = std::fs::File::create(dir.join(table).join(format!("part-{part}.parquet")))?;
            let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties.clone()))?;
            writer.write(&batch)?;
            writer.close()?;
        }
    }
    Ok(())
}

fn run(args: &[String]) -> Result<String, Failure> {
    let (mut tickets, mut parts, mut seed, mut dir) = (100_000i64, 4i64, 2025u64, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = || -> Result<u64, Failure> {
            let value = args.next().ok_or(USAGE)?;
            Ok(value
                .parse()
                .map_err(|_| format!("{arg} {value:?} is not a number"))?)
        };
        match arg.as_str() {
            "--tickets" => tickets = i64::try_from(number()?)?,
            "--parts" => parts = i64::try_from(number()?)?.max(1),
            "--seed" => seed = number()?,
            _ if dir.is_none() && !arg.starts_with("--") => dir = Some(arg.clone()),
            _ => return Err(format!("unexpected argument {arg:?}; {USAGE}").into()),
        }
    }
    let dir = dir.ok_or(USAGE)?;
    write(Path::new(&dir), tickets, parts, seed)?;
    Ok(format!(
        "wrote {tickets} tickets in {parts} parts to {dir}/tickets and {dir}/events"
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
