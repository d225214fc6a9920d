//! The storage interface. [`crate::Record`] writes and reads through it, so a second
//! backend (PostgreSQL, for a team sharing one record) implements these methods and runs
//! the same tests. The SQLite backend is [`crate::sqlite::SqliteStore`].

use crate::merge::{ReportFacts, ReportKey};
use crate::model::{
    DocumentFindings, EventDetail, EventFilter, Failure, MergedEvent, NewDocument, SearchHit,
    Stats, StoredDocument, StoredMovement, TimeBin, TimelineCount, Track,
};
use vigie_model::Event;

/// Why the store failed. Each says what to do where it can.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database said no.
    #[error("database: {0}")]
    Database(String),
    /// A stored value could not be read back (a record written by a newer Vigie?).
    #[error("stored data: {0}")]
    Data(String),
    /// The record was written by a newer Vigie.
    #[error(
        "this record has schema version {found}; this Vigie knows up to {known}: upgrade Vigie"
    )]
    TooNew {
        /// The record's version.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
}

/// One report to keep: a document's account of one event.
#[derive(Debug, Clone, Copy)]
pub struct ReportRow<'a> {
    /// `{document id}/{index}`.
    pub id: &'a str,
    /// The document.
    pub document_id: &'a str,
    /// Index of the event in the document's extraction.
    pub index: usize,
    /// The merged event it belongs to.
    pub event_id: &'a str,
    /// Its fields.
    pub event: &'a Event,
    /// Its merge key.
    pub key: &'a ReportKey,
    /// Why it joined (empty when it created the event).
    pub reasons: &'a [String],
    /// Independent source: the outlet, or the document id.
    pub source: &'a str,
}

/// Everything the record needs from a storage backend.
///
/// Writes happen between [`Store::begin`] and [`Store::commit`]: a batch is all or
/// nothing, so a crash leaves the record as it was after the last whole batch.
pub trait Store {
    /// Starts a write transaction.
    fn begin(&mut self) -> Result<(), StoreError>;
    /// Makes the transaction's writes durable.
    fn commit(&mut self) -> Result<(), StoreError>;
    /// Drops the transaction's writes.
    fn rollback(&mut self) -> Result<(), StoreError>;

    /// Whether a document with this content hash is held.
    fn has_document(&self, id: &str) -> Result<bool, StoreError>;
    /// How many versions are held at this URL.
    fn versions_at(&self, url: &str) -> Result<u32, StoreError>;
    /// Keeps a document, its mentions and its version number at its URL.
    fn insert_document(&mut self, doc: &NewDocument, version: u32) -> Result<(), StoreError>;
    /// Keeps a failure; false when the same source with the same content is already kept.
    fn insert_failure(&mut self, failure: &Failure) -> Result<bool, StoreError>;

    /// Events that might be the same as a report with this key: same type, starting within
    /// [`ReportKey::window`]. Each with its merge key.
    fn candidates(&self, key: &ReportKey) -> Result<Vec<(String, ReportKey)>, StoreError>;
    /// The reports of an event, in arrival order.
    fn event_reports(&self, event_id: &str) -> Result<Vec<ReportFacts>, StoreError>;
    /// Keeps a report.
    fn insert_report(&mut self, report: ReportRow<'_>) -> Result<(), StoreError>;
    /// Creates or replaces a merged event, with the key new reports are compared with.
    fn put_event(&mut self, event: &MergedEvent, key: &ReportKey) -> Result<(), StoreError>;

    /// Moves every report and claim of event `absorbed` into event `into`, deletes
    /// `absorbed` and keeps its id as an alias of `into`.
    fn absorb_event(&mut self, absorbed: &str, into: &str) -> Result<(), StoreError>;

    /// Keeps the movements of a document.
    fn insert_movements(&mut self, doc: &NewDocument) -> Result<usize, StoreError>;
    /// Every movement of an actor, in no particular order.
    fn movements_of(&self, actor: &str) -> Result<Vec<StoredMovement>, StoreError>;
    /// Notes that an actor's tracks must be rebuilt.
    fn mark_tracks_dirty(&mut self, actor: &str) -> Result<(), StoreError>;
    /// Actors whose tracks must be rebuilt.
    fn dirty_track_actors(&self) -> Result<Vec<String>, StoreError>;
    /// Replaces the tracks of an actor (and clears its dirty mark).
    fn put_tracks(&mut self, actor: &str, tracks: &[Track]) -> Result<(), StoreError>;

    /// Merged events matching a filter, by date then id.
    fn events(&self, filter: &EventFilter) -> Result<Vec<MergedEvent>, StoreError>;
    /// How many events matching a filter start in each day, week or month, by type
    /// (the filter's limit and offset are ignored).
    fn timeline(
        &self,
        filter: &EventFilter,
        bin: TimeBin,
    ) -> Result<Vec<TimelineCount>, StoreError>;
    /// One event with its reports.
    fn event(&self, id: &str) -> Result<Option<EventDetail>, StoreError>;
    /// Full-text search over documents, best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;
    /// One document and its text.
    fn document(&self, id: &str) -> Result<Option<(StoredDocument, String)>, StoreError>;
    /// What was found in a document: mentions, reports, movements.
    fn document_findings(&self, id: &str) -> Result<DocumentFindings, StoreError>;
    /// Every track, by first day.
    fn tracks(&self) -> Result<Vec<Track>, StoreError>;
    /// Everything in quarantine.
    fn failures(&self) -> Result<Vec<Failure>, StoreError>;
    /// What the record holds.
    fn stats(&self) -> Result<Stats, StoreError>;
}
