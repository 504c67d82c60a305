//! Python's `dateutil.parser.parse` with its defaults (`dayfirst=False`,
//! `yearfirst=False`, not fuzzy), which YAQL's `datetime(string)` uses: the
//! free-form dates workflows meet, such as `Jan 5 2024`, `5 January 2024
//! 10:30 PM`, `Tue, 05 Jan 2024 10:00:00 GMT` (HTTP), `01/05/2024` (month
//! first), `2024.01.05` or `20240105T103000Z`.
//!
//! Fields a text leaves out come from `default` (dateutil uses today at
//! midnight); a text without an offset gives `None` for it.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

/// Why a text is not a date, in dateutil's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("Unknown string format: {0}")]
    Unknown(String),
    #[error("String does not contain a date: {0}")]
    NoDate(String),
    #[error("{0}")]
    OutOfRange(String),
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words dateutil skips between fields.
const JUMP: [&str; 10] = ["at", "on", "and", "ad", "m", "t", "of", "st", "nd", "rd"];

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS
        .iter()
        .position(|m| w.len() >= 3 && (m.starts_with(&w) && (w.len() == 3 || *m == w)))
        .map(|i| i as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    WEEKDAYS.iter().any(|d| {
        w.len() >= 3
            && (d.starts_with(&w)
                && (w.len() == 3 || *d == w || w == "tues" || w == "thur" || w == "thurs"))
    })
}

/// A token: a run of digits (with one decimal point), of letters, or one
/// other character.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_ascii_digit() {
            let mut dot = false;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (chars[i] == '.'
                        && !dot
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                        && out.last().is_some_and(|t| t == ":")))
            {
                dot |= chars[i] == '.';
                i += 1;
            }
        } else if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
        } else {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

#[derive(Default)]
struct Fields {
    numbers: Vec<(i64, usize)>,
    month: Option<u32>,
    hour: Option<u32>,
    minute: Option<u32>,
    second: Option<u32>,
    micro: Option<u32>,
    pm: Option<bool>,
    offset: Option<i32>,
}

/// Parses `text` as dateutil does; fields it lacks are `default`'s.
///
/// # Errors
/// [`ParseError`] naming the text when it is not a date dateutil reads.
pub fn parse(
    text: &str,
    default: NaiveDateTime,
) -> Result<(NaiveDateTime, Option<FixedOffset>), ParseError> {
    let unknown = || ParseError::Unknown(text.to_string());
    let toks = tokens(text);
    let mut f = Fields::default();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].as_str();
        let next = toks.get(i + 1).map(String::as_str);
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            if next == Some(":") && f.hour.is_none() {
                // H:M[:S[.f]]
                f.hour = Some(t.parse().map_err(|_| unknown())?);
                let minute = toks.get(i + 2).ok_or_else(unknown)?;
                f.minute = Some(minute.parse().map_err(|_| unknown())?);
                i += 3;
                if toks.get(i).map(String::as_str) == Some(":") {
                    let sec = toks.get(i + 1).ok_or_else(unknown)?;
                    let (s, frac) = sec.split_once('.').unwrap_or((sec, ""));
                    f.second = Some(s.parse().map_err(|_| unknown())?);
                    if !frac.is_empty() {
                        let digits: String = frac.chars().chain("000000".chars()).take(6).collect();
                        f.micro = Some(digits.parse().map_err(|_| unknown())?);
                    }
                    i += 2;
                }
                continue;
            }
            let digits = t.len();
            let n: i64 = t.parse().map_err(|_| unknown())?;
            match digits {
                8 if f.numbers.is_empty() && f.month.is_none() => {
                    f.numbers.push((n / 10_000, 4));
                    f.numbers.push(((n / 100) % 100, 2));
                    f.numbers.push((n % 100, 2));
                }
                14 | 12 if f.numbers.is_empty() => {
                    // YYYYMMDDhhmm[ss]
                    let s = t;
                    f.numbers.push((s[..4].parse().map_err(|_| unknown())?, 4));
                    f.numbers.push((s[4..6].parse().map_err(|_| unknown())?, 2));
                    f.numbers.push((s[6..8].parse().map_err(|_| unknown())?, 2));
                    f.hour = Some(s[8..10].parse().map_err(|_| unknown())?);
                    f.minute = Some(s[10..12].parse().map_err(|_| unknown())?);
                    if digits == 14 {
                        f.second = Some(s[12..14].parse().map_err(|_| unknown())?);
                    }
                }
                6 | 4 if f.numbers.len() >= 3 && f.hour.is_none() => {
                    // HHMMSS or HHMM after a date (`20240105T103000`).
                    f.hour = Some(t[..2].parse().map_err(|_| unknown())?);
                    f.minute = Some(t[2..4].parse().map_err(|_| unknown())?);
                    if digits == 6 {
                        f.second = Some(t[4..6].parse().map_err(|_| unknown())?);
                    }
                }
                _ if t.contains('.') => return Err(unknown()),
                _ => {
                    if next.is_some_and(|w| {
                        let w = w.to_ascii_lowercase();
                        w == "am" || w == "pm" || w == "a" || w == "p"
                    }) && f.hour.is_none()
                    {
                        f.hour = Some(u32::try_from(n).map_err(|_| unknown())?);
                    } else {
                        if f.numbers.len() >= 3 {
                            return Err(unknown());
                        }
                        f.numbers.push((n, digits));
                    }
                }
            }
            i += 1;
            continue;
        }
        if t.chars().all(char::is_alphabetic) {
            let lower = t.to_ascii_lowercase();
            if let Some(m) = month_of(t) {
                if f.month.is_some() {
                    return Err(unknown());
                }
                f.month = Some(m);
            } else if is_weekday(t) || JUMP.contains(&lower.as_str()) || lower == "th" {
            } else if matches!(lower.as_str(), "am" | "pm" | "a" | "p") && f.hour.is_some() {
                f.pm = Some(lower.starts_with('p'));
            } else if matches!(lower.as_str(), "z" | "utc" | "gmt") && f.offset.is_none() {
                f.offset = Some(0);
            } else if f.hour.is_some()
                && (3..=5).contains(&t.len())
                && t.chars().all(|c| c.is_ascii_uppercase())
            {
                // A zone name dateutil does not know (`EST`): it warns and
                // reads the time as naive.
            } else {
                return Err(unknown());
            }
            i += 1;
            continue;
        }
        match t {
            "+" | "-"
                if f.hour.is_some()
                    && next.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())) =>
            {
                let sign = if t == "-" { -1 } else { 1 };
                let n = next.unwrap_or_default();
                let (hh, mm, used) = if n.len() == 4 {
                    (&n[..2], &n[2..], 2)
                } else if toks.get(i + 2).map(String::as_str) == Some(":") {
                    (n, toks.get(i + 3).map_or("0", String::as_str), 4)
                } else {
                    (n, "0", 2)
                };
                let h: i32 = hh.parse().map_err(|_| unknown())?;
                let m: i32 = mm.parse().map_err(|_| unknown())?;
                f.offset = Some(sign * (h * 3600 + m * 60) + f.offset.unwrap_or(0));
                i += used;
                continue;
            }
            "-" | "/" | "." | " " | "," | "T" | "\t" | "'" | ";" => {}
            _ if t.trim().is_empty() => {}
            _ => return Err(unknown()),
        }
        i += 1;
    }
    if f.numbers.is_empty() && f.month.is_none() && f.hour.is_none() {
        return Err(ParseError::NoDate(text.to_string()));
    }
    let (year, month, day) = resolve_ymd(&f, default).ok_or_else(unknown)?;
    let mut hour = f.hour.unwrap_or(0);
    match f.pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| ParseError::OutOfRange(format!("day is out of range for month: {text}")))?;
    let time = NaiveTime::from_hms_micro_opt(
        hour,
        f.minute.unwrap_or(0),
        f.second.unwrap_or(0),
        f.micro.unwrap_or(0),
    )
    .ok_or_else(|| ParseError::OutOfRange(format!("hour must be in 0..23: {text}")))?;
    let offset = match f.offset {
        Some(s) => Some(FixedOffset::east_opt(s).ok_or_else(unknown)?),
        None => None,
    };
    Ok((NaiveDateTime::new(date, time), offset))
}

/// Year, month and day from the numbers read (dateutil's `resolve_ymd`,
/// month first when ambiguous).
fn resolve_ymd(f: &Fields, default: NaiveDateTime) -> Option<(i32, u32, u32)> {
    let nums = &f.numbers;
    let year_like = |(n, digits): (i64, usize)| digits >= 3 || n > 31;
    let (mut year, mut month, mut day): (Option<i64>, Option<i64>, Option<i64>) =
        (None, f.month.map(i64::from), None);
    let mut year_digits = 4;
    match (nums.as_slice(), f.month) {
        ([], _) => {}
        ([a], Some(_)) => {
            if year_like(*a) {
                year = Some(a.0);
                year_digits = a.1;
            } else {
                day = Some(a.0);
            }
        }
        ([a], None) => {
            if year_like(*a) {
                year = Some(a.0);
                year_digits = a.1;
            } else {
                day = Some(a.0);
            }
        }
        ([a, b], Some(_)) => {
            if year_like(*a) {
                (year, day) = (Some(a.0), Some(b.0));
                year_digits = a.1;
            } else {
                (day, year) = (Some(a.0), Some(b.0));
                year_digits = b.1;
            }
        }
        ([a, b], None) => {
            if year_like(*a) {
                (year, month) = (Some(a.0), Some(b.0));
                year_digits = a.1;
            } else if year_like(*b) {
                (month, year) = (Some(a.0), Some(b.0));
                year_digits = b.1;
            } else if a.0 > 12 {
                (day, month) = (Some(a.0), Some(b.0));
            } else {
                (month, day) = (Some(a.0), Some(b.0));
            }
        }
        ([a, b, c], None) => {
            if year_like(*a) {
                (year, month, day) = (Some(a.0), Some(b.0), Some(c.0));
                year_digits = a.1;
            } else if a.0 > 12 {
                (day, month, year) = (Some(a.0), Some(b.0), Some(c.0));
                year_digits = c.1;
            } else {
                (month, day, year) = (Some(a.0), Some(b.0), Some(c.0));
                year_digits = c.1;
            }
        }
        _ => return None,
    }
    if month.is_some_and(|m| m > 12) && day.is_some_and(|d| d <= 12) {
        std::mem::swap(&mut month, &mut day);
    }
    let year = match year {
        Some(y) if year_digits <= 2 && y < 100 => {
            // dateutil: the century that puts it within 50 years of now.
            let now = i64::from(default.year());
            let mut full = y + now / 100 * 100;
            if full >= now + 50 {
                full -= 100;
            } else if full < now - 50 {
                full += 100;
            }
            full
        }
        Some(y) => y,
        None => i64::from(default.year()),
    };
    let month = month.unwrap_or(i64::from(default.month()));
    let day = day.unwrap_or(i64::from(default.day()));
    Some((
        i32::try_from(year).ok()?,
        u32::try_from(month).ok().filter(|m| (1..=12).contains(m))?,
        u32::try_from(day).ok()?,
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn today() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    fn at(text: &str) -> String {
        match parse(text, today()) {
            Ok((dt, None)) => dt.format("%Y-%m-%d %H:%M:%S%.f").to_string(),
            Ok((dt, Some(off))) => format!("{} {off}", dt.format("%Y-%m-%d %H:%M:%S%.f")),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn reads_what_dateutil_reads() {
        // Each as python-dateutil 2.9 (under Mistral 23) read it.
        for (text, want) in [
            ("Jan 5 2024", "2024-01-05 00:00:00"),
            ("5 January 2024 10:30 PM", "2024-01-05 22:30:00"),
            (
                "Tue, 05 Jan 2024 10:00:00 GMT",
                "2024-01-05 10:00:00 +00:00",
            ),
            (
                "Tue, 05 Jan 2024 10:00:00 +0200",
                "2024-01-05 10:00:00 +02:00",
            ),
            ("01/05/2024", "2024-01-05 00:00:00"),
            ("13/05/2024", "2024-05-13 00:00:00"),
            ("2024.01.05", "2024-01-05 00:00:00"),
            ("5.1.2024", "2024-05-01 00:00:00"),
            ("20240105T103000Z", "2024-01-05 10:30:00 +00:00"),
            (
                "2024-01-05 10:00:00.123456-05:00",
                "2024-01-05 10:00:00.123456 -05:00",
            ),
            ("January 2024", "2024-01-04 00:00:00"),
            ("5 Jan 24", "2024-01-05 00:00:00"),
            ("1/5/24", "2024-01-05 00:00:00"),
            ("10:30 Jan 5 2024", "2024-01-05 10:30:00"),
            ("Jan 5, 2024 at 3pm", "2024-01-05 15:00:00"),
            ("12am Jan 5 2024", "2024-01-05 00:00:00"),
            ("12:15 pm Jan 5 2024", "2024-01-05 12:15:00"),
            ("Friday, January 5th, 2024", "2024-01-05 00:00:00"),
            ("Jan 5 2024 10:00 EST", "2024-01-05 10:00:00"),
            ("hello", "error: Unknown string format: hello"),
            (
                "Jan 35 2024",
                "error: day is out of range for month: Jan 35 2024",
            ),
        ] {
            assert_eq!(at(text), want, "{text}");
        }
    }
}
