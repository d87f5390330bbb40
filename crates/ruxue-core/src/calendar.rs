//! Calendar dates without a date library: the app only needs to read a birth date, compare
//! dates and know leap years, and a dependency would add to the wasm for nothing more.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A valid Gregorian date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in the form YYYY-MM-DD.
    Format,
    /// A day that does not exist, such as 2023-02-29.
    Impossible,
}

impl CalendarDate {
    /// The date, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(CalendarDate { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (also `YYYY/M/D` and `YYYY年M月D日`, with full-width digits).
    pub fn parse(text: &str) -> Result<CalendarDate, DateError> {
        let text = date_text(text);
        let parts: Vec<&str> = text.split(DATE_SEPARATORS).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(DateError::Format);
        }
        if parts[0].len() != 4 {
            return Err(DateError::Format);
        }
        let (year, month, day) = (
            parts[0].parse().map_err(|_| DateError::Format)?,
            parts[1].parse().map_err(|_| DateError::Format)?,
            parts[2].parse().map_err(|_| DateError::Format)?,
        );
        CalendarDate::new(year, month, day).ok_or(DateError::Impossible)
    }
}

/// What separates year, month and day in the forms parents type.
const DATE_SEPARATORS: [char; 5] = ['-', '/', '年', '月', '.'];

/// A typed date with full-width characters made ASCII and a closing 日 dropped, as both
/// [`CalendarDate::parse`] and [`date_fields`] read it.
fn date_text(text: &str) -> String {
    let text: String = text
        .trim()
        .chars()
        .map(crate::search::normalize::normalize_char)
        .collect();
    match text.strip_suffix('日') {
        Some(without) => without.to_string(),
        None => text,
    }
}

/// The year, month and day fields of a date as typed, in any form [`CalendarDate::parse`]
/// reads (2020-10-01, 2020/10/1, 2020年10月1日, full-width digits), so that a shared link fills
/// the three fields of the form as the parent typed them, even when the date is impossible.
pub fn date_fields(text: &str) -> (String, String, String) {
    let text = date_text(text);
    let mut parts = text.splitn(3, DATE_SEPARATORS).map(str::to_string);
    (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    )
}

impl CalendarDate {
    /// Today in UTC from the system clock, outside the browser (the CLI, the prerendered
    /// pages). The app in the browser asks the browser's clock for the local date instead.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> CalendarDate {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400) as i64;
        CalendarDate::from_unix_days(days)
    }

    /// The civil date `days` days after 1970-01-01 (negative: before it), for a clock that
    /// counts in days, such as the system clock outside the browser.
    pub fn from_unix_days(days: i64) -> CalendarDate {
        // Howard Hinnant's days-from-civil, inverted.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CalendarDate { year, month, day }
    }
}

impl CalendarDate {
    /// Days since 1970-01-01 (negative before it), the inverse of [`CalendarDate::from_unix_days`].
    pub fn unix_days(self) -> i64 {
        // Howard Hinnant's days-from-civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let month = i64::from(self.month);
        let mp = if month > 2 { month - 3 } else { month + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_parents_type() {
        let expected = CalendarDate::new(2020, 2, 29).unwrap();
        for text in [
            "2020-02-29",
            "2020/2/29",
            "2020年2月29日",
            " ２０２０－０２－２９ ".replace('－', "-").as_str(),
        ] {
            assert_eq!(CalendarDate::parse(text), Ok(expected), "{text}");
        }
        assert_eq!(
            CalendarDate::parse("2023-02-29"),
            Err(DateError::Impossible)
        );
        assert_eq!(
            CalendarDate::parse("1900-02-29"),
            Err(DateError::Impossible)
        );
        assert_eq!(CalendarDate::parse("2000-02-29").map(|d| d.day), Ok(29));
        for bad in [
            "",
            "2020-13",
            "20-01-01",
            "2020-1-1-1",
            "abc",
            "2020-01-01T00",
            "<script>",
            "🙂",
        ] {
            assert_eq!(CalendarDate::parse(bad), Err(DateError::Format), "{bad}");
        }
        assert_eq!(
            CalendarDate::parse("2020-00-10"),
            Err(DateError::Impossible)
        );
    }

    #[test]
    fn unix_days_round_trips() {
        for days in [-800_000, -1, 0, 1, 59, 60, 11_016, 20_000, 2_932_896] {
            assert_eq!(CalendarDate::from_unix_days(days).unix_days(), days);
        }
        assert_eq!(CalendarDate::new(2025, 4, 14).unwrap().unix_days(), 20_192);
    }

    #[test]
    fn every_accepted_form_fills_the_three_fields() {
        for text in [
            "2020-10-01",
            "2020/10/01",
            "2020年10月01日",
            "２０２０-１０-０１",
            " 2020.10.01 ",
        ] {
            assert_eq!(
                date_fields(text),
                ("2020".into(), "10".into(), "01".into()),
                "{text}"
            );
        }
        assert_eq!(
            date_fields("2020/10/1"),
            ("2020".into(), "10".into(), "1".into())
        );
        assert_eq!(
            date_fields("2020年10月1日"),
            ("2020".into(), "10".into(), "1".into())
        );
        assert_eq!(
            date_fields(""),
            (String::new(), String::new(), String::new())
        );
    }

    #[test]
    fn unix_days_are_civil_dates() {
        assert_eq!(CalendarDate::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(CalendarDate::from_unix_days(-1).to_string(), "1969-12-31");
        // 2024-02-29 and the day after.
        assert_eq!(
            CalendarDate::from_unix_days(19_782).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            CalendarDate::from_unix_days(19_783).to_string(),
            "2024-03-01"
        );
        assert_eq!(
            CalendarDate::from_unix_days(20_781).to_string(),
            "2026-11-24"
        );
    }
}
