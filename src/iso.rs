//! ISO 8601 durations for configuration: `PT4H`, `PT1H30M`, `PT0.5S`, `P1D`.
//!
//! Only the exact units are accepted: days (`D`, counted as 24 hours of service time), hours,
//! minutes and seconds, each a non-negative decimal number with at most nine fraction digits
//! (on the smallest unit given only, as ISO 8601 says). Years, months and weeks are refused: they
//! have no fixed length. A leading `-` gives a negative duration.

use chrono::TimeDelta;
use std::fmt;

/// Nanoseconds in a second: the crate's one spelling of `1_000_000_000`.
pub(crate) const NANOS_PER_SECOND: u32 = 1_000_000_000;

/// Writes the fraction of a second `nanos` (below [`NANOS_PER_SECOND`]) as `.` and its digits
/// without trailing zeros (`.5`, `.000000001`); nothing when it is zero.
///
/// The crate's one fraction formatter: durations, wall times and reports all print fractions so.
pub(crate) fn write_fraction(out: &mut impl fmt::Write, nanos: u32) -> fmt::Result {
    if nanos == 0 {
        return Ok(());
    }
    let digits = format!("{nanos:09}");
    write!(out, ".{}", digits.trim_end_matches('0'))
}

/// Parses an ISO 8601 duration; the error is the reason, for the caller to wrap.
///
/// Only configuration reads durations, so without the `serde` feature it is unused.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) fn parse(input: &str) -> Result<TimeDelta, &'static str> {
    let text = input.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let rest = text
        .strip_prefix('P')
        .or_else(|| text.strip_prefix('p'))
        .ok_or("an ISO 8601 duration starts with P, as in PT4H")?;
    let (date_part, time_part) = match rest.find(['T', 't']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let mut total: i128 = 0;
    let mut any = false;
    let mut fraction_seen = false;
    for (part, units) in [
        (date_part, &[('D', 86_400)][..]),
        (
            time_part.unwrap_or(""),
            &[('H', 3_600), ('M', 60), ('S', 1)][..],
        ),
    ] {
        let mut remaining = part;
        let mut allowed = units;
        while !remaining.is_empty() {
            if fraction_seen {
                return Err("only the last unit may have a fraction");
            }
            let end = remaining
                .find(|c: char| c.is_ascii_alphabetic())
                .ok_or("a number must be followed by its unit (D, H, M or S)")?;
            let (number, tail) = remaining.split_at(end);
            let mut chars = tail.chars();
            let unit = chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .ok_or("a number must be followed by its unit")?;
            remaining = chars.as_str();
            let mut later = allowed.iter();
            let seconds_per_unit = later
                .by_ref()
                .find(|(u, _)| *u == unit)
                .map(|(_, s)| *s)
                .ok_or("units must be D before T, then H, M, S, each at most once and in order (years, months and weeks are not accepted)")?;
            allowed = later.as_slice();
            let (nanos, has_fraction) = number_nanos(number, seconds_per_unit)?;
            fraction_seen = has_fraction;
            total = total.checked_add(nanos).ok_or("the duration is too long")?;
            any = true;
        }
    }
    if time_part == Some("") {
        return Err("a T must be followed by hours, minutes or seconds");
    }
    if !any {
        return Err("the duration has no value, as in PT4H");
    }
    let total = if negative { -total } else { total };
    i64::try_from(total)
        .ok()
        .map(TimeDelta::nanoseconds)
        .ok_or("the duration is too long")
}

#[cfg_attr(not(feature = "serde"), allow(dead_code))]
/// `number` (decimal, optional fraction of at most 9 digits) times `seconds_per_unit`, in
/// nanoseconds; and whether it had a fraction.
fn number_nanos(number: &str, seconds_per_unit: i128) -> Result<(i128, bool), &'static str> {
    let number = number.replace(',', ".");
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number.as_str(), None),
    };
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(whole) {
        return Err("each unit needs a number made of digits, as in PT1H30M");
    }
    if whole.len() > 18 {
        return Err("the duration is too long");
    }
    let whole: i128 = whole
        .parse()
        .map_err(|_| "each unit needs a number made of digits")?;
    let mut nanos = whole * seconds_per_unit * i128::from(NANOS_PER_SECOND);
    if let Some(fraction) = fraction {
        if !digits_only(fraction) || fraction.len() > 9 {
            return Err("a fraction needs 1 to 9 digits after the point");
        }
        let scaled: i128 = format!("{fraction:0<9}")
            .parse()
            .map_err(|_| "a fraction needs 1 to 9 digits after the point")?;
        // Nine fraction digits are whole nanoseconds of the unit, and every unit is a whole
        // number of seconds, so the product is exact: `PT0.000000001M` is 60 ns.
        nanos += scaled * seconds_per_unit;
    }
    Ok((nanos, fraction.is_some()))
}

/// Formats a duration as ISO 8601 with hours, minutes and seconds (`PT1H30M`, `PT0.5S`, `PT0S`),
/// the form [`parse`] reads back to the same value.
pub(crate) fn format(duration: TimeDelta) -> String {
    let mut out = String::new();
    write_duration(&mut out, duration).expect("invariant: writing to a String cannot fail");
    out
}

/// Writes `duration` as [`format`] does.
fn write_duration(out: &mut impl fmt::Write, duration: TimeDelta) -> fmt::Result {
    if duration < TimeDelta::zero() {
        out.write_char('-')?;
    }
    // Whole seconds and nanoseconds cover every `TimeDelta`, beyond ±292 years of nanoseconds.
    let abs = duration.abs();
    let seconds = abs.num_seconds();
    let fraction = abs.subsec_nanos().unsigned_abs();
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    out.write_str("PT")?;
    if h != 0 {
        write!(out, "{h}H")?;
    }
    if m != 0 {
        write!(out, "{m}M")?;
    }
    if s != 0 || fraction != 0 || (h == 0 && m == 0) {
        write!(out, "{s}")?;
        write_fraction(out, fraction)?;
        out.write_char('S')?;
    }
    Ok(())
}

/// Serializes a duration as its ISO 8601 text (`"PT4H"`), for serde's `serialize_with`.
#[cfg(feature = "serde")]
pub(crate) fn serialize<S: serde::Serializer>(
    duration: &TimeDelta,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format(*duration))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_configuration_uses() {
        assert_eq!(parse("PT4H"), Ok(TimeDelta::hours(4)));
        assert_eq!(parse("PT1H30M"), Ok(TimeDelta::minutes(90)));
        assert_eq!(parse("PT0.5S"), Ok(TimeDelta::milliseconds(500)));
        assert_eq!(parse("PT1.5H"), Ok(TimeDelta::minutes(90)));
        assert_eq!(parse("P1D"), Ok(TimeDelta::hours(24)));
        assert_eq!(parse("P1DT2H"), Ok(TimeDelta::hours(26)));
        assert_eq!(parse("-PT1H"), Ok(TimeDelta::hours(-1)));
        assert_eq!(parse("PT0S"), Ok(TimeDelta::zero()));
        assert_eq!(parse("PT0.000000001M"), Ok(TimeDelta::nanoseconds(60)));
    }

    #[test]
    fn refuses_what_is_not_an_exact_duration() {
        for bad in [
            "",
            "4H",
            "P",
            "PT",
            "P1M",
            "P1Y",
            "P1W",
            "PT1M1H",
            "PT1H1H",
            "PT1.5H30M",
            "PTH",
            "PT1",
            "PT1.1234567890S",
            "PT1X",
            "P1H",
            "PT-1H",
            "PT1.S",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn format_reads_back_to_the_same_value() {
        for (d, text) in [
            (TimeDelta::hours(4), "PT4H"),
            (TimeDelta::minutes(90), "PT1H30M"),
            (TimeDelta::milliseconds(500), "PT0.5S"),
            (TimeDelta::zero(), "PT0S"),
            (TimeDelta::hours(80), "PT80H"),
            (TimeDelta::nanoseconds(1), "PT0.000000001S"),
            (
                TimeDelta::nanoseconds(-3_600_000_000_001),
                "-PT1H0.000000001S",
            ),
        ] {
            assert_eq!(format(d), text);
            assert_eq!(parse(text), Ok(d));
        }
    }
}
