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
            let name = countries
                .find(c)
                .map_or(c.to_string(), |c| c.acled_name.clone());
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

/// One value of an ACLED row, typed for Parquet and written as text in CSV.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text; empty means no value.
    Text(String),
    /// A whole number.
    Int(Option<i64>),
    /// A real number.
    Real(Option<f64>),
    /// A day.
    Date(Option<chrono::NaiveDate>),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => csv_field(s),
            Cell::Int(v) => v.map_or(String::new(), |v| v.to_string()),
            Cell::Real(v) => v.map_or(String::new(), |v| format!("{v:.4}")),
            Cell::Date(v) => v.map_or(String::new(), |v| v.to_string()),
        }
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The ACLED rows of `events`, typed. `inter` gives an actor's ACLED inter code (0 when
/// unknown).
pub fn acled_rows(
    events: &[EventDetail],
    countries: &Countries,
    inter: &dyn Fn(&str) -> u8,
) -> Vec<[Cell; 31]> {
    let mut rows = Vec::with_capacity(events.len());
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
        use chrono::Datelike;
        rows.push([
            text(format!("{iso3}-{hex}")),
            Cell::Date(e.from),
            Cell::Int(e.from.map(|d| i64::from(d.year()))),
            Cell::Int(Some(i64::from(e.time_precision))),
            text(disorder_type(&e.event_type)),
            text(e.event_type.clone()),
            text(e.sub_event_type.clone()),
            text(e.actor1.clone().unwrap_or_default()),
            text(e.assoc_actor1.join("; ")),
            Cell::Int(Some(i64::from(i1))),
            text(e.actor2.clone().unwrap_or_default()),
            text(e.assoc_actor2.join("; ")),
            Cell::Int(i2.map(i64::from)),
            Cell::Int(Some(i64::from(interaction(i1, i2)))),
            text(if e.civilian_targeting {
                "Civilian targeting"
            } else {
                ""
            }),
            Cell::Int(country.map(|c| i64::from(c.numeric))),
            text(country.map_or(String::new(), |c| c.region.clone().unwrap_or_default())),
            text(country.map_or(e.country.clone().unwrap_or_default(), |c| {
                c.acled_name.clone()
            })),
            text(e.admin1.clone().unwrap_or_default()),
            text(e.admin2.clone().unwrap_or_default()),
            text(""),
            text(e.location.clone().unwrap_or_default()),
            Cell::Real(e.lat),
            Cell::Real(e.lon),
            Cell::Int(Some(i64::from(e.geo_precision))),
            text(outlets.join("; ")),
            text(""),
            text(notes(e, countries)),
            Cell::Int(Some(e.fatalities.best.unwrap_or(0))),
            text(if e.contested { "contested" } else { "" }),
            Cell::Int(Some(e.updated_at)),
        ]);
    }
    rows
}

/// Writes events as ACLED CSV: a header of exactly [`ACLED_COLUMNS`], then one row each.
pub fn write_acled<W: Write>(
    out: &mut W,
    events: &[EventDetail],
    countries: &Countries,
    inter: &dyn Fn(&str) -> u8,
) -> io::Result<()> {
    writeln!(out, "{}", ACLED_COLUMNS.join(","))?;
    for row in acled_rows(events, countries, inter) {
        let fields: Vec<String> = row.iter().map(Cell::csv).collect();
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

/// Writes events as Parquet with ACLED's 31 columns, typed: text as UTF-8 (null when
/// empty), `event_date` as a DATE, numbers as INT64 or DOUBLE. One row group.
pub fn write_acled_parquet<W: Write + Send>(
    out: W,
    events: &[EventDetail],
    countries: &Countries,
    inter: &dyn Fn(&str) -> u8,
) -> Result<(), parquet::errors::ParquetError> {
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
    use std::sync::Arc;
    let rows = acled_rows(events, countries, inter);
    let template = acled_rows_template();
    let mut schema = String::from("message acled {\n");
    for (name, cell) in ACLED_COLUMNS.iter().zip(template.iter()) {
        let t = match cell {
            Cell::Text(_) => "OPTIONAL BYTE_ARRAY {} (UTF8);",
            Cell::Int(_) => "OPTIONAL INT64 {};",
            Cell::Real(_) => "OPTIONAL DOUBLE {};",
            Cell::Date(_) => "OPTIONAL INT32 {} (DATE);",
        };
        schema.push_str(&t.replace("{}", name));
        schema.push('\n');
    }
    schema.push('}');
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema)?);
    let mut writer =
        parquet::file::writer::SerializedFileWriter::new(out, schema, Default::default())?;
    let mut group = writer.next_row_group()?;
    let mut col = 0;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    while let Some(mut w) = group.next_column()? {
        let cells = rows.iter().map(|r| &r[col]);
        match &template[col] {
            Cell::Text(_) => write_optional::<ByteArrayType>(&mut w, cells, |c| match c {
                Cell::Text(s) if !s.is_empty() => Some(ByteArray::from(s.as_str())),
                _ => None,
            })?,
            Cell::Int(_) => write_optional::<Int64Type>(&mut w, cells, |c| match c {
                Cell::Int(v) => *v,
                _ => None,
            })?,
            Cell::Real(_) => write_optional::<DoubleType>(&mut w, cells, |c| match c {
                Cell::Real(v) => *v,
                _ => None,
            })?,
            Cell::Date(_) => write_optional::<Int32Type>(&mut w, cells, |c| match c {
                Cell::Date(Some(d)) => Some((*d - epoch).num_days() as i32),
                _ => None,
            })?,
        }
        w.close()?;
        col += 1;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

/// Writes one OPTIONAL column: a value where `value` gives one, a null elsewhere.
fn write_optional<'c, T: parquet::data_type::DataType>(
    w: &mut parquet::file::writer::SerializedColumnWriter<'_>,
    cells: impl Iterator<Item = &'c Cell>,
    value: impl Fn(&Cell) -> Option<T::T>,
) -> Result<(), parquet::errors::ParquetError> {
    let mut defs: Vec<i16> = Vec::new();
    let mut vals = Vec::new();
    for c in cells {
        match value(c) {
            Some(v) => {
                defs.push(1);
                vals.push(v);
            }
            None => defs.push(0),
        }
    }
    w.typed::<T>().write_batch(&vals, Some(&defs), None)?;
    Ok(())
}

/// The type of each ACLED column, as [`acled_rows`] fills it.
fn acled_rows_template() -> [Cell; 31] {
    use Cell::{Date, Int, Real, Text};
    let t = || Text(String::new());
    [
        t(),
        Date(None),
        Int(None),
        Int(None),
        t(),
        t(),
        t(),
        t(),
        t(),
        Int(None),
        t(),
        t(),
        Int(None),
        Int(None),
        t(),
        Int(None),
        t(),
        t(),
        t(),
        t(),
        t(),
        t(),
        Real(None),
        Real(None),
        Int(None),
        t(),
        t(),
        t(),
        Int(None),
        t(),
        Int(None),
    ]
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
    fn the_parquet_template_types_every_column_as_rows_fill_it() {
        let e = crate::merge::derive(
            "ev-0000000000000001",
            &[crate::merge::ReportFacts {
                event: serde_json::from_value(serde_json::json!({
                    "event_type": "Battles", "sub_event_type": "Armed clash",
                    "from": "2024-05-01", "to": "2024-05-01", "time_precision": 1,
                    "location": null, "geo_precision": 3, "actor1": "JNIM",
                    "assoc_actor1": [], "actor2": null, "assoc_actor2": [],
                    "civilian_targeting": false, "fatalities": null, "wounded": null,
                    "claims": [], "evidence": [], "rules": []
                }))
                .unwrap(),
                key: crate::merge::ReportKey::of(
                    &serde_json::from_value(serde_json::json!({
                        "event_type": "Battles", "sub_event_type": "Armed clash",
                        "from": "2024-05-01", "to": "2024-05-01", "time_precision": 1,
                        "location": null, "geo_precision": 3, "actor1": "JNIM",
                        "assoc_actor1": [], "actor2": null, "assoc_actor2": [],
                        "civilian_targeting": false, "fatalities": null, "wounded": null,
                        "claims": [], "evidence": [], "rules": []
                    }))
                    .unwrap(),
                    None,
                ),
                source: "x".into(),
                document: "d".into(),
            }],
        );
        let detail = EventDetail {
            event: e,
            report_list: vec![],
        };
        let rows = acled_rows(&[detail], Countries::embedded(), &|_| 2);
        for (a, b) in rows[0].iter().zip(acled_rows_template().iter()) {
            assert_eq!(std::mem::discriminant(a), std::mem::discriminant(b));
        }
        let mut buf = Vec::new();
        write_acled_parquet(&mut buf, &[], Countries::embedded(), &|_| 0).unwrap();
        assert_eq!(&buf[..4], b"PAR1");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
