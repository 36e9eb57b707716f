//! One SQL statement over CSV and Parquet files, with the SLA functions registered.
//!
//! ```text
//! cargo run --release -p support-sla-datafusion --example sql -- \
//!     [--policy FILE] [--table NAME=PATH]… [--format csv|table] [--scheduler URL] "SQL"
//! ```
//!
//! - `--table NAME=PATH`: a table read from a `.csv` file (with a header line, schema inferred)
//!   or a `.parquet` file or a directory of them (every file a partition).
//! - `--policy FILE`: a policy document (JSON of `support_sla::policy::PolicyConfig`); the
//!   policy of the text by default.
//! - `--format`: `table` (default) or `csv` (with a header line).
//! - `--scheduler df://HOST:PORT` (feature `ballista`): run the statement on a Ballista
//!   cluster whose scheduler listens there (its scheduler and executors must be given the same
//!   `--policy`, and read the tables' files at the same paths).
//! - The statement may also be `@FILE`, read from that file.

use datafusion::arrow::csv::WriterBuilder;
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::prelude::{CsvReadOptions, ParquetReadOptions, SessionContext};
use std::process::ExitCode;
use support_sla::SupportPolicy;

type Failure = Box<dyn std::error::Error>;

const USAGE: &str = "usage: sql [--policy FILE] [--table NAME=PATH]... [--format csv|table] \
[--scheduler df://HOST:PORT] \"SQL\" (PATH: a .csv file with a header line, or a .parquet file or \
directory; SQL may be @FILE)";

#[derive(Default)]
struct Options {
    policy: Option<String>,
    tables: Vec<(String, String)>,
    csv: bool,
    scheduler: Option<String>,
    statement: Option<String>,
}

fn options(args: &[String]) -> Result<Options, Failure> {
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value; {USAGE}"))
        };
        match arg.as_str() {
            "--policy" => options.policy = Some(value()?.clone()),
            "--scheduler" => options.scheduler = Some(value()?.clone()),
            "--table" => {
                let table = value()?;
                let (name, path) = table
                    .split_once('=')
                    .ok_or_else(|| format!("table {table:?} is not NAME=PATH"))?;
                options.tables.push((name.to_owned(), path.to_owned()));
            }
            "--format" => {
                options.csv = match value()?.as_str() {
                    "csv" => true,
                    "table" => false,
                    other => {
                        return Err(
                            format!("unknown format {other:?}: expected csv or table").into()
                        );
                    }
                }
            }
            _ if options.statement.is_none() && !arg.starts_with("--") => {
                options.statement = Some(match arg.strip_prefix('@') {
                    Some(file) => std::fs::read_to_string(file)
                        .map_err(|e| format!("cannot read {file}: {e}"))?,
                    None => arg.clone(),
                });
            }
            _ => return Err(format!("unexpected argument {arg:?}; {USAGE}").into()),
        }
    }
    Ok(options)
}

async fn run(args: &[String]) -> Result<(), Failure> {
    let options = options(args)?;
    let statement = options.statement.ok_or(USAGE)?;
    let policy = match &options.policy {
        Some(file) => {
            let text =
                std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
            support_sla_datafusion::policy_from_document(&text)?
        }
        None => SupportPolicy::madrid(),
    };
    let ctx = match &options.scheduler {
        Some(url) => remote(url, &policy).await?,
        None => SessionContext::new(),
    };
    support_sla_datafusion::register(&ctx, &policy);
    for (name, path) in &options.tables {
        if path.ends_with(".csv") {
            ctx.register_csv(name, path, CsvReadOptions::new().has_header(true))
                .await?;
        } else {
            ctx.register_parquet(name, path, ParquetReadOptions::default())
                .await?;
        }
    }
    let batches = ctx.sql(&statement).await?.collect().await?;
    if options.csv {
        let mut writer = WriterBuilder::new()
            .with_header(true)
            .build(std::io::stdout().lock());
        for batch in &batches {
            writer.write(batch)?;
        }
    } else {
        println!("{}", pretty_format_batches(&batches)?);
    }
    Ok(())
}

/// A client session of the Ballista cluster whose scheduler is at `url`, knowing the functions
/// of `policy` (the caller registers them again on the context: Ballista's client state drops
/// added functions).
#[cfg(feature = "ballista")]
async fn remote(url: &str, policy: &SupportPolicy) -> Result<SessionContext, Failure> {
    use ballista::prelude::{SessionConfigExt, SessionContextExt};
    use datafusion::prelude::SessionConfig;
    let config = SessionConfig::new_with_ballista();
    let state = support_sla_datafusion::cluster::session_state(policy, config)?;
    Ok(SessionContext::remote_with_state(url, state).await?)
}

#[cfg(not(feature = "ballista"))]
async fn remote(url: &str, _: &SupportPolicy) -> Result<SessionContext, Failure> {
    Err(format!(
        "--scheduler {url}: this build has no Ballista client (build with --features ballista)"
    )
    .into())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
