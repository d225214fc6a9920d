//! Cross-document merging: when two reports tell the same real event, and what the merged
//! event says. Pure functions; the store supplies candidates and keeps the result.
//!
//! Two reports are one event when all of these hold (each gives a reason, kept with the
//! report, so an analyst can ask why):
//! - **type**: the same ACLED event type; the same sub-event type too, except for battles,
//!   protests and riots, whose sub-types are views of one fight or one crowd;
//! - **dates**: the intervals overlap once widened by a slack that grows with coarser
//!   precision (1 day for a day, 3 for a week, 7 for a month);
//! - **place**: the points lie within a distance that grows with coarser geo precision
//!   ([`max_km`]); a country-wide place matches any place in that country; an unlocated
//!   report matches on its country;
//! - **actors**: the reports name at least one actor in common, or one of them names none.
//!
//! Among compatible events the closest one (dates, then distance) is joined.

use crate::model::{FatalityRange, MergedEvent};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use vigie_model::Event;

/// Actors that say nothing about who took part.
fn is_vague_actor(a: &str) -> bool {
    let l = a.to_lowercase();
    l.starts_with("unidentified") || l.is_empty()
}

/// What merging needs of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportKey {
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// First day (publication week when the report gives none).
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// ACLED time precision.
    pub time_precision: u8,
    /// (lat, lon).
    pub point: Option<(f64, f64)>,
    /// ACLED geo precision.
    pub geo_precision: u8,
    /// Whether the place is a whole country.
    pub country_wide: bool,
    /// ISO2 country.
    pub country: Option<String>,
    /// Named actors (actor1, actor2 and associated), vague ones left out.
    pub actors: BTreeSet<String>,
    /// Whether the report is a journey (movement rules), whose place is one point of a road.
    pub journey: bool,
}

impl ReportKey {
    /// The key of `event` from a document published on `published`.
    ///
    /// A report without dates is placed in the week before publication, with month
    /// precision, so it only joins events of those days.
    /// A report with neither dates nor a publication day gets 1970-01-01: it only joins
    /// other undated reports.
    pub fn of(event: &Event, published: Option<NaiveDate>) -> ReportKey {
        let (from, to, prec) = match (event.from, event.to) {
            (Some(f), Some(t)) => (f, t, event.time_precision),
            (Some(f), None) => (f, published.unwrap_or(f).max(f), event.time_precision),
            (None, Some(t)) => (t - chrono::Days::new(7), t, event.time_precision.max(2)),
            (None, None) => match published {
                Some(p) => (p - chrono::Days::new(7), p, 3),
                None => (NaiveDate::default(), NaiveDate::default(), 3),
            },
        };
        let place = event.location.as_ref();
        let mut actors = BTreeSet::new();
        for a in event
            .actor1
            .iter()
            .chain(event.actor2.iter())
            .chain(event.assoc_actor1.iter())
            .chain(event.assoc_actor2.iter())
        {
            if !is_vague_actor(a) {
                actors.insert(a.clone());
            }
        }
        ReportKey {
            event_type: event.event_type.to_string(),
            sub_event_type: event.sub_event_type.to_string(),
            from,
            to,
            time_precision: prec.clamp(1, 3),
            point: place.and_then(|p| p.point()),
            geo_precision: event.geo_precision.clamp(1, 3),
            country_wide: place.is_some_and(|p| p.feature.starts_with("PCL")),
            country: place.map(|p| p.country.clone()).filter(|c| !c.is_empty()),
            actors,
            journey: event.event_type == "Strategic developments"
                && event.rules.iter().any(|r| is_journey_rule(r)),
        }
    }

    /// The days a compatible event's span must reach: the report's days widened by the
    /// largest slack any pair may get ([`JOURNEY_SLACK_DAYS`]).
    pub fn window(&self) -> (NaiveDate, NaiveDate) {
        let s = chrono::Days::new(JOURNEY_SLACK_DAYS as u64);
        (self.from - s, self.to + s)
    }
}

fn is_journey_rule(rule: &str) -> bool {
    // Development events drafted from movements (see vigie-events' movement rules).
    let r = rule.to_lowercase();
    [
        "movement",
        "convoi",
        "convoy",
        "demi_tour",
        "rebrousser",
        "returned",
        "turned_back",
    ]
    .iter()
    .any(|w| r.contains(w))
}

/// The longest a merged event of day or week precision may span, days.
pub const MAX_SPAN_DAYS: i64 = 14;
/// The longest a merged journey may span, days.
pub const MAX_SPAN_DAYS_JOURNEY: i64 = 21;
/// The longest a merged event with a month-precise report may span, days.
pub const MAX_SPAN_DAYS_COARSE: i64 = 31;

/// Extra days either side of a journey's interval: reports catch a convoy at different
/// points of its road.
pub const JOURNEY_SLACK_DAYS: i64 = 7;

/// Extra days either side of an interval of this precision.
pub fn slack_days(time_precision: u8) -> u64 {
    match time_precision {
        0 | 1 => 1,
        2 => 3,
        _ => 7,
    }
}

/// The farthest two points of one event may lie apart at this geo precision, km.
pub fn max_km(geo_precision: u8, journey: bool) -> f64 {
    if journey {
        return 400.0;
    }
    match geo_precision {
        0 | 1 => 60.0,
        2 => 120.0,
        _ => 300.0,
    }
}

/// Great-circle distance in km between two (lat, lon) points.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    vigie_model::great_circle_km(a, b)
}

/// Sub-event types that may differ between two reports of one event of this type.
fn sub_types_may_differ(event_type: &str) -> bool {
    matches!(event_type, "Battles" | "Protests" | "Riots")
}

/// Sub-event types that outlets confuse when they tell one event: the weapon of a remote
/// strike (a drone, a missile, a shell) is often uncertain. Such reports join only when
/// their dates overlap without slack.
fn sub_types_often_confused(event_type: &str) -> bool {
    event_type == "Explosions/Remote violence"
}

/// A candidate's verdict: how close it is and why it matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Lower is closer: days apart (0 when overlapping without slack) plus km / 100.
    pub distance: f64,
    /// Why the report joins, in words.
    pub reasons: Vec<String>,
}

/// Whether report `r` tells the same event as the event summarised by `e`, and why.
pub fn compatible(r: &ReportKey, e: &ReportKey) -> Option<Match> {
    let mut reasons = Vec::new();
    if r.event_type != e.event_type {
        return None;
    }
    let strict_dates =
        r.sub_event_type != e.sub_event_type && sub_types_often_confused(&r.event_type);
    if r.sub_event_type != e.sub_event_type {
        if !sub_types_may_differ(&r.event_type) && !strict_dates {
            return None;
        }
        reasons.push(format!(
            "{} ({} / {})",
            r.event_type, r.sub_event_type, e.sub_event_type
        ));
    } else {
        reasons.push(format!("same type: {}", r.sub_event_type));
    }
    // dates
    let slack = if strict_dates {
        0
    } else if r.journey && e.journey {
        // a journey is seen at different points of its road on different days
        JOURNEY_SLACK_DAYS
    } else {
        slack_days(r.time_precision.max(e.time_precision)) as i64
    };
    let gap = if r.to < e.from {
        (e.from - r.to).num_days()
    } else if e.to < r.from {
        (r.from - e.to).num_days()
    } else {
        0
    };
    if gap > slack {
        return None;
    }
    // one event does not grow without end: reports that would stretch it beyond a month
    // (two weeks for day- and week-precise events, three for journeys) are another event
    let span = (r.to.max(e.to) - r.from.min(e.from)).num_days();
    let max_span = if r.time_precision.max(e.time_precision) >= 3 {
        MAX_SPAN_DAYS_COARSE
    } else if r.journey || e.journey {
        MAX_SPAN_DAYS_JOURNEY
    } else {
        MAX_SPAN_DAYS
    };
    if span > max_span {
        return None;
    }
    reasons.push(if gap == 0 {
        format!(
            "dates overlap ({}–{} and {}–{})",
            r.from, r.to, e.from, e.to
        )
    } else {
        format!("dates {gap} day(s) apart, within the {slack}-day slack of their precision")
    });
    // place
    let mut km = 0.0;
    match (r.point, e.point) {
        _ if r.country_wide || e.country_wide => {
            if r.country.is_some() && e.country.is_some() && r.country != e.country {
                return None;
            }
            reasons.push("one place is the whole country".to_string());
        }
        (Some(a), Some(b)) => {
            km = haversine_km(a, b);
            let limit = max_km(r.geo_precision.max(e.geo_precision), r.journey || e.journey);
            if km > limit {
                return None;
            }
            reasons.push(format!("places {km:.0} km apart (limit {limit:.0} km)"));
        }
        _ => {
            if r.country.is_some() && e.country.is_some() && r.country != e.country {
                return None;
            }
            reasons.push("one report has no located place; same country".to_string());
        }
    }
    // actors
    if !r.actors.is_empty() && !e.actors.is_empty() {
        let common: Vec<&String> = r.actors.intersection(&e.actors).collect();
        if common.is_empty() {
            return None;
        }
        reasons.push(format!(
            "actors in common: {}",
            common
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    } else {
        reasons.push("one report names no actor".to_string());
    }
    Some(Match {
        distance: gap as f64 + km / 100.0,
        reasons,
    })
}

/// What deriving a merged event needs of each of its reports.
#[derive(Debug, Clone)]
pub struct ReportFacts {
    /// The report's own fields.
    pub event: Event,
    /// Its key (dates filled in for undated reports).
    pub key: ReportKey,
    /// Who published it (outlet, else document id): one independent source.
    pub source: String,
    /// The document it comes from.
    pub document: String,
}

fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    // first-seen wins ties: stable as reports arrive
    let mut best: Option<(&str, usize)> = None;
    for (k, n) in counts {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((k, n));
        }
    }
    best.map(|(k, _)| k.to_string())
}

/// The merged event of `reports` (in arrival order, at least one), with id `id`.
pub fn derive(id: &str, reports: &[ReportFacts]) -> MergedEvent {
    let first = &reports[0];
    let sub = most_common(reports.iter().map(|r| r.event.sub_event_type.as_str()))
        .unwrap_or_else(|| first.event.sub_event_type.to_string());
    // dates: the union of the most precise reports' intervals
    let prec = reports
        .iter()
        .map(|r| r.key.time_precision)
        .min()
        .unwrap_or(3);
    let precise: Vec<&ReportFacts> = reports
        .iter()
        .filter(|r| r.key.time_precision == prec)
        .collect();
    let from = precise.iter().map(|r| r.key.from).min();
    let to = precise.iter().map(|r| r.key.to).max();
    // place: the most precise located report, first on ties
    let located = reports
        .iter()
        .filter(|r| {
            r.event
                .location
                .as_ref()
                .is_some_and(|p| p.point().is_some())
        })
        .min_by_key(|r| r.event.geo_precision);
    let place_of = located.or_else(|| reports.iter().find(|r| r.event.location.is_some()));
    let place = place_of.and_then(|r| r.event.location.as_ref());
    // actors
    fn named(a: &Option<String>) -> Option<&str> {
        a.as_deref().filter(|s| !is_vague_actor(s))
    }
    let actor1 = most_common(reports.iter().filter_map(|r| named(&r.event.actor1)))
        .or_else(|| first.event.actor1.clone());
    let actor2 = most_common(
        reports
            .iter()
            .filter_map(|r| named(&r.event.actor2))
            .filter(|a| Some(*a) != actor1.as_deref()),
    )
    .or_else(|| {
        reports
            .iter()
            .find_map(|r| r.event.actor2.clone())
            .filter(|a| Some(a) != actor1.as_ref())
    });
    let mut assoc1 = BTreeSet::new();
    let mut assoc2 = BTreeSet::new();
    for r in reports {
        assoc1.extend(r.event.assoc_actor1.iter().cloned());
        assoc2.extend(r.event.assoc_actor2.iter().cloned());
    }
    for a in [&actor1, &actor2].into_iter().flatten() {
        assoc1.remove(a);
        assoc2.remove(a);
    }
    // casualties
    let fats: Vec<_> = reports
        .iter()
        .filter_map(|r| r.event.fatalities.as_ref())
        .collect();
    let fatalities = FatalityRange {
        low: fats.iter().filter_map(|f| f.low).min(),
        best: fats.iter().filter_map(|f| f.best).min(),
        high: fats.iter().filter_map(|f| f.high).max(),
    };
    let wounded = reports.iter().filter_map(|r| r.event.wounded).min();
    let sources: BTreeSet<&str> = reports.iter().map(|r| r.source.as_str()).collect();
    // contested
    let mut why = Vec::new();
    let max_low = fats.iter().filter_map(|f| f.low).max();
    let min_high = fats.iter().filter_map(|f| f.high).min();
    if let (Some(l), Some(h)) = (max_low, min_high) {
        if l > h {
            why.push(format!(
                "fatality figures do not overlap: one report gives at least {l}, another at most {h}"
            ));
        }
    }
    if !matches!(
        first.event.event_type.as_str(),
        "Battles" | "Protests" | "Riots" | "Strategic developments"
    ) {
        let perps: BTreeSet<&str> = reports
            .iter()
            .filter_map(|r| named(&r.event.actor1))
            .collect();
        if perps.len() > 1 {
            why.push(format!(
                "perpetrator: {}",
                perps.into_iter().collect::<Vec<_>>().join(" / ")
            ));
        }
        let targets: BTreeSet<&str> = reports
            .iter()
            .filter_map(|r| r.event.actor2.as_deref())
            .collect();
        if targets.len() > 1 {
            why.push(format!(
                "target: {}",
                targets.into_iter().collect::<Vec<_>>().join(" / ")
            ));
        }
    }
    MergedEvent {
        id: id.to_string(),
        event_type: first.event.event_type.to_string(),
        sub_event_type: sub,
        from,
        to,
        time_precision: prec,
        location: place.map(|p| p.name.clone()),
        lat: place.and_then(|p| p.point()).map(|p| p.0),
        lon: place.and_then(|p| p.point()).map(|p| p.1),
        geo_precision: place_of.map_or(3, |r| r.event.geo_precision.clamp(1, 3)),
        country: place.map(|p| p.country.clone()).filter(|c| !c.is_empty()),
        admin1: place.and_then(|p| p.admin1.clone()),
        admin2: place.and_then(|p| p.admin2.clone()),
        actor1,
        assoc_actor1: assoc1.into_iter().collect(),
        actor2,
        assoc_actor2: assoc2.into_iter().collect(),
        civilian_targeting: reports.iter().any(|r| r.event.civilian_targeting),
        fatalities,
        wounded,
        sources: sources.len() as u32,
        reports: reports.len() as u32,
        contested: !why.is_empty(),
        contested_why: why,
        updated_at: 0,
    }
}

/// The key of a merged event, to compare new reports with.
pub fn key_of(e: &MergedEvent, reports: &[ReportFacts]) -> ReportKey {
    let mut actors = BTreeSet::new();
    for r in reports {
        actors.extend(r.key.actors.iter().cloned());
    }
    // New reports are compared with the span of every report at least as precise as a
    // week: day one and day three of a battle, or a convoy seen on several days, are one
    // event. Month-wide reports widen it only when nothing finer is known.
    let finest = reports
        .iter()
        .map(|r| r.key.time_precision)
        .min()
        .unwrap_or(3);
    let spanning = reports
        .iter()
        .filter(|r| r.key.time_precision <= finest.max(2));
    let from = spanning.clone().map(|r| r.key.from).min();
    let to = spanning.map(|r| r.key.to).max();
    ReportKey {
        event_type: e.event_type.clone(),
        sub_event_type: e.sub_event_type.clone(),
        from: from.or(e.from).unwrap_or(reports[0].key.from),
        to: to.or(e.to).unwrap_or(reports[0].key.to),
        time_precision: e.time_precision,
        point: e.lat.zip(e.lon),
        geo_precision: e.geo_precision,
        country_wide: reports.iter().all(|r| r.key.country_wide),
        country: e.country.clone(),
        actors,
        journey: reports.iter().any(|r| r.key.journey),
    }
}

/// A stable id for an event first reported by report `report_id`.
pub fn event_id(report_id: &str) -> String {
    format!("ev-{:016x}", mix64(report_id))
}

/// FNV-1a 64 followed by the SplitMix64 finaliser, so that ids of similar strings
/// ("doc/1", "doc/2") look nothing alike. Stable across platforms and versions.
pub fn mix64(s: &str) -> u64 {
    let mut h = vigie_model::fnv1a(s.as_bytes(), vigie_model::FNV_OFFSET);
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}
