//! Publication dates as sources write them. Each gives the calendar date as written (the
//! local date of a timestamp, never shifted to UTC): what the outlet's readers saw.

use chrono::{DateTime, NaiveDate};

/// Parses `YYYY-MM-DD`, optionally followed by a time (`T14:02:11Z`, ` 14:02`,
/// `T14:02:11+01:00`...): the RFC 3339 / ISO 8601 forms found in metadata and JSON.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Parses an RFC 2822 date (`Tue, 08 Oct 2024 14:02:11 +0200`), as in RSS `pubDate`; also
/// accepts the common deviations (no weekday, `GMT`/`UTC`/`EST`... zones, a missing zone).
pub fn parse_rfc2822(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // Tolerant fallback: find "DD Mon YYYY" among the words.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for w in words.windows(3) {
        let (Ok(day), Some(month), Ok(year)) =
            (w[0].parse::<u32>(), month_number(w[1]), w[2].parse::<i32>())
        else {
            continue;
        };
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
            return Some(d);
        }
    }
    None
}

/// Parses the date of an X/Twitter archive's `created_at`: `Wed Oct 09 10:12:00 +0000 2024`.
pub fn parse_twitter(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = DateTime::parse_from_str(s.trim(), "%a %b %d %H:%M:%S %z %Y") {
        return Some(d.date_naive());
    }
    parse_iso(s)
}

/// Any of the forms above.
pub fn parse_any(s: &str) -> Option<NaiveDate> {
    parse_iso(s)
        .or_else(|| parse_rfc2822(s))
        .or_else(|| parse_twitter(s))
}

fn month_number(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    let m = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2024-10-08"), d(2024, 10, 8));
        assert_eq!(parse_iso("2024-10-08T23:30:00-05:00"), d(2024, 10, 8));
        assert_eq!(parse_iso("2024-10-08 14:02"), d(2024, 10, 8));
        assert_eq!(parse_iso("2024-13-08"), None);
        assert_eq!(parse_iso("2024-10-08x"), None);
        assert_eq!(parse_iso("8 oct"), None);
        assert_eq!(parse_iso("éééééééééé"), None);
    }

    #[test]
    fn rfc2822_forms() {
        assert_eq!(
            parse_rfc2822("Tue, 08 Oct 2024 14:02:11 +0200"),
            d(2024, 10, 8)
        );
        assert_eq!(parse_rfc2822("8 Oct 2024 14:02:11 GMT"), d(2024, 10, 8));
        assert_eq!(parse_rfc2822("Tue, 8 October 2024"), d(2024, 10, 8));
        assert_eq!(parse_rfc2822("soon"), None);
    }

    #[test]
    fn twitter_form() {
        assert_eq!(
            parse_twitter("Wed Oct 09 10:12:00 +0000 2024"),
            d(2024, 10, 9)
        );
    }
}
