//! The report as readable text: `Display` for [`QosReport`] and [`Share`].
//!
//! Tables of tallies (severities as rows, tiers as columns) per objective, the service-time
//! percentiles, the breach count, and with `{:#}` the breaches themselves.

use super::{Breach, ObjectiveKind, Percentiles, QosReport, Share, Tally};
use crate::iso::write_fraction;
use crate::policy::ObjectiveSource;
use crate::{priority::Priority, severity::Severity, tier::Tier};
use chrono::{DateTime, TimeDelta, Utc};
use std::fmt;
use std::fmt::Write as _;

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.percent_tenths() {
            Some(t) => f.pad(&format!("{}.{}%", t / 10, t % 10)),
            None => f.pad("n/a"),
        }
    }
}

impl fmt::Display for QosReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "QoS report: {} tickets registered in [{}, {})",
            self.tickets, self.from, self.to
        )?;
        if self.crate_defaults > 0 {
            writeln!(
                f,
                "Objectives: {} of {} counted against {}",
                self.crate_defaults,
                2 * self.tickets,
                ObjectiveSource::CrateDefault
            )?;
        }
        for kind in ObjectiveKind::ALL {
            writeln!(f)?;
            writeln!(
                f,
                "{}: met/decided, share met, (pending)",
                capitalized(label(kind))
            )?;
            table(f, &self.tally_rows(kind), 1)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "Service time of answered objectives (nearest rank; H:MM:SS)"
        )?;
        table(f, &self.service_time_rows(), 1)?;
        writeln!(f)?;
        let of = |kind| self.breaches.iter().filter(|b| b.objective == kind).count();
        writeln!(
            f,
            "Breaches: {} ({} first response, {} resolution)",
            self.breaches.len(),
            of(ObjectiveKind::Response),
            of(ObjectiveKind::Resolution)
        )?;
        if f.alternate() && !self.breaches.is_empty() {
            table(f, &self.breach_rows(), 6)?;
        }
        Ok(())
    }
}

impl QosReport {
    /// The tallies of `kind`: a header of tiers, a row per severity, a row of all severities.
    fn tally_rows(&self, kind: ObjectiveKind) -> Vec<Vec<String>> {
        let mut rows = vec![std::iter::once(String::new())
            .chain(Tier::ALL.iter().map(Tier::to_string))
            .chain(std::iter::once("all".to_owned()))
            .collect::<Vec<_>>()];
        for severity in Severity::ALL {
            let mut row = vec![severity.to_string()];
            for tier in Tier::ALL {
                row.push(tally_cell(
                    self.by_priority(Priority::new(tier, severity)).get(kind),
                ));
            }
            row.push(tally_cell(self.by_severity(severity).get(kind)));
            rows.push(row);
        }
        let mut row = vec!["all".to_owned()];
        for tier in Tier::ALL {
            row.push(tally_cell(self.by_tier(tier).get(kind)));
        }
        row.push(tally_cell(self.total().get(kind)));
        rows.push(row);
        rows
    }

    /// The percentiles of both objectives: a row per severity, then all severities.
    fn service_time_rows(&self) -> Vec<Vec<String>> {
        let mut header = vec![String::new()];
        for kind in ObjectiveKind::ALL {
            header.push(format!("{} n", label(kind)));
            header.push("median".to_owned());
            header.push("p90".to_owned());
        }
        let mut rows = vec![header];
        for severity in Severity::ALL {
            let mut row = vec![severity.to_string()];
            for kind in ObjectiveKind::ALL {
                push_percentiles(&mut row, self.service_time_by_severity(kind, severity));
            }
            rows.push(row);
        }
        let mut row = vec!["all".to_owned()];
        for kind in ObjectiveKind::ALL {
            push_percentiles(&mut row, self.service_time(kind));
        }
        rows.push(row);
        rows
    }

    /// The breaches, one row each under a header.
    fn breach_rows(&self) -> Vec<Vec<String>> {
        let header = [
            "ticket",
            "priority",
            "registered (UTC)",
            "objective",
            "due (UTC)",
            "answered (UTC)",
            "overrun",
        ];
        std::iter::once(header.map(str::to_owned).to_vec())
            .chain(self.breaches.iter().map(breach_row))
            .collect()
    }
}

/// The row of one breach.
fn breach_row(b: &Breach) -> Vec<String> {
    vec![
        b.ticket.to_string(),
        format!(
            "{} {} {}",
            b.priority,
            b.priority.tier(),
            b.priority.severity()
        ),
        instant(b.registered),
        label(b.objective).to_owned(),
        instant(b.due),
        b.answered.map_or_else(|| "no".to_owned(), instant),
        hms(b.overrun),
    ]
}

/// `met/decided share (pending)`.
fn tally_cell(t: Tally) -> String {
    format!(
        "{}/{} {:>6} ({})",
        t.met,
        t.decided(),
        t.share_met(),
        t.pending
    )
}

/// The count, median and p90 cells of `p`, or `0 - -` when nothing was answered.
fn push_percentiles(row: &mut Vec<String>, p: Option<Percentiles>) {
    match p {
        Some(p) => {
            row.push(p.count.to_string());
            row.push(hms(p.median));
            row.push(hms(p.p90));
        }
        None => row.extend(["0", "-", "-"].map(str::to_owned)),
    }
}

/// An instant as `YYYY-MM-DD HH:MM:SS` (UTC).
fn instant(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The objective in words, for tables: `"first response"` or `"resolution"`.
const fn label(kind: ObjectiveKind) -> &'static str {
    match kind {
        ObjectiveKind::Response => "first response",
        ObjectiveKind::Resolution => "resolution",
    }
}

/// A service time as `H:MM:SS` (hours unbounded), with the fraction of a second when there is
/// one and a leading `-` when negative.
fn hms(duration: TimeDelta) -> String {
    let sign = if duration < TimeDelta::zero() {
        "-"
    } else {
        ""
    };
    let seconds = duration.num_seconds().unsigned_abs();
    let nanos = duration.subsec_nanos().unsigned_abs();
    let mut out = format!(
        "{sign}{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    );
    write_fraction(&mut out, nanos).expect("invariant: writing to a String cannot fail");
    out
}

/// Writes rows as columns two spaces apart: the first `left` columns left-aligned, the others
/// right-aligned.
fn table(f: &mut fmt::Formatter<'_>, rows: &[Vec<String>], left: usize) -> fmt::Result {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, (cell, width)) in row.iter().zip(&widths).enumerate() {
            let gap = if c == 0 { "" } else { "  " };
            if c < left {
                write!(line, "{gap}{cell:<width$}")?;
            } else {
                write!(line, "{gap}{cell:>width$}")?;
            }
        }
        writeln!(f, "  {}", line.trim_end())?;
    }
    Ok(())
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
