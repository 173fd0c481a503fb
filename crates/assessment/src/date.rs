//! A calendar date, as an assessment is dated: `YYYY-MM-DD`, no time and no time zone (the day the
//! person answered, in their own time zone, as the front end reads it from its clock).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A day of the proleptic Gregorian calendar, years 1–9999: only a real day can be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date, if it is one (no 31 April, no 29 February outside a leap year).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it). Howard Hinnant's `days_from_civil`.
    pub fn days_since_1970(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it falls in years 1–9999 (`civil_from_days`).
    pub fn from_days_since_1970(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A text that is not a date written `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotADate(pub String);

impl fmt::Display for NotADate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a date written YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for NotADate {}

impl FromStr for Date {
    type Err = NotADate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b[r.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| s[r].parse::<u16>().ok())
                .flatten()
        };
        let parsed = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
            .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
            .flatten();
        parsed
            .and_then(|(y, m, d)| Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?))
            .ok_or_else(|| NotADate(s.to_owned()))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Date {
    /// The same day `months` months later, or the month's last day when it is shorter
    /// (31 August and six months: 28 or 29 February).
    pub fn months_later(self, months: u8) -> Option<Self> {
        let index = u32::from(self.month) - 1 + u32::from(months);
        let year = self.year.checked_add(u16::try_from(index / 12).ok()?)?;
        let month = u8::try_from(index % 12 + 1).ok()?;
        (28..=self.day.max(28))
            .rev()
            .find_map(|day| Self::new(year, month, day.min(self.day)))
    }

    /// The same day a year later; 29 February becomes 1 March. For "within 12 months".
    pub fn a_year_later(self) -> Option<Self> {
        let year = self.year.checked_add(1)?;
        Self::new(year, self.month, self.day).or_else(|| Self::new(year, 3, 1))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // The pattern alone would let 2026-02-30 through; `format: date` (RFC 3339's full-date)
        // is the real day, which validators check when asked to (ajv-formats, Python jsonschema's
        // format checker).
        schemars::json_schema!({
            "description": "A calendar day written YYYY-MM-DD, years 0001–9999.",
            "type": "string",
            "format": "date",
            "pattern": "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}
