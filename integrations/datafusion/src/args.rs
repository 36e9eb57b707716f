//! Reading the functions' arguments: whole Arrow arrays or constants, without a per-row copy.
//!
//! Each reader borrows its column (or holds its constant) and answers row by row; words are
//! borrowed `&str`, instants are nanoseconds since the epoch converted from the column's unit
//! with an overflow check.

use chrono::{DateTime, Utc};
use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, LargeStringArray, PrimitiveArray, StringArray, StringViewArray,
};
use datafusion::arrow::buffer::NullBuffer;
use datafusion::arrow::datatypes::{
    ArrowPrimitiveType, DataType, Int64Type, TimeUnit, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType,
};
use datafusion::common::{Result, ScalarValue, exec_err, plan_err};
use datafusion::logical_expr::ColumnarValue;

/// The type an argument holding a word (coverage, tier, event kind) is coerced to: any string
/// type is read as it comes, integers and NULL become text.
pub(crate) fn word_type(function: &str, argument: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(given.clone()),
        DataType::Null | DataType::Dictionary(..) => Ok(DataType::Utf8),
        t if t.is_integer() => Ok(DataType::Utf8),
        t => plan_err!("{function}: argument {argument} must be text, got {t}"),
    }
}

/// The type a severity argument is coerced to: text as [`word_type`], but integers (a severity
/// `1`–`4`) as BIGINT, read as numbers instead of being formatted as text row by row.
pub(crate) fn severity_type(function: &str, argument: &str, given: &DataType) -> Result<DataType> {
    match given {
        t if t.is_integer() => Ok(DataType::Int64),
        t => word_type(function, argument, t),
    }
}

/// The type an instant argument is coerced to: any timestamp as it comes (any unit, any zone),
/// text (RFC 3339) and NULL as nanoseconds in UTC.
pub(crate) fn instant_type(function: &str, argument: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::Timestamp(..) => Ok(given.clone()),
        DataType::Null | DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(
            DataType::Timestamp(TimeUnit::Nanosecond, Some("UTC".into())),
        ),
        t => plan_err!("{function}: argument {argument} must be a timestamp, got {t}"),
    }
}

/// The type of a whole number of seconds: any integer (and NULL) as BIGINT.
pub(crate) fn seconds_type(function: &str, argument: &str, given: &DataType) -> Result<DataType> {
    match given {
        DataType::Null => Ok(DataType::Int64),
        t if t.is_integer() => Ok(DataType::Int64),
        t => plan_err!("{function}: argument {argument} must be an integer, got {t}"),
    }
}

/// A column (or constant) of words.
pub(crate) enum Words<'a> {
    Constant(Option<&'a str>),
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl<'a> Words<'a> {
    /// Reads `value`, which must have one of the types [`word_type`] gives.
    pub(crate) fn new(function: &str, value: &'a ColumnarValue) -> Result<Words<'a>> {
        match value {
            ColumnarValue::Scalar(scalar) => match scalar {
                ScalarValue::Utf8(v) | ScalarValue::LargeUtf8(v) | ScalarValue::Utf8View(v) => {
                    Ok(Words::Constant(v.as_deref()))
                }
                ScalarValue::Null => Ok(Words::Constant(None)),
                other => exec_err!("{function}: expected text, got {}", other.data_type()),
            },
            ColumnarValue::Array(array) => Words::of_array(function, array),
        }
    }

    /// Reads a column of text.
    pub(crate) fn of_array(function: &str, array: &'a ArrayRef) -> Result<Words<'a>> {
        match array.data_type() {
            DataType::Utf8 => Ok(Words::Utf8(array.as_string::<i32>())),
            DataType::LargeUtf8 => Ok(Words::Large(array.as_string::<i64>())),
            DataType::Utf8View => Ok(Words::View(array.as_string_view())),
            t => exec_err!("{function}: expected text, got {t}"),
        }
    }

    /// The NULLs of the column, and whether a constant is NULL.
    pub(crate) fn nulls(&self) -> Validity<'a> {
        match *self {
            Words::Constant(v) => Validity::Constant(v.is_some()),
            Words::Utf8(a) => Validity::Column(a.nulls()),
            Words::Large(a) => Validity::Column(a.nulls()),
            Words::View(a) => Validity::Column(a.nulls()),
        }
    }

    /// The word of row `row`, `None` for NULL.
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Option<&'a str> {
        match self {
            Words::Constant(v) => *v,
            Words::Utf8(a) => a.is_valid(row).then(|| a.value(row)),
            Words::Large(a) => a.is_valid(row).then(|| a.value(row)),
            Words::View(a) => a.is_valid(row).then(|| a.value(row)),
        }
    }
}

/// A column (or constant) of instants in any timestamp unit.
pub(crate) enum Instants<'a> {
    Constant(Option<i64>, TimeUnit),
    /// A column's values (read as a slice, whatever the unit) and its NULLs.
    Column {
        values: &'a [i64],
        nulls: Option<&'a NullBuffer>,
        unit: TimeUnit,
    },
}

impl<'a> Instants<'a> {
    /// Reads `value`, which must be a timestamp (see [`instant_type`]).
    pub(crate) fn new(function: &str, value: &'a ColumnarValue) -> Result<Instants<'a>> {
        match value {
            ColumnarValue::Scalar(scalar) => match scalar {
                ScalarValue::TimestampSecond(v, _) => Ok(Instants::Constant(*v, TimeUnit::Second)),
                ScalarValue::TimestampMillisecond(v, _) => {
                    Ok(Instants::Constant(*v, TimeUnit::Millisecond))
                }
                ScalarValue::TimestampMicrosecond(v, _) => {
                    Ok(Instants::Constant(*v, TimeUnit::Microsecond))
                }
                ScalarValue::TimestampNanosecond(v, _) => {
                    Ok(Instants::Constant(*v, TimeUnit::Nanosecond))
                }
                ScalarValue::Null => Ok(Instants::Constant(None, TimeUnit::Nanosecond)),
                other => exec_err!(
                    "{function}: expected a timestamp, got {}",
                    other.data_type()
                ),
            },
            ColumnarValue::Array(array) => Instants::of_array(function, array),
        }
    }

    /// Reads a column of timestamps.
    pub(crate) fn of_array(function: &str, array: &'a ArrayRef) -> Result<Instants<'a>> {
        fn column<T: ArrowPrimitiveType<Native = i64>>(
            array: &PrimitiveArray<T>,
            unit: TimeUnit,
        ) -> Instants<'_> {
            Instants::Column {
                values: array.values(),
                nulls: array.nulls(),
                unit,
            }
        }
        match array.data_type() {
            DataType::Timestamp(TimeUnit::Second, _) => Ok(column(
                array.as_primitive::<TimestampSecondType>(),
                TimeUnit::Second,
            )),
            DataType::Timestamp(TimeUnit::Millisecond, _) => Ok(column(
                array.as_primitive::<TimestampMillisecondType>(),
                TimeUnit::Millisecond,
            )),
            DataType::Timestamp(TimeUnit::Microsecond, _) => Ok(column(
                array.as_primitive::<TimestampMicrosecondType>(),
                TimeUnit::Microsecond,
            )),
            DataType::Timestamp(TimeUnit::Nanosecond, _) => Ok(column(
                array.as_primitive::<TimestampNanosecondType>(),
                TimeUnit::Nanosecond,
            )),
            t => exec_err!("{function}: expected a timestamp, got {t}"),
        }
    }

    /// The NULLs of the column (`None`: none), and whether a constant is NULL.
    pub(crate) fn nulls(&self) -> Validity<'a> {
        match *self {
            Instants::Constant(v, _) => Validity::Constant(v.is_some()),
            Instants::Column { nulls, .. } => Validity::Column(nulls),
        }
    }

    /// The instant of row `row`, `Ok(None)` for NULL.
    ///
    /// # Errors
    ///
    /// When the value does not fit in nanoseconds since the epoch (years before 1677 or after
    /// 2262: outside every clock's supported range), naming the value and `function`; when
    /// `row` is past the column's end.
    #[inline(always)]
    pub(crate) fn get(&self, function: &str, row: usize) -> Result<Option<DateTime<Utc>>> {
        let (value, unit) = match self {
            Instants::Constant(v, unit) => (*v, *unit),
            Instants::Column {
                values,
                nulls,
                unit,
            } => {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    return Ok(None);
                }
                let Some(&value) = values.get(row) else {
                    return past_the_end(function, row, values.len());
                };
                (Some(value), *unit)
            }
        };
        let Some(value) = value else {
            return Ok(None);
        };
        let per_unit: i64 = match unit {
            TimeUnit::Second => 1_000_000_000,
            TimeUnit::Millisecond => 1_000_000,
            TimeUnit::Microsecond => 1_000,
            TimeUnit::Nanosecond => 1,
        };
        match value.checked_mul(per_unit) {
            Some(nanos) => Ok(Some(DateTime::from_timestamp_nanos(nanos))),
            None => exec_err!(
                "{function}: instant {value} {} since the epoch is outside the supported range",
                unit_name(unit)
            ),
        }
    }
}

/// The error of a row past a column's end (never for the columns DataFusion passes, which
/// have the batch's rows).
#[cold]
fn past_the_end<T>(function: &str, row: usize, len: usize) -> Result<T> {
    exec_err!("{function}: row {row} is past the end of a column of {len} rows")
}

/// Checks that every column of `args` has `rows` rows, as DataFusion promises, so that a
/// function's loop over `0..rows` reads every column within its end.
///
/// # Errors
///
/// Naming `function` and both lengths, when one does not.
pub(crate) fn check_rows(function: &str, args: &[ColumnarValue], rows: usize) -> Result<()> {
    for arg in args {
        if let ColumnarValue::Array(array) = arg
            && array.len() != rows
        {
            return exec_err!(
                "{function}: a column of {} rows in a batch of {rows}",
                array.len()
            );
        }
    }
    Ok(())
}

/// Which rows of an argument are NULL.
#[derive(Clone, Copy)]
pub(crate) enum Validity<'a> {
    /// A constant: every row valid (`true`) or every row NULL.
    Constant(bool),
    /// A column's NULLs (`None`: no NULL).
    Column(Option<&'a NullBuffer>),
}

impl Validity<'_> {
    /// The rows of `rows` that are valid in every argument, as one NULL buffer (`None` when
    /// none is NULL): the NULLs of a function's answer that is NULL when any argument is.
    pub(crate) fn all(rows: usize, arguments: &[Validity<'_>]) -> Option<NullBuffer> {
        let mut all: Option<NullBuffer> = None;
        for argument in arguments {
            match argument {
                Validity::Constant(true) | Validity::Column(None) => {}
                Validity::Constant(false) => return Some(NullBuffer::new_null(rows)),
                Validity::Column(Some(nulls)) => {
                    all = NullBuffer::union(all.as_ref(), Some(nulls));
                }
            }
        }
        all.filter(|nulls| nulls.null_count() > 0)
    }
}

impl<'a> Instants<'a> {
    /// The column's nanoseconds, when it is a column of nanoseconds without NULLs: every row
    /// is its value as it is (no NULL, no unit to convert, no overflow to check).
    pub(crate) fn plain_nanos(&self) -> Option<&'a [i64]> {
        match *self {
            Instants::Column {
                values,
                nulls: None,
                unit: TimeUnit::Nanosecond,
            } => Some(values),
            _ => None,
        }
    }
}

/// The unit's name, for messages.
fn unit_name(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Second => "s",
        TimeUnit::Millisecond => "ms",
        TimeUnit::Microsecond => "µs",
        TimeUnit::Nanosecond => "ns",
    }
}

/// A column (or constant) of severities: words, or numbers (see [`severity_type`]).
pub(crate) enum Severities<'a> {
    Words(Words<'a>),
    Numbers(Integers<'a>),
}

/// The severity of one row, not yet read.
#[derive(Clone, Copy)]
pub(crate) enum SeverityValue<'a> {
    Word(&'a str),
    Number(i64),
}

impl<'a> Severities<'a> {
    /// Reads `value`, which must have one of the types [`severity_type`] gives.
    pub(crate) fn new(function: &str, value: &'a ColumnarValue) -> Result<Severities<'a>> {
        if value.data_type() == DataType::Int64 {
            Ok(Severities::Numbers(Integers::new(function, value)?))
        } else {
            Ok(Severities::Words(Words::new(function, value)?))
        }
    }

    /// The severity of row `row`, `None` for NULL.
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Option<SeverityValue<'a>> {
        match self {
            Severities::Words(words) => words.get(row).map(SeverityValue::Word),
            Severities::Numbers(numbers) => numbers.get(row).map(SeverityValue::Number),
        }
    }
}

/// A column (or constant) of BIGINT.
pub(crate) enum Integers<'a> {
    Constant(Option<i64>),
    Column {
        values: &'a [i64],
        nulls: Option<&'a NullBuffer>,
    },
}

impl<'a> Integers<'a> {
    /// Reads `value`, which must be BIGINT (see [`seconds_type`]).
    pub(crate) fn new(function: &str, value: &'a ColumnarValue) -> Result<Integers<'a>> {
        match value {
            ColumnarValue::Scalar(ScalarValue::Int64(v)) => Ok(Integers::Constant(*v)),
            ColumnarValue::Scalar(ScalarValue::Null) => Ok(Integers::Constant(None)),
            ColumnarValue::Array(a) if a.data_type() == &DataType::Int64 => {
                let a = a.as_primitive::<Int64Type>();
                Ok(Integers::Column {
                    values: a.values(),
                    nulls: a.nulls(),
                })
            }
            other => exec_err!("{function}: expected BIGINT, got {}", other.data_type()),
        }
    }

    /// The NULLs of the column, and whether a constant is NULL.
    pub(crate) fn nulls(&self) -> Validity<'a> {
        match *self {
            Integers::Constant(v) => Validity::Constant(v.is_some()),
            Integers::Column { nulls, .. } => Validity::Column(nulls),
        }
    }

    /// The column's values, when it is a column without NULLs.
    pub(crate) fn plain(&self) -> Option<&'a [i64]> {
        match *self {
            Integers::Column {
                values,
                nulls: None,
            } => Some(values),
            _ => None,
        }
    }

    /// The value of row `row`, `None` for NULL (and past the column's end, which DataFusion
    /// never asks for).
    #[inline]
    pub(crate) fn get(&self, row: usize) -> Option<i64> {
        match self {
            Integers::Constant(v) => *v,
            Integers::Column { values, nulls } => {
                if nulls.is_some_and(|nulls| nulls.is_null(row)) {
                    None
                } else {
                    values.get(row).copied()
                }
            }
        }
    }
}
