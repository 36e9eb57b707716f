//! Runs the `sla` command (examples/sla) as a process, for the command's test files.
//!
//! The example is built once per run with the cargo that builds these tests, so the binary is
//! never stale, under `cargo test` as under `cargo test --test cli`.
#![allow(dead_code, reason = "each test file uses the part it needs")]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The built `sla` binary, next to this test's `deps/` directory.
pub fn sla_path() -> &'static PathBuf {
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
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_with(args: &[&str], stdin: &[u8]) -> Run {
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

pub fn run(args: &[&str]) -> Run {
    run_with(args, b"")
}
