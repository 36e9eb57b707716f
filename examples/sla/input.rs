//! Reading what the operator gives: arguments, numbers, instants, JSON documents.

use chrono::{DateTime, FixedOffset, TimeDelta};
use serde::de::DeserializeOwned;
use std::ffi::OsString;
use std::fmt;
use std::fmt::Write as _;
use std::io;
use std::num::IntErrorKind;

/// Why a command ended without its answer.
#[derive(Debug)]
pub enum Failure {
    /// `--help` or `help`: the text to print on stdout, exit 0.
    Help(String),
    /// A usage error, as clap words it (the subcommand's own usage): stderr, exit 2.
    Usage(String),
    /// Writing the output failed (a closed pipe, a full disk).
    Output(io::Error),
    /// The request could not be answered: `error: MESSAGE` on stderr, exit 1.
    Message(String),
}

/// Every `io::Error` that reaches `?` unconverted is a failed write of the output: reads give
/// messages with their context.
impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}

impl From<support_sla::Error> for Failure {
    fn from(error: support_sla::Error) -> Self {
        Failure::Message(error.to_string())
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::Message(message.to_owned())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Help(text) | Failure::Usage(text) | Failure::Message(text) => {
                f.write_str(text)
            }
            Failure::Output(error) => write!(f, "writing the output: {error}"),
        }
    }
}

/// Refuses an argument that is not UTF-8 with one line naming it (clap would add the usage).
pub fn check_utf8(args: &[OsString]) -> Result<(), Failure> {
    match args
        .iter()
        .enumerate()
        .find(|(_, arg)| arg.to_str().is_none())
    {
        Some((position, arg)) => Err(format!(
            "argument {position} is not UTF-8: {:?}",
            arg.to_string_lossy()
        )
        .into()),
        None => Ok(()),
    }
}

/// An RFC 3339 instant with any offset.
pub fn instant(text: &str) -> Result<DateTime<FixedOffset>, Failure> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("instant {text:?} is not RFC 3339 ({e})").into())
}

/// A year, as `calendar` takes it.
pub fn year(text: &str) -> Result<i32, Failure> {
    text.parse().map_err(|e: std::num::ParseIntError| {
        let why = match e.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "is too large",
            _ => "is not a number",
        };
        format!("year {text:?} {why}").into()
    })
}

/// Seconds, possibly negative and fractional (`-90`, `1.5`), as an exact duration; a number
/// that does not fit a duration is "too large", not "not a number".
pub fn duration(text: &str) -> Result<TimeDelta, Failure> {
    let bad = || format!("seconds {text:?} is not a number of seconds");
    let too_large = || format!("seconds {text:?} is too large");
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return Err(bad().into());
    }
    if fraction.len() > 9 {
        return Err(format!("seconds {text:?} has more than nine fraction digits").into());
    }
    // Only digits are left: a failed parse is an overflow.
    let whole: i64 = match whole.trim_start_matches('0') {
        "" => 0,
        significant => significant.parse().map_err(|_| too_large())?,
    };
    let nanos: i64 = format!("{fraction:0<9}").parse().map_err(|_| bad())?;
    let magnitude = TimeDelta::try_seconds(whole)
        .and_then(|s| s.checked_add(&TimeDelta::nanoseconds(nanos)))
        .ok_or_else(too_large)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// A JSON document of `what`; a bad one is refused with serde's message (line and column) and
/// the path of the value where it went wrong (`objectives.plus.s1`, `[2].at`).
pub fn json<T: DeserializeOwned>(text: &[u8], what: &str) -> Result<T, Failure> {
    serde_json::from_slice(text).map_err(|error| {
        let at = offset(text, error.line(), error.column());
        match path_at(text, at) {
            Some(path) if !path.is_empty() => format!("{what}: at {path}: {error}").into(),
            _ => format!("{what}: {error}").into(),
        }
    })
}

/// The byte offset of `serde_json`'s 1-based `line` and `column` (a column counts bytes).
fn offset(text: &[u8], line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive(|&b| b == b'\n')
        .take(line.saturating_sub(1))
        .map(<[u8]>::len)
        .sum::<usize>();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// One open container while scanning JSON: an object with its current key, or an array with
/// the index of its current element.
enum Open {
    Object(Option<String>),
    Array(usize),
}

/// The path (`a.b[3].c`) of the value being read at byte `at` of a JSON text, by scanning the
/// text up to there; `None` when the text is not JSON enough to tell.
fn path_at(text: &[u8], at: usize) -> Option<String> {
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    let mut last_string: Option<String> = None;
    while i < at.min(text.len()) {
        match text[i] {
            b'"' => {
                let (value, end) = string(text, i)?;
                last_string = Some(value);
                i = end;
                continue;
            }
            b':' => {
                if let Some(Open::Object(key)) = stack.last_mut() {
                    *key = last_string.take();
                }
            }
            b',' => match stack.last_mut() {
                Some(Open::Array(index)) => *index += 1,
                Some(Open::Object(key)) => *key = None,
                None => {}
            },
            b'{' => stack.push(Open::Object(None)),
            b'[' => stack.push(Open::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object(Some(key)) if path.is_empty() => path.push_str(key),
            Open::Object(Some(key)) => write!(path, ".{key}").unwrap(),
            Open::Object(None) => {}
            Open::Array(index) => write!(path, "[{index}]").unwrap(),
        }
    }
    Some(path)
}

/// The string starting at the quote at `start`, and the offset after its closing quote.
fn string(text: &[u8], start: usize) -> Option<(String, usize)> {
    let mut i = start + 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'"' => {
                let raw = text.get(start + 1..i)?;
                return Some((String::from_utf8_lossy(raw).into_owned(), i + 1));
            }
            _ => i += 1,
        }
    }
    // Unterminated: the error is inside this string.
    let raw = text.get(start + 1..)?;
    Some((String::from_utf8_lossy(raw).into_owned(), text.len()))
}

/// Reads `input` line by line (LF or CRLF ends) and hands `handle` each line's number (from 1)
/// and its text, or why it has none (`"empty"`, `"not UTF-8"`). `handle` writes its answer or
/// its `error: …` line and says whether the line was answered; a failed write stops the run.
/// Exit status 0 when every line was answered, 1 when any was not: the line loop of `batch`
/// and `repair`, which answer exactly one input line at a time.
pub fn each_line(
    input: &mut dyn std::io::BufRead,
    out: &mut dyn std::io::Write,
    mut handle: impl FnMut(
        u64,
        Result<&str, &'static str>,
        &mut dyn std::io::Write,
    ) -> Result<bool, Failure>,
) -> Result<std::process::ExitCode, Failure> {
    let mut line = Vec::with_capacity(128);
    let mut number: u64 = 0;
    let mut failed = false;
    loop {
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("reading standard input after line {number}: {e}"))?;
        if read == 0 {
            break;
        }
        number += 1;
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let text = match std::str::from_utf8(text) {
            Err(_) => Err("not UTF-8"),
            Ok(text) if text.trim().is_empty() => Err("empty"),
            Ok(text) => Ok(text),
        };
        if !handle(number, text, out)? {
            failed = true;
        }
    }
    Ok(if failed {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    })
}
