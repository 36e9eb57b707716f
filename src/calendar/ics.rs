//! The calendar as an iCalendar document (RFC 5545), for the shared calendars people look at.

use super::holiday::Holiday;
use super::Calendar;
use crate::error::Error;
use chrono::{Datelike, Days, NaiveDate};
use std::ops::RangeInclusive;

/// The longest content line, in octets, before it is folded (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

impl Calendar {
    /// The holidays of `years` as an iCalendar document (RFC 5545), so a desk can subscribe its
    /// shared calendar to the days the service clock closes for.
    ///
    /// The document is a `VCALENDAR` (`VERSION:2.0`, a `PRODID`) with one all-day `VEVENT` per
    /// holiday, in date order:
    ///
    /// - `DTSTART;VALUE=DATE` the date, `DTEND;VALUE=DATE` the next day;
    /// - `UID` stable per date (`20250101@holidays.support-sla`), so a re-published calendar
    ///   updates the same events instead of duplicating them;
    /// - `DTSTAMP` the first holiday's date at 00:00 UTC (1 January of the first year when there
    ///   is none): this crate reads no clock, so the stamp is derived from the data, and the
    ///   same calendar always gives the same document byte for byte;
    /// - `SUMMARY` the holiday's name, `CATEGORIES` its level (`national`, `regional`, `local`,
    ///   `company`), `DESCRIPTION` its provenance and source, `TRANSP:TRANSPARENT`.
    ///
    /// Lines end in CRLF and are folded at 75 octets, never inside a character; text values are
    /// escaped (`\\`, `\;`, `\,`, `\n`).
    ///
    /// # Errors
    ///
    /// [`Error::YearOutOfRange`] when the first or last year is outside
    /// [`SUPPORTED_YEARS`](super::SUPPORTED_YEARS). An empty range gives a calendar with no
    /// event.
    ///
    /// # Panics
    ///
    /// Never: 1 January of a supported year exists (the first year is checked before).
    ///
    /// ```
    /// use support_sla::calendar::Calendar;
    ///
    /// let ics = Calendar::madrid().to_ics(2025..=2025)?;
    /// assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    /// assert!(ics.contains("DTSTART;VALUE=DATE:20250515\r\nDTEND;VALUE=DATE:20250516\r\n"));
    /// assert!(ics.contains("SUMMARY:San Isidro Labrador\r\n"));
    /// assert_eq!(ics.matches("BEGIN:VEVENT").count(), 14);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_ics(&self, years: RangeInclusive<i32>) -> Result<String, Error> {
        let (first, last) = (*years.start(), *years.end());
        let mut holidays: Vec<&Holiday> = Vec::new();
        for year in first..=last {
            holidays.extend(self.holidays_in_year(year)?);
        }
        // Checked even for an empty range, so a bad year is never silently accepted.
        self.holidays_in_year(first)?;
        self.holidays_in_year(last)?;
        let stamp = match holidays.first() {
            Some(h) => h.date(),
            None => NaiveDate::from_yo_opt(first, 1)
                .expect("invariant: 1 January of a supported year exists"),
        };
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(
            &mut out,
            "PRODID:-//support-sla//Madrid working calendar//ES",
        );
        line(&mut out, "CALSCALE:GREGORIAN");
        for holiday in holidays {
            event(&mut out, holiday, stamp);
        }
        line(&mut out, "END:VCALENDAR");
        Ok(out)
    }
}

/// One `VEVENT` for `holiday`.
fn event(out: &mut String, holiday: &Holiday, stamp: NaiveDate) {
    let date = holiday.date();
    let next = date
        .checked_add_days(Days::new(1))
        .expect("invariant: the day after a supported date exists");
    let provenance = match holiday.provenance().source() {
        Some(source) => format!("{}: {source}", holiday.provenance()),
        None => holiday.provenance().to_string(),
    };
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@holidays.support-sla", basic(date)));
    line(out, &format!("DTSTAMP:{}T000000Z", basic(stamp)));
    line(out, &format!("DTSTART;VALUE=DATE:{}", basic(date)));
    line(out, &format!("DTEND;VALUE=DATE:{}", basic(next)));
    line(out, &format!("SUMMARY:{}", escape(holiday.name())));
    line(
        out,
        &format!("CATEGORIES:{}", escape(holiday.level().as_str())),
    );
    line(out, &format!("DESCRIPTION:{}", escape(&provenance)));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

/// `YYYYMMDD`, the basic format of an iCalendar DATE.
fn basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at [`LINE_OCTETS`] octets (a continuation line starts with
/// a space, which counts), never splitting a character, ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut room = LINE_OCTETS;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = LINE_OCTETS - 1;
    }
}
