//! Exports: ACLED-compatible CSV, GeoJSON (RFC 7946), JSON Lines and a table for people.

use crate::countries::Countries;
use crate::model::{EventDetail, MergedEvent, Track};
use serde_json::{json, Value};
use std::io::{self, Write};

/// ACLED's columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's disorder type of an event type.
pub fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "Political violence",
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A short English summary of an event, for ACLED's `notes`.
pub fn notes(e: &MergedEvent, countries: &Countries) -> String {
    let when = match (e.from, e.to) {
        (Some(f), Some(t)) if f == t => format!("On {f}"),
        (Some(f), Some(t)) => format!("Between {f} and {t}"),
        (Some(f), None) | (None, Some(f)) => format!("Around {f}"),
        (None, None) => "On an unknown date".to_string(),
    };
    let place = {
        let mut parts: Vec<String> = Vec::new();
        if let Some(l) = &e.location {
            parts.push(l.clone());
        }
        if let Some(a) = &e.admin1 {
            if Some(a) != e.location.as_ref() {
                parts.push(a.clone());
            }
        }
        if let Some(c) = e.country.as_deref() {
            let name = countries.find(c).map_or(c.to_string(), |c| c.name.clone());
            if Some(&name) != e.location.as_ref() {
                parts.push(name);
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!(" in {}", parts.join(", "))
        }
    };
    let who = match (&e.actor1, &e.actor2) {
        (Some(a), Some(b)) => format!("{a} and {b}"),
        (Some(a), None) => a.clone(),
        (None, Some(b)) => format!("an unidentified actor and {b}"),
        (None, None) => "unidentified actors".to_string(),
    };
    let mut s = format!(
        "{when}{place}: {} ({}) involving {who}.",
        e.sub_event_type, e.event_type
    );
    match (e.fatalities.low, e.fatalities.best, e.fatalities.high) {
        (l, Some(b), h) => {
            s.push_str(&format!(" Fatalities: {b} (conservative)"));
            if let (Some(l), Some(h)) = (l, h) {
                if l != h {
                    s.push_str(&format!(", reports range {l} to {h}"));
                }
            }
            s.push('.');
        }
        (Some(l), None, _) => s.push_str(&format!(" At least {l} killed.")),
        _ => {}
    }
    if let Some(w) = e.wounded {
        s.push_str(&format!(" {w} wounded."));
    }
    s.push_str(&format!(
        " {} report(s) from {} source(s).",
        e.reports, e.sources
    ));
    if e.contested {
        s.push_str(&format!(" Contested: {}.", e.contested_why.join("; ")));
    }
    s
}

/// ACLED's interaction code: the two actor codes, smaller first (one code times ten when
/// there is no second actor).
pub fn interaction(inter1: u8, inter2: Option<u8>) -> u16 {
    match inter2 {
        Some(b) if b > 0 => {
            let (x, y) = if inter1 <= b {
                (inter1, b)
            } else {
                (b, inter1)
            };
            u16::from(x) * 10 + u16::from(y)
        }
        _ => u16::from(inter1) * 10,
    }
}

/// Writes events as ACLED CSV: a header of exactly [`ACLED_COLUMNS`], then one row each.
/// `inter` gives an actor's ACLED inter code (0 when unknown); `outlets` the sources of
/// each event (joined with "; ").
pub fn write_acled<W: Write>(
    out: &mut W,
    events: &[EventDetail],
    countries: &Countries,
    inter: &dyn Fn(&str) -> u8,
) -> io::Result<()> {
    writeln!(out, "{}", ACLED_COLUMNS.join(","))?;
    for d in events {
        let e = &d.event;
        let country = e.country.as_deref().and_then(|c| countries.find(c));
        let iso3 = country.map_or("XXX", |c| c.iso3.as_str());
        let hex = e.id.trim_start_matches("ev-");
        let i1 = e.actor1.as_deref().map_or(0, inter);
        let i2 = e.actor2.as_deref().map(inter);
        let mut outlets: Vec<String> = Vec::new();
        for r in &d.report_list {
            let o = r
                .document
                .outlet
                .clone()
                .or_else(|| r.document.url.clone())
                .unwrap_or_else(|| r.document.id.clone());
            if !outlets.contains(&o) {
                outlets.push(o);
            }
        }
        let fields: [String; 31] = [
            format!("{iso3}-{hex}"),
            e.from.map_or(String::new(), |d| d.to_string()),
            e.from.map_or(String::new(), |d| d.format("%Y").to_string()),
            e.time_precision.to_string(),
            disorder_type(&e.event_type).to_string(),
            e.event_type.clone(),
            e.sub_event_type.clone(),
            e.actor1.clone().unwrap_or_default(),
            e.assoc_actor1.join("; "),
            i1.to_string(),
            e.actor2.clone().unwrap_or_default(),
            e.assoc_actor2.join("; "),
            i2.map_or(String::new(), |i| i.to_string()),
            interaction(i1, i2).to_string(),
            if e.civilian_targeting {
                "Civilian targeting".to_string()
            } else {
                String::new()
            },
            country.map_or(String::new(), |c| c.numeric.to_string()),
            country.map_or(String::new(), |c| c.region.clone()),
            country.map_or(e.country.clone().unwrap_or_default(), |c| c.name.clone()),
            e.admin1.clone().unwrap_or_default(),
            e.admin2.clone().unwrap_or_default(),
            String::new(),
            e.location.clone().unwrap_or_default(),
            e.lat.map_or(String::new(), |v| format!("{v:.4}")),
            e.lon.map_or(String::new(), |v| format!("{v:.4}")),
            e.geo_precision.to_string(),
            outlets.join("; "),
            String::new(),
            notes(e, countries),
            e.fatalities.best.unwrap_or(0).to_string(),
            if e.contested {
                "contested".to_string()
            } else {
                String::new()
            },
            e.updated_at.to_string(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

fn event_properties(e: &MergedEvent) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("lat");
        m.remove("lon");
    }
    v
}

/// Events as a GeoJSON FeatureCollection (RFC 7946): a Point per located event, a null
/// geometry for the others; the merged fields as properties.
pub fn geojson_events(events: &[MergedEvent]) -> Value {
    let features: Vec<Value> = events
        .iter()
        .map(|e| {
            let geometry = match (e.lon, e.lat) {
                (Some(x), Some(y)) => json!({"type": "Point", "coordinates": [x, y]}),
                _ => Value::Null,
            };
            json!({"type": "Feature", "id": e.id, "geometry": geometry, "properties": event_properties(e)})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// Tracks as a GeoJSON FeatureCollection: a LineString through each track's located
/// waypoints (a Point when only one is located), waypoints and legs as properties.
pub fn geojson_tracks(tracks: &[Track]) -> Value {
    let features: Vec<Value> = tracks
        .iter()
        .map(|t| {
            let coords: Vec<Value> = t
                .waypoints
                .iter()
                .filter_map(|w| Some(json!([w.lon?, w.lat?])))
                .collect();
            let geometry = match coords.len() {
                0 => Value::Null,
                1 => json!({"type": "Point", "coordinates": coords[0]}),
                _ => json!({"type": "LineString", "coordinates": coords}),
            };
            json!({
                "type": "Feature", "id": t.id, "geometry": geometry,
                "properties": {
                    "actor": t.actor, "from": t.from, "to": t.to, "plausible": t.plausible,
                    "waypoints": t.waypoints, "legs": t.legs
                }
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// A plain table of events for people.
pub fn table(events: &[MergedEvent]) -> String {
    let mut s = format!(
        "{:<19} {:<23} {:<28} {:<22} {:<34} {:>9} {:>4} {}\n",
        "id", "dates", "sub-event type", "place", "actors", "killed", "src", "contested"
    );
    for e in events {
        let dates = match (e.from, e.to) {
            (Some(f), Some(t)) if f == t => f.to_string(),
            (Some(f), Some(t)) => format!("{f}/{t}"),
            _ => "?".to_string(),
        };
        let actors = format!(
            "{} → {}",
            e.actor1.as_deref().unwrap_or("?"),
            e.actor2.as_deref().unwrap_or("-")
        );
        let killed = match (e.fatalities.low, e.fatalities.best, e.fatalities.high) {
            (_, Some(b), Some(h)) if h != b => format!("{b} (≤{h})"),
            (_, Some(b), _) => b.to_string(),
            (Some(l), None, _) => format!("≥{l}"),
            _ => "-".to_string(),
        };
        s.push_str(&format!(
            "{:<19} {:<23} {:<28} {:<22} {:<34} {:>9} {:>4} {}\n",
            e.id,
            dates,
            clip(&e.sub_event_type, 28),
            clip(e.location.as_deref().unwrap_or("?"), 22),
            clip(&actors, 34),
            killed,
            e.sources,
            if e.contested { "yes" } else { "" }
        ));
    }
    s
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_codes_put_the_smaller_first() {
        assert_eq!(interaction(2, Some(1)), 12);
        assert_eq!(interaction(1, Some(7)), 17);
        assert_eq!(interaction(3, None), 30);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
