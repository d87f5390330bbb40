//! Key dates as an iCalendar file (RFC 5545) that a phone's calendar imports: one all-day
//! event per published step, made the same way by the CLI (`ruxue dates --ics`) and on the
//! parent's device, so the file works offline and needs no server.
//!
//! - Dates are all-day (`VALUE=DATE`) in the calendar `Asia/Shanghai`: an all-day date has no
//!   time zone of its own (RFC 5545 forbids `TZID` on a `DATE`), so the calendar names the
//!   zone the dates are published in and carries its `VTIMEZONE`.
//! - Each event's `UID` is made from the year, the scope and the step's Chinese name, never
//!   from its position or the build: a rebuilt or re-downloaded file updates the events a
//!   phone already has instead of adding copies, and the two languages share UIDs.
//! - A past year's dates say so in the event's title and description, as the page does.

use crate::calendar::CalendarDate;
use crate::model::{Corpus, DateCycle, DateEvent};

/// The language of a file's titles and descriptions (the UI language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsLanguage {
    Chinese,
    English,
}

/// The days an event covers, as its `when` text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDays {
    pub first: CalendarDate,
    pub last: CalendarDate,
    /// "8月15日前": the date is a deadline (by then), not the day it happens.
    pub deadline: bool,
}

/// Reads a published `when` in `year`: `5月7日`, `5月7日–11日`, `5月28日–6月2日`, `8月15日前`
/// (the dash may be – — - ~ or 至). Anything else is an error that says what was expected, so
/// the build rejects a date the calendar file could not carry.
pub fn event_days(when: &str, year: i32) -> Result<EventDays, String> {
    let text = when.trim();
    let (text, deadline) = match text.strip_suffix('前') {
        Some(before) => (before, true),
        None => (text, false),
    };
    let mut halves = text.split(['–', '—', '-', '~', '～', '至']);
    let start = halves.next().unwrap_or_default();
    let end = halves.next();
    if halves.next().is_some() || (deadline && end.is_some()) {
        return Err(format!("`{when}` is not a date or a range of two dates"));
    }
    let (month, day) = month_day(start, None)
        .ok_or_else(|| format!("`{when}` does not start with a date like 5月7日"))?;
    let first = CalendarDate::new(year, month, day)
        .ok_or_else(|| format!("`{when}` is not a date in {year}"))?;
    let last = match end {
        None => first,
        Some(end) => {
            let (month, day) = month_day(end, Some(month))
                .ok_or_else(|| format!("`{when}` does not end with a date like 11日 or 6月2日"))?;
            CalendarDate::new(year, month, day)
                .filter(|last| *last >= first)
                .ok_or_else(|| format!("`{when}` ends before it starts or on no date"))?
        }
    };
    Ok(EventDays {
        first,
        last,
        deadline,
    })
}

/// `5月7日` → (5, 7); `11日` → (month, 11) when the range's month carries over.
fn month_day(text: &str, month: Option<u32>) -> Option<(u32, u32)> {
    let text = text.trim().strip_suffix('日')?;
    let (month, day) = match text.split_once('月') {
        Some((m, d)) => (m.parse().ok()?, d),
        None => (month?, text),
    };
    Some((month, day.parse().ok()?))
}

/// The file for `cycles` (each whole), or for one event of one cycle when `only` names it.
/// `stamp` is the file's creation date (`DTSTAMP`), today where it is made.
pub fn calendar_file(
    corpus: &Corpus,
    cycles: &[&DateCycle],
    only: Option<usize>,
    language: IcsLanguage,
    stamp: CalendarDate,
) -> String {
    let mut file = IcsWriter::default();
    file.line("BEGIN:VCALENDAR");
    file.line("VERSION:2.0");
    file.line("PRODID:-//Ruxue//Shanghai enrolment key dates//ZH");
    file.line("CALSCALE:GREGORIAN");
    file.line("METHOD:PUBLISH");
    file.property(
        "X-WR-CALNAME",
        match language {
            IcsLanguage::Chinese => "入学关键日期",
            IcsLanguage::English => "School enrolment key dates",
        },
    );
    file.line("X-WR-TIMEZONE:Asia/Shanghai");
    // China has kept +08:00 without daylight saving since 1991.
    for line in [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Shanghai",
        "BEGIN:STANDARD",
        "DTSTART:19910915T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        file.line(line);
    }
    for cycle in cycles {
        for (index, event) in cycle.events.iter().enumerate() {
            if only.is_none_or(|only| only == index) {
                write_event(&mut file, corpus, cycle, event, language, stamp);
            }
        }
    }
    file.line("END:VCALENDAR");
    file.text
}

/// The stable UID of `event` in `cycle`.
pub fn event_uid(cycle: &DateCycle, event: &DateEvent) -> String {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("{}|{}|{}", cycle.year, cycle.scope, event.zh).bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{hash:016x}@ruxue", cycle.year)
}

/// A file name for the download: `ruxue-dates-2025.ics`, or the event's own.
pub fn file_name(cycle: &DateCycle, only: Option<usize>) -> String {
    match only.and_then(|i| cycle.events.get(i)) {
        Some(event) => format!(
            "ruxue-{}.ics",
            event_uid(cycle, event).trim_end_matches("@ruxue")
        ),
        None => format!("ruxue-dates-{}.ics", cycle.year),
    }
}

fn write_event(
    file: &mut IcsWriter,
    corpus: &Corpus,
    cycle: &DateCycle,
    event: &DateEvent,
    language: IcsLanguage,
    stamp: CalendarDate,
) {
    // The build checks every `when`; a date it could not read is left out, never guessed.
    let Ok(days) = event_days(&event.when, cycle.year) else {
        return;
    };
    let chinese = language == IcsLanguage::Chinese;
    let name = if chinese { &event.zh } else { &event.en };
    let mut summary = String::new();
    if cycle.reference {
        summary.push_str(&if chinese {
            format!("【{}年参考】", cycle.year)
        } else {
            format!("[{} reference] ", cycle.year)
        });
    }
    if cycle.scope != "全市" {
        summary.push_str(&format!("{} ", cycle.scope));
    }
    summary.push_str(name);
    if days.deadline {
        summary.push_str(if chinese {
            "（截止）"
        } else {
            " (deadline)"
        });
    }
    let mut description = Vec::new();
    description.push(format!(
        "{}{}{}",
        if chinese { "日期：" } else { "Date: " },
        cycle.year,
        if chinese {
            format!("年{}", event.when)
        } else {
            format!(" {} (as published)", event.when)
        }
    ));
    if cycle.reference {
        description.push(if chinese {
            format!("这是{}年公布的日期，仅供参考，不是今年的日期。", cycle.year)
        } else {
            format!(
                "These are the dates published for {}, for reference only, not this year's.",
                cycle.year
            )
        });
    }
    description.push(format!(
        "{}{}",
        if chinese { "来源：" } else { "Source: " },
        corpus.cite(&cycle.source)
    ));
    description.push(if chinese {
        "以官方发布为准。".to_string()
    } else {
        "The official notice prevails (以官方发布为准).".to_string()
    });
    let next_day = CalendarDate::from_unix_days(days.last.unix_days() + 1);
    file.line("BEGIN:VEVENT");
    file.property("UID", &event_uid(cycle, event));
    file.line(&format!("DTSTAMP:{}T000000Z", compact(stamp)));
    file.line(&format!("DTSTART;VALUE=DATE:{}", compact(days.first)));
    // DTEND of an all-day event is the day after its last day.
    file.line(&format!("DTEND;VALUE=DATE:{}", compact(next_day)));
    file.property("SUMMARY", &summary);
    file.property("DESCRIPTION", &description.join("\n"));
    file.line("TRANSP:TRANSPARENT");
    file.line("END:VEVENT");
}

fn compact(date: CalendarDate) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// Content lines with CRLF endings, folded at 75 octets without splitting a character.
#[derive(Default)]
struct IcsWriter {
    text: String,
}

impl IcsWriter {
    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }

    fn line(&mut self, line: &str) {
        let mut octets = 0;
        for c in line.chars() {
            if octets + c.len_utf8() > 75 {
                self.text.push_str("\r\n ");
                octets = 1;
            }
            self.text.push(c);
            octets += c.len_utf8();
        }
        self.text.push_str("\r\n");
    }
}

/// A TEXT value escaped as RFC 5545 §3.3.11 asks.
fn escape(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> CalendarDate {
        CalendarDate::new(year, month, day).unwrap()
    }

    #[test]
    fn reads_the_published_forms() {
        let days = event_days("4月14日–27日", 2025).unwrap();
        assert_eq!(
            (days.first, days.last, days.deadline),
            (date(2025, 4, 14), date(2025, 4, 27), false)
        );
        let days = event_days("5月28日至6月2日", 2025).unwrap();
        assert_eq!(
            (days.first, days.last),
            (date(2025, 5, 28), date(2025, 6, 2))
        );
        let days = event_days("8月15日前", 2025).unwrap();
        assert_eq!(
            (days.first, days.last, days.deadline),
            (date(2025, 8, 15), date(2025, 8, 15), true)
        );
        assert_eq!(event_days("5月17日", 2023).unwrap().last, date(2023, 5, 17));
        for bad in [
            "",
            "五月",
            "5月",
            "2月30日",
            "5月11日–7日",
            "5月7日–11日前",
            "5月1日–2日–3日",
            "待定",
        ] {
            assert!(event_days(bad, 2025).is_err(), "{bad}");
        }
    }

    #[test]
    fn folds_long_lines_between_characters() {
        let mut file = IcsWriter::default();
        file.property("DESCRIPTION", &"以官方发布为准，".repeat(20));
        for line in file.text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = file.text.replace("\r\n ", "");
        assert_eq!(
            unfolded.trim_end(),
            format!("DESCRIPTION:{}", "以官方发布为准，".repeat(20))
        );
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
