//! Ballista in standalone mode (scheduler and executor in this process) runs the monthly QoS
//! SQL over a Parquet history of several partitions and gets exactly the rows a single-node
//! DataFusion run gives.

#[path = "../examples/synthetic/mod.rs"]
mod synthetic;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::arrow::array::RecordBatch;
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::prelude::{ParquetReadOptions, SessionConfig, SessionContext};
use std::path::{Path, PathBuf};
use support_sla::SupportPolicy;

const QOS: &str = include_str!("../sql/monthly_qos.sql");
const QOS_TIMELINE: &str = include_str!("../sql/monthly_qos_timeline.sql");

/// Writes a history of `tickets` tickets in `parts` Parquet files per table under `dir`.
fn write_history(dir: &Path, tickets: i64, parts: i64) {
    for part in 0..parts {
        let history: Vec<synthetic::SynthTicket> = (tickets * part / parts
            ..tickets * (part + 1) / parts)
            .map(|id| synthetic::ticket(7, id))
            .collect();
        for (table, batch) in [
            ("tickets", synthetic::tickets_of(&history)),
            ("events", synthetic::events_of(&history)),
        ] {
            std::fs::create_dir_all(dir.join(table)).unwrap();
            let file = std::fs::File::create(dir.join(table).join(format!("part-{part}.parquet")))
                .unwrap();
            let mut writer = ArrowWriter::try_new(file, batch.schema(), None).unwrap();
            writer.write(&batch).unwrap();
            writer.close().unwrap();
        }
    }
}

async fn register_history(ctx: &SessionContext, dir: &Path) {
    for table in ["tickets", "events"] {
        let path = format!("{}/", dir.join(table).display());
        ctx.register_parquet(table, &path, ParquetReadOptions::default())
            .await
            .unwrap();
    }
}

async fn run(ctx: &SessionContext, sql: &str) -> String {
    let batches: Vec<RecordBatch> = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    pretty_format_batches(&batches).unwrap().to_string()
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ballista_standalone_gives_the_rows_of_a_single_node_run() {
    let dir =
        TempDir(std::env::temp_dir().join(format!("support-sla-ballista-{}", std::process::id())));
    write_history(&dir.0, 6_000, 4);
    let policy = SupportPolicy::madrid();

    let single = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(3));
    support_sla_datafusion::register(&single, &policy);

    let config = SessionConfig::new_with_ballista()
        .with_target_partitions(3)
        .with_ballista_standalone_parallelism(2);
    let state = support_sla_datafusion::cluster::session_state(&policy, config).unwrap();
    let cluster = SessionContext::standalone_with_state(state).await.unwrap();
    // Ballista's client state keeps only its own functions: register them on the client too.
    support_sla_datafusion::register(&cluster, &policy);

    register_history(&single, &dir.0).await;
    register_history(&cluster, &dir.0).await;
    for sql in [QOS, QOS_TIMELINE] {
        let want = run(&single, sql).await;
        let got = run(&cluster, sql).await;
        // 12 months × 3 tiers × 4 severities, give or take an empty group.
        assert!(want.lines().count() > 100, "{want}");
        assert_eq!(got, want);
    }
}
