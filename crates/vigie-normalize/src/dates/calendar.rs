//! Calendar arithmetic that never panics: every step returns `Option`.

use super::lexicon::{EARLY, LATE, MID};
use chrono::{Datelike, Days, Months, NaiveDate};

/// A date from its parts, when it exists.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `d` moved by `n` days.
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// `d` moved by `n` calendar months (the day is clamped to the month's end).
pub(crate) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// First and last day of a month.
pub(crate) fn month_bounds(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = ymd(y, m, 1)?;
    let last = add_days(add_months(first, 1)?, -1)?;
    Some((first, last))
}

/// Days of a part of a month: early 1–10, mid 11–20, late 21 to the end.
pub(crate) fn part_of_month(y: i32, m: u32, part: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = month_bounds(y, m)?;
    match part {
        EARLY => Some((first, ymd(y, m, 10)?)),
        MID => Some((ymd(y, m, 11)?, ymd(y, m, 20)?)),
        LATE => Some((ymd(y, m, 21)?, last)),
        _ => None,
    }
}

/// Days of a part of a Monday–Sunday week: early Monday–Wednesday, mid Tuesday–Thursday,
/// late Thursday–Sunday.
pub(crate) fn part_of_week(monday: NaiveDate, part: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = match part {
        EARLY => (0, 2),
        MID => (1, 3),
        LATE => (3, 6),
        _ => return None,
    };
    Some((add_days(monday, a)?, add_days(monday, b)?))
}

/// The latest `day`/`month` not after `pub + grace` days (searching back a few years for
/// 29 February).
pub(crate) fn latest_day_month(
    day: u32,
    month: u32,
    pub_date: NaiveDate,
    grace: i64,
) -> Option<NaiveDate> {
    let limit = add_days(pub_date, grace)?;
    let y0 = pub_date.year();
    for back in -1..9 {
        if let Some(d) = ymd(y0 - back, month, day) {
            if d <= limit {
                return Some(d);
            }
        }
    }
    None
}

/// The earliest `day`/`month` strictly after `pub_date`.
pub(crate) fn next_day_month(day: u32, month: u32, pub_date: NaiveDate) -> Option<NaiveDate> {
    let y0 = pub_date.year();
    (0..9)
        .filter_map(|k| ymd(y0 + k, month, day))
        .find(|d| *d > pub_date)
}

/// The year of the latest `month` that starts on or before `pub_date` (strictly before the
/// publication month when `strictly` is set: "novembre dernier").
pub(crate) fn latest_month_year(month: u32, pub_date: NaiveDate, strictly: bool) -> i32 {
    let pm = pub_date.month();
    let this_year = if strictly { month < pm } else { month <= pm };
    if this_year {
        pub_date.year()
    } else {
        pub_date.year() - 1
    }
}

/// The year of the earliest `month` strictly after the publication month.
pub(crate) fn next_month_year(month: u32, pub_date: NaiveDate) -> i32 {
    if month > pub_date.month() {
        pub_date.year()
    } else {
        pub_date.year() + 1
    }
}

/// Weekday number of a date, 1 = Monday .. 7 = Sunday.
pub(crate) fn weekday_of(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// The most recent `wd` (1 = Monday) on or before `d`.
pub(crate) fn weekday_on_or_before(wd: u32, d: NaiveDate) -> Option<NaiveDate> {
    let back = (weekday_of(d) + 7 - wd) % 7;
    add_days(d, -(back as i64))
}

/// The most recent `wd` strictly before `d`.
pub(crate) fn weekday_before(wd: u32, d: NaiveDate) -> Option<NaiveDate> {
    let back = match (weekday_of(d) + 7 - wd) % 7 {
        0 => 7,
        b => b,
    };
    add_days(d, -(back as i64))
}

/// The first `wd` strictly after `d`.
pub(crate) fn weekday_after(wd: u32, d: NaiveDate) -> Option<NaiveDate> {
    let fwd = match (wd + 7 - weekday_of(d)) % 7 {
        0 => 7,
        f => f,
    };
    add_days(d, fwd as i64)
}

/// The Monday of the week holding `d`.
pub(crate) fn monday_of(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -((weekday_of(d) - 1) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_around_a_wednesday() {
        let wed = d("2024-10-09");
        assert_eq!(weekday_on_or_before(3, wed), Some(wed));
        assert_eq!(weekday_on_or_before(2, wed), Some(d("2024-10-08")));
        assert_eq!(weekday_on_or_before(4, wed), Some(d("2024-10-03")));
        assert_eq!(weekday_before(3, wed), Some(d("2024-10-02")));
        assert_eq!(weekday_after(3, wed), Some(d("2024-10-16")));
        assert_eq!(monday_of(wed), Some(d("2024-10-07")));
    }

    #[test]
    fn months_and_parts() {
        assert_eq!(
            part_of_month(2024, 2, LATE),
            Some((d("2024-02-21"), d("2024-02-29")))
        );
        assert_eq!(latest_month_year(11, d("2024-08-27"), true), 2023);
        assert_eq!(latest_month_year(8, d("2024-08-27"), false), 2024);
        assert_eq!(latest_month_year(8, d("2024-08-27"), true), 2023);
        assert_eq!(
            latest_day_month(29, 2, d("2025-03-01"), 0),
            Some(d("2024-02-29"))
        );
        assert_eq!(latest_day_month(31, 2, d("2025-03-01"), 0), None);
    }

    #[test]
    fn extremes_do_not_panic() {
        let max = NaiveDate::MAX;
        assert_eq!(add_days(max, 1), None);
        let _ = latest_day_month(1, 1, max, 7);
        let _ = weekday_after(1, max);
        let _ = next_day_month(1, 1, max);
        let _ = add_months(NaiveDate::MIN, -1);
    }
}
