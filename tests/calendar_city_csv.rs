//! `CalendarOverrides::from_city_csv` on a fixture written in the form of the Ayuntamiento de
//! Madrid's open dataset "Calendario laboral", generated from the crate's official lists
//! 2013–2026 (`write_the_fixture`, ignored, regenerates it), read back as UTF-8 without and with
//! a byte-order mark and as Latin-1.

use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt::Write as _;
use support_sla::calendar::{Calendar, CalendarOverrides, Level};
use support_sla::Error;

const FIXTURE: &str = "tests/fixtures/calendario_laboral_2013_2026.csv";
const FIXTURE_BYTES: &[u8] = include_bytes!("fixtures/calendario_laboral_2013_2026.csv");
const HEADER: &str =
    "Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad";
const YEARS: std::ops::RangeInclusive<i32> = 2013..=2026;
/// The year written with every day (working days, Saturdays, Sundays), not only its holidays.
const FULL_YEAR: i32 = 2026;

fn weekday(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "lunes",
        Weekday::Tue => "martes",
        Weekday::Wed => "miércoles",
        Weekday::Thu => "jueves",
        Weekday::Fri => "viernes",
        Weekday::Sat => "sábado",
        Weekday::Sun => "domingo",
    }
}

fn kind(level: Level) -> &'static str {
    match level {
        Level::National => "Festivo nacional",
        Level::Regional => "Festivo de la Comunidad de Madrid",
        _ => "Festivo local",
    }
}

/// The fixture's text, from the shipped calendar: CRLF line ends, as exported on Windows.
fn generate() -> String {
    let cal = Calendar::madrid();
    let mut out = format!("{HEADER}\r\n");
    for year in YEARS {
        let mut date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        while date.year() == year {
            let row = match cal.holiday(date).unwrap() {
                Some(h) => Some(format!("festivo;{};{}", kind(h.level()), h.name())),
                None if year == FULL_YEAR => Some(match date.weekday() {
                    Weekday::Sat => "sábado;;".to_string(),
                    Weekday::Sun => "domingo;;".to_string(),
                    _ => "laborable;;".to_string(),
                }),
                None => None,
            };
            if let Some(row) = row {
                write!(
                    out,
                    "{};{};{row}\r\n",
                    date.format("%d/%m/%Y"),
                    weekday(date)
                )
                .unwrap();
            }
            date = date.succ_opt().unwrap();
        }
    }
    out
}

#[test]
#[ignore = "writes the fixture; run by hand when the official lists change"]
fn write_the_fixture() {
    std::fs::write(FIXTURE, generate()).unwrap();
}

#[test]
fn fixture_is_what_the_generator_writes() {
    assert_eq!(std::str::from_utf8(FIXTURE_BYTES).unwrap(), generate());
}

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

/// Applies `bytes` to the Madrid calendar and compares 2013–2026 with the shipped years:
/// the same dates, levels and names, every day official from the dataset.
fn round_trip(bytes: &[u8]) {
    let overrides = CalendarOverrides::from_city_csv(bytes).unwrap();
    assert_eq!(overrides.replace.len(), YEARS.count());
    let shipped = Calendar::madrid();
    let read = Calendar::madrid().with_overrides(&overrides).unwrap();
    for year in YEARS {
        let want: Vec<_> = shipped
            .holidays_in_year(year)
            .unwrap()
            .iter()
            .map(|h| (h.date(), h.level(), h.name().to_string()))
            .collect();
        let got = read.holidays_in_year(year).unwrap();
        let got_rows: Vec<_> = got
            .iter()
            .map(|h| (h.date(), h.level(), h.name().to_string()))
            .collect();
        assert_eq!(got_rows, want, "{year}");
        for h in got {
            assert!(h.provenance().is_official(), "{h}");
            assert!(h
                .provenance()
                .source()
                .unwrap()
                .contains("Calendario laboral"));
        }
    }
    assert_eq!(read.holidays_in_year(2012), shipped.holidays_in_year(2012));
}

#[test]
fn round_trip_utf8_without_bom() {
    assert!(!FIXTURE_BYTES.starts_with(b"\xEF\xBB\xBF"));
    round_trip(FIXTURE_BYTES);
}

#[test]
fn round_trip_utf8_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(FIXTURE_BYTES);
    round_trip(&bytes);
}

#[test]
fn round_trip_latin1() {
    let bytes = latin1(std::str::from_utf8(FIXTURE_BYTES).unwrap());
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    round_trip(&bytes);
}

#[test]
fn row_variants_are_tolerated() {
    let csv = "\u{feff}\"Día\";\"DIA_SEMANA\";\"Laborable / Festivo / Domingo festivo\";\"Tipo de festivo\";\"Festividad\";\n\
               \n\
               1/1/2027;Viernes;FESTIVO;festivo nacional;\"Año Nuevo\";;\n\
               02/01/2027;sabado;sábado;;\n\
               03/01/2027;domingo;domingo\n\
               04/01/2027;;laborable;;\n\
               25/07/2027;domingo;domingo festivo;Festivo de la Comunidad de Madrid;Santiago Apóstol\n\
               10/11/2027;miercoles;festivo;Festivo local;Traslado de Nuestra Señora de la Almudena\n";
    let overrides = CalendarOverrides::from_city_csv(csv.as_bytes()).unwrap();
    let cal = Calendar::madrid().with_overrides(&overrides).unwrap();
    let days = cal.holidays_in_year(2027).unwrap();
    let rows: Vec<_> = days
        .iter()
        .map(|h| (h.date(), h.level(), h.name()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                Level::National,
                "Año Nuevo"
            ),
            (
                NaiveDate::from_ymd_opt(2027, 11, 10).unwrap(),
                Level::Local,
                "Traslado de Nuestra Señora de la Almudena"
            ),
        ]
    );
}

#[test]
fn a_header_only_file_changes_nothing() {
    let overrides = CalendarOverrides::from_city_csv(format!("{HEADER}\n").as_bytes()).unwrap();
    assert!(overrides.is_empty());
}

fn error_of(body: &str) -> Error {
    CalendarOverrides::from_city_csv(format!("{HEADER}\n{body}").as_bytes()).unwrap_err()
}

fn line_and_reason(err: &Error) -> (usize, &'static str) {
    match err {
        Error::CalendarFileLine { line, reason, .. } => (*line, *reason),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn what_cannot_be_read_is_an_error_with_its_line() {
    let cases: &[(&str, usize, &str)] = &[
        ("2027-01-01;viernes;festivo;Festivo nacional;Año Nuevo\n", 2, "dd/mm/yyyy"),
        ("31/02/2027;viernes;laborable;;\n", 2, "does not exist"),
        ("01/01/2027;lunes;festivo;Festivo nacional;Año Nuevo\n", 2, "weekday"),
        ("01/01/2027;viernes;fiesta;Festivo nacional;Año Nuevo\n", 2, "day kind"),
        ("01/01/2027;viernes;festivo;Festivo provincial;Año Nuevo\n", 2, "holiday type"),
        ("01/01/2027;viernes;festivo;;Año Nuevo\n", 2, "type"),
        ("01/01/2027;viernes;festivo;Festivo nacional;\n", 2, "name"),
        ("01/01/2027;viernes\n", 2, "fields"),
        ("01/01/2027;viernes;laborable;;;x\n", 2, "fields"),
        ("01/01/2101;sabado;laborable;;\n", 2, "supported years"),
        (
            "01/01/2027;viernes;festivo;Festivo nacional;Año Nuevo\n\n01/01/2027;viernes;laborable;;\n",
            4,
            "twice",
        ),
    ];
    for &(body, line, words) in cases {
        let err = error_of(body);
        let (got_line, reason) = line_and_reason(&err);
        assert_eq!(got_line, line, "{body:?}");
        assert!(reason.contains(words), "{body:?}: {reason}");
        assert!(err
            .to_string()
            .starts_with(&format!("line {line} of the city calendar file")));
    }
    let empty = CalendarOverrides::from_city_csv(b"").unwrap_err();
    assert_eq!(line_and_reason(&empty).0, 1);
    let wrong =
        CalendarOverrides::from_city_csv(b"Fecha;Nombre\n01/01/2027;Anyo Nuevo\n").unwrap_err();
    assert_eq!(line_and_reason(&wrong), (1, line_and_reason(&empty).1));
}
