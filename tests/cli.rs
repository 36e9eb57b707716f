//! The `sla` command (examples/sla), run as a process: exit codes, stdout and stderr.
//!
//! The example is built once per run with the cargo that builds these tests, so the binary is
//! never stale, under `cargo test` as under `cargo test --test cli`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The built `sla` binary, next to this test's `deps/` directory.
fn sla_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        // target/<profile>/deps/cli-… → target/<profile>
        let profile_dir = exe.parent().unwrap().parent().unwrap().to_path_buf();
        let target_dir = profile_dir.parent().unwrap();
        let profile = profile_dir.file_name().unwrap().to_str().unwrap();
        let mut build = Command::new(env!("CARGO"));
        build
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", "--quiet", "--example", "sla", "--target-dir"])
            .arg(target_dir);
        if profile == "release" {
            build.arg("--release");
        }
        let status = build.status().unwrap();
        assert!(status.success(), "building the sla example failed");
        profile_dir
            .join("examples")
            .join(format!("sla{}", std::env::consts::EXE_SUFFIX))
    })
}

/// What a run of the command gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_with(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(sla_path())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The command may stop reading early: a failed write is fine.
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, b"")
}

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

const SUBCOMMANDS: [&str; 7] = [
    "calendar", "elapsed", "deadline", "explain", "status", "timeline", "batch",
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
