//! The `sla` command (examples/sla), run as a process: exit codes, stdout and stderr.
//!
//! The example is built once per run with the cargo that builds these tests, so the binary is
//! never stale, under `cargo test` as under `cargo test --test cli`.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[path = "support/sla_process.rs"]
mod sla_process;
use sla_process::{run, run_with, sla_path};

/// Asserts a successful run and returns its stdout.
fn ok(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
    assert_eq!(run.stderr, "", "{args:?}");
    run.stdout
}

/// Asserts a usage error (exit 2, nothing on stdout) and returns its stderr.
fn usage_error(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
    assert_eq!(run.stdout, "", "{args:?}");
    assert!(run.stderr.starts_with("error: "), "{args:?}: {run:?}");
    run.stderr
}

/// Asserts a refused request (exit 1, one `error:` line on stderr) and returns that line.
fn refused(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, Some(1), "{args:?}: {run:?}");
    assert_eq!(run.stdout, "", "{args:?}");
    assert!(run.stderr.starts_with("error: "), "{args:?}: {run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
    run.stderr.trim_end().to_owned()
}

const SUBCOMMANDS: [&str; 8] = [
    "calendar", "elapsed", "deadline", "explain", "status", "timeline", "batch", "intake",
];

// ---- the answers, as README shows them -------------------------------------------------------

#[test]
fn readme_answers_are_unchanged() {
    let calendar = ok(&["calendar", "2025"]);
    assert!(
        calendar.starts_with("2025-01-01,national,official,Año Nuevo"),
        "{calendar}"
    );
    assert_eq!(
        ok(&[
            "elapsed",
            "standard",
            "2025-12-05T13:00:00+01:00",
            "2025-12-09T12:00:00+01:00"
        ]),
        "14400\n"
    );
    assert_eq!(
        ok(&["deadline", "standard", "2025-12-05T13:00:00+01:00", "14400"]),
        "2025-12-09T11:00:00Z\n"
    );
    assert_eq!(
        ok(&["deadline", "vip:1", "2025-12-07T03:00:00+01:00", "3600"]),
        "2025-12-07T03:00:00Z\n"
    );
    assert_eq!(
        ok(&["status", "plus", "2", "2025-12-05T18:45:00+01:00", "--now", "2025-12-09T10:00:00+01:00"]),
        "priority P5\n\
         response due=2025-12-09T08:45:00Z used=8100 remaining=-900 state=breached at 2025-12-09T08:45:00Z\n\
         resolution due=2025-12-10T11:45:00Z used=8100 remaining=49500 state=pending\n\
         objectives: crate defaults (the policy text gives no figures)\n"
    );
    let run = run_with(
        &["batch"],
        b"deadline,always,2025-10-26T00:30:00+02:00,14400\n",
    );
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), "2025-10-26T02:30:00Z\n")
    );
}

#[test]
fn negative_and_fractional_seconds() {
    assert_eq!(
        ok(&["deadline", "always", "2025-12-05T13:00:00+01:00", "-90"]),
        "2025-12-05T11:58:30Z\n"
    );
    assert_eq!(
        ok(&[
            "elapsed",
            "always",
            "2025-12-05T13:00:00Z",
            "2025-12-05T13:00:01.5Z"
        ]),
        "1.5\n"
    );
    assert_eq!(
        ok(&[
            "elapsed",
            "always",
            "2025-12-05T13:00:01.5Z",
            "2025-12-05T13:00:00Z"
        ]),
        "-1.5\n"
    );
}

#[test]
fn explain_text_and_summary() {
    let text = ok(&["explain", "standard", "2025-12-05T13:00:00+01:00", "14400"]);
    assert!(
        text.contains("holiday: Día de la Constitución Española"),
        "{text}"
    );
    assert!(text.ends_with("deadline 2025-12-09T11:00:00Z\n"), "{text}");
    assert_eq!(
        ok(&[
            "explain",
            "--summary",
            "standard",
            "2025-12-05T13:00:00+01:00",
            "14400"
        ]),
        "4 h counted; skipped: 2 holidays (2025-12-06 Día de la Constitución Española, \
         2025-12-08 Inmaculada Concepción), 1 weekend or closed day, 19 h outside hours\n\
         2025-12-09T11:00:00Z\n"
    );
}

// ---- help and usage errors ------------------------------------------------------------------

#[test]
fn help_prints_usage_and_exits_zero() {
    for args in [&["--help"][..], &["help"], &["-h"]] {
        let text = ok(args);
        assert!(text.contains("Usage: sla <COMMAND>"), "{args:?}: {text}");
        for name in SUBCOMMANDS {
            assert!(text.contains(name), "{args:?} does not list {name}");
        }
    }
}

#[test]
fn each_subcommand_has_its_own_help() {
    for name in SUBCOMMANDS {
        for args in [vec![name, "--help"], vec!["help", name]] {
            let text = ok(&args);
            assert!(
                text.contains(&format!("Usage: sla {name}")),
                "{args:?}: {text}"
            );
            assert!(text.contains("--policy <FILE>"), "{args:?}: {text}");
        }
    }
    for name in ["deadline", "explain", "status", "timeline"] {
        assert!(ok(&[name, "--help"]).contains("--json"), "{name}");
    }
}

#[test]
fn a_usage_error_names_its_subcommand_only() {
    let text = usage_error(&["batch", "--bogus"]);
    assert!(text.contains("unexpected argument '--bogus'"), "{text}");
    assert!(text.contains("Usage: sla batch"), "{text}");
    for other in ["elapsed", "deadline", "status", "calendar"] {
        assert!(
            !text.contains(other),
            "batch's usage error mentions {other}: {text}"
        );
    }
    let text = usage_error(&["elapsed", "standard", "2025-12-05T13:00:00Z"]);
    assert!(text.contains("<TO>"), "{text}");
    assert!(text.contains("Usage: sla elapsed"), "{text}");
}

#[test]
fn no_subcommand_or_an_unknown_one_is_a_usage_error() {
    // No subcommand: the usage, on stderr, as a usage error.
    let run = run(&[]);
    assert_eq!((run.code, run.stdout.as_str()), (Some(2), ""));
    assert!(run.stderr.contains("Usage: sla <COMMAND>"), "{run:?}");
    assert!(usage_error(&["frobnicate"]).contains("unrecognized subcommand 'frobnicate'"));
}

#[test]
fn unknown_options_are_reported_as_unknown() {
    let text = usage_error(&[
        "status",
        "plus",
        "2",
        "2025-12-05T18:45:00+01:00",
        "--now",
        "2025-12-09T10:00:00+01:00",
        "--bogus",
        "x",
    ]);
    assert!(text.contains("unexpected argument '--bogus'"), "{text}");
    assert!(!text.contains("RFC 3339"), "{text}");
    assert!(text.contains("Usage: sla status"), "{text}");
}

#[test]
fn an_option_given_twice_is_refused() {
    let text = usage_error(&[
        "status",
        "plus",
        "2",
        "2025-12-05T18:45:00+01:00",
        "--now",
        "2025-12-09T10:00:00+01:00",
        "--now",
        "2025-12-10T10:00:00+01:00",
    ]);
    assert!(
        text.contains("'--now <T>' cannot be used multiple times"),
        "{text}"
    );
    let text = usage_error(&[
        "deadline",
        "standard",
        "2025-12-05T13:00:00Z",
        "1",
        "--json",
        "--json",
    ]);
    assert!(
        text.contains("'--json' cannot be used multiple times"),
        "{text}"
    );
    let text = usage_error(&["calendar", "2025", "--policy", "a", "--policy", "b"]);
    assert!(text.contains("cannot be used multiple times"), "{text}");
}

#[test]
fn status_needs_now() {
    let text = usage_error(&["status", "plus", "2", "2025-12-05T18:45:00+01:00"]);
    assert!(text.contains("--now <T>"), "{text}");
}

// ---- bad values --------------------------------------------------------------------------------

#[test]
fn bad_values_say_what_was_wrong() {
    assert_eq!(
        refused(&["deadline", "nowhere", "2025-12-05T13:00:00Z", "1"]),
        "error: unknown coverage \"nowhere\": expected standard, plus, always or TIER:SEVERITY"
    );
    let text = refused(&["deadline", "standard", "yesterday", "1"]);
    assert!(
        text.starts_with("error: instant \"yesterday\" is not RFC 3339"),
        "{text}"
    );
    assert_eq!(
        refused(&["deadline", "standard", "2025-12-05T13:00:00Z", "1x"]),
        "error: seconds \"1x\" is not a number of seconds"
    );
    assert_eq!(
        refused(&["calendar", "twenty"]),
        "error: year \"twenty\" is not a number"
    );
}

#[test]
fn numbers_that_do_not_fit_are_too_large() {
    assert_eq!(
        refused(&[
            "deadline",
            "standard",
            "2025-12-05T13:00:00Z",
            "99999999999999999999"
        ]),
        "error: seconds \"99999999999999999999\" is too large"
    );
    assert_eq!(
        refused(&[
            "deadline",
            "standard",
            "2025-12-05T13:00:00Z",
            "-9223372036854775807"
        ]),
        "error: seconds \"-9223372036854775807\" is too large"
    );
    assert_eq!(
        refused(&["calendar", "99999999999"]),
        "error: year \"99999999999\" is too large"
    );
}

// ---- no panic, ever -------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_one_error_line() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(sla_path())
        .args([
            OsStr::new("deadline"),
            OsStr::new("standard"),
            OsStr::from_bytes(b"\xff"),
            OsStr::new("5"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(output.stdout, b"");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: argument 3 is not UTF-8: \"\u{fffd}\"\n"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_error_line() {
    for args in [
        &["explain", "standard", "2000-01-01T00:00:00Z", "700000000"][..],
        &["deadline", "standard", "2025-12-05T13:00:00Z", "1"],
        &["--help"],
    ] {
        let output = Command::new(sla_path())
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: writing the output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_closed_pipe_stops_quietly() {
    let mut child = Command::new(sla_path())
        .args(["explain", "standard", "2000-01-01T00:00:00Z", "700000000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    assert!(
        first.starts_with(b"from"),
        "{:?}",
        String::from_utf8_lossy(&first)
    );
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let code = output.status.code();
    assert_ne!(code, Some(101));
    assert_eq!(
        code,
        Some(141),
        "128 + SIGPIPE, as a shell reports a closed pipe"
    );
}

// ---- batch ------------------------------------------------------------------------------------

#[test]
fn batch_answers_every_line_in_order() {
    let input = b"deadline,always,2025-10-26T00:30:00+02:00,14400\n\
                  \n\
                  \xff\xfe,standard\n\
                  \x20\t\n\
                  frobnicate,1,2\n\
                  elapsed,standard,2025-12-05T13:00:00+01:00\n\
                  deadline,standard,2025-12-05T13:00:00+01:00,99999999999999999999\n\
                  elapsed,standard,2025-12-05T13:00:00+01:00,2025-12-09T12:00:00+01:00\r\n\
                  deadline,plus,2025-04-30T18:00:00+02:00,3600";
    let run = run_with(&["batch"], input);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "2025-10-26T02:30:00Z",
            "error: line 2: empty",
            "error: line 3: not UTF-8",
            "error: line 4: empty",
            "error: unknown request \"frobnicate\": expected elapsed,COVERAGE,FROM,TO or \
             deadline,COVERAGE,START,SECONDS",
            "error: elapsed takes 3 arguments, got 2",
            "error: seconds \"99999999999999999999\" is too large",
            "14400",
            "2025-04-30T17:00:00Z",
        ]
    );
}

#[test]
fn batch_exits_zero_when_every_line_was_answered() {
    let run = run_with(
        &["batch"],
        b"elapsed,always,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z\n",
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (Some(0), "3600\n", "")
    );
    let run = run_with(&["batch"], b"");
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""));
}

#[test]
fn batch_on_a_policy() {
    let policy = policy_file("batch", r#"{"plus_hours": "mon-fri 08:00-21:00"}"#);
    let run = run_with(
        &["batch", "--policy", policy.to_str().unwrap()],
        b"deadline,plus,2025-12-05T19:45:00+01:00,3600\ndeadline,plus:2,2025-12-05T19:45:00+01:00,3600\n",
    );
    assert_eq!(
        run.stdout, "2025-12-05T19:45:00Z\n2025-12-05T19:45:00Z\n",
        "{run:?}"
    );
}

// ---- --policy -----------------------------------------------------------------------------------

/// A policy document in a temporary file, one per test.
fn policy_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sla-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_policy_document_replaces_the_built_in_policy() {
    // Plus until 21:00 instead of 20:00: one hour more on Friday evening.
    let policy = policy_file("good", r#"{"plus_hours": "mon-fri 08:00-21:00"}"#);
    let policy = policy.to_str().unwrap();
    let start = "2025-12-05T19:45:00+01:00";
    assert_eq!(
        ok(&["deadline", "plus", start, "3600"]),
        "2025-12-09T08:45:00Z\n"
    );
    assert_eq!(
        ok(&["deadline", "plus", start, "3600", "--policy", policy]),
        "2025-12-05T19:45:00Z\n"
    );
    assert_eq!(
        ok(&["deadline", "plus:2", start, "3600", "--policy", policy]),
        "2025-12-05T19:45:00Z\n"
    );
    assert_eq!(
        ok(&[
            "elapsed",
            "plus",
            start,
            "2025-12-05T20:45:00+01:00",
            "--policy",
            policy
        ]),
        "3600\n"
    );
    let status = ok(&[
        "status", "plus", "2", start, "--now", start, "--policy", policy,
    ]);
    assert!(
        status.contains("response due=2025-12-09T07:45:00Z"),
        "{status}"
    );
    let explained = ok(&["explain", "plus", start, "3600", "--policy", policy]);
    assert!(
        explained.ends_with("deadline 2025-12-05T19:45:00Z\n"),
        "{explained}"
    );
    let run = run_with(
        &["timeline", "--now", start, "--policy", policy],
        EVENTS.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn a_policy_document_changes_the_calendar() {
    let policy = policy_file(
        "calendar",
        r#"{"calendar_overrides": {"remove": ["2025-12-25"]}}"#,
    );
    let changed = ok(&["calendar", "2025", "--policy", policy.to_str().unwrap()]);
    assert!(!changed.contains("2025-12-25"), "{changed}");
    assert!(changed.contains("2025-12-08"), "{changed}");
    assert!(ok(&["calendar", "2025"]).contains("2025-12-25"));
}

#[test]
fn a_bad_policy_document_is_refused_with_line_column_and_field() {
    let unknown = policy_file(
        "unknown",
        "{\n  \"plus_hours\": \"mon-fri 08:00-21:00\",\n  \"bogus\": 1\n}",
    );
    let text = refused(&[
        "deadline",
        "plus",
        "2025-12-05T19:45:00Z",
        "1",
        "--policy",
        unknown.to_str().unwrap(),
    ]);
    assert!(text.contains("unknown field `bogus`"), "{text}");
    assert!(text.contains("at line 3 column"), "{text}");

    let wrong_type = policy_file("type", "{\"at_risk_per_mille\": \"lots\"}");
    let text = refused(&[
        "status",
        "plus",
        "2",
        "2025-12-05T19:45:00Z",
        "--now",
        "2025-12-05T19:45:00Z",
        "--policy",
        wrong_type.to_str().unwrap(),
    ]);
    assert!(text.contains("at at_risk_per_mille:"), "{text}");
    assert!(text.contains("line 1 column"), "{text}");

    let nested = policy_file(
        "nested",
        r#"{"objectives": {"default": {"s1": {"first_response": "PT1H", "resolution": "soon"}}}}"#,
    );
    let text = refused(&["calendar", "2025", "--policy", nested.to_str().unwrap()]);
    assert!(text.contains("at objectives.default.s1"), "{text}");
    assert!(text.contains("\"soon\""), "{text}");

    let not_json = policy_file("syntax", "{\"plus_hours\": ");
    let text = refused(&["calendar", "2025", "--policy", not_json.to_str().unwrap()]);
    assert!(text.contains("line 1 column"), "{text}");

    let invalid = policy_file("invalid", r#"{"plus_hours": "mon-fri 08:00-25:00"}"#);
    let text = refused(&["calendar", "2025", "--policy", invalid.to_str().unwrap()]);
    assert!(text.contains("plus_hours"), "{text}");

    let text = refused(&["calendar", "2025", "--policy", "/nonexistent/policy.json"]);
    assert!(
        text.starts_with("error: reading policy \"/nonexistent/policy.json\""),
        "{text}"
    );
}

// ---- --json ---------------------------------------------------------------------------------------

fn json(args: &[&str]) -> serde_json::Value {
    let text = ok(args);
    assert_eq!(text.lines().count(), 1, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn deadline_json() {
    let value = json(&[
        "deadline",
        "standard",
        "2025-12-05T13:00:00+01:00",
        "14400",
        "--json",
    ]);
    assert_eq!(
        value,
        serde_json::json!({ "deadline": "2025-12-09T11:00:00Z" })
    );
}

#[test]
fn explain_json() {
    let value = json(&[
        "explain",
        "standard",
        "2025-12-05T13:00:00+01:00",
        "14400",
        "--json",
    ]);
    assert_eq!(
        value["answer"],
        serde_json::json!({ "deadline": "2025-12-09T11:00:00Z" })
    );
    assert_eq!(value["time_zone"], "Europe/Madrid");
    assert_eq!(value["summary"]["counted"], "PT4H");
    assert_eq!(value["stretches"].as_array().unwrap().len(), 7);
    let value = json(&[
        "explain",
        "--summary",
        "--json",
        "standard",
        "2025-12-05T13:00:00+01:00",
        "14400",
    ]);
    assert_eq!(
        value["answer"],
        serde_json::json!({ "deadline": "2025-12-09T11:00:00Z" })
    );
    assert_eq!(value["summary"]["outside_hours"], "PT19H");
}

#[test]
fn status_json() {
    let value = json(&[
        "status",
        "plus",
        "2",
        "2025-12-05T18:45:00+01:00",
        "--now",
        "2025-12-09T10:00:00+01:00",
        "--responded",
        "2025-12-09T09:50:00+01:00",
        "--json",
    ]);
    assert_eq!(value["priority"], "P5");
    assert_eq!(value["registered"], "2025-12-05T17:45:00Z");
    let response = &value["response"];
    assert_eq!(response["budget"], "PT2H");
    assert_eq!(response["due"], "2025-12-09T08:45:00Z");
    assert_eq!(response["used"], "PT2H5M");
    assert_eq!(response["remaining"], "-PT5M");
    assert_eq!(
        response["state"],
        serde_json::json!({ "breached": { "at": "2025-12-09T08:45:00Z" } })
    );
    assert_eq!(response["answered"], "2025-12-09T08:50:00Z");
    let resolution = &value["resolution"];
    assert_eq!(resolution["state"], "pending");
    assert_eq!(resolution["answered"], serde_json::Value::Null);
    assert_eq!(resolution["at_risk"], false);
    assert_eq!(resolution["paused"], false);
    assert_eq!(value["rule"], serde_json::Value::Null);
}

// ---- timeline --------------------------------------------------------------------------------

/// A Plus S2 ticket registered Monday 3 March 2025 09:00, waiting on the customer from 11:00 to
/// 11:00 the next day.
const EVENTS: &str = r#"[
  {"at": "2025-03-03T09:00:00+01:00", "kind": {"registered": {"tier": "plus", "severity": "s2"}}},
  {"at": "2025-03-03T09:30:00+01:00", "kind": "first_response"},
  {"at": "2025-03-03T11:00:00+01:00", "kind": "paused"},
  {"at": "2025-03-04T11:00:00+01:00", "kind": "resumed"}
]"#;

#[test]
fn timeline_prints_the_lines_of_status() {
    let run = run_with(
        &["timeline", "--now", "2025-03-04T12:00:00+01:00"],
        EVENTS.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "priority P5\n\
         response due=2025-03-03T10:00:00Z used=1800 remaining=5400 state=met at 2025-03-03T08:30:00Z\n\
         resolution due=2025-03-05T13:00:00Z used=10800 remaining=46800 state=pending\n\
         objectives: crate defaults (the policy text gives no figures)\n"
    );
}

#[test]
fn timeline_json() {
    let run = run_with(
        &["timeline", "--now", "2025-03-03T12:00:00+01:00", "--json"],
        EVENTS.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["priority"], "P5");
    assert_eq!(
        value["response"]["state"],
        serde_json::json!({ "met": { "at": "2025-03-03T08:30:00Z" } })
    );
    assert_eq!(value["resolution"]["paused"], true);
    assert_eq!(value["resolution"]["used"], "PT2H");
    assert_eq!(value["resolution"]["source"], "crate_default");
}

#[test]
fn a_bad_timeline_is_refused_with_where() {
    let bad = EVENTS.replace(r#""kind": "paused""#, r#""kind": "napping""#);
    let run = run_with(
        &["timeline", "--now", "2025-03-04T12:00:00+01:00"],
        bad.as_bytes(),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("at [2].kind"), "{run:?}");
    assert!(run.stderr.contains("line 4 column"), "{run:?}");

    // Not a valid history: a resume without a pause.
    let bad = EVENTS.replace(r#""kind": "paused""#, r#""kind": "resumed""#);
    let run = run_with(
        &["timeline", "--now", "2025-03-04T12:00:00+01:00"],
        bad.as_bytes(),
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.starts_with("error: "), "{run:?}");

    let run = run_with(
        &["timeline", "--now", "2025-03-04T12:00:00+01:00"],
        b"\xff\xfe",
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stderr
            .starts_with("error: the events on standard input: "),
        "{run:?}"
    );

    let run = run_with(&["timeline", "--now", "2025-03-04T12:00:00+01:00"], b"");
    assert_eq!(run.code, Some(1), "{run:?}");
}

#[test]
fn status_says_when_the_objectives_are_the_crate_defaults() {
    let args = [
        "status",
        "plus",
        "2",
        "2025-12-05T18:45:00+01:00",
        "--now",
        "2025-12-09T10:00:00+01:00",
    ];
    let line = "objectives: crate defaults (the policy text gives no figures)\n";
    assert!(ok(&args).ends_with(line));
    // A document that leaves the objectives out keeps the crate's table, and says so.
    let hours = policy_file("hours_only", r#"{"plus_hours": "mon-fri 09:00-20:00"}"#);
    let mut with_hours = args.to_vec();
    with_hours.extend(["--policy", hours.to_str().unwrap()]);
    assert!(ok(&with_hours).ends_with(line));
    // A document that sets them (even to the same figures) is the contract's: no caveat.
    let contract = policy_file(
        "contract",
        r#"{"objectives": {"default": {
            "s1": {"first_response": "PT1H", "resolution": "PT8H"},
            "s2": {"first_response": "PT2H", "resolution": "PT16H"},
            "s3": {"first_response": "PT4H", "resolution": "PT40H"},
            "s4": {"first_response": "PT8H", "resolution": "PT80H"}}}}"#,
    );
    let mut with_contract = args.to_vec();
    with_contract.extend(["--policy", contract.to_str().unwrap()]);
    let text = ok(&with_contract);
    assert!(!text.contains("objectives:"), "{text}");
    assert_eq!(text.lines().count(), 3, "{text}");
    let mut json_args = with_contract.clone();
    json_args.push("--json");
    let value = json(&json_args);
    assert_eq!(value["response"]["source"], "configured");
    let mut json_args = args.to_vec();
    json_args.push("--json");
    assert_eq!(json(&json_args)["response"]["source"], "crate_default");
}

// ---- intake ---------------------------------------------------------------------------------

#[test]
fn intake_refused_for_the_hour_gives_the_next_opening_in_madrid_time_and_exits_zero() {
    // Monday 3 March 2025 at 19:00 in Madrid: Standard closed since 17:30.
    assert_eq!(
        ok(&[
            "intake",
            "standard",
            "1",
            "phone",
            "2025-03-03T18:00:00Z",
            "--ticket",
            "4711"
        ]),
        "refused: the standard phone line for S1 incidents is closed at this hour; it opens at \
         2025-03-04 09:00 CET; e-mail and web take reports at any hour (policy: «de lunes a \
         jueves de 09:00 a 17:30 y los viernes de 09:00 a 14:00 (salvo festivos en Madrid)»)\n"
    );
    // Summer time: the abbreviation follows the date.
    let summer = ok(&[
        "intake",
        "plus",
        "2",
        "phone",
        "2025-07-05T10:00:00+02:00",
        "--ticket",
        "1",
    ]);
    assert!(
        summer.contains("it opens at 2025-07-07 09:00 CEST;"),
        "{summer}"
    );
}

#[test]
fn intake_accepts_with_what_the_desk_does() {
    assert_eq!(
        ok(&[
            "intake",
            "plus",
            "1",
            "phone",
            "2025-03-03T19:00:00+01:00",
            "--ticket",
            "4711"
        ]),
        "accepted: a follow-up of ticket 4711, no new ticket\n"
    );
    assert_eq!(
        ok(&[
            "intake",
            "standard",
            "3",
            "email",
            "2025-03-08T23:15:00+01:00"
        ]),
        "accepted: register a new ticket at 2025-03-08 23:15 CET (its service clock starts at \
         the next opening of its coverage)\n"
    );
}

#[test]
fn intake_refusals_give_their_reason() {
    let text = ok(&["intake", "vip", "1", "phone", "2025-03-03T10:00:00+01:00"]);
    assert!(
        text.starts_with("refused: a severity 1 or 2 incident must first be reported")
            && text.contains("call 902 321 122 quoting the ticket number"),
        "{text}"
    );
    let text = ok(&[
        "intake",
        "standard",
        "4",
        "phone",
        "2025-03-03T10:00:00+01:00",
    ]);
    assert!(
        text.starts_with("refused: standard support takes no phone calls"),
        "{text}"
    );
    let text = ok(&[
        "intake",
        "vip",
        "3",
        "phone",
        "2025-03-08T10:00:00+01:00",
        "--ticket",
        "9",
    ]);
    assert!(
        text.contains("it opens at 2025-03-10 09:00 CET")
            && text.contains("follow the plus coverage")
            && !text.contains('«'),
        "{text}"
    );
}

#[test]
fn intake_reads_the_policy_document() {
    let policy = policy_file(
        "intake",
        r#"{"phone_number": "+34 910 000 000", "plus_urgent_calls": "any_hour"}"#,
    );
    let policy = policy.to_str().unwrap();
    let saturday_night = "2025-03-08T23:00:00+01:00";
    let args = [
        "intake",
        "plus",
        "2",
        "phone",
        saturday_night,
        "--ticket",
        "7",
    ];
    assert!(ok(&args).starts_with("refused:"));
    let mut with_policy = args.to_vec();
    with_policy.extend(["--policy", policy]);
    assert_eq!(
        ok(&with_policy),
        "accepted: a follow-up of ticket 7, no new ticket\n"
    );
    let text = ok(&[
        "intake",
        "vip",
        "1",
        "phone",
        saturday_night,
        "--policy",
        policy,
    ]);
    assert!(text.contains("call +34 910 000 000"), "{text}");
}

#[test]
fn intake_bad_values_are_errors() {
    for (args, says) in [
        (
            ["intake", "gold", "1", "phone", "2025-03-03T10:00:00Z"],
            "gold",
        ),
        (
            ["intake", "plus", "7", "phone", "2025-03-03T10:00:00Z"],
            "7",
        ),
        (
            ["intake", "plus", "1", "fax", "2025-03-03T10:00:00Z"],
            "fax",
        ),
        (["intake", "plus", "1", "phone", "yesterday"], "yesterday"),
    ] {
        let text = refused(&args);
        assert!(text.starts_with("error: ") && text.contains(says), "{text}");
    }
    let text = refused(&[
        "intake",
        "plus",
        "1",
        "phone",
        "2025-03-03T10:00:00Z",
        "--ticket",
        "x",
    ]);
    assert!(text.contains("ticket number \"x\""), "{text}");
}

// ---- calendar --------------------------------------------------------------------------------

#[test]
fn calendar_prints_the_provenance_of_every_row() {
    let rows = ok(&["calendar", "2011"]);
    assert!(
        rows.contains(",official,") && rows.contains(",reported,"),
        "{rows}"
    );
    let projected = ok(&["calendar", "2030"]);
    assert!(
        projected
            .lines()
            .all(|l| l.split(',').nth(2) == Some("projected")),
        "{projected}"
    );
    let two = ok(&["calendar", "2025..2026"]);
    assert!(
        two.starts_with("2025-01-01,") && two.contains("\n2026-01-01,"),
        "{two}"
    );
    assert_eq!(
        two.lines().count(),
        ok(&["calendar", "2025"]).lines().count() + ok(&["calendar", "2026"]).lines().count()
    );
    let text = refused(&["calendar", "2027..2026"]);
    assert!(text.contains("run backwards"), "{text}");
}

/// The city's open-data file in the documented form: each year in it replaces the shipped one.
#[test]
fn calendar_applies_the_city_csv() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/calendario_laboral_2013_2026.csv"
    );
    // The fixture was written from the shipped lists: the same days.
    let dates = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect()
    };
    let shipped = ok(&["calendar", "2025"]);
    let from_file = ok(&["calendar", "2025", "--city-csv", fixture]);
    assert_eq!(dates(&from_file), dates(&shipped));
    assert!(
        from_file.lines().all(|l| l.contains(",official,")),
        "{from_file}"
    );

    // A file that moves a holiday: only that year changes.
    let moved = policy_file(
        "city.csv",
        "Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad\r\n\
         01/01/2027;viernes;festivo;Festivo nacional;Año Nuevo\r\n\
         17/05/2027;lunes;festivo;Festivo local;Traslado de San Isidro\r\n",
    );
    let moved = moved.to_str().unwrap();
    let rows = ok(&["calendar", "2027", "--city-csv", moved]);
    assert_eq!(dates(&rows), ["2027-01-01", "2027-05-17"], "{rows}");
    assert_eq!(
        ok(&["calendar", "2026", "--city-csv", moved]),
        ok(&["calendar", "2026"])
    );

    let bad = policy_file(
        "bad.csv",
        "Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad\n\
         31/02/2027;lunes;festivo;Festivo local;San Nadie\n",
    );
    let text = refused(&["calendar", "2027", "--city-csv", bad.to_str().unwrap()]);
    assert!(
        text.starts_with("error: city calendar") && text.contains("line 2"),
        "{text}"
    );
    let text = refused(&["calendar", "2027", "--city-csv", "/no/such/file.csv"]);
    assert!(text.starts_with("error: reading city calendar"), "{text}");
}

#[test]
fn calendar_ics_prints_the_icalendar_document() {
    let ics = ok(&["calendar", "2025..2026", "--ics"]);
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20251225\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260101\r\n"));
    assert!(!ics.contains("DTSTART;VALUE=DATE:2027"));
    let events = ics.matches("BEGIN:VEVENT").count();
    let rows = ok(&["calendar", "2025..2026"]).lines().count();
    assert_eq!(events, rows);
    // The policy's overrides apply to the document too.
    let policy = policy_file(
        "ics",
        r#"{"calendar_overrides": {"remove": ["2025-12-25"]}}"#,
    );
    let ics = ok(&[
        "calendar",
        "2025",
        "--ics",
        "--policy",
        policy.to_str().unwrap(),
    ]);
    assert!(!ics.contains("20251225"), "{ics}");
}
