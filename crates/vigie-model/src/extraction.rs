//! The extraction contract, output format "1".
//!
//! External scorers read this: field names are stable; fields may be added, never renamed.
//! The shape is documented in `ARCHITECTURE.md` and in `../shared/DESIGN.md`.

use crate::{Document, Lang, SpanText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

/// The version string written in every extraction.
pub const FORMAT: &str = "1";

/// Everything Vigie found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Always [`FORMAT`].
    pub format: String,
    /// The document's metadata (not its text).
    pub document: DocumentMeta,
    /// Place mentions, resolved against the gazetteer.
    pub places: Vec<PlaceMention>,
    /// Temporal expressions, normalized to intervals.
    pub dates: Vec<DateMention>,
    /// Numbers and vague quantities with their unit.
    pub quantities: Vec<QuantityMention>,
    /// Mentions of known actors, mapped to canonical names.
    pub actors: Vec<ActorMention>,
    /// Events (filled by the event layer).
    pub events: Vec<Event>,
    /// Movements of units and convoys (filled by the event layer).
    pub movements: Vec<Movement>,
    /// Problems met while reading this document that did not stop it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<String>,
}

impl Extraction {
    /// An empty extraction for `doc`.
    pub fn empty(doc: &Document) -> Extraction {
        Extraction {
            format: FORMAT.to_string(),
            document: DocumentMeta::of(doc),
            places: Vec::new(),
            dates: Vec::new(),
            quantities: Vec::new(),
            actors: Vec::new(),
            events: Vec::new(),
            movements: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// A document's metadata as the contract writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Content hash.
    pub id: String,
    /// Language.
    pub lang: Lang,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
}

impl DocumentMeta {
    /// The metadata of `doc`.
    pub fn of(doc: &Document) -> DocumentMeta {
        DocumentMeta {
            id: doc.id.clone(),
            lang: doc.lang,
            published: doc.published,
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            url: doc.url.clone(),
        }
    }
}

/// A place named in the text, resolved to a gazetteer entry — or, for a name the gazetteer
/// lacks that the text plainly presents as a place ("la localité de X"), kept unresolved:
/// no `geonameid`, and coordinates only when the text locates it against a known place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Where the name is written.
    pub span: SpanText,
    /// The gazetteer's name for the place.
    pub name: String,
    /// GeoNames id, when the place comes from GeoNames.
    pub geonameid: Option<u64>,
    /// Latitude (WGS84); `None` for an unresolved name the text does not locate.
    pub lat: Option<f64>,
    /// Longitude (WGS84); `None` with `lat`.
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2 country code (for an unresolved name, the anchor's country or the
    /// document's main country; empty when neither is known).
    pub country: String,
    /// First-level administrative division, from the shipped boundaries when possible.
    pub admin1: Option<String>,
    /// Second-level administrative division.
    pub admin2: Option<String>,
    /// GeoNames feature code (`PPL`, `PPLA`, `PCLI`, `WLL`, …); for an unresolved name, the
    /// code of the place noun that introduces it ("puits" → `WLL`), empty without one.
    pub feature: String,
    /// ACLED geo-precision: 1 the place itself, 2 near it / part of a region, 3 a larger area.
    pub geo_precision: u8,
    /// Confidence of the resolution, 0..1.
    pub score: f64,
    /// For relative locations ("60 km au nord de Gao"): how the location relates to the
    /// named anchor place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<RelativeLocation>,
    /// True for a name the gazetteer lacks, kept because the text presents it as a place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unresolved: bool,
}

impl PlaceMention {
    /// The coordinates, when known.
    pub fn point(&self) -> Option<(f64, f64)> {
        Some((self.lat?, self.lon?))
    }

    /// The index of the place that `places[i]` is an administrative hint for, in
    /// `places` as found in `text` (in text order): the place right before it with only
    /// an opening parenthesis between ("Boni (Douentza"), or the target of the hint
    /// before it in the same parentheses ("(Douentza, Mopti)").
    pub fn hint_target<P: std::borrow::Borrow<PlaceMention>>(
        text: &str,
        places: &[P],
        i: usize,
    ) -> Option<usize> {
        let prev = i.checked_sub(1)?;
        let (q, p) = (places[prev].borrow(), places[i].borrow());
        match text.get(q.span.end..p.span.start)?.trim() {
            "(" => Some(prev),
            "," => PlaceMention::hint_target(text, places, prev),
            _ => None,
        }
    }
}

/// A location given relative to a named place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelativeLocation {
    /// The whole relative expression ("à une centaine de kilomètres de Tinzawaten").
    pub span: SpanText,
    /// The kind of relation: `near`, `distance`, `direction`, `distance_direction`.
    pub relation: String,
    /// Distance from the anchor, low end, in km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km_low: Option<f64>,
    /// Distance from the anchor, high end, in km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km_high: Option<f64>,
    /// Compass direction from the anchor (`N`, `NE`, … `NW`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// The anchor's name, when the mention is not the anchor itself (an unresolved place
    /// located "à sept kilomètres de Gao" carries "Gao" here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// One day (or a night spanning two days).
    Day,
    /// A range of days ("du 22 au 27 juillet", "ce week-end").
    Days,
    /// A calendar week.
    Week,
    /// A part of a month ("fin juillet", "early October").
    PartOfMonth,
    /// A whole month.
    Month,
    /// Several months ("durant les mois d'août et de septembre").
    Months,
    /// A whole year.
    Year,
    /// Only one end is known ("il y a plus d'une semaine").
    Open,
}

/// What a date was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateAnchor {
    /// The expression names the date itself ("le 5 octobre 2024").
    Absolute,
    /// Relative to the publication date ("mardi", "hier").
    Publication,
    /// Relative to the previous date of the narrative ("deux jours plus tôt").
    Narrative,
}

/// A temporal expression normalized to an interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where the expression is written.
    pub span: SpanText,
    /// The value as SCHEMA.md writes it: `2024-10-08`, `2024-07`, `A/B`, `/B`.
    pub value: String,
    /// First day of the interval (None when open).
    pub from: Option<NaiveDate>,
    /// Last day of the interval (None when open).
    pub to: Option<NaiveDate>,
    /// How precisely the date is known.
    pub precision: DatePrecision,
    /// What the expression was resolved against.
    pub anchor: DateAnchor,
}

/// A number or vague quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityMention {
    /// Where the quantity (with its head noun, when there is one) is written.
    pub span: SpanText,
    /// The exact value, when there is one.
    #[serde(serialize_with = "ser_num_opt")]
    pub value: Option<f64>,
    /// The low end of an honest range (equal to `value` when exact).
    #[serde(serialize_with = "ser_num_opt")]
    pub low: Option<f64>,
    /// The high end, None when open ("au moins 7", "des dizaines").
    #[serde(serialize_with = "ser_num_opt")]
    pub high: Option<f64>,
    /// The head noun's unit (`people`, `vehicles`, `km`, …), when known.
    pub unit: Option<String>,
    /// True for approximate quantities ("une centaine", "about 40").
    pub approx: bool,
}

/// A mention of a known actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Where the actor is named.
    pub span: SpanText,
    /// The canonical short name (`FAMa`, `Wagner Group`, `CSP-DPA`, `Civilians`, …).
    pub actor: String,
    /// ACLED inter code (1 state forces … 8 external forces).
    pub inter: u8,
    /// ISO2 country the actor belongs to, when it has one.
    pub country: Option<String>,
    /// The actor's name as ACLED writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acled_name: Option<String>,
}

/// Fatality figures as an honest range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fatalities {
    /// The most conservative total the text supports.
    pub low: Option<i64>,
    /// The best estimate, never below `low` nor above `high`: the figure itself, or the
    /// floor of a vague or open one.
    pub best: Option<i64>,
    /// Set only for exact, complete counts or closed ranges.
    pub high: Option<i64>,
    /// How `best` was chosen, in words ("exact count", "vague figure: its floor",
    /// "lower bound").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_rule: Option<String>,
}

/// A claim behind an event: who says what, on what basis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Who makes the claim (an actor, "local sources", the outlet).
    pub claimant: String,
    /// True for attributed or conditional statements.
    pub hedged: bool,
    /// What is claimed, briefly.
    pub what: String,
    /// What the claim rests on: communique, post, video, photo, satellite_image, witness, statement.
    pub basis: Option<String>,
    /// Where the claim is written.
    pub span: SpanText,
}

/// One report of one event, coded the ACLED way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// ACLED event type.
    pub event_type: crate::EventType,
    /// ACLED sub-event type.
    pub sub_event_type: crate::SubEventType,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// ACLED time precision 1..3.
    pub time_precision: u8,
    /// Where it happened.
    pub location: Option<PlaceMention>,
    /// ACLED geo precision 1..3.
    pub geo_precision: u8,
    /// Main actor.
    pub actor1: Option<String>,
    /// Actors associated with actor1.
    pub assoc_actor1: Vec<String>,
    /// The other side.
    pub actor2: Option<String>,
    /// Actors associated with actor2.
    pub assoc_actor2: Vec<String>,
    /// True when civilians were deliberately targeted.
    pub civilian_targeting: bool,
    /// Fatalities, when any figure is given.
    pub fatalities: Option<Fatalities>,
    /// Wounded, when given.
    pub wounded: Option<i64>,
    /// The claims behind the event.
    pub claims: Vec<Claim>,
    /// Spans that support the event.
    pub evidence: Vec<SpanText>,
    /// Ids of the rules that fired.
    pub rules: Vec<String>,
}

/// A movement of a unit or convoy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Movement {
    /// The unit or convoy.
    pub actor: String,
    /// Where, when the text says.
    pub place: Option<PlaceMention>,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// departed | arrived | passed | halted | turned_back | located
    pub status: crate::MovementStatus,
    /// The words that support it.
    pub evidence: SpanText,
}

/// Writes whole numbers as JSON integers, others as floats.
fn ser_num_opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_serialise_whole_numbers_as_integers() {
        let q = QuantityMention {
            span: SpanText {
                start: 0,
                end: 2,
                text: "27".into(),
            },
            value: Some(27.0),
            low: Some(27.0),
            high: None,
            unit: None,
            approx: false,
        };
        let j = serde_json::to_string(&q).unwrap();
        assert!(j.contains("\"value\":27,"), "{j}");
        assert!(j.contains("\"high\":null"), "{j}");
    }
}
