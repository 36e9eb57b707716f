//! `Calendar::to_ics` read back by an independent iCalendar reader written here from RFC 5545
//! (unfolding, content lines, TEXT unescaping), sharing no code with `src/`.

use chrono::NaiveDate;
use proptest::prelude::*;
use support_sla::calendar::{Calendar, Holiday};

/// One content line: name, parameters, value (unescaped when a TEXT property).
#[derive(Debug, PartialEq)]
struct Property {
    name: String,
    params: Vec<String>,
    value: String,
}

/// Checks the physical lines (CRLF only, at most 75 octets) and unfolds them.
fn unfold(doc: &str) -> Vec<String> {
    assert!(doc.ends_with("\r\n"), "document ends with CRLF");
    let physical: Vec<&str> = doc[..doc.len() - 2].split("\r\n").collect();
    let mut lines: Vec<String> = Vec::new();
    for p in physical {
        assert!(
            !p.contains('\n') && !p.contains('\r'),
            "bare line break in {p:?}"
        );
        assert!(p.len() <= 75, "line of {} octets: {p:?}", p.len());
        if let Some(rest) = p.strip_prefix(' ').or_else(|| p.strip_prefix('\t')) {
            lines
                .last_mut()
                .expect("continuation after a line")
                .push_str(rest);
        } else {
            lines.push(p.to_string());
        }
    }
    lines
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            assert!(c != ';' && c != ',', "unescaped {c:?} in {text:?}");
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some(';') => out.push(';'),
            Some(',') => out.push(','),
            Some('n' | 'N') => out.push('\n'),
            other => panic!("bad escape {other:?} in {text:?}"),
        }
    }
    out
}

fn parse(doc: &str) -> Vec<Property> {
    unfold(doc)
        .into_iter()
        .map(|l| {
            let colon = l.find(':').expect("a colon in every line");
            let (head, value) = (&l[..colon], &l[colon + 1..]);
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_string();
            let params = parts.map(str::to_string).collect();
            let value = match name.as_str() {
                "SUMMARY" | "DESCRIPTION" | "CATEGORIES" => unescape(value),
                _ => value.to_string(),
            };
            Property {
                name,
                params,
                value,
            }
        })
        .collect()
}

/// The events of a parsed document: each a list of properties between BEGIN and END:VEVENT.
fn events(props: &[Property]) -> Vec<Vec<&Property>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<&Property>> = None;
    for p in props {
        match (p.name.as_str(), p.value.as_str()) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => out.push(current.take().expect("END after BEGIN")),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(p);
                }
            }
        }
    }
    out
}

fn get<'a>(event: &[&'a Property], name: &str) -> &'a Property {
    let found: Vec<_> = event.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "{name} once per event");
    found[0]
}

fn date(value: &str) -> NaiveDate {
    NaiveDate::parse_from_str(value, "%Y%m%d").unwrap()
}

/// The document's events agree with `holidays`: dates, next-day ends, names, levels, UIDs.
fn check(doc: &str, holidays: &[Holiday]) {
    let props = parse(doc);
    assert_eq!(props.first().unwrap().value, "VCALENDAR");
    assert_eq!(props.last().unwrap().name, "END");
    assert!(props
        .iter()
        .any(|p| p.name == "VERSION" && p.value == "2.0"));
    assert!(props
        .iter()
        .any(|p| p.name == "PRODID" && !p.value.is_empty()));
    let events = events(&props);
    assert_eq!(events.len(), holidays.len());
    let mut uids = std::collections::BTreeSet::new();
    for (event, h) in events.iter().zip(holidays) {
        let start = get(event, "DTSTART");
        assert_eq!(start.params, ["VALUE=DATE"]);
        assert_eq!(date(&start.value), h.date());
        let end = get(event, "DTEND");
        assert_eq!(end.params, ["VALUE=DATE"]);
        assert_eq!(date(&end.value), h.date().succ_opt().unwrap());
        assert_eq!(get(event, "SUMMARY").value, h.name());
        assert_eq!(get(event, "CATEGORIES").value, h.level().to_string());
        let stamp = &get(event, "DTSTAMP").value;
        assert!(stamp.len() == 16 && stamp.ends_with('Z'), "{stamp}");
        assert!(uids.insert(get(event, "UID").value.clone()), "unique UID");
    }
}

#[test]
fn madrid_2025_and_2026_read_back() {
    let cal = Calendar::madrid();
    let doc = cal.to_ics(2025..=2026).unwrap();
    let mut holidays = cal.holidays_in_year(2025).unwrap().to_vec();
    holidays.extend_from_slice(cal.holidays_in_year(2026).unwrap());
    check(&doc, &holidays);
    // Long sources are folded, never past 75 octets (checked in `unfold`).
    assert!(doc.contains("\r\n "));
}

#[test]
fn document_is_deterministic_and_uids_stable_per_date() {
    let cal = Calendar::madrid();
    let one = cal.to_ics(2024..=2026).unwrap();
    assert_eq!(one, cal.to_ics(2024..=2026).unwrap());
    let uid_2025 = |doc: &str| {
        let props = parse(doc);
        events(&props)
            .iter()
            .find(|e| get(e, "DTSTART").value == "20250101")
            .map(|e| get(e, "UID").value.clone())
            .unwrap()
    };
    assert_eq!(uid_2025(&one), uid_2025(&cal.to_ics(2025..=2025).unwrap()));
    assert!(one.contains("DTSTAMP:20240101T000000Z\r\n"));
}

#[test]
fn empty_range_and_years_out_of_range() {
    let cal = Calendar::madrid();
    let (first, last) = (2026, 2025);
    let empty = cal.to_ics(first..=last).unwrap();
    assert_eq!(events(&parse(&empty)).len(), 0);
    assert!(cal.to_ics(1999..=2025).is_err());
    assert!(cal.to_ics(2025..=2101).is_err());
}

fn text() -> impl Strategy<Value = String> {
    // Specials to escape, multi-byte characters to fold around (2, 3 and 4 octets).
    proptest::collection::vec(
        prop_oneof![
            Just("a".to_string()),
            Just(" ".to_string()),
            Just(";".to_string()),
            Just(",".to_string()),
            Just("\\".to_string()),
            Just("\n".to_string()),
            Just(":".to_string()),
            Just("ñ".to_string()),
            Just("€".to_string()),
            Just("🎉".to_string()),
        ],
        1..200,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn any_name_survives_escaping_and_folding(names in proptest::collection::vec(text(), 1..5)) {
        let days: Vec<(NaiveDate, String)> = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (NaiveDate::from_ymd_opt(2030, 3, 1 + i as u32).unwrap(), n))
            .collect();
        let cal = Calendar::from_named_dates(days).unwrap();
        let doc = cal.to_ics(2030..=2030).unwrap();
        check(&doc, cal.holidays_in_year(2030).unwrap());
    }
}
