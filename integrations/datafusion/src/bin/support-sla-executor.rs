//! A Ballista executor that knows the SLA functions (feature `ballista`).
//!
//! ```text
//! support-sla-executor [--policy FILE] [--scheduler-host H] [--scheduler-port P]
//!                      [--bind-host H] [--external-host H] [--port P] [--grpc-port P]
//!                      [--vcores N] [--work-dir DIR]
//! ```
//!
//! Defaults are Ballista's: scheduler `localhost:50050`, Flight port 50051, gRPC port 50052,
//! one task slot per core. The policy must be the one the scheduler was started with.

use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
use std::process::ExitCode;
use std::sync::Arc;

type Failure = Box<dyn std::error::Error>;

const USAGE: &str = "usage: support-sla-executor [--policy FILE] [--scheduler-host H] \
[--scheduler-port P] [--bind-host H] [--external-host H] [--port P] [--grpc-port P] \
[--vcores N] [--work-dir DIR]";

fn config(args: &[String]) -> Result<ExecutorProcessConfig, Failure> {
    let mut config = ExecutorProcessConfig::default();
    let mut policy = None;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value; {USAGE}"))?;
        let port = || {
            value
                .parse::<u16>()
                .map_err(|_| format!("{flag} {value:?} is not a port"))
        };
        match flag.as_str() {
            "--policy" => policy = Some(value.clone()),
            "--scheduler-host" => config.scheduler_host = value.clone(),
            "--scheduler-port" => config.scheduler_port = port()?,
            "--bind-host" => config.bind_host = value.clone(),
            "--external-host" => config.external_host = Some(value.clone()),
            "--port" => config.port = port()?,
            "--grpc-port" => config.grpc_port = port()?,
            "--vcores" => {
                config.vcores = value
                    .parse()
                    .map_err(|_| format!("--vcores {value:?} is not a number"))?
            }
            "--work-dir" => config.work_dir = Some(value.clone()),
            _ => return Err(format!("unexpected argument {flag:?}; {USAGE}").into()),
        }
    }
    let policy = support_sla_datafusion::cluster::policy_of(policy.as_deref())?;
    config.override_function_registry =
        Some(support_sla_datafusion::cluster::function_registry(&policy));
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match config(&args) {
        Ok(config) => start_executor_process(Arc::new(config))
            .await
            .map_err(Failure::from),
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
