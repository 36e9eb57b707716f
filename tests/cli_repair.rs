//! `sla repair` and `--policy` with a history document, run as a process (issue 16).
//!
//! The example is built once per run with the cargo that builds these tests, so the binary is
//! never stale, under `cargo test` as under `cargo test --test cli`.

use std::path::PathBuf;

#[path = "support/sla_process.rs"]
mod sla_process;
use sla_process::{run, run_with};

/// A policy document in a temporary file, one per test.
fn policy_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sla-cli-repair-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, text).unwrap();
    path
}

const SUMMER: &str = r#"{"versions": [
  {"policy": {}},
  {"from": "2025-07-01T00:00:00+02:00", "policy": {"standard_hours": "mon-fri 09:00-14:00"}}
]}"#;

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_history_document_drives_every_subcommand() {
    let summer = policy_file("summer", SUMMER);
    let policy = ["--policy", path(&summer)];
    let with = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&policy);
        run(&all)
    };
    // Monday 16:00–17:30 under the old hours, Tuesday 09:00–14:00 under the summer hours.
    let elapsed = with(&[
        "elapsed",
        "standard",
        "2025-06-30T16:00:00+02:00",
        "2025-07-01T17:30:00+02:00",
    ]);
    assert_eq!(
        (elapsed.code, elapsed.stdout.as_str()),
        (Some(0), "23400\n")
    );
    let deadline = with(&[
        "deadline",
        "standard:3",
        "2025-06-30T16:00:00+02:00",
        "14400",
    ]);
    assert_eq!(deadline.stdout, "2025-07-01T09:30:00Z\n");
    let explain = with(&[
        "explain",
        "--summary",
        "standard",
        "2025-06-30T16:00:00+02:00",
        "14400",
    ]);
    assert_eq!(explain.code, Some(0), "{explain:?}");
    assert!(
        explain.stdout.contains("15 h 30 min outside hours"),
        "{}",
        explain.stdout
    );
    let status = with(&[
        "status",
        "standard",
        "3",
        "2025-06-30T16:00:00+02:00",
        "--now",
        "2025-07-01T10:00:00+02:00",
    ]);
    assert_eq!(status.code, Some(0), "{status:?}");
    assert!(
        status.stdout.contains("due=2025-07-01T09:30:00Z"),
        "{}",
        status.stdout
    );
    let events = br#"[{"at": "2025-06-30T16:00:00+02:00", "kind": {"registered": {"tier": "standard", "severity": "s3"}}}]"#;
    let mut args = vec!["timeline", "--now", "2025-07-01T10:00:00+02:00"];
    args.extend_from_slice(&policy);
    let timeline = run_with(&args, events);
    assert_eq!(timeline.code, Some(0), "{timeline:?}");
    assert!(
        timeline.stdout.contains("due=2025-07-01T09:30:00Z"),
        "{}",
        timeline.stdout
    );
}

#[test]
fn a_document_of_neither_form_is_refused_clearly() {
    let list = policy_file("list", "[1]");
    let run = run(&[
        "elapsed",
        "standard",
        "2025-06-30T16:00:00+02:00",
        "2025-07-01T17:30:00+02:00",
        "--policy",
        path(&list),
    ]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("expected a policy document: a policy configuration or {\"versions\": […]}"),
        "{}",
        run.stderr
    );
    let unordered = policy_file(
        "unordered",
        r#"{"versions": [{"policy": {}}, {"from": "2025-07-01T00:00:00Z", "policy": {}}, {"from": "2025-06-01T00:00:00Z", "policy": {}}]}"#,
    );
    let run = run_with(
        &[
            "repair",
            "--old",
            path(&unordered),
            "--new",
            path(&unordered),
            "--now",
            "2025-07-01T00:00:00Z",
        ],
        b"",
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("invalid policy version 2, field from: 2025-06-01 00:00:00 UTC is not after 2025-07-01 00:00:00 UTC"),
        "{}",
        run.stderr
    );
}

#[test]
fn repair_prints_one_line_per_moved_objective_and_goes_on_after_a_bad_line() {
    let plain = policy_file("plain", "{}");
    let summer = policy_file("summer-repair", SUMMER);
    let tickets = b"t1,standard,3,2025-06-30T16:00:00+02:00\n\
t2,standard,3,2025-05-05T10:00:00+02:00,2025-05-05T11:00:00+02:00\n\
bad,gold,3,2025-06-30T16:00:00+02:00\n\
t3,plus,2,2025-07-01T10:00:00+02:00\n\
t4,standard,4,2025-07-02T10:00:00+02:00,,2025-07-02T12:00:00+02:00\n\
t5,standard\n\
\n";
    let run = run_with(
        &[
            "repair",
            "--old",
            path(&plain),
            "--new",
            path(&summer),
            "--now",
            "2025-07-02T12:00:00+02:00",
        ],
        tickets,
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(
        run.stdout,
        "t1 resolution 2025-07-07T15:00:00Z -> 2025-07-10T10:30:00Z pending -> pending\n\
error: line 3: unknown tier \"gold\": expected one of standard, plus, vip\n\
t4 response 2025-07-03T07:30:00Z -> 2025-07-03T11:00:00Z pending -> pending\n\
t4 resolution 2025-07-16T10:00:00Z -> 2025-07-24T08:00:00Z met -> met\n\
error: line 6: expected ID,TIER,SEVERITY,REGISTERED[,RESPONDED[,RESOLVED]], got 2 fields\n\
error: line 7: empty\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn repair_prints_nothing_when_nothing_moved_and_a_moved_state_when_one_did() {
    let plain = policy_file("plain-same", "{}");
    let run = run_with(
        &[
            "repair",
            "--old",
            path(&plain),
            "--new",
            path(&plain),
            "--now",
            "2025-07-02T12:00:00+02:00",
        ],
        b"t1,standard,3,2025-06-30T16:00:00+02:00\n",
    );
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""));
    // An S4 ticket registered on Tuesday 1 July at 09:00: 8 h response due at 17:00 under the
    // old hours, Wednesday 12:00 under the summer ones (09:00–14:00 then 09:00–12:00). On
    // Wednesday at 10:00 it is breached under the old, pending under the new.
    let summer = policy_file("summer-state", SUMMER);
    let run = run_with(
        &[
            "repair",
            "--old",
            path(&plain),
            "--new",
            path(&summer),
            "--now",
            "2025-07-02T10:00:00+02:00",
        ],
        b"s,standard,4,2025-07-01T09:00:00+02:00\n",
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "s response 2025-07-01T15:00:00Z -> 2025-07-02T10:00:00Z breached -> pending"
    );
}
