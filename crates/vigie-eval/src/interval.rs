//! Date intervals as the answer keys write them.

use chrono::{Datelike, NaiveDate};

/// A closed interval of days; `None` ends are open.
pub type Interval = (Option<NaiveDate>, Option<NaiveDate>);

fn lo(s: &str) -> Option<NaiveDate> {
    let p: Vec<&str> = s.split('-').collect();
    let y: i32 = p.first()?.parse().ok()?;
    let m: u32 = p.get(1).map_or(Some(1), |x| x.parse().ok())?;
    let d: u32 = p.get(2).map_or(Some(1), |x| x.parse().ok())?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn hi(s: &str) -> Option<NaiveDate> {
    let p: Vec<&str> = s.split('-').collect();
    let y: i32 = p.first()?.parse().ok()?;
    match (p.get(1), p.get(2)) {
        (None, _) => NaiveDate::from_ymd_opt(y, 12, 31),
        (Some(m), None) => {
            let m: u32 = m.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            let _ = first.day();
            next.pred_opt()
        }
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?),
    }
}

/// Parses `2024-10-08`, `2024-07`, `2024`, `A/B`, `/B`, `A/`.
pub fn parse_interval(v: &str) -> Interval {
    if v.is_empty() {
        return (None, None);
    }
    match v.split_once('/') {
        Some((a, b)) => (
            if a.is_empty() { None } else { lo(a) },
            if b.is_empty() { None } else { hi(b) },
        ),
        None => (lo(v), hi(v)),
    }
}

/// The interval of a predicted object: its `from`/`to` when either is set, else its `value`.
pub fn pred_interval(o: &serde_json::Value) -> Interval {
    let f = o
        .get("from")
        .and_then(|x| x.as_str())
        .filter(|s| !s.is_empty());
    let t = o
        .get("to")
        .and_then(|x| x.as_str())
        .filter(|s| !s.is_empty());
    if f.is_some() || t.is_some() {
        return (
            f.and_then(|f| parse_interval(f).0),
            t.and_then(|t| parse_interval(t).1),
        );
    }
    parse_interval(o.get("value").and_then(|x| x.as_str()).unwrap_or(""))
}

/// True when the intervals overlap, each closed end stretched by `slack` days.
pub fn overlaps(a: Interval, b: Interval, slack: i64) -> bool {
    let d = chrono::Duration::days(slack);
    let lo_a = a.0.unwrap_or(NaiveDate::MIN);
    let lo_b = b.0.unwrap_or(NaiveDate::MIN);
    let hi_a = a.1.map_or(NaiveDate::MAX, |x| x + d);
    let hi_b = b.1.map_or(NaiveDate::MAX, |x| x + d);
    lo_a <= hi_b && lo_b <= hi_a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn forms() {
        assert_eq!(
            parse_interval("2024-07"),
            (Some(d("2024-07-01")), Some(d("2024-07-31")))
        );
        assert_eq!(parse_interval("/2024-10-01"), (None, Some(d("2024-10-01"))));
        assert_eq!(
            parse_interval("2024-08/2024-09"),
            (Some(d("2024-08-01")), Some(d("2024-09-30")))
        );
        assert_eq!(
            parse_interval("2024-02"),
            (Some(d("2024-02-01")), Some(d("2024-02-29")))
        );
    }

    #[test]
    fn slack() {
        let a = parse_interval("2024-10-04");
        assert!(overlaps(a, parse_interval("2024-10-05"), 1));
        assert!(!overlaps(a, parse_interval("2024-10-06"), 1));
        assert!(overlaps(a, parse_interval("/2024-10-01"), 3));
    }
}
