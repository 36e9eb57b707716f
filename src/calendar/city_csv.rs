//! The working calendar the Ayuntamiento de Madrid publishes as open data (dataset "Calendario
//! laboral", CSV), read into [`CalendarOverrides`].

use super::holiday::{Holiday, Level, Provenance};
use super::overrides::CalendarOverrides;
use super::SUPPORTED_YEARS;
use crate::error::Error;
use chrono::{Datelike, NaiveDate, Weekday};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The source given to every day read from the file.
const SOURCE: &str =
    "Ayuntamiento de Madrid, portal de datos abiertos: conjunto de datos Calendario laboral (CSV)";

/// The columns of the dataset, folded (lowercase, no accents).
const HEADER: [&str; 5] = [
    "dia",
    "dia_semana",
    "laborable / festivo / domingo festivo",
    "tipo de festivo",
    "festividad",
];

/// The longest echo of a line in an error.
const ECHO_CHARS: usize = 120;

impl CalendarOverrides {
    /// Reads the working calendar the Ayuntamiento de Madrid publishes as open data (dataset
    /// "Calendario laboral"): each year present in the file replaces that year of the calendar,
    /// every day [`Provenance::Official`] with the dataset as source.
    ///
    /// The form read: `;`-separated, the header
    /// `Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad`, one row
    /// per day, dates `dd/mm/yyyy`. Tolerated: UTF-8 with or without a byte-order mark, or
    /// Latin-1 (a file that is not valid UTF-8 is read as Latin-1); CRLF or LF line ends; blank
    /// lines; fields in double quotes; extra empty fields at the end of a row; accents and case in
    /// the header and the words. Rows:
    ///
    /// - `laborable`, `sábado`, `domingo`: a day that is not a holiday (accepted, not listed);
    /// - `festivo`: a holiday, its level from `Tipo de Festivo` (`Festivo nacional`, `Festivo de
    ///   la Comunidad de Madrid`, `Festivo local`), its name the `Festividad` as written
    ///   (a moved day keeps its "Traslado …" name and the level its type gives);
    /// - `domingo festivo`: a holiday on a Sunday, not a non-working day the calendar lists
    ///   (the crate's lists leave Sunday holidays out), accepted and not listed.
    ///
    /// A weekday name that does not match the date is refused: the file is not what it claims.
    ///
    /// # Errors
    ///
    /// [`Error::CalendarFileLine`], with the line number and the line, for a missing or wrong
    /// header, a row with too few fields, a date that is not `dd/mm/yyyy` or outside
    /// [`SUPPORTED_YEARS`](super::SUPPORTED_YEARS), a date given twice, a weekday that does not
    /// match, an unknown day kind or holiday type, or a holiday without a name.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use support_sla::calendar::{Calendar, CalendarOverrides};
    ///
    /// let csv = "Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad\r\n\
    ///            01/01/2027;viernes;festivo;Festivo nacional;Año Nuevo\r\n\
    ///            04/01/2027;lunes;laborable;;\r\n\
    ///            15/05/2027;sábado;festivo;Festivo local;San Isidro Labrador\r\n";
    /// let overrides = CalendarOverrides::from_city_csv(csv.as_bytes())?;
    /// let cal = Calendar::madrid().with_overrides(&overrides)?;
    /// assert_eq!(cal.holidays_in_year(2027)?.len(), 2); // the year is replaced whole
    /// assert!(cal.holiday(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())?.unwrap().provenance().is_official());
    ///
    /// let bad = "Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad\n\
    ///            2027-01-01;viernes;festivo;Festivo nacional;Año Nuevo\n";
    /// let err = CalendarOverrides::from_city_csv(bad.as_bytes()).unwrap_err();
    /// assert!(err.to_string().starts_with("line 2 of the city calendar file"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_city_csv(bytes: &[u8]) -> Result<CalendarOverrides, Error> {
        const NO_HEADER: &str = "expected the header Dia;Dia_semana;laborable / festivo / domingo festivo;Tipo de Festivo;Festividad";
        let text = decode(bytes);
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(index, line)| (index + 1, line.strip_suffix('\r').unwrap_or(line)))
            .filter(|(_, line)| !line.trim().is_empty());
        let Some((number, header)) = lines.next() else {
            return Err(line_error(1, "", NO_HEADER));
        };
        let columns: Vec<String> = fields(header).iter().map(|f| fold(f)).collect();
        if columns != HEADER {
            return Err(line_error(number, header, NO_HEADER));
        }
        let mut years: BTreeMap<i32, Vec<Holiday>> = BTreeMap::new();
        let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for (number, line) in lines {
            let row = read_row(line).map_err(|reason| line_error(number, line, reason))?;
            if seen.insert(row.date, number).is_some() {
                return Err(line_error(
                    number,
                    line,
                    "the date is given twice in the file",
                ));
            }
            let days = years.entry(row.date.year()).or_default();
            days.extend(row.holiday);
        }
        Ok(years
            .into_iter()
            .fold(CalendarOverrides::new(), |overrides, (year, days)| {
                overrides.replace_year(year, days)
            }))
    }
}

/// One row read: its date, and the holiday when the row is one the calendar lists.
struct Row {
    date: NaiveDate,
    holiday: Option<Holiday>,
}

fn read_row(line: &str) -> Result<Row, &'static str> {
    let fields = fields(line);
    let field = |i: usize| fields.get(i).map_or("", String::as_str);
    if fields.len() < 3 || fields.len() > 5 {
        return Err("expected 3 to 5 fields separated by ;");
    }
    let date = parse_date(field(0))?;
    if !SUPPORTED_YEARS.contains(&date.year()) {
        return Err("the date is outside the supported years 2000 to 2100");
    }
    let weekday = fold(field(1));
    if !weekday.is_empty() && weekday != spanish_weekday(date.weekday()) {
        return Err("the weekday does not match the date");
    }
    let holiday = match fold(field(2)).as_str() {
        "laborable" | "sabado" | "domingo" | "domingo festivo" => None,
        "festivo" => {
            let level = match fold(field(3)).as_str() {
                "festivo nacional" => Level::National,
                "festivo de la comunidad de madrid" | "festivo autonomico" => Level::Regional,
                "festivo local" => Level::Local,
                "" => return Err("a holiday without its type (Tipo de Festivo)"),
                _ => return Err("unknown holiday type: expected Festivo nacional, Festivo de la Comunidad de Madrid or Festivo local"),
            };
            let name = field(4);
            if name.is_empty() {
                return Err("a holiday without its name (Festividad)");
            }
            let source = Cow::Borrowed(SOURCE);
            let provenance = Provenance::Official { source };
            Some(Holiday::new(date, level, name.to_owned(), provenance))
        }
        _ => {
            return Err(
                "unknown day kind: expected laborable, festivo, domingo festivo, sábado or domingo",
            )
        }
    };
    Ok(Row { date, holiday })
}

/// The text of the file: UTF-8 (a byte-order mark dropped) when it is valid UTF-8, else
/// Latin-1, where every byte is the character of the same number.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
    }
}

/// The fields of a line, trimmed, surrounding double quotes removed, trailing empty fields
/// dropped.
fn fields(line: &str) -> Vec<String> {
    let mut fields: Vec<String> = line
        .split(';')
        .map(|f| {
            let f = f.trim();
            let unquoted = f
                .strip_prefix('"')
                .and_then(|f| f.strip_suffix('"'))
                .unwrap_or(f);
            unquoted.trim().replace("\"\"", "\"")
        })
        .collect();
    while fields.last().is_some_and(String::is_empty) {
        fields.pop();
    }
    fields
}

/// A word for comparison: lowercase, accents removed, inner spaces collapsed.
fn fold(word: &str) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' | 'ì' => 'i',
            'ó' | 'ò' => 'o',
            'ú' | 'ù' | 'ü' => 'u',
            c => c,
        })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `dd/mm/yyyy` (one-digit day and month accepted).
fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    const BAD: &str = "the date is not dd/mm/yyyy";
    let mut parts = text.split('/');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BAD);
    };
    let number = |s: &str, max_len: usize| {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            s.parse::<u32>().ok()
        }
    };
    let (Some(day), Some(month), Some(year)) = (number(day, 2), number(month, 2), number(year, 4))
    else {
        return Err(BAD);
    };
    let year = i32::try_from(year).map_err(|_| BAD)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or("the date does not exist")
}

fn spanish_weekday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "lunes",
        Weekday::Tue => "martes",
        Weekday::Wed => "miercoles",
        Weekday::Thu => "jueves",
        Weekday::Fri => "viernes",
        Weekday::Sat => "sabado",
        Weekday::Sun => "domingo",
    }
}

fn line_error(line: usize, input: &str, reason: &'static str) -> Error {
    Error::CalendarFileLine {
        line,
        input: input.chars().take(ECHO_CHARS).collect(),
        reason,
    }
}
