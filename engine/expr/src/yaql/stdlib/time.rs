//! Date and time functions (yaql's `date_time.py`): `datetime()`,
//! `timespan()`, `now()`, their properties and arithmetic.
//!
//! Datetimes are always timezone-aware (yaql gives naive inputs UTC).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};

use super::{Call, CallErr, Kind, R, int_arg, runtime, string};
use crate::yaql::YaqlError;
use crate::yaql::value::Value;

fn offset_of(c: &Call, i: usize) -> Result<FixedOffset, CallErr> {
    match c.arg(i, "offset")? {
        None => Ok(utc()),
        Some(Value::TimeSpan(t)) => FixedOffset::east_opt(t.num_seconds() as i32)
            .ok_or_else(|| runtime("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")),
        Some(_) => Err(CallErr::NoMatch),
    }
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap_or_else(|| Utc.fix())
}

use chrono::Offset as _;

/// Dispatches the date and time library; `None` for other names.
pub(super) fn dispatch(name: &str, c: &Call) -> Option<R> {
    let result = match name {
        "datetime" => (|| {
            c.kind(Kind::Func)?;
            let first = c.arg(0, "year")?;
            match first {
                Some(Value::Str(s)) => {
                    c.max(2)?;
                    match c.arg(1, "format")? {
                        None | Some(Value::Null) => parse_datetime(&s, c.env.host.now_micros()),
                        Some(Value::Str(fmt)) => parse_with_format(&s, &fmt),
                        Some(_) => Err(CallErr::NoMatch),
                    }
                }
                Some(Value::Float(_)) if c.n() <= 2 => from_timestamp(c),
                Some(Value::Int(_)) if c.n() <= 2 && c.named_count() == 0 => from_timestamp(c),
                Some(Value::Int(year)) => {
                    c.max(8)?;
                    let month = int_arg(c, 1, "month", 1)?;
                    let day = int_arg(c, 2, "day", 1)?;
                    let hour = int_arg(c, 3, "hour", 0)?;
                    let minute = int_arg(c, 4, "minute", 0)?;
                    let second = int_arg(c, 5, "second", 0)?;
                    let micro = int_arg(c, 6, "microsecond", 0)?;
                    let offset = offset_of(c, 7)?;
                    build(year, month, day, hour, minute, second, micro, offset)
                }
                _ => Err(CallErr::NoMatch),
            }
        })(),
        "timespan" => (|| {
            c.kind(Kind::Func)?;
            c.max(6)?;
            let mut total_us: i128 = 0;
            for (i, (unit, scale)) in [
                ("days", 86_400_000_000i128),
                ("hours", 3_600_000_000),
                ("minutes", 60_000_000),
                ("seconds", 1_000_000),
                ("milliseconds", 1_000),
                ("microseconds", 1),
            ]
            .into_iter()
            .enumerate()
            {
                total_us += int_arg(c, i, unit, 0)? * scale;
            }
            let us = i64::try_from(total_us)
                .map_err(|_| runtime("days=1000000000; must have magnitude <= 999999999"))?;
            Ok(Value::TimeSpan(TimeDelta::microseconds(us)))
        })(),
        "localtz" | "utctz" => (|| {
            c.kind(Kind::Func)?;
            c.exact(0)?;
            let secs = if name == "localtz" {
                // The local offset at the host's time (see `now`).
                let now = DateTime::from_timestamp_micros(c.env.host.now_micros())
                    .ok_or_else(|| runtime("the host's time is out of range"))?;
                let local =
                    chrono::TimeZone::offset_from_utc_datetime(&chrono::Local, &now.naive_utc());
                i64::from(local.local_minus_utc())
            } else {
                0
            };
            Ok(Value::TimeSpan(TimeDelta::seconds(secs)))
        })(),
        "replace" if matches!(c.opt(0), Ok(Some(Value::DateTime(_)))) => (|| {
            c.kind(Kind::Method)?;
            let Value::DateTime(dt) = c.val(0)? else {
                return Err(CallErr::NoMatch);
            };
            c.max(9)?;
            let field = |i: usize, n: &str| -> Result<Option<i128>, CallErr> {
                match c.arg(i, n)? {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::Int(v)) => Ok(Some(v)),
                    Some(_) => Err(CallErr::NoMatch),
                }
            };
            let year = field(1, "year")?.unwrap_or(i128::from(dt.year()));
            let month = field(2, "month")?.unwrap_or(i128::from(dt.month()));
            let day = field(3, "day")?.unwrap_or(i128::from(dt.day()));
            let hour = field(4, "hour")?.unwrap_or(i128::from(dt.hour()));
            let minute = field(5, "minute")?.unwrap_or(i128::from(dt.minute()));
            let second = field(6, "second")?.unwrap_or(i128::from(dt.second()));
            let micro =
                field(7, "microsecond")?.unwrap_or(i128::from(dt.timestamp_subsec_micros()));
            let offset = match c.arg(8, "offset")? {
                None | Some(Value::Null) => *dt.offset(),
                Some(Value::TimeSpan(t)) => FixedOffset::east_opt(t.num_seconds() as i32)
                    .ok_or_else(|| runtime("offset out of range"))?,
                Some(_) => return Err(CallErr::NoMatch),
            };
            build(year, month, day, hour, minute, second, micro, offset)
        })(),
        "now" => (|| {
            c.kind(Kind::Func)?;
            c.max(1)?;
            let offset = offset_of(c, 0)?;
            // The host's time: the engine gives its step's, so a replay
            // of the step sees the same.
            let now = DateTime::from_timestamp_micros(c.env.host.now_micros())
                .ok_or_else(|| runtime("the host's time is out of range"))?;
            Ok(Value::DateTime(now.with_timezone(&offset)))
        })(),
        "format" => (|| {
            c.kind(Kind::Method)?;
            c.exact(2)?;
            let Value::DateTime(dt) = c.val(0)? else {
                return Err(CallErr::NoMatch);
            };
            let fmt = string(&c.val(1)?)?;
            // %Z: dateutil's UTC zone is named "UTC", fixed offsets have no name.
            let zone = if dt.offset().local_minus_utc() == 0 {
                "UTC"
            } else {
                ""
            };
            let fmt = fmt.replace("%Z", zone);
            let mut out = String::new();
            use std::fmt::Write as _;
            write!(out, "{}", dt.format(&fmt))
                .map_err(|_| runtime(format!("Invalid format string {fmt}")))?;
            Ok(Value::str(&out))
        })(),
        _ => return None,
    };
    Some(result)
}

fn from_timestamp(c: &Call) -> R {
    let ts = c.val(0)?.as_f64().ok_or(CallErr::NoMatch)?;
    let offset = offset_of(c, 1)?;
    let micros = (ts * 1_000_000.0).round() as i64;
    DateTime::from_timestamp_micros(micros)
        .map(|dt| Value::DateTime(dt.with_timezone(&offset)))
        .ok_or_else(|| runtime("year is out of range"))
}

/// `datetime(string)`: ISO 8601 at once, else dateutil's parser (missing
/// fields from today, `now_micros` being the host's time).
fn parse_datetime(s: &str, now_micros: i64) -> R {
    let t = s.trim();
    // chrono's %Y takes any number of digits ("1/5/24" would be year 1):
    // only a four-digit year goes the ISO way.
    if t.len() >= 4
        && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && let Some(v) = parse_iso(t)
    {
        return Ok(v);
    }
    let today = DateTime::from_timestamp_micros(now_micros)
        .map(|now| now.naive_utc())
        .and_then(|now| now.date().and_hms_opt(0, 0, 0))
        .ok_or_else(|| runtime("the host's time is out of range"))?;
    let (naive, offset) = crate::dateutil::parse(t, today).map_err(|e| runtime(e.to_string()))?;
    let offset = offset.unwrap_or_else(utc);
    naive
        .and_local_timezone(offset)
        .single()
        .map(Value::DateTime)
        .ok_or_else(|| runtime(format!("Unknown string format: {s}")))
}

/// The ISO 8601 forms, read exactly.
fn parse_iso(t: &str) -> Option<Value> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(Value::DateTime(dt));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return Some(Value::DateTime(dt));
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            return Some(Value::DateTime(naive.and_utc().fixed_offset()));
        }
    }
    for fmt in ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(t, fmt)
            && let Some(naive) = date.and_hms_opt(0, 0, 0)
        {
            return Some(Value::DateTime(naive.and_utc().fixed_offset()));
        }
    }
    None
}

/// Datetime and timespan properties (`#property#name`).
pub(super) fn property(v: &Value, name: &str) -> Option<Result<Value, YaqlError>> {
    let int = |i: i64| Some(Ok(Value::Int(i128::from(i))));
    match v {
        Value::DateTime(dt) => match name {
            "year" => int(i64::from(dt.year())),
            "month" => int(i64::from(dt.month())),
            "day" => int(i64::from(dt.day())),
            "hour" => int(i64::from(dt.hour())),
            "minute" => int(i64::from(dt.minute())),
            "second" => int(i64::from(dt.second())),
            "microsecond" => int(i64::from(dt.timestamp_subsec_micros())),
            "weekday" => int(i64::from(dt.weekday().num_days_from_monday())),
            "date" => dt
                .date_naive()
                .and_hms_opt(0, 0, 0)
                .and_then(|n| n.and_local_timezone(*dt.offset()).single())
                .map(|d| Ok(Value::DateTime(d))),
            "time" => {
                let t = dt.time();
                Some(Ok(Value::TimeSpan(
                    TimeDelta::seconds(i64::from(t.num_seconds_from_midnight()))
                        + TimeDelta::microseconds(i64::from(t.nanosecond() / 1000)),
                )))
            }
            // yaql subtracts the offset but keeps the timezone.
            "utc" => {
                let shifted =
                    dt.naive_local() - TimeDelta::seconds(i64::from(dt.offset().local_minus_utc()));
                shifted
                    .and_local_timezone(*dt.offset())
                    .single()
                    .map(|d| Ok(Value::DateTime(d)))
            }
            "offset" => Some(Ok(Value::TimeSpan(TimeDelta::seconds(i64::from(
                dt.offset().local_minus_utc(),
            ))))),
            "timestamp" => Some(Ok(Value::Float(dt.timestamp_micros() as f64 / 1e6))),
            _ => None,
        },
        Value::TimeSpan(t) => {
            let us = t.num_microseconds().unwrap_or(i64::MAX) as f64;
            let f = |div: f64| Some(Ok(Value::Float(us / div)));
            match name {
                "days" => f(86_400e6),
                "hours" => f(3_600e6),
                "minutes" => f(60e6),
                "seconds" => f(1e6),
                "milliseconds" => f(1e3),
                "microseconds" => int(t.num_microseconds().unwrap_or(i64::MAX)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Arithmetic with datetimes and timespans.
pub(super) fn binary(op: &str, l: &Value, r: &Value) -> Result<Value, YaqlError> {
    use Value::*;
    let overflow = || YaqlError::Runtime("date value out of range".into());
    match (op, l, r) {
        ("+", DateTime(d), TimeSpan(t)) | ("+", TimeSpan(t), DateTime(d)) => {
            d.checked_add_signed(*t).map(DateTime).ok_or_else(overflow)
        }
        ("-", DateTime(d), TimeSpan(t)) => {
            d.checked_sub_signed(*t).map(DateTime).ok_or_else(overflow)
        }
        ("-", DateTime(a), DateTime(b)) => Ok(TimeSpan(a.signed_duration_since(*b))),
        ("+", TimeSpan(a), TimeSpan(b)) => a.checked_add(b).map(TimeSpan).ok_or_else(overflow),
        ("-", TimeSpan(a), TimeSpan(b)) => a.checked_sub(b).map(TimeSpan).ok_or_else(overflow),
        ("*", TimeSpan(t), n @ (Int(_) | Float(_)))
        | ("*", n @ (Int(_) | Float(_)), TimeSpan(t)) => {
            let us = t.num_microseconds().unwrap_or(i64::MAX) as f64 * n.as_f64().unwrap_or(0.0);
            Ok(TimeSpan(TimeDelta::microseconds(us.round() as i64)))
        }
        ("/", TimeSpan(a), TimeSpan(b)) => {
            let bu = b.num_microseconds().unwrap_or(i64::MAX);
            if bu == 0 {
                return Err(YaqlError::Runtime("division by zero".into()));
            }
            Ok(Float(
                a.num_microseconds().unwrap_or(i64::MAX) as f64 / bu as f64,
            ))
        }
        ("/", TimeSpan(t), n @ (Int(_) | Float(_))) => {
            let d = n.as_f64().unwrap_or(0.0);
            if d == 0.0 {
                return Err(YaqlError::Runtime("division by zero".into()));
            }
            Ok(TimeSpan(TimeDelta::microseconds(
                (t.num_microseconds().unwrap_or(i64::MAX) as f64 / d).round() as i64,
            )))
        }
        _ => Err(YaqlError::NoMatchingFunction(format!("#operator_{op}"))),
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    year: i128,
    month: i128,
    day: i128,
    hour: i128,
    minute: i128,
    second: i128,
    micro: i128,
    offset: FixedOffset,
) -> R {
    let date = NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32)
        .filter(|_| (1..=9999).contains(&year))
        .ok_or_else(|| {
            runtime(if !(1..=12).contains(&month) {
                "month must be in 1..12"
            } else if !(1..=9999).contains(&year) {
                "year is out of range"
            } else {
                "day is out of range for month"
            })
        })?;
    let time = date
        .and_hms_micro_opt(hour as u32, minute as u32, second as u32, micro as u32)
        .ok_or_else(|| {
            runtime(if !(0..24).contains(&hour) {
                "hour must be in 0..23"
            } else if !(0..60).contains(&minute) {
                "minute must be in 0..59"
            } else if !(0..60).contains(&second) {
                "second must be in 0..59"
            } else {
                "microsecond must be in 0..999999"
            })
        })?;
    time.and_local_timezone(offset)
        .single()
        .map(Value::DateTime)
        .ok_or_else(|| runtime("invalid datetime"))
}

/// `datetime(string, format)`: Python's `strptime`; naive results are UTC.
fn parse_with_format(s: &str, fmt: &str) -> R {
    if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
        return Ok(Value::DateTime(dt));
    }
    if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
        return Ok(Value::DateTime(naive.and_utc().fixed_offset()));
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, fmt)
        && let Some(naive) = date.and_hms_opt(0, 0, 0)
    {
        return Ok(Value::DateTime(naive.and_utc().fixed_offset()));
    }
    Err(runtime(format!(
        "time data '{s}' does not match format '{fmt}'"
    )))
}
