//! A Ballista scheduler that knows the SLA functions (feature `ballista`): it decodes the
//! plans clients send, so it must know them by name, as the executors do.
//!
//! ```text
//! support-sla-scheduler [--policy FILE] [--bind-host H] [--external-host H] [--port P]
//! ```
//!
//! Defaults are Ballista's: binds `0.0.0.0:50050`.

use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;
use ballista_scheduler::scheduler_process::start_server;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

type Failure = Box<dyn std::error::Error>;

const USAGE: &str =
    "usage: support-sla-scheduler [--policy FILE] [--bind-host H] [--external-host H] [--port P]";

fn config(args: &[String]) -> Result<(SchedulerConfig, SocketAddr), Failure> {
    let mut config = SchedulerConfig::default();
    let (mut policy, mut host, mut port) = (None, "0.0.0.0".to_owned(), 50050u16);
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value; {USAGE}"))?;
        match flag.as_str() {
            "--policy" => policy = Some(value.clone()),
            "--bind-host" => host = value.clone(),
            "--external-host" => config.external_host = value.clone(),
            "--port" => {
                port = value
                    .parse()
                    .map_err(|_| format!("--port {value:?} is not a port"))?
            }
            _ => return Err(format!("unexpected argument {flag:?}; {USAGE}").into()),
        }
    }
    let policy = support_sla_datafusion::cluster::policy_of(policy.as_deref())?;
    config.bind_host = host.clone();
    config.bind_port = port;
    let config = config
        .with_override_session_builder(support_sla_datafusion::cluster::session_builder(policy));
    let address = format!("{host}:{port}")
        .parse()
        .map_err(|_| format!("{host}:{port} is not an address"))?;
    Ok((config, address))
}

async fn run(args: &[String]) -> Result<(), Failure> {
    let (config, address) = config(args)?;
    let cluster = BallistaCluster::new_from_config(&config).await?;
    start_server(cluster, address, Arc::new(config)).await?;
    Ok(())
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
