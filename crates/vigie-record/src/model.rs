//! What the record holds, as the store returns it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vigie_model::{Document, Event, Extraction, Movement};

/// A document read and extracted, on its way into the record.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// The document (its id is its content hash).
    pub document: Document,
    /// What the pipeline found in it.
    pub extraction: Extraction,
    /// Where it came from ("dir/a.html", "feed.xml#3").
    pub source: String,
    /// The format it was read as ("html", "json_lines", …).
    pub format: String,
}

/// A source that could not be read, kept in the record with its error (quarantine).
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// Where it came from.
    pub source: String,
    /// The format it was read as, when known.
    pub format: Option<String>,
    /// What went wrong, for people.
    pub error: String,
    /// The bytes as read (up to [`crate::MAX_QUARANTINE_BYTES`]; `size` tells the whole).
    #[serde(skip)]
    pub content: Vec<u8>,
    /// The size of the whole input in bytes.
    pub size: u64,
}

/// What happened to one document when it reached the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A document the record did not have.
    New,
    /// A new version of a page the record had at the same URL (the old one is kept).
    Updated,
    /// Already in the record: nothing changed.
    Unchanged,
}

/// Counts of one ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Documents the record did not have.
    pub new: usize,
    /// New versions of pages already in the record.
    pub updated: usize,
    /// Documents already in the record.
    pub unchanged: usize,
    /// Sources or items that could not be read (kept in quarantine).
    pub failed: usize,
    /// Reports (one document's account of one event) added.
    pub reports: usize,
    /// Merged events created.
    pub events_created: usize,
    /// Reports that joined an existing event.
    pub events_joined: usize,
    /// Movements added.
    pub movements: usize,
}

impl Summary {
    /// Adds another summary's counts to this one.
    pub fn add(&mut self, o: &Summary) {
        self.new += o.new;
        self.updated += o.updated;
        self.unchanged += o.unchanged;
        self.failed += o.failed;
        self.reports += o.reports;
        self.events_created += o.events_created;
        self.events_joined += o.events_joined;
        self.movements += o.movements;
    }
}

/// Fatalities of a merged event across its claims.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FatalityRange {
    /// The lowest figure any report gives.
    pub low: Option<i64>,
    /// ACLED's conservative figure: the lowest best estimate among the reports.
    pub best: Option<i64>,
    /// The highest figure any report gives.
    pub high: Option<i64>,
}

/// A merged event: reports of one real event from one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedEvent {
    /// Stable id: derived from the first report that made it, never changed by later ones.
    pub id: String,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type (the one most reports give).
    pub sub_event_type: String,
    /// First day (the most precise reports' interval).
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// ACLED time precision (1 day, 2 week, 3 month) of that interval.
    pub time_precision: u8,
    /// Place name (of the most precise report).
    pub location: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// ACLED geo precision (1 town, 2 near/district, 3 region or larger).
    pub geo_precision: u8,
    /// ISO 3166-1 alpha-2 country.
    pub country: Option<String>,
    /// First-order administrative division.
    pub admin1: Option<String>,
    /// Second-order administrative division.
    pub admin2: Option<String>,
    /// Who acted (most reports' view).
    pub actor1: Option<String>,
    /// Actors on actor1's side.
    pub assoc_actor1: Vec<String>,
    /// Who was targeted.
    pub actor2: Option<String>,
    /// Actors on actor2's side.
    pub assoc_actor2: Vec<String>,
    /// Whether any report says civilians were deliberately targeted.
    pub civilian_targeting: bool,
    /// Fatalities across the claims.
    pub fatalities: FatalityRange,
    /// Wounded: the lowest figure reported.
    pub wounded: Option<i64>,
    /// Independent sources (distinct outlets, or documents without an outlet).
    pub sources: u32,
    /// Number of reports merged.
    pub reports: u32,
    /// Whether claims conflict (perpetrators, victims, fatality ranges).
    pub contested: bool,
    /// Why it is contested, in words.
    pub contested_why: Vec<String>,
    /// When the record last changed it (Unix seconds; 0 before it is stored).
    pub updated_at: i64,
}

/// The document a report comes from, as exports show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRef {
    /// Content hash.
    pub id: String,
    /// Where it was published.
    pub url: Option<String>,
    /// Who published it.
    pub outlet: Option<String>,
    /// When.
    pub published: Option<NaiveDate>,
    /// Headline.
    pub title: Option<String>,
}

/// One document's account of one event, as stored.
#[derive(Debug, Clone, Serialize)]
pub struct StoredReport {
    /// `{document id}/{index in the document}`.
    pub id: String,
    /// The merged event it belongs to.
    pub event_id: String,
    /// The document.
    pub document: DocumentRef,
    /// Why it joined its event (empty for the report that created it).
    pub reasons: Vec<String>,
    /// The report's own fields, as in the extraction contract.
    #[serde(flatten)]
    pub event: Event,
}

/// A merged event with everything behind it.
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    /// The merged fields.
    #[serde(flatten)]
    pub event: MergedEvent,
    /// Its reports, in the order they arrived.
    #[serde(rename = "reports")]
    pub report_list: Vec<StoredReport>,
}

/// A stored document, as search and the API return it.
#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    /// The document's reference fields.
    #[serde(flatten)]
    pub meta: DocumentRef,
    /// Language code.
    pub lang: String,
    /// Where it was read from.
    pub source: String,
    /// The format it was read as.
    pub format: String,
    /// Its version number at its URL (1 for the first).
    pub version: u32,
}

/// A search hit.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// The document.
    pub document: DocumentRef,
    /// A few words around the match, the match in `[…]`.
    pub snippet: String,
}

/// A stored movement of one unit or convoy, from one document.
#[derive(Debug, Clone, Serialize)]
pub struct StoredMovement {
    /// The document it comes from.
    pub document: DocumentRef,
    /// The movement as extracted.
    #[serde(flatten)]
    pub movement: Movement,
}

/// One dated point of a track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waypoint {
    /// Movement status (departed, passed, arrived, halted, located, turned_back).
    pub status: String,
    /// Place name.
    pub place: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// Documents saying so.
    pub documents: Vec<String>,
    /// The words, one per document.
    pub evidence: Vec<String>,
}

/// A leg between two located waypoints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leg {
    /// Index of the first waypoint.
    pub from: usize,
    /// Index of the second.
    pub to: usize,
    /// Great-circle distance, km.
    pub km: f64,
    /// Days between them (at least the shortest time the dates allow, 1 for the same day).
    pub days: f64,
    /// Implied speed, km per day.
    pub km_per_day: f64,
    /// False when the leg is faster than a vehicle column can go.
    pub plausible: bool,
}

/// Movements of one unit or convoy across documents, ordered in time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Track {
    /// Stable id: actor and first day.
    pub id: String,
    /// Who moves.
    pub actor: String,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// The waypoints, in time order.
    pub waypoints: Vec<Waypoint>,
    /// Legs between located waypoints.
    pub legs: Vec<Leg>,
    /// False when any leg is impossible.
    pub plausible: bool,
}

/// Filters of `vigie events` and the API.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events ending on or after this day.
    pub from: Option<NaiveDate>,
    /// Events starting on or before this day.
    pub to: Option<NaiveDate>,
    /// (min_lon, min_lat, max_lon, max_lat).
    pub bbox: Option<(f64, f64, f64, f64)>,
    /// ISO2 country code or country name.
    pub country: Option<String>,
    /// ACLED event type or sub-event type.
    pub event_type: Option<String>,
    /// ACLED sub-event type.
    pub sub_event_type: Option<String>,
    /// An actor (actor1, actor2 or associated), case-insensitive.
    pub actor: Option<String>,
    /// Words that must occur in one of the event's documents (full-text search).
    pub text: Option<String>,
    /// Only contested events.
    pub contested: Option<bool>,
    /// At most this many.
    pub limit: Option<usize>,
    /// Skip this many (pagination).
    pub offset: usize,
}

/// Counts of what the record holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Failures in quarantine.
    pub failures: u64,
    /// Reports.
    pub reports: u64,
    /// Merged events.
    pub events: u64,
    /// Movements.
    pub movements: u64,
    /// Tracks.
    pub tracks: u64,
}

/// The width of a timeline's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeBin {
    /// One bar per day.
    Day,
    /// One bar per week, Monday to Sunday.
    Week,
    /// One bar per calendar month.
    Month,
}

impl std::str::FromStr for TimeBin {
    type Err = String;
    fn from_str(s: &str) -> Result<TimeBin, String> {
        match s {
            "day" => Ok(TimeBin::Day),
            "week" => Ok(TimeBin::Week),
            "month" => Ok(TimeBin::Month),
            _ => Err(format!("unknown bin {s:?}: day, week or month")),
        }
    }
}

/// How many events of one type start in one bar of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineCount {
    /// The bar's first day (a Monday for weeks, the 1st for months).
    pub period: NaiveDate,
    /// ACLED event type.
    pub event_type: String,
    /// Events whose first day falls in the bar.
    pub count: u64,
}

/// One thing found in a document, as stored: where it is and what it is.
#[derive(Debug, Clone, Serialize)]
pub struct StoredMention {
    /// place, date, quantity or actor.
    pub kind: String,
    /// Start, in bytes of the document's text.
    pub start: usize,
    /// End, in bytes.
    pub end: usize,
    /// What it resolves to, in a few words (place name, ISO date, actor).
    pub label: Option<String>,
    /// The whole mention, as in the extraction contract.
    pub data: serde_json::Value,
}

/// Everything the record found in one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentFindings {
    /// Mentions, by position.
    pub mentions: Vec<StoredMention>,
    /// Its reports (its accounts of events), each with the merged event it joined.
    pub reports: Vec<StoredReport>,
    /// Its movements, in the order found.
    pub movements: Vec<Movement>,
}
