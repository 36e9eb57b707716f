//! `batch`: one answer per input line, whatever the line holds.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use crate::clocks::Clocks;
use crate::input::{duration, each_line, instant, Failure};
use crate::show::utc;

/// Answers every line of `input` on `out`, in order, exactly one line each: the answer, or
/// `error: …` (`error: line N: empty` for a blank line, `error: line N: not UTF-8` for a line
/// that is not). Exit status 0 when every line was answered, 1 when any was an error.
pub fn run(
    clocks: &mut Clocks,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    each_line(input, out, |number, line, out| {
        let answer = match line {
            Err(problem) => Err(format!("line {number}: {problem}").into()),
            Ok(text) => answer(clocks, text),
        };
        match answer {
            Ok(text) => writeln!(out, "{text}")?,
            Err(Failure::Output(error)) => return Err(Failure::Output(error)),
            Err(error) => {
                writeln!(out, "error: {error}")?;
                return Ok(false);
            }
        }
        Ok(true)
    })
}

/// Answers one request `elapsed,COVERAGE,FROM,TO` or `deadline,COVERAGE,START,SECONDS`.
fn answer(clocks: &mut Clocks, line: &str) -> Result<String, Failure> {
    let mut words = line.split(',').map(str::trim);
    let command = words.next().unwrap_or_default();
    let fields: [Option<&str>; 4] = [words.next(), words.next(), words.next(), words.next()];
    match (command, fields) {
        ("elapsed", [Some(coverage), Some(from), Some(to), None]) => {
            clocks.elapsed(coverage, from, to)
        }
        ("deadline", [Some(coverage), Some(start), Some(budget), None]) => {
            let clock = clocks.get(coverage)?;
            Ok(utc(clock.deadline(instant(start)?, duration(budget)?)?))
        }
        ("elapsed" | "deadline", _) => {
            let count = line.split(',').count() - 1;
            Err(format!("{command} takes 3 arguments, got {count}").into())
        }
        _ => Err(format!(
            "unknown request {command:?}: expected elapsed,COVERAGE,FROM,TO or deadline,COVERAGE,START,SECONDS"
        )
        .into()),
    }
}
