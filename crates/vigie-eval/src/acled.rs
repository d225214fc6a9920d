//! ACLED exports as development data: each row's analyst note is a one-event English
//! report, and the row's coding is its answer key.
//!
//! [`read_notes`] reads any ACLED export in CSV: the 31-column layout of the current
//! exports, older layouts (upper-case headers, no `sub_event_type`), and HDX files whose
//! second row is an HXL tag row (`#date+occurred`, …). [`AcledScores`] compares the first
//! event Vigie extracts from a note with ACLED's coding: event type, sub-event type,
//! location within 25 km, fatalities (`best` against ACLED's figure, an absent figure
//! counting as 0 as ACLED codes it), date (±1 day, as the gold scorer) and actor1 (ACLED's
//! name mapped to Vigie's canonical actors through `data/acled_actors.tsv`).
//!
//! ACLED's data (acleddata.com) may not be redistributed: it stays out of the repository,
//! and these functions read the user's own copy.

use crate::reference::{km, RefPoint};
use crate::EvalError;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// One row of an ACLED export: the note and its coding.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// `event_id_cnty` (or `data_id`, or the row number when neither is there).
    pub id: String,
    /// Country name as ACLED writes it.
    pub country: String,
    /// The event's date.
    pub date: NaiveDate,
    /// ACLED's event type (older layouts mapped to today's names).
    pub event_type: String,
    /// ACLED's sub-event type; `None` in layouts that predate sub-event types.
    pub sub_event_type: Option<String>,
    /// First actor, as ACLED names it.
    pub actor1: String,
    /// Second actor, as ACLED names it (may be empty).
    pub actor2: String,
    /// Location name.
    pub location: String,
    /// Admin1 name.
    pub admin1: String,
    /// Coordinates of the location, when given.
    pub point: Option<RefPoint>,
    /// ACLED's fatality figure.
    pub fatalities: u32,
    /// The analyst's note: the text Vigie reads.
    pub notes: String,
}

impl Note {
    /// The note's year.
    pub fn year(&self) -> i32 {
        use chrono::Datelike;
        self.date.year()
    }
}

/// Reads every row of an ACLED CSV export. Rows without a readable date or without a note
/// are skipped and counted in the second value.
pub fn read_notes(path: &Path) -> Result<(Vec<Note>, usize), EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    parse_notes(&bytes).map_err(|message| EvalError::Format {
        path: path.display().to_string(),
        message,
    })
}

/// [`read_notes`] on bytes already read.
pub fn parse_notes(bytes: &[u8]) -> Result<(Vec<Note>, usize), String> {
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let headers: Vec<String> = rd
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n))
    };
    let date_col = col(&["event_date"]).ok_or("no event_date column: not an ACLED export")?;
    let notes_col = col(&["notes"]).ok_or("no notes column: not an ACLED export")?;
    let type_col = col(&["event_type"]).ok_or("no event_type column: not an ACLED export")?;
    let sub_col = col(&["sub_event_type"]);
    let id_col = col(&["event_id_cnty", "data_id", "gwno"]);
    let get = |r: &csv::StringRecord, c: Option<usize>| {
        c.and_then(|c| r.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let (country_col, actor1_col, actor2_col) =
        (col(&["country"]), col(&["actor1"]), col(&["actor2"]));
    let (location_col, admin1_col, lat_col, lon_col, fat_col) = (
        col(&["location"]),
        col(&["admin1"]),
        col(&["latitude"]),
        col(&["longitude"]),
        col(&["fatalities"]),
    );
    let mut notes = Vec::new();
    let mut skipped = 0;
    for (i, rec) in rd.records().enumerate() {
        let rec = rec.map_err(|e| format!("row {}: {e}", i + 2))?;
        // HDX files carry a row of HXL hashtags under the header
        if i == 0 && rec.iter().any(|c| c.starts_with('#')) {
            continue;
        }
        let text = get(&rec, Some(notes_col));
        let Some(date) = parse_date(&get(&rec, Some(date_col))) else {
            skipped += 1;
            continue;
        };
        if text.is_empty() {
            skipped += 1;
            continue;
        }
        let raw_type = get(&rec, Some(type_col));
        let sub = sub_col
            .map(|c| get(&rec, Some(c)))
            .filter(|s| !s.is_empty());
        let event_type = if sub.is_some() {
            raw_type
        } else {
            modern_event_type(&raw_type)
        };
        let lat = get(&rec, lat_col).parse::<f64>().ok();
        let lon = get(&rec, lon_col).parse::<f64>().ok();
        let id = Some(get(&rec, id_col))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("row{}", i + 2));
        notes.push(Note {
            id,
            country: get(&rec, country_col),
            date,
            event_type,
            sub_event_type: sub,
            actor1: get(&rec, actor1_col),
            actor2: get(&rec, actor2_col),
            location: get(&rec, location_col),
            admin1: get(&rec, admin1_col),
            point: lat.zip(lon).map(|(lat, lon)| RefPoint { lat, lon }),
            fatalities: get(&rec, fat_col).parse().unwrap_or(0),
            notes: text,
        });
    }
    Ok((notes, skipped))
}

/// ACLED's `event_date` in the forms its exports have used: `2019-03-05`,
/// `05 March 2019`, `5-Mar-19`, `05/03/2019` (day first).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    [
        "%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d/%m/%Y", "%d %b %Y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// Event types of ACLED's layouts before 2019 under today's names (those layouts had no
/// sub-event types). "Riots/Protests" has no single heir and is kept as it is.
fn modern_event_type(old: &str) -> String {
    let l = old.to_ascii_lowercase();
    let t = if l.starts_with("battle") {
        "Battles"
    } else if l.starts_with("remote violence") {
        "Explosions/Remote violence"
    } else if l.starts_with("violence against civilians") {
        "Violence against civilians"
    } else if l.starts_with("strategic development")
        || l.starts_with("headquarters or base")
        || l.starts_with("non-violent transfer")
    {
        "Strategic developments"
    } else {
        return old.to_string();
    };
    t.to_string()
}

/// ACLED actor names → Vigie's canonical actors (`data/acled_actors.tsv`).
#[derive(Debug, Clone)]
pub struct ActorMap {
    rows: Vec<(String, Vec<String>)>,
}

const ACTORS_TSV: &str = include_str!("../data/acled_actors.tsv");

fn key(s: &str) -> String {
    crate::fold::name_key(s)
}

impl ActorMap {
    /// The shipped table.
    pub fn embedded() -> ActorMap {
        ActorMap::parse(ACTORS_TSV)
    }

    /// Reads a table: `acled_prefix <TAB> canonical[|canonical…]` per line, `#` comments.
    pub fn parse(tsv: &str) -> ActorMap {
        let mut rows: Vec<(String, Vec<String>)> = tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (a, c) = l.split_once('\t')?;
                Some((key(a), c.trim().split('|').map(str::to_string).collect()))
            })
            .collect();
        // longest prefix first
        rows.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        ActorMap { rows }
    }

    /// The canonical names an ACLED actor name stands for (any of them is right), or
    /// `None` when the table does not know it.
    pub fn canonical(&self, acled: &str) -> Option<&[String]> {
        let k = key(acled);
        if k.is_empty() {
            return None;
        }
        self.rows
            .iter()
            .find(|(p, _)| k.starts_with(p.as_str()))
            .map(|(_, c)| c.as_slice())
    }
}

/// What Vigie made of one note, compared with ACLED's coding.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// The first event's type and sub-event type; `None` when no event was extracted.
    pub predicted: Option<(String, String)>,
    /// Event type equal.
    pub event_type: bool,
    /// Sub-event type equal (`None` when ACLED's layout has none).
    pub sub_event_type: Option<bool>,
    /// Location within 25 km (`None` when ACLED gives no coordinates).
    pub location: Option<bool>,
    /// Distance in km when both have coordinates.
    pub km: Option<f64>,
    /// The predicted place: the gazetteer's name and the words written.
    pub place_predicted: Option<String>,
    /// The predicted `best` (0 when no figure, or no event).
    pub fatalities_predicted: u32,
    /// `best` equal to ACLED's figure.
    pub fatalities: bool,
    /// The event's dates overlap ACLED's day within ±1 day.
    pub date: bool,
    /// Actor1 right (`None` when ACLED's actor1 is not in the table).
    pub actor1: Option<bool>,
    /// The predicted actor1.
    pub actor1_predicted: Option<String>,
}

impl Outcome {
    /// True when every scored field is right.
    pub fn all_right(&self) -> bool {
        self.predicted.is_some()
            && self.event_type
            && self.sub_event_type != Some(false)
            && self.location != Some(false)
            && self.fatalities
            && self.date
            && self.actor1 != Some(false)
    }
}

/// Compares the first event of an extraction (format "1", as JSON) with a note's coding.
pub fn score_note(note: &Note, extraction: &Value, actors: &ActorMap) -> Outcome {
    let Some(ev) = extraction
        .get("events")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    else {
        return Outcome {
            sub_event_type: note.sub_event_type.as_ref().map(|_| false),
            location: note.point.map(|_| false),
            fatalities: note.fatalities == 0,
            actor1: actors.canonical(&note.actor1).map(|_| false),
            ..Outcome::default()
        };
    };
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let (ty, sub) = (s(ev, "event_type"), s(ev, "sub_event_type"));
    let loc = ev.get("location").filter(|l| !l.is_null());
    let point = loc.and_then(|l| {
        Some(RefPoint {
            lat: l.get("lat")?.as_f64()?,
            lon: l.get("lon")?.as_f64()?,
        })
    });
    let dist = note.point.zip(point).map(|(a, b)| km(a, b));
    let fat = ev
        .get("fatalities")
        .and_then(|f| {
            f.get("best")
                .filter(|b| !b.is_null())
                .or_else(|| f.get("low"))
        })
        .and_then(Value::as_u64)
        .unwrap_or(0) as u32;
    let day = |k: &str| {
        ev.get(k)
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let slack = chrono::Duration::days(1);
    let date_ok = match (day("from"), day("to")) {
        (None, None) => false,
        (f, t) => {
            f.is_none_or(|f| f - slack <= note.date) && t.is_none_or(|t| note.date <= t + slack)
        }
    };
    let a1 = ev.get("actor1").and_then(Value::as_str).map(str::to_string);
    Outcome {
        event_type: ty == note.event_type,
        sub_event_type: note.sub_event_type.as_ref().map(|g| *g == sub),
        location: note.point.map(|_| dist.is_some_and(|d| d <= 25.0)),
        km: dist,
        place_predicted: loc.map(|l| {
            format!(
                "{} \"{}\"",
                s(l, "name"),
                l.get("span").map_or(String::new(), |sp| s(sp, "text"))
            )
        }),
        fatalities_predicted: fat,
        fatalities: fat == note.fatalities,
        date: date_ok,
        actor1: actors
            .canonical(&note.actor1)
            .map(|c| a1.as_ref().is_some_and(|a| c.contains(a))),
        actor1_predicted: a1,
        predicted: Some((ty, sub)),
    }
}

/// Shares of right answers over a set of notes, and the sub-event-type confusion matrix.
#[derive(Debug, Clone, Default)]
pub struct AcledScores {
    /// Notes scored.
    pub notes: usize,
    /// Notes from which no event was extracted.
    pub no_event: usize,
    /// Event type right.
    pub event_type: usize,
    /// Sub-event type right, and notes whose layout has one.
    pub sub_event_type: (usize, usize),
    /// Location within 25 km, and notes with coordinates.
    pub location: (usize, usize),
    /// Fatalities exact.
    pub fatalities: usize,
    /// Date right.
    pub date: usize,
    /// Actor1 right, and notes whose actor1 the table maps.
    pub actor1: (usize, usize),
    /// (ACLED's sub-event type, predicted sub-event type or "—") → count.
    pub confusion: BTreeMap<(String, String), usize>,
}

fn bump(pair: &mut (usize, usize), v: Option<bool>) {
    if let Some(ok) = v {
        pair.1 += 1;
        pair.0 += ok as usize;
    }
}

impl AcledScores {
    /// Adds one note's outcome.
    pub fn add(&mut self, note: &Note, o: &Outcome) {
        self.notes += 1;
        self.no_event += o.predicted.is_none() as usize;
        self.event_type += o.event_type as usize;
        bump(&mut self.sub_event_type, o.sub_event_type);
        bump(&mut self.location, o.location);
        self.fatalities += o.fatalities as usize;
        self.date += o.date as usize;
        bump(&mut self.actor1, o.actor1);
        let gold = note
            .sub_event_type
            .clone()
            .unwrap_or_else(|| note.event_type.clone());
        let pred = match &o.predicted {
            None => "—".to_string(),
            Some((_, s)) if note.sub_event_type.is_some() => s.clone(),
            Some((t, _)) => t.clone(),
        };
        *self.confusion.entry((gold, pred)).or_default() += 1;
    }

    /// The figures as `(name, right, out of)`, in the order they are printed.
    pub fn figures(&self) -> Vec<(&'static str, usize, usize)> {
        vec![
            ("no event", self.no_event, self.notes),
            ("event type", self.event_type, self.notes),
            (
                "sub-event type",
                self.sub_event_type.0,
                self.sub_event_type.1,
            ),
            ("location within 25 km", self.location.0, self.location.1),
            ("fatalities exact", self.fatalities, self.notes),
            ("date (±1 day)", self.date, self.notes),
            ("actor1", self.actor1.0, self.actor1.1),
        ]
    }

    /// The figures as a table, one line each.
    pub fn table(&self) -> String {
        let mut out = String::new();
        for (name, right, of) in self.figures() {
            let share = if of == 0 {
                0.0
            } else {
                right as f64 / of as f64
            };
            out.push_str(&format!("{name:<24} {share:>6.3}   {right}/{of}\n"));
        }
        out
    }

    /// The sub-event-type confusion matrix: one row per ACLED sub-event type (most frequent
    /// first), one numbered column per predicted type, "—" for no event.
    pub fn confusion_table(&self) -> String {
        let mut rows: BTreeMap<&str, usize> = BTreeMap::new();
        let mut cols: BTreeMap<&str, usize> = BTreeMap::new();
        for ((g, p), n) in &self.confusion {
            *rows.entry(g).or_default() += n;
            *cols.entry(p).or_default() += n;
        }
        let mut rows: Vec<_> = rows.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        // the predicted columns in the rows' order, then the others
        let mut order: Vec<&str> = rows
            .iter()
            .map(|r| r.0)
            .filter(|g| cols.contains_key(g))
            .collect();
        let mut rest: Vec<_> = cols
            .keys()
            .copied()
            .filter(|c| !order.contains(c) && *c != "—")
            .collect();
        rest.sort();
        order.extend(rest);
        if cols.contains_key("—") {
            order.push("—");
        }
        let width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
        let mut out = String::new();
        out.push_str(&format!("{:<width$} {:>5} |", "ACLED \\ Vigie", "n"));
        for (i, c) in order.iter().enumerate() {
            let label = if *c == "—" {
                "—".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&format!("{label:>4}"));
        }
        out.push('\n');
        for (g, total) in &rows {
            out.push_str(&format!("{g:<width$} {total:>5} |"));
            for c in &order {
                let n = self
                    .confusion
                    .get(&(g.to_string(), c.to_string()))
                    .copied()
                    .unwrap_or(0);
                if n == 0 {
                    out.push_str("   .");
                } else {
                    out.push_str(&format!("{n:>4}"));
                }
            }
            out.push('\n');
        }
        out.push_str("columns:");
        for (i, c) in order.iter().enumerate() {
            if *c != "—" {
                out.push_str(&format!(" {}={c};", i + 1));
            }
        }
        out.push_str(" —=no event\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Two rows in the current layout with an HXL row, written for this test.
    const CURRENT: &str = "data_id,iso,event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,notes,fatalities\n\
,,#event+code,#date+occurred,#date+year,#event+type,,#group+name+first,,#country+name,#adm1+name,#loc+name,#geo+lat,#geo+lon,#description,#affected+killed\n\
1,466,MLI1,2019-03-05,2019,Battles,Armed clash,Military Forces of Mali (2013-),Unidentified Armed Group (Mali),Mali,Mopti,Sevare,14.53,-4.09,\"On 5 March 2019, soldiers fought gunmen near Sevare, killing two, \"\"according to\"\" a local official.\",2\n\
2,466,MLI2,06 March 2019,2019,Protests,Peaceful protest,Protesters (Mali),,Mali,Bamako,Bamako,12.65,-8.0,On 6 March 2019 traders marched in Bamako.,0\n";

    #[test]
    fn issue12_reads_the_current_layout_and_skips_the_hxl_row() {
        let (notes, skipped) = parse_notes(CURRENT.as_bytes()).unwrap();
        assert_eq!(skipped, 0);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].id, "MLI1");
        assert_eq!(notes[0].date, NaiveDate::from_ymd_opt(2019, 3, 5).unwrap());
        assert_eq!(notes[0].sub_event_type.as_deref(), Some("Armed clash"));
        assert_eq!(notes[0].fatalities, 2);
        assert!(notes[0].notes.contains("\"according to\""));
        assert_eq!(notes[1].date, NaiveDate::from_ymd_opt(2019, 3, 6).unwrap());
    }

    #[test]
    fn issue12_reads_an_older_layout_without_sub_event_types() {
        let old = "GWNO,EVENT_ID_CNTY,EVENT_DATE,YEAR,EVENT_TYPE,ACTOR1,ACTOR2,COUNTRY,LOCATION,LATITUDE,LONGITUDE,NOTES,FATALITIES\n\
432,MLI9,5-Mar-12,2012,Battle-No change of territory,MNLA: National Movement for the Liberation of Azawad,Military Forces of Mali (1992-2012),Mali,Tessalit,20.2,1.01,Rebels attacked the camp.,3\n\
432,MLI10,,2012,Riots/Protests,Protesters (Mali),,Mali,Kati,12.7,-8.07,No date on this row.,0\n";
        let (notes, skipped) = parse_notes(old.as_bytes()).unwrap();
        assert_eq!(skipped, 1, "the row without a date is skipped and counted");
        assert_eq!(notes[0].event_type, "Battles");
        assert_eq!(notes[0].sub_event_type, None);
        assert_eq!(notes[0].date, NaiveDate::from_ymd_opt(2012, 3, 5).unwrap());
    }

    #[test]
    fn issue12_a_file_that_is_not_an_export_is_refused() {
        assert!(parse_notes(b"a,b\n1,2\n")
            .unwrap_err()
            .contains("event_date"));
    }

    #[test]
    fn issue12_actor_names_map_by_longest_prefix() {
        let m = ActorMap::embedded();
        assert_eq!(
            m.canonical("Military Forces of Mali (2013-)").unwrap(),
            ["FAMa"]
        );
        assert_eq!(
            m.canonical("JNIM: Group for Support of Islam and Muslims")
                .unwrap(),
            ["JNIM", "Katiba Macina", "Katiba Serma"]
        );
        assert_eq!(
            m.canonical(
                "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
            )
            .unwrap(),
            ["JNIM", "Katiba Macina", "Katiba Serma", "IS Sahel"]
        );
        assert!(m.canonical("Some Militia Nobody Listed").is_none());
        assert!(m.canonical("").is_none());
    }

    #[test]
    fn issue12_a_note_is_scored_field_by_field() {
        let (notes, _) = parse_notes(CURRENT.as_bytes()).unwrap();
        let m = ActorMap::embedded();
        let ex = json!({"events": [{
            "event_type": "Battles", "sub_event_type": "Armed clash",
            "from": "2019-03-05", "to": "2019-03-05",
            "location": {"lat": 14.6, "lon": -4.1},
            "actor1": "FAMa", "fatalities": {"low": 2, "best": 2, "high": 2}}]});
        let o = score_note(&notes[0], &ex, &m);
        assert!(o.all_right(), "{o:?}");
        // far away, wrong count, wrong day
        let ex = json!({"events": [{
            "event_type": "Battles", "sub_event_type": "Armed clash",
            "from": "2019-03-09", "to": "2019-03-09",
            "location": {"lat": 16.0, "lon": -4.1},
            "actor1": "JNIM", "fatalities": null}]});
        let o = score_note(&notes[0], &ex, &m);
        assert_eq!(o.location, Some(false));
        assert!(!o.fatalities && !o.date);
        assert_eq!(o.actor1, Some(false));
        // no event at all
        let o = score_note(&notes[1], &json!({"events": []}), &m);
        assert_eq!(o.predicted, None);
        assert!(
            o.fatalities,
            "no event and no deaths: the figure 0 is right"
        );
        let mut s = AcledScores::default();
        s.add(&notes[1], &o);
        assert_eq!(s.no_event, 1);
        assert!(s.confusion_table().contains("Peaceful protest"));
    }
}
